import {
  addrArgs,
  anyAddr,
  arity,
  call,
  type CommandImpl,
  type CommandResult,
  type Context,
  fdText,
  parseOptions,
  targetSock,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import { ipSock, type Sock } from "../lib/shell/fdtable.ts";
import {
  fmtAddr,
  fmtSockaddrUn,
  PREVIEW_MAX,
  showBytes,
} from "../lib/shell/format.ts";
import type { SockAddr } from "../lib/net.ts";
import { payload } from "../lib/script/payload.ts";
import { isBroadcast, recorded } from "../lib/shell/sockopt.ts";
import type { Word } from "../lib/script/tokenize.ts";
import { sendUnixDatagram, unixPath, unixSock } from "../lib/shell/unix.ts";
import { sendWait, sent } from "./send.ts";
import { t } from "../lib/i18n/mod.ts";

/** `sendto`: send one datagram to an address. */
export const sendToCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { r: "value" });
    const unix = unixSock(ctx);
    if (unix) return await sendToUnix(ctx, unix, rest, opts.r);
    arity(rest, 3, Infinity, this.usage);
    const data = payload(rest.slice(2), opts.r);
    let to: SockAddr | undefined;
    const typed = `${rest[0]!.text}:${rest[1]!.text}`;
    const fd = fdText(ctx);
    return await call(
      ctx,
      () =>
        `sendto(${fd}, ${showBytes(data, PREVIEW_MAX)}, ${data.length}, 0, ${
          to ? fmtAddr(to) : typed
        })`,
      async () => {
        const s = ipSock(targetSock(ctx));
        to = await addrArgs(ctx, rest.slice(0, 2), s.family, undefined);
        if (s.proto === "tcp") {
          const ok = sent(
            await s.writeStream(data, sendWait(ctx.signal)),
            data.length,
          );
          ok.notes = [
            t("sendto.tcpIgnores"),
            ...ok.notes ?? [],
          ];
          return ok;
        }
        const notes: string[] = [];
        if (isBroadcast(to.host) && recorded(s, "SO_BROADCAST") !== 1) {
          throw new SocketError(
            "EACCES",
            t("sendto.broadcast", { host: to.host }),
          );
        }
        let fresh = false;
        let sock = s.dgram;
        if (!sock) {
          const made = await ctx.shell.net.bindDatagram({
            host: anyAddr(s.family),
            port: 0,
          }, { opts: [...s.opts.values()] });
          // Bound meanwhile by a fork child's call on this descriptor: its socket is the one.
          if (s.dgram) made.close();
          else fresh = true;
          sock = s.dgram ?? made;
        }
        let n: number;
        try {
          n = await sock.send(data, to);
        } catch (e) {
          if (fresh) sock.close(); // a failed call leaves the socket as it was: unbound
          throw e;
        }
        if (fresh) {
          // Closed while the datagram went (by a fork child): it was sent, the socket stays
          // closed. Bound meanwhile by a fork child's call: its socket is the one.
          if (s.closed || s.dgram) sock.close();
          else s.dgram = sock;
          notes.push(
            t("connect.autobound", { port: sock.local.port }),
          );
        }
        return {
          ret: String(n),
          // Said only when shown: a loop of these pays no message.
          annotation: ctx.scope.trace
            ? t("connect.local", { addr: fmtAddr(sock.local) })
            : undefined,
          notes,
          value: { "": n },
        };
      },
    );
  },
};

/** sendto() on an AF_UNIX socket: the address is a path. */
async function sendToUnix(
  ctx: Context,
  s: Sock,
  rest: Word[],
  repeat: string | true | undefined,
): Promise<CommandResult> {
  const usage = "sendto [@fd] [-r count] <path> <text...>";
  arity(rest, 2, Infinity, usage);
  const typed = rest[0]!.text;
  const data = payload(rest.slice(1), repeat);
  return await call(
    ctx,
    `sendto(${s.fd}, ${showBytes(data, PREVIEW_MAX)}, ${data.length}, 0, ${
      fmtSockaddrUn(typed)
    })`,
    async () => {
      const path = unixPath(typed, usage);
      if (s.proto === "tcp") {
        // Linux refuses an address on a Unix stream, where TCP ignores it.
        throw s.conn
          ? new SocketError(
            "EISCONN",
            t("sendto.unixConnected"),
          )
          : new SocketError(
            "EOPNOTSUPP",
            t("sendto.unixNotConnected"),
          );
      }
      return await sendUnixDatagram(ctx, s, data, { path });
    },
  );
}
