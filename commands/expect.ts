import type { CommandImpl } from "../lib/shell/command.ts";
import { checkState } from "../lib/check/state.ts";
import { evalCondition } from "../lib/script/cond.ts";
import { errorLine, quoteText } from "../lib/shell/format.ts";
import { t } from "../lib/i18n/mod.ts";

/** `expect`: check a condition, and fail clearly when it does not hold. */
export const expectCommand: CommandImpl = {
  run(ctx) {
    if (evalCondition(ctx.args)) return { code: 0 };
    const shown = ctx.args.map((
      w,
    ) => (w.quoted ? quoteText(w.text) : w.text)).join(" ");
    errorLine(ctx.io, `expect: ${t("expect.failed", { condition: shown })}`);
    // In a check, both sides go to the failure's report, as bytes.
    const state = checkState(ctx.shell);
    const a = ctx.args;
    if (state) {
      const not = a[0]?.text === "not" && !a[0].quoted ? 1 : 0;
      state.expectation = a.length === 3 + not
        ? {
          got: a[not]!.bytes,
          op: (not ? "not " : "") + a[not + 1]!.text,
          expected: a[not + 2]!.bytes,
        }
        : { got: new Uint8Array(0), op: shown, expected: new Uint8Array(0) };
    }
    return { code: 1 };
  },
};
