import { quoteText } from "../lib/shell/format.ts";
import { arity, type CommandImpl } from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { t } from "../lib/i18n/mod.ts";
import { say } from "../lib/teach/messages.ts";

/** `explain`: after each call, the socket's 5-tuple as the handout writes it, and why. */
export const explainCommand: CommandImpl = {
  run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const teach = ctx.shell.teach;
    const v = ctx.args[0]?.text;
    if (v !== undefined && v !== "on" && v !== "off") {
      throw new UsageError(t("explain.onOff", { text: quoteText(v) }));
    }
    if (teach && v !== undefined) teach.explain = v === "on";
    ctx.io.out(say(teach?.explain ? "explainOn" : "explainOff") + "\n");
    return { code: 0 };
  },
};
