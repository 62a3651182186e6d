import { quoteText } from "../lib/shell/format.ts";
import {
  arity,
  call,
  type CommandSpec,
  fdText,
  interruptible,
  targetSock,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { own } from "../lib/shell/registry.ts";

const HOW: Record<string, string> = {
  rd: "SHUT_RD",
  "0": "SHUT_RD",
  wr: "SHUT_WR",
  "1": "SHUT_WR",
  rdwr: "SHUT_RDWR",
  "2": "SHUT_RDWR",
};

/** Parse `shutdown`'s HOW: rd|wr|rdwr or 0|1|2; `wr` when absent. */
export function parseHow(text: string | undefined): string {
  const how = own(HOW, (text ?? "wr").toLowerCase());
  if (!how) {
    throw new UsageError(
      `how must be rd, wr, rdwr (or 0, 1, 2), not ${quoteText(text ?? "")}`,
    );
  }
  return how;
}

/** `shutdown`: close one direction of a TCP connection. */
export const shutdownCommand: CommandSpec = {
  name: "shutdown",
  usage: "shutdown [@fd] [rd|wr|rdwr|0|1|2]",
  c: "int shutdown(int socket, int how);",
  deno: "Conn.closeWrite() for wr; rd has no Deno equivalent",
  example: "shutdown wr",
  complete: ["rd", "wr", "rdwr"],
  takesFd: true,
  async run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const how = parseHow(ctx.args[0]?.text);
    return await call(ctx, `shutdown(${fdText(ctx)}, ${how})`, async () => {
      const s = targetSock(ctx);
      if (s.proto === "udp") {
        if (!s.peer) {
          throw new SocketError(
            "ENOTCONN",
            `UDP socket ${s.fd} is not connected`,
          );
        }
        throw new SocketError(
          "EOPNOTSUPP",
          "shutdown of a UDP socket has no Deno equivalent",
        );
      }
      if (!s.conn) {
        throw new SocketError("ENOTCONN", `socket ${s.fd} is not connected`);
      }
      if (how === "SHUT_RD") {
        throw new SocketError(
          "EOPNOTSUPP",
          "SHUT_RD has no Deno equivalent (use shutdown wr, or close)",
        );
      }
      const notes = how === "SHUT_RDWR"
        ? [
          "only the writing half was shut: SHUT_RD has no Deno equivalent (close releases both)",
        ]
        : [];
      // A chunk of an interrupted send still in flight goes before the FIN.
      await s.writesDone((p) => interruptible(p, ctx.signal, undefined));
      if (s.closed) {
        throw new SocketError("EBADF", `socket ${s.fd} was closed meanwhile`);
      }
      if (!s.wrShut) await s.conn.closeWrite();
      s.markWriteShut();
      return {
        ret: "0",
        annotation: s.conn.tls
          ? "close_notify and FIN sent: the peer will read end of stream"
          : "FIN sent: the peer will read end of stream",
        notes,
      };
    });
  },
};
