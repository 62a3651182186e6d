import { quoteText } from "../lib/shell/format.ts";
import {
  arity,
  call,
  type CommandSpec,
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
export const selectCommand: CommandSpec = {
  name: "select",
  usage: "select [-t seconds] <fd...>",
  summary:
    "Wait until one of several descriptors can be read (the read set); -> r captures the ready ones",
  c: "int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout);",
  deno:
    "no Deno equivalent: sockshell races its one pending read/accept per socket",
  example: "select -t 2 3 5",
  complete: ["-t"],
  details: [
    "The descriptors (3 or @3) make the read set; nfds is the highest plus one. Without -t it blocks (timeout NULL)",
    "and Ctrl-C interrupts it (EINTR); -t 0 only looks. A descriptor that is not open fails the call with EBADF.",
    "Readable means what poll's POLLIN means (data, end of stream, an error, a waiting connection), and, as in",
    "Linux, a hang-up too: a TCP socket never connected is readable. Nothing is consumed.",
    "select ... -> r sets $r to the ready descriptors and $r.n to their count.",
    "Deno and Node have no select: it is poll's machinery (see help poll), shown as select.",
  ],
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { t: "value" }, true);
    arity(rest, 1, 1024, this.usage);
    const timeout = parseTimeout(opts.t);
    const fds = rest.map((w) => {
      const m = /^@?(\d{1,4})$/.exec(w.text);
      if (!m || Number(m[1]) >= 1024) {
        throw new UsageError(
          t("select.badFd", { text: quoteText(w.text) }),
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
