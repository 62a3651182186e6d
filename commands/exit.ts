import { arity, type CommandImpl, parseInteger } from "../lib/shell/command.ts";

/** `exit`: close every socket and leave. */
export const exitCommand: CommandImpl = {
  run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const code = ctx.args[0]
      ? parseInteger(ctx.args[0].text, "exitStatus", 0, 255)
      : 0;
    // In a replay or a forked child, exit ends that task, as exit(3) ends a process.
    if (ctx.scope.exits === "task") ctx.scope.exited = code;
    else ctx.shell.exitCode = code;
    return { code: 0 };
  },
};
