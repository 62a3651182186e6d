/**
 * What `recv` and `recvfrom` share: one read from the socket's buffer,
 * shown as text or hex, with the byte count and what a stream or a datagram did.
 *
 * @module
 */

import {
  arity,
  call,
  type CallOk,
  type CommandResult,
  type Context,
  fdText,
  interruptible,
  nonBlocking,
  parseInteger,
  parseOptions,
  parseTimeout,
  targetSock,
} from "./command.ts";
import { SocketError } from "../net/errno.ts";
import { UsageError } from "./errors.ts";
import { READ_CHUNK } from "./fdtable.ts";
import { recvFile } from "./transfer.ts";
import { fmtAddr, hexDump, hexPairs, seconds, showBytes } from "./format.ts";
import { type Addr, type Datagram, sameAddr } from "../net.ts";
import { language, t } from "../i18n/mod.ts";
import { delay } from "./timer.ts";

const encoder = new TextEncoder();
const NEWLINE = new Uint8Array([10]);

/** recv's flags the shell has: MSG_PEEK (-p), MSG_OOB (-o), and MSG_DONTWAIT for one call. */
const RECV_FLAGS = new Set(["MSG_PEEK", "MSG_OOB", "MSG_DONTWAIT"]);

/** C's flags word (`0`, `MSG_PEEK`, `MSG_PEEK|MSG_DONTWAIT`): the names in it. */
function recvFlags(text: string): Set<string> {
  const names = text.toUpperCase().split("|").filter((f) => f !== "0");
  for (const name of names) {
    if (!RECV_FLAGS.has(name)) {
      throw new UsageError(
        t("recv.flag", { flag: name, known: [...RECV_FLAGS].join(", ") }),
      );
    }
  }
  return new Set(names);
}

/** Bytes asked for when no N is given: the handout's buffer of 256, less the final NUL. */
export const DEFAULT_RECV = 255;

/**
 * Run `recv` or `recvfrom` (`from` true): options `-t SECONDS`, `-x` (hex dump), `-p` (MSG_PEEK).
 *
 * @example
 * ```ts ignore
 * return await receive(ctx, "recv [@fd] [-t s] [-x] [-p] [n]", false);
 * ```
 */
