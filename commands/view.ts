import { arity, type CommandImpl, VIEWS } from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { t } from "../lib/i18n/mod.ts";

/** `view`: how received data is shown for the rest of the session. */
export const viewCommand: CommandImpl = {
  run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const v = ctx.args[0]?.text;
    if (v === undefined) {
      ctx.io.out(`view ${ctx.shell.view ?? "quoted"}\n`);
      return { code: 0 };
    }
    if (!(VIEWS as readonly string[]).includes(v)) {
      throw new UsageError(t("view.takes", { text: JSON.stringify(v) }));
    }
    ctx.shell.view = v as typeof VIEWS[number];
    return { code: 0 };
  },
};
