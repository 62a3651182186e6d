import {
  anyAddr,
  arity,
  call,
  type CommandImpl,
  type CommandResult,
  type Context,
  fdText,
  parseInteger,
  targetSock,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import { ipSock, type Sock } from "../lib/shell/fdtable.ts";
import { fmtAddr } from "../lib/shell/format.ts";
import { unixSock } from "../lib/shell/unix.ts";
import { t } from "../lib/i18n/mod.ts";

/** Linux's SOMAXCONN since 5.4, for when /proc/sys/net/core/somaxconn cannot be read (Deno refuses it without -A). */
const DEFAULT_SOMAXCONN = 4096;
let somaxconn: Promise<number> | undefined;

/** The kernel's cap on a backlog, read once, at the first `listen` that needs it. */
function maxBacklog(
  files: { readTextFile(path: string): Promise<string> },
): Promise<number> {
  somaxconn ??= files.readTextFile("/proc/sys/net/core/somaxconn").then(
    (t) => {
      const n = Number(t.trim());
      return Number.isInteger(n) && n > 0 ? n : DEFAULT_SOMAXCONN;
    },
    () => DEFAULT_SOMAXCONN,
  );
  return somaxconn;
}

/** `listen`: start accepting connections on a TCP socket. */
export const listenCommand: CommandImpl = {
  async run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const given = ctx.args[0]
      ? parseInteger(ctx.args[0].text, "backlog", 0, 65535)
      : undefined;
    const max = await maxBacklog(ctx.shell.files);
    const backlog = given ?? max;
    const unix = unixSock(ctx);
    if (unix) return await listenUnix(ctx, unix, backlog);
    return await call(
      ctx,
      `listen(${fdText(ctx)}, ${backlog})`,
      async () => {
        const s = ipSock(targetSock(ctx));
        if (s.proto === "udp") {
          throw new SocketError(
            "EOPNOTSUPP",
            t("listen.udp"),
          );
        }
        if (s.listener) {
          return {
            ret: "0",
            notes: [
              t("listen.already"),
            ],
          };
        }
        if (s.conn) {
          throw new SocketError(
            "EINVAL",
            t("listen.connected"),
          );
        }
        const addr = s.bound ?? { host: anyAddr(s.family), port: 0 };
        // Another task's call on this descriptor (a fork child's) may finish first: one
        // socket, so a second listener goes, and the call answers as C's second call would.
        const raced = () => {
          if (s.conn) throw new SocketError("EINVAL", t("listen.connected"));
          return { ret: "0", notes: [t("listen.already")] };
        };
        let listener;
        try {
          listener = s.adopt(
            await ctx.shell.net.listen(addr, backlog, {
              opts: [...s.opts.values()],
            }),
          );
        } catch (e) {
          // The first one holds the bound port: this one's EADDRINUSE is that race's.
          if (!s.closed && (s.listener || s.conn)) return raced();
          throw e;
        }
        if (s.listener || s.conn) {
          listener.close();
          return raced();
        }
        s.listener = listener;
        const notes: string[] = [];
        if (!s.bound) {
          notes.push(
            t("listen.picked", { port: s.listener.local.port }),
          );
        }
        if (backlog > max) {
          notes.push(
            t("listen.capped", { max }),
          );
        }
        return {
          ret: "0",
          annotation: t("listen.on", { addr: fmtAddr(s.listener.local) }),
          notes,
          value: {
            "": 0,
            host: s.listener.local.host,
            port: s.listener.local.port,
          },
        };
      },
    );
  },
};

/** listen() on an AF_UNIX socket: the runtime makes the socket file of the path bind checked. */
async function listenUnix(
  ctx: Context,
  s: Sock,
  backlog: number,
): Promise<CommandResult> {
  return await call(ctx, `listen(${s.fd}, ${backlog})`, async () => {
    if (s.proto === "udp") {
      throw new SocketError(
        "EOPNOTSUPP",
        t("listen.dgram"),
      );
    }
    if (s.listener) return { ret: "0" };
    if (s.conn) {
      throw new SocketError("EINVAL", t("listen.connected"));
    }
    if (!s.bound || !("path" in s.bound)) {
      throw new SocketError(
        "EINVAL",
        t("listen.noPath", { fd: s.fd }),
      );
    }
    const path = s.bound.path;
    let listener;
    try {
      listener = s.adopt(await ctx.shell.net.listenUnix(path));
    } catch (e) {
      // A fork child's listen on this descriptor came first: its socket file is there.
      if (!s.closed && s.listener) return { ret: "0" };
      throw e;
    }
    if (s.listener) {
      listener.close();
      return { ret: "0" };
    }
    s.listener = listener;
    return {
      ret: "0",
      annotation: t("listen.on", { addr: path }),
      value: { "": 0, path },
    };
  });
}
