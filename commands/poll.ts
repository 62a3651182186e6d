import { quoteText } from "../lib/shell/format.ts";
import {
  call,
  type CommandImpl,
  parseInteger,
  parseOptions,
} from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { POLLIN, POLLOUT } from "../lib/shell/fdtable.ts";
import { eventNames, type PollFd, pollFds } from "../lib/shell/poll.ts";
import type { Word } from "../lib/script/tokenize.ts";
import { t } from "../lib/i18n/mod.ts";

const EVENTS: Record<string, number> = {
  in: POLLIN,
  out: POLLOUT,
  inout: POLLIN | POLLOUT,
};

/** Parse `FD`, `@FD`, `FD:in|out|inout` into poll's array (exported for tests). */
export function parsePollFds(words: Word[]): PollFd[] {
  return words.map((w) => {
    const m = /^@?(\d{1,7})(?::(\w+))?$/.exec(w.text);
    const events = m ? EVENTS[m[2] ?? "in"] : undefined;
    if (!m || events === undefined) {
      throw new UsageError(
        t("poll.badFd", { text: quoteText(w.text) }),
      );
    }
    return { fd: Number(m[1]), events, revents: 0 };
  });
}

/** `poll`: wait until one of several descriptors is ready. */
export const pollCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { t: "value" }, true);
    const timeout = opts.t === undefined
      ? -1
      : parseInteger(String(opts.t), "timeoutMs", -1, 86400000);
    const fds = rest.length
      ? parsePollFds(rest)
      : ctx.shell.table.list().filter((s) => !ctx.scope.outside?.has(s.fd)).map(
        (s) => ({
          fd: s.fd,
          events: POLLIN,
          revents: 0,
        }),
      );
    // Built only when shown: a poll loop with trace off pays nothing for it.
    const text = () =>
      `poll([${
        fds.map((p) => `{fd=${p.fd}, events=${eventNames(p.events)}}`).join(
          ", ",
        )
      }], ${fds.length}, ${timeout})`;
    return await call(ctx, text, async () => {
      const n = await pollFds(ctx.shell.table, fds, timeout, ctx.signal);
      const ready = fds.filter((p) => p.revents);
      const value: Record<string, string | number> = {
        "": ready.map((p) => p.fd).join(" "),
        n,
      };
      for (const p of ready) value[String(p.fd)] = eventNames(p.revents);
      if (!ctx.scope.trace) return { ret: String(n), value };
      const shown = ready.map((p) =>
        `{fd=${p.fd}, revents=${eventNames(p.revents)}}`
      ).join(", ");
      return {
        ret: n ? `${n} ([${shown}])` : "0 (Timeout)",
        value,
      };
    });
  },
};
