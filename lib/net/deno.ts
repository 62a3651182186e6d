/**
 * The Deno backend: the only module that calls Deno's networking APIs.
 *
 * @module
 */

import { copyBytes } from "./bytes.ts";
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
  TlsOptions,
  UnixAddr,
} from "../net.ts";
import {
  applyOptions,
  familyOf,
  lingerReset,
  noOption,
  optValue,
} from "../net.ts";
import { after } from "../shell/timer.ts";

function addrOf(a: Deno.Addr): SockAddr {
  const n = a as Deno.NetAddr;
  return { host: n.hostname, port: n.port };
}

/** A Unix address as Deno gives it: a null path is an unnamed socket. */
function unixOf(a: Deno.Addr): UnixAddr {
  return { path: (a as Deno.UnixAddr).path ?? "" };
}

/**
 * Close a Unix listener and leave its socket file, as close(2) does: Deno
 * unlinks it, so a second name keeps the file and takes its place again.
 */
function closeKeepingFile(close: () => void, path: string): void {
  const keep = `${path}.sockshell-keep`;
  let kept = false;
  try {
    Deno.linkSync(path, keep);
    kept = true;
  } catch {
    // Abstract name, or the file is already gone: nothing to keep.
  }
  close();
  if (!kept) return;
  try {
    Deno.renameSync(keep, path);
  } catch {
    try {
      Deno.removeSync(keep);
    } catch {
      // Nothing left to tidy.
    }
  }
}

/**
 * Run `f`, turning whatever it throws or rejects with into a SocketError: by
 * one `catch` on its promise, not an async function's await (reads and
 * writes, on every `send` and `recv`).
 */
function errno<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(f()).catch(rethrowErrno);
  } catch (e) {
    return Promise.reject(toSocketError(e));
  }
}

function rethrowErrno(e: unknown): never {
  throw toSocketError(e);
}

class DenoConn<A extends Addr = SockAddr> implements StreamConn<A> {
  readonly local: A;
  readonly remote: A;
  #conn: Deno.Conn;
  #closed = false;

  constructor(
    conn: Deno.Conn,
    conv: (a: Deno.Addr) => A = addrOf as (a: Deno.Addr) => A,
  ) {
    this.#conn = conn;
    this.local = conv(conn.localAddr);
    this.remote = conv(conn.remoteAddr);
  }

  async startTls(o: TlsOptions): Promise<StreamConn<A>> {
    // node:tls over this connection, for both roles. Deno.startTls would do a verifying
    // client's handshake, but its TlsConn reports writes done while rustls still holds them,
    // and its close (closeWrite too) can send close_notify ahead of them: the peer reads a
    // clean end of stream short of what send counted (Deno 2.9, seen on a 1 MiB file).
    const { startTlsOver } = await import("./node.ts");
    return await startTlsOver<A>(this, o);
  }

  read(buf: Uint8Array): Promise<number | null> {
    return errno(() => this.#conn.read(buf));
  }

  write(data: Uint8Array): Promise<number> {
    // Most writes are whole at the first call; the loop is for the rest of a short one.
    return errno(() =>
      this.#conn.write(data).then((n) =>
        n < data.length ? this.#writeRest(data, n) : n
      )
    );
  }

