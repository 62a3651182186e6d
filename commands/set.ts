import type { CommandImpl } from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { quoteText } from "../lib/shell/format.ts";
import { joinWords } from "../lib/script/words.ts";
import { t } from "../lib/i18n/mod.ts";

/** `set`: give a variable a value. */
export const setCommand: CommandImpl = {
  run(ctx) {
    const [name, ...rest] = ctx.args;
    if (!name) {
      const lines = [...ctx.scope.vars.entries()]
        .filter(([k]) => !/^[0-9#]$/.test(k))
        .map(([k, v]) => `${k}=${quoteText(new TextDecoder().decode(v))}`);
      if (lines.length) ctx.io.out(lines.join("\n") + "\n");
      return { code: 0 };
    }
    if (name.quoted || !/^[A-Za-z_]\w*$/.test(name.text)) {
      throw new UsageError(
        t("set.badNameChars", { text: quoteText(name.text) }),
      );
    }
    ctx.scope.vars.set(name.text, joinWords(rest));
    return { code: 0 };
  },
};
