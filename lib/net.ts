/**
 * The narrow interface between the shell and a runtime's networking.
 *
 * Everything the shell does on the network goes through a {@link NetBackend}.
 * Two implement it: `net/deno.ts` (Deno's `Deno.listen`, `Deno.connect`,
 * `Deno.listenDatagram`) and `net/node.ts` (`node:net`, `node:dgram`), for the
 * single-binary build. Both throw {@link SocketError}s with errno names.
 *
 * @module
 */

import { SocketError } from "./net/errno.ts";
import { t } from "./i18n/mod.ts";

/** An IPv4 or IPv6 address and a port, as numeric text (`127.0.0.1`, `::1`). */
export interface SockAddr {
  /** Numeric address; never a host name. */
  host: string;
  /** Port, 0 to 65535. */
  port: number;
}

/** Address family: AF_INET (4) or AF_INET6 (6). */
export type Family = 4 | 6;

/** The socket options a backend may apply, by their C names. */
export type OptName =
  | "SO_REUSEADDR"
  | "SO_REUSEPORT"
  | "SO_BROADCAST"
  | "SO_KEEPALIVE"
  | "SO_LINGER"
  | "SO_RCVBUF"
  | "SO_SNDBUF"
  | "TCP_NODELAY"
  | "IP_TTL"
  | "IP_MULTICAST_TTL"
  | "IP_MULTICAST_LOOP"
  | "IP_ADD_MEMBERSHIP"
  | "IP_DROP_MEMBERSHIP"
  | "IPV6_V6ONLY";

/**
 * One setsockopt(): an integer option, SO_LINGER's pair, or a multicast group
 * with the interface address it is joined on (`0.0.0.0` lets the system choose).
 */
export type SockOpt =
  | {
    name: Exclude<
      OptName,
      "SO_LINGER" | "IP_ADD_MEMBERSHIP" | "IP_DROP_MEMBERSHIP"
    >;
    value: number;
  }
  | { name: "SO_LINGER"; onoff: number; seconds: number }
  | {
    name: "IP_ADD_MEMBERSHIP" | "IP_DROP_MEMBERSHIP";
    group: string;
    iface: string;
  };

/**
 * Options recorded by setsockopt before the runtime opens the socket, applied
 * when it does (listen, bindDatagram, connect): the runtimes take most of them
 * only then.
 */
export interface OpenOptions {
  /** Every option set so far, in order. */
  opts?: SockOpt[];
  /** connect(): the local address bind() chose (bind before connect). */
  local?: SockAddr;
}

/**
 * A Unix-domain address: a path in the file system. "" is an unnamed socket
 * (one that never bound); a leading NUL is Linux's abstract namespace.
 */
export interface UnixAddr {
  /** The socket file's path, as given to bind or connect. */
  path: string;
}

/** Any socket address: IP and port, or a Unix-domain path. */
export type Addr = SockAddr | UnixAddr;

/** A socket's domain: AF_INET (4), AF_INET6 (6) or AF_UNIX ("unix"). */
export type Domain = Family | "unix";

/** True when `a` is a Unix-domain address. */
export function isUnix(a: Addr): a is UnixAddr {
  return "path" in a;
}

/** True when two addresses are the same endpoint. */
export function sameAddr(a: Addr, b: Addr): boolean {
  if (isUnix(a) || isUnix(b)) {
    return isUnix(a) && isUnix(b) && a.path === b.path;
  }
  return a.host === b.host && a.port === b.port;
}

