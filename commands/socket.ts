import { quoteText } from "../lib/shell/format.ts";
import { arity, type CommandImpl } from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";
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

/** Parse `socket`'s argument into a protocol and family. */
export function parseArgs(words: { text: string }[]): [Proto, Domain] {
  const kind = own(KINDS, words[0]?.text.toLowerCase() ?? "");
  if (!kind) {
    throw new UsageError(
      t("socket.unknownType", { text: quoteText(words[0]?.text ?? "") }),
    );
  }
  return kind;
}

/** `socket`: a new descriptor; nothing is opened until bind, listen, connect or sendto. */
export const socketCommand: CommandImpl = {
  run(ctx) {
    arity(ctx.args, 1, 1, this.usage);
    const [proto, family] = parseArgs(ctx.args);
    const s = ctx.shell.table.open(proto, family);
    ctx.scope.current = s.fd;
    if (ctx.scope.trace) {
      const af = family === 4
        ? "AF_INET"
        : family === 6
        ? "AF_INET6"
        : "AF_UNIX";
      const type = proto === "tcp" ? "SOCK_STREAM" : "SOCK_DGRAM";
      ctx.io.out(ctx.io.paint.ok(`socket(${af}, ${type}, 0) = ${s.fd}`) + "\n");
    }
    ctx.shell.teach?.socketMade(ctx, s);
    return { code: 0, value: { "": s.fd } };
  },
};
