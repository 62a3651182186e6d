import { type CommandImpl, parseOptions } from "../lib/shell/command.ts";
import { joinWords } from "../lib/script/words.ts";

const decoder = new TextDecoder();

/** `print`: write a line, as the handout's printf calls do. */
export const printCommand: CommandImpl = {
  run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, {
      n: "flag",
      e: "flag",
    });
    const text = decoder.decode(joinWords(rest)) + (opts.n ? "" : "\n");
    if (opts.e) ctx.io.err(text);
    else ctx.io.out(text);
    return { code: 0 };
  },
};
