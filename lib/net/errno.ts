/**
 * Errno names and their meanings, and the mapping from runtime errors to them.
 *
 * Deno (2.x) and Node both put the errno name on network errors as `code`,
 * so that is read first; the error classes and the "(os error N)" suffix are
 * fallbacks for the few errors that carry no code.
 *
 * @module
 */

import { hasMessage, t } from "../i18n/mod.ts";
import { FileLimitError } from "../ui/host.ts";

/** Linux errno numbers, for errors that carry only "(os error N)". */
const LINUX_ERRNO: Readonly<Record<number, string>> = {
  1: "EPERM",
  2: "ENOENT",
  4: "EINTR",
  5: "EIO",
  9: "EBADF",
  11: "EAGAIN",
  13: "EACCES",
  16: "EBUSY",
  20: "ENOTDIR",
  21: "EISDIR",
  22: "EINVAL",
  24: "EMFILE",
  27: "EFBIG",
  28: "ENOSPC",
  30: "EROFS",
  32: "EPIPE",
  36: "ENAMETOOLONG",
  71: "EPROTO",
  89: "EDESTADDRREQ",
  90: "EMSGSIZE",
  91: "EPROTOTYPE",
  92: "ENOPROTOOPT",
  95: "EOPNOTSUPP",
  97: "EAFNOSUPPORT",
  98: "EADDRINUSE",
  99: "EADDRNOTAVAIL",
  101: "ENETUNREACH",
  103: "ECONNABORTED",
  104: "ECONNRESET",
  105: "ENOBUFS",
  106: "EISCONN",
  107: "ENOTCONN",
  110: "ETIMEDOUT",
  111: "ECONNREFUSED",
  113: "EHOSTUNREACH",
  114: "EALREADY",
  115: "EINPROGRESS",
  122: "EDQUOT",
};

/** The Linux errno number of a name, as getsockopt(SO_ERROR) gives it; 0 when unknown. */
export function errnoNumber(name: string): number {
  for (const [n, v] of Object.entries(LINUX_ERRNO)) {
    if (v === name) return Number(n);
  }
  return 0;
}

/** Resolver codes (Node's and Deno's `ENOTFOUND` and friends) as getaddrinfo(3) names them. */
const RESOLVER_CODE: Readonly<Record<string, string>> = {
  ENOTFOUND: "EAI_NONAME",
  EAI_NONAME: "EAI_NONAME",
  EAI_AGAIN: "EAI_AGAIN",
  ESERVFAIL: "EAI_AGAIN",
  ETIMEOUT: "EAI_AGAIN",
  ENODATA: "EAI_NODATA",
  EAI_NODATA: "EAI_NODATA",
  EAI_FAIL: "EAI_FAIL",
};

/**
 * A failed socket call: what C would have put in `errno`.
 *
 * @example
 * ```ts
 * const e = new SocketError("EBADF", "no such descriptor: 9");
 * console.log(e.errno, e.message);
 * ```
 */
export class SocketError extends Error {
  /** The errno name, such as `EADDRINUSE`. */
  readonly errno: string;
  /** A detail that says more than strerror would, or undefined. */
  readonly detail?: string;

  /** Make a socket error from an errno name and an optional detail. */
  constructor(errno: string, detail?: string, options?: ErrorOptions) {
    super(detail ?? strerror(errno), options);
    this.name = "SocketError";
    this.errno = errno;
    this.detail = detail;
  }
}

/** strerror(3) for an errno name, or the name itself when unknown. */
export function strerror(errno: string): string {
  const key = `errno.${errno}`;
  return hasMessage(key) ? t(key) : errno;
}

/** Node's error codes for what a C call fails with an errno. */
const NODE_CODE: Readonly<Record<string, string>> = {
  ERR_STREAM_WRITE_AFTER_END: "EPIPE",
  ERR_STREAM_DESTROYED: "EPIPE",
  ERR_SOCKET_CLOSED: "EBADF",
  ERR_SOCKET_DGRAM_NOT_RUNNING: "EBADF",
  ERR_SOCKET_DGRAM_IS_CONNECTED: "EISCONN",
  ERR_SOCKET_DGRAM_NOT_CONNECTED: "ENOTCONN",
};

/**
 * Convert whatever a runtime call threw into a {@link SocketError}.
 *
 * @example
 * ```ts
 * try {
 *   Deno.listen({ port: 1 });
 * } catch (e) {
 *   console.log(toSocketError(e).errno);
 * }
 * ```
 */
export function toSocketError(e: unknown): SocketError {
  if (e instanceof SocketError) return e;
  const code = (e as { code?: unknown })?.code;
  if (typeof code === "string") {
    if (code in RESOLVER_CODE) {
      return new SocketError(RESOLVER_CODE[code]!, undefined, { cause: e });
    }
    // Node's own codes are not errnos: the errno C would see, where there is one.
    if (code.startsWith("ERR_")) {
      const errno = NODE_CODE[code] ??
        (code.startsWith("ERR_SSL_") ? "SSL_ERROR_SSL" : undefined);
      if (errno) {
        const message = e instanceof Error ? e.message : undefined;
        return new SocketError(errno, message, { cause: e });
      }
    } else if (/^E[A-Z0-9_]+$/.test(code)) {
      return new SocketError(code, undefined, { cause: e });
    }
  }
  const message = e instanceof Error ? e.message : String(e);
  const os = /\(os error (\d+)\)/.exec(message);
  if (os && LINUX_ERRNO[Number(os[1])]) {
    return new SocketError(LINUX_ERRNO[Number(os[1])]!, undefined, {
      cause: e,
    });
  }
  const name = e instanceof Error ? e.name : "";
  const byName: Record<string, string> = {
    AddrInUse: "EADDRINUSE",
    AddrNotAvailable: "EADDRNOTAVAIL",
    BrokenPipe: "EPIPE",
    ConnectionAborted: "ECONNABORTED",
    ConnectionRefused: "ECONNREFUSED",
    ConnectionReset: "ECONNRESET",
    Interrupted: "EINTR",
    NotConnected: "ENOTCONN",
    TimedOut: "ETIMEDOUT",
    BadResource: "EBADF",
    PermissionDenied: "EACCES",
    NotCapable: "EACCES",
  };
  if (byName[name]) {
    return new SocketError(byName[name]!, undefined, { cause: e });
  }
  return new SocketError("EINVAL", message, { cause: e });
}

/**
 * Why a file could not be used, in a few words: its errno name (ENOENT,
 * EACCES...), or EACCES for a path the shell's permissions leave out.
 *
 * @example
 * ```ts
 * try {
 *   await Deno.readTextFile("/nonexistent");
 * } catch (e) {
 *   console.log(fileErrorText(e)); // "ENOENT"
 * }
 * ```
 */
export function fileErrorText(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  if (e instanceof FileLimitError) return `${e.code}: ${e.message}`;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return code;
  // Deno's own permission refusal suggests --allow-all, which is no advice for this shell.
  if (e instanceof Error && e.name === "NotCapable") {
    return `EACCES: ${t("net.outsidePermissions")}`;
  }
  return e instanceof Error ? e.message : String(e);
}