  async #writeRest(data: Uint8Array, off: number): Promise<number> {
    while (off < data.length) {
      off += await this.#conn.write(data.subarray(off));
    }
    return off;
  }

  closeWrite(): Promise<void> {
    return errno(() => this.#conn.closeWrite());
  }

  setOption(opt: SockOpt): Promise<void> {
    return errno(() => {
      if (!("setNoDelay" in this.#conn)) {
        throw noOption(opt.name, t("net.noCallFor", { api: "Deno.TlsConn" }));
      }
      const tcp = this.#conn as Deno.TcpConn;
      if (opt.name === "TCP_NODELAY") tcp.setNoDelay(opt.value !== 0);
      else if (opt.name === "SO_KEEPALIVE") {
        tcp.setKeepAlive(opt.value !== 0);
      } else if (opt.name === "SO_LINGER" && opt.onoff === 0) {
        // Off is the default close: nothing to change.
      } else if (opt.name === "SO_LINGER") {
        throw noOption(
          opt.name,
          t("net.denoNoLinger"),
        );
      } else {
        throw noOption(opt.name, t("net.noCallFor", { api: "Deno.TcpConn" }));
      }
    });
  }

  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    try {
      this.#conn.close();
    } catch {
      // Already released by the runtime: nothing left to free.
    }
    // What write resolved is in the kernel: it goes out after close, as in C.
    return Promise.resolve();
  }
}

class DenoListener<A extends Addr = SockAddr> implements StreamListener<A> {
  readonly local: A;
  #listener: Deno.Listener;
  #reusePort: boolean;
  #conv: (a: Deno.Addr) => A;
  #closed = false;

  constructor(
    listener: Deno.Listener,
    reusePort = false,
    conv: (a: Deno.Addr) => A = addrOf as (a: Deno.Addr) => A,
  ) {
    this.#listener = listener;
    this.#reusePort = reusePort;
    this.#conv = conv;
    this.local = conv(listener.addr);
  }

  getOption(name: OptName): number | undefined {
    // Deno.listen always sets SO_REUSEADDR.
    if (name === "SO_REUSEADDR") return 1;
    if (name === "SO_REUSEPORT") return this.#reusePort ? 1 : 0;
    return undefined;
  }

  accept(): Promise<StreamConn<A>> {
    return errno(async () => {
      try {
        return new DenoConn(await this.#listener.accept(), this.#conv);
      } catch (e) {
        // Reset by its client while it waited: Deno asks its address, fails, and drops it.
        if (!(e instanceof Deno.errors.NotConnected)) throw e;
        return new ResetBeforeAccept(this.local);
      }
    });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const release = () => {
      try {
        this.#listener.close();
      } catch {
        // Already released.
      }
    };
    const local = this.local as Addr;
    if ("path" in local) closeKeepingFile(release, local.path);
    else release();
  }
}

/**
 * A connection its client reset while it waited in the accept queue, which Deno's accept
 * drops where Linux's returns it, with its address and any bytes the client sent before its
 * reset (lost, and `accept` says so). Otherwise it behaves as Linux's does: its error comes
 * once, to the first recv or send; then a recv reads end of stream and a send fails with
 * EPIPE. There is no socket left to set options on, nor to upgrade.
 */
class ResetBeforeAccept<A extends Addr> implements StreamConn<A> {
  readonly local: A;
  readonly remote: A;
  readonly peerUnknown = true;
  #pending = true;

  constructor(local: A) {
    this.local = local;
    this.remote = ("path" in local ? { path: "" } : { host: "", port: 0 }) as A;
  }

  #error(): SocketError | undefined {
    if (!this.#pending) return undefined;
    this.#pending = false;
    return new SocketError("ECONNRESET", t("net.resetBeforeAccept"));
  }

  read(): Promise<number | null> {
    const e = this.#error();
    return e ? Promise.reject(e) : Promise.resolve(null);
  }

  write(): Promise<number> {
    return Promise.reject(
      this.#error() ?? new SocketError("EPIPE", t("net.connectionGone")),
    );
  }

  closeWrite(): Promise<void> {
    return Promise.reject(
      new SocketError("ENOTCONN", t("net.resetBeforeAccept")),
    );
  }

  setOption(): Promise<void> {
    // Linux sets them on the closed socket: nothing to send them to.
    return Promise.resolve();
  }

