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
  "errno.SSL_ERROR_SSL": "TLS protocol error",
  // ── help: each command's summary and details (`help`, README's table) ──

  // ── commands: what each command says as it runs (errors, notes) ──

  // ── the shell core, the network backends, the script language ──

  // ── the REPL, the command line, record, run, check ──
  // ── explain and diagram (lib/teach/) ──
  "teach.fieldProto": "protocol",
  "teach.fieldLocalPort": "local port",
  "teach.fieldLocalAddr": "local address",
  "teach.fieldRemotePort": "remote port",
  "teach.fieldRemoteAddr": "remote address",
  "teach.fieldLocalPath": "local path",
  "teach.fieldRemotePath": "remote path",
  "teach.listSeparator": ", ",
  "teach.filledIn": "{call} filled in: {fields}",
  "teach.filledNothing": "{call} filled in nothing",
  "teach.socketMade":
    "socket {fd} has only its protocol so far: the first element of the 5-tuple",
  "teach.listenWaits":
    "listen: socket {fd} now waits for connections; its 5-tuple stays half full",
  "teach.listenBinds":
    "listen on a socket that was not bound: the system chose its local port",
  "teach.acceptMade":
    "accept made a new socket, {fd}, with the whole 5-tuple; socket {lfd} keeps listening",
  "teach.connectComplete": "the 5-tuple is now complete",
  "teach.implicitBind":
    "{call} bound the socket first: the system chose its local port",
  "teach.unixPaths": "an AF_UNIX socket's addresses are paths: it has no ports",
  "teach.acceptBlocks":
    "accept blocks: no connection is waiting in the listen queue of socket {fd}",
  "teach.recvBlocks":
    "{call} blocks: nothing has arrived yet on socket {fd}; it returns when data or the end comes",
  "teach.recvShort":
    "recv returned {n} of {asked} bytes: a stream keeps no message boundaries, recv returns what has arrived",
  "teach.recvZero":
    "recv returned 0: the peer closed its end (FIN): this is the end of the stream",
  "teach.sendAfterPeerClosed":
    "send succeeded although the peer had closed: the data left, and the peer's system answers it with RST",
  "teach.sendEpipe":
    "send failed with EPIPE: an earlier send's data got an RST back, so the connection is gone (C also gets SIGPIPE)",
  "teach.resetByPeer":
    "ECONNRESET: the peer's system reset the connection (RST): data sent to a socket that was closed",
  "teach.connectRefused":
    "connect failed with ECONNREFUSED: nobody listens on {addr}, so its system answered the SYN with RST",
  "teach.addrInUse":
    "bind failed with EADDRINUSE: another socket already holds {addr}",
  "teach.datagramTruncated":
    "the datagram was {size} bytes but only {asked} were asked for: a datagram is read in one piece, the rest is lost",
  "teach.notConnected":
    "{call} failed with ENOTCONN: socket {fd} has no connection yet (connect, or accept on a listening socket)",
  "teach.explainOn":
    "explain on: after each call, the socket's 5-tuple '{'protocol, local port, local address, remote port, remote address'}'",
  "teach.explainOff": "explain off",
  "teach.diagramEmpty":
    "nothing to draw yet: make some calls first (socket, connect, send...)",
  "teach.diagramLeftOut":
    "{count, plural, one {# earlier event left out} other {# earlier events left out}}: the log keeps the last {kept}",
  "teach.diagramLanesLeftOut":
    "{count, plural, one {# more endpoint left out} other {# more endpoints left out}}: only the {kept} of the latest events are drawn",
  "teach.diagramReset": "diagram reset: the session log is empty",
  "teach.diagramWritten": "diagram written to {file}",
  "teach.diagramTitle":
    "sockshell session: {events, plural, one {# event} other {# events}}",
  "teach.transcriptTitle": "Transcript",
  "teach.laneSocket": "socket {fd}",
  "teach.lanePeer": "peer",
  "teach.laneUnbound": "(no address)",
  "teach.evSocket": "socket() = {fd}",
  "teach.evBind": "bind {addr}",
  "teach.evListen": "listen: waits for connections",
  "teach.evConnect": "connect to {addr}",
  "teach.evConnectUdp": "connect: default peer {addr}",
  "teach.evAccept": "accept() = {fd}",
  "teach.evAcceptWaited": "accept() = {fd}, after waiting",
  "teach.evSend": "send {n, plural, one {# byte} other {# bytes}} {preview}",
  "teach.evRecv": "recv {n, plural, one {# byte} other {# bytes}} {preview}",
  "teach.evRecvWaited":
    "recv waited, then {n, plural, one {# byte} other {# bytes}} {preview}",
  "teach.evRecvZero": "recv() = 0: end of stream",
  "teach.evSendto":
    "sendto {n, plural, one {# byte} other {# bytes}} {preview} to {addr}",
  "teach.evRecvfrom":
    "recvfrom {n, plural, one {# byte} other {# bytes}} {preview} from {addr}",
  "teach.evRecvfromPeer":
    "{call} {n, plural, one {# byte} other {# bytes}} {preview}",
  "teach.evClose": "close()",
  "teach.evCloseAtExit": "closed at the program's exit",
  "teach.evShutdown": "shutdown({how})",
  "teach.evFailed": "{call}() = -1 {errno}",
  "teach.evOther": "{call}()",
  "teach.arrowBytes": "{n, plural, one {# byte} other {# bytes}}",
  "teach.arrowDatagram": "{n, plural, one {# byte} other {# bytes}}",
} as const;
