/**
 * The Node backend: `node:net`, `node:dgram` and `node:dns` behind the same
 * {@link NetBackend} interface as `net_deno.ts`, for the Node single
 * executable and the npm package. Only Node APIs here: Node 20 runs it.
 *
 * Node is event-driven where Deno is pull-based, so each wrapper keeps a
 * small queue (bytes, connections, datagrams) that `read`, `accept` and
 * `receive` take from, and errors come out with the errno names Deno gives
 * for the same failures (the conformance suite checks both).
 *
 * @module
 */

import dgram from "node:dgram";
import dns from "node:dns";
import fs from "node:fs";
import type { EventEmitter } from "node:events";
import net from "node:net";
import { SocketError, toSocketError } from "./errno.ts";
import type {
  Datagram,
  DatagramSocket,
  Family,
  NetBackend,
  SockAddr,
  StreamConn,
  StreamListener,
} from "./net.ts";
import { familyOf } from "./net.ts";

/** A call on a socket this side released: Deno's BadResource. */
function badf(what: string): SocketError {
  return new SocketError("EBADF", `${what}: the socket is closed`);
}

/** A pending call cut short by close: Deno's Interrupted. */
function interrupted(): SocketError {
  return new SocketError("EINTR", "the socket was closed during the call");
}

/** One waiter of a queue: what a pending `read`, `accept` or `receive` is parked on. */
interface Waiter {
  resolve(): void;
}

/**
 * What arrives with nobody waiting (connections, datagrams), queued like the
 * kernel's queues, for the one `accept` or `receive` that may wait at a time.
 */
class Arrivals<T> {
  #items: T[] = [];
  #held = 0;
  #error?: SocketError;
  #waiter?: Waiter;
  #closed = false;

  /**
   * `what` names the call in errors; `onClose` is what a call waiting at close
   * gets. What is held never costs more than `limit` (each item costing `cost`):
   * the kernel's bound on the queue this one stands for.
   */
  constructor(
    readonly what: string,
    readonly onClose: () => SocketError,
    readonly limit = Infinity,
    readonly cost: (item: T) => number = () => 1,
  ) {}

