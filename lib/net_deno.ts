/**
 * The Deno backend: the only module that calls Deno's networking APIs.
 *
 * @module
 */

import { toSocketError } from "./errno.ts";
import type {
  Addr,
  Datagram,
  DatagramSocket,
  Family,
  NetBackend,
  SockAddr,
  StreamConn,
  StreamListener,
  UnixAddr,
} from "./net.ts";
import { familyOf } from "./net.ts";

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

/** Run `f`, turning whatever it throws into a SocketError. */
async function errno<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw toSocketError(e);
  }
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

  read(buf: Uint8Array): Promise<number | null> {
    return errno(() => this.#conn.read(buf));
  }

  write(data: Uint8Array): Promise<number> {
    return errno(async () => {
      let off = 0;
      while (off < data.length) {
        off += await this.#conn.write(data.subarray(off));
      }
      return off;
    });
  }

  closeWrite(): Promise<void> {
    return errno(() => this.#conn.closeWrite());
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#conn.close();
    } catch {
      // Already released by the runtime: nothing left to free.
    }
  }
}

class DenoListener<A extends Addr = SockAddr> implements StreamListener<A> {
  readonly local: A;
  #listener: Deno.Listener;
  #conv: (a: Deno.Addr) => A;
  #closed = false;

  constructor(
    listener: Deno.Listener,
    conv: (a: Deno.Addr) => A = addrOf as (a: Deno.Addr) => A,
  ) {
    this.#listener = listener;
    this.#conv = conv;
    this.local = conv(listener.addr);
  }

  accept(): Promise<StreamConn<A>> {
    return errno(async () =>
      new DenoConn(await this.#listener.accept(), this.#conv)
    );
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

class DenoDatagram<A extends Addr = SockAddr> implements DatagramSocket<A> {
  readonly local: A;
  #buf = new Uint8Array(65535);
  #sock: Deno.DatagramConn;
  #conv: (a: Deno.Addr) => A;
  #closed = false;

  constructor(
    sock: Deno.DatagramConn,
    conv: (a: Deno.Addr) => A = addrOf as (a: Deno.Addr) => A,
  ) {
    this.#sock = sock;
    this.#conv = conv;
    this.local = conv(sock.addr);
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
      // 65535 bytes hold any UDP datagram, so truncation is ours to report, not the runtime's.
      // The buffer is reused (one receive at a time): the datagram is copied out of it.
      const [data, from] = await this.#sock.receive(this.#buf);
      return { data: data.slice(), from: this.#conv(from) };
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

/** Deno's networking behind the {@link NetBackend} interface. */
export const denoBackend: NetBackend = {
  name: "deno",

  listen(addr: SockAddr): Promise<StreamListener> {
    return errno(() =>
      new DenoListener(
        Deno.listen({ hostname: addr.host, port: addr.port, transport: "tcp" }),
      )
    );
  },

  connect(addr: SockAddr, signal?: AbortSignal): Promise<StreamConn> {
    return errno(async () =>
      new DenoConn(
        await Deno.connect({ hostname: addr.host, port: addr.port, signal }),
      )
    );
  },

  bindDatagram(addr: SockAddr): Promise<DatagramSocket> {
    return errno(() =>
      new DenoDatagram(
        Deno.listenDatagram({
          hostname: addr.host,
          port: addr.port,
          transport: "udp",
        }),
      )
    );
  },

  listenUnix(path: string): Promise<StreamListener<UnixAddr>> {
    return errno(() =>
      new DenoListener(Deno.listen({ transport: "unix", path }), unixOf)
    );
  },

  probeUnix(path: string): Promise<void> {
    // Deno removes the socket file when its listener closes: nothing stays.
    return errno(() => Deno.listen({ transport: "unix", path }).close());
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
