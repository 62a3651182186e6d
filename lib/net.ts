/**
 * The narrow interface between the shell and a runtime's networking.
 *
 * Everything the shell does on the network goes through a {@link NetBackend}.
 * Two implement it: `net_deno.ts` (Deno's `Deno.listen`, `Deno.connect`,
 * `Deno.listenDatagram`) and `net_node.ts` (`node:net`, `node:dgram`), for the
 * single-binary build. Both throw {@link SocketError}s with errno names.
 *
 * @module
 */

/** An IPv4 or IPv6 address and a port, as numeric text (`127.0.0.1`, `::1`). */
export interface SockAddr {
  /** Numeric address; never a host name. */
  host: string;
  /** Port, 0 to 65535. */
  port: number;
}

/** Address family: AF_INET (4) or AF_INET6 (6). */
export type Family = 4 | 6;

/** A connected TCP stream. */
export interface StreamConn {
  /** Our end of the connection. */
  readonly local: SockAddr;
  /** The peer's end. */
  readonly remote: SockAddr;
  /** Read into `buf`; the byte count, or null at end of stream. Rejects with EINTR once closed. */
  read(buf: Uint8Array): Promise<number | null>;
  /** Write all of `data`; resolves with its length. */
  write(data: Uint8Array): Promise<number>;
  /** shutdown(SHUT_WR): send FIN, keep reading. */
  closeWrite(): Promise<void>;
  /** Release the connection; a pending read rejects. Never throws. */
  close(): void;
}

/** A listening TCP socket. */
export interface StreamListener {
  /** The address it listens on, with the port the system picked for port 0. */
  readonly local: SockAddr;
  /** The next connection; rejects with EBADF once closed. */
  accept(): Promise<StreamConn>;
  /** Stop listening; a pending accept rejects. Never throws. */
  close(): void;
}

/** One received datagram and who sent it. */
export interface Datagram {
  /** The whole datagram. */
  data: Uint8Array;
  /** The sender. */
  from: SockAddr;
}

/** A bound UDP socket. */
export interface DatagramSocket {
  /** The bound address, with the port the system picked for port 0. */
  readonly local: SockAddr;
  /** Send one datagram; resolves with the bytes sent. */
  send(data: Uint8Array, to: SockAddr): Promise<number>;
  /** The next datagram; rejects with EINTR once closed. */
  receive(): Promise<Datagram>;
  /** Release the socket; a pending receive rejects. Never throws. */
  close(): void;
}

/** What a runtime must provide for the shell to work on it. */
export interface NetBackend {
  /** "deno" or "node", shown by `--version`. */
  readonly name: string;
  /**
   * bind()+listen() on a TCP address with listen()'s backlog (the kernel caps
   * it at SOMAXCONN; without one, 511 as both runtimes default). Fails at once
   * when the address is taken.
   */
  listen(addr: SockAddr, backlog?: number): Promise<StreamListener>;
  /** connect() to a TCP address; `signal` abandons the attempt. */
  connect(addr: SockAddr, signal?: AbortSignal): Promise<StreamConn>;
  /** bind() a UDP socket. Fails at once when the address is taken. */
  bindDatagram(addr: SockAddr): Promise<DatagramSocket>;
  /** getaddrinfo(): the numeric addresses of a name in one family. */
  lookup(name: string, family: Family): Promise<string[]>;
}

let current: NetBackend | undefined;

/** The backend in use: Deno's unless another was installed with {@link useBackend}. */
export async function backend(): Promise<NetBackend> {
  if (current) return current;
  current = (await import("./net_deno.ts")).denoBackend;
  return current;
}

/** Install a backend (the Node build does this before the shell starts). */
export function useBackend(b: NetBackend): void {
  current = b;
}

/** The family of a numeric address, or undefined for a name. */
export function familyOf(host: string): Family | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return 4;
  if (host.includes(":")) return 6;
  return undefined;
}
