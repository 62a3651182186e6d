import { type CommandImpl, parseOptions } from "../lib/shell/command.ts";
import { escapeControls } from "../lib/shell/format.ts";
import { joinWords } from "../lib/script/words.ts";

const decoder = new TextDecoder();

/**
 * `print`: write a line, as the handout's printf calls do. To a pipe or a file the bytes go
 * as they are; to a terminal, what would act on it instead of showing (an escape sequence
 * a client sent to a replayed server, a carriage return that hides a line) is escaped, as
 * `ls` shows a file's name there. Newlines and tabs stay.
 */
export const printCommand: CommandImpl = {
  run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, {
      n: "flag",
      e: "flag",
    });
    let text = decoder.decode(joinWords(rest));
    if (opts.e ? ctx.io.terminal?.err : ctx.io.terminal?.out) {
      text = text.split(/([\n\t])/).map((part, i) =>
        i % 2 ? part : escapeControls(part)
      ).join("");
    }
    if (!opts.n) text += "\n";
    if (opts.e) ctx.io.err(text);
    else ctx.io.out(text);
    return { code: 0 };
  },
};
