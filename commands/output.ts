import {
  arity,
  call,
  type CommandImpl,
  parseOptions,
  parseTimeout,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import { seconds, showBytes } from "../lib/shell/format.ts";
import { findProc } from "../lib/check/procs.ts";
import { t } from "../lib/i18n/mod.ts";
import { after, type Cancel } from "../lib/shell/timer.ts";

const encoder = new TextEncoder();

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (hay[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/** `output`: what a program started by spawn has written so far, waiting for some text if asked. */
export const outputCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, {
      t: "value",
      e: "flag",
      u: "value",
    }, true);
    arity(rest, 1, 1, this.usage);
    const timeout = parseTimeout(opts.t) ?? 2000;
    const pidText = rest[0]!.text;
    const until = typeof opts.u === "string"
      ? ctx.args.find((w) => w.text === opts.u)?.bytes ?? encoder.encode(opts.u)
      : undefined;
    const stream = opts.e ? "stderr" : "stdout";
    return await call(ctx, `read(${stream} of ${pidText}, buf)`, async () => {
      const p = findProc(ctx.shell, pidText);
      const take = () => opts.e ? p.stderr() : p.stdout();
      const notes: string[] = [];
      if (until) {
        const deadline = Date.now() + timeout;
        while (indexOf(take(), until, 0) < 0) {
          if (p.ended) {
            notes.push(t("output.exited", { ending: p.ending ?? "" }));
            break;
          }
          const left = deadline - Date.now();
          if (left <= 0) {
            notes.push(
              t("output.timeout", {
                text: showBytes(until),
                s: seconds(timeout),
              }),
            );
            break;
          }
          if (ctx.signal.aborted) {
            throw new SocketError("EINTR", t("wait.interrupted"));
          }
          let cancel: Cancel | undefined;
          await Promise.race([
            p.changed(),
            new Promise<void>((r) => cancel = after(Math.min(left, 100), r)),
          ]);
          cancel?.();
        }
      }
      const data = take();
      return {
        ret: `${data.length} ${showBytes(data, 200)}`,
        notes,
        value: { "": data, n: data.length },
      };
    });
  },
};
