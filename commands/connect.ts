import {
  addrArgs,
  anyAddr,
  arity,
  call,
  type CommandImpl,
  type CommandResult,
  type Context,
  fdText,
  interruptible,
  loopbackSource,
  parseOptions,
  parseTimeout,
  targetSock,
} from "../lib/shell/command.ts";
import { SocketError, toSocketError } from "../lib/net/errno.ts";
import { ipSock, type Sock } from "../lib/shell/fdtable.ts";
import { fmtAddr, fmtSockaddrUn, seconds } from "../lib/shell/format.ts";
import type { SockAddr } from "../lib/net.ts";
import { isBroadcast, recorded } from "../lib/shell/sockopt.ts";
import { unixPath, unixSock } from "../lib/shell/unix.ts";
import type { Word } from "../lib/script/tokenize.ts";
import { t } from "../lib/i18n/mod.ts";
import { delay } from "../lib/shell/timer.ts";

/** `connect`: TCP opens a connection; UDP sets the default peer. */
export const connectCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(
      ctx.args,
      { t: "value", w: "value" },
      true,
    );
    const unix = unixSock(ctx);
    if (unix) return await connectUnix(ctx, unix, rest);
    arity(rest, 2, 2, this.usage);
    const timeout = parseTimeout(opts.t);
    // -w: a server just started may not listen yet; retry refused connects, as a user would.
    const until = opts.w === undefined
      ? undefined
      : Date.now() + parseTimeout(opts.w)!;
    let addr: SockAddr | undefined;
    const typed = `${rest[0]!.text}:${rest[1]!.text}`;
    const fd = fdText(ctx);
    return await call(
      ctx,
      () => `connect(${fd}, ${addr ? fmtAddr(addr) : typed})`,
      async () => {
        const s = ipSock(targetSock(ctx));
        addr = await addrArgs(ctx, rest, s.family, undefined);
        if (s.proto === "udp") {
          if (isBroadcast(addr.host) && recorded(s, "SO_BROADCAST") !== 1) {
            throw new SocketError(
              "EACCES",
              t("connect.broadcast", { host: addr.host }),
            );
          }
          const notes: string[] = [];
          // connect() sets the local address too, to the one the route to the peer leaves
          // from. Deno cannot connect a datagram socket: an unbound one is bound to that
          // address where it is known (a loopback peer), and a note says what C would show.
          const any = anyAddr(s.family);
          const source = loopbackSource(addr.host, s.family);
          if (!s.dgram) {
            const dgram = s.adopt(
              await ctx.shell.net.bindDatagram({
                host: source ?? any,
                port: 0,
              }, { opts: [...s.opts.values()] }),
            );
            // A fork child's call on this descriptor bound it first: its socket is the one.
            if (s.dgram) dgram.close();
            else {
              s.dgram = dgram;
              notes.push(t("connect.autobound", { port: dgram.local.port }));
            }
          }
          if (s.dgram.local.host === any) {
            notes.push(
              source
                ? t("connect.udpSource", {
                  addr: fmtAddr({ host: source, port: s.dgram.local.port }),
                  any,
                })
                : t("connect.udpSourceRoute", { host: addr.host, any }),
            );
          }
          s.peer = addr;
          return {
            ret: "0",
            annotation: t("connect.local", { addr: fmtAddr(s.dgram.local) }),
            notes,
          };
        }
        if (s.connecting) {
          if (s.nonblocking) {
            throw new SocketError(
              "EALREADY",
              t("connect.inProgress", { fd: s.fd }),
            );
          }
          // A blocking connect on a socket whose connect is in progress waits for it, as Linux does.
          await interruptible(s.connecting, ctx.signal, timeout, "ETIMEDOUT");
          if (!s.conn) {
            const e = s.soError ?? new SocketError("ECONNABORTED");
            s.soError = undefined;
            throw e;
          }
          return {
            ret: "0",
            annotation: t("connect.local", { addr: fmtAddr(s.conn.local) }),
          };
        }
        notConnectedYet(s);
        // bind before connect: the connection starts from the bound address.
        const local = s.bound &&
            (s.bound.port !== 0 || s.bound.host !== anyAddr(s.family))
          ? s.bound
          : undefined;
        if (s.nonblocking) {
          const to = addr;
          s.soError = undefined;
          s.connectInBackground(
            to,
            (signal) =>
              ctx.shell.net.connect(to, signal, {
                opts: [...s.opts.values()],
                local,
              }),
          );
          throw new SocketError(
            "EINPROGRESS",
            t("connect.background"),
          );
        }
        const timer = timeout === undefined
          ? undefined
          : AbortSignal.timeout(timeout);
        const signal = timer
          ? AbortSignal.any([ctx.signal, timer])
          : ctx.signal;
        try {
          for (;;) {
            try {
              s.conn = firstConnect(
                s,
                s.adopt(
                  await ctx.shell.net.connect(addr, signal, {
                    opts: [...s.opts.values()],
                    local,
                  }),
                ),
              );
              break;
            } catch (e) {
              const refused = toSocketError(e).errno === "ECONNREFUSED";
              if (!refused || until === undefined || Date.now() >= until) {
                throw e;
              }
              await delay(50);
            }
          }
        } catch (e) {
          if (ctx.signal.aborted) {
            throw new SocketError("EINTR", t("cmd.interrupted"), {
              cause: e,
            });
          }
          if (timer?.aborted) {
            throw new SocketError(
              "ETIMEDOUT",
              t("connect.timeout", { s: seconds(timeout!) }),
              { cause: e },
            );
          }
          throw toSocketError(e);
        }
        return {
          ret: "0",
          // Said only when shown: a loop of these pays no message.
          annotation: ctx.scope.trace
            ? t("connect.local", { addr: fmtAddr(s.conn.local) })
            : undefined,
        };
      },
    );
  },
};

