import { arity, type CommandSpec } from "../lib/shell/command.ts";
import { fmtAddr } from "../lib/shell/format.ts";
import { optionsShown } from "../lib/shell/sockopt.ts";

/** `ls`: every descriptor and its 5-tuple. */
export const lsCommand: CommandSpec = {
  name: "ls",
  kind: "shell",
  usage: "ls",
  c: "(no call: what ss -tuanp shows for this process)",
  deno: "none: read from the shell's descriptor table",
  example: "ls",
  run(ctx) {
    arity(ctx.args, 0, 0, this.usage);
    const rows = [["fd", "proto", "state", "local", "remote", ""]];
    for (const s of ctx.shell.table.list()) {
      const extra: string[] = [];
      if (s.unread) extra.push(`${s.unread} bytes unread`);
      if (s.waiting) extra.push(`${s.waiting} connections waiting`);
      if (s.eof) extra.push("peer closed");
      if (s.opts.size) extra.push(optionsShown(s));
      if (s.nonblocking) extra.push("O_NONBLOCK");
      rows.push([
        `${s.fd === ctx.scope.current ? "*" : " "}${String(s.fd).padStart(2)}`,
        s.family === "unix"
          ? (s.proto === "tcp" ? "unix" : "unix-dgram")
          : s.proto + (s.family === 6 ? "6" : "") +
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
        "no open descriptors: start with 'socket tcp' or 'socket udp'\n",
      );
      return Promise.resolve({ code: 0 });
    }
    const widths = rows[0]!.map((_, i) =>
      Math.max(...rows.map((r) => r[i]!.length))
    );
    const text = rows.map((r) =>
      r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd()
    ).join("\n");
    ctx.io.out(text + "\n");
    return Promise.resolve({ code: 0 });
  },
};
