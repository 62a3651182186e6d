import { arity, type CommandSpec, parseInteger } from "../lib/shell/command.ts";

/** `exit`: close every socket and leave. */
export const exitCommand: CommandSpec = {
  name: "exit",
  kind: "shell",
  aliases: ["quit"],
  usage: "exit [status:integer]",
  summary:
    "Close every socket and leave the shell (Ctrl-D does the same); in a script, end it",
  c: "void exit(int status);",
  deno: "every resource's close()",
  example: "exit",
  details: [
    "In a replay or a fork child, exit ends that task only. A script that exits while fork children",
    "wait in a call ends those calls (EINTR: exit ended the child) and leaves, as a C parent's exit does.",
  ],
  run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const code = ctx.args[0]
      ? parseInteger(ctx.args[0].text, "exit status", 0, 255)
      : 0;
    // In a replay or a forked child, exit ends that task, as exit(3) ends a process.
    if (ctx.scope.exits === "task") ctx.scope.exited = code;
    else ctx.shell.exitCode = code;
    return Promise.resolve({ code: 0 });
  },
};
