import type { CommandSpec } from "../lib/command.ts";
import { evalCondition } from "../lib/cond.ts";
import { errorLine, quoteText } from "../lib/format.ts";

/** `expect`: check a condition, and fail clearly when it does not hold. */
export const expectCommand: CommandSpec = {
  name: "expect",
  kind: "shell",
  usage: "expect <condition>",
  summary:
    "Check what was received: fail (status 1) with both sides shown when the condition is false",
  c: "(no call: assert(3))",
  deno: "none",
  example: 'expect "$msg" == "hello\\n"',
  details: [
    "Conditions, as for if and while: A == B, A != B, A < B (and <= > >=, whole numbers),",
    "A contains B, A startswith B, A endswith B, int A, true, false, and not before any of them.",
  ],
  run(ctx) {
    if (evalCondition(ctx.args)) return Promise.resolve({ code: 0 });
    const shown = ctx.args.map((
      w,
    ) => (w.quoted ? quoteText(w.text) : w.text)).join(" ");
    errorLine(ctx.io, `expect: failed: ${shown}`);
    return Promise.resolve({ code: 1 });
  },
};
