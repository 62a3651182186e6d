import type { CommandSpec } from "../lib/shell/command.ts";
import { receive } from "../lib/shell/receive.ts";

/** `recv`: read what has arrived, up to N bytes. */
export const recvCommand: CommandSpec = {
  name: "recv",
  usage:
    "recv [@fd] [-t seconds] [-x] [-p] [-l | -u delim | -f FILE [-a]] [n:integer]",
  summary: "Receive up to N bytes (255 by default); 0 means the peer closed",
  c: "int recv(int socket, char *buffer, int len, int flags);",
  deno: "Conn.read(buffer) (UDP: DatagramConn.receive)",
  example: "recv",
  takesFd: true,
  details: [
    "Blocks until data arrives. It returns what is there, up to N: one send is not one recv.",
    "-x shows the bytes in hex, -p peeks (MSG_PEEK: the bytes stay for the next recv),",
    "-t SECONDS gives up with EAGAIN; Ctrl-C interrupts with EINTR and nothing is lost.",
    "-l reads a line and -u DELIM up to DELIM (both kept in the data), as a C loop of recv calls would:",
    "what a line-based protocol needs, since a stream keeps no message boundaries;",
    "-> x then gives $x.before, the data without its delimiter.",
    "UDP: one datagram, cut to N bytes as in C; on a connected UDP socket, only the peer's.",
    "On a non-blocking socket (fcntl F_SETFL O_NONBLOCK) it returns -1 EAGAIN at once when nothing is there.",
    "-f FILE writes what arrives to FILE instead of showing it: one read, N bytes (a loop of recv calls),",
    "or with -a everything until end of stream; memory stays bounded. The file is truncated first.",
  ],
  run(ctx) {
    return receive(ctx, this.usage, false);
  },
};
