import {
  arity,
  call,
  type CommandImpl,
  parseOptions,
  parseTimeout,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import { findProc } from "../lib/check/procs.ts";
import { t } from "../lib/i18n/mod.ts";
import { seconds } from "../lib/shell/format.ts";
import { after, type Cancel } from "../lib/shell/timer.ts";

/** `wait`: wait for a program started by spawn to exit, and read what it wrote. */
export const waitCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { t: "value" }, true);
    arity(rest, 1, 1, this.usage);
    const timeout = parseTimeout(opts.t);
    const pidText = rest[0]!.text;
    return await call(
      ctx,
      `waitpid(${pidText}, &status, 0)`,
      async () => {
        const p = findProc(ctx.shell, pidText);
        if (!p.ended) {
          await new Promise<void>((resolve, reject) => {
            let cancel: Cancel | undefined;
            const done = () => {
              cancel?.();
              ctx.signal.removeEventListener("abort", onAbort);
            };
            const onAbort = () => {
              done();
              reject(new SocketError("EINTR", t("wait.interrupted")));
            };
            if (ctx.signal.aborted) return onAbort();
            ctx.signal.addEventListener("abort", onAbort, { once: true });
            if (timeout !== undefined) {
              cancel = after(timeout, () => {
                done();
                reject(
                  new SocketError(
                    "ETIMEDOUT",
                    t("wait.timeout", { s: seconds(timeout) }),
                  ),
                );
              });
            }
            p.exited.then(() => {
              done();
              resolve();
            });
          });
        }
        return {
          ret: String(p.pid),
          annotation: p.ending,
          value: {
            "": p.pid,
            pid: p.pid,
            status: p.status!,
            out: p.stdout(),
            err: p.stderr(),
          },
        };
      },
    );
  },
};
