/**
 * Files through a socket: `send -f` streams a file's bytes, `recv -f` writes
 * what arrives to a file. Both move one fixed buffer at a time, so memory
 * stays bounded whatever the size.
 *
 * @module
 */

import {
  call,
  type CommandResult,
  type Context,
  detailBeyond,
  fdText,
  fileWait,
  targetSock,
} from "./command.ts";
import { fileErrorText, SocketError, toSocketError } from "../net/errno.ts";
import { UsageError } from "./errors.ts";
import { language, t } from "../i18n/mod.ts";
import type { Sock } from "./fdtable.ts";
import {
  type FileReader,
  FileWriteError,
  type FileWriter,
} from "../ui/host.ts";
import { every } from "./timer.ts";

/**
 * Bytes per recv of `recv -f` into a file, and per send of a long `send -r`: two buffers of
 * it, reused. Larger than socat's 64 KiB: each call costs the runtime more than it costs C.
 */
export const FILE_CHUNK = 262144;

/**
 * Bytes per read and send of `send -f`: socat's 64 KiB, the fastest measured (1 GiB into a
 * C sink on the project's machine: 2.1 GB/s, against 1.6 GB/s for 256 KiB and 1.1 GB/s for
 * 128 KiB; likely the processor's cache, which holds the piece between its read and its send).
 */
export const SEND_FILE_CHUNK = 65536;

async function open<T extends { close(): Promise<void> }>(
  ctx: Context,
  path: string,
  how: "openRead" | "openWrite",
): Promise<T> {
  const f = ctx.shell.files[how];
  if (!f) throw new UsageError(t("transfer.noFiles"));
  try {
    return await fileWait(
      ctx,
      f(path) as Promise<unknown> as Promise<T>,
      path,
      how === "openRead" ? "read" : "write",
      (late) => late.close().catch(() => {}),
    );
  } catch (e) {
    if (e instanceof SocketError) throw e;
    throw new UsageError(
      t("transfer.cannotOpen", {
        file: JSON.stringify(path),
        how: how === "openRead" ? "read" : "write",
        error: fileErrorText(e),
      }),
    );
  }
}

/** A failed call's detail for a message, when it says more than strerror's text. */
function detailOf(e: SocketError): { hasDetail: string; detail: string } {
  const detail = detailBeyond(e);
  return { hasDetail: detail ? "yes" : "no", detail };
}

/** A file goes through a stream: a datagram socket's call is EOPNOTSUPP, with what to use instead. */
function needStream(s: Sock, how: "send" | "recv"): void {
  if (s.proto !== "tcp") {
    throw new SocketError(
      "EOPNOTSUPP",
      t(how === "send" ? "transfer.streamsOnly" : "transfer.streamsOnlyRecv"),
    );
  }
}

/**
 * `send -f FILE`: the file's bytes, in {@link SEND_FILE_CHUNK} pieces, each one's send
 * started before the next is read (what a C loop of read and send does, one piece ahead).
 */
export async function sendFile(
  ctx: Context,
  path: string,
): Promise<CommandResult> {
  const file = await open<FileReader>(ctx, path, "openRead");
  let sent = 0;
  // The read of the file failed (a directory, a failing disk): that call is the one that failed.
  let failedRead = false;
  try {
    const fd = fdText(ctx);
    return await call(
      ctx,
      () =>
        failedRead
          ? `read(<${path}>, buf, ${SEND_FILE_CHUNK})`
          : `send(${fd}, <${path}>, ${sent}, 0)`,
      withProgress(ctx, () => sent, async () => {
        const s = targetSock(ctx);
        needStream(s, "send");
        // Two buffers: the next piece is read from the file while this one is sent.
        const bufs = [
          new Uint8Array(SEND_FILE_CHUNK),
          new Uint8Array(SEND_FILE_CHUNK),
        ];
        let calls = 0;
        let reading = file.read(bufs[0]!);
        try {
          for (let i = 0;; i ^= 1) {
            if (ctx.signal.aborted) {
              throw new SocketError(
                "EINTR",
                t("transfer.interrupted", { n: sent }),
              );
            }
            let n: number | null;
            try {
              n = await reading;
            } catch (e) {
              failedRead = true;
              const se = toSocketError(e);
              throw sent > 0
                ? new SocketError(
                  se.errno,
                  t("transfer.readFailed", { file: path, n: sent }),
                )
                : se;
            }
            if (n === null) break;
            // The send first: the kernel has this piece while the next one is read.
            const writing = s.writeStream(bufs[i]!.subarray(0, n));
            reading = file.read(bufs[i ^ 1]!);
            // Its failure is the next turn's to report, once the send is done.
            reading.catch(() => {});
            try {
              await writing;
            } catch (e) {
              if (e instanceof SocketError && sent > 0) {
                throw new SocketError(
                  e.errno,
                  t("transfer.afterSent", { ...detailOf(e), n: sent }),
                );
              }
              throw e;
            }
            sent += n;
            calls++;
          }
        } finally {
          // The file is closed only once no read is pending on it.
          await reading.catch(() => null);
        }
        return {
          ret: String(sent),
          annotation: t("transfer.sent", { calls, chunk: SEND_FILE_CHUNK }),
          value: { "": sent },
        };
      }),
    );
  } finally {
    await file.close().catch(() => {});
  }
}

