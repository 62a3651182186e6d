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
  "errno.EDQUOT": "Disk quota exceeded",
  "errno.EEXIST": "File exists",
  "errno.EFBIG": "File too large",
  "errno.EHOSTUNREACH": "No route to host",
  "errno.EINPROGRESS": "Operation now in progress",
  "errno.EINTR": "Interrupted system call",
  "errno.EINVAL": "Invalid argument",
  "errno.EIO": "Input/output error",
  "errno.EISCONN": "Transport endpoint is already connected",
  "errno.EISDIR": "Is a directory",
  "errno.EMFILE": "Too many open files",
  "errno.EMSGSIZE": "Message too long",
  "errno.ENETUNREACH": "Network is unreachable",
  "errno.ENAMETOOLONG": "File name too long",
  "errno.ENOBUFS": "No buffer space available",
  "errno.ENOENT": "No such file or directory",
  "errno.ENOPROTOOPT": "Protocol not available",
  "errno.ENOSPC": "No space left on device",
  "errno.ENOTCONN": "Transport endpoint is not connected",
  "errno.ENOTDIR": "Not a directory",
  "errno.EOPNOTSUPP": "Operation not supported",
  "errno.EPERM": "Operation not permitted",
  "errno.EPIPE": "Broken pipe",
  "errno.EPROTO": "Protocol error",
  "errno.EPROTONOSUPPORT": "Protocol not supported",
  "errno.EPROTOTYPE": "Protocol wrong type for socket",
  "errno.EROFS": "Read-only file system",
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
  // help's own words; then each command's, by its name (help.NAME.summary, help.NAME.details).
  "help.list.socketCalls":
    "Socket calls (help COMMAND for one; @FD names the descriptor, as in recv @5):",
  "help.list.shellCommands": "Shell and scripts:",
  "help.list.quoting":
    'Text takes quotes and escapes: send "GET / HTTP/1.0\\r\\n\\r\\n". Blocking calls: Ctrl-C interrupts.',
  "help.show.aliases": "{usage}   (also: {aliases})",
  "help.show.c": "C:       {c}",
  "help.show.deno": "Deno:    {deno}",
  "help.show.example": "Example: {example}",
  "help.noCommand":
    'no command {name}{hasBest, select, yes {: did you mean "{best}"?} other {}}',
  "help.socket.summary":
    "Create a socket: a new descriptor, numbered from 3, that becomes the current one",
  "help.socket.details":
    "tcp is socket(AF_INET, SOCK_STREAM, 0), udp is socket(AF_INET, SOCK_DGRAM, 0), and C's own\n" +
    "words work too (socket AF_INET SOCK_STREAM 0; a protocol the type does not carry is EPROTONOSUPPORT);\n" +
    "tcp6 and udp6 use AF_INET6. The socket has only its protocol so far: the first\n" +
    "element of the 5-tuple '{'protocol, local address, local port, remote address, remote port'}'.\n" +
    "unix is socket(AF_UNIX, SOCK_STREAM, 0) and unix-dgram socket(AF_UNIX, SOCK_DGRAM, 0): their\n" +
    "addresses are paths (bind /tmp/x.sock, connect /tmp/x.sock, sendto /tmp/x.sock TEXT).\n" +
    "Deno: Deno.listen/Deno.connect('{' transport: \"unix\", path '}') and Deno.listenDatagram\n" +
    "('{' transport: \"unixpacket\", path '}'), which is SOCK_DGRAM. Node has Unix streams (node:net with\n" +
    "a path) but no Unix datagrams: there bind and sendto on unix-dgram fail with EAFNOSUPPORT.",
  "help.bind.summary":
    "Give the socket a local address and port (0 lets the system pick)",
  "help.bind.details":
    "Without a host, binds INADDR_ANY (0.0.0.0, or :: for tcp6/udp6), as the handout's servers do;\n" +
    "C's constants are hosts too (bind INADDR_ANY 4950, connect INADDR_LOOPBACK 4950, in6addr_any).\n" +
    "TCP: Deno has no bound-but-not-listening socket, so bind checks the address now (EADDRINUSE,\n" +
    "EACCES, EADDRNOTAVAIL show here, as in C) and listen opens it. A bound TCP socket may connect\n" +
    "from that address: Deno.connect cannot choose its local end, so the Deno backend makes that one\n" +
    "connection with node:net's net.connect('{' localAddress, localPort '}'), as the Node backend does.\n" +
    "UDP: bind opens the socket with Deno.listenDatagram (with the options set before it).\n" +
    "AF_UNIX (socket unix, unix-dgram): bind PATH. A stream's path is checked now (EADDRINUSE when the\n" +
    "file exists, ENOENT without its directory, EINVAL past 107 bytes) and its socket file is made\n" +
    "at listen (Deno.listen('{' transport: \"unix\", path '}')); a datagram socket's file is made now.",
  "help.listen.summary":
    "Make a TCP socket listen for connections (without bind, on a port the system picks)",
  "help.listen.details":
    "The backlog is the length of the queue of connections the kernel completes before accept takes them (Deno's tcpBacklog, Node's server.listen('{' backlog '}')); `ss -ltn` shows it as Send-Q. Linux caps it at SOMAXCONN.\n" +
    "Without a backlog, listen takes SOMAXCONN, as a serious server does: /proc/sys/net/core/somaxconn where the runtime may read it (the Node build; Deno's permissions refuse /proc/sys without -A), else 4096, Linux's default.\n" +
    "Listening on an unbound socket takes an ephemeral port on 0.0.0.0, as Linux does.\n" +
    "AF_UNIX: listen makes the socket file bind named (Deno.listen('{' transport: \"unix\", path '}'));\n" +
    "an unbound Unix socket cannot listen (EINVAL).",
  "help.accept.summary":
    "Wait for a client and return a new descriptor for its connection (it becomes current)",
  "help.accept.details":
    "Blocks until a client connects; Ctrl-C interrupts it (EINTR), -t gives up after a time (EAGAIN).\n" +
    "The listening socket stays as it was: accept returns a NEW socket, the connection's own,\n" +
    "whose 5-tuple is complete. A connection that arrives after an interrupted accept waits for the next one.\n" +
    "On a non-blocking socket (fcntl F_SETFL O_NONBLOCK) it returns -1 EAGAIN at once when no client waits.",
  "help.connect.summary":
    "TCP: connect to a server (the system picks the local port); UDP: set the default peer",
  "help.connect.details":
    "The host is resolved first, as the handout's client calls gethostbyname: an AF_INET socket\n" +
    "connects to an IPv4 address ([::1], in brackets as URLs write it, is ::1).\n" +
    "Ctrl-C interrupts a pending connect (EINTR); -t gives ETIMEDOUT.\n" +
    "-w SECONDS retries a refused connect every 50 ms for that long: a server just started may not listen yet.\n" +
    "UDP: no packet is sent; send and recv then use this peer, and datagrams from others are dropped.\n" +
    "A TCP socket bound first connects from its bound address: Deno.connect cannot choose its local end,\n" +
    "so the Deno backend makes that connection (and one with SO_LINGER 1 0 set) with node:net's\n" +
    "net.connect('{' localAddress, localPort '}'); the Node backend always uses net.connect.\n" +
    "AF_UNIX: connect PATH. A stream connects with Deno.connect('{' transport: \"unix\", path '}'): ENOENT\n" +
    "when there is no such file, ECONNREFUSED when nobody listens on it, EPROTOTYPE for a datagram\n" +
    "socket's file. unix-dgram: the peer is remembered (the runtime has no connect for it).\n" +
    "Non-blocking (fcntl F_SETFL O_NONBLOCK): -1 EINPROGRESS at once, the connection going on in the background\n" +
    "(SYN_SENT in ls); poll's POLLOUT says when it is done and getsockopt SO_ERROR how (0 or the errno).\n" +
    "Another connect meanwhile is EALREADY, then EISCONN once connected; a blocking connect waits for it.",
  "help.send.summary":
    "Send bytes on a connected socket, exactly as written (no newline added)",
  "help.send.details":
    "Words are joined by one space; quote to keep spaces, escape with \\n \\r \\t \\\\ \\xHH.\n-n LEN sends only the first LEN bytes, as C's len argument. -r COUNT repeats the text (on TCP, streamed\nfrom one 256 KiB buffer, whatever the total: up to 16 MiB elsewhere). -C ends it with \\r\\n (ncat -C), as\nSMTP, HTTP and most line protocols want. TCP sends all bytes (a blocking send); a stream keeps no boundaries,\nso the peer's recv may get them in other pieces. MSG_OOB has no Deno equivalent.\nA send the peer does not read blocks: Ctrl-C (EINTR) or -t SECONDS (SO_SNDTIMEO, EAGAIN) stops it,\nand once some bytes went it returns their count, as C's send does.\n-c SIZE sends in SIZE-byte send() calls, -d SECONDS apart (with a pause, each leaves as a\nsegment of its own): what a slow or distant client does to a server that reads once.\n-f FILE sends a file's bytes, read and sent 64 KiB at a time, as socat does (memory stays bounded); Ctrl-C stops it.\nOn a terminal, a transfer that lasts shows its progress (bytes so far, rate) until its call line.",
  "help.recv.summary":
    "Receive up to N bytes (255 by default); 0 means the peer closed",
  "help.recv.details":
    "Blocks until data arrives. It returns what is there, up to N: one send is not one recv.\n-x shows the bytes in hex, -p peeks (MSG_PEEK: the bytes stay for the next recv),\nC's flags may follow N (recv 255 MSG_PEEK; 0, MSG_OOB, MSG_DONTWAIT: this call does not wait),\n-t SECONDS gives up with EAGAIN; Ctrl-C interrupts with EINTR and nothing is lost.\n-l reads a line and -u DELIM up to DELIM (both kept in the data), as a C loop of recv calls would:\nwhat a line-based protocol needs, since a stream keeps no message boundaries;\n-> x then gives $x.before, the data without its delimiter.\nUDP: one datagram, cut to N bytes as in C; on a connected UDP socket, only the peer's.\nOn a non-blocking socket (fcntl F_SETFL O_NONBLOCK) it returns -1 EAGAIN at once when nothing is there.\n-f FILE writes what arrives to FILE instead of showing it: one read, N bytes (a loop of recv calls),\nor with -a everything until end of stream, read 256 KiB at a time; memory stays bounded. The file is\ntruncated first.\nOn a terminal, a transfer that lasts shows its progress (bytes so far, rate) until its call line.",
  "help.sendto.summary":
    "Send one datagram to HOST PORT (an unbound UDP socket is bound to an ephemeral port first)",
  "help.sendto.details":
    "As the handout's talker: no bind needed, the kernel binds an ephemeral port at the first sendto.\n" +
    "Datagrams over 65507 bytes fail with EMSGSIZE. On TCP the address is ignored, as on Linux.\n" +
    "To a broadcast address (255.255.255.255, 127.255.255.255) without setsockopt SO_BROADCAST 1: EACCES,\n" +
    "as C gives; the shell says it itself, since Deno's UDP sockets always have SO_BROADCAST on.\n" +
    "AF_UNIX datagrams: sendto PATH TEXT (DatagramConn.send(bytes, '{' transport: \"unixpacket\", path '}')):\n" +
    "ENOENT with no such file, ECONNREFUSED for a file nobody is bound to, EPROTOTYPE for a stream's.\n" +
    "An unbound socket sends unnamed in C; the runtime cannot, so the shell binds an abstract name first\n" +
    "and says so. Node has no Unix datagrams: EAFNOSUPPORT.",
  "help.recvfrom.summary":
    "Receive one datagram (up to N bytes, 255 by default) and its sender's address",
  "help.recvfrom.details":
    "As the handout's listener: blocks for one datagram; a longer one is cut to N and the rest is lost.\n" +
    "-x hex, -p peek, -t SECONDS timeout (EAGAIN); Ctrl-C interrupts (EINTR). C's flags may follow N\n" +
    "(recvfrom 100 MSG_PEEK; 0, MSG_DONTWAIT).\n" +
    "On a non-blocking socket (fcntl F_SETFL O_NONBLOCK) it returns -1 EAGAIN at once when nothing is there.",
  "help.poll.summary":
    "Wait until one of several descriptors can be read (or written); -> r captures the ready ones",
  "help.poll.details":
    "Descriptors as 3 or @3, each with :in (POLLIN, the default), :out (POLLOUT) or :inout; none means every open one\n(in a run, every one the script opened).\n-t MS is poll's timeout: -1 (the default) blocks until one is ready, Ctrl-C interrupts (EINTR); 0 only looks.\nPOLLIN: data waiting, end of stream (recv returns 0), a pending error, or a connection waiting on a listener.\nPOLLOUT: a connected socket (or UDP) can send; a non-blocking connect has finished.\nPOLLHUP and POLLERR come without being asked: after a reset, or on a TCP socket never connected\n(Linux reports that as POLLOUT|POLLHUP). A descriptor that is not open gets POLLNVAL (0 to 2, the terminal,\nare not the shell's sockets: POLLNVAL too).\npoll takes nothing: the next recv or accept returns at once with what it found.\npoll ... -> r sets $r to the ready descriptors (\"4 6\"), $r.n to their count, $r.4 to fd 4's revents:\nwith for fd in $r ... end, this is the loop of Beej's pollserver.c (run -p pollserver). A script stops at\nits first failed call: try recv @$fd -> m goes on after a client's reset, with $m.errno ECONNRESET, as C does.\nDeno and Node have no poll: each socket keeps one read, receive or accept in flight, and poll races\nthem; what they bring stays buffered for the next call, so nothing is lost. poll reports what has come\nback: when one descriptor is ready at once, data still on its way up from the kernel for another shows\non the next poll (a poll that finds nothing ready lets the event loop turn first, so -t 0 sees it).\nSending never waits here, so POLLOUT is not withheld when the peer's window is full, as the kernel would.",
  "help.select.summary":
    "Wait until one of several descriptors can be read (the read set); -> r captures the ready ones",
  "help.select.details":
    "The descriptors (3 or @3) make the read set; nfds is the highest plus one. Without -t it blocks (timeout NULL)\nand Ctrl-C interrupts it (EINTR); -t 0 only looks. A descriptor that is not open fails the call with EBADF.\nReadable means what poll's POLLIN means (data, end of stream, an error, a waiting connection), and, as in\nLinux, a hang-up too: a TCP socket never connected is readable. Nothing is consumed.\nselect ... -> r sets $r to the ready descriptors and $r.n to their count. A word may hold several\ndescriptors (select $fds: every open one, as the master set of Beej's selectserver.c).\nDeno and Node have no select: it is poll's machinery (see help poll), shown as select.",
  "help.fcntl.summary":
    "Read the socket's flags (F_GETFL) or make it non-blocking (F_SETFL O_NONBLOCK; 0 clears it)",
  "help.fcntl.details":
    "On a non-blocking socket recv, recvfrom and accept return at once with -1 EAGAIN (EWOULDBLOCK) when nothing\n" +
    "is there, and connect returns -1 EINPROGRESS while the connection goes on: poll says POLLOUT when it is\n" +
    "done, getsockopt SO_ERROR says how it ended, a second connect says EALREADY, then EISCONN.\n" +
    "F_SETFL O_RDWR|O_NONBLOCK is accepted too (the access mode is ignored, as Linux does). ls shows O_NONBLOCK.\n" +
    "Deno's reads resolve on a later turn of the event loop: a non-blocking call lets it turn once before it\n" +
    "says EAGAIN, so data already in the kernel is seen, as in C.\n" +
    "send still writes everything: Deno's write cannot stop at what fits, so where C would return a partial\n" +
    "count or EAGAIN (the peer not reading), send waits; Ctrl-C does not stop a write already started.",
  "help.shutdown.summary":
    "Close one direction of a connection: wr (the default) sends end of stream to the peer",
  "help.shutdown.details":
    "wr (1, SHUT_WR) sends FIN: the peer's recv returns 0, and we can still receive.\n" +
    "rd (0) has no Deno equivalent and fails with EOPNOTSUPP; rdwr (2) shuts the writing half only\n" +
    "and says so. close releases both.",
  "help.close.summary": "Close a socket and free its descriptor number",
  "help.close.details":
    "TCP: Deno shuts the writing half first, so the peer reads end of stream; data received\n" +
    "and never read is discarded, and close says how much.\n" +
    "AF_UNIX: the socket file stays, as close(2) leaves it (Deno and Node remove a listener's file:\n" +
    "the shell keeps it), so binding the path again is EADDRINUSE until the file is removed.",
  "help.setsockopt.summary":
    "Set a socket option (SO_REUSEADDR, SO_BROADCAST, TCP_NODELAY, SO_LINGER, IP_ADD_MEMBERSHIP...)",
  "help.setsockopt.details":
    "The level is implied by the name, as strace shows it (SOL_SOCKET, SOL_TCP, SOL_IP, SOL_IPV6);\n" +
    "C's level may come first (setsockopt SOL_SOCKET SO_REUSEADDR 1, IPPROTO_TCP TCP_NODELAY 1).\n" +
    "Values: one whole number; SO_LINGER takes l_onoff l_linger (1 0: close sends a reset);\n" +
    "IP_ADD_MEMBERSHIP/IP_DROP_MEMBERSHIP take a group and optionally an interface address (default 0.0.0.0).\n" +
    "The runtimes take some options only when they open the socket: set before bind (UDP) or before\n" +
    "listen/connect (TCP), they are recorded and applied there; accepted connections inherit TCP_NODELAY,\n" +
    "SO_KEEPALIVE and SO_LINGER from the listener, as on Linux. Set after, where the runtime cannot: EOPNOTSUPP.\n" +
    "Deno's TCP listeners always have SO_REUSEADDR on and its UDP sockets SO_BROADCAST: getsockopt shows\n" +
    "that real value, and sendto a broadcast address without SO_BROADCAST is refused with EACCES by the shell,\n" +
    "as C refuses it. SO_LINGER 1 0 on Deno: set it before connect or listen, and the Deno backend uses\n" +
    "node:net (net.connect, net.createServer), whose socket.resetAndDestroy() sends the reset; Deno.TcpConn\n" +
    "has no such call, so set on a connection Deno.connect or Deno.listen made, it is EOPNOTSUPP.\n" +
    "Deno has no call for IP_TTL, SO_RCVBUF, SO_SNDBUF, nor IPV6_V6ONLY 1; Node 20 none for SO_REUSEPORT,\n" +
    "nor TCP's IP_TTL and buffer sizes: EOPNOTSUPP with a note. Wrong socket type: Linux's errno\n" +
    "(TCP_NODELAY on UDP: ENOPROTOOPT; IP_ADD_MEMBERSHIP on TCP: EPROTO). Unknown name: ENOPROTOOPT.\n" +
    "Deno: IP_MULTICAST_TTL and IP_MULTICAST_LOOP go through the group memberships (setTTL, setLoopback).\n" +
    "Node: socket.setNoDelay/setKeepAlive/resetAndDestroy; dgram setBroadcast, setTTL, setMulticastTTL,\n" +
    "setMulticastLoopback, addMembership/dropMembership, setRecvBufferSize/setSendBufferSize.",
  "help.getsockopt.summary":
    "Read a socket option (SO_TYPE, SO_ERROR, SO_ACCEPTCONN, SO_REUSEADDR, TCP_NODELAY...)",
  "help.getsockopt.details":
    "SO_TYPE is SOCK_STREAM (1) or SOCK_DGRAM (2); SO_ACCEPTCONN is 1 on a listening socket; SO_ERROR\n" +
    "returns the pending error (a failed read's, or a non-blocking connect's) and clears it, as Linux does.\n" +
    "Where the runtime set an option itself (Deno's TCP listeners: SO_REUSEADDR; Deno's UDP sockets:\n" +
    "SO_BROADCAST), the real value is shown and a note says so. SO_RCVBUF/SO_SNDBUF can be read on Node's\n" +
    "bound UDP sockets only (Linux doubles the value set); elsewhere EOPNOTSUPP. `-> v` captures the value.",
  "help.getsockname.summary":
    "Show the socket's local address and port (0.0.0.0:0 before bind, as Linux gives)",
  "help.getsockname.details":
    "After bind with port 0 it shows the port the system picked. `-> a` captures it: $a.host, $a.port.\n" +
    "A TCP socket bound but not listening shows the address bind recorded (Deno opens it at listen).",
  "help.getpeername.summary":
    "Show the connected peer's address and port (ENOTCONN when not connected)",
  "help.getpeername.details":
    "TCP: the other end of the connection; UDP: the default peer set by connect.\n" +
    "A listening, unconnected or reset socket has no peer: ENOTCONN. `-> p` captures $p.host, $p.port.",
  "help.gethostbyname.summary":
    "Resolve a host name to its addresses (IPv4; -6 for IPv6), reading /etc/hosts first",
  "help.gethostbyname.details":
    "The handout's client calls it before connect; connect resolves a host name the same way.\n" +
    "getaddrinfo gives every address, with its socket type and port.",
  "help.getaddrinfo.summary":
    "Resolve a name and a service to every address to connect or bind to, in the C library's order",
  "help.getaddrinfo.details":
    "One line per struct addrinfo: family, socket type, protocol, address, port, in the order glibc gives\n" +
    "them (/etc/hosts, then the RFC 6724 sort). Without -s every address comes three times, as in C:\n" +
    "SOCK_STREAM/IPPROTO_TCP, SOCK_DGRAM/IPPROTO_UDP and SOCK_RAW/0; a named service only for the\n" +
    "protocols /etc/services lists it under. -4/-6 set ai_family, -s ai_socktype, -P AI_PASSIVE:\n" +
    "with no name (or -) that gives 0.0.0.0 and ::, to bind; with one word after -P, it is the service.\n" +
    "Failures return an EAI_ code, as gai_strerror says it: EAI_NONAME (no such name, or neither\n" +
    "name nor service), EAI_SERVICE (a service unknown for the socket type), EAI_ADDRFAMILY (a numeric\n" +
    "address of the other family), EAI_AGAIN (no answer from DNS). -> r captures the first address\n" +
    "in $r, the count in $r.n, each address in $r.1, $r.2..., all of them in $r.all (words, for a loop).\n" +
    "Deno.resolveDns is not used: it asks DNS only and never reads /etc/hosts. Node: the same\n" +
    "node:dns call. The numeric address and NULL-name cases are answered as glibc answers them.",
  "help.getnameinfo.summary":
    "Name a numeric address and port: host name (from /etc/hosts, then DNS) and service name",
  "help.getnameinfo.details":
    "The host is the address's name in /etc/hosts (or DNS). An address without a name gives its\n" +
    "numeric form, as C's getnameinfo does without NI_NAMEREQD (the shell asks with NI_NAMEREQD and\n" +
    "falls back itself, and says so). The service is the port's name in /etc/services for tcp\n" +
    "(-d: NI_DGRAM, for udp), else the number. -n: NI_NUMERICHOST | NI_NUMERICSERV, no lookup at all.\n" +
    "-> r captures the host in $r, and $r.host, $r.serv. Node: the same node:dns call.",
  "help.ls.summary":
    "List every descriptor: protocol, state, local and remote address (the 5-tuple)",
  "help.ls.details":
    "A socket shows what its calls have filled in so far: after socket only its protocol, after bind\n" +
    "its local end, after connect or accept the remote end too.",
  "help.use.summary":
    "Make FD the current descriptor, the one commands act on without @FD",
  "help.use.details":
    "socket and accept make the new descriptor current; @FD names another one for a single command,\n" +
    "as in recv @5.",
  "help.run.summary":
    "Run a built-in replay (the handout's, Beej's Guide's) or a script file (run alone lists them)",
  "help.run.details":
    "-v shows every call as it runs; -p prints the script instead of running it;\n-d ends it with its sequence diagram (see diagram).\nThe script runs like a program: $1, $2... are its arguments, exit ends it, and the\ndescriptors it opened are closed when it ends. Ctrl-C stops it.\nA script file is at most {maxBytes} bytes, and runs nest at most {maxDepth} deep.",
  "help.check.summary":
    "Test a program (a student's server or client) on a handout exercise: segmentation, many clients, bad input; TAP",
  "help.check.details":
    "EXERCISE: tcp-server tcp-client udp-server udp-client age-server age-client; or a check\n" +
    "script of your own (FILE.sock: scenario NAME ... end blocks; check -p EXERCISE prints one).\n" +
    "The program gets the exercise's arguments: a free port for a server, 127.0.0.1 and the port\n" +
    "for a client, after ARGS (or where ARGS say '{'port'}'); --port N tests a program with a fixed\n" +
    "port (the handout's UDP programs: --port 4950). Each scenario is bounded in time and ends\n" +
    "with the program killed, with what it forked, and what left its group (daemon(), setsid()),\n" +
    "said in a TAP comment. Output is TAP 13 (--json: one JSON document);\n" +
    "each failure shows what was sent, expected and received, where the stream was cut, and a hint.\n" +
    "Status: 0 when every scenario passed, 1 when one failed, 2 when the check could not run.\n" +
    "Starting programs needs --allow-run (sockshell check asks for it on a terminal).",
  "help.spawn.summary":
    "Start a program (a student's server or client): $p is its pid; wait, input and output act on it",
  "help.spawn.details":
    "A program is not a descriptor: ls does not show it; it is named by its pid, as in sh (wait $p).\n" +
    "Its standard output and error are read as they come and kept, the first MiB and the last 64 KiB\n" +
    "of each ($p.out, $p.err after wait $p -> p); its standard input is a pipe (input $p TEXT;\n" +
    "-i TEXT writes it at once). It runs in a process group of its own,\n" +
    "killed with what it forked when the script's scenario ends, or when the shell leaves.\n" +
    "A process that left the group (daemon(), setsid()) is killed too: on Linux, the shell finds\n" +
    "it by SOCKSHELL_SPAWN, which it sets in the program's environment (sh and grep read /proc).\n" +
    "In a check, spawn $program starts the program under test, with the ARGS given to check first\n" +
    "(or the port put where they say '{'port'}').\n" +
    "Only spawn needs --allow-run: without it, spawn fails with EACCES and says how to run.",
  "help.wait.summary":
    "Wait for a program started by spawn to exit: -> p gives $p.status, $p.out, $p.err",
  "help.wait.details":
    "$p.status is the exit status (128 + the signal's number when a signal killed it),\n" +
    "$p.out and $p.err everything it wrote on standard output and error.\n" +
    "-t SECONDS gives up with ETIMEDOUT and leaves the program running (C's waitpid has no\n" +
    "timeout: this is alarm() around it). Ctrl-C interrupts with EINTR.",
  "help.input.summary":
    "Write to the standard input of a program started by spawn (-c: then close it, end of file)",
  "help.input.details":
    "Exactly the bytes written, as send: add \\n for a line; -r COUNT repeats them. -c closes the pipe afterwards,\n" +
    "so the program's next fgets returns NULL (the user typed Ctrl-D).",
  "help.output.summary":
    "Read what a program started by spawn has printed so far (-u: wait until it printed TEXT)",
  "help.output.details":
    "The value is everything the program wrote on standard output (-e: standard error) since\n" +
    "it started; $o.n is its length. -u TEXT waits until that holds TEXT, at most -t SECONDS\n" +
    "(2 by default), or until the program exits: then the value is what came, for expect to judge.",
  "help.sleep.summary":
    "Pause for some seconds (0.05 is 50 ms); Ctrl-C interrupts",
  "help.sleep.details":
    "In a script: lets a peer get ready, or spaces out sends.",
  "help.hint.summary":
    "In a check: the one-sentence hint a failure after this line shows (the classic mistake)",
  "help.hint.details":
    "A scenario may change its hint as it goes: each failure shows the last one set.\n" +
    "-k KEY takes the sentence from the message catalogue, in the language in use (the built-in\n" +
    "checks' checks.EXERCISE.* keys; name=value words fill its placeholders); scenario -k KEY\n" +
    "names a scenario the same way. Plain text is shown as it is written.\n" +
    "Outside a check it does nothing.",
  "help.record.summary":
    "Write each command that succeeds into FILE, a script for run FILE; record stop ends it",
  "help.record.details":
    "An existing FILE is refused (EEXIST, as open with O_CREAT|O_EXCL): -a appends to it, -f overwrites it.\n" +
    "Commands are recorded as they succeed, whatever their source: typed, piped on standard input,\n" +
    "a script file or -c (there, each command after record in the same text). A block is recorded\n" +
    "whole once it succeeds; what a run script does is recorded as its run line, and what talk sent as\n" +
    'its sends (send -C "EHLO me"), replayed without waiting for the replies.',
  "help.set.summary":
    "Set a variable to some text ($name then reads it); with no name, list the variables",
  "help.set.details":
    "The words are joined by one space. $'{'1:-4950'}' is argument 1, or 4950 when it is missing.\n" +
    "Commands capture what they return with -> name: recv -> msg sets $msg, $msg.n, $msg.line.",
  "help.let.summary":
    "Compute a whole number with + - * / % and parentheses into a variable",
  "help.let.details":
    "Its terms are numbers and variables ($x, or a captured value such as $birth.line); the result is\n" +
    "a whole number, as C's int.",
  "help.print.summary":
    "Print the words and a newline (-n: no newline; -e: on standard error)",
  "help.print.details":
    'Variables are replaced first: print "$msg" shows what recv -> msg captured.\n' +
    "To a pipe or a file the bytes go as they are, as printf writes them; to a terminal, control\n" +
    "characters other than newline and tab are shown escaped (\\x1b), as ls shows a file name there:\n" +
    "a client's escape sequence, printed by a replayed server, shows instead of acting on the terminal.",
  "help.read.summary":
    "Read a line typed by the user (or piped on standard input) into a variable, without its newline",
  "help.read.details":
    "At the end of input, read fails (status 1) and the script stops; with -e it succeeds\n" +
    "with an empty line and sets $NAME.eof to 1 (0 otherwise), for a script that goes on.",
  "help.expect.summary":
    "Check what was received: fail (status 1) with both sides shown when the condition is false",
  "help.expect.details":
    "Conditions, as for if and while: A == B, A != B, A < B (and <= > >=, whole numbers),\n" +
    "A contains B, A startswith B, A endswith B, int A, true, false, and not before any of them.",
  "help.trace.summary":
    "Show (on) or hide (off) the C call of each command that succeeds; failures always show",
  "help.trace.details":
    "With trace off, a script shows only what it prints and the calls that fail.",
  "help.help.summary":
    "List the commands, or show one: usage, C prototype, Deno call, example",
  "help.help.details":
    "help alone lists every command; help COMMAND (or an alias) shows its usage, the C prototype\n" +
    "from the handout, the Deno call behind it, an example and details.",
  "help.exit.summary":
    "Close every socket and leave the shell (Ctrl-D does the same); in a script, end it",
  "help.exit.details":
    "In a replay or a fork child, exit ends that task only. A script that exits while fork children\n" +
    "wait in a call ends those calls (EINTR: exit ended the child) and leaves, as a C parent's exit does.",
  "help.starttls.summary":
    "Start TLS on a connected TCP or Unix stream socket (client, or -s server): send and recv then go through it",
  "help.starttls.details":
    "The client verifies the server's certificate against the system's roots, or --ca FILE (PEM), for\nSERVERNAME (sent as SNI; default: the peer's address; over a Unix socket, none: the chain alone is\nverified, as SSL_connect does without SSL_set1_host). -k skips verification, as curl -k does.\n-s does the server's handshake with --cert FILE and --key FILE (PEM), on an accepted socket.\nAfter it, send, recv and their options go through TLS; shutdown and close send close_notify.\nIt may follow a plain-text dialogue (SMTP's STARTTLS): read everything the peer sent first.\nA failed handshake closes the connection (the stream is out of step): close the descriptor.\nA wrong file (not PEM, a key locked by a passphrase, a key that does not go with the certificate)\nis refused before any handshake: the connection goes on as it was.\nIt shows the version, the cipher and the ALPN protocol agreed, and the client sees the peer's\ncertificate.",
  "help.view.summary":
    "Show received data as one quoted string (the default), one line per line, or hex, for the session",
  "help.view.details":
    "lines: each received line on a line of its own after the call, escaped as recv quotes it,\nits ending shown (\\r\\n, \\n); the call line keeps the byte count. recv -x still gives hex.\nWithout an argument, view says which is in use.",
  "help.talk.summary":
    "Type a line protocol by hand: each line is sent as typed, what arrives is shown as it comes (nc's way)",
  "help.talk.details":
    "On a connected socket (TCP, TLS after starttls, Unix stream, connected UDP). Each line typed goes out at once\n" +
    "with \\n (-C: \\r\\n, as ncat -C and send -C), and what arrives is shown without waiting for the next line,\n" +
    "in the session's view. The send and recv calls are shown as everywhere else; -q shows only the data.\n" +
    "Leave with Ctrl-C, Ctrl-D or a line that is exactly ~. (a lone . is sent: SMTP ends DATA with it).\n" +
    "When the peer closes or resets, talk says so and returns. The socket stays open; what arrived and was\n" +
    "not shown stays for the next recv. At the prompt, the line editor reads the lines (history works);\n" +
    "with commands piped on standard input, talk takes the lines after it, up to ~. or the end of input;\n" +
    "at the end of input on a stream, what the peer sends still shows until it closes, as with nc.\n" +
    "Under record, each line sent is recorded as its send, not the talk line.",
  "help.explain.summary":
    "Show the socket's 5-tuple after each call, as the handout writes it, and why (on or off)",
  "help.explain.details":
    "After socket, bind, listen, connect and accept (and any call that changes it, as a first sendto),\nthe 5-tuple '{'protocol, local port, local address, remote port, remote address'}', '-' where\nnothing is filled in yet, with ^ under what the call filled in: socket tcp gives '{'tcp, -, -, -, -'}',\nbind 4950 gives '{'tcp, 4950, 0.0.0.0, -, -'}'. accept shows the NEW socket's whole 5-tuple.\nAF_UNIX sockets have paths, no ports: '{'unix, local path, remote path'}'.\nAnd a sentence of why when it matters: why accept or recv blocks, why recv returned fewer\nbytes than asked, or 0, why a send after the peer closed succeeded and the next failed with EPIPE,\nECONNREFUSED, EADDRINUSE, a datagram cut short. sockshell --explain starts with it on.\nIt shows even where calls are not traced (trace off, -q, a replay): each sentence names its call.",
  "help.diagram.summary":
    "Draw the session as a sequence diagram: in the terminal, or as an SVG or HTML file",
  "help.diagram.details":
    "One lifeline per socket, and one per peer outside the shell, by its address; in time order:\nthe handshake (SYN, SYN-ACK, ACK) of connect and accept, each send and recv with its byte count\nand the first bytes, where accept or recv waited, FIN and RST, each datagram and its sender,\nfailed calls with their errno. Box-drawing characters on a UTF-8 terminal (LANG, LC_ALL,\nLC_CTYPE), ASCII otherwise, as wide as the terminal (COLUMNS, or 80 on a pipe).\nFILE.svg writes an SVG for a lab report; FILE.html a page with the SVG and the calls beside it.\nAn existing file is refused (EEXIST): -f overwrites it. diagram reset starts afresh.\nThe log keeps the last {logMax} calls and says how many were left out. run -d NAME ends a replay with its diagram.",
  // ── commands: what each command says as it runs (errors, notes) ──
  "accept.notInherited": "{option} not inherited: {reason}",
  "accept.notListening": "socket {fd} is not listening: call listen first",
  "accept.peer": "peer {addr}",
  "accept.peerReset":
    "the client reset it while it waited: {runtime, select, deno {Deno drops such a connection, and with it the address and any bytes sent before the reset, which C's accept and recv still give; the first recv or send fails with ECONNRESET} other {C's accept still gives its address, which {runtime} does not}}",
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
  "connect.udpSource":
    "C would now show local {addr}, the address the route to the peer leaves from; the shell's socket stays bound to {any} (Deno cannot connect a UDP socket)",
  "connect.udpSourceRoute":
    "C would now show as local address the one of the interface routing to {host} (ip route get {host} names it); the shell's socket stays bound to {any} (Deno cannot connect a UDP socket)",
  "connect.unixDgram":
    "the runtime has no connect for Unix datagrams: the peer is remembered, and a missing one shows at send (C's connect says ENOENT or ECONNREFUSED now)",
  "connect.unnamed": "local (unnamed): no bind, as in C",
  "diagram.cannotWrite": "cannot write {file}: {why}",
  "diagram.exists":
    "cannot write {file}: EEXIST ({meaning}): diagram -f {file} overwrites it",
  "diagram.notSvgHtml":
    "{file} is neither .svg nor .html: diagram writes FILE.svg or FILE.html",
  "explain.onOff": "explain takes on or off, not {text}",
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
  "input.interrupted":
    "{why}: the program was not reading its input, whose pipe is full; what it has not read stays queued for it",
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
  "recv.datagramCut":
    "datagram was {size, plural, one {# byte} other {# bytes}}: the last {n, plural, one {byte is} other {# are}} discarded, as in C",
  "recv.droppedFrom":
    "dropped {n, plural, one {# datagram} other {# datagrams}} ({size}) from {from}: not the connected peer",
  "recv.droppedOthers":
    "dropped {n, plural, one {# datagram} other {# datagrams}} ({size}) from others than the connected peer",
  "recv.emptyDelimiter": "-u needs a delimiter that is not empty",
  "recv.eof": "end of stream: the peer closed",
  "recv.flag": "the shell has no {flag}: its flags are {known} (or 0)",
  "recv.from": "from {addr}",
  "recv.kB": "{n} kB",
  "recv.moreBytes":
    "{n, plural, one {# more byte already received} other {# more bytes already received}}: a stream keeps no message boundaries",
  "recv.notConnected": "socket {fd} is not connected",
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
  "setsockopt.level":
    "{name} is a {level} option, not {typed}'s (in C, its number names another option at that level, or none)",
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
  "shutdown.finSentTls":
    "close_notify and FIN sent: the peer will read end of stream",
  "shutdown.rd": "SHUT_RD has no Deno equivalent (use shutdown wr, or close)",
  "shutdown.rdwr":
    "only the writing half was shut: SHUT_RD has no Deno equivalent (close releases both)",
  "shutdown.udp": "shutdown of a UDP socket has no Deno equivalent",
  "shutdown.udpNotConnected": "UDP socket {fd} is not connected",
  "socket.needsType":
    "socket {domain} needs its type too: socket {domain} SOCK_STREAM (or SOCK_DGRAM)",
  "socket.protocol":
    "protocol {protocol} does not go with that type: 0 takes the type's own (IPPROTO_TCP for SOCK_STREAM, IPPROTO_UDP for SOCK_DGRAM)",
  "socket.protocolUnix": "a Unix socket takes protocol 0, not {protocol}",
  "socket.unknownCType":
    "unknown socket type {text}: the shell has SOCK_STREAM and SOCK_DGRAM",
  "socket.unknownDomain":
    "unknown domain {text}: choose AF_INET, AF_INET6 or AF_UNIX",
  "socket.unknownType":
    "unknown socket type {text}: choose tcp, udp, tcp6, udp6, unix or unix-dgram",
  "spawn.started": "pid {pid}, in its own process group",
  "starttls.agreed":
    "agreed: {hasVersion, select, yes {protocol {version}, } other {}}{hasCipher, select, yes {cipher {cipher}, } other {}}ALPN {hasAlpn, select, yes {{alpn}} other {none agreed}}",
  "starttls.alreadyTls": "socket {fd} already speaks TLS",
  "starttls.cannotRead": "{option} {file} cannot be read ({error})",
  "starttls.clientOnly":
    "-k, --ca and a server name are for the client's side, not with -s",
  "starttls.closed": "{detail}; the connection is closed",
  "starttls.failedClosed": "the failed TLS handshake closed the connection",
  "starttls.keyEncrypted":
    "{option} {file}: the key is encrypted and starttls cannot ask its passphrase: openssl pkey -in {path} -out key.pem writes it unencrypted",
  "starttls.listening":
    "socket {fd} is listening: starttls -s goes on a socket accept returned",
  "starttls.needsValue": "option {option} needs a value",
  "starttls.noName":
    "no name checked: the certificate's chain alone was verified (starttls NAME checks its name too)",
  "starttls.notPem":
    "{option} {file} is not PEM (no -----BEGIN ...----- line): if it is DER, {convert} converts it",
  "starttls.overTcp": "TLS runs over TCP (DTLS has no Deno equivalent)",
  "starttls.pemEmpty": "{option} {file} is empty",
  "starttls.pemHolds":
    "{option} {file} holds {found}, not {want, select, key {a private key} other {a certificate}}",
  "starttls.peerCertificate":
    "peer certificate: subject {subject}; issuer {issuer}; expires {expires}",
  "starttls.readPending":
    "an interrupted recv's read is still waiting on this socket: TLS cannot start under it (recv what it brings, or close)",
  "starttls.server": "TLS server: the client's handshake is done",
  "starttls.serverNeedsCert": "-s needs --cert FILE and --key FILE",
  "starttls.serverOnly":
    "--cert and --key are for the server's side (-s): client certificates are not supported",
  "starttls.skippedFailed": "verification skipped: it would have failed: {why}",
  "starttls.skippedPassed":
    "verification skipped (-k): the certificate would have passed",
  "starttls.unixPeer": "the Unix socket's peer",
  "starttls.unknownOption":
    "unknown option {option} (options: -s -k -t --ca --alpn --cert --key)",
  "starttls.unread":
    "{n, plural, one {# byte received before the handshake is not read yet: recv it first} other {# bytes received before the handshake are not read yet: recv them first}}",
  "starttls.unverified": "TLS to {name}, NOT verified (-k)",
  "starttls.verifiedCa": "TLS to {name}, verified against {ca}",
  "starttls.verifiedRoots":
    "TLS to {name}, verified against the system's roots",
  "trace.onOff": "trace takes on or off, not {text}",
  "transfer.afterReceived":
    "{hasDetail, select, yes {{detail} (after {n, plural, one {# byte} other {# bytes}}, written to {file})} other {after {n, plural, one {# byte} other {# bytes}}, written to {file}}}",
  "transfer.readFailed":
    "the first {n, plural, one {# byte} other {# bytes}} of {file} were sent before the read failed",
  "transfer.writeFailed":
    "{file} holds the first {written, plural, one {# byte} other {# bytes}}: the {lost, plural, one {# byte} other {# bytes}} received after them could not be written, and are lost",
  "transfer.afterSent":
    "{hasDetail, select, yes {{detail} (after {n, plural, one {# byte} other {# bytes}})} other {after {n, plural, one {# byte} other {# bytes}} sent}}",
  "transfer.cannotOpen":
    "-f {file} cannot be {how, select, read {read} other {written}} ({error})",
  "transfer.fileAlone":
    "-f FILE sends the file alone: no text, -r, -n, -c or -C",
  "transfer.forRecv":
    "{from, select, yes {-f and -a are for recv} other {-a goes with -f FILE}}",
  "transfer.interrupted":
    "interrupted by Ctrl-C after {n, plural, one {# byte} other {# bytes}}",
  "transfer.noFiles": "files cannot be opened in this shell",
  "transfer.progress": "  {size}  {rate}/s",
  "transfer.sent":
    "the whole file, in {calls, plural, one {# send} other {# sends}} of up to {chunk}",
  "transfer.size":
    "{n} {unit, select, B {B} KiB {KiB} MiB {MiB} GiB {GiB} other {TiB}}",
  "transfer.streamsOnly": "-f is for streams: send a datagram with its text",
  "transfer.streamsOnlyRecv":
    "-f is for streams: recvfrom takes one datagram at a time",
  "transfer.written":
    "written to {file} in {calls, plural, one {# recv call} other {# recv calls}}, {why, select, oneRead {one read} eof {until end of stream} other {{n, plural, one {# byte asked} other {# bytes asked}}}}",
  "use.noSocket": "no socket has descriptor {fd} (open: {open})",
  "use.noneOpen": "no socket has descriptor {fd} (none is open)",
  "talk.noInput":
    "no lines to send here: run talk at the prompt, or with commands piped on standard input (not in -c or a script file)",
  "talk.notConnected":
    "descriptor {fd} {how, select, listening {is listening (accept gives a connected socket)} connecting {is still connecting} stream {is not connected (connect it first)} other {has no peer (connect it to one first)}}: talk needs a connected socket",
  "talk.start":
    "talk on {fd}: each line goes out with {ending} as you type it; ~. or Ctrl-C or Ctrl-D to leave",
  "talk.awaitClose":
    "talk on {fd}: end of input without ~.: what the peer sends shows until it closes, as with nc (Ctrl-C leaves)",
  "talk.peerClosed":
    "the peer closed the connection (end of stream on {fd}): talk ends",
  "talk.unsent":
    "{n, plural, one {# line was not sent: the connection had ended} other {# lines were not sent: the connection had ended}}",
  "view.takes": "view takes quoted, lines or hex, not {text}",
  "wait.interrupted": "interrupted",
  "wait.timeout": "the program did not exit within {s} s: it is still running",
  // ── the shell core, the network backends, the script language ──
  "shell.unknownCommand": "unknown command (help lists them)",
  "shell.unknownCommandDidYouMean":
    'unknown command: did you mean "{best}"? (help lists them)',
  "shell.takesNoFd": "{name} takes no descriptor ({word})",
  "shell.badFd": "bad descriptor {word}: write @ and a number, as in @4",
  "shell.internalError": "internal error: {message}",
  "shell.exitCut":
    "on exit, {n, plural, one {descriptor {fds} still had bytes} other {descriptors {fds} still had bytes}} going out after {s} s: the peer was not reading, the rest was dropped",
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
    "{what, select, backlog {backlog} byteCount {byte count} descriptor {descriptor} exitStatus {exit status} length {length} repeatCount {repeat count} segmentSize {segment size} timeoutMs {timeout (ms)} other {{what}}} must be a whole number from {min} to {max}, not {text}",
  "shell.badTimeout":
    "timeout must be a number of seconds up to 86400, not {text}",
  "shell.wrongFamily":
    "{host} is an IPv{literal} address but this is an {domain} socket",
  "shell.noAddressOfFamily": "{host} has no IPv{family} address",
  "shell.interrupted": "interrupted by Ctrl-C",
  "shell.fileInterrupted":
    "{why} while waiting for {file} (a FIFO's open waits for a process at its other end)",
  "shell.noAnswer":
    "no answer within {seconds} s{how, select, rcvtimeo { (SO_RCVTIMEO)} other {}}",
  "shell.wouldBlock":
    "{what, select, accept {no connection waiting} other {nothing to read}} {why, select, flag {and MSG_DONTWAIT does not wait} other {on a non-blocking socket (O_NONBLOCK)}}; EWOULDBLOCK is the same errno",
  "shell.note": "note: {text}",
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
  "script.tryNeedsCommand":
    "try needs a command after it, as in: try recv -> m",
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
  "script.payloadTooLarge":
    "payload too large: {n, plural, one {# byte} other {# bytes}} (at most {max})",
  "net.closed": "the socket is closed",
  "net.closedDuringCall": "the socket was closed during the call",
  "net.anotherInProgress": "another {what} is in progress",
  "net.connectionGone": "the connection is gone",
  "net.resetBeforeAccept":
    "the client reset the connection before accept took it",
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
  "net.tlsAlready": "the connection already speaks TLS",
  "net.tlsUnreadOrEnded":
    "the connection has bytes read and not taken, or has ended",
  "net.tlsEof":
    "unexpected eof while reading: the peer closed during the handshake",
  "net.tlsKeyMismatch":
    "the private key (--key) does not go with the certificate (--cert): key values mismatch, as SSL_CTX_check_private_key() says",
  "net.tlsReset": "the handshake was cut by a reset",
  "net.tlsExpired": "certificate verify failed: certificate has expired",
  "net.tlsNotYetValid":
    "certificate verify failed: certificate is not yet valid",
  "net.tlsHostname":
    "certificate verify failed: hostname mismatch (the certificate names {names})",
  "net.tlsHostnameOther":
    "certificate verify failed: hostname mismatch ({detail})",
  "net.tlsUnknownIssuer":
    "certificate verify failed: unable to get local issuer certificate (self-signed or not signed by a trusted CA: --ca FILE trusts one, -k skips the check)",
  "net.tlsWrongVersion": "wrong version number: the peer does not speak TLS",
  "net.tlsAlert":
    "the peer sent an alert: {alert}{clientCert, select, yes {: the server asks for a client certificate, which starttls does not send} other {}}",
  "net.tlsNoAlpn": "no application protocol in common (ALPN)",
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
  "check.notKept":
    "{total} bytes written in all: the {dropped} between its first MiB and its last 64 KiB were not kept",
  "check.escapedProcess": "{name} (pid {pid})",
  "check.leftBehind":
    "{n, plural, one {it left # process behind, in a session of its own (daemon(), setsid()): {list}: killed} other {it left # processes behind, in sessions of their own (daemon(), setsid()): {list}: killed}}",
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
  "check.outputHeld":
    "{ending}, but a process it started still holds its output open (a child of fork() that did not exit?)",
  "check.stdinClosed": "its standard input is closed",
  "check.programClosedStdin": "the program closed its standard input",
  "check.notExecutable": "not executable: chmod +x {path}",
  "check.noSuchFile": "no such file",
  "check.isDirectory": "a directory, not a program",
  "check.noInterpreter":
    "the script is there, but the interpreter its #! line names is not: {interpreter}",
  "check.crlfScript":
    "the script is there, but its #! line ends with \\r, Windows line endings: {interpreter} does not exist (dos2unix {path}, or sed -i 's/\\r$//' {path}, fixes it)",
  "check.notInPath":
    "not in PATH: write ./{path} for a program in this directory",
  "check.noSuchPid":
    "no program with pid {pid} was started here: spawn starts one (spawn PROGRAM ARGS -> p, then $p)",
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
  // ── the built-in checks' scenarios and hints (checks/*.sock) ──
  "checks.unknownKey": "{command} -k: no message is named {key}",
  "checks.notNameValue":
    "{command} -k: {word} is not name=value (a value for the message's placeholders)",
  "checks.tcpServer.handoutExchange":
    "the handout's exchange: a message, its acknowledgement",
  "checks.tcpServer.serverAcceptClientHint":
    "the server must accept a client, read its message, print it and answer",
  "checks.tcpServer.serverPrintsReceivedHint":
    "the server prints what it received: Voici le message que j'ai reçu : bonjour",
  "checks.tcpServer.acknowledgementWholeNewline":
    "the acknowledgement whole, its newline included",
  "checks.tcpServer.lengthByHandHint":
    'write(fd, "J\'ai reçu votre message\\n", 24) counts ç as one byte: in UTF-8 the text is 25 bytes and its newline is cut; use strlen',
  "checks.tcpServer.message1Byte":
    "the message in 1-byte segments, 50 ms apart",
  "checks.tcpServer.serverPrintedAfterHint":
    "your server printed after the first read, but the message came in 8 segments: read until the newline",
  "checks.tcpServer.clientClosesWithout":
    "a client that closes without sending anything",
  "checks.tcpServer.recvReturning0Hint":
    "recv returning 0 means the client left: end cleanly, without waiting forever or crashing",
  "checks.tcpServer.clientResetsConnection":
    "a client that resets the connection",
  "checks.tcpServer.resetMakesRecvHint":
    "a reset makes recv return -1 (ECONNRESET): report it and end, without dying of SIGPIPE or waiting forever",
  "checks.tcpServer.emptyLine": "an empty line",
  "checks.tcpServer.emptyLineStillHint":
    "an empty line is still a message: acknowledge it",
  "checks.tcpServer.bytes5000NoNewline":
    "5000 bytes with no newline, more than the buffer",
  "checks.tcpServer.messageLongerThanHint":
    "a message longer than the buffer must not overflow it: read at most sizeof buffer - 1 bytes",
  "checks.tcpServer.notUtf8": "bytes that are not UTF-8",
  "checks.tcpServer.messageBytesPrintHint":
    "a message is bytes: print what came",
  "checks.tcpServer.portErrorLine":
    "no port: an error line and a non-zero status",
  "checks.tcpServer.withoutPortServerHint":
    "without its port the server must say so on stderr and exit with a non-zero status, as the handout's does (exit(1))",
  "checks.tcpClient.handoutExchange":
    "the handout's exchange: the line typed, the answer printed",
  "checks.tcpClient.clientConnectHostHint":
    "the client must connect to the host and port it is given",
  "checks.tcpClient.clientSendLineHint":
    "the client must send the line typed, newline included",
  "checks.tcpClient.clientPrintsServerHint":
    "the client prints the server's answer",
  "checks.tcpClient.answer1Byte": "the answer in 1-byte segments, 20 ms apart",
  "checks.tcpClient.clientPrintedFirstHint":
    "your client printed the first read, but the answer came in pieces: read until the answer's end (its newline, or the server's close)",
  "checks.tcpClient.serverClosesWithout": "the server closes without answering",
  "checks.tcpClient.recvReturning0Hint":
    "recv returning 0 means the server left: end cleanly, without waiting forever or crashing",
  "checks.tcpClient.serverResetsConnection": "the server resets the connection",
  "checks.tcpClient.resetMakesRecvHint":
    "a reset makes recv return -1 (ECONNRESET): report it and end, without dying of SIGPIPE or waiting forever",
  "checks.tcpClient.keyboardClosesCtrl":
    "the keyboard closes (Ctrl-D) at once, then the server closes",
  "checks.tcpClient.endInputFgetsHint":
    "at the end of input (fgets returns NULL) the client has nothing to send: it must still end when the server closes",
  "checks.tcpClient.emptyLineTyped": "an empty line typed",
  "checks.tcpClient.emptyLineTypedHint":
    'an empty line typed is still a line: send it ("\\n")',
  "checks.tcpClient.line5000Bytes": "a line of 5000 bytes typed",
  "checks.tcpClient.lineLongerThanHint":
    "a line longer than the buffer must not overflow it: fgets with sizeof buffer, and send what was read",
  "checks.tcpClient.answerNotUtf8": "an answer that is not UTF-8",
  "checks.tcpClient.clientPrintBytesHint":
    "the client must print the bytes it received as they are",
  "checks.tcpClient.portErrorLine":
    "no port: an error line and a non-zero status",
  "checks.tcpClient.withoutPortClientHint":
    "without its port the client must say so on stderr and exit with a non-zero status (exit(1), not exit(0))",
  "checks.udpServer.handoutDatagram":
    "the handout's datagram: from, length, text",
  "checks.udpServer.listenerPrintGotHint":
    'the listener must print: got packet from 127.0.0.1, packet is 7 bytes long, packet contains "bonjour"',
  "checks.udpServer.datagram200Bytes":
    "a datagram of 200 bytes, more than the buffer",
  "checks.udpServer.recvfromMostSizeofHint":
    "recvfrom with at most sizeof buffer - 1 bytes: the rest of the datagram is discarded, never written past the buffer",
  "checks.udpServer.emptyDatagram": "an empty datagram",
  "checks.udpServer.datagram0BytesHint":
    "a datagram of 0 bytes is a datagram: recvfrom returns 0, and that is not an error",
  "checks.udpServer.datagramNotUtf8": "a datagram that is not UTF-8",
  "checks.udpServer.datagramBytesPrintHint":
    "a datagram is bytes: print what came",
  "checks.udpClient.handoutDatagram":
    "the handout's datagram: the message, then sent N bytes",
  "checks.udpClient.talkerSendMessageHint":
    "the talker must send its message (argv[2], strlen bytes) in one datagram to the host and port",
  "checks.udpClient.talkerPrintsSentHint":
    "the talker prints: sent 7 bytes to 127.0.0.1",
  "checks.udpClient.messageSpacesAccents":
    "a message with spaces and accents, in one datagram",
  "checks.udpClient.wholeMessageGoesHint":
    "the whole message goes in one sendto, its length strlen (é is 2 bytes)",
  "checks.udpClient.message1000Bytes":
    "a message of 1000 bytes, in one datagram",
  "checks.udpClient.sendtoSendsWholeHint":
    "one sendto sends the whole message: no fixed buffer that cuts it",
  "checks.udpClient.emptyMessage": "an empty message",
  "checks.udpClient.emptyMessageDatagramHint":
    "an empty message is a datagram of 0 bytes: send it, and say sent 0 bytes",
  "checks.udpClient.messageUsageLine":
    "no message: the usage line and a non-zero status",
  "checks.udpClient.withoutArgumentsTalkerHint":
    "without its arguments the talker must print its usage on stderr and exit with a non-zero status",
  "checks.ageServer.handoutDialogue": "the handout's dialogue: ali, 1983, q",
  "checks.ageServer.serverSendQuestionHint":
    "the server must send each question, then read the whole line typed, as in the handout's transcript",
  "checks.ageServer.ageWholeNumberHint":
    "the age must be a whole number: the reference year minus the year of birth",
  "checks.ageServer.lastQuestionCutHint":
    "the last question is cut or too long: a length counted by hand is wrong in UTF-8 (â, é, ç are 2 bytes): use strlen",
  "checks.ageServer.afterQServerHint":
    "after q the server closes the connection",
  "checks.ageServer.line1Byte": "each line in 1-byte segments, 50 ms apart",
  "checks.ageServer.serverAnsweredAfterHint":
    "your server answered after the first read, but each line arrived in several segments: read until the newline",
  "checks.ageServer.nameYearQ":
    "the name, the year and q joined in one segment",
  "checks.ageServer.serverReadSegmentHint":
    "your server read one segment as one line, but the name, the year and q came together: split what you read at each newline",
  "checks.ageServer.clientLeavesMid":
    "a client that leaves mid-dialogue, then another client",
  "checks.ageServer.serverGreetClientHint":
    "the server must greet each client and read its lines until the newline",
  "checks.ageServer.whenRecvReturnsHint":
    "when recv returns 0 the client has gone: end its dialogue (close, end the child) and keep serving the others",
  "checks.ageServer.clientResetsConnection":
    "a client that resets the connection, then another client",
  "checks.ageServer.resetMakesRecvHint":
    "a reset makes recv return -1 (ECONNRESET) and send raise SIGPIPE: end that client's dialogue (send with MSG_NOSIGNAL) and keep serving the others",
  "checks.ageServer.yearNumberEmpty":
    "a year that is not a number, then an empty line, then 1983",
  "checks.ageServer.abcYearAtoiHint":
    "abc is not a year: atoi gives 0 and an age computed from it; check the digits (strtol and its end pointer) and ask again",
  "checks.ageServer.emptyLineYearHint":
    "an empty line is not a year either: say so and ask again",
  "checks.ageServer.afterWrongYearHint":
    "after a wrong year the server asks again, and answers the next good one",
  "checks.ageServer.emptyName": "an empty name",
  "checks.ageServer.emptyLineStillHint":
    "an empty line is still a line: answer it (Bonjour, ) or ask again, never wait for more or crash",
  "checks.ageServer.name5000Bytes": "a name of 5000 bytes, then another client",
  "checks.ageServer.lineLongerThanHint":
    "a line longer than your buffer must not overflow it: read at most the buffer's size (fgets, recv with sizeof buffer - 1)",
  "checks.ageServer.afterLongLineHint":
    "after a long line the server must go on serving the others",
  "checks.ageServer.nameNotUtf8": "a name that is not UTF-8",
  "checks.ageServer.nameBytesSendHint":
    "a name is bytes: send back what came (no strlen on a buffer that was never terminated, no UTF-8 assumed)",
  "checks.ageServer.clients50AtOnce":
    "50 clients at once: each greeted before any answers, each its own age",
  "checks.ageServer.serverServeClientHint":
    "the server must serve each client in its own process (fork after accept) or with select/poll, not one after the other",
  "checks.ageServer.clientGetOwnHint":
    "each client must get its own answers: keep each client's data apart (no shared buffer between clients)",
  "checks.ageServer.portErrorLine":
    "no port: an error line and a non-zero status",
  "checks.ageServer.withoutPortServerHint":
    "without its port the server must say so on stderr and exit with a non-zero status, as the handout's does (exit(1))",
  "checks.ageClient.handoutDialogue":
    "the handout's dialogue: ali, 1983, q, each question shown before the keyboard is read",
  "checks.ageClient.clientConnectHostHint":
    "the client must connect to the host and port it is given",
  "checks.ageClient.clientPrintQuestionHint":
    "the client must print each question as soon as it arrives, before it waits for the keyboard (printf on a pipe is buffered: fflush(stdout), or write(1, ...))",
  "checks.ageClient.clientSendLineHint":
    "the client must send the line typed, newline included",
  "checks.ageClient.clientPrintQuestionShortHint":
    "the client must print each question as soon as it arrives, before it waits for the keyboard",
  "checks.ageClient.question1Byte":
    "each question in 1-byte segments, 20 ms apart",
  "checks.ageClient.clientAnsweredAfterHint":
    'your client answered after the first read, but the question came in pieces: read until the question\'s end (": ") before reading the keyboard',
  "checks.ageClient.serverClosesAfter": "the server closes after the name",
  "checks.ageClient.whenRecvReturnsHint":
    "when recv returns 0 the server has gone: stop and exit (a loop that reads 0 again and again spins forever)",
  "checks.ageClient.serverResetsConnection":
    "the server resets the connection after the name",
  "checks.ageClient.resetMakesRecvHint":
    "a reset makes recv return -1 (ECONNRESET): report it and exit, without dying of SIGPIPE or looping",
  "checks.ageClient.keyboardClosesCtrl":
    "the keyboard closes (Ctrl-D) at the first question",
  "checks.ageClient.endInputFgetsHint":
    "at the end of input (fgets returns NULL) the client must send nothing more: no old buffer sent again",
  "checks.ageClient.emptyLineVery":
    "an empty line, then a very long line typed",
  "checks.ageClient.emptyLineTypedHint":
    'an empty line typed is still a line: send it ("\\n")',
  "checks.ageClient.lineLongerThanHint":
    "a line longer than the buffer must not overflow it: fgets with sizeof buffer, and send what was read",
  "checks.ageClient.questionNotUtf8":
    "a question with bytes that are not UTF-8",
  "checks.ageClient.clientPrintBytesHint":
    "the client must print the bytes it received as they are (write what recv returned, not a string it assumed)",
  "checks.ageClient.portErrorLine":
    "no port: an error line and a non-zero status",
  "checks.ageClient.withoutPortClientHint":
    "without its port the client must say so on stderr and exit with a non-zero status",
} as const;
