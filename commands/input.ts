import {
  arity,
  call,
  type CommandImpl,
  parseOptions,
} from "../lib/shell/command.ts";
import { PREVIEW_MAX, showBytes } from "../lib/shell/format.ts";
import { findProc } from "../lib/check/procs.ts";
import { payload } from "../lib/script/payload.ts";
import { t } from "../lib/i18n/mod.ts";

/** `input`: type a line into a program started by spawn, as the user would at its keyboard. */
export const inputCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { c: "flag", r: "value" });
    arity(rest, 1, 4096, this.usage);
    const pidText = rest[0]!.text;
    const data = rest.length > 1
      ? payload(rest.slice(1), opts.r)
      : new Uint8Array(0);
    return await call(
      ctx,
      `write(stdin of ${pidText}, ${
        showBytes(data, PREVIEW_MAX)
      }, ${data.length})`,
      async () => {
        const p = findProc(ctx.shell, pidText);
        if (data.length) await p.write(data);
        if (opts.c) p.closeInput();
        return {
          ret: String(data.length),
          annotation: opts.c ? t("input.closed") : undefined,
        };
      },
    );
  },
};
