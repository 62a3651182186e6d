/**
 * The descriptor table: every socket the shell holds, numbered from 3 like
 * the kernel's, with the buffering that makes interrupted calls safe.
 *
 * A Deno call cannot be cancelled without closing its resource, so each
 * socket keeps at most one read, receive or accept in flight. A call that is
 * interrupted (Ctrl-C, timeout) leaves it running; whatever it brings back is
 * queued here, like the kernel's receive buffer and accept queue, for the next
 * call to take. Nothing that arrives is lost.
 *
 * @module
 */

import { SocketError, toSocketError } from "../net/errno.ts";
import { copyBytes } from "../net/bytes.ts";
import { concat } from "../script/tokenize.ts";
import { t } from "../i18n/mod.ts";
import type {
  Addr,
  Datagram,
  DatagramSocket,
  Domain,
  Family,
  SockAddr,
  SockOpt,
  StreamConn,
  StreamListener,
} from "../net.ts";
import { after, type Cancel } from "./timer.ts";
import { Callbacks } from "./callbacks.ts";

/** Transport of a socket: a stream ("tcp", SOCK_STREAM) or datagrams ("udp", SOCK_DGRAM), in any domain. */
export type Proto = "tcp" | "udp";

/** Bytes asked of the runtime per read: what one `recv` can return at most. */
export const READ_CHUNK = 65536;

/** poll(2)'s event bits, with Linux's values. */
export const POLLIN = 0x1;
/** Writing will not block. */
export const POLLOUT = 0x4;
/** An error is pending (read it with recv or getsockopt SO_ERROR). */
export const POLLERR = 0x8;
/** Hang-up: the connection is gone, or was never made. */
export const POLLHUP = 0x10;
/** The descriptor is not open. */
export const POLLNVAL = 0x20;

/** Bytes handed to the runtime per write: between two, Ctrl-C or a timeout can stop a send. */
export const WRITE_CHUNK = 262144;

/** What a TCP send did: the bytes it took, and why it stopped early, if it did. */
export interface Written {
  /** Bytes accepted: they all reach the peer, in order. */
  n: number;
  /** Set when Ctrl-C or the timeout stopped the call after some bytes: C's partial count. */
  cut?: SocketError;
}

/**
 * The first read of a connection asks for this much. A read that fills its
 * buffer doubles the next one, up to READ_CHUNK; one that does not sizes the
 * next to what came. So an idle connection (one read pending, as a child
 * blocked in `recv` has) holds a small buffer, and a bulk transfer soon reads
 * 64 KiB at a time into one buffer it reuses.
 */
const FIRST_READ = 2048;

/** An empty array shared by every socket with nothing buffered. */
const NOTHING = new Uint8Array(0);

/** One socket: what socket() made and every call since has filled in. */
export class Sock {
  /** Its descriptor number. */
  readonly fd: number;
  /** TCP or UDP (for AF_UNIX: SOCK_STREAM or SOCK_DGRAM). */
  readonly proto: Proto;
  /** AF_INET, AF_INET6 or AF_UNIX. */
  readonly family: Domain;
  /** TCP: the address bind() recorded, opened at listen(). UDP: the bound address. */
  bound?: Addr;
  /** The listener, once listen() succeeded. */
  listener?: StreamListener<Addr>;
  /** The TCP connection, once connect() or accept() made one. */
  conn?: StreamConn<Addr>;
  /** The UDP socket, once bound (explicitly or by a first sendto/connect). */
  dgram?: DatagramSocket<Addr>;
  /** UDP: the default peer set by connect(). */
  peer?: Addr;
  /** True once shutdown(SHUT_WR) sent our FIN. */
  wrShut = false;
  /** Which side closed its writing half first, for the TCP state shown. */
  finFirst?: "us" | "peer";
  /** True once the peer reset the connection (RST): the kernel's state is CLOSED. */
  reset = false;
  /** O_NONBLOCK, set by fcntl(F_SETFL): a call that would wait fails with EAGAIN instead. */
  nonblocking = false;
  /** SO_ERROR: the pending error getsockopt(SO_ERROR) reports and clears (a non-blocking connect's outcome). */
  soError?: SocketError;
  /** A non-blocking connect in progress (SYN_SENT): settles, never rejects, once it is done. */
  connecting?: Promise<void>;
  /** Where the connect in progress goes, for `ls`. */
  connectingTo?: SockAddr;
  /** Options set by setsockopt, by name (a group joined: by name and group), in the order set. */
  opts: Map<string, SockOpt> = new Map();
  /** Set when a failed TLS handshake closed the connection: reads and writes fail with it. */
  broken?: SocketError;

