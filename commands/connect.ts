import {
  addrArgs,
  anyAddr,
  arity,
  call,
  type CommandSpec,
  fdText,
  parseOptions,
  parseTimeout,
  targetSock,
} from "../lib/command.ts";
import { SocketError, toSocketError } from "../lib/errno.ts";
import { fmtAddr } from "../lib/format.ts";
import type { SockAddr } from "../lib/net.ts";

/** `connect`: TCP opens a connection; UDP sets the default peer. */
export const connectCommand: CommandSpec = {
  name: "connect",
  usage: "connect [@fd] [-t seconds] <host> <port:integer>",
  summary:
    "TCP: connect to a server (the system picks the local port); UDP: set the default peer",
  c: "int connect(int socket, struct sockaddr *addr, int addrlen);",
  deno:
    "TCP: Deno.connect({ hostname, port, signal }); UDP: none (the peer is remembered)",
  example: "connect localhost 4950",
  takesFd: true,
  details: [
    "The host is resolved first, as the handout's client calls gethostbyname: an AF_INET socket",
    "connects to an IPv4 address. Ctrl-C interrupts a pending connect (EINTR); -t gives ETIMEDOUT.",
    "UDP: no packet is sent; send and recv then use this peer, and datagrams from others are dropped.",
    "A TCP socket bound to a specific address cannot connect: Deno.connect cannot choose the local end.",
  ],
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { t: "value" }, true);
    arity(rest, 2, 2, this.usage);
    const timeout = parseTimeout(opts.t);
    let addr: SockAddr | undefined;
    const typed = `${rest[0]!.text}:${rest[1]!.text}`;
    return await call(
      ctx,
      () => `connect(${fdText(ctx)}, ${addr ? fmtAddr(addr) : typed})`,
      async () => {
        const s = targetSock(ctx);
        addr = await addrArgs(ctx, rest, s.family, undefined);
        if (s.proto === "udp") {
          const notes: string[] = [];
          if (!s.dgram) {
            s.dgram = s.adopt(
              await ctx.shell.net.bindDatagram({
                host: anyAddr(s.family),
                port: 0,
              }),
            );
            notes.push(
              `bound to ephemeral port ${s.dgram.local.port} first, as the kernel does`,
            );
          }
          s.peer = addr;
          return {
            ret: "0",
            annotation: `local ${fmtAddr(s.dgram.local)}`,
            notes,
          };
        }
        if (s.conn || s.listener) {
          throw new SocketError(
            "EISCONN",
            `socket ${s.fd} is already ${s.conn ? "connected" : "listening"}`,
          );
        }
        if (
          s.bound && (s.bound.port !== 0 || s.bound.host !== anyAddr(s.family))
        ) {
          throw new SocketError(
            "EOPNOTSUPP",
            `Deno.connect cannot use the bound address ${
              fmtAddr(s.bound)
            }: connect from a fresh socket`,
          );
        }
        const timer = timeout === undefined
          ? undefined
          : AbortSignal.timeout(timeout);
        const signal = timer
          ? AbortSignal.any([ctx.signal, timer])
          : ctx.signal;
        try {
          s.conn = s.adopt(await ctx.shell.net.connect(addr, signal));
        } catch (e) {
          if (ctx.signal.aborted) {
            throw new SocketError("EINTR", "interrupted by Ctrl-C", {
              cause: e,
            });
          }
          if (timer?.aborted) {
            throw new SocketError(
              "ETIMEDOUT",
              `no answer within ${timeout! / 1000} s`,
              { cause: e },
            );
          }
          throw toSocketError(e);
        }
        return { ret: "0", annotation: `local ${fmtAddr(s.conn.local)}` };
      },
    );
  },
};
