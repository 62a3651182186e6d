import { quoteText } from "../lib/shell/format.ts";
import { arity, type CommandImpl, failedCall } from "../lib/shell/command.ts";
import { EXIT, UsageError } from "../lib/shell/errors.ts";
import { SocketError } from "../lib/net/errno.ts";
import type { Domain } from "../lib/net.ts";
import type { Proto } from "../lib/shell/fdtable.ts";
import { own } from "../lib/shell/registry.ts";
import { t } from "../lib/i18n/mod.ts";

const KINDS: Record<string, [Proto, Domain]> = {
  tcp: ["tcp", 4],
  udp: ["udp", 4],
  tcp6: ["tcp", 6],
  udp6: ["udp", 6],
  unix: ["tcp", "unix"],
  "unix-dgram": ["udp", "unix"],
};

/** C's domains, as socket(2) takes them (the PF_ names are the same numbers). */
const DOMAINS: Record<string, Domain> = {
  af_inet: 4,
  pf_inet: 4,
  af_inet6: 6,
  pf_inet6: 6,
  af_unix: "unix",
  pf_unix: "unix",
  af_local: "unix",
  pf_local: "unix",
};

/** C's types the shell has, and the protocol each goes with besides 0. */
const TYPES: Record<string, [Proto, string, string]> = {
  sock_stream: ["tcp", "ipproto_tcp", "6"],
  sock_dgram: ["udp", "ipproto_udp", "17"],
};

/** What `socket`'s words ask for; `refused`: why socket(2) would fail (EPROTONOSUPPORT). */
interface Asked {
  proto: Proto;
  family: Domain;
  /** The protocol as the call shows it: 0, IPPROTO_TCP, or as typed when refused. */
  protocol: string;
  refused?: string;
}

/**
 * Parse `socket`'s words: a kind (`tcp`), or C's own arguments
 * (`AF_INET SOCK_STREAM 0`). A protocol that does not go with the type is
 * C's EPROTONOSUPPORT, the call's to report (`refused`).
 */
export function parseArgs(words: { text: string }[]): Asked {
  if (words.length === 1) {
    const kind = own(KINDS, words[0]!.text.toLowerCase());
    if (kind) return { proto: kind[0], family: kind[1], protocol: "0" };
    if (own(DOMAINS, words[0]!.text.toLowerCase()) !== undefined) {
      throw new UsageError(
        t("socket.needsType", { domain: words[0]!.text.toUpperCase() }),
      );
    }
    throw new UsageError(
      t("socket.unknownType", { text: quoteText(words[0]!.text) }),
    );
  }
  const [d, ty, p] = words.map((w) => w.text.toLowerCase());
  const family = own(DOMAINS, d!);
  if (family === undefined) {
    throw new UsageError(
      t("socket.unknownDomain", { text: quoteText(words[0]!.text) }),
    );
  }
  const type = own(TYPES, ty!);
  if (!type) {
    throw new UsageError(
      t("socket.unknownCType", { text: quoteText(words[1]!.text) }),
    );
  }
  const [proto, name, number] = type;
  const protocol = p ?? "0";
  if (protocol === "0") return { proto, family, protocol };
  // Unix sockets take 0 only; the internet's, 0 or the one protocol of their type.
  if (family === "unix" || (protocol !== name && protocol !== number)) {
    return {
      proto,
      family,
      protocol: words[2]!.text,
      refused: t(
        family === "unix" ? "socket.protocolUnix" : "socket.protocol",
        {
          protocol: quoteText(words[2]!.text),
        },
      ),
    };
  }
  return { proto, family, protocol: name.toUpperCase() };
}

/** The call as C writes it: `socket(AF_INET, SOCK_STREAM, 0)`. */
function callText(family: Domain, proto: Proto, protocol: string): string {
  const af = family === 4 ? "AF_INET" : family === 6 ? "AF_INET6" : "AF_UNIX";
  const type = proto === "tcp" ? "SOCK_STREAM" : "SOCK_DGRAM";
  return `socket(${af}, ${type}, ${protocol})`;
}

/** `socket`: a new descriptor; nothing is opened until bind, listen, connect or sendto. */
export const socketCommand: CommandImpl = {
  run(ctx) {
    // A kind (tcp) stands alone; C's words are two or three.
    const kind = own(KINDS, ctx.args[0]?.text.toLowerCase() ?? "");
    arity(ctx.args, 1, kind ? 1 : 3, this.usage);
    const { proto, family, protocol, refused } = parseArgs(ctx.args);
    if (refused) {
      // socket(2) fails: no descriptor, the errno for try.
      failedCall(
        ctx,
        callText(family, proto, protocol),
        new SocketError("EPROTONOSUPPORT", refused),
      );
      return { code: EXIT.failed, errno: "EPROTONOSUPPORT" };
    }
    const s = ctx.shell.table.open(proto, family);
    ctx.scope.current = s.fd;
    const text = callText(family, proto, protocol);
    if (ctx.scope.trace) {
      ctx.io.out(ctx.io.paint.ok(`${text} = ${s.fd}`) + "\n");
    }
    // The session log keeps the call as shown: the protocol as typed (IPPROTO_TCP or 0).
    ctx.shell.teach?.socketMade(ctx, s, text);
    return { code: 0, value: { "": s.fd } };
  },
};