/**
 * `recv -f FILE`: what arrives, written to the file: one read, `limit`
 * bytes, or (`limit` Infinity, `-a`) everything until end of stream.
 */
export async function recvFile(
  ctx: Context,
  path: string,
  limit: number,
  wait: <T>(p: Promise<T>) => Promise<T>,
  oneRead: boolean,
): Promise<CommandResult> {
  const fd = fdText(ctx);
  // The write of a piece to the file failed (a full disk): that call is the one that failed.
  let failedWrite: number | undefined;
  const text = () =>
    failedWrite === undefined
      ? `recv(${fd}, buf, ${FILE_CHUNK}, 0)`
      : `write(<${path}>, buf, ${failedWrite})`;
  let s: Sock;
  // The socket is checked before the file is made: a failed call leaves no empty file behind.
  try {
    s = targetSock(ctx);
    needStream(s, "recv");
    if (!s.conn) {
      throw new SocketError("ENOTCONN", t("fd.notConnected", { fd: s.fd }));
    }
  } catch (e) {
    return await call(ctx, text, () => Promise.reject(e));
  }
  const file = await open<FileWriter>(ctx, path, "openWrite");
  let got = 0;
  // Bytes in the file: `got` less the piece being written.
  let written = 0;
  let calls = 0;
  let ended = false;
  try {
    return await call(
      ctx,
      text,
      withProgress(ctx, () => got, async () => {
        // Each piece is written while the next is read into the other buffer: the file and
        // the socket overlap, and nothing is allocated per piece.
        const bufs = [new Uint8Array(FILE_CHUNK), new Uint8Array(FILE_CHUNK)];
        let writing: Promise<void> | undefined;
        let piece = 0;
        /** The piece in flight written: else its failure, saying what reached the file and what did not. */
        const wrote = async () => {
          if (!writing) return;
          try {
            await writing;
            written += piece;
          } catch (e) {
            const done = e instanceof FileWriteError ? e.written : 0;
            written += done;
            failedWrite = piece - done;
            throw new SocketError(
              toSocketError(e instanceof FileWriteError ? e.cause : e).errno,
              t("transfer.writeFailed", {
                file: path,
                written,
                lost: got - written,
              }),
            );
          } finally {
            writing = undefined;
          }
        };
        try {
          for (let i = 0; got < limit; i ^= 1) {
            const buf = bufs[i]!;
            let n: number;
            try {
              n = await s.readInto(
                buf.subarray(0, Math.min(FILE_CHUNK, limit - got)),
                wait,
              );
            } catch (e) {
              await wrote();
              if (e instanceof SocketError && got > 0) {
                throw new SocketError(
                  e.errno,
                  t("transfer.afterReceived", {
                    ...detailOf(e),
                    n: got,
                    file: path,
                  }),
                );
              }
              throw e;
            }
            calls++;
            if (n === 0) {
              ended = true;
              break;
            }
            // Received: counted before the last piece's write is settled, which may have failed.
            got += n;
            await wrote();
            writing = file.write(buf.subarray(0, n));
            // Its failure is wrote()'s to report, after the next read: not an unhandled rejection meanwhile.
            writing.catch(() => {});
            piece = n;
            if (oneRead) break;
          }
        } finally {
          await wrote();
        }
        return {
          ret: String(got),
          annotation: t("transfer.written", {
            file: path,
            calls,
            why: oneRead && !ended ? "oneRead" : ended ? "eof" : "asked",
            n: got,
          }),
          value: { "": got, n: got },
        };
      }),
    );
  } finally {
    await file.close().catch(() => {});
  }
}

/** How long a transfer runs before its progress line shows, in ms. */
export const PROGRESS_AFTER = 500;

/** How often the progress line is rewritten, in ms. */
export const PROGRESS_EVERY = 200;

/**
 * `f`, with a progress line on a terminal (`count` bytes so far and the
 * rate) from {@link PROGRESS_AFTER} on, erased before the call line. A timer
 * reads the count: the transfer's loop does no more work for it.
 */
function withProgress<T>(
  ctx: Context,
  count: () => number,
  f: () => Promise<T>,
): () => Promise<T> {
  const show = ctx.io.progress;
  if (!show) return f;
  return async () => {
    const start = performance.now();
    let shown = false;
    const stop = every(PROGRESS_EVERY, () => {
      const s = (performance.now() - start) / 1000;
      if (s * 1000 < PROGRESS_AFTER) return;
      const n = count();
      show(
        t("transfer.progress", { size: fmtSize(n), rate: fmtSize(n / s) }),
      );
      shown = true;
    });
    try {
      return await f();
    } finally {
      stop();
      if (shown) show(undefined);
    }
  };
}

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"] as const;

/** A byte count in binary units, one decimal in the language's mark: `12.5 MiB`. */
function fmtSize(n: number): string {
  let u = 0;
  while (n >= 1024 && u < UNITS.length - 1) {
    n /= 1024;
    u++;
  }
  const digits = u === 0 ? 0 : 1;
  return t("transfer.size", {
    n: n.toLocaleString(language(), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    }),
    unit: UNITS[u]!,
  });
}
