/**
 * The Node backend: `node:net`, `node:dgram` and `node:dns` behind the same
 * {@link NetBackend} interface as `net/deno.ts`, for the Node single
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
import type { EventEmitter } from "node:events";
import fs from "node:fs";
import net from "node:net";
import type { Duplex } from "node:stream";
import type tlsModule from "node:tls";
import { SocketError, toSocketError } from "./errno.ts";
import { t } from "../i18n/mod.ts";
import type {
  Addr,
  Datagram,
  DatagramSocket,
  Family,
  NetBackend,
  OpenOptions,
  OptName,
  SockAddr,
  SockOpt,
  StreamConn,
  StreamListener,
  TlsInfo,
  TlsOptions,
  UnixAddr,
} from "../net.ts";
import {
  applyOptions,
  familyOf,
  isUnix,
  noOption,
  optValue,
  tlsFailure,
} from "../net.ts";

/** A call on a socket this side released: Deno's BadResource. */
function badf(what: string): SocketError {
  return new SocketError("EBADF", `${what}: ${t("net.closed")}`);
}

/** A pending call cut short by close: Deno's Interrupted. */
function interrupted(): SocketError {
  return new SocketError("EINTR", t("net.closedDuringCall"));
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
        throw new SocketError(
          "EBUSY",
          t("net.anotherInProgress", { what: this.what }),
        );
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

/**
 * The connection under a TLS one: when TLS has written its last bytes to it, how to stop
 * and start reading it, and how to let it go.
 */
interface Under {
  flushed: Promise<void>;
  hold(on: boolean): void;
  /**
   * A socket option: TCP's and the socket's are the connection's, not TLS's. Absent, the
   * TLS socket sets them (node:tls on a socket of its own).
   */
  setOption?(opt: SockOpt): Promise<void>;
  release(): Promise<void> | void;
}

/**
 * What a TLS connection holds decrypted and unread before it stops reading the connection
 * under it: beyond that, the peer's bytes wait in the kernel, and TCP's window holds the
 * peer back, as for a plain connection (whose bytes never leave the kernel unread).
 */
const TLS_HELD_MAX = 512 * 1024;

class NodeConn<A extends Addr = SockAddr> implements StreamConn<A> {
  readonly local: A;
  readonly remote: A;
  readonly tls?: TlsInfo;
  readonly peerUnknown?: boolean;
  #sock: net.Socket;
  // deno-lint-ignore no-explicit-any
  #listeners: [string, (...a: any[]) => void][] = [];
  #under?: Under;
  #chunks: Uint8Array[] = [];
  #held = 0;
  #holding = false;
  #ended = false;
  #error?: SocketError;
  #writeErrors = new WeakSet<object>();
  #writeShut = false;
  #closed = false;
  #reset = false;
  #waiter?: Waiter;

  /**
   * Wrap a connected socket; a TLS socket comes with what its handshake agreed; `addrs`
   * gives the ends where Node knows none (a Unix stream's paths, the connection under a
   * TLS one); `under` releases the connection under a TLS one.
   */
  constructor(
    sock: net.Socket,
    tls?: TlsInfo,
    addrs?: { local: A; remote: A },
    under?: Under,
  ) {
    this.#sock = sock;
    this.tls = tls;
    this.#under = under;
    // Data stays in the kernel until someone reads, as with Deno. A TLS connection flows
    // here, decrypted, until it holds TLS_HELD_MAX unread: then it is held back (Under.hold).
    if (!tls) sock.pause();
    this.local = addrs?.local ??
      { host: sock.localAddress ?? "", port: sock.localPort ?? 0 } as A;
    this.remote = addrs?.remote ?? {
      host: sock.remoteAddress ?? "",
      port: sock.remotePort ?? 0,
    } as A;
    // Node's address is getpeername's, which fails once the client has reset the connection.
    if (!addrs && sock.remoteAddress === undefined) this.peerUnknown = true;
    this.#on("data", (chunk: Uint8Array) => {
      this.#chunks.push(chunk);
      this.#held += chunk.length;
      if (!tls) sock.pause();
      else if (this.#held >= TLS_HELD_MAX && !this.#holding) {
        this.#holding = true;
        under?.hold(true);
      }
      this.#wake();
    });
    this.#on("end", () => {
      this.#ended = true;
      this.#wake();
    });
    this.#on("error", (e: Error) => {
      // Write errors were already given to their write; reads see the stream's own.
      if (!this.#writeErrors.has(e)) this.#error = this.#socketError(e);
      this.#wake();
    });
    this.#on("close", () => this.#wake());
  }

  // deno-lint-ignore no-explicit-any
  #on(event: string, f: (...a: any[]) => void): void {
    this.#sock.on(event, f);
    this.#listeners.push([event, f]);
  }

  async startTls(o: TlsOptions): Promise<StreamConn<A>> {
    if (this.tls) {
      throw new SocketError("EISCONN", t("net.tlsAlready"));
    }
    if (this.#closed) throw badf("starttls");
    if (this.#chunks.length || this.#sock.destroyed || this.#ended) {
      throw new SocketError(
        "EINVAL",
        t("net.tlsUnreadOrEnded"),
      );
    }
    // Deno's node:tls takes TCP sockets only: a Unix stream is upgraded through this
    // connection's own reads and writes, as the Deno backend does every connection.
    if (isUnix(this.local)) return await startTlsOver<A>(this, o);
    const context = await secureContext(o);
    // node:tls takes the socket over: this wrapper lets go of it without closing it.
    for (const [event, f] of this.#listeners) this.#sock.off(event, f);
    this.#closed = true;
    const sock = this.#sock;
    // Released after the TLS socket: what is still queued on it goes out first.
    const release = () => {
      if (sock.destroyed) return;
      const gone = new Promise<void>((resolve) => sock.once("close", resolve));
      sock.end(() => sock.destroy());
      setTimeout(() => sock.destroy(), 1000).unref();
      return gone;
    };
    return await handshake<A>(sock, o, context, this, { release }, release);
  }

  #wake(): void {
    const w = this.#waiter;
    this.#waiter = undefined;
    w?.resolve();
  }

  async read(buf: Uint8Array): Promise<number | null> {
    if (this.#closed) throw badf("read");
    for (;;) {
      if (this.#chunks.length) {
        // All that has come, up to buf's size: over TLS, a record a chunk.
        let n = 0;
        while (n < buf.length && this.#chunks.length) {
          const first = this.#chunks[0]!;
          const k = Math.min(buf.length - n, first.length);
          buf.set(first.subarray(0, k), n);
          n += k;
          if (k === first.length) this.#chunks.shift();
          else this.#chunks[0] = first.subarray(k);
        }
        this.#held -= n;
        if (this.#holding && this.#held < TLS_HELD_MAX) {
          this.#holding = false;
          this.#under?.hold(false);
        }
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
        throw new SocketError(
          "EBUSY",
          t("net.anotherInProgress", { what: "read" }),
        );
      }
      const woken = new Promise<void>((resolve) => {
        this.#waiter = { resolve };
      });
      this.#sock.resume();
      await woken;
      if (this.#closed) throw interrupted();
    }
  }

  /**
   * The connection's error as C sees it: over TLS, OpenSSL's own (an alert, a record it
   * cannot read) is SSL_ERROR_SSL, as SSL_read and SSL_write say; a reset keeps its errno.
   */
  #socketError(e: unknown): SocketError {
    const code = String((e as { code?: unknown } | null)?.code ?? "");
    return this.tls && code.startsWith("ERR_SSL_")
      ? tlsFailure(e)
      : toSocketError(e);
  }

  write(data: Uint8Array): Promise<number> {
    if (this.#closed) return Promise.reject(badf("write"));
    // Checked here, not left to Node: its write-after-end error would destroy the reading half too.
    if (this.#writeShut || this.#sock.writableEnded) {
      return Promise.reject(
        new SocketError("EPIPE", t("fd.writeShut")),
      );
    }
    if (this.#sock.destroyed) {
      return Promise.reject(
        this.#error ?? new SocketError("EPIPE", t("net.connectionGone")),
      );
    }
    const length = data.length;
    return new Promise((resolve, reject) => {
      // The callback runs once the bytes are handed to the kernel.
      this.#sock.write(data, (e) => {
        if (e) {
          this.#writeErrors.add(e);
          reject(this.#closed ? interrupted() : this.#socketError(e));
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

  setOption(opt: SockOpt): Promise<void> {
    if (this.#closed) return Promise.reject(badf("setsockopt"));
    // node:tls over a stream would take them and set nothing.
    if (this.#under?.setOption) return this.#under.setOption(opt);
    if (opt.name === "TCP_NODELAY") this.#sock.setNoDelay(opt.value !== 0);
    else if (opt.name === "SO_KEEPALIVE") {
      this.#sock.setKeepAlive(opt.value !== 0);
    } else if (opt.name === "SO_LINGER") {
      if (opt.onoff !== 0 && opt.seconds !== 0) {
        return Promise.reject(
          noOption(opt.name, t("net.onlyLingerZero")),
        );
      }
      this.#reset = opt.onoff !== 0;
    } else {
      return Promise.reject(
        noOption(opt.name, t("net.noCallFor", { api: "node:net" })),
      );
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    const sock = this.#sock;
    if (this.#reset && !sock.destroyed) {
      // SO_LINGER {1, 0}: close sends RST and drops what was unsent.
      sock.resetAndDestroy();
    } else if (
      sock.destroyed || sock.writableEnded ||
      // TLS: bytes still being encrypted are sent, then close_notify.
      (sock.writableLength > 0 && !this.tls)
    ) {
      sock.destroy();
    } else {
      // Deno's close sends FIN before it lets go, so the peer reads end of stream even when
      // data it sent is left unread (then the kernel's reset follows). Node's destroy alone
      // would send only the reset: shut the writing half first, then destroy.
      // TLS: destroying at 'finish' can cut what is still being encrypted (Deno's node:tls):
      // close_notify goes with end(), and the socket is let go once that is through the
      // connection under it (below), or 5 s later.
      if (this.tls) sock.end();
      else sock.end(() => sock.destroy());
      setTimeout(() => sock.destroy(), this.tls ? 5000 : 1000).unref();
    }
    this.#wake();
    const under = this.#under;
    const closed = new Promise<void>((resolve) => {
      if (sock.destroyed) resolve();
      else sock.once("close", () => resolve());
    });
    if (!under) return closed;
    // TLS: the connection under it goes once close_notify is out, which its 'finish' says
    // (the TLS socket itself may never say 'close': Deno's node:tls over a stream), or at
    // once if nothing can be sent.
    return Promise.race([under.flushed, closed]).then(() => {
      sock.destroy();
      return under.release();
    });
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

let tlsLoaded: Promise<typeof tlsModule> | undefined;

/** node:tls, loaded on the first starttls only: nothing at start-up. */
function loadTls(): Promise<typeof tlsModule> {
  return tlsLoaded ??= import("node:tls").then((m) => m.default ?? m);
}

/**
 * A server's certificate and key checked before the handshake, so a bad file leaves the
 * connection as it was. Node's secure context checks that the key goes with the certificate
 * (SSL_CTX_check_private_key); Deno's takes any, and its handshake then fails with the
 * client's "unsupported protocol": node:crypto checks it on both.
 */
async function secureContext(
  o: TlsOptions,
): Promise<tlsModule.SecureContext | undefined> {
  if (!o.server) return undefined;
  const tls = await loadTls();
  const bad = (e: unknown) =>
    new SocketError(
      "EINVAL",
      `--cert/--key: ${e instanceof Error ? e.message : String(e)}`,
    );
  let matches: boolean;
  try {
    const { createPrivateKey, X509Certificate } = await import("node:crypto");
    matches = new X509Certificate(o.cert ?? "").checkPrivateKey(
      createPrivateKey(o.key ?? ""),
    );
  } catch (e) {
    throw bad(e);
  }
  if (!matches) throw new SocketError("EINVAL", t("net.tlsKeyMismatch"));
  try {
    return tls.createSecureContext({ cert: o.cert, key: o.key });
  } catch (e) {
    throw bad(e);
  }
}

/** The distinguished name of a certificate field, as `CN=localhost, O=Example`. */
function dn(name: unknown): string {
  if (!name || typeof name !== "object") return "";
  return Object.entries(name).map(([k, v]) => `${k}=${v}`).join(", ");
}

/**
 * OpenSSL's verify result for a rejected certificate: the runtime's, but
 * CERT_HAS_EXPIRED or CERT_NOT_YET_VALID when the certificate is out of its
 * dates and the runtime named only the issuer (Deno's node:tls does).
 */
function verifyCode(
  code: unknown,
  cert: { valid_from?: string; valid_to?: string } | undefined,
): string {
  const now = Date.now();
  if (/ISSUER|VERIFY_LEAF|SELF_SIGNED/.test(String(code)) && cert) {
    if (cert.valid_to && Date.parse(cert.valid_to) < now) {
      return "CERT_HAS_EXPIRED";
    }
    if (cert.valid_from && Date.parse(cert.valid_from) > now) {
      return "CERT_NOT_YET_VALID";
    }
  }
  return String(code);
}

/** SSL_connect or SSL_accept with node:tls over `transport`; the TLS connection, or the failure. */
async function handshake<A extends Addr>(
  transport: net.Socket | Duplex,
  o: TlsOptions,
  context: tlsModule.SecureContext | undefined,
  addrs: { local: A; remote: A },
  under: Omit<Under, "flushed" | "hold"> & { hold?: Under["hold"] },
  abort: () => void,
): Promise<StreamConn<A>> {
  const tls = await loadTls();
  // A Unix socket has no host: without a name given, the chain is verified and no name is
  // checked, as SSL_connect does when SSL_set1_host was not called.
  const name = o.servername ||
    (isUnix(addrs.remote) ? undefined : addrs.remote.host);
  let sock: tlsModule.TLSSocket;
  try {
    sock = o.server
      ? new tls.TLSSocket(transport as net.Socket, {
        isServer: true,
        secureContext: context,
        ALPNProtocols: o.alpn,
      })
      : tls.connect({
        socket: transport as net.Socket,
        // SNI carries names only; the certificate is checked against the name or address either way.
        servername: name !== undefined && familyOf(name) === undefined
          ? name
          : undefined,
        host: name,
        ...(name === undefined ? { checkServerIdentity: () => undefined } : {}),
        ca: o.ca,
        // Checked once the handshake is done (SSL_get_verify_result's way), below: Deno's
        // node:tls gives an expired certificate's rejection as a missing issuer.
        rejectUnauthorized: false,
        ALPNProtocols: o.alpn,
      });
  } catch (e) {
    abort();
    throw tlsFailure(e);
  }
  // An error after the handshake was given up (its timeout, a close) has no one left to tell:
  // it must not end the shell as an uncaught one. While connected, NodeConn hears them too.
  sock.on("error", () => {});
  try {
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        sock.off(o.server ? "secure" : "secureConnect", onOk);
        sock.off("error", onError);
        sock.off("close", onClose);
        sock.off("end", onClose);
        transport.off("close", onClose);
        transport.off("end", onClose);
      };
      const onOk = () => {
        done();
        resolve();
      };
      const onError = (e: unknown) => {
        done();
        reject(e);
      };
      const onClose = () => {
        done();
        reject(
          new SocketError("SSL_ERROR_SSL", t("net.tlsEof")),
        );
      };
      sock.once(o.server ? "secure" : "secureConnect", onOk);
      sock.once("error", onError);
      sock.once("close", onClose);
      // Deno's node:tls may only say "end" when the peer leaves mid-handshake, or nothing on the TLS socket.
      sock.once("end", onClose);
      transport.once("close", onClose);
      transport.once("end", onClose);
    });
  } catch (e) {
    sock.destroy();
    abort();
    throw tlsFailure(e);
  }
  const cipher = sock.getCipher();
  const cert = o.server ? undefined : sock.getPeerCertificate();
  const code = o.server || sock.authorized
    ? undefined
    : verifyCode(sock.authorizationError, cert);
  const verifyError = code === undefined ? undefined : tlsFailure({
    code,
    // The names the certificate holds, for a name that is not one of them.
    message: /ALTNAME/.test(code) && cert?.subjectaltname
      ? `${name} is not in the cert's altnames: ${cert.subjectaltname}`
      : "",
  });
  if (verifyError && !o.insecure) {
    sock.destroy();
    abort();
    throw verifyError;
  }
  const info: TlsInfo = {
    via: "node:tls",
    version: sock.getProtocol() ?? undefined,
    cipher: cipher?.standardName ?? cipher?.name,
    alpn: sock.alpnProtocol || null,
    peer: cert?.subject
      ? {
        subject: dn(cert.subject),
        issuer: dn(cert.issuer),
        validTo: cert.valid_to,
        altNames: cert.subjectaltname,
      }
      : undefined,
    unverified: verifyError?.detail,
  };
  // Every byte the TLS socket wrote, and close_notify, has reached the connection under it,
  // and that one's FIN after them. Over a net.Socket, node:tls ends it; over the shell's own
  // stream (Deno's backend), Deno's node:tls does not: once its last bytes are through, the
  // shell ends that stream itself.
  if (!(transport instanceof net.Socket)) {
    sock.once("finish", () => {
      const end = () => transport.end();
      if (transport.writableLength > 0) transport.once("drain", end);
      else end();
    });
  }
  const flushed = new Promise<void>((resolve) => {
    transport.once("finish", resolve);
    transport.once("close", resolve);
  });
  // node:tls on a socket of its own (Node's backend) is held back as Node holds any socket:
  // paused, it stops reading the socket under it. Deno's node:tls loses the end of stream
  // that comes while it is paused: the shell's own stream is held back instead (Deno's backend).
  const hold = under.hold ??
    ((on: boolean) => on ? sock.pause() : sock.resume());
  return new NodeConn(sock, info, addrs, { flushed, ...under, hold });
}

/**
 * The TLS handshake over any connection (Deno's, where Deno has no server-side upgrade
 * and no way to skip verification): node:tls on a stream that reads and writes `conn`.
 */
export async function startTlsOver<A extends Addr>(
  conn: StreamConn<A>,
  o: TlsOptions,
): Promise<StreamConn<A>> {
  const context = await secureContext(o);
  const { Duplex } = await import("node:stream");
  const buf = new Uint8Array(65536);
  // The one read in flight on `conn`, if any: a second would be refused.
  let reading: Promise<unknown> | undefined;
  // Held: TLS holds enough unread (NodeConn); a read TLS asked for then waits for the release.
  let held = false;
  let asked = false;
  const pull = () => {
    const r = conn.read(buf).then(
      (n) => transport.push(n === null ? null : buf.slice(0, n)),
      (e) => transport.destroy(e),
    );
    reading = r.finally(() => {
      if (reading === r) reading = undefined;
    });
  };
  const hold = (on: boolean) => {
    held = on;
    if (!on && asked) {
      asked = false;
      pull();
    }
  };
  const transport = new Duplex({
    read() {
      if (held) asked = true;
      else pull();
    },
    write(chunk: Uint8Array, _enc, cb) {
      conn.write(chunk).then(() => cb(), cb);
    },
    final(cb) {
      conn.closeWrite().then(() => cb(), cb);
    },
  });
  // Released once close_notify and our FIN are out. What the peer still sends (its own
  // close_notify, a TLS 1.3 session ticket no one read) is read and dropped until its FIN,
  // 1 s at most, before the close: a close over unread bytes would be a reset, and a reset
  // makes the peer's kernel drop what it has received and not yet read: the file's tail.
  const release = async () => {
    transport.destroy();
    const until = Date.now() + 1000;
    try {
      await reading;
      for (;;) {
        const left = until - Date.now();
        if (left <= 0) break;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const n = await Promise.race([
          conn.read(buf),
          new Promise<null>((resolve) =>
            timer = setTimeout(resolve, left, null)
          ),
        ]);
        clearTimeout(timer);
        if (n === null) break;
      }
    } catch {
      // Reset or closed: nothing more to wait for.
    }
    await conn.close();
  };
  return await handshake(
    transport,
    o,
    context,
    conn,
    { hold, release, setOption: (opt) => conn.setOption(opt) },
    () => void conn.close(),
  );
}

class NodeListener<A extends Addr = SockAddr> implements StreamListener<A> {
  readonly local: A;
  #server: net.Server;
  #backlog: Arrivals<NodeConn<A>>;

  constructor(server: net.Server, backlog: number) {
    this.#server = server;
    const a = server.address();
    // A Unix server's address is its path; an accepted Unix peer is unnamed, as in C.
    const local = typeof a === "string"
      ? { path: a }
      : { host: a!.address, port: a!.port };
    this.local = local as A;
    // Deno's pending accept gets BadResource when the listener closes. Linux's accept queue
    // holds backlog + 1 connections (the backlog capped at SOMAXCONN).
    this.#backlog = new Arrivals<NodeConn<A>>(
      "accept",
      () => badf("accept"),
      Math.min(backlog, somaxconn()) + 1,
    );
    // Node accepts at once and has no call to stop: the connections wait here, paused, like
    // the kernel's accept queue, and as many. Where Linux would drop a SYN to a full queue
    // (the client retries), Node has already completed the handshake: the connection is
    // reset, as Linux does with tcp_abort_on_overflow.
    server.on("connection", (sock: net.Socket) => {
      if (this.#backlog.closed) {
        sock.destroy();
        return;
      }
      const conn = new NodeConn<A>(
        sock,
        undefined,
        "path" in local
          ? { local: local as A, remote: { path: "" } as A }
          : undefined,
      );
      if (!this.#backlog.push(conn)) sock.resetAndDestroy();
    });
    server.on("error", (e: Error) => this.#backlog.fail(e));
  }

  getOption(name: OptName): number | undefined {
    // libuv sets SO_REUSEADDR on every TCP socket it binds.
    return name === "SO_REUSEADDR" ? 1 : undefined;
  }

  accept(): Promise<StreamConn<A>> {
    return this.#backlog.take();
  }

  close(): void {
    if (this.#backlog.closed) return;
    // Like closing a listening fd: connections not yet accepted are reset.
    for (const c of this.#backlog.close()) c.close();
    const local = this.local as Addr;
    if (!("path" in local)) {
      this.#server.close();
      return;
    }
    // Node unlinks a Unix server's socket file on close; close(2) leaves it: a second name keeps it.
    const keep = `${local.path}.sockshell-keep`;
    let kept = false;
    try {
      fs.linkSync(local.path, keep);
      kept = true;
    } catch {
      // The file is already gone: nothing to keep.
    }
    this.#server.close();
    if (!kept) return;
    try {
      fs.renameSync(keep, local.path);
    } catch {
      fs.rmSync(keep, { force: true });
    }
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
        new SocketError("EINVAL", t("net.cannotSendToPort", { port: to.port })),
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

  getOption(name: OptName): number | undefined {
    if (this.#queue.closed) return undefined;
    if (name === "SO_RCVBUF") return this.#sock.getRecvBufferSize();
    if (name === "SO_SNDBUF") return this.#sock.getSendBufferSize();
    return undefined;
  }

  setOption(opt: SockOpt): Promise<void> {
    if (this.#queue.closed) return Promise.reject(badf("setsockopt"));
    const s = this.#sock;
    try {
      switch (opt.name) {
        case "SO_BROADCAST":
          s.setBroadcast(opt.value !== 0);
          break;
        case "IP_TTL":
          s.setTTL(opt.value);
          break;
        case "IP_MULTICAST_TTL":
          s.setMulticastTTL(opt.value);
          break;
        case "IP_MULTICAST_LOOP":
          s.setMulticastLoopback(opt.value !== 0);
          break;
        case "IP_ADD_MEMBERSHIP":
          s.addMembership(opt.group, opt.iface);
          break;
        case "IP_DROP_MEMBERSHIP":
          s.dropMembership(opt.group, opt.iface);
          break;
        case "SO_RCVBUF":
          s.setRecvBufferSize(opt.value);
          break;
        case "SO_SNDBUF":
          s.setSendBufferSize(opt.value);
          break;
        default:
          throw noOption(opt.name, t("net.noCallFor", { api: "node:dgram" }));
      }
    } catch (e) {
      return Promise.reject(toSocketError(e));
    }
    return Promise.resolve();
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

  async listen(
    addr: SockAddr,
    backlog?: number,
    options?: OpenOptions,
  ): Promise<StreamListener> {
    const server = net.createServer({
      // shutdown(SHUT_WR) by the peer must not end our writing half, as with Deno.
      allowHalfOpen: true,
      pauseOnConnect: true,
    });
    // Node binds asynchronously: wait here so a taken port fails at listen, not later.
    const bound = either(server, "listening");
    server.listen({
      host: addr.host,
      port: addr.port,
      backlog,
      ipv6Only: optValue(options?.opts, "IPV6_V6ONLY") === 1,
    });
    try {
      await bound;
    } catch (e) {
      server.close();
      throw e;
    }
    return new NodeListener(server, backlog ?? 511);
  },

  async probeTcp(addr: SockAddr, options?: OpenOptions): Promise<SockAddr> {
    // Loaded at the first TCP bind: start-up does not pay for it.
    const { probeTcpBind } = await import("./tcp_bind.ts");
    return await probeTcpBind(
      nodeBackend,
      (path) => fs.promises.readFile(path, "utf8"),
      addr,
      options,
    );
  },

  async connect(
    addr: SockAddr,
    signal?: AbortSignal,
    options?: OpenOptions,
  ): Promise<StreamConn> {
    if (signal?.aborted) throw toSocketError(signal.reason);
    const local = options?.local;
    const sock = net.connect({
      host: addr.host,
      port: addr.port,
      allowHalfOpen: true,
      // bind() before connect(): net.connect binds to these first.
      ...(local ? { localAddress: local.host, localPort: local.port } : {}),
    });
    sock.pause();
    try {
      await either(sock, "connect", signal);
    } catch (e) {
      sock.destroy();
      throw e;
    }
    return await applyOptions(new NodeConn(sock), options?.opts, [
      "TCP_NODELAY",
      "SO_KEEPALIVE",
      "SO_LINGER",
    ]);
  },

  async bindDatagram(
    addr: SockAddr,
    options?: OpenOptions,
  ): Promise<DatagramSocket> {
    const family: Family = familyOf(addr.host) ?? 4;
    const sock = dgram.createSocket({
      type: family === 6 ? "udp6" : "udp4",
      reuseAddr: optValue(options?.opts, "SO_REUSEADDR") === 1,
      ipv6Only: optValue(options?.opts, "IPV6_V6ONLY") === 1,
    });
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
    return await applyOptions(new NodeDatagram(sock, family), options?.opts, [
      "SO_BROADCAST",
      "IP_TTL",
      "IP_MULTICAST_TTL",
      "IP_MULTICAST_LOOP",
      "IP_ADD_MEMBERSHIP",
      "SO_RCVBUF",
      "SO_SNDBUF",
    ]);
  },

  optionGap(opt: SockOpt, proto: "tcp" | "udp"): string | undefined {
    switch (opt.name) {
      case "SO_REUSEPORT":
        return t("net.nodeNoReusePort");
      case "SO_RCVBUF":
      case "SO_SNDBUF":
        return proto === "tcp"
          ? t("net.noBufferSizes", { api: "node:net" })
          : undefined;
      case "IP_TTL":
        return proto === "tcp"
          ? t("net.noCallSets", { api: "node:net", option: "IP_TTL" })
          : undefined;
      default:
        return undefined;
    }
  },

  async listenUnix(path: string): Promise<StreamListener<UnixAddr>> {
    const server = net.createServer({
      allowHalfOpen: true,
      pauseOnConnect: true,
    });
    const bound = either(server, "listening");
    server.listen({ path });
    try {
      await bound;
    } catch (e) {
      server.close();
      throw e;
    }
    return new NodeListener<UnixAddr>(server, 511);
  },

  async probeUnix(path: string): Promise<void> {
    // The socket file's own checks without listening, as the Deno backend makes them.
    if (!path.startsWith("\0")) {
      try {
        await (await fs.promises.open(path, "wx")).close();
      } catch (e) {
        throw (e as { code?: string }).code === "EEXIST"
          ? new SocketError("EADDRINUSE")
          : toSocketError(e);
      }
      await fs.promises.unlink(path);
      return;
    }
    const server = net.createServer();
    const bound = either(server, "listening");
    server.listen({ path });
    await bound;
    // Node removes the socket file when its server closes: nothing stays.
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },

  async connectUnix(
    path: string,
    signal?: AbortSignal,
  ): Promise<StreamConn<UnixAddr>> {
    if (signal?.aborted) throw toSocketError(signal.reason);
    const sock = net.connect({ path, allowHalfOpen: true });
    sock.pause();
    try {
      await either(sock, "connect", signal);
    } catch (e) {
      sock.destroy();
      throw e;
    }
    // Our end is unnamed (no bind), the peer is the path: what getsockname and getpeername say in C.
    return new NodeConn<UnixAddr>(sock, undefined, {
      local: { path: "" },
      remote: { path },
    });
  },

  bindUnixDatagram(): Promise<DatagramSocket<UnixAddr>> {
    return Promise.reject(
      new SocketError(
        "EAFNOSUPPORT",
        t("net.nodeNoUnixDgram"),
      ),
    );
  },

  async getaddrinfo(name: string, family: 0 | Family): Promise<string[]> {
    try {
      // verbatim keeps the C library's order (/etc/hosts, then RFC 6724's sort).
      const found = await dns.promises.lookup(name, {
        family,
        all: true,
        verbatim: true,
      });
      return found.map((a) => a.address);
    } catch (e) {
      throw toSocketError(e);
    }
  },

  async getnameinfo(host: string): Promise<string | undefined> {
    try {
      return (await dns.promises.lookupService(host, 0)).hostname;
    } catch (e) {
      const se = toSocketError(e);
      if (se.errno === "EAI_NONAME") return undefined;
      throw se;
    }
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