export function receive(
  ctx: Context,
  usage: string,
  from: boolean,
): Promise<CommandResult> {
  // Not async: a usage error throws at once, and the call's promise is the command's.
  const { opts, rest } = parseOptions(ctx.args, {
    t: "value",
    x: "flag",
    p: "flag",
    o: "flag",
    l: "flag",
    u: "value",
    f: "value",
    a: "flag",
  }, true);
  // C's order, the flags after the length (recv 255 MSG_PEEK, recv 255 0): each one an option.
  let dontWait = false;
  if (rest.length === 2 && /^(0|MSG_[A-Z_|]+)$/i.test(rest[1]!.text)) {
    const flags = recvFlags(rest.pop()!.text);
    if (flags.has("MSG_PEEK")) opts.p = true;
    if (flags.has("MSG_OOB")) opts.o = true;
    dontWait = flags.has("MSG_DONTWAIT");
  }
  arity(rest, 0, 1, usage);
  if (typeof opts.f === "string" && !from) {
    // recv -f FILE [-a | N]: into a file, streamed (lib/shell/transfer.ts).
    const limit = opts.a
      ? Infinity
      : rest[0]
      ? parseInteger(rest[0].text, "byteCount", 1, Number.MAX_SAFE_INTEGER)
      : READ_CHUNK;
    const timeout = parseTimeout(opts.t);
    return recvFile(
      ctx,
      opts.f,
      limit,
      <T>(p: Promise<T>) => interruptible(p, ctx.signal, timeout),
      !opts.a && !rest[0],
    );
  }
  if (opts.f !== undefined || opts.a) {
    throw new UsageError(t("transfer.forRecv", { from: from ? "yes" : "no" }));
  }
  // -l is -u "\n": a line, as fgets reads one; the delimiter is kept in the data.
  const until = opts.l
    ? NEWLINE
    : typeof opts.u === "string"
    ? ctx.args.find((w) => w.text === opts.u)?.bytes ?? encoder.encode(opts.u)
    : undefined;
  if (until && until.length === 0) {
    throw new UsageError(t("recv.emptyDelimiter"));
  }
  const n = rest[0]
    ? parseInteger(rest[0].text, "byteCount", 1, READ_CHUNK)
    : until
    ? READ_CHUNK
    : DEFAULT_RECV;
  const timeout = parseTimeout(opts.t);
  const base = opts.o ? "MSG_OOB" : opts.p ? "MSG_PEEK" : "0";
  // No array built on each call: a script's loop of recv runs this every turn.
  const flags = !dontWait
    ? base
    : base === "0"
    ? "MSG_DONTWAIT"
    : `${base}|MSG_DONTWAIT`;
  let nonblocking = false;
  const wait = <T>(p: Promise<T>) =>
    nonblocking
      ? nonBlocking(p, "recv", dontWait ? "flag" : "socket")
      : interruptible(p, ctx.signal, timeout);
  const fd = fdText(ctx);
  return call(
    ctx,
    () => `${ctx.name}(${fd}, buf, ${n}, ${flags})`,
    async (): Promise<CallOk> => {
      const s = targetSock(ctx);
      nonblocking = s.nonblocking || dontWait;
      if (opts.o) {
        throw new SocketError(
          "EOPNOTSUPP",
          t("send.oob"),
        );
      }
      if (s.proto === "tcp") {
        if (!s.conn) {
          throw new SocketError(
            "ENOTCONN",
            t("recv.notConnected", { fd: s.fd }),
          );
        }
        if (until && opts.p) {
          throw new UsageError(t("recv.peekUntil"));
        }
        const data = until
          ? await s.takeUntil(until, n, wait)
          : await s.takeStream(n, Boolean(opts.p), wait);
        const ok = shown(
          data,
          from ? s.conn.remote : undefined,
          opts.x ? "hex" : ctx.shell.view,
          // A peek leaves its bytes in the buffer: they are not "more".
          ctx.scope.trace
            ? streamNotes(data, s.unread - (opts.p ? data.length : 0), n)
            : [],
          ctx.scope.trace,
        );
        if (until && data.length > 0 && ctx.scope.trace) {
          ok.annotation ??= t("recv.until", { delimiter: showBytes(until) });
        }
        if (until && ok.value) {
          // $x.before: what came before the delimiter (all of it when the delimiter never came).
          const whole = endsWith(data, until);
          const line = ok.value.line as Uint8Array;
          // Most often the line itself (a "\n" that ends it): one view, not two alike.
          ok.value.before = !whole
            ? data
            : line.length === data.length - until.length
            ? line
            : data.subarray(0, data.length - until.length);
        }
        return ok;
      }
      if (!s.dgram && s.family === "unix") {
        throw new SocketError(
          "ENOTCONN",
          t("recv.unixNotBound", { fd: s.fd }),
        );
      }
      if (!s.dgram) {
        throw new SocketError(
          "ENOTCONN",
          t("recv.udpNotBound", { fd: s.fd }),
        );
      }
      if (until) {
        throw new UsageError(
          t("recv.untilDgram"),
        );
      }
      const notes: string[] = [];
      const dropped = new Dropped();
      const started = Date.now();
      for (;;) {
        let d: Datagram<Addr>;
        try {
          d = await s.takeDatagram(Boolean(opts.p), wait);
        } catch (e) {
          // Interrupted or timed out while dropping: what was dropped is still said.
          if (e instanceof SocketError && dropped.count > 0) {
            throw new SocketError(
              e.errno,
              t("recv.andDropped", {
                detail: e.message,
                dropped: dropped.note(),
              }),
            );
          }
          throw e;
        }
        if (
          s.peer && !sameAddr(d.from, s.peer)
        ) {
          if (opts.p) await s.takeDatagram(false, wait);
          // The kernel drops these silently; say so, in one note, so that nothing is lost without a word.
          dropped.add(d);
          await dropped.breathe(ctx.signal);
          // -t bounds the whole call, however many strangers keep it busy.
          if (timeout !== undefined && Date.now() - started > timeout) {
            throw new SocketError(
              "EAGAIN",
              t("recv.timeoutDropped", {
                s: seconds(timeout),
                dropped: dropped.note(),
              }),
            );
          }
          continue;
        }
        if (dropped.count > 0) notes.push(dropped.note());
        const data = d.data.subarray(0, n);
        if (d.data.length > n) {
          notes.push(
            t("recv.datagramCut", {
              size: d.data.length,
              n: d.data.length - n,
            }),
          );
        }
        const ok = shown(
          data,
          from ? d.from : undefined,
          opts.x ? "hex" : ctx.shell.view,
          notes,
          ctx.scope.trace,
        );
        ok.datagram = { from: d.from, size: d.data.length };
        return ok;
      }
    },
  );
}

/** Datagrams from others than the connected peer, dropped by one `recv`: counted, said once. */
class Dropped {
  count = 0;
  bytes = 0;
  #from = new Set<string>();
  #since = Date.now();

