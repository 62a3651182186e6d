import type { CommandSpec } from "../lib/shell/command.ts";
import { checkState } from "../lib/check/state.ts";
import { joinWords } from "../lib/script/words.ts";

/** `hint`: in a check, the sentence a failure of this scenario shows from here on. */
export const hintCommand: CommandSpec = {
  name: "hint",
  kind: "shell",
  usage: "hint <text...>",
  c: "(no call)",
  deno: "none",
  example:
    'hint "your server answered after the first read: read until the newline"',
  run(ctx) {
    const state = checkState(ctx.shell);
    if (state) state.hint = new TextDecoder().decode(joinWords(ctx.args));
    return Promise.resolve({ code: 0 });
  },
};
