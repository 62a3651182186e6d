import {
  arity,
  call,
  type CommandImpl,
  interruptible,
  parseOptions,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
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
        // A program that does not read its input fills the pipe (64 KiB), and write() blocks, as
        // C's does: until Ctrl-C (or a scenario's end), which leaves the rest queued for it.
        if (data.length) {
          try {
            await interruptible(p.write(data), ctx.signal, undefined);
          } catch (e) {
            if (e instanceof SocketError && e.errno === "EINTR") {
              throw new SocketError(
                "EINTR",
                t("input.interrupted", { why: e.detail ?? e.message }),
              );
            }
            throw e;
          }
        }
        if (opts.c) p.closeInput();
        return {
          ret: String(data.length),
          annotation: opts.c ? t("input.closed") : undefined,
        };
      },
    );
  },
};
