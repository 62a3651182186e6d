import type { CommandSpec } from "../lib/shell/command.ts";
import { receive } from "../lib/shell/receive.ts";

/** `recvfrom`: receive one datagram and learn who sent it. */
export const recvFromCommand: CommandSpec = {
  name: "recvfrom",
  usage: "recvfrom [@fd] [-t seconds] [-x] [-p] [n:integer]",
  summary:
    "Receive one datagram (up to N bytes, 255 by default) and its sender's address",
  c: "int recvfrom(int s, char *buf, int len, int flags, struct sockaddr *from, int *fromlen);",
  deno: "DatagramConn.receive() (TCP: Conn.read, from the connected peer)",
  example: "recvfrom 99",
  takesFd: true,
  details: [
    "As the handout's listener: blocks for one datagram; a longer one is cut to N and the rest is lost.",
    "-x hex, -p peek, -t SECONDS timeout (EAGAIN); Ctrl-C interrupts (EINTR).",
    "On a non-blocking socket (fcntl F_SETFL O_NONBLOCK) it returns -1 EAGAIN at once when nothing is there.",
  ],
  run(ctx) {
    return receive(ctx, this.usage, true);
  },
};
