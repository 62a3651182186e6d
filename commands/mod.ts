/**
 * The registry: every command, by name, with its declaration (name, usage,
 * C prototype, Deno call, example...). Help, completion and "did you mean"
 * are generated from it.
 *
 * A command's implementation is its module here (`send.ts` exports
 * `sendCommand`, its `run`), imported on the command's first run by its
 * entry's `load`: start-up loads none of them, a session only those it uses.
 * A new command is one entry below and one module.
 *
 * @module
 */

import { type CommandEntry, lazyCommands } from "../lib/shell/registry.ts";
import { type CommandSpec, VIEWS } from "../lib/shell/command.ts";
import { LOG_MAX } from "../lib/teach/teach.ts";
import { MAX_RUN_DEPTH, MAX_SCRIPT_BYTES } from "../lib/script/script.ts";
import { OPTIONS } from "../lib/shell/sockopt.ts";
import { builtInReplays } from "../replays/mod.ts";
import { builtInChecks } from "../checks/mod.ts";

/** Every command's entry, in the order `help` lists them (the order of a session). */
const ENTRIES: readonly CommandEntry[] = [
  {
    name: "socket",
    usage:
      "socket <tcp|udp|tcp6|udp6|unix|unix-dgram> | socket <AF_INET|AF_INET6|AF_UNIX> <SOCK_STREAM|SOCK_DGRAM> [0]",
    c: "int socket(int domain, int type, int protocol);",
    deno:
      "none yet: Deno opens the socket at listen, connect or listenDatagram",
    example: "socket tcp",
    complete: ["tcp", "udp", "tcp6", "udp6", "unix", "unix-dgram"],
    load: async () => (await import("./socket.ts")).socketCommand,
  },
  {
    name: "bind",
    usage: "bind [@fd] [host] <port:integer> | bind [@fd] <path>",
    c: "int bind(int sockfd, struct sockaddr *myaddr, int addrlen);",
    deno:
      "TCP: checked now, opened by Deno.listen at listen; UDP: Deno.listenDatagram",
    example: "bind 4950",
    takesFd: true,
    load: async () => (await import("./bind.ts")).bindCommand,
  },
  {
    name: "listen",
    usage: "listen [@fd] [backlog:integer]",
    c: "int listen(int socket, int backlog);",
    deno: "Deno.listen({ hostname, port, tcpBacklog })",
    example: "listen 5",
    takesFd: true,
    load: async () => (await import("./listen.ts")).listenCommand,
  },
  {
    name: "accept",
    usage: "accept [@fd] [-t seconds]",
    c: "int accept(int socket, struct sockaddr *addr, int *addrlen);",
    deno: "Listener.accept()",
    example: "accept",
    takesFd: true,
    load: async () => (await import("./accept.ts")).acceptCommand,
  },
  {
    name: "connect",
    usage:
      "connect [@fd] [-t seconds] [-w seconds] <host> <port:integer> | connect [@fd] <path>",
    c: "int connect(int socket, struct sockaddr *addr, int addrlen);",
    deno:
      "TCP: Deno.connect({ hostname, port, signal }); UDP: none (the peer is remembered)",
    example: "connect localhost 4950",
    takesFd: true,
    load: async () => (await import("./connect.ts")).connectCommand,
  },
  {
    name: "starttls",
    usage:
      "starttls [@fd] [-t seconds] [-k] [--ca FILE] [--alpn PROTO] [servername] | starttls [@fd] -s --cert FILE --key FILE",
    c: "int SSL_connect(SSL *ssl); int SSL_accept(SSL *ssl);",
    deno:
      "node:tls TLSSocket over the connection (Deno.startTls loses data at close)",
    example: "starttls --ca cert.pem localhost",
    takesFd: true,
    load: async () => (await import("./starttls.ts")).starttlsCommand,
  },
  {
    name: "send",
    aliases: ["write"],
    usage:
      "send [@fd] [-C] [-r count] [-n len] [-t s] [-c size [-d seconds]] <text...> | send [@fd] -f FILE",
    c: "int send(int socket, char *buffer, int len, int flags);",
    deno: "Conn.write(bytes) (UDP: DatagramConn.send to the connected peer)",
    example: 'send "hello\\n"',
    takesFd: true,
    load: async () => (await import("./send.ts")).sendCommand,
  },
  {
    name: "recv",
    usage:
      "recv [@fd] [-t seconds] [-x] [-p] [-l | -u delim | -f FILE [-a]] [n:integer [flags]]",
    c: "int recv(int socket, char *buffer, int len, int flags);",
    deno: "Conn.read(buffer) (UDP: DatagramConn.receive)",
    example: "recv",
    takesFd: true,
    load: async () => (await import("./recv.ts")).recvCommand,
  },
  {
    name: "talk",
    usage: "talk [@fd] [-C] [-q]",
    c: "poll(fds, 2, -1); recv(fd, buf, len, 0); send(fd, line, len, 0); /* nc's loop */",
    deno: "Conn.read and Conn.write (UDP: DatagramConn.receive and send)",
    example: "talk -C",
    takesFd: true,
    load: async () => (await import("./talk.ts")).talkCommand,
  },
  {
    name: "sendto",
    usage:
      "sendto [@fd] [-r count] <host> <port:integer> <text...> | sendto [@fd] <path> <text...>",
    c: "int sendto(int s, char *buf, int len, int flags, struct sockaddr *to, int tolen);",
    deno: "DatagramConn.send(bytes, { hostname, port })",
    example: 'sendto localhost 4950 "hello"',
    takesFd: true,
    load: async () => (await import("./send_to.ts")).sendToCommand,
  },
  {
    name: "recvfrom",
    usage: "recvfrom [@fd] [-t seconds] [-x] [-p] [n:integer [flags]]",
    c: "int recvfrom(int s, char *buf, int len, int flags, struct sockaddr *from, int *fromlen);",
    deno: "DatagramConn.receive() (TCP: Conn.read, from the connected peer)",
    example: "recvfrom 99",
    takesFd: true,
    load: async () => (await import("./recv_from.ts")).recvFromCommand,
  },
  {
    name: "poll",
    usage: "poll [-t ms] [fd[:in|out|inout]...]",
    c: "int poll(struct pollfd *fds, nfds_t nfds, int timeout);",
    deno:
      "no Deno equivalent: sockshell races its one pending read/accept per socket",
    example: "poll -t 2000 3 4 5",
    complete: ["-t"],
    load: async () => (await import("./poll.ts")).pollCommand,
  },
  {
    name: "select",
    usage: "select [-t seconds] <fd...>",
    c: "int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout);",
    deno:
      "no Deno equivalent: sockshell races its one pending read/accept per socket",
    example: "select -t 2 3 5",
    complete: ["-t"],
    load: async () => (await import("./select.ts")).selectCommand,
  },
  {
    name: "fcntl",
    usage: "fcntl [@fd] F_GETFL | F_SETFL <O_NONBLOCK|0>",
    c: "int fcntl(int fd, int cmd, ... /* int arg */);",
    deno:
      "none: O_NONBLOCK is the shell's, on top of Deno's calls (which never block the process)",
    example: "fcntl F_SETFL O_NONBLOCK",
    takesFd: true,
    complete: ["F_GETFL", "F_SETFL"],
    load: async () => (await import("./fcntl.ts")).fcntlCommand,
  },
  {
    name: "shutdown",
    usage: "shutdown [@fd] [rd|wr|rdwr|0|1|2|SHUT_RD|SHUT_WR|SHUT_RDWR]",
    c: "int shutdown(int socket, int how);",
    deno: "Conn.closeWrite() for wr; rd has no Deno equivalent",
    example: "shutdown wr",
    complete: ["rd", "wr", "rdwr"],
    takesFd: true,
    load: async () => (await import("./shutdown.ts")).shutdownCommand,
  },
  {
    name: "close",
    usage: "close [@fd | fd]",
    c: "int close(int socket);",
    deno: "Conn.close() / Listener.close() / DatagramConn.close()",
    example: "close",
    takesFd: true,
    load: async () => (await import("./close.ts")).closeCommand,
  },
  {
    name: "setsockopt",
    usage: "setsockopt [@fd] [level] <name> <value...>",
    c: "int setsockopt(int s, int level, int optname, const void *optval, socklen_t optlen);",
    deno:
      "TcpConn.setNoDelay/setKeepAlive; Deno.listen({ reusePort }); Deno.listenDatagram({ reuseAddress, loopback }); DatagramConn.joinMulticastV4",
    example: "setsockopt SO_BROADCAST 1",
    takesFd: true,
    complete: Object.keys(OPTIONS),
    load: async () => (await import("./setsockopt.ts")).setsockoptCommand,
  },
  {
    name: "getsockopt",
    usage: "getsockopt [@fd] [level] <name>",
    c: "int getsockopt(int s, int level, int optname, void *optval, socklen_t *optlen);",
    deno:
      "none: the shell shows what was set and what the runtime set itself (Node: dgram getRecvBufferSize)",
    example: "getsockopt SO_TYPE -> t",
    takesFd: true,
    complete: Object.keys(OPTIONS),
    load: async () => (await import("./getsockopt.ts")).getsockoptCommand,
  },
  {
    name: "getsockname",
    usage: "getsockname [@fd]",
    c: "int getsockname(int s, struct sockaddr *name, socklen_t *namelen);",
    deno:
      "Listener.addr / Conn.localAddr / DatagramConn.addr (Node: server.address(), socket.localAddress/localPort)",
    example: "getsockname -> me",
    takesFd: true,
    load: async () => (await import("./getsockname.ts")).getsocknameCommand,
  },
  {
    name: "getpeername",
    usage: "getpeername [@fd]",
    c: "int getpeername(int s, struct sockaddr *name, socklen_t *namelen);",
    deno: "Conn.remoteAddr (Node: socket.remoteAddress/remotePort)",
    example: "getpeername -> peer",
    takesFd: true,
    load: async () => (await import("./getpeername.ts")).getpeernameCommand,
  },
  {
    name: "gethostbyname",
    usage: "gethostbyname [-6] <name>",
    c: "struct hostent *gethostbyname(const char *name);",
    deno: "node:dns lookup(), which is getaddrinfo(3)",
    example: "gethostbyname localhost",
    load: async () => (await import("./gethostbyname.ts")).gethostbynameCommand,
  },
  {
    name: "getaddrinfo",
    usage: "getaddrinfo [-4|-6] [-s stream|dgram] [-P] [name|-] [service]",
    c: "int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints, struct addrinfo **res);",
    deno:
      "node:dns lookup(name, { all: true, verbatim: true }) (getaddrinfo(3) itself, in its order); services from /etc/services",
    example: "getaddrinfo localhost 4950",
    complete: ["-4", "-6", "-s", "-P", "localhost"],
    load: async () => (await import("./getaddrinfo.ts")).getaddrinfoCommand,
  },
  {
    name: "getnameinfo",
    usage: "getnameinfo [-d] [-n] <address> [port:integer]",
    c: "int getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host, socklen_t hostlen, char *serv, socklen_t servlen, int flags);",
    deno:
      "node:dns lookupService(address, port) (getnameinfo(3) with NI_NAMEREQD); services from /etc/services",
    example: "getnameinfo 127.0.0.1 22",
    complete: ["-d", "-n", "127.0.0.1", "::1"],
    load: async () => (await import("./getnameinfo.ts")).getnameinfoCommand,
  },
  {
    name: "ls",
    kind: "shell",
    usage: "ls",
    c: "(no call: what ss -tuanp shows for this process)",
    deno: "none: read from the shell's descriptor table",
    example: "ls",
    load: async () => (await import("./ls.ts")).lsCommand,
  },
  {
    name: "use",
    kind: "shell",
    usage: "use <fd:integer>",
    c: "(no call: in C you pass the descriptor to every call)",
    deno: "none",
    example: "use 3",
    // So that `use @4` works like `close @4`: the shell takes the @FD off, and it is the argument.
    takesFd: true,
    load: async () => (await import("./use.ts")).useCommand,
  },
  {
    name: "run",
    kind: "shell",
    usage: "run [-v] [-p] [-d] [name|file] [args...]",
    c: "(no call: ./server 4950, as the handout runs its programs)",
    deno: "none: the script's commands make the calls",
    example: "run tcp-server 4950",
    helpValues: { maxBytes: MAX_SCRIPT_BYTES, maxDepth: MAX_RUN_DEPTH },
    complete: Object.keys(builtInReplays),
    load: async () => (await import("./run.ts")).runCommand,
  },
  {
    name: "check",
    kind: "shell",
    usage:
      "check [--json] [--port N] [-p] <exercise|file.sock> <program> [args...]",
    c: "(no call: ./server 4950, and the other side played by the shell)",
    deno: "node:child_process (needs --allow-run) and the shell's own sockets",
    example: "check age-server ./a.out",
    complete: Object.keys(builtInChecks),
    load: async () => (await import("./check.ts")).checkCommand,
  },
  {
    name: "spawn",
    kind: "shell",
    usage: "spawn [-i text] <program> [args...]",
    c: "pid_t fork(void); int execvp(const char *file, char *const argv[]);",
    deno: "node:child_process spawn (needs --allow-run)",
    example: "spawn ./server 4950 -> p",
    load: async () => (await import("./spawn.ts")).spawnCommand,
  },
  {
    name: "wait",
    kind: "shell",
    usage: "wait [-t seconds] <pid>",
    c: "pid_t waitpid(pid_t pid, int *status, int options);",
    deno:
      "node:child_process 'exit' event, then its output read to the pipes' close",
    example: "wait -t 2 $p -> p",
    load: async () => (await import("./wait.ts")).waitCommand,
  },
  {
    name: "input",
    kind: "shell",
    usage: "input [-c] [-r count] <pid> [text...]",
    c: "ssize_t write(int fd, const void *buf, size_t count); /* the program's stdin */",
    deno: "ChildProcess.stdin.write",
    example: 'input $p "ali\\n"',
    load: async () => (await import("./input.ts")).inputCommand,
  },
  {
    name: "output",
    kind: "shell",
    usage: "output [-t seconds] [-e] [-u text] <pid>",
    c: "(no call: the read end of the program's stdout pipe)",
    deno: "ChildProcess.stdout 'data' events",
    example: 'output -t 2 -u "nom: " $p -> o',
    load: async () => (await import("./output.ts")).outputCommand,
  },
  {
    name: "sleep",
    kind: "shell",
    usage: "sleep <seconds>",
    c: "int usleep(useconds_t usec);",
    deno: "AbortSignal.timeout",
    example: "sleep 0.05",
    load: async () => (await import("./sleep.ts")).sleepCommand,
  },
  {
    name: "hint",
    kind: "shell",
    usage: "hint <text...> | hint -k <key> [name=value...]",
    c: "(no call)",
    deno: "none",
    example:
      'hint "your server answered after the first read: read until the newline"',
    load: async () => (await import("./hint.ts")).hintCommand,
  },
  {
    name: "record",
    kind: "shell",
    usage: "record [-a|-f] <file|stop>",
    c: "(no call: script(1))",
    deno: "none",
    example: "record session.sock",
    complete: ["stop"],
    load: async () => (await import("./record.ts")).recordCommand,
  },
  {
    name: "set",
    kind: "shell",
    usage: "set <name> [text...]",
    c: "(no call: a C variable)",
    deno: "none",
    example: "set port ${1:-4950}",
    load: async () => (await import("./set.ts")).setCommand,
  },
  {
    name: "let",
    kind: "shell",
    usage: "let <name> = <expression>",
    c: "(no call: int age = 2005 - annee;)",
    deno: "none",
    example: "let age = $year - $birth.line",
    load: async () => (await import("./let.ts")).letCommand,
  },
  {
    name: "print",
    kind: "shell",
    usage: "print [-n] [-e] [text...]",
    c: "int printf(const char *format, ...);",
    deno: "none",
    example: 'print "packet is $buf.n bytes long"',
    load: async () => (await import("./print.ts")).printCommand,
  },
  {
    name: "read",
    kind: "shell",
    usage: "read [-p prompt] [-e] <name>",
    c: "char *fgets(char *s, int size, FILE *stdin);",
    deno: "none (the terminal, or standard input)",
    example: 'read -p "Entrez le message à envoyer : " msg',
    load: async () => (await import("./read.ts")).readCommand,
  },
  {
    name: "expect",
    kind: "shell",
    usage: "expect <condition>",
    c: "(no call: assert(3))",
    deno: "none",
    example: 'expect "$msg" == "hello\\n"',
    load: async () => (await import("./expect.ts")).expectCommand,
  },
  {
    name: "trace",
    kind: "shell",
    usage: "trace <on|off>",
    c: "(no call: strace -e trace=network)",
    deno: "none",
    example: "trace off",
    complete: ["on", "off"],
    load: async () => (await import("./trace.ts")).traceCommand,
  },
  {
    name: "explain",
    kind: "shell",
    usage: "explain [on|off]",
    c: "(no call: the handout's {protocole, port local, adresse locale, port éloigné, adresse éloignée})",
    deno: "none",
    example: "explain on",
    complete: ["on", "off"],
    load: async () => (await import("./explain.ts")).explainCommand,
  },
  {
    name: "diagram",
    kind: "shell",
    usage: "diagram [-f] [file.svg|file.html|reset]",
    c: "(no call: the handout's figures of the TCP and UDP call sequences)",
    deno: "none",
    example: "diagram report.svg",
    helpValues: { logMax: LOG_MAX },
    complete: ["reset"],
    load: async () => (await import("./diagram.ts")).diagramCommand,
  },
  {
    name: "view",
    kind: "shell",
    usage: "view [quoted|lines|hex]",
    c: "(no call: how the shell prints the buffer recv filled)",
    deno: "none",
    example: "view lines",
    complete: [...VIEWS],
    load: async () => (await import("./view.ts")).viewCommand,
  },
  {
    name: "help",
    kind: "shell",
    usage: "help [command]",
    c: "(no call: man 2 socket, man 2 bind, ...)",
    deno: "none",
    example: "help recv",
    load: async () => (await import("./help.ts")).helpCommand,
  },
  {
    name: "exit",
    kind: "shell",
    aliases: ["quit"],
    usage: "exit [status:integer]",
    c: "void exit(int status);",
    deno: "every resource's close()",
    example: "exit",
    load: async () => (await import("./exit.ts")).exitCommand,
  },
];

/** Every built-in command, by name, in the order `help` lists them. */
export const builtInCommands: Readonly<Record<string, CommandSpec>> =
  lazyCommands(ENTRIES);