  #rx: Uint8Array = NOTHING;
  #eof = false;
  #rxErr?: SocketError;
  #reading?: Promise<void>;
  #readSize = FIRST_READ;
  #buf?: Uint8Array;
  #dgrams: Datagram<Addr>[] = [];
  #dgramErr?: SocketError;
  #receiving?: Promise<void>;
  #backlog: StreamConn<Addr>[] = [];
  #acceptErr?: SocketError;
  #accepting?: Promise<void>;
  #writing?: Promise<void>;
  #writeErr?: SocketError;
  #closed = false;
  #connectAbort?: AbortController;
  #connectFailed = false;
  #watchers = new Set<() => void>();

  /** Make a socket; nothing is opened until bind, listen, connect or sendto. */
  constructor(fd: number, proto: Proto, family: Domain) {
    this.fd = fd;
    this.proto = proto;
    this.family = family;
  }

  /** The state a student would see in `ss` or the TCP state diagram, as far as the calls tell. */
  get state(): string {
    if (this.proto === "udp") {
      return this.peer ? "CONNECTED" : this.dgram ? "BOUND" : "NEW";
    }
    if (this.listener) return "LISTEN";
    if (this.connecting) return "SYN_SENT";
    if (this.conn) {
      if (this.reset || this.broken) return "CLOSED";
      if (this.wrShut && this.#eof) {
        return this.finFirst === "us" ? "TIME_WAIT" : "CLOSED";
      }
      if (this.wrShut) return "FIN_WAIT_2";
      if (this.#eof) return "CLOSE_WAIT";
      return "ESTABLISHED";
    }
    return this.bound ? "BOUND" : "NEW";
  }

  /** Our address: the bound or connected local end. */
  get local(): Addr | undefined {
    return this.conn?.local ?? this.listener?.local ?? this.dgram?.local ??
      this.bound;
  }

  /** The peer: the TCP remote end or the UDP default peer. */
  get remote(): Addr | undefined {
    return this.conn?.remote ?? this.peer;
  }

  /** Bytes received and not yet read by `recv`. */
  get unread(): number {
    return this.#rx.length +
      this.#dgrams.reduce((n, d) => n + d.data.length, 0);
  }

  /** Connections accepted by the system and not yet taken by `accept`. */
  get waiting(): number {
    return this.#backlog.length;
  }

  /** True once the peer's end of stream was read. */
  get eof(): boolean {
    return this.#eof;
  }

  /** True while a read is in flight (an interrupted recv's): the stream cannot change hands under it. */
  get reading(): boolean {
    return this.#reading !== undefined;
  }

  /**
   * Take up to `n` buffered stream bytes, or wait for the next read.
   * Resolves with an empty array at end of stream. `wait` wraps the pending
   * read with cancellation; if it rejects, the read stays in flight.
   */
  async takeStream(
    n: number,
    peek: boolean,
    wait: <T>(p: Promise<T>) => Promise<T>,
  ): Promise<Uint8Array> {
    while (this.#rx.length === 0 && !this.#eof && !this.#rxErr) {
      this.#checkOpen();
      await wait(this.#fill());
    }
    this.#checkOpen();
    return this.#take(n, peek);
  }

  /**
   * Take bytes up to and including `delim`, or `max` bytes, or what is left
   * at end of stream: what a C program does with a loop of recv calls.
   */
  async takeUntil(
    delim: Uint8Array,
    max: number,
    wait: <T>(p: Promise<T>) => Promise<T>,
  ): Promise<Uint8Array> {
    for (;;) {
      this.#checkOpen();
      const at = indexOf(this.#rx, delim);
      if (at >= 0) return this.#take(Math.min(max, at + delim.length), false);
      if (this.#rx.length >= max || this.#eof || this.#rxErr) {
        return this.#take(max, false);
      }
      await wait(this.#fill());
    }
  }

  /**
   * recv() into the caller's buffer, for a loop that moves a stream (`recv -f`):
   * the bytes already buffered, else one read straight into `buf`, without a
   * copy. The byte count, 0 at end of stream. If `wait` gives up (Ctrl-C, the
   * timeout), the read stays in flight and what it brings is kept for the next
   * recv, as with {@link takeStream}.
   */
  async readInto(
    buf: Uint8Array,
    wait: <T>(p: Promise<T>) => Promise<T>,
  ): Promise<number> {
    for (;;) {
      this.#checkOpen();
      if (this.#rx.length || this.#eof || this.#rxErr) {
        const data = this.#take(buf.length, false);
        buf.set(data);
        return data.length;
      }
      if (this.#reading) {
        await wait(this.#reading);
        continue;
      }
      // The caller's until it gives up; then what arrives is kept, as #fill keeps it.
      let mine = true;
      let got: number | undefined;
      const read = this.conn!.read(buf).then((n) => {
        got = n ?? 0;
        if (n === null) this.#atEnd();
        else if (!mine) this.#keep(buf.subarray(0, n));
      }, (e) => {
        got = 0;
        this.#readFailed(e);
      }).finally(() => {
        this.#reading = undefined;
        this.#changed();
      });
      this.#reading = read;
      try {
        await wait(read);
      } catch (e) {
        mine = false;
        // Done already, in the buffer the caller now leaves: keep it.
        if (got) this.#keep(buf.subarray(0, got));
        throw e;
      }
      if (got) return got;
    }
  }

  #take(n: number, peek: boolean): Uint8Array {
    if (!peek && n >= this.#rx.length && this.#rx.length > 0) {
      // All of it: the buffer is never written again, so it is handed over without a copy.
      const out = this.#rx;
      this.#rx = NOTHING;
      return out;
    }
    if (this.#rx.length > 0) {
      const out = copyBytes(this.#rx.subarray(0, n));
      if (!peek) {
        const rest = this.#rx.subarray(out.length);
        // A few bytes left of a large read must not keep all of it alive: copy them out
        // (only when under a quarter of it, so a loop of small recv copies in linear time).
        this.#rx = rest.length === 0
          ? NOTHING
          : rest.length * 4 < rest.buffer.byteLength
          ? copyBytes(rest)
          : rest;
      }
      return out;
    }
    if (this.#rxErr) {
      const e = this.#rxErr;
      // Like the kernel: the error is reported once, then the stream reads as ended.
      this.#rxErr = undefined;
      this.#eof = true;
      throw e;
    }
    return NOTHING;
  }

  /** The one read in flight, started if there is none. */
  #fill(): Promise<void> {
    const conn = this.conn!;
    this.#reading ??= (async () => {
      // One read is in flight at a time, and what it got is copied out: the buffer is
      // kept for the next read only when that one would ask for the same size.
      const buf = this.#buf ?? new Uint8Array(this.#readSize);
      this.#buf = undefined;
      try {
        const got = await conn.read(buf);
        if (got === null) this.#atEnd();
        else {
          this.#keep(buf.subarray(0, got));
          this.#readSize = got === buf.length
            ? Math.min(buf.length * 2, READ_CHUNK)
            : Math.max(FIRST_READ, powerOfTwoAtLeast(got));
          if (buf.length === this.#readSize) this.#buf = buf;
        }
      } catch (e) {
        this.#readFailed(e);
      } finally {
        this.#reading = undefined;
        this.#changed();
      }
    })();
    return this.#reading;
  }

  /** A read's bytes, copied after what is still unread (the read's buffer is used again). */
  #keep(data: Uint8Array): void {
    this.#rx = this.#rx.length ? concat([this.#rx, data]) : copyBytes(data);
  }

  /** A read found the peer's end of stream. */
  #atEnd(): void {
    this.#eof = true;
    this.finFirst ??= "peer";
  }

  /** A read failed: its error waits for the next recv; a reset leaves the socket CLOSED. */
  #readFailed(e: unknown): void {
    this.#rxErr = this.broken ?? toSocketError(e);
    if (this.#rxErr.errno === "ECONNRESET") this.reset = true;
  }

  /** Take the next datagram, or wait for one; see {@link takeStream}. */
  async takeDatagram(
    peek: boolean,
    wait: <T>(p: Promise<T>) => Promise<T>,
  ): Promise<Datagram<Addr>> {
    const sock = this.dgram!;
    for (;;) {
      this.#checkOpen();
      const first = this.#dgrams[0];
      if (first) {
        if (!peek) this.#dgrams.shift();
        return first;
      }
      if (this.#dgramErr) {
        const e = this.#dgramErr;
        this.#dgramErr = undefined;
        throw e;
      }
      await wait(this.#receiveOne(sock));
    }
  }

  /** Take the next accepted connection, or wait for one; see {@link takeStream}. */
  async takeConnection(
    wait: <T>(p: Promise<T>) => Promise<T>,
  ): Promise<StreamConn<Addr>> {
    const listener = this.listener!;
    for (;;) {
      this.#checkOpen();
      const first = this.#backlog.shift();
      if (first) return first;
      if (this.#acceptErr) {
        const e = this.#acceptErr;
        this.#acceptErr = undefined;
        throw e;
      }
      await wait(this.#acceptOne(listener));
    }
  }

  /** The one receive in flight, started if there is none. */
  #receiveOne(sock: DatagramSocket<Addr>): Promise<void> {
    this.#receiving ??= (async () => {
      try {
        this.#dgrams.push(await sock.receive());
      } catch (e) {
        if (!this.#closed) this.#dgramErr = toSocketError(e);
      } finally {
        this.#receiving = undefined;
        this.#changed();
      }
    })();
    return this.#receiving;
  }

  /** The one accept in flight, started if there is none. */
  #acceptOne(listener: StreamListener<Addr>): Promise<void> {
    this.#accepting ??= (async () => {
      try {
        const c = await listener.accept();
        if (this.#closed) void c.close();
        else this.#backlog.push(c);
      } catch (e) {
        if (!this.#closed) this.#acceptErr = toSocketError(e);
      } finally {
        this.#accepting = undefined;
        this.#changed();
      }
    })();
    return this.#accepting;
  }