  add(d: Datagram<Addr>): void {
    this.count++;
    this.bytes += d.data.length;
    // Sources are only named while few: the note says how many, not who, past that.
    if (this.#from.size < 2) this.#from.add(fmtAddr(d.from));
  }

  /** Yield to timers and Ctrl-C every 20 ms of dropping, so that a flood cannot hold the shell. */
  async breathe(signal: AbortSignal): Promise<void> {
    if (Date.now() - this.#since < 20) return;
    await delay(0);
    this.#since = Date.now();
    if (signal.aborted) {
      throw new SocketError(
        "EINTR",
        t("recv.andDropped", {
          detail: t("cmd.interrupted"),
          dropped: this.note(),
        }),
      );
    }
  }

  note(): string {
    return this.#from.size === 1
      ? t("recv.droppedFrom", {
        n: this.count,
        size: fmtBytes(this.bytes),
        from: [...this.#from][0]!,
      })
      : t("recv.droppedOthers", { n: this.count, size: fmtBytes(this.bytes) });
  }
}

/** A byte count as people read it: 4 bytes, 12.5 kB, 2.6 MB. */
function fmtBytes(n: number): string {
  if (n < 1000) return t("recv.bytes", { n });
  // 12.5 kB in English, 12,5 ko in French: the decimal mark is the language's.
  const one = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  if (n < 1e6) {
    return t("recv.kB", { n: (n / 1e3).toLocaleString(language(), one) });
  }
  return t("recv.MB", { n: (n / 1e6).toLocaleString(language(), one) });
}

function streamNotes(
  data: Uint8Array,
  unread: number,
  n: number,
): string[] {
  if (data.length === 0) return [];
  if (unread > 0) {
    return [
      t("recv.moreBytes", { n: unread }),
    ];
  }
  if (data.length === n) return [t("recv.bufferFull")];
  return [];
}

function shown(
  data: Uint8Array,
  from: Addr | undefined,
  view: "quoted" | "lines" | "hex" | undefined,
  notes: string[],
  display: boolean,
): CallOk {
  const hex = view === "hex";
  const value: Record<string, Uint8Array | string | number> = {
    "": data,
    n: data.length,
    line: chomp(data),
  };
  if (from) {
    Object.assign(
      value,
      "path" in from
        ? { from: fmtAddr(from), path: from.path }
        : { from: fmtAddr(from), host: from.host, port: from.port },
    );
  }
  // Said only when shown: a loop of recv under -q costs no message.
  const annotation = !display
    ? undefined
    : from
    ? t("recv.from", { addr: fmtAddr(from) })
    : data.length === 0
    ? t("recv.eof")
    : undefined;
  let text = "";
  let extra: string | undefined;
  // Nothing is shown under -q or trace off: a loop of recv then costs no formatting.
  if (data.length > 0 && display) {
    if (view === "lines") extra = showLines(data);
    else {
      text = hex
        ? " hex " +
          (data.length <= 16 ? hexPairs(data) : `(${data.length} bytes)`)
        : " " + showBytes(data);
      if (hex && data.length > 16) extra = hexDump(data);
    }
  }
  return { ret: `${data.length}${text}`, annotation, notes, value, extra };
}

/**
 * The `lines` view: one output line per received line, its text escaped as
 * `recv` quotes it (without the quotes) and its ending shown (`\r\n`, `\n`).
 */
export function showLines(data: Uint8Array): string {
  const out: string[] = [];
  let start = 0;
  while (start < data.length) {
    let nl = data.indexOf(10, start);
    if (nl < 0) nl = data.length - 1;
    const piece = data.subarray(start, nl + 1);
    start = nl + 1;
    let end = piece.length;
    if (piece[end - 1] === 10) end--;
    if (piece[end - 1] === 13) end--;
    const ending = (piece[end] === 13 ? "\\r" : "") +
      (piece[piece.length - 1] === 10 ? "\\n" : "");
    const body = showBytes(piece.subarray(0, end));
    const inner = body.startsWith('"') && body.endsWith('"')
      ? body.slice(1, -1)
      : body;
    out.push(`  | ${inner}${ending}`);
  }
  return out.join("\n");
}

function endsWith(data: Uint8Array, end: Uint8Array): boolean {
  if (end.length > data.length) return false;
  const off = data.length - end.length;
  for (let i = 0; i < end.length; i++) {
    if (data[off + i] !== end[i]) return false;
  }
  return true;
}

/** The data without a final "\n" or "\r\n": what a line-reading server keeps. */
function chomp(data: Uint8Array): Uint8Array {
  let end = data.length;
  if (data[end - 1] === 10) end--;
  if (data[end - 1] === 13) end--;
  return data.subarray(0, end);
}
