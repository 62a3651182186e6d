import { quoteText } from "../lib/shell/format.ts";
import { arity, type CommandSpec } from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";

/** `trace`: show or hide the C call of each command that succeeds. */
export const traceCommand: CommandSpec = {
  name: "trace",
  kind: "shell",
  usage: "trace <on|off>",
  c: "(no call: strace -e trace=network)",
  deno: "none",
  example: "trace off",
  complete: ["on", "off"],
  run(ctx) {
    arity(ctx.args, 1, 1, this.usage);
    const v = ctx.args[0]!.text;
    if (v !== "on" && v !== "off") {
      throw new UsageError(`trace takes on or off, not ${quoteText(v)}`);
    }
    ctx.scope.trace = v === "on";
    return Promise.resolve({ code: 0 });
  },
};
