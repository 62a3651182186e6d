import { quoteText } from "../lib/shell/format.ts";
import type { CommandImpl } from "../lib/shell/command.ts";
import { evalArithmetic } from "../lib/script/cond.ts";
import { encodeText } from "../lib/script/tokenize.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { t } from "../lib/i18n/mod.ts";

/** `let`: integer arithmetic into a variable. */
export const letCommand: CommandImpl = {
  run(ctx) {
    const [name, eq, ...expr] = ctx.args;
    if (!name || eq?.text !== "=" || !expr.length) {
      throw new UsageError(t("let.usage", { usage: this.usage }));
    }
    if (!/^[A-Za-z_]\w*$/.test(name.text)) {
      throw new UsageError(t("set.badName", { text: quoteText(name.text) }));
    }
    const value = evalArithmetic(expr.map((w) => w.text).join(" "));
    ctx.scope.vars.set(name.text, encodeText(String(value)));
    return { code: 0, value: { "": value } };
  },
};
