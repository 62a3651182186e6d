import type { CommandSpec } from "../lib/shell/command.ts";
import { receive } from "../lib/shell/receive.ts";

/** `recv`: read what has arrived, up to N bytes. */
export const recvCommand: CommandSpec = {
  name: "recv",
  usage:
    "recv [@fd] [-t seconds] [-x] [-p] [-l | -u delim | -f FILE [-a]] [n:integer]",
  c: "int recv(int socket, char *buffer, int len, int flags);",
  deno: "Conn.read(buffer) (UDP: DatagramConn.receive)",
  example: "recv",
  takesFd: true,
  run(ctx) {
    return receive(ctx, this.usage, false);
  },
};
