import { quoteText } from "../lib/shell/format.ts";
import type { CommandImpl } from "../lib/shell/command.ts";
import { evalArithmetic } from "../lib/script/cond.ts";
import { encodeText } from "../lib/script/tokenize.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { t } from "../lib/i18n/mod.ts";

/** `let`: integer arithmetic into a variable. */
export const letCommand: CommandImpl = {
  run(ctx) {
    // By index: a rest pattern goes through the iterator protocol, on every turn of a loop.
    const args = ctx.args;
    const name = args[0];
    if (!name || args[1]?.text !== "=" || args.length < 3) {
      throw new UsageError(t("let.usage", { usage: this.usage }));
    }
    if (!/^[A-Za-z_]\w*$/.test(name.text)) {
      throw new UsageError(t("set.badName", { text: quoteText(name.text) }));
    }
    let expr = args[2]!.text;
    for (let i = 3; i < args.length; i++) expr += " " + args[i]!.text;
    const value = evalArithmetic(expr);
    ctx.scope.vars.set(name.text, encodeText(String(value)));
    return { code: 0, value: { "": value } };
  },
};
