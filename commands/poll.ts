import { quoteText } from "../lib/shell/format.ts";
import {
  call,
  type CommandSpec,
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
export const pollCommand: CommandSpec = {
  name: "poll",
  usage: "poll [-t ms] [fd[:in|out|inout]...]",
  summary:
    "Wait until one of several descriptors can be read (or written); -> r captures the ready ones",
  c: "int poll(struct pollfd *fds, nfds_t nfds, int timeout);",
  deno:
    "no Deno equivalent: sockshell races its one pending read/accept per socket",
  example: "poll -t 2000 3 4 5",
  complete: ["-t"],
  details: [
    "Descriptors as 3 or @3, each with :in (POLLIN, the default), :out (POLLOUT) or :inout; none means every open one.",
    "-t MS is poll's timeout: -1 (the default) blocks until one is ready, Ctrl-C interrupts (EINTR); 0 only looks.",
    "POLLIN: data waiting, end of stream (recv returns 0), a pending error, or a connection waiting on a listener.",
    "POLLOUT: a connected socket (or UDP) can send; a non-blocking connect has finished.",
    "POLLHUP and POLLERR come without being asked: after a reset, or on a TCP socket never connected",
    "(Linux reports that as POLLOUT|POLLHUP). A descriptor that is not open gets POLLNVAL (0 to 2, the terminal,",
    "are not the shell's sockets: POLLNVAL too).",
    "poll takes nothing: the next recv or accept returns at once with what it found.",
    'poll ... -> r sets $r to the ready descriptors ("4 6"), $r.n to their count, $r.4 to fd 4\'s revents:',
    "with for fd in $r ... end, this is the loop of Beej's pollserver.c. A script stops at its first failed call,",
    "so such a loop ends where a client's reset makes recv fail (ECONNRESET), not where C would go on.",
    "Deno and Node have no poll: each socket keeps one read, receive or accept in flight, and poll races",
    "them; what they bring stays buffered for the next call, so nothing is lost. poll reports what has come",
    "back: when one descriptor is ready at once, data still on its way up from the kernel for another shows",
    "on the next poll (a poll that finds nothing ready lets the event loop turn first, so -t 0 sees it).",
    "Sending never waits here, so POLLOUT is not withheld when the peer's window is full, as the kernel would.",
  ],
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { t: "value" }, true);
    const timeout = opts.t === undefined
      ? -1
      : parseInteger(String(opts.t), "timeout (ms)", -1, 86400000);
    const fds = rest.length
      ? parsePollFds(rest)
      : ctx.shell.table.list().map((s) => ({
        fd: s.fd,
        events: POLLIN,
        revents: 0,
      }));
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