  startTls(): Promise<StreamConn<A>> {
    return Promise.reject(
      this.#error() ?? new SocketError("EPIPE", t("net.connectionGone")),
    );
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Receive buffers not in use. 65535 bytes hold any UDP datagram, so
 * truncation is ours to report, not the runtime's; but a socket holds one only
 * while a receive is pending, and a few wait here for the next receive of any
 * socket, so that a loop of `recvfrom` allocates nothing.
 */
const spareBuffers: Uint8Array[] = [];
const SPARE_BUFFERS = 4;

class DenoDatagram<A extends Addr = SockAddr> implements DatagramSocket<A> {
  readonly local: A;
  #sock: Deno.DatagramConn;
  #conv: (a: Deno.Addr) => A;
  #closed = false;
  #loop: boolean;
  #multicastTtl?: number;
  #groups = new Map<string, Deno.MulticastV4Membership>();

  constructor(
    sock: Deno.DatagramConn,
    loop: boolean,
    conv: (a: Deno.Addr) => A = addrOf as (a: Deno.Addr) => A,
  ) {
    this.#sock = sock;
    this.#loop = loop;
    this.#conv = conv;
    this.local = conv(sock.addr);
  }

  getOption(name: OptName): number | undefined {
    // Deno.listenDatagram always sets SO_BROADCAST, and IP_MULTICAST_LOOP as asked at bind.
    if (name === "SO_BROADCAST") return 1;
    if (name === "IP_MULTICAST_LOOP") return this.#loop ? 1 : 0;
    return undefined;
  }

  setOption(opt: SockOpt): Promise<void> {
    return errno(async () => {
      switch (opt.name) {
        case "SO_BROADCAST":
          return; // always on: the shell refuses broadcast sends itself while it is off
        case "IP_ADD_MEMBERSHIP": {
          const m = await this.#sock.joinMulticastV4(opt.group, opt.iface);
          this.#groups.set(opt.group, m);
          if (this.#multicastTtl !== undefined) {
            await m.setTTL(this.#multicastTtl);
          }
          await m.setLoopback(this.#loop);
          return;
        }
        case "IP_DROP_MEMBERSHIP":
          await this.#groups.get(opt.group)?.leave();
          this.#groups.delete(opt.group);
          return;
        case "IP_MULTICAST_TTL":
        case "IP_MULTICAST_LOOP": {
          // Deno sets both through a group membership (socket-wide, as setsockopt does).
          const now = opt.name === "IP_MULTICAST_TTL"
            ? this.#multicastTtl ?? 1
            : this.#loop
            ? 1
            : 0;
          if (this.#groups.size === 0 && opt.value === now) return;
          if (this.#groups.size === 0) {
            throw noOption(
              opt.name,
              opt.name === "IP_MULTICAST_LOOP"
                ? t("net.denoMulticastLoop")
                : t("net.denoMulticastTtl"),
            );
          }
          if (opt.name === "IP_MULTICAST_TTL") this.#multicastTtl = opt.value;
          else this.#loop = opt.value !== 0;
          for (const m of this.#groups.values()) {
            if (opt.name === "IP_MULTICAST_TTL") await m.setTTL(opt.value);
            else await m.setLoopback(opt.value !== 0);
          }
          return;
        }
        default:
          throw noOption(
            opt.name,
            t("net.noCallFor", { api: "Deno.DatagramConn" }),
          );
      }
    });
  }

  send(data: Uint8Array, to: A): Promise<number> {
    const a = to as Addr;
    return errno(() =>
      this.#sock.send(
        data,
        "path" in a ? { transport: "unixpacket", path: a.path } : {
          transport: "udp",
          hostname: a.host,
          port: a.port,
        },
      )
    );
  }

  receive(): Promise<Datagram<A>> {
    return errno(async () => {
      const buf = spareBuffers.pop() ?? new Uint8Array(65535);
      try {
        const [data, from] = await this.#sock.receive(buf);
        return { data: copyBytes(data), from: this.#conv(from) };
      } finally {
        // The datagram was copied out: the buffer is free for any socket's next receive.
        if (spareBuffers.length < SPARE_BUFFERS) spareBuffers.push(buf);
      }
    });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#sock.close();
    } catch {
      // Already released.
    }
  }
}

/** How long an abandoned connect may still finish before Deno's own call is cancelled (ms). */
const CONNECT_GRACE_MS = 50;

/**
 * Deno.connect, abandoned at once when `signal` aborts. Deno's call is cancelled only
 * CONNECT_GRACE_MS later, and a connection it still makes is closed: Deno.connect
 * cancelled just as the kernel completes the handshake rejects, yet keeps the connected
 * socket open in its resource table with no handle to close it (seen 20 times in 3,000
 * connects timed out at 1 ms; the fuzzer found it as a leak after `connect -t`).
 */
function connectAbortable(
  addr: SockAddr,
  signal?: AbortSignal,
): Promise<Deno.TcpConn> {
  if (!signal) return Deno.connect({ hostname: addr.host, port: addr.port });
  if (signal.aborted) return Promise.reject(signal.reason);
  const inner = new AbortController();
  const pending = Deno.connect({
    hostname: addr.host,
    port: addr.port,
    signal: inner.signal,
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      if (settled) return;
      settled = true;
      reject(signal.reason);
      // A connect to a peer whose queue is full may never finish: cancel it, a little later.
      const cancel = after(
        CONNECT_GRACE_MS,
        () => inner.abort(signal.reason),
      );
      pending.then((c) => {
        cancel();
        c.close();
      }, cancel);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    pending.then((c) => {
      signal.removeEventListener("abort", onAbort);
      if (settled) return; // abandoned: the handler above closes it
      settled = true;
      resolve(c);
    }, (e) => {
      signal.removeEventListener("abort", onAbort);
      if (settled) return;
      settled = true;
      reject(e);
    });
  });
}

/** Deno's networking behind the {@link NetBackend} interface. */
export const denoBackend: NetBackend = {
  name: "deno",

  async listen(
    addr: SockAddr,
    backlog?: number,
    options?: OpenOptions,
  ): Promise<StreamListener> {
    const reusePort = optValue(options?.opts, "SO_REUSEPORT") === 1;
    // Accepted connections inherit SO_LINGER, and a Deno.TcpConn cannot reset: a listener
    // with it set is opened with Deno's node:net layer (the Node backend's code), as connect is.
    if (lingerReset(options?.opts) && !reusePort) {
      const { nodeBackend } = await import("./node.ts");
      return await nodeBackend.listen(addr, backlog, options);
    }
    return await errno(() =>
      new DenoListener(
        Deno.listen({
          hostname: addr.host,
          port: addr.port,
          transport: "tcp",
          reusePort,
          tcpBacklog: backlog,
        }),
        reusePort,
      )
    );
  },

  async probeTcp(addr: SockAddr, options?: OpenOptions): Promise<SockAddr> {
    // Loaded at the first TCP bind: start-up does not pay for it.
    const { probeTcpBind } = await import("./tcp_bind.ts");
    return await probeTcpBind(
      denoBackend,
      (path) => Deno.readTextFile(path),
      addr,
      options,
    );
  },

  async connect(
    addr: SockAddr,
    signal?: AbortSignal,
    options?: OpenOptions,
  ): Promise<StreamConn> {
    // Deno.connect can neither choose the local end nor reset at close; Deno's node:net layer
    // (the Node backend's code) can, so a connect that needs either goes through it.
    if (options?.local || lingerReset(options?.opts)) {
      const { nodeBackend } = await import("./node.ts");
      return await nodeBackend.connect(addr, signal, options);
    }
    const conn = await errno(async () =>
      new DenoConn(await connectAbortable(addr, signal))
    );
    return await applyOptions(conn, options?.opts, [
      "TCP_NODELAY",
      "SO_KEEPALIVE",
    ]);
  },

  async bindDatagram(
    addr: SockAddr,
    options?: OpenOptions,
  ): Promise<DatagramSocket> {
    // Linux starts with IP_MULTICAST_LOOP on; Deno turns it off unless asked.
    const loop = optValue(options?.opts, "IP_MULTICAST_LOOP") !== 0;
    const sock = await errno(() =>
      new DenoDatagram(
        Deno.listenDatagram({
          hostname: addr.host,
          port: addr.port,
          transport: "udp",
          reuseAddress: optValue(options?.opts, "SO_REUSEADDR") === 1,
          loopback: loop,
        }),
        loop,
      )
    );
    // Groups first: Deno sets the multicast TTL through them.
    await applyOptions(sock, options?.opts, ["IP_ADD_MEMBERSHIP"]);
    return await applyOptions(sock, options?.opts, ["IP_MULTICAST_TTL"]);
  },

  optionGap(opt: SockOpt, proto: "tcp" | "udp"): string | undefined {
    switch (opt.name) {
      case "SO_RCVBUF":
      case "SO_SNDBUF":
        return t("net.noBufferSizes", { api: "Deno" });
      case "IP_TTL":
        return t("net.noCallSets", { api: "Deno", option: "IP_TTL" });
      case "SO_REUSEPORT":
        return proto === "udp" ? t("net.denoNoReusePort") : undefined;
      case "IPV6_V6ONLY":
        return opt.value !== 0 ? t("net.denoNoV6Only") : undefined;
      default:
        return undefined;
    }
  },

  listenUnix(path: string): Promise<StreamListener<UnixAddr>> {
    return errno(() =>
      new DenoListener(Deno.listen({ transport: "unix", path }), false, unixOf)
    );
  },

  probeUnix(path: string): Promise<void> {
    // An abstract name has no file to make: a listener, closed at once (Deno unlinks nothing).
    if (path.startsWith("\0")) {
      return errno(() => Deno.listen({ transport: "unix", path }).close());
    }
    // The socket file's own checks, made without listening: a file created where none may
    // be (EEXIST is bind's EADDRINUSE), removed at once. A client connecting meanwhile is
    // refused, as by a socket bound and not listening; a listener would have accepted it.
    return errno(async () => {
      try {
        (await Deno.open(path, { write: true, createNew: true })).close();
      } catch (e) {
        throw e instanceof Deno.errors.AlreadyExists
          ? new SocketError("EADDRINUSE")
          : e;
      }
      await Deno.remove(path);
    });
  },

  connectUnix(
    path: string,
    signal?: AbortSignal,
  ): Promise<StreamConn<UnixAddr>> {
    return errno(async () => {
      // Deno.connect takes no signal for a Unix path; it never waits either: a full queue is EAGAIN.
      signal?.throwIfAborted();
      return new DenoConn(
        await Deno.connect({ transport: "unix", path }),
        unixOf,
      );
    });
  },

  bindUnixDatagram(path: string): Promise<DatagramSocket<UnixAddr>> {
    return errno(() =>
      new DenoDatagram(
        Deno.listenDatagram({ transport: "unixpacket", path }),
        false,
        unixOf,
      )
    );
  },

  async getaddrinfo(name: string, family: 0 | Family): Promise<string[]> {
    // verbatim keeps the C library's order (/etc/hosts, then RFC 6724's sort).
    const dns = await import("node:dns");
    return await errno(async () => {
      const found = await dns.promises.lookup(name, {
        family,
        all: true,
        verbatim: true,
      });
      return found.map((a) => a.address);
    });
  },

  async getnameinfo(host: string): Promise<string | undefined> {
    const dns = await import("node:dns");
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
    // node:dns's lookup is getaddrinfo(3), which reads /etc/hosts as the handout's gethostbyname does;
    // loaded only when a name must be resolved.
    const dns = await import("node:dns");
    return await errno(async () => {
      const found = await dns.promises.lookup(name, { family, all: true });
      return found.map((a) => a.address);
    });
  },
};
