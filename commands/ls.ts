import { arity, type CommandImpl } from "../lib/shell/command.ts";
import { fmtAddr } from "../lib/shell/format.ts";
import { optionsShown } from "../lib/shell/sockopt.ts";
import { t } from "../lib/i18n/mod.ts";

/** `ls`: every descriptor and its 5-tuple. */
export const lsCommand: CommandImpl = {
  run(ctx) {
    arity(ctx.args, 0, 0, this.usage);
    const rows = [[
      t("ls.header.fd"),
      t("ls.header.proto"),
      t("ls.header.state"),
      t("ls.header.local"),
      t("ls.header.remote"),
      "",
    ]];
    const list = ctx.shell.table.list();
    // Numbers right-aligned, however many digits the largest has: 9, 10 and 1000 line up.
    const digits = Math.max(2, ...list.map((s) => String(s.fd).length));
    for (const s of list) {
      const extra: string[] = [];
      if (s.unread) extra.push(t("ls.unread", { n: s.unread }));
      if (s.waiting) extra.push(t("ls.waiting", { n: s.waiting }));
      if (s.eof) extra.push(t("ls.peerClosed"));
      if (s.opts.size) extra.push(optionsShown(s));
      if (s.nonblocking) extra.push("O_NONBLOCK");
      rows.push([
        `${s.fd === ctx.scope.current ? "*" : " "}${
          String(s.fd).padStart(digits)
        }`,
        (s.family === "unix"
          ? (s.proto === "tcp" ? "unix" : "unix-dgram")
          : s.proto + (s.family === 6 ? "6" : "")) +
        (s.conn?.tls ? "+tls" : ""),
        s.state,
        s.local ? fmtAddr(s.local) : "-",
        s.remote
          ? fmtAddr(s.remote)
          : s.connectingTo
          ? fmtAddr(s.connectingTo)
          : s.state === "LISTEN"
          ? "*"
          : "-",
        extra.join(", "),
      ]);
    }
    if (rows.length === 1) {
      ctx.io.out(
        t("ls.empty") + "\n",
      );
      return { code: 0 };
    }
    const widths = rows[0]!.map((_, i) =>
      Math.max(...rows.map((r) => r[i]!.length))
    );
    const text = rows.map((r) =>
      r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()
    ).join("\n");
    ctx.io.out(text + "\n");
    return { code: 0 };
  },
};
