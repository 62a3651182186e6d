import { quoteText } from "../lib/shell/format.ts";
import {
  arity,
  call,
  type CommandImpl,
  parseOptions,
  parseTimeout,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { POLLERR, POLLHUP, POLLIN } from "../lib/shell/fdtable.ts";
import { pollFds } from "../lib/shell/poll.ts";
import { t } from "../lib/i18n/mod.ts";

/** What Linux's select counts as readable: POLLIN, and also a hang-up or an error. */
const READABLE = POLLIN | POLLHUP | POLLERR;

/** `select`: wait until one of several descriptors can be read. */
export const selectCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { t: "value" }, true);
    arity(rest, 1, 1024, this.usage);
    const timeout = parseTimeout(opts.t);
    // A word may hold a list, as $fds and a capture's $r do: select $fds is the guide's master set.
    const fds = rest.flatMap((w) => w.text.trim().split(/\s+/)).map((tok) => {
      const m = /^@?(\d{1,4})$/.exec(tok);
      if (!m || Number(m[1]) >= 1024) {
        throw new UsageError(
          t("select.badFd", { text: quoteText(tok) }),
        );
      }
      return Number(m[1]);
    });
    const set = [...new Set(fds)].sort((a, b) => a - b);
    const nfds = set[set.length - 1]! + 1;
    const tv = timeout === undefined
      ? "NULL"
      : `{tv_sec=${Math.floor(timeout / 1000)}, tv_usec=${
        (timeout % 1000) * 1000
      }}`;
    const text = `select(${nfds}, [${set.join(" ")}], NULL, NULL, ${tv})`;
    return await call(ctx, text, async () => {
      const closed = set.find((fd) => !ctx.shell.table.has(fd));
      if (closed !== undefined) {
        throw new SocketError(
          "EBADF",
          t("select.closed", { fd: closed }),
        );
      }
      const entries = set.map((fd) => ({ fd, events: POLLIN, revents: 0 }));
      await pollFds(ctx.shell.table, entries, timeout ?? -1, ctx.signal);
      const ready = entries.filter((p) => p.revents & READABLE).map((p) =>
        p.fd
      );
      return {
        ret: ready.length
          ? `${ready.length} (in [${ready.join(" ")}])`
          : "0 (Timeout)",
        value: { "": ready.join(" "), n: ready.length },
      };
    });
  },
};
