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
  "shell.unknownCommand": "unknown command (help lists them)",
  "shell.unknownCommandDidYouMean":
    'unknown command: did you mean "{best}"? (help lists them)',
  "shell.takesNoFd": "{name} takes no descriptor ({word})",
  "shell.badFd": "bad descriptor {word}: write @ and a number, as in @4",
  "shell.internalError": "internal error: {message}",
  "shell.ending": "the shell is ending",
  "shell.recordStopped": "cannot write {file}: {error}: recording stopped",
  "shell.noCurrentFd":
    "no current descriptor: make one with 'socket tcp' or pick one with 'use FD'",
  "shell.unknownOption": "unknown option -{letter}",
  "shell.unknownOptionOf": "unknown option -{letter} (options: {known})",
  "shell.optionNeedsValue": "option -{letter} needs a value",
  "shell.missingArgument": "missing argument: usage: {usage}",
  "shell.tooManyArguments":
    "too many arguments ({word} and after): usage: {usage}",
  "shell.badPort": "port must be a whole number from 0 to 65535, not {text}",
  "shell.badInteger":
    "{what} must be a whole number from {min} to {max}, not {text}",
  "shell.badTimeout":
    "timeout must be a number of seconds up to 86400, not {text}",
  "shell.wrongFamily":
    "{host} is an IPv{literal} address but this is an {domain} socket",
  "shell.noAddressOfFamily": "{host} has no IPv{family} address",
  "shell.interrupted": "interrupted by Ctrl-C",
  "shell.noAnswer":
    "no answer within {seconds} s{how, select, rcvtimeo { (SO_RCVTIMEO)} other {}}",
  "shell.wouldBlock":
    "{what} on a non-blocking socket (O_NONBLOCK); EWOULDBLOCK is the same errno",
  "fd.notConnected": "socket {fd} is not connected",
  "fd.writeShut": "the writing half was shut down",
  "fd.closedWhileWaiting": "socket {fd} was closed while the call waited",
  "fd.unixNotIp": "socket {fd} is AF_UNIX: this call takes an IP address",
  "fd.noSuchFd": "no socket has descriptor {fd} (open: {open})",
  "fd.noSuchFdNoneOpen":
    "no socket has descriptor {fd} (none is open: start with 'socket tcp')",
  "script.nestingTooDeep": "nesting too deep (limit {limit})",
  "script.needsCondition": "{kw} needs a condition, as in: {kw} $n.n == 0",
  "script.forNeedsList": "for needs a variable and a list, as in: for fd in $r",
  "script.forkTakesNothing":
    "fork takes nothing: the block under it is the child",
  "script.takesNothing": "{kw} takes nothing after it (use ; between commands)",
  "script.elseWithoutIf": "else without an if",
  "script.endWithoutBlock": "end without an if, while, for or fork",
  "script.breakOutsideLoop": "break outside a while or for loop",
  "script.arrowNeedsName": "-> needs a variable name, not {word}",
  "script.arrowAtEnd": "-> goes at the end: CMD ... -> name",
  "script.neverClosed": "{kw} is never closed: add end",
  "script.stopped": "stopped: {command}",
  "script.childStopped": "child stopped: {command}",
  "script.childFailed": "child failed: {message}",
  "script.exitEndedChild": "exit ended the child",
  "script.binary": "binary content (a NUL byte, or bytes that are not UTF-8)",
  "script.noCommand": "line {n} starts with {word}, no command",
  "script.badCondition":
    "cannot read the condition {text}: write true, false, int X, not ..., or A OP B with OP one of {operators} (quote words with spaces)",
  "script.notInteger": "{text} is not a whole number",
  "script.cannotCompute": "cannot compute {expr}: {why}",
  "script.endsTooEarly": "it ends too early",
  "script.parenNeverClosed": "a ( is never closed",
  "script.divisionByZero": "division by zero",
  "script.unexpected": "unexpected {word}",
  "script.resultTooLarge": "the result is too large",
  "script.lineTooLong":
    "line too long: over {max, plural, one {# byte} other {# bytes}}",
  "script.loneBackslash": "line ends with a lone backslash",
  "script.badHexEscape":
    'bad escape "\\x{hex}": \\x takes two hex digits, as in \\x0a',
  "script.unknownEscape":
    'unknown escape "\\{c}": use \\n \\r \\t \\0 \\\\ \\" \\\' \\$ or \\xHH',
  "script.badVariableReference":
    'bad variable reference "{ref}...": write {braced} or {fallback}',
  "script.unterminatedSingle": "unterminated quote: a ' is never closed",
  "script.unterminatedDouble": 'unterminated quote: a " is never closed',
  "script.undefinedArgument":
    "undefined variable ${name}: no argument {name} was given",
  "script.undefinedVariable":
    "undefined variable ${name}: set it first, or write \\$ for a dollar sign",
  "script.nothingToSend": 'nothing to send: give the TEXT, e.g. "hello\\n"',
  "script.repeatCount": "repeat count",
  "script.payloadTooLarge":
    "payload too large: {n, plural, one {# byte} other {# bytes}} (at most {max})",
  "net.closed": "the socket is closed",
  "net.closedDuringCall": "the socket was closed during the call",
  "net.anotherInProgress": "another {what} is in progress",
  "net.connectionGone": "the connection is gone",
  "net.onlyLingerZero": "only l_linger 0 (reset at close) can be had",
  "net.noCallFor": "{api} has no call for it",
  "net.cannotSendToPort": "cannot send to port {port}",
  "net.nodeNoReusePort": "Node 20's net and dgram cannot set SO_REUSEPORT",
  "net.noBufferSizes": "{api} has no call that sets socket buffer sizes",
  "net.noCallSets": "{api} has no call that sets {option}",
  "net.nodeNoUnixDgram":
    "Node has no Unix datagram sockets (node:dgram is UDP only)",
  "net.denoNoLinger":
    "Deno.TcpConn has no linger call (set before connect or listen, it is had: the Deno backend then uses node:net, which can reset)",
  "net.denoMulticastLoop":
    "Deno sets it at bind (listenDatagram's loopback) or through a group membership: set it before bind, or join a group first",
  "net.denoMulticastTtl":
    "Deno sets it through a group membership: join a group first (IP_ADD_MEMBERSHIP)",
  "net.denoNoReusePort":
    "Deno.listenDatagram cannot set SO_REUSEPORT (SO_REUSEADDR shares a UDP port)",
  "net.denoNoV6Only":
    "Deno.listen and Deno.listenDatagram cannot set IPV6_V6ONLY",
  "net.outsidePermissions": "outside what sockshell may touch",
  "shell.moreBytes":
    "... and {n, plural, one {# more byte} other {# more bytes}}{hint, select, x { (shown with -x)} other {}}",

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
  "cli.usage":
    "sockshell {version}: an interactive socket shell for learning BSD sockets\n\nUsage:\n  sockshell                      interactive shell (commands from standard input when it is not a terminal)\n  sockshell -c \"CMD; CMD; ...\"   run commands, then exit\n  sockshell SCRIPT [ARGS...]     run a script file; $1, $2... are its arguments\n  sockshell run NAME [ARGS...]   run a built-in replay of the handout (sockshell run: the list)\n  sockshell check EXERCISE PROGRAM [ARGS...]\n                                 test a student's program on an exercise, in TAP (sockshell check: the list);\n                                 needs --allow-run under Deno (asked for on a terminal), nothing under Node\n\nOptions:\n  -c COMMANDS    commands separated by ';'\n  -q, --quiet    do not print the calls that succeed (errors still print)\n  --lang CODE    speak CODE (en, fr) instead of the locale's language (LC_ALL, LC_MESSAGES, LANG)\n  --explain      after each call, the socket's 5-tuple and why (as explain on)\n  -h, --help     this help\n  -V, --version  the version and the network backend\n\nA script stops at the first failing command and exits with its status:\n1 a failed call, 2 bad usage, 124 interrupted or timed out, 127 unknown command.\nType 'help' in the shell for the commands.",
  "repl.toExit": "(To exit, press Ctrl+C again or Ctrl+D or type exit)",
  "check.setupFailed": "the check itself failed at {at}",
  "check.interrupted": "interrupted (Ctrl-C): the program was killed",
  "check.noScenario":
    "the check has no scenario: write scenario NAME ... end blocks",
  "check.timedOut":
    "the scenario did not finish within {seconds} s: it was stopped",
  "check.stillRunning": "still running at the end of the scenario: killed",
  "check.cutClosed": "the program closed the connection (recv returned 0)",
  "check.cutTimeout": "nothing more came: {line}",
  "check.cutReset": "the connection was reset (ECONNRESET)",
  "check.thenNothing": "{got} and then nothing more",
  "check.wantedLine": "a whole line, up to its newline",
  "check.wantedUntil": "bytes up to {delim}",
  "check.passed":
    "{passed} of {total, plural, one {# scenario} other {# scenarios}} passed in {seconds} s",
  "check.earlier":
    "({n, plural, one {# earlier line} other {# earlier lines}} left out)",
  "check.scenarioAtLine": "scenario at line {line}",
  "check.cannotStart": "cannot start {path}: {message}",
  "check.exitStatus": "exit status {code}",
  "check.killedBy": "killed by {signal}",
  "check.stdinClosed": "its standard input is closed",
  "check.programClosedStdin": "the program closed its standard input",
  "check.notExecutable": "not executable: chmod +x {path}",
  "check.noSuchFile": "no such file",
  "check.notInPath":
    "not in PATH: write ./{path} for a program in this directory",
  "check.noSuchPid":
    "no program with pid {pid} was started here: spawn starts one (spawn PROGRAM ARGS -> p, then $p)",
  "repl.banner":
    "sockshell {version}: type 'help' for the commands, Ctrl-D to leave",
  "cli.langTakes": "--lang takes {codes}",
  "cli.langTakesNot": "--lang takes {codes}, not {code}",
  "cli.cNeedsCommands": '-c needs commands, as in -c "socket tcp; listen"',
  "cli.unknownOption": "unknown option {option} (try --help)",
  "cli.cannotReadScript": "cannot read script {file}: {why}",
  "cli.notAScript": "{file} is not a sockshell script: {why}",
  "host.tooLarge":
    "{path} is over {limit, plural, one {# byte} other {# bytes}}",
  "host.notRegular": "{path} is not a regular file",
  "check.runPermission":
    "starting a program needs --allow-run: run sockshell as deno run --allow-run --allow-net --allow-read --allow-write --allow-env mod.ts (the Node builds need nothing)",
} as const;
