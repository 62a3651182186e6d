import { type CommandSpec, parseOptions } from "../lib/shell/command.ts";
import { joinWords } from "../lib/script/words.ts";

const decoder = new TextDecoder();

/** `print`: write a line, as the handout's printf calls do. */
export const printCommand: CommandSpec = {
  name: "print",
  kind: "shell",
  usage: "print [-n] [-e] [text...]",
  c: "int printf(const char *format, ...);",
  deno: "none",
  example: 'print "packet is $buf.n bytes long"',
  run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, {
      n: "flag",
      e: "flag",
    });
    const text = decoder.decode(joinWords(rest)) + (opts.n ? "" : "\n");
    if (opts.e) ctx.io.err(text);
    else ctx.io.out(text);
    return Promise.resolve({ code: 0 });
  },
};
