import { arity, type CommandSpec, parseInteger } from "../lib/command.ts";

/** `exit`: close every socket and leave. */
export const exitCommand: CommandSpec = {
  name: "exit",
  aliases: ["quit"],
  usage: "exit [status:integer]",
  summary: "Close every socket and leave the shell (Ctrl-D does the same)",
  c: "void exit(int status);",
  deno: "every resource's close()",
  example: "exit",
  run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    ctx.shell.exitCode = ctx.args[0]
      ? parseInteger(ctx.args[0].text, "exit status", 0, 255)
      : 0;
    return Promise.resolve({ code: 0 });
  },
};
