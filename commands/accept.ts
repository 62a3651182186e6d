import {
  arity,
  call,
  type CommandSpec,
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

/** `accept`: take the next connection from a listening socket, as a new descriptor. */
export const acceptCommand: CommandSpec = {
  name: "accept",
  usage: "accept [@fd] [-t seconds]",
  c: "int accept(int socket, struct sockaddr *addr, int *addrlen);",
  deno: "Listener.accept()",
  example: "accept",
  takesFd: true,
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { t: "value" }, true);
    arity(rest, 0, 0, this.usage);
    const timeout = parseTimeout(opts.t);
    return await call(ctx, `accept(${fdText(ctx)})`, async () => {
      const s = targetSock(ctx);
      if (s.proto === "udp") {
        throw new SocketError(
          "EOPNOTSUPP",
          "accept is for TCP: UDP has no connections",
        );
      }
      if (!s.listener) {
        throw new SocketError(
          "EINVAL",
          `socket ${s.fd} is not listening: call listen first`,
        );
      }
      const conn = await s.takeConnection((p) =>
        s.nonblocking
          ? nonBlocking(p, "no connection waiting")
          : interruptible(p, ctx.signal, timeout)
      );
      const child = ctx.shell.table.open("tcp", s.family);
      child.conn = conn;
      const notes: string[] = [];
      // As on Linux, the connection inherits these from the listening socket.
      for (const name of ["TCP_NODELAY", "SO_KEEPALIVE", "SO_LINGER"]) {
        const opt = s.opts.get(name);
        if (!opt) continue;
        try {
          await conn.setOption(opt);
          child.opts.set(name, opt);
        } catch (e) {
          notes.push(`${name} not inherited: ${toSocketError(e).message}`);
        }
      }
      ctx.scope.current = child.fd;
      const peer = fmtAddr(conn.remote);
      return {
        ret: String(child.fd),
        annotation: `peer ${peer}`,
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
