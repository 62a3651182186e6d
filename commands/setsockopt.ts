import {
  arity,
  call,
  type CommandSpec,
  fdText,
  targetSock,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import type { SockOpt } from "../lib/net.ts";
import {
  optionInfo,
  OPTIONS,
  optText,
  parseOption,
  setOption,
} from "../lib/shell/sockopt.ts";
import { t } from "../lib/i18n/mod.ts";

/** `setsockopt`: set a socket option, applied now or when the runtime opens the socket. */
export const setsockoptCommand: CommandSpec = {
  name: "setsockopt",
  usage: "setsockopt [@fd] <name> <value...>",
  summary:
    "Set a socket option (SO_REUSEADDR, SO_BROADCAST, TCP_NODELAY, SO_LINGER, IP_ADD_MEMBERSHIP...)",
  c: "int setsockopt(int s, int level, int optname, const void *optval, socklen_t optlen);",
  deno:
    "TcpConn.setNoDelay/setKeepAlive; Deno.listen({ reusePort }); Deno.listenDatagram({ reuseAddress, loopback }); DatagramConn.joinMulticastV4",
  example: "setsockopt SO_BROADCAST 1",
  takesFd: true,
  complete: Object.keys(OPTIONS),
  details: [
    "The level is implied by the name, as strace shows it (SOL_SOCKET, SOL_TCP, SOL_IP, SOL_IPV6).",
    "Values: one whole number; SO_LINGER takes l_onoff l_linger (1 0: close sends a reset);",
    "IP_ADD_MEMBERSHIP/IP_DROP_MEMBERSHIP take a group and optionally an interface address (default 0.0.0.0).",
    "The runtimes take some options only when they open the socket: set before bind (UDP) or before",
    "listen/connect (TCP), they are recorded and applied there; accepted connections inherit TCP_NODELAY,",
    "SO_KEEPALIVE and SO_LINGER from the listener, as on Linux. Set after, where the runtime cannot: EOPNOTSUPP.",
    "Deno's TCP listeners always have SO_REUSEADDR on and its UDP sockets SO_BROADCAST: getsockopt shows",
    "that real value, and sendto a broadcast address without SO_BROADCAST is refused with EACCES by the shell,",
    "as C refuses it. SO_LINGER 1 0 on Deno: set it before connect or listen, and the Deno backend uses",
    "node:net (net.connect, net.createServer), whose socket.resetAndDestroy() sends the reset; Deno.TcpConn",
    "has no such call, so set on a connection Deno.connect or Deno.listen made, it is EOPNOTSUPP.",
    "Deno has no call for IP_TTL, SO_RCVBUF, SO_SNDBUF, nor IPV6_V6ONLY 1; Node 20 none for SO_REUSEPORT,",
    "nor TCP's IP_TTL and buffer sizes: EOPNOTSUPP with a note. Wrong socket type: Linux's errno",
    "(TCP_NODELAY on UDP: ENOPROTOOPT; IP_ADD_MEMBERSHIP on TCP: EPROTO). Unknown name: ENOPROTOOPT.",
    "Deno: IP_MULTICAST_TTL and IP_MULTICAST_LOOP go through the group memberships (setTTL, setLoopback).",
    "Node: socket.setNoDelay/setKeepAlive/resetAndDestroy; dgram setBroadcast, setTTL, setMulticastTTL,",
    "setMulticastLoopback, addMembership/dropMembership, setRecvBufferSize/setSendBufferSize.",
  ],
  async run(ctx) {
    arity(ctx.args, 1, 3, this.usage);
    const words = ctx.args.map((w) => w.text);
    let opt: SockOpt | undefined;
    let level = "?";
    const shownName = words[0]!.toUpperCase();
    return await call(
      ctx,
      () =>
        `setsockopt(${fdText(ctx)}, ${level}, ${shownName}, ${
          opt ? optText(opt) : words.slice(1).join(" ")
        })`,
      async () => {
        const s = targetSock(ctx);
        const [name, info] = optionInfo(words[0]!);
        level = info.level;
        try {
          opt = parseOption(name, info, words.slice(1)); // shown as strace would show it
        } catch {
          // Reported below, after the checks Linux makes first.
        }
        if (info.kind === "readonly") {
          throw new SocketError(
            "ENOPROTOOPT",
            t("setsockopt.readOnly", { name }),
          );
        }
        const misfit = info.misfit?.(s);
        if (misfit) {
          throw new SocketError(
            misfit[0],
            t("setsockopt.misfit", {
              name,
              kind: s.proto + (s.family === 6 ? "6" : ""),
            }),
          );
        }
        const parsed = parseOption(name, info, words.slice(1));
        opt = parsed;
        const notes = await setOption(ctx, s, parsed);
        return { ret: "0", notes };
      },
    );
  },
};
