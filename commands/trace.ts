import { quoteText } from "../lib/shell/format.ts";
import { arity, type CommandImpl } from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { t } from "../lib/i18n/mod.ts";

/** `trace`: show or hide the C call of each command that succeeds. */
export const traceCommand: CommandImpl = {
  run(ctx) {
    arity(ctx.args, 1, 1, this.usage);
    const v = ctx.args[0]!.text;
    if (v !== "on" && v !== "off") {
      throw new UsageError(t("trace.onOff", { text: quoteText(v) }));
    }
    ctx.scope.trace = v === "on";
    return { code: 0 };
  },
};
