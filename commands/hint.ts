import type { CommandImpl } from "../lib/shell/command.ts";
import { EXIT } from "../lib/shell/errors.ts";
import { checkState } from "../lib/check/state.ts";
import { keyedText } from "../lib/check/keyed.ts";
import { joinWords } from "../lib/script/words.ts";

/** `hint`: in a check, the sentence a failure of this scenario shows from here on. */
export const hintCommand: CommandImpl = {
  run(ctx) {
    const state = checkState(ctx.shell);
    const first = ctx.args[0];
    if (first && !first.quoted && first.text === "-k") {
      const words = ctx.args.slice(1).map((w) => w.text);
      const found = keyedText("hint", words[0], words.slice(1));
      if ("error" in found) {
        ctx.io.err(`${found.error}\n`);
        return { code: EXIT.usage };
      }
      if (state) state.hint = found.text;
    } else if (state) {
      state.hint = new TextDecoder().decode(joinWords(ctx.args));
    }
    return { code: 0 };
  },
};
