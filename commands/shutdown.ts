import { quoteText } from "../lib/shell/format.ts";
import {
  arity,
  call,
  type CommandImpl,
  fdText,
  interruptible,
  targetSock,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { own } from "../lib/shell/registry.ts";
import { t } from "../lib/i18n/mod.ts";

const HOW: Record<string, string> = {
  rd: "SHUT_RD",
  "0": "SHUT_RD",
  shut_rd: "SHUT_RD",
  wr: "SHUT_WR",
  "1": "SHUT_WR",
  shut_wr: "SHUT_WR",
  rdwr: "SHUT_RDWR",
  "2": "SHUT_RDWR",
  shut_rdwr: "SHUT_RDWR",
};

/** Parse `shutdown`'s HOW: rd|wr|rdwr, 0|1|2, or C's SHUT_RD|SHUT_WR|SHUT_RDWR; `wr` when absent. */
export function parseHow(text: string | undefined): string {
  const how = own(HOW, (text ?? "wr").toLowerCase());
  if (!how) {
    throw new UsageError(
      t("shutdown.badHow", { text: quoteText(text ?? "") }),
    );
  }
  return how;
}

/** `shutdown`: close one direction of a TCP connection. */
export const shutdownCommand: CommandImpl = {
  async run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const how = parseHow(ctx.args[0]?.text);
    return await call(ctx, `shutdown(${fdText(ctx)}, ${how})`, async () => {
      const s = targetSock(ctx);
      if (s.proto === "udp") {
        if (!s.peer) {
          throw new SocketError(
            "ENOTCONN",
            t("shutdown.udpNotConnected", { fd: s.fd }),
          );
        }
        throw new SocketError(
          "EOPNOTSUPP",
          t("shutdown.udp"),
        );
      }
      if (!s.conn) {
        throw new SocketError(
          "ENOTCONN",
          t("recv.notConnected", { fd: s.fd }),
        );
      }
      if (how === "SHUT_RD") {
        throw new SocketError(
          "EOPNOTSUPP",
          t("shutdown.rd"),
        );
      }
      const notes = how === "SHUT_RDWR"
        ? [
          t("shutdown.rdwr"),
        ]
        : [];
      // A chunk of an interrupted send still in flight goes before the FIN.
      await s.writesDone((p) => interruptible(p, ctx.signal, undefined));
      if (s.closed) {
        throw new SocketError(
          "EBADF",
          t("shutdown.closedMeanwhile", { fd: s.fd }),
        );
      }
      if (!s.wrShut) await s.conn.closeWrite();
      s.markWriteShut();
      return {
        ret: "0",
        annotation: t(s.conn.tls ? "shutdown.finSentTls" : "shutdown.finSent"),
        notes,
      };
    });
  },
};
