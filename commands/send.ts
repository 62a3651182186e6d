import {
  call,
  type CallOk,
  type CommandImpl,
  type CommandResult,
  type Context,
  fdText,
  interruptible,
  parseInteger,
  parseOptions,
  parseTimeout,
  targetSock,
} from "../lib/shell/command.ts";
import { SocketError, strerror } from "../lib/net/errno.ts";
import type { Written } from "../lib/shell/fdtable.ts";
import {
  errorLine,
  PREVIEW_MAX,
  seconds,
  showBytes,
} from "../lib/shell/format.ts";
import { payload, repeatBytes, repetition } from "../lib/script/payload.ts";
import { sendUnixDatagram } from "../lib/shell/unix.ts";
import { FILE_CHUNK, sendFile } from "../lib/shell/transfer.ts";
import { UsageError } from "../lib/shell/errors.ts";

const CRLF = new Uint8Array([13, 10]);
import { t } from "../lib/i18n/mod.ts";
import { after, type Cancel } from "../lib/shell/timer.ts";

/** `send`: write bytes on a connected socket. */
export const sendCommand: CommandImpl = {
  // Not async: a usage error throws at once, and a send of one piece is its call's promise,
  // not one more around it.
  run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, {
      r: "value",
      o: "flag",
      n: "value",
      t: "value",
      c: "value",
      d: "value",
      C: "flag",
      f: "value",
    });
    if (typeof opts.f === "string") {
      if (rest.length || opts.r || opts.n || opts.C || opts.c) {
        throw new UsageError(t("transfer.fileAlone"));
      }
      return sendFile(ctx, opts.f);
    }
    const timeout = parseTimeout(opts.t);
    const end = opts.C ? CRLF : undefined;
    const oob = opts.o === true;
    if (opts.r !== undefined && !oob && opts.c === undefined) {
      const { once, times } = repetition(rest, opts.r, end);
      const total = opts.n === undefined
        ? once.length * times
        : parseInteger(String(opts.n), "length", 0, once.length * times);
      // Beyond one block, TCP streams the repetitions: nothing of the total's size is built.
      if (times > 1 && total > FILE_CHUNK && streams(ctx)) {
        return sendRepeated(ctx, once, total, timeout);
      }
    }
    const text = payload(rest, opts.r, end);
    // -n LEN is C's len argument: only the first LEN bytes of the text go out.
    const data = opts.n === undefined ? text : text.subarray(
      0,
      parseInteger(String(opts.n), "length", 0, text.length),
    );
    if (opts.c !== undefined) {
      const size = parseInteger(String(opts.c), "segmentSize", 1, 65536);
      const pause = parseTimeout(opts.d) ?? 0;
      return sendSegments(ctx, this.name, data, size, pause, oob, timeout);
    }
    return sendOnce(ctx, this.name, data, oob, timeout);
  },
};

/** `send -c SIZE [-d SECONDS]`: one send() per segment, with a pause between them. */
async function sendSegments(
  ctx: Context,
  name: string,
  data: Uint8Array,
  size: number,
  pause: number,
  oob: boolean,
  timeout: number | undefined,
): Promise<CommandResult> {
  let r: CommandResult = { code: 0 };
  for (let off = 0; off < data.length; off += size) {
    if (off > 0 && pause > 0) {
      let cancel: Cancel | undefined;
      try {
        await interruptible(
          new Promise<void>((resolve) => cancel = after(pause, resolve)),
          ctx.signal,
          undefined,
        );
      } catch {
        cancel?.();
        errorLine(ctx.io, `${name}: EINTR (${strerror("EINTR")})`);
        return { code: 124 };
      }
    }
    const piece = data.subarray(off, off + size);
    r = await sendOnce(ctx, name, piece, oob, timeout);
    if (r.code !== 0) return r;
  }
  return { code: r.code, value: { "": data.length } };
}

/** True when the target is a TCP socket (a bad descriptor is left for the send to report). */
function streams(ctx: Context): boolean {
  try {
    return targetSock(ctx).proto === "tcp";
  } catch {
    return false;
  }
}

/**
 * One send() of `total` bytes of `once` repeated: a block of whole
 * repetitions is written again and again, so nothing of the total's size is
 * built and memory stays bounded (what a C loop over one buffer does; the
 * call and its count are the same as for the whole built at once).
 */
function sendRepeated(
  ctx: Context,
  once: Uint8Array,
  total: number,
  timeout: number | undefined,
): Promise<CommandResult> {
  const block = repeatBytes(
    once,
    Math.max(1, Math.floor(FILE_CHUNK / once.length)),
  );
  return call(
    ctx,
    `send(${fdText(ctx)}, ${
      showBytes(block, PREVIEW_MAX, total)
    }, ${total}, 0)`,
    async () => {
      const s = targetSock(ctx);
      const wait = sendWait(ctx.signal, timeout);
      let n = 0;
      while (n < total) {
        const w = await s.writeStream(
          block.subarray(0, Math.min(block.length, total - n)),
          wait,
        );
        n += w.n;
        if (w.cut) return sent({ n, cut: w.cut }, total);
      }
      return sent({ n }, total);
    },
  );
}

/** One send() call of `data`. */
function sendOnce(
  ctx: Context,
  name: string,
  data: Uint8Array,
  oob: boolean,
  timeout: number | undefined,
): Promise<CommandResult> {
  const flags = oob ? "MSG_OOB" : "0";
  const fd = fdText(ctx);
  return call(
    ctx,
    () =>
      `${name}(${fd}, ${
        showBytes(data, PREVIEW_MAX)
      }, ${data.length}, ${flags})`,
    async () => {
      const s = targetSock(ctx);
      if (oob) {
        throw new SocketError(
          "EOPNOTSUPP",
          t("send.oob"),
        );
      }
      if (s.proto === "udp" && s.family === "unix") {
        if (!s.peer || !("path" in s.peer)) {
          throw new SocketError(
            "ENOTCONN",
            t("send.unixNotConnected"),
          );
        }
        return await sendUnixDatagram(ctx, s, data, s.peer);
      }
      if (s.proto === "udp") {
        if (!s.peer || !s.dgram) {
          throw new SocketError(
            "EDESTADDRREQ",
            t("send.udpNotConnected"),
          );
        }
        const n = await s.dgram.send(data, s.peer);
        return { ret: String(n), value: { "": n } };
      }
      return sent(
        await s.writeStream(data, sendWait(ctx.signal, timeout)),
        data.length,
      );
    },
  );
}

/** Each wait of a TCP send, stopped by Ctrl-C or by `-t` (SO_SNDTIMEO: EAGAIN). */
export function sendWait(
  signal: AbortSignal,
  timeoutMs?: number,
): <T>(p: Promise<T>) => Promise<T> {
  // Only the timeout's EAGAIN is reworded: without one, no catch on every send.
  if (timeoutMs === undefined) {
    return (p) => interruptible(p, signal, undefined);
  }
  return (p) =>
    interruptible(p, signal, timeoutMs).catch((e) => {
      if (e instanceof SocketError && e.errno === "EAGAIN") {
        throw new SocketError(
          "EAGAIN",
          t("send.timeout", { s: seconds(timeoutMs!) }),
        );
      }
      throw e;
    });
}

/** A TCP send's result: its count, and a note when Ctrl-C or the timeout cut it short. */
export function sent(w: Written, total: number): CallOk {
  const notes = w.cut
    ? [
      t("send.cut", {
        why: w.cut.message,
        n: w.n,
        total,
        rest: total - w.n,
      }),
    ]
    : undefined;
  return { ret: String(w.n), notes, value: { "": w.n } };
}
