import {
  addrArgs,
  anyAddr,
  arity,
  call,
  type CallOk,
  type CommandImpl,
  type CommandResult,
  type Context,
  fdText,
  targetSock,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import { ipSock, isIp, type Sock } from "../lib/shell/fdtable.ts";
import { fmtAddr, fmtSockaddrUn } from "../lib/shell/format.ts";
import type { SockAddr } from "../lib/net.ts";
import { recorded } from "../lib/shell/sockopt.ts";
import { unixPath, unixSock } from "../lib/shell/unix.ts";
import { t } from "../lib/i18n/mod.ts";

/** `bind`: give the socket its local address and port. */
export const bindCommand: CommandImpl = {
  async run(ctx) {
    const unix = unixSock(ctx);
    if (unix) return await bindUnix(ctx, unix);
    arity(ctx.args, 1, 2, this.usage);
    let addr: SockAddr | undefined;
    const typed = ctx.args.map((w) => w.text).join(":");
    const fd = fdText(ctx);
    return await call(
      ctx,
      () => `bind(${fd}, ${addr ? fmtAddr(addr) : typed})`,
      async () => {
        const s = ipSock(targetSock(ctx));
        addr = await addrArgs(ctx, ctx.args, s.family, anyAddr(s.family));
        if (s.local) throw alreadyBound(s);
        if (s.proto === "udp") {
          const dgram = await firstBind(
            s,
            ctx.shell.net.bindDatagram(addr, { opts: [...s.opts.values()] }),
          );
          s.dgram = dgram;
          return bound(dgram.local, addr.port === 0);
        }
        // Deno holds nothing between bind and listen: this shell's own bindings are checked here,
        // the rest of the system by asking the kernel without listening, where C would fail.
        const reusePort = (o: typeof s) => recorded(o, "SO_REUSEPORT") === 1;
        const taken = ctx.shell.table.list().find((o) =>
          isIp(o) && o !== s && o.proto === "tcp" && addr!.port !== 0 &&
          !(reusePort(o) && reusePort(s)) &&
          o.local?.port === addr!.port &&
          (o.local.host === addr!.host || o.local.host === anyAddr(o.family) ||
            addr!.host === anyAddr(s.family))
        );
        if (taken) {
          throw new SocketError(
            "EADDRINUSE",
            t("bind.inUse", { fd: taken.fd, addr: fmtAddr(taken.local) }),
          );
        }
        const local = await ctx.shell.net.probeTcp(addr, {
          opts: [...s.opts.values()],
        });
        // A fork child's bind on this descriptor came first.
        if (s.local) throw alreadyBound(s);
        s.bound = local;
        return bound(local, addr.port === 0);
      },
    );
  },
};

/** EINVAL: the socket is bound already (by an earlier bind, or a fork child's at the same time). */
function alreadyBound(s: Sock): SocketError {
  return new SocketError(
    "EINVAL",
    t("bind.alreadyBound", { fd: s.fd, addr: fmtAddr(s.local!) }),
  );
}

/**
 * The datagram socket a bind opens for `s`, unless a fork child's bind on this descriptor
 * came first: then the port is that bind's (this one's EADDRINUSE is the race's), this socket
 * goes, and the call fails as C's second bind does.
 */
async function firstBind<T extends { close(): void }>(
  s: Sock,
  opening: Promise<T>,
): Promise<T> {
  const dgram = s.adopt(
    await opening.catch((e) => {
      throw s.local ? alreadyBound(s) : e;
    }),
  );
  if (s.local) {
    dgram.close();
    throw alreadyBound(s);
  }
  return dgram;
}

/** bind's result: 0, the port the system picked when asked for 0, and the address for `-> name`. */
function bound(local: SockAddr, picked: boolean): CallOk {
  return {
    ret: "0",
    annotation: picked ? t("bind.local", { addr: fmtAddr(local) }) : undefined,
    value: { "": 0, host: local.host, port: local.port },
  };
}

/**
 * bind() on an AF_UNIX socket: the address is a path. Datagrams: the socket
 * file is made now. Streams: the runtime makes the file only when it
 * listens, so the kernel is asked now with a probe that leaves nothing.
 */
async function bindUnix(ctx: Context, s: Sock): Promise<CommandResult> {
  const usage = "bind [@fd] <path>";
  arity(ctx.args, 1, 1, usage);
  const typed = ctx.args[0]!.text;
  return await call(
    ctx,
    `bind(${s.fd}, ${fmtSockaddrUn(typed)})`,
    async () => {
      const path = unixPath(typed, usage);
      if (s.local) throw alreadyBound(s);
      if (s.proto === "udp") {
        s.dgram = await firstBind(s, ctx.shell.net.bindUnixDatagram(path));
        return {
          ret: "0",
          annotation: t("bind.fileMade"),
          value: { "": 0, path },
        };
      }
      const taken = ctx.shell.table.list().find((o) =>
        o !== s && o.bound && "path" in o.bound && o.bound.path === path
      );
      if (taken) {
        throw new SocketError(
          "EADDRINUSE",
          t("bind.inUse", { fd: taken.fd, addr: path }),
        );
      }
      await ctx.shell.net.probeUnix(path);
      if (s.local) throw alreadyBound(s);
      s.bound = { path };
      return {
        ret: "0",
        notes: [
          t("bind.fileAtListen"),
        ],
        value: { "": 0, path },
      };
    },
  );
}