  /** True once closed. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Something arrived: false (and nothing kept) when the queue is full. */
  push(item: T): boolean {
    const c = this.cost(item);
    // As the kernel: the check is on what is already held, so one item always fits an empty queue.
    if (this.#held > 0 && this.#held + c > this.limit) return false;
    this.#held += c;
    this.#items.push(item);
    this.#wake();
    return true;
  }

  /** The socket failed: the next take reports it, once. */
  fail(e: unknown): void {
    this.#error = toSocketError(e);
    this.#wake();
  }

  /** Close: a waiting take gets `onClose()`; what was never taken is returned. */
  close(): T[] {
    this.#closed = true;
    const left = this.#items;
    this.#items = [];
    this.#held = 0;
    this.#wake();
    return left;
  }

  /** The next item, waiting for one if need be. */
  async take(): Promise<T> {
    for (;;) {
      if (this.#closed) throw badf(this.what);
      const first = this.#items.shift();
      if (first !== undefined) {
        this.#held -= this.cost(first);
        return first;
      }
      if (this.#error) {
        const e = this.#error;
        this.#error = undefined;
        throw e;
      }
      if (this.#waiter) {
        throw new SocketError("EBUSY", `another ${this.what} is in progress`);
      }
      await new Promise<void>((resolve) => {
        this.#waiter = { resolve };
      });
      if (this.#closed) throw this.onClose();
    }
  }

  #wake(): void {
    const w = this.#waiter;
    this.#waiter = undefined;
    w?.resolve();
  }
}

class NodeConn implements StreamConn {
  readonly local: SockAddr;
  readonly remote: SockAddr;
  #sock: net.Socket;
  #chunks: Uint8Array[] = [];
  #ended = false;
  #error?: SocketError;
  #writeErrors = new WeakSet<object>();
  #writeShut = false;
  #closed = false;
  #waiter?: Waiter;

  constructor(sock: net.Socket) {
    this.#sock = sock;
    // Data stays in the kernel until someone reads, as with Deno.
    sock.pause();
    this.local = { host: sock.localAddress ?? "", port: sock.localPort ?? 0 };
    this.remote = {
      host: sock.remoteAddress ?? "",
      port: sock.remotePort ?? 0,
    };
    sock.on("data", (chunk: Uint8Array) => {
      this.#chunks.push(chunk);
      sock.pause();
      this.#wake();
    });
    sock.on("end", () => {
      this.#ended = true;
      this.#wake();
    });
    sock.on("error", (e: Error) => {
      // Write errors were already given to their write; reads see the stream's own.
      if (!this.#writeErrors.has(e)) this.#error = toSocketError(e);
      this.#wake();
    });
    sock.on("close", () => this.#wake());
  }

  #wake(): void {
    const w = this.#waiter;
    this.#waiter = undefined;
    w?.resolve();
  }

  async read(buf: Uint8Array): Promise<number | null> {
    if (this.#closed) throw badf("read");
    for (;;) {
      const first = this.#chunks[0];
      if (first) {
        const n = Math.min(buf.length, first.length);
        buf.set(first.subarray(0, n));
        if (n === first.length) this.#chunks.shift();
        else this.#chunks[0] = first.subarray(n);
        return n;
      }
      if (this.#error) {
        // As the kernel (and Deno) do: the error once, then end of stream.
        const e = this.#error;
        this.#error = undefined;
        this.#ended = true;
        throw e;
      }
      if (this.#ended) return null;
      // Destroyed after a failed write: nothing more can be read.
      if (this.#sock.destroyed) return null;
      if (this.#waiter) {
        throw new SocketError("EBUSY", "another read is in progress");
      }
      const woken = new Promise<void>((resolve) => {
        this.#waiter = { resolve };
      });
      this.#sock.resume();
      await woken;
      if (this.#closed) throw interrupted();
    }
  }

  write(data: Uint8Array): Promise<number> {
    if (this.#closed) return Promise.reject(badf("write"));
    // Checked here, not left to Node: its write-after-end error would destroy the reading half too.
    if (this.#writeShut || this.#sock.writableEnded) {
      return Promise.reject(
        new SocketError("EPIPE", "the writing half is shut down"),
      );
    }
    if (this.#sock.destroyed) {
      return Promise.reject(
        this.#error ?? new SocketError("EPIPE", "the connection is gone"),
      );
    }
    const length = data.length;
    return new Promise((resolve, reject) => {
      // The callback runs once the bytes are handed to the kernel.
      this.#sock.write(data, (e) => {
        if (e) {
          this.#writeErrors.add(e);
          reject(this.#closed ? interrupted() : toSocketError(e));
        } else resolve(length);
      });
    });
  }

  closeWrite(): Promise<void> {
    if (this.#closed) return Promise.reject(badf("shutdown"));
    if (this.#writeShut) return Promise.resolve();
    this.#writeShut = true;
    // A connection already gone has nothing to shut: Deno succeeds too.
    if (this.#sock.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      // 'finish' follows shutdown(SHUT_WR); an error shows on the next read or write instead.
      this.#sock.end(() => resolve());
    });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const sock = this.#sock;
    if (sock.destroyed || sock.writableEnded || sock.writableLength > 0) {
      sock.destroy();
    } else {
      // Deno's close sends FIN before it lets go, so the peer reads end of stream even when
      // data it sent is left unread (then the kernel's reset follows). Node's destroy alone
      // would send only the reset: shut the writing half first, then destroy.
      sock.end(() => sock.destroy());
      setTimeout(() => sock.destroy(), 1000).unref();
    }
    this.#wake();
  }
}

/** SOMAXCONN, the kernel's cap on a backlog: /proc/sys/net/core/somaxconn, else 4096. */
function somaxconn(): number {
  try {
    const n = Number(fs.readFileSync("/proc/sys/net/core/somaxconn", "utf8"));
    return Number.isInteger(n) && n > 0 ? n : 4096;
  } catch {
    return 4096;
  }
}

class NodeListener implements StreamListener {
  readonly local: SockAddr;
  #server: net.Server;
  #backlog: Arrivals<NodeConn>;

  constructor(server: net.Server, backlog: number) {
    this.#server = server;
    const a = server.address() as net.AddressInfo;
    this.local = { host: a.address, port: a.port };
    // Deno's pending accept gets BadResource when the listener closes. Linux's accept queue
    // holds backlog + 1 connections (the backlog capped at SOMAXCONN).
    this.#backlog = new Arrivals<NodeConn>(
      "accept",
      () => badf("accept"),
      Math.min(backlog, somaxconn()) + 1,
    );
    // Node accepts at once and has no call to stop: the connections wait here, paused, like
    // the kernel's accept queue, and as many. Where Linux would drop a SYN to a full queue
    // (the client retries), Node has already completed the handshake: the connection is
    // reset, as Linux does with tcp_abort_on_overflow.
    server.on("connection", (sock: net.Socket) => {
      if (this.#backlog.closed) sock.destroy();
      else if (!this.#backlog.push(new NodeConn(sock))) sock.resetAndDestroy();
    });
    server.on("error", (e: Error) => this.#backlog.fail(e));
  }

  accept(): Promise<StreamConn> {
    return this.#backlog.take();
  }

  close(): void {
    if (this.#backlog.closed) return;
    // Like closing a listening fd: connections not yet accepted are reset.
    for (const c of this.#backlog.close()) c.close();
    this.#server.close();
  }
}

/**
 * What the kernel charges a queued datagram beyond its bytes (its sk_buff's
 * truesize is about this much more), so that a flood of tiny datagrams is
 * bounded in number too.
 */
const DATAGRAM_OVERHEAD = 768;

class NodeDatagram implements DatagramSocket {
  readonly local: SockAddr;
  #sock: dgram.Socket;
  #family: Family;
  #queue: Arrivals<Datagram>;

  constructor(sock: dgram.Socket, family: Family) {
    this.#sock = sock;
    this.#family = family;
    const a = sock.address();
    this.local = { host: a.address, port: a.port };
    // Node reads every datagram as it comes and has no call to pause: the queue is bounded in
    // bytes by SO_RCVBUF, as the kernel bounds its own, and what does not fit is dropped.
    // Deno's pending receive gets Interrupted when the socket closes.
    this.#queue = new Arrivals<Datagram>(
      "receive",
      interrupted,
      sock.getRecvBufferSize(),
      (d) => d.data.length + DATAGRAM_OVERHEAD,
    );
    sock.on("message", (msg: Uint8Array, rinfo: dgram.RemoteInfo) => {
      // Not kept when the queue is full: dropped, as the kernel drops it (its RcvbufErrors).
      this.#queue.push({
        data: new Uint8Array(msg),
        from: { host: rinfo.address, port: rinfo.port },
      });
    });
    sock.on("error", (e: Error) => this.#queue.fail(e));
  }

  send(data: Uint8Array, to: SockAddr): Promise<number> {
    if (this.#queue.closed) return Promise.reject(badf("sendto"));
    const toFamily = familyOf(to.host);
    if (toFamily !== undefined && toFamily !== this.#family) {
      // Deno gives EAFNOSUPPORT for an IPv6 peer of an IPv4 socket; an IPv6 socket reaches IPv4 peers mapped.
      if (this.#family === 4) {
        return Promise.reject(new SocketError("EAFNOSUPPORT"));
      }
      to = { host: `::ffff:${to.host}`, port: to.port };
    }
    if (!Number.isInteger(to.port) || to.port < 1 || to.port > 65535) {
      return Promise.reject(
        new SocketError("EINVAL", `cannot send to port ${to.port}`),
      );
    }
    return new Promise((resolve, reject) => {
      try {
        this.#sock.send(data, to.port, to.host, (e, bytes) => {
          if (e) reject(toSocketError(e));
          else resolve(bytes);
        });
      } catch (e) {
        reject(toSocketError(e));
      }
    });
  }

  receive(): Promise<Datagram> {
    return this.#queue.take();
  }

  close(): void {
    if (this.#queue.closed) return;
    this.#queue.close();
    try {
      this.#sock.close();
    } catch {
      // Already closed by an error: nothing left to free.
    }
  }
}

/** Wait for one of two events of an emitter, whichever comes first. */
function either(
  target: EventEmitter,
  ok: string,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      target.off(ok, onOk);
      target.off("error", onError);
      signal?.removeEventListener("abort", onAbort);
    };
    const onOk = () => {
      done();
      resolve();
    };
    const onError = (e: unknown) => {
      done();
      reject(toSocketError(e));
    };
    const onAbort = () => {
      done();
      reject(toSocketError(signal!.reason));
    };
    target.once(ok, onOk);
    target.once("error", onError);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Node's networking behind the {@link NetBackend} interface.
 *
 * @example
 * ```ts ignore
 * const listener = await nodeBackend.listen({ host: "127.0.0.1", port: 0 });
 * console.log(listener.local.port);
 * listener.close();
 * ```
 */
export const nodeBackend: NetBackend = {
  name: "node",

  async listen(addr: SockAddr, backlog?: number): Promise<StreamListener> {
    const server = net.createServer({
      // shutdown(SHUT_WR) by the peer must not end our writing half, as with Deno.
      allowHalfOpen: true,
      pauseOnConnect: true,
    });
    // Node binds asynchronously: wait here so a taken port fails at listen, not later.
    const bound = either(server, "listening");
    server.listen({ host: addr.host, port: addr.port, backlog });
    try {
      await bound;
    } catch (e) {
      server.close();
      throw e;
    }
    return new NodeListener(server, backlog ?? 511);
  },

  async connect(addr: SockAddr, signal?: AbortSignal): Promise<StreamConn> {
    if (signal?.aborted) throw toSocketError(signal.reason);
    const sock = net.connect({
      host: addr.host,
      port: addr.port,
      allowHalfOpen: true,
    });
    sock.pause();
    try {
      await either(sock, "connect", signal);
    } catch (e) {
      sock.destroy();
      throw e;
    }
    return new NodeConn(sock);
  },

  async bindDatagram(addr: SockAddr): Promise<DatagramSocket> {
    const family: Family = familyOf(addr.host) ?? 4;
    const sock = dgram.createSocket(family === 6 ? "udp6" : "udp4");
    const bound = either(sock, "listening");
    sock.bind({ address: addr.host, port: addr.port, exclusive: true });
    try {
      await bound;
    } catch (e) {
      try {
        sock.close();
      } catch {
        // Never bound: nothing to close.
      }
      throw e;
    }
    return new NodeDatagram(sock, family);
  },

  async lookup(name: string, family: Family): Promise<string[]> {
    if (familyOf(name) === family) return [name];
    try {
      const found = await dns.promises.lookup(name, { family, all: true });
      return found.map((a) => a.address);
    } catch (e) {
      throw toSocketError(e);
    }
  },
};
