import {
  addrArgs,
  anyAddr,
  arity,
  call,
  type CommandSpec,
  fdText,
  parseOptions,
  targetSock,
} from "../lib/command.ts";
import { fmtAddr, PREVIEW_MAX, showBytes } from "../lib/format.ts";
import type { SockAddr } from "../lib/net.ts";
import { payload } from "../lib/payload.ts";
import { sendWait, sent } from "./send.ts";

/** `sendto`: send one datagram to an address. */
export const sendToCommand: CommandSpec = {
  name: "sendto",
  usage: "sendto [@fd] [-r count] <host> <port:integer> <text...>",
  summary:
    "Send one datagram to HOST PORT (an unbound UDP socket is bound to an ephemeral port first)",
  c: "int sendto(int s, char *buf, int len, int flags, struct sockaddr *to, int tolen);",
  deno: "DatagramConn.send(bytes, { hostname, port })",
  example: 'sendto localhost 4950 "hello"',
  takesFd: true,
  details: [
    "As the handout's talker: no bind needed, the kernel binds an ephemeral port at the first sendto.",
    "Datagrams over 65507 bytes fail with EMSGSIZE. On TCP the address is ignored, as on Linux.",
  ],
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { r: "value" });
    arity(rest, 3, Infinity, this.usage);
    const data = payload(rest.slice(2), opts.r);
    let to: SockAddr | undefined;
    const typed = `${rest[0]!.text}:${rest[1]!.text}`;
    return await call(
      ctx,
      () =>
        `sendto(${fdText(ctx)}, ${
          showBytes(data, PREVIEW_MAX)
        }, ${data.length}, 0, ${to ? fmtAddr(to) : typed})`,
      async () => {
        const s = targetSock(ctx);
        to = await addrArgs(ctx, rest.slice(0, 2), s.family, undefined);
        if (s.proto === "tcp") {
          const ok = sent(
            await s.writeStream(data, sendWait(ctx.signal)),
            data.length,
          );
          ok.notes = [
            "TCP ignores the address: the bytes went to the connected peer",
            ...ok.notes ?? [],
          ];
          return ok;
        }
        const notes: string[] = [];
        const fresh = !s.dgram;
        const sock = s.dgram ??
          await ctx.shell.net.bindDatagram({
            host: anyAddr(s.family),
            port: 0,
          });
        let n: number;
        try {
          n = await sock.send(data, to);
        } catch (e) {
          if (fresh) sock.close(); // a failed call leaves the socket as it was: unbound
          throw e;
        }
        if (fresh) {
          // Closed while the datagram went (by a fork child): it was sent, the socket stays closed.
          s.dgram = s.closed ? (sock.close(), undefined) : sock;
          notes.push(
            `bound to ephemeral port ${sock.local.port} first, as the kernel does`,
          );
        }
        return {
          ret: String(n),
          annotation: `local ${fmtAddr(sock.local)}`,
          notes,
          value: { "": n },
        };
      },
    );
  },
};
