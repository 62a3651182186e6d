import {
  anyAddr,
  arity,
  call,
  type CommandSpec,
  fdText,
  parseInteger,
  targetSock,
} from "../lib/command.ts";
import { SocketError } from "../lib/errno.ts";
import { fmtAddr } from "../lib/format.ts";

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
  ],
  async run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const backlog = ctx.args[0]
      ? parseInteger(ctx.args[0].text, "backlog", 0, 65535)
      : undefined;
    return await call(
      ctx,
      `listen(${fdText(ctx)}, ${backlog ?? 5})`,
      async () => {
        const s = targetSock(ctx);
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
        s.listener = s.adopt(await ctx.shell.net.listen(addr));
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
