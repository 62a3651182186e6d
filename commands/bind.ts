import {
  addrArgs,
  anyAddr,
  arity,
  call,
  type CallOk,
  type CommandSpec,
  fdText,
  targetSock,
} from "../lib/command.ts";
import { SocketError } from "../lib/errno.ts";
import { fmtAddr } from "../lib/format.ts";
import type { SockAddr } from "../lib/net.ts";

/** `bind`: give the socket its local address and port. */
export const bindCommand: CommandSpec = {
  name: "bind",
  usage: "bind [@fd] [host] <port:integer>",
  summary: "Give the socket a local address and port (0 lets the system pick)",
  c: "int bind(int sockfd, struct sockaddr *myaddr, int addrlen);",
  deno:
    "TCP: checked now, opened by Deno.listen at listen; UDP: Deno.listenDatagram",
  example: "bind 4950",
  takesFd: true,
  details: [
    "Without a host, binds INADDR_ANY (0.0.0.0, or :: for tcp6/udp6), as the handout's servers do.",
    "TCP: Deno has no bound-but-not-listening socket, so bind checks the address now (EADDRINUSE,",
    "EACCES, EADDRNOTAVAIL show here, as in C) and listen opens it. A bound TCP socket cannot connect:",
    "Deno.connect cannot choose the local address. UDP: bind opens the socket with Deno.listenDatagram.",
  ],
  async run(ctx) {
    arity(ctx.args, 1, 2, this.usage);
    let addr: SockAddr | undefined;
    const typed = ctx.args.map((w) => w.text).join(":");
    return await call(
      ctx,
      () => `bind(${fdText(ctx)}, ${addr ? fmtAddr(addr) : typed})`,
      async () => {
        const s = targetSock(ctx);
        addr = await addrArgs(ctx, ctx.args, s.family, anyAddr(s.family));
        if (s.local) {
          throw new SocketError(
            "EINVAL",
            `socket ${s.fd} is already bound to ${fmtAddr(s.local)}`,
          );
        }
        if (s.proto === "udp") {
          s.dgram = s.adopt(await ctx.shell.net.bindDatagram(addr));
          return bound(s.dgram.local, addr.port === 0);
        }
        // Deno holds nothing between bind and listen: this shell's own bindings are checked here,
        // the rest of the system by opening and closing at once, where C would fail.
        const taken = ctx.shell.table.list().find((o) =>
          o !== s && o.proto === "tcp" && addr!.port !== 0 &&
          o.local?.port === addr!.port &&
          (o.local.host === addr!.host || o.local.host === anyAddr(o.family) ||
            addr!.host === anyAddr(s.family))
        );
        if (taken) {
          throw new SocketError(
            "EADDRINUSE",
            `descriptor ${taken.fd} is bound to ${fmtAddr(taken.local)}`,
          );
        }
        const probe = await ctx.shell.net.listen(addr);
        const local = probe.local;
        probe.close();
        s.bound = local;
        return bound(local, addr.port === 0);
      },
    );
  },
};

/** bind's result: 0, the port the system picked when asked for 0, and the address for `-> name`. */
function bound(local: SockAddr, picked: boolean): CallOk {
  return {
    ret: "0",
    annotation: picked ? `local ${fmtAddr(local)}` : undefined,
    value: { "": 0, host: local.host, port: local.port },
  };
}
