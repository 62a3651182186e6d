import {
  anyAddr,
  arity,
  call,
  type CommandResult,
  type CommandSpec,
  type Context,
  fdText,
  parseInteger,
  targetSock,
} from "../lib/command.ts";
import { SocketError } from "../lib/errno.ts";
import { ipSock, type Sock } from "../lib/fdtable.ts";
import { fmtAddr } from "../lib/format.ts";
import { unixSock } from "../lib/unix.ts";

/** `listen`: start accepting connections on a TCP socket. */
export const listenCommand: CommandSpec = {
  name: "listen",
  usage: "listen [@fd] [backlog:integer]",
  summary:
    "Make a TCP socket listen for connections (without bind, on a port the system picks)",
  c: "int listen(int socket, int backlog);",
  deno: "Deno.listen({ hostname, port })",
  example: "listen 5",
  takesFd: true,
  details: [
    "The backlog has no Deno equivalent: Deno.listen uses its own queue length. It is shown, not applied.",
    "Listening on an unbound socket takes an ephemeral port on 0.0.0.0, as Linux does.",
    'AF_UNIX: listen makes the socket file bind named (Deno.listen({ transport: "unix", path }));',
    "an unbound Unix socket cannot listen (EINVAL).",
  ],
  async run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const backlog = ctx.args[0]
      ? parseInteger(ctx.args[0].text, "backlog", 0, 65535)
      : undefined;
    const unix = unixSock(ctx);
    if (unix) return await listenUnix(ctx, unix, backlog ?? 5);
    return await call(
      ctx,
      `listen(${fdText(ctx)}, ${backlog ?? 5})`,
      async () => {
        const s = ipSock(targetSock(ctx));
        if (s.proto === "udp") {
          throw new SocketError(
            "EOPNOTSUPP",
            "listen is for TCP: UDP has no connections",
          );
        }
        if (s.listener) {
          return {
            ret: "0",
            notes: [
              "already listening: Linux only updates the backlog, which Deno cannot set",
            ],
          };
        }
        if (s.conn) {
          throw new SocketError(
            "EINVAL",
            "a connected socket cannot listen",
          );
        }
        const addr = s.bound ?? { host: anyAddr(s.family), port: 0 };
        s.listener = s.adopt(
          await ctx.shell.net.listen(addr, {
            opts: [...s.opts.values()],
          }),
        );
        const notes: string[] = [];
        if (!s.bound) {
          notes.push(
            `no bind first: the system picked port ${s.listener.local.port}, as Linux does`,
          );
        }
        if (backlog !== undefined) {
          notes.push(
            `backlog ${backlog} has no Deno equivalent: the system default applies`,
          );
        }
        return {
          ret: "0",
          annotation: `listening on ${fmtAddr(s.listener.local)}`,
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
        "listen is for streams: a datagram socket has no connections",
      );
    }
    if (s.listener) return { ret: "0" };
    if (s.conn) {
      throw new SocketError("EINVAL", "a connected socket cannot listen");
    }
    if (!s.bound || !("path" in s.bound)) {
      throw new SocketError(
        "EINVAL",
        `socket ${s.fd} has no path: bind one first (bind /tmp/x.sock)`,
      );
    }
    const path = s.bound.path;
    s.listener = s.adopt(await ctx.shell.net.listenUnix(path));
    return {
      ret: "0",
      annotation: `listening on ${path}`,
      value: { "": 0, path },
    };
  });
}