  /**
   * Start a connect that goes on in the background (O_NONBLOCK's EINPROGRESS).
   * Success makes the connection; failure is kept in {@link soError}.
   */
  connectInBackground(
    to: SockAddr,
    start: (signal: AbortSignal) => Promise<StreamConn>,
  ): void {
    const abort = new AbortController();
    this.#connectAbort = abort;
    this.#connectFailed = false;
    this.connectingTo = to;
    this.connecting = (async () => {
      try {
        const conn = await start(abort.signal);
        if (this.#closed) void conn.close();
        else this.conn = conn;
      } catch (e) {
        if (!this.#closed) {
          this.soError = toSocketError(e);
          this.#connectFailed = true;
        }
      } finally {
        this.connecting = undefined;
        this.connectingTo = undefined;
        this.#connectAbort = undefined;
        this.#changed();
      }
    })();
  }

  /**
   * The poll(2) revents of this socket for `events`, as Linux computes them
   * from what has arrived (POLLERR and POLLHUP are always reported).
   */
  ready(events: number): number {
    let r = 0;
    if (this.proto === "udp") {
      // A UDP socket can always send; it is readable once a datagram is queued.
      r = POLLOUT;
      if (this.#dgrams.length || this.#dgramErr) r |= POLLIN;
      if (this.#dgramErr) r |= POLLERR;
    } else if (this.listener) {
      if (this.#backlog.length || this.#acceptErr) r = POLLIN;
    } else if (this.connecting) {
      r = 0;
    } else if (this.conn) {
      r = POLLOUT;
      // End of stream, a pending error and a reset are all readable: recv returns at once.
      if (this.#rx.length || this.#eof || this.#rxErr || this.reset) {
        r |= POLLIN;
      }
      if (this.#rxErr) r |= POLLERR;
      if (this.reset || (this.wrShut && this.#eof)) r |= POLLHUP;
    } else {
      // Never connected, or its connect failed: Linux's TCP_CLOSE polls as writable and hung up.
      r = POLLOUT | POLLHUP;
      if (this.#connectFailed) r |= POLLIN;
      if (this.soError) r |= POLLERR;
    }
    return r & (events | POLLERR | POLLHUP);
  }

  /**
   * Start what could change {@link ready} for `events` (this socket's one
   * read, receive or accept) and call `onChange` when anything of it settles,
   * until the returned function is called (without `onChange`, it only
   * starts them). What a start brings is buffered
   * for the next call, so waiting consumes nothing.
   */
  watch(events: number, onChange?: () => void): () => void {
    let stop = noop;
    if (onChange) {
      this.#watchers.add(onChange);
      stop = () => void this.#watchers.delete(onChange);
    }
    if (this.#closed || this.connecting) return stop;
    if (this.listener) {
      if (events & POLLIN && !this.#backlog.length && !this.#acceptErr) {
        void this.#acceptOne(this.listener);
      }
    } else if (this.conn) {
      // Also without POLLIN: a read is how a reset (POLLHUP|POLLERR) shows.
      if (!this.#rx.length && !this.#eof && !this.#rxErr) void this.#fill();
    } else if (this.dgram && events & POLLIN) {
      if (!this.#dgrams.length && !this.#dgramErr) {
        void this.#receiveOne(this.dgram);
      }
    }
    return stop;
  }

  #changed(): void {
    for (const f of this.#watchers) f();
  }

  /**
   * send() on a TCP socket: all of `data`, as a blocking send writes it,
   * in chunks of {@link WRITE_CHUNK}. `wait` wraps each wait with Ctrl-C and
   * a timeout: when it rejects after some bytes, the call returns their count
   * with `cut` set, as C's send returns a partial count (EINTR, EAGAIN when
   * nothing went). A chunk already handed to the runtime cannot be recalled:
   * it is counted, kept here, and every later write waits for it, so no byte
   * is lost or reordered. ENOTCONN before a connection, EPIPE after
   * shutdown(SHUT_WR); a reset found by the write leaves the connection
   * CLOSED, as one found by a read does.
   */
  async writeStream(
    data: Uint8Array,
    wait: <T>(p: Promise<T>) => Promise<T> = (p) => p,
  ): Promise<Written> {
    if (!this.conn) {
      throw new SocketError("ENOTCONN", t("fd.notConnected", { fd: this.fd }));
    }
    if (this.wrShut) {
      throw new SocketError("EPIPE", t("fd.writeShut"));
    }
    if (this.broken) throw this.broken;
    const conn = this.conn;
    let n = 0;
    try {
      if (this.#busy) await this.writesDone(wait);
      while (n < data.length) {
        // Closed by another task meanwhile: no more of it goes.
        this.#checkOpen();
        const chunk = data.subarray(n, n + WRITE_CHUNK);
        const writing = this.#writeChunk(conn, chunk);
        this.#writing = writing;
        n += chunk.length;
        // writesDone's first turn, inline: a send of one chunk (most of them) is one wait.
        await wait(this.#writingOrClosed(writing));
        if (this.#busy) await this.writesDone(wait);
      }
    } catch (e) {
      // Ctrl-C or the timeout, not the write itself (its errors come from writesDone's check).
      if (e instanceof SocketError && !this.#failed.has(e) && n > 0) {
        return { n, cut: e };
      }
      throw e;
    }
    return { n };
  }

  /**
   * Wait until no chunk is in flight (`wait` adds Ctrl-C and a timeout), then
   * throw the error a chunk met, if one did: what shutdown and close wait for.
   */
  async writesDone(
    wait: <T>(p: Promise<T>) => Promise<T> = (p) => p,
  ): Promise<void> {
    while (this.#writing) {
      this.#checkOpen();
      // A close by another task wakes the wait: the call fails with EBADF.
      await wait(this.#writingOrClosed(this.#writing));
    }
    const e = this.#writeErr;
    if (e) {
      this.#writeErr = undefined;
      throw e;
    }
  }

  /** A chunk still in flight, or an error one met that is not reported yet. */
  get #busy(): boolean {
    return this.#writing !== undefined || this.#writeErr !== undefined;
  }

  // The errors writes met, told apart from Ctrl-C's and the timeout's.
  #failed = new WeakSet<SocketError>();
  // Wakes the waits of chunks in flight when another task closes the socket.
  #onClose = new Callbacks();

  /**
   * Resolves when the chunk in flight is done or close() is called. Not a
   * race with one promise of the close: each race left a reaction on that
   * promise, kept until the close (a loop of 50,000 sends kept 15.6 MB).
   */
  #writingOrClosed(writing: Promise<void>): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        this.#onClose.delete(wake);
        resolve();
      };
      this.#onClose.add(wake);
      void writing.then(wake);
    });
  }

  /** One chunk to the runtime; never rejects: an error is kept for the next wait to throw. */
  #writeChunk(conn: StreamConn<Addr>, chunk: Uint8Array): Promise<void> {
    const p: Promise<void> = conn.write(chunk).then(() => {
      if (this.#writing === p) this.#writing = undefined;
    }, (e) => {
      const se = toSocketError(e);
      if (se.errno === "ECONNRESET") this.reset = true;
      this.#failed.add(se);
      this.#writeErr = se;
      if (this.#writing === p) this.#writing = undefined;
    });
    return p;
  }

  /**
   * getsockopt(SO_ERROR): the pending error, cleared as the kernel clears it;
   * a failed read's error counts, and the stream then reads as ended.
   */
  takeError(): SocketError | undefined {
    const e = this.soError ?? this.#rxErr ?? this.#dgramErr;
    if (this.soError) this.soError = undefined;
    else if (this.#rxErr) {
      this.#rxErr = undefined;
      this.#eof = true;
    } else this.#dgramErr = undefined;
    return e;
  }

  /** Record shutdown(SHUT_WR): our FIN is sent. */
  markWriteShut(): void {
    this.wrShut = true;
    this.finFirst ??= "us";
  }

  /** True once close() released it. */
  get closed(): boolean {
    return this.#closed;
  }

  /** The chunk of a send still in flight, if any: a close waits for it. */
  get flushing(): Promise<void> | undefined {
    return this.#writing;
  }

  /**
   * A resource opened for this socket by a call that awaited (connect,
   * listen, bind): kept, or released with EBADF when the socket was closed
   * meanwhile (by a fork child or the parent), so nothing leaks.
   */
  adopt<T extends { close(): void }>(r: T): T {
    if (this.#closed) {
      r.close();
      this.#checkOpen();
    }
    return r;
  }

  /** EBADF once closed: a call on a closed descriptor fails, as in C, and no loop retries it. */
  #checkOpen(): void {
    if (this.#closed) {
      throw new SocketError(
        "EBADF",
        t("fd.closedWhileWaiting", { fd: this.fd }),
      );
    }
  }

  /**
   * Release everything this socket holds. Safe to call twice. A chunk of a
   * send still in flight goes out before the connection closes, unless
   * `now` (the shell is leaving).
   */
  close(now = false): Promise<void> {
    if (this.#closed) {
      // Already closed, its last chunk still going: now is now.
      if (now) void this.conn?.close();
      return this.#released ?? Promise.resolve();
    }
    this.#closed = true;
    this.#connectAbort?.abort();
    this.#onClose.call();
    for (const c of this.#backlog) void c.close();
    this.#backlog = [];
    this.listener?.close();
    const conn = this.conn;
    this.dgram?.close();
    // What send counted as sent goes out before the FIN, as the kernel sends its buffer after close().
    this.#released = this.#writing && conn && !now
      ? this.#writing.then(() => conn.close())
      : conn?.close() ?? Promise.resolve();
    return this.#released;
  }

  // Settles once close() has let the connection go: see StreamConn.close.
  #released?: Promise<void>;
}

/** A socket of AF_INET or AF_INET6: every address it has is an IP address and a port. */
export type IpSock = Sock & {
  readonly family: Family;
  bound?: SockAddr;
  listener?: StreamListener;
  conn?: StreamConn;
  dgram?: DatagramSocket;
  peer?: SockAddr;
  readonly local: SockAddr | undefined;
  readonly remote: SockAddr | undefined;
};

/** True for an AF_INET or AF_INET6 socket (not AF_UNIX). */
export function isIp(s: Sock): s is IpSock {
  return s.family !== "unix";
}

/** The socket as an IP socket; a Unix socket here is the shell's mistake, said as EAFNOSUPPORT. */
export function ipSock(s: Sock): IpSock {
  if (!isIp(s)) {
    throw new SocketError(
      "EAFNOSUPPORT",
      t("fd.unixNotIp", { fd: s.fd }),
    );
  }
  return s;
}

/** The table of open descriptors. */
export class FdTable {
  #socks = new Map<number, Sock>();

  // Holders of each socket (fork children): a number closed while its socket is still
  // held is not handed out again until the last holder lets go.
  #holds = new Map<Sock, number>();
  #reserved = new Map<number, number>();
  // Closed sockets whose last chunk is still going out: closeAll ends them too.
  #lingering = new Set<Sock>();

  /** socket(): the lowest free descriptor from 3, as the kernel picks. */
  open(proto: Proto, family: Domain): Sock {
    let fd = 3;
    while (this.#socks.has(fd) || this.#reserved.has(fd)) fd++;
    const s = new Sock(fd, proto, family);
    this.#socks.set(fd, s);
    return s;
  }

  /** The socket behind `fd`, or EBADF. */
  get(fd: number): Sock {
    const s = this.#socks.get(fd);
    if (!s) {
      throw new SocketError(
        "EBADF",
        this.#hint(fd),
      );
    }
    return s;
  }

  /** True when `fd` is open. */
  has(fd: number): boolean {
    return this.#socks.has(fd);
  }

  /** close(): release the socket and free its number (once nothing holds it). */
  close(fd: number): void {
    const s = this.get(fd);
    const released = s.close();
    this.#socks.delete(fd);
    this.#lingering.add(s);
    void released.then(() => this.#lingering.delete(s));
    if (this.#holds.has(s)) {
      this.#reserved.set(fd, (this.#reserved.get(fd) ?? 0) + 1);
    }
  }

  /**
   * Take a reference to a socket (a fork child owns the descriptor it was
   * forked with): its number stays reserved until {@link release}, even if
   * the socket is closed meanwhile, so no later socket can be mistaken for it.
   */
  hold(s: Sock): void {
    this.#holds.set(s, (this.#holds.get(s) ?? 0) + 1);
  }

  /**
   * Drop a reference taken by {@link hold}; with `close`, the last one
   * closes the socket if it is still open, as the last process holding a
   * descriptor closes it. By identity, never by number: the number may
   * belong to another socket by now.
   */
  release(s: Sock, close: boolean): void {
    const n = (this.#holds.get(s) ?? 1) - 1;
    if (n > 0) {
      this.#holds.set(s, n);
      return;
    }
    this.#holds.delete(s);
    if (close && this.#socks.get(s.fd) === s) {
      this.close(s.fd);
      return;
    }
    const r = this.#reserved.get(s.fd);
    if (s.closed && r !== undefined) {
      if (r > 1) this.#reserved.set(s.fd, r - 1);
      else this.#reserved.delete(s.fd);
    }
  }

  /** Every open socket, by descriptor. */
  list(): Sock[] {
    return [...this.#socks.values()].sort((a, b) => a.fd - b.fd);
  }

  /**
   * On exit, as the kernel closes a process's descriptors: each open one is
   * closed, and what was written still goes out (TLS: close_notify too).
   * Resolves with the descriptors whose connections were still going after
   * `ms`: the caller ends them with {@link closeAll}.
   */
  async settle(ms: number): Promise<number[]> {
    for (const s of this.list()) this.close(s.fd);
    if (!this.#lingering.size) return [];
    let cancel: Cancel | undefined;
    await Promise.race([
      Promise.all([...this.#lingering].map((s) => s.close())),
      new Promise<void>((resolve) => cancel = after(ms, resolve)),
    ]);
    cancel?.();
    return [...this.#lingering].map((s) => s.fd).sort((a, b) => a - b);
  }

  /** Close everything at once: on exit, nothing leaks. */
  closeAll(): void {
    for (const s of [...this.#socks.values(), ...this.#lingering]) {
      s.close(true);
    }
    this.#socks.clear();
    this.#lingering.clear();
  }

  #hint(fd: number): string {
    const fds = this.list().map((s) => s.fd);
    return fds.length
      ? t("fd.noSuchFd", { fd, open: fds.join(", ") })
      : t("fd.noSuchFdNoneOpen", { fd });
  }
}

function noop(): void {}

/** Where `needle` starts in `hay`, or -1. */
function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  if (needle.length === 0) return -1;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (hay[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/** The least power of two that is at least `n` (1 for 0), without Math.pow and Math.log2. */
function powerOfTwoAtLeast(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