/** EISCONN for a stream socket already connected or listening, IP or Unix alike. */
function notConnectedYet(s: Sock): void {
  if (s.conn || s.listener) {
    throw new SocketError(
      "EISCONN",
      t("connect.already", {
        fd: s.fd,
        state: s.conn ? "connected" : "listening",
      }),
    );
  }
}

/**
 * A connection made for `s`, unless a fork child's connect on this descriptor finished
 * first: one socket, one connection, so this one goes and the call fails as C's second
 * connect does.
 */
function firstConnect<T extends { close(): void }>(s: Sock, conn: T): T {
  if (s.conn || s.listener) {
    conn.close();
    notConnectedYet(s);
  }
  return conn;
}

/**
 * connect() on an AF_UNIX socket: the address is a path. A stream connects
 * now; a datagram socket records its peer, which the first send checks.
 */
async function connectUnix(
  ctx: Context,
  s: Sock,
  rest: Word[],
): Promise<CommandResult> {
  const usage = "connect [@fd] <path>";
  arity(rest, 1, 1, usage);
  const typed = rest[0]!.text;
  return await call(
    ctx,
    `connect(${s.fd}, ${fmtSockaddrUn(typed)})`,
    async () => {
      const path = unixPath(typed, usage);
      if (s.proto === "udp") {
        s.peer = { path };
        return {
          ret: "0",
          annotation: t("connect.peer", { addr: path }),
          notes: [
            t("connect.unixDgram"),
          ],
        };
      }
      notConnectedYet(s);
      if (s.bound) {
        throw new SocketError(
          "EOPNOTSUPP",
          t("connect.fromBoundPath", { path: fmtAddr(s.bound) }),
        );
      }
      try {
        s.conn = firstConnect(
          s,
          s.adopt(await ctx.shell.net.connectUnix(path, ctx.signal)),
        );
      } catch (e) {
        if (ctx.signal.aborted) {
          throw new SocketError("EINTR", t("cmd.interrupted"), { cause: e });
        }
        const se = toSocketError(e);
        if (se.errno === "EAGAIN") {
          throw new SocketError(
            "EAGAIN",
            t("connect.queueFull"),
            { cause: e },
          );
        }
        throw se;
      }
      return { ret: "0", annotation: t("connect.unnamed") };
    },
  );
}
