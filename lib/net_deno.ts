/**
 * The Deno backend: the only module that calls Deno's networking APIs.
 *
 * @module
 */

import { toSocketError } from "./errno.ts";
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

function addrOf(a: Deno.Addr): SockAddr {
  const n = a as Deno.NetAddr;
  return { host: n.hostname, port: n.port };
}

/** Run `f`, turning whatever it throws into a SocketError. */
async function errno<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw toSocketError(e);
  }
}

class DenoConn implements StreamConn {
  readonly local: SockAddr;
  readonly remote: SockAddr;
  #conn: Deno.TcpConn;
  #closed = false;

  constructor(conn: Deno.TcpConn) {
    this.#conn = conn;
    this.local = addrOf(conn.localAddr);
    this.remote = addrOf(conn.remoteAddr);
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

class DenoListener implements StreamListener {
  readonly local: SockAddr;
  #listener: Deno.TcpListener;
  #closed = false;

  constructor(listener: Deno.TcpListener) {
    this.#listener = listener;
    this.local = addrOf(listener.addr);
  }

  accept(): Promise<StreamConn> {
    return errno(async () => new DenoConn(await this.#listener.accept()));
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#listener.close();
    } catch {
      // Already released.
    }
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

class DenoDatagram implements DatagramSocket {
  readonly local: SockAddr;
  #sock: Deno.DatagramConn;
  #closed = false;

  constructor(sock: Deno.DatagramConn) {
    this.#sock = sock;
    this.local = addrOf(sock.addr);
  }

  send(data: Uint8Array, to: SockAddr): Promise<number> {
    return errno(() =>
      this.#sock.send(data, {
        transport: "udp",
        hostname: to.host,
        port: to.port,
      })
    );
  }

  receive(): Promise<Datagram> {
    return errno(async () => {
      const buf = spareBuffers.pop() ?? new Uint8Array(65535);
      try {
        const [data, from] = await this.#sock.receive(buf);
        return { data: data.slice(), from: addrOf(from) };
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

/** Deno's networking behind the {@link NetBackend} interface. */
export const denoBackend: NetBackend = {
  name: "deno",

  listen(addr: SockAddr, backlog?: number): Promise<StreamListener> {
    return errno(() =>
      new DenoListener(
        Deno.listen({
          hostname: addr.host,
          port: addr.port,
          transport: "tcp",
          tcpBacklog: backlog,
        }),
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
