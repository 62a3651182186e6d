/**
 * The English catalogue: every sentence the shell says, by name. Other
 * languages translate each template, keeping its placeholders (`{fd}`,
 * `{n, plural, ...}`): see `mod.ts`.
 *
 * @module
 */

/** English, the default. */
export const en = {
  // strerror(3), as glibc words it.
  "errno.EACCES": "Permission denied",
  "errno.EADDRINUSE": "Address already in use",
  "errno.EADDRNOTAVAIL": "Cannot assign requested address",
  "errno.EAFNOSUPPORT": "Address family not supported by protocol",
  "errno.EAGAIN": "Resource temporarily unavailable",
  "errno.EALREADY": "Operation already in progress",
  "errno.EBADF": "Bad file descriptor",
  "errno.EBUSY": "Device or resource busy",
  "errno.ECONNABORTED": "Software caused connection abort",
  "errno.ECONNREFUSED": "Connection refused",
  "errno.ECONNRESET": "Connection reset by peer",
  "errno.EDESTADDRREQ": "Destination address required",
  "errno.EEXIST": "File exists",
  "errno.EFBIG": "File too large",
  "errno.EHOSTUNREACH": "No route to host",
  "errno.EINPROGRESS": "Operation now in progress",
  "errno.EINTR": "Interrupted system call",
  "errno.EINVAL": "Invalid argument",
  "errno.EISCONN": "Transport endpoint is already connected",
  "errno.EMFILE": "Too many open files",
  "errno.EMSGSIZE": "Message too long",
  "errno.ENETUNREACH": "Network is unreachable",
  "errno.ENAMETOOLONG": "File name too long",
  "errno.ENOBUFS": "No buffer space available",
  "errno.ENOENT": "No such file or directory",
  "errno.ENOPROTOOPT": "Protocol not available",
  "errno.ENOTCONN": "Transport endpoint is not connected",
  "errno.EOPNOTSUPP": "Operation not supported",
  "errno.EPERM": "Operation not permitted",
  "errno.EPIPE": "Broken pipe",
  "errno.EPROTO": "Protocol error",
  "errno.EPROTOTYPE": "Protocol wrong type for socket",
  "errno.ESRCH": "No such process",
  "errno.ETIMEDOUT": "Connection timed out",
  "errno.EAI_NONAME": "Name or service not known",
  "errno.EAI_AGAIN": "Temporary failure in name resolution",
  "errno.EAI_FAIL": "Non-recoverable failure in name resolution",
  "errno.EAI_NODATA": "No address associated with hostname",
  "errno.EAI_SERVICE": "Servname not supported for ai_socktype",
  "errno.EAI_FAMILY": "ai_family not supported",
  "errno.EAI_ADDRFAMILY": "Address family for hostname not supported",
  "errno.EAI_SOCKTYPE": "ai_socktype not supported",
  // ── help: each command's summary and details (`help`, README's table) ──

  // ── commands: what each command says as it runs (errors, notes) ──

  // ── the shell core, the network backends, the script language ──

  // ── the REPL, the command line, record, run, check ──
} as const;
