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

import { SocketError, toSocketError } from "./errno.ts";
import { concat } from "./tokenize.ts";
import type {
  Datagram,
  DatagramSocket,
  Family,
  SockAddr,
  StreamConn,
  StreamListener,
} from "./net.ts";

/** Transport protocol of a socket. */
export type Proto = "tcp" | "udp";

/** Bytes asked of the runtime per read: what one `recv` can return at most. */
export const READ_CHUNK = 65536;

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
  /** TCP or UDP. */
  readonly proto: Proto;
  /** AF_INET or AF_INET6. */
  readonly family: Family;
  /** TCP: the address bind() recorded, opened at listen(). UDP: the bound address. */
  bound?: SockAddr;
  /** The listener, once listen() succeeded. */
  listener?: StreamListener;
  /** The TCP connection, once connect() or accept() made one. */
  conn?: StreamConn;
  /** The UDP socket, once bound (explicitly or by a first sendto/connect). */
  dgram?: DatagramSocket;
  /** UDP: the default peer set by connect(). */
  peer?: SockAddr;
  /** True once shutdown(SHUT_WR) sent our FIN. */
  wrShut = false;
  /** Which side closed its writing half first, for the TCP state shown. */
  finFirst?: "us" | "peer";
  /** True once the peer reset the connection (RST): the kernel's state is CLOSED. */
  reset = false;

  #rx: Uint8Array = NOTHING;
  #eof = false;
  #rxErr?: SocketError;
  #reading?: Promise<void>;
  #readSize = FIRST_READ;
  #buf?: Uint8Array;
  #dgrams: Datagram[] = [];
  #dgramErr?: SocketError;
  #receiving?: Promise<void>;
  #backlog: StreamConn[] = [];
  #acceptErr?: SocketError;
  #accepting?: Promise<void>;
  #closed = false;

  /** Make a socket; nothing is opened until bind, listen, connect or sendto. */
  constructor(fd: number, proto: Proto, family: Family) {
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
    if (this.conn) {
      if (this.reset) return "CLOSED";
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
  get local(): SockAddr | undefined {
    return this.conn?.local ?? this.listener?.local ?? this.dgram?.local ??
      this.bound;
  }

  /** The peer: the TCP remote end or the UDP default peer. */
  get remote(): SockAddr | undefined {
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
      await wait(this.#fill());
    }
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
      const at = indexOf(this.#rx, delim);
      if (at >= 0) return this.#take(Math.min(max, at + delim.length), false);
      if (this.#rx.length >= max || this.#eof || this.#rxErr) {
        return this.#take(max, false);
      }
      await wait(this.#fill());
    }
  }

  #take(n: number, peek: boolean): Uint8Array {
    if (this.#rx.length > 0) {
      const out = this.#rx.slice(0, n);
      if (!peek) {
        const rest = this.#rx.subarray(out.length);
        // A few bytes left of a large read must not keep all of it alive: copy them out
        // (only when under a quarter of it, so a loop of small recv copies in linear time).
        this.#rx = rest.length === 0
          ? NOTHING
          : rest.length * 4 < rest.buffer.byteLength
          ? rest.slice()
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
    return new Uint8Array(0);
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
        if (got === null) {
          this.#eof = true;
          this.finFirst ??= "peer";
        } else {
          const data = buf.subarray(0, got);
          this.#rx = this.#rx.length ? concat([this.#rx, data]) : data.slice();
          this.#readSize = got === buf.length
            ? Math.min(buf.length * 2, READ_CHUNK)
            : Math.max(FIRST_READ, 2 ** Math.ceil(Math.log2(got || 1)));
          if (buf.length === this.#readSize) this.#buf = buf;
        }
      } catch (e) {
        this.#rxErr = toSocketError(e);
        if (this.#rxErr.errno === "ECONNRESET") this.reset = true;
      } finally {
        this.#reading = undefined;
      }
    })();
    return this.#reading;
  }

  /** Take the next datagram, or wait for one; see {@link takeStream}. */
  async takeDatagram(
    peek: boolean,
    wait: <T>(p: Promise<T>) => Promise<T>,
  ): Promise<Datagram> {
    const sock = this.dgram!;
    for (;;) {
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
      this.#receiving ??= (async () => {
        try {
          this.#dgrams.push(await sock.receive());
        } catch (e) {
          if (!this.#closed) this.#dgramErr = toSocketError(e);
        } finally {
          this.#receiving = undefined;
        }
      })();
      await wait(this.#receiving);
    }
  }

  /** Take the next accepted connection, or wait for one; see {@link takeStream}. */
  async takeConnection(
    wait: <T>(p: Promise<T>) => Promise<T>,
  ): Promise<StreamConn> {
    const listener = this.listener!;
    for (;;) {
      const first = this.#backlog.shift();
      if (first) return first;
      if (this.#acceptErr) {
        const e = this.#acceptErr;
        this.#acceptErr = undefined;
        throw e;
      }
      this.#accepting ??= (async () => {
        try {
          const c = await listener.accept();
          if (this.#closed) c.close();
          else this.#backlog.push(c);
        } catch (e) {
          if (!this.#closed) this.#acceptErr = toSocketError(e);
        } finally {
          this.#accepting = undefined;
        }
      })();
      await wait(this.#accepting);
    }
  }

  /**
   * send() on a TCP socket: all of `data`, as a blocking send writes it.
   * ENOTCONN before a connection, EPIPE after shutdown(SHUT_WR); a reset found
   * by the write leaves the connection CLOSED, as one found by a read does.
   */
  async writeStream(data: Uint8Array): Promise<number> {
    if (!this.conn) {
      throw new SocketError("ENOTCONN", `socket ${this.fd} is not connected`);
    }
    if (this.wrShut) {
      throw new SocketError("EPIPE", "the writing half was shut down");
    }
    try {
      return await this.conn.write(data);
    } catch (e) {
      const se = toSocketError(e);
      if (se.errno === "ECONNRESET") this.reset = true;
      throw se;
    }
  }

  /** Record shutdown(SHUT_WR): our FIN is sent. */
  markWriteShut(): void {
    this.wrShut = true;
    this.finFirst ??= "us";
  }

  /** Release everything this socket holds. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const c of this.#backlog) c.close();
    this.#backlog = [];
    this.listener?.close();
    this.conn?.close();
    this.dgram?.close();
  }
}

/** The table of open descriptors. */
export class FdTable {
  #socks = new Map<number, Sock>();

  /** socket(): the lowest free descriptor from 3, as the kernel picks. */
  open(proto: Proto, family: Family): Sock {
    let fd = 3;
    while (this.#socks.has(fd)) fd++;
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
        `no socket has descriptor ${fd}${this.#hint()}`,
      );
    }
    return s;
  }

  /** True when `fd` is open. */
  has(fd: number): boolean {
    return this.#socks.has(fd);
  }

  /** close(): release the socket and free its number. */
  close(fd: number): void {
    this.get(fd).close();
    this.#socks.delete(fd);
  }

  /** Every open socket, by descriptor. */
  list(): Sock[] {
    return [...this.#socks.values()].sort((a, b) => a.fd - b.fd);
  }

  /** Close everything: on exit, nothing leaks. */
  closeAll(): void {
    for (const s of this.#socks.values()) s.close();
    this.#socks.clear();
  }

  #hint(): string {
    const fds = this.list().map((s) => s.fd);
    return fds.length
      ? ` (open: ${fds.join(", ")})`
      : " (none is open: start with 'socket tcp')";
  }
}

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