/** A connected stream: TCP, or a Unix stream with `A` = {@link UnixAddr}. */
export interface StreamConn<A extends Addr = SockAddr> {
  /** Our end of the connection. */
  readonly local: A;
  /** The peer's end. */
  readonly remote: A;
  /**
   * True when the runtime gives no peer address: the client reset the connection while it
   * waited to be accepted. Linux's accept returns it all the same, its address filled in;
   * getpeername then fails with ENOTCONN, and recv gives what the client sent before its
   * reset, then fails with ECONNRESET.
   */
  readonly peerUnknown?: boolean;
  /** Read into `buf`; the byte count, or null at end of stream. Rejects with EINTR once closed. */
  read(buf: Uint8Array): Promise<number | null>;
  /** Write all of `data`; resolves with its length. */
  write(data: Uint8Array): Promise<number>;
  /** shutdown(SHUT_WR): send FIN, keep reading. */
  closeWrite(): Promise<void>;
  /**
   * Release the connection; a pending read rejects. Never throws. The promise
   * (which never rejects) settles once the connection is let go: what was
   * written has gone out and, on TLS, close_notify after it; the kernel does
   * this after close(2) even when the process exits, so an exit waits for it.
   */
  close(): Promise<void>;
  /** setsockopt() on the open connection; EOPNOTSUPP (with why) where the runtime has no call for it. */
  setOption(opt: SockOpt): Promise<void>;
  /** What the TLS handshake agreed, once this connection speaks TLS. */
  readonly tls?: TlsInfo;
  /**
   * The TLS handshake on this connection (SSL_connect, or SSL_accept with
   * `server`): the same connection, encrypted, as a new StreamConn that owns
   * this one. Fails with SSL_ERROR_SSL (or the errno of the cut) and leaves
   * this connection closed: the stream is out of step after a failed handshake.
   */
  startTls(options: TlsOptions): Promise<StreamConn<A>>;
}

/** What `starttls` asks of the handshake. */
export interface TlsOptions {
  /** SSL_accept (with `cert` and `key`) rather than SSL_connect. */
  server?: boolean;
  /** Client: the name to verify the certificate against, and to send as SNI unless numeric. */
  servername?: string;
  /** Client: skip verification (`curl -k`). */
  insecure?: boolean;
  /** Client: PEM certificates to trust instead of the system's roots. */
  ca?: string;
  /** Server: the PEM certificate chain. */
  cert?: string;
  /** Server: the PEM private key. */
  key?: string;
  /** ALPN protocols offered (client) or accepted (server), in order. */
  alpn?: string[];
}

/** What a TLS handshake agreed, as far as the runtime tells; undefined is "not exposed". */
export interface TlsInfo {
  /** The runtime's call: "node:tls" on both backends. */
  via: string;
  /** The protocol version, such as TLSv1.3. */
  version?: string;
  /** The cipher suite's standard name. */
  cipher?: string;
  /** The ALPN protocol agreed, or null when none was. */
  alpn?: string | null;
  /** The peer's certificate (a client's view of the server). */
  peer?: {
    subject: string;
    issuer: string;
    validTo: string;
    altNames?: string;
  };
  /** Client under `-k`: why verification would have failed, if it would have. */
  unverified?: string;
}

