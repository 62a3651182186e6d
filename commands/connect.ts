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
import { isBroadcast, recorded } from "../lib/sockopt.ts";

/** `connect`: TCP opens a connection; UDP sets the default peer. */
export const connectCommand: CommandSpec = {
  name: "connect",
  usage: "connect [@fd] [-t seconds] [-w seconds] <host> <port:integer>",
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
    "-w SECONDS retries a refused connect every 50 ms for that long: a server just started may not listen yet.",
    "UDP: no packet is sent; send and recv then use this peer, and datagrams from others are dropped.",
    "A TCP socket bound first connects from its bound address: Deno.connect cannot choose its local end,",
    "so the Deno backend makes that connection (and one with SO_LINGER 1 0 set) with node:net's",
    "net.connect({ localAddress, localPort }); the Node backend always uses net.connect.",
  ],
  async run(ctx) {
    const { opts, rest } = parseOptions(
      ctx.args,
      { t: "value", w: "value" },
      true,
    );
    arity(rest, 2, 2, this.usage);
    const timeout = parseTimeout(opts.t);
    // -w: a server just started may not listen yet; retry refused connects, as a user would.
    const until = opts.w === undefined
      ? undefined
      : Date.now() + parseTimeout(opts.w)!;
    let addr: SockAddr | undefined;
    const typed = `${rest[0]!.text}:${rest[1]!.text}`;
    return await call(
      ctx,
      () => `connect(${fdText(ctx)}, ${addr ? fmtAddr(addr) : typed})`,
      async () => {
        const s = targetSock(ctx);
        addr = await addrArgs(ctx, rest, s.family, undefined);
        if (s.proto === "udp") {
          if (isBroadcast(addr.host) && recorded(s, "SO_BROADCAST") !== 1) {
            throw new SocketError(
              "EACCES",
              `${addr.host} is a broadcast address: set SO_BROADCAST first`,
            );
          }
          const notes: string[] = [];
          if (!s.dgram) {
            s.dgram = await ctx.shell.net.bindDatagram({
              host: anyAddr(s.family),
              port: 0,
            }, { opts: [...s.opts.values()] });
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
        // bind before connect: the connection starts from the bound address.
        const local = s.bound &&
            (s.bound.port !== 0 || s.bound.host !== anyAddr(s.family))
          ? s.bound
          : undefined;
        const timer = timeout === undefined
          ? undefined
          : AbortSignal.timeout(timeout);
        const signal = timer
          ? AbortSignal.any([ctx.signal, timer])
          : ctx.signal;
        try {
          for (;;) {
            try {
              s.conn = await ctx.shell.net.connect(addr, signal, {
                opts: [...s.opts.values()],
                local,
              });
              break;
            } catch (e) {
              const refused = toSocketError(e).errno === "ECONNREFUSED";
              if (!refused || until === undefined || Date.now() >= until) {
                throw e;
              }
              await new Promise((r) => setTimeout(r, 50));
            }
          }
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
