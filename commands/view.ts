import { arity, type CommandSpec } from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { t } from "../lib/i18n/mod.ts";

const VIEWS = ["quoted", "lines", "hex"] as const;

/** `view`: how received data is shown for the rest of the session. */
export const viewCommand: CommandSpec = {
  name: "view",
  kind: "shell",
  usage: "view [quoted|lines|hex]",
  c: "(no call: how the shell prints the buffer recv filled)",
  deno: "none",
  example: "view lines",
  complete: [...VIEWS],
  run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const v = ctx.args[0]?.text;
    if (v === undefined) {
      ctx.io.out(`view ${ctx.shell.view ?? "quoted"}\n`);
      return Promise.resolve({ code: 0 });
    }
    if (!(VIEWS as readonly string[]).includes(v)) {
      throw new UsageError(t("view.takes", { text: JSON.stringify(v) }));
    }
    ctx.shell.view = v as typeof VIEWS[number];
    return Promise.resolve({ code: 0 });
  },
};
