import { arity, type CommandSpec } from "../lib/command.ts";
import { UsageError } from "../lib/errors.ts";
import type { Family } from "../lib/net.ts";
import type { Proto } from "../lib/fdtable.ts";
import { own } from "../lib/registry.ts";

const KINDS: Record<string, [Proto, Family]> = {
  tcp: ["tcp", 4],
  udp: ["udp", 4],
  tcp6: ["tcp", 6],
  udp6: ["udp", 6],
};

/** Parse `socket`'s argument into a protocol and family. */
export function parseArgs(words: { text: string }[]): [Proto, Family] {
  const kind = own(KINDS, words[0]?.text.toLowerCase() ?? "");
  if (!kind) {
    throw new UsageError(
      `unknown socket type ${
        JSON.stringify(words[0]?.text ?? "")
      }: choose tcp, udp, tcp6 or udp6`,
    );
  }
  return kind;
}

/** `socket`: a new descriptor; nothing is opened until bind, listen, connect or sendto. */
export const socketCommand: CommandSpec = {
  name: "socket",
  usage: "socket <tcp|udp|tcp6|udp6>",
  summary:
    "Create a socket: a new descriptor, numbered from 3, that becomes the current one",
  c: "int socket(int domain, int type, int protocol);",
  deno: "none yet: Deno opens the socket at listen, connect or listenDatagram",
  example: "socket tcp",
  complete: ["tcp", "udp", "tcp6", "udp6"],
  details: [
    "tcp is socket(AF_INET, SOCK_STREAM, 0), udp is socket(AF_INET, SOCK_DGRAM, 0);",
    "tcp6 and udp6 use AF_INET6. The socket has only its protocol so far: the first",
    "element of the 5-tuple {protocol, local address, local port, remote address, remote port}.",
  ],
  run(ctx) {
    arity(ctx.args, 1, 1, this.usage);
    const [proto, family] = parseArgs(ctx.args);
    const s = ctx.shell.table.open(proto, family);
    ctx.scope.current = s.fd;
    if (ctx.scope.trace) {
      const af = family === 4 ? "AF_INET" : "AF_INET6";
      const type = proto === "tcp" ? "SOCK_STREAM" : "SOCK_DGRAM";
      ctx.io.out(ctx.io.paint.ok(`socket(${af}, ${type}, 0) = ${s.fd}`) + "\n");
    }
    return Promise.resolve({ code: 0, value: { "": s.fd } });
  },
};
