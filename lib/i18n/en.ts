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
  "accept.noneWaiting": "no connection waiting",
  "accept.notInherited": "{option} not inherited: {reason}",
  "accept.notListening": "socket {fd} is not listening: call listen first",
  "accept.peer": "peer {addr}",
  "accept.udp": "accept is for TCP: UDP has no connections",
  "bind.alreadyBound": "socket {fd} is already bound to {addr}",
  "bind.fileAtListen":
    "the socket file appears at listen: the runtime binds and listens in one call",
  "bind.fileMade": "socket file made",
  "bind.inUse": "descriptor {fd} is bound to {addr}",
  "bind.local": "local {addr}",
  "bind.missingPath": "missing path: usage: {usage}",
  "bind.pathTooLong":
    "the path is {n, plural, one {# byte} other {# bytes}}: sun_path holds {max} and the final NUL",
  "check.badPort": "--port needs a port from 1 to 65535, not {text}",
  "check.cannotRun": "cannot run {why}",
  "check.list":
    "Built-in checks (check -p NAME prints one; check NAME PROGRAM runs it):",
  "check.listLine": "{summary}; the program takes {args}",
  "check.noProgram": "missing the program to test: usage: {usage}",
  "check.notFound":
    "no exercise or readable check file {file} ({why}): check lists the exercises",
  "check.unknownOption":
    "unknown option {option} (options: --json --port N -p)",
  "close.fileStays":
    "the socket file {path} stays, as in C: remove it (unlink, rm) before binding that path again",
  "close.flushing":
    "the last piece of an interrupted send is still on its way: it goes out before the FIN",
  "close.noCurrent": "no current descriptor: name one, as in close 3",
  "close.notNumber": "{text} is not a descriptor number",
  "close.unread":
    "{n, plural, one {# received byte was never read: discarded} other {# received bytes were never read: discarded}}",
  "close.waiting":
    "{n, plural, one {# pending connection was never accepted: closed} other {# pending connections were never accepted: closed}}",
  "cmd.interrupted": "interrupted by Ctrl-C",
  "connect.already":
    "{state, select, connected {socket {fd} is already connected} other {socket {fd} is already listening}}",
  "connect.autobound":
    "bound to ephemeral port {port} first, as the kernel does",
  "connect.background":
    "connecting in the background: poll for POLLOUT, then getsockopt SO_ERROR says how it ended",
  "connect.broadcast": "{host} is a broadcast address: set SO_BROADCAST first",
  "connect.fromBoundPath":
    "the runtime cannot connect from the bound path {path}: connect from a fresh socket",
  "connect.inProgress":
    "socket {fd}'s connect is still in progress: poll for POLLOUT",
  "connect.local": "local {addr}",
  "connect.peer": "peer {addr}",
  "connect.queueFull":
    "the listener's queue is full: C's blocking connect would wait here, the runtime's connect does not",
  "connect.timeout": "no answer within {s} s",
  "connect.unixDgram":
    "the runtime has no connect for Unix datagrams: the peer is remembered, and a missing one shows at send (C's connect says ENOENT or ECONNREFUSED now)",
  "connect.unnamed": "local (unnamed): no bind, as in C",
  "expect.failed": "failed: {condition}",
  "fcntl.badFlags": "F_SETFL takes O_NONBLOCK or 0, not {text}",
  "fcntl.missing": "missing argument: usage: {usage}",
  "fcntl.unknown": "unknown command {cmd}: usage: {usage}",
  "getaddrinfo.family": "choose one of -4 and -6",
  "getaddrinfo.neither": "neither a name nor a service: one of them is needed",
  "getaddrinfo.noServices":
    "{file} could not be read ({errno}): only numeric services",
  "getaddrinfo.results": "{n, plural, one {# result} other {# results}}",
  "getaddrinfo.socktype": "-s takes stream or dgram, not {text}",
  "getaddrinfo.unknownService":
    "{proto, select, tcp {{service} is not in {file} for tcp} udp {{service} is not in {file} for udp} other {{service} is not in {file}}}",
  "getaddrinfo.wrapped":
    "{service} is past 65535: glibc keeps its low 16 bits, port {port}",
  "getaddrinfo.wrongFamily":
    "{name} is an IPv{literal} address, and ai_family asks for IPv{family}",
  "gethostbyname.none": "{name} has no IPv{family} address",
  "getnameinfo.noName":
    "{address} has no name: the numeric form, as C gives it without NI_NAMEREQD (with it: EAI_NONAME)",
  "getnameinfo.noServices":
    "{file} could not be read ({errno}): the port's number",
  "getnameinfo.notNumeric":
    "getnameinfo takes a numeric address, not {text}: getaddrinfo resolves names",
  "getpeername.none":
    "{state, select, reset {socket {fd} is reset by its peer} listening {socket {fd} is listening} other {socket {fd} is not connected}}",
  "getsockopt.runtimeSet":
    "{runtime} set {name} to {real} itself when it opened the socket (C starts at {initial})",
  "getsockopt.runtimeSetOver":
    "{runtime} set {name} to {real} itself when it opened the socket (C starts at {initial}; you set {set})",
  "getsockopt.setOnly": "{name} can only be set: ls lists the groups joined",
  "getsockopt.unbound":
    "{name}: the runtime can read it only once the socket is bound",
  "input.closed": "then its standard input closed",
  "let.usage": "usage: {usage}",
  "listen.already":
    "already listening: Linux would only update the backlog; the runtime cannot change it once listening, so it stays",
  "listen.capped":
    "the kernel caps the backlog at SOMAXCONN ({max}): {max, plural, one {# connection} other {# connections}} may wait",
  "listen.connected": "a connected socket cannot listen",
  "listen.dgram": "listen is for streams: a datagram socket has no connections",
  "listen.noPath": "socket {fd} has no path: bind one first (bind /tmp/x.sock)",
  "listen.on": "listening on {addr}",
  "listen.picked":
    "no bind first: the system picked port {port}, as Linux does",
  "listen.udp": "listen is for TCP: UDP has no connections",
  "ls.empty": "no open descriptors: start with 'socket tcp' or 'socket udp'",
  "ls.header.fd": "fd",
  "ls.header.local": "local",
  "ls.header.proto": "proto",
  "ls.header.remote": "remote",
  "ls.header.state": "state",
  "ls.peerClosed": "peer closed",
  "ls.unread": "{n, plural, one {# byte unread} other {# bytes unread}}",
  "ls.waiting":
    "{n, plural, one {# connection waiting} other {# connections waiting}}",
  "output.exited": "the program exited ({ending}) before printing it",
  "output.timeout": "{text} did not come within {s} s",
  "poll.badFd":
    "bad descriptor {text}: write FD or FD:in, FD:out, FD:inout, as in 3 5:inout",
  "read.eof": "end of input: no line for {name}",
  "read.noLine": "no line for {name}",
  "read.tooLong": "line too long: over {max} bytes: no line for {name}",
  "record.appendOrOverwrite": "-a appends and -f overwrites: choose one",
  "record.cannotWrite": "cannot write {file}: {why}",
  "record.done": "recorded to {file}: replay it with run {file}",
  "record.exists":
    "cannot write {file}: {why} ({meaning}): record -a {file} appends to it, record -f {file} overwrites it",
  "record.header":
    "{how, select, appended {appended to by sockshell} other {recorded by sockshell}} on {date}: replay with run {file}",
  "record.not": "not recording",
  "record.started":
    "recording to {file}: every command that succeeds (record stop to end)",
  "record.to": "recording to {file}",
  "recv.MB": "{n} MB",
  "recv.andDropped": "{detail}; {dropped}",
  "recv.bufferFull": "the buffer is full: more may be waiting",
  "recv.bytes": "{n, plural, one {# byte} other {# bytes}}",
  "recv.droppedFrom":
    "dropped {n, plural, one {# datagram} other {# datagrams}} ({size}) from {from}: not the connected peer",
  "recv.droppedOthers":
    "dropped {n, plural, one {# datagram} other {# datagrams}} ({size}) from others than the connected peer",
  "recv.emptyDelimiter": "-u needs a delimiter that is not empty",
  "recv.eof": "end of stream: the peer closed",
  "recv.from": "from {addr}",
  "recv.kB": "{n} kB",
  "recv.moreBytes":
    "{n, plural, one {# more byte already received} other {# more bytes already received}}: a stream keeps no message boundaries",
  "recv.notConnected": "socket {fd} is not connected",
  "recv.nothing": "nothing to read",
  "recv.peekUntil": "-p cannot be combined with -l or -u",
  "recv.timeoutDropped":
    "nothing from the connected peer within {s} s (SO_RCVTIMEO); {dropped}",
  "recv.udpNotBound":
    "UDP socket {fd} is not bound: nothing can arrive (bind, or sendto first)",
  "recv.unixNotBound":
    "Unix datagram socket {fd} is not bound: nothing can reach it (bind PATH first)",
  "recv.until": "read until {delimiter}",
  "recv.untilDgram":
    "-l and -u are for streams: a datagram is already one message",
  "run.notFound":
    "no replay or readable file {file} ({why}): run lists the replays",
  "run.notScript": "{file} is not a sockshell script: {why}",
  "run.replays": "Built-in replays (run -p NAME prints one):",
  "run.tooBig": "cannot run {file}: {why} (a script is at most {max} bytes)",
  "run.tooDeep": "too deeply nested (limit {limit})",
  "select.badFd":
    "bad descriptor {text}: write numbers below FD_SETSIZE (1024), as in select 3 5",
  "select.closed": "descriptor {fd} is not open: select fails as a whole",
  "send.autobind":
    "an unbound socket sends unnamed in C (no reply can reach it); the runtime sends only from a bound one, so it was bound to the abstract name {name} first, as Linux's autobind would name it",
  "send.cut":
    "{why} after {n} of {total, plural, one {# byte} other {# bytes}}: C's send returns this partial count; the other {rest} were not sent",
  "send.oob": "MSG_OOB (urgent data) has no Deno equivalent",
  "send.timeout": "the peer took nothing within {s} s (SO_SNDTIMEO)",
  "send.udpNotConnected":
    "UDP socket not connected: use sendto, or connect first",
  "send.unixNotConnected":
    "Unix datagram socket not connected: use sendto PATH, or connect PATH first",
  "sendto.broadcast":
    "{host} is a broadcast address: set SO_BROADCAST first (the shell gives C's answer: the runtime would send it)",
  "sendto.tcpIgnores":
    "TCP ignores the address: the bytes went to the connected peer",
  "sendto.unixConnected": "a connected Unix stream takes no address: use send",
  "sendto.unixNotConnected":
    "a Unix stream sends only once connected: connect, then send",
  "set.badName": "bad variable name {text}",
  "set.badNameChars": "bad variable name {text}: letters, digits and _",
  "setsockopt.atOpen":
    "{name}: the runtime takes it only when it opens the socket: set it before {call}",
  "setsockopt.doubled":
    "Linux doubles the size set (room for its bookkeeping): getsockopt reads {real}",
  "setsockopt.inherited": "recorded: the connections accept returns inherit it",
  "setsockopt.linger":
    "SO_LINGER: only l_linger 0 (reset at close) can be had: the runtimes' close never waits",
  "setsockopt.member": "already a member of {group}",
  "setsockopt.misfit": "{name} does not apply to a {kind} socket",
  "setsockopt.needs":
    "{kind, select, linger {{name} needs two values: l_onoff l_linger (1 0: reset at close)} mreq {{name} needs a group address, and optionally an interface address} other {{name} needs a value}}",
  "setsockopt.notGroup":
    "{group} is not a multicast group (224.0.0.0 to 239.255.255.255)",
  "setsockopt.notInteger": "{what} must be a whole number, not {text}",
  "setsockopt.notIpv4":
    "{what, select, group {the group} other {the interface}} must be a numeric IPv4 address, not {text}",
  "setsockopt.notMember": "not a member of {group}",
  "setsockopt.range": "{name} takes {lo} to {hi}",
  "setsockopt.readOnly": "{name} can only be read, with getsockopt",
  "setsockopt.recorded":
    "recorded: applied when the runtime opens the socket ({at, select, bind {at bind or the first sendto} listen {at listen} other {at connect, or inherited at accept}})",
  "setsockopt.runtimeKeeps":
    "{name, select, SO_BROADCAST {{runtime} keeps {name} at {real} on this socket: the shell refuses broadcast sends itself (EACCES) while it is off, as C does} other {{runtime} keeps {name} at {real} on this socket}}",
  "setsockopt.tooMany": "too many values for {name}",
  "setsockopt.unknown": "no option {text}: known: {known}",
  "setsockopt.v4Only":
    "IP_ADD_MEMBERSHIP: this shell joins IPv4 groups on AF_INET sockets only",
  "setsockopt.v6OnlyLate": "IPV6_V6ONLY must be set before bind",
  "shutdown.badHow": "how must be rd, wr, rdwr (or 0, 1, 2), not {text}",
  "shutdown.closedMeanwhile": "socket {fd} was closed meanwhile",
  "shutdown.finSent": "FIN sent: the peer will read end of stream",
  "shutdown.rd": "SHUT_RD has no Deno equivalent (use shutdown wr, or close)",
  "shutdown.rdwr":
    "only the writing half was shut: SHUT_RD has no Deno equivalent (close releases both)",
  "shutdown.udp": "shutdown of a UDP socket has no Deno equivalent",
  "shutdown.udpNotConnected": "UDP socket {fd} is not connected",
  "socket.unknownType":
    "unknown socket type {text}: choose tcp, udp, tcp6, udp6, unix or unix-dgram",
  "spawn.started": "pid {pid}, in its own process group",
  "trace.onOff": "trace takes on or off, not {text}",
  "use.noSocket": "no socket has descriptor {fd} (open: {open})",
  "use.noneOpen": "no socket has descriptor {fd} (none is open)",
  "wait.interrupted": "interrupted",
  "wait.timeout": "the program did not exit within {s} s: it is still running",
  // ── the shell core, the network backends, the script language ──

  // ── the REPL, the command line, record, run, check ──
} as const;
