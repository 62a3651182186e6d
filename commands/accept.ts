import {
  arity,
  call,
  type CommandImpl,
  fdText,
  interruptible,
  nonBlocking,
  parseOptions,
  parseTimeout,
  targetSock,
} from "../lib/shell/command.ts";
import { SocketError, toSocketError } from "../lib/net/errno.ts";
import { fmtAddr } from "../lib/shell/format.ts";
import { addrValue } from "../lib/shell/unix.ts";
import { t } from "../lib/i18n/mod.ts";

/** `accept`: take the next connection from a listening socket, as a new descriptor. */
export const acceptCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { t: "value" }, true);
    arity(rest, 0, 0, this.usage);
    const timeout = parseTimeout(opts.t);
    return await call(ctx, `accept(${fdText(ctx)})`, async () => {
      const s = targetSock(ctx);
      if (s.proto === "udp") {
        throw new SocketError(
          "EOPNOTSUPP",
          t("accept.udp"),
        );
      }
      if (!s.listener) {
        throw new SocketError(
          "EINVAL",
          t("accept.notListening", { fd: s.fd }),
        );
      }
      const conn = await s.takeConnection((p) =>
        s.nonblocking
          ? nonBlocking(p, "accept")
          : interruptible(p, ctx.signal, timeout)
      );
      const child = ctx.shell.table.open("tcp", s.family);
      child.conn = conn;
      // Its state is Linux's: closed, no peer for getpeername.
      if (conn.peerUnknown) child.reset = true;
      const notes: string[] = [];
      // As on Linux, the connection inherits these from the listening socket.
      for (const name of ["TCP_NODELAY", "SO_KEEPALIVE", "SO_LINGER"]) {
        const opt = s.opts.get(name);
        if (!opt) continue;
        try {
          await conn.setOption(opt);
          child.opts.set(name, opt);
        } catch (e) {
          notes.push(
            t("accept.notInherited", {
              option: name,
              reason: toSocketError(e).message,
            }),
          );
        }
      }
      ctx.scope.current = child.fd;
      const peer = fmtAddr(conn.remote);
      return {
        ret: String(child.fd),
        // Said only when shown: a loop of these pays no message.
        annotation: !ctx.scope.trace
          ? undefined
          : conn.peerUnknown
          ? t("accept.peerReset", { runtime: ctx.shell.net.name })
          : t("accept.peer", { addr: peer }),
        notes,
        value: {
          "": child.fd,
          peer,
          ...addrValue(conn.remote),
        },
      };
    });
  },
};