/** A runtime's TLS failure as the shell reports it: SSL_ERROR_SSL with OpenSSL's reason, or the errno of a cut. */
export function tlsFailure(e: unknown): SocketError {
  if (e instanceof SocketError && e.errno.startsWith("SSL_")) return e;
  // A cut seen by the connection under node:tls (Deno's backend) comes as its SocketError.
  const code = e instanceof SocketError
    ? e.errno
    : String((e as { code?: unknown })?.code ?? "");
  const name = e instanceof Error ? e.name : "";
  // An error, or an object with a code (and maybe a message): never "[object Object]".
  const message = (e as { message?: unknown } | null)?.message;
  const msg = typeof message === "string"
    ? message
    : typeof e === "object" && e !== null
    ? ""
    : String(e);
  const reason = opensslReason(msg);
  const ssl = (why: string) =>
    new SocketError("SSL_ERROR_SSL", why, { cause: e });
  if (
    /disconnected before secure|unexpected end of file|unexpected eof/i.test(
      msg,
    ) || name === "UnexpectedEof"
  ) {
    return ssl(t("net.tlsEof"));
  }
  if (
    code === "ECONNRESET" || name === "ConnectionReset" || code === "EPIPE" ||
    name === "BrokenPipe"
  ) {
    return new SocketError(
      code === "EPIPE" || name === "BrokenPipe" ? "EPIPE" : "ECONNRESET",
      t("net.tlsReset"),
      { cause: e },
    );
  }
  if (/expired/i.test(msg) || code === "CERT_HAS_EXPIRED") {
    return ssl(t("net.tlsExpired"));
  }
  if (/not valid yet|NotValidYet|CERT_NOT_YET_VALID/i.test(msg + code)) {
    return ssl(t("net.tlsNotYetValid"));
  }
  if (
    /NotValidForName|not valid for name|does not match certificate|ALTNAME/i
      .test(msg + code)
  ) {
    const names = msg.match(
      /(?:certificate is only valid for|is not in the cert's altnames:)\s*(.*)$/,
    )?.[1];
    return ssl(
      names === undefined
        ? t("net.tlsHostnameOther", { detail: msg.replace(/\.$/, "") })
        : t("net.tlsHostname", { names: names.replace(/\.$/, "") }),
    );
  }
  if (
    /UnknownIssuer|SELF_SIGNED|ISSUER_CERT|VERIFY_LEAF|UnknownCA/i.test(
      msg + code,
    )
  ) {
    return ssl(t("net.tlsUnknownIssuer"));
  }
  if (
    /InvalidContentType|WRONG_VERSION|wrong version|http request|packet length/i
      .test(msg + code)
  ) {
    return ssl(t("net.tlsWrongVersion"));
  }
  if (/application.?protocol|ALPN/i.test(msg + code)) {
    return ssl(t("net.tlsNoAlpn"));
  }
  if (/alert/i.test(msg + code)) {
    // OpenSSL's "tlsv13 alert certificate required", rustls' "received fatal alert:
    // CertificateRequired", Node's ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: the alert's
    // name, in OpenSSL's words.
    const alert = (/alert/i.test(msg) ? reason : code.replaceAll("_", " "))
      .replace(/^.*?alert[:\s]*/i, "")
      .replace(/\s*[:(].*$/s, "")
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase();
    return ssl(
      t("net.tlsAlert", {
        alert,
        clientCert: alert === "certificate required" ? "yes" : "no",
      }),
    );
  }
  return ssl(reason);
}

/**
 * The reason in an OpenSSL error string, as Node gives it
 * (`80...:error:0A000076:SSL routines:tls_choose_sigalg:no suitable signature
 * algorithm:../deps/openssl/ssl/t1_lib.c:3242:\n`): `no suitable signature
 * algorithm`. Any other message as it is, without a trailing newline.
 */
function opensslReason(msg: string): string {
  return /error:[0-9A-F]{8}:[^:]*:[^:]*:([^:\n]+)/.exec(msg)?.[1]?.trim() ??
    msg.trimEnd();
}

/** A listening stream socket: TCP, or Unix with `A` = {@link UnixAddr}. */
export interface StreamListener<A extends Addr = SockAddr> {
  /** The address it listens on, with the port the system picked for port 0. */
  readonly local: A;
  /** The next connection; rejects with EBADF once closed. */
  accept(): Promise<StreamConn<A>>;
  /**
   * Stop listening; a pending accept rejects. Never throws. A Unix listener's
   * socket file stays, as close(2) leaves it.
   */
  close(): void;
  /** An option the runtime set itself, as the kernel holds it (SO_REUSEADDR), or undefined. */
  getOption(name: OptName): number | undefined;
}

/** One received datagram and who sent it. */
export interface Datagram<A extends Addr = SockAddr> {
  /** The whole datagram. */
  data: Uint8Array;
  /** The sender. */
  from: A;
}

/** A bound datagram socket: UDP, or Unix (SOCK_DGRAM) with `A` = {@link UnixAddr}. */
export interface DatagramSocket<A extends Addr = SockAddr> {
  /** The bound address, with the port the system picked for port 0. */
  readonly local: A;
  /** Send one datagram; resolves with the bytes sent. */
  send(data: Uint8Array, to: A): Promise<number>;
  /** The next datagram; rejects with EINTR once closed. */
  receive(): Promise<Datagram<A>>;
  /** Release the socket; a pending receive rejects. Never throws. */
  close(): void;
  /** setsockopt() on the bound socket; EOPNOTSUPP (with why) where the runtime has no call for it. */
  setOption(opt: SockOpt): Promise<void>;
  /** An option as the kernel holds it where the runtime set it itself or can read it, else undefined. */
  getOption(name: OptName): number | undefined;
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
  listen(
    addr: SockAddr,
    backlog?: number,
    options?: OpenOptions,
  ): Promise<StreamListener>;
  /**
   * bind() alone on a TCP address, which the runtime cannot do without listening: the
   * kernel's answer (EADDRINUSE, EACCES, EADDRNOTAVAIL) and the address bound (the port
   * picked for 0), never taking a connection on a port a client may know (see `net/tcp_bind.ts`).
   */
  probeTcp(addr: SockAddr, options?: OpenOptions): Promise<SockAddr>;
  /** connect() to a TCP address; `signal` abandons the attempt. */
  connect(
    addr: SockAddr,
    signal?: AbortSignal,
    options?: OpenOptions,
  ): Promise<StreamConn>;
  /** bind() a UDP socket. Fails at once when the address is taken. */
  bindDatagram(
    addr: SockAddr,
    options?: OpenOptions,
  ): Promise<DatagramSocket>;
  /**
   * Why this runtime can never have option `name` on a `proto` socket, or
   * undefined when it can: the shell answers EOPNOTSUPP with this note.
   */
  optionGap(opt: SockOpt, proto: "tcp" | "udp"): string | undefined;
  /** getaddrinfo(): the numeric addresses of a name in one family. */
  lookup(name: string, family: Family): Promise<string[]>;
  /**
   * getaddrinfo() with AF_UNSPEC (0) or one family: every address of a name,
   * in the order the C library gives them (/etc/hosts, then RFC 6724's sort).
   */
  getaddrinfo(name: string, family: 0 | Family): Promise<string[]>;
  /** getnameinfo() with NI_NAMEREQD: the name of a numeric address, or undefined when it has none. */
  getnameinfo(host: string): Promise<string | undefined>;
  /** bind()+listen() on a Unix stream socket: creates the socket file; EADDRINUSE when it exists. */
  listenUnix(path: string): Promise<StreamListener<UnixAddr>>;
  /**
   * bind()'s check for a Unix stream path, which the runtime cannot bind without listening:
   * the kernel's answer (EADDRINUSE when the path exists, ENOENT without its directory), leaving no file.
   */
  probeUnix(path: string): Promise<void>;
  /** connect() to a Unix stream socket: ENOENT with no file, ECONNREFUSED with nobody listening. */
  connectUnix(
    path: string,
    signal?: AbortSignal,
  ): Promise<StreamConn<UnixAddr>>;
  /** bind() a Unix datagram socket (a leading NUL: the abstract namespace); EAFNOSUPPORT where the runtime has none. */
  bindUnixDatagram(path: string): Promise<DatagramSocket<UnixAddr>>;
}

/** The last integer value `opts` sets for `name`, or undefined. */
export function optValue(
  opts: readonly SockOpt[] | undefined,
  name: OptName,
): number | undefined {
  let v: number | undefined;
  for (const o of opts ?? []) if (o.name === name && "value" in o) v = o.value;
  return v;
}

/** True when `opts` leaves SO_LINGER on with 0 s: close sends a reset. */
export function lingerReset(opts: readonly SockOpt[] | undefined): boolean {
  let reset = false;
  for (const o of opts ?? []) {
    if (o.name === "SO_LINGER") reset = o.onoff !== 0 && o.seconds === 0;
  }
  return reset;
}

/** The EOPNOTSUPP a backend throws for an option it has no call for. */
export function noOption(name: OptName, why: string): SocketError {
  return new SocketError("EOPNOTSUPP", `${name}: ${why}`);
}

/**
 * Apply, in order, the options of `opts` named in `names` to a socket the
 * runtime just opened (those it took at opening are left out); closes it and
 * rethrows when one fails.
 */
export async function applyOptions<
  T extends { setOption(o: SockOpt): Promise<void>; close(): void },
>(sock: T, opts: readonly SockOpt[] | undefined, names: OptName[]): Promise<T> {
  try {
    for (const o of opts ?? []) {
      if (names.includes(o.name)) await sock.setOption(o);
    }
  } catch (e) {
    sock.close();
    throw e;
  }
  return sock;
}

let current: NetBackend | undefined;

/** The backend in use: Deno's unless another was installed with {@link useBackend}. */
export async function backend(): Promise<NetBackend> {
  if (current) return current;
  current = (await import("./net/deno.ts")).denoBackend;
  return current;
}

/** Install a backend (the Node build does this before the shell starts). */
export function useBackend(b: NetBackend): void {
  current = b;
}

/** The family of a numeric address, or undefined for a name. */
export function familyOf(host: string): Family | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return 4;
  // Hex groups, colons, an IPv4 tail (::ffff:127.0.0.1) and a zone (fe80::1%lo): anything else is a name.
  if (/^[0-9a-f:.]*:[0-9a-f:.]*(%[\w.-]+)?$/i.test(host)) return 6;
  return undefined;
}
