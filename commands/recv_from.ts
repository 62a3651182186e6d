import type { CommandSpec } from "../lib/shell/command.ts";
import { receive } from "../lib/shell/receive.ts";

/** `recvfrom`: receive one datagram and learn who sent it. */
export const recvFromCommand: CommandSpec = {
  name: "recvfrom",
  usage: "recvfrom [@fd] [-t seconds] [-x] [-p] [n:integer]",
  c: "int recvfrom(int s, char *buf, int len, int flags, struct sockaddr *from, int *fromlen);",
  deno: "DatagramConn.receive() (TCP: Conn.read, from the connected peer)",
  example: "recvfrom 99",
  takesFd: true,
  run(ctx) {
    return receive(ctx, this.usage, true);
  },
};
