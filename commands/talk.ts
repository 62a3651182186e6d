import {
  arity,
  type CommandImpl,
  type CommandResult,
  type Context,
  onAbort,
  type Output,
  parseOptions,
  type Scope,
  targetSock,
} from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { SocketError, strerror } from "../lib/net/errno.ts";
import { errorLine, hexDump, showBytes } from "../lib/shell/format.ts";
import { POLLIN, READ_CHUNK, type Sock } from "../lib/shell/fdtable.ts";
import { pollFds } from "../lib/shell/poll.ts";
import { receive, showLines } from "../lib/shell/receive.ts";
import { t } from "../lib/i18n/mod.ts";
import { scriptWord } from "../lib/script/words.ts";

const encoder = new TextEncoder();

/** Bytes one recv of a stream asks for: what one quoted line shows whole. */
export const TALK_RECV = 4096;

/** The line that leaves talk, as ssh's escape: `.` alone stays sendable (SMTP's end of DATA). */
export const TALK_LEAVE = "~.";

/** `talk`: type a line protocol by hand, each line sent as typed, what arrives shown as it comes (nc's way). */
export const talkCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { C: "flag", q: "flag" });
    arity(rest, 0, 0, this.usage);
    const input = ctx.shell.input;
    if (!input.lines) throw new UsageError(t("talk.noInput"));
    const s = targetSock(ctx);
    connectedForTalk(s);
    return await converse(ctx, s, input.lines.bind(input), {
      crlf: opts.C === true,
      calls: ctx.scope.trace && !opts.q,
      above: input.above?.bind(input) ?? ((write) => write()),
      piped: input.piped === true,
    });
  },
};

/** ENOTCONN unless the socket can both send and receive without an address: a connected stream or datagram socket. */
function connectedForTalk(s: Sock): void {
  const how = s.listener
    ? "listening"
    : s.connecting
    ? "connecting"
    : s.proto === "tcp"
    ? s.conn ? undefined : "stream"
    : s.peer && s.dgram
    ? undefined
    : "datagram";
  if (how) {
    throw new SocketError(
      "ENOTCONN",
      t("talk.notConnected", { fd: s.fd, how }),
    );
  }
}

interface TalkOptions {
  /** End each line with \r\n instead of \n. */
  crlf: boolean;
  /** Show the send and recv call lines (not under -q or trace off). */
  calls: boolean;
  /** How output is written while a line is being typed. */
  above: (write: () => void) => void;
  /** The lines are commands piped on standard input: talk's lines run to `~.`. */
  piped: boolean;
}

/** How the network side ended. */
type NetEnd = { eof: true } | { eof: false; errno: string };

async function converse(
  ctx: Context,
  s: Sock,
  lines: NonNullable<Context["shell"]["input"]["lines"]>,
  o: TalkOptions,
): Promise<CommandResult> {
  const fd = s.fd;
  const stop = new AbortController();
  const forget = onAbort(ctx.signal, () => stop.abort());
  // The calls run as recv and send run them: the same lines, the same session log.
  const io: Output = {
    ...ctx.io,
    out: (text) => o.above(() => ctx.io.out(text)),
    err: (text) => o.above(() => ctx.io.err(text)),
  };
  const scope: Scope = { ...ctx.scope, trace: o.calls, quiet: !o.calls };
  const sub = (
    name: string,
    text: string,
    bytes: Uint8Array,
    signal: AbortSignal,
  ): Context => ({
    ...ctx,
    name,
    args: [{ text, bytes, quoted: true }],
    fd,
    scope,
    io,
    signal,
  });
  const size = String(s.proto === "tcp" ? TALK_RECV : READ_CHUNK);
  const recvCtx = sub("recv", size, encoder.encode(size), stop.signal);
  if (o.calls) {
    io.out(
      ctx.io.paint.dim(
        t("talk.start", { fd, ending: o.crlf ? "\\r\\n" : "\\n" }),
      ) + "\n",
    );
  }

  // What arrives: poll, then a recv that has something to take, so that leaving talk interrupts no call.
  let netEnd: NetEnd | undefined;
  const receiving = (async (): Promise<void> => {
    for (;;) {
      try {
        await pollFds(
          ctx.shell.table,
          [{ fd, events: POLLIN, revents: 0 }],
          -1,
          stop.signal,
        );
      } catch {
        return; // talk is over: what comes next stays for the next recv
      }
      if (stop.signal.aborted) return;
      const r = await receive(recvCtx, "recv", false);
      if (r.code !== 0) {
        netEnd = { eof: false, errno: r.errno ?? "EIO" };
        if (!o.calls) quietError(io, "recv", netEnd.errno);
        return;
      }
      const data = r.value?.[""];
      if (!(data instanceof Uint8Array)) return;
      if (!o.calls && data.length > 0) io.out(shownData(ctx, data) + "\n");
      if (data.length === 0 && s.proto === "tcp") {
        netEnd = { eof: true };
        io.out(`talk: ${t("talk.peerClosed", { fd })}\n`);
        return;
      }
    }
  })();

  // What is typed: each line sent at once, in order; a failed send ends talk.
  const ending = o.crlf ? "\r\n" : "\n";
  let sending = Promise.resolve();
  let sendErrno: string | undefined;
  let unsent = 0;
  let left = false;
  const onLine = (line: string) => {
    if (left) return;
    if (line === TALK_LEAVE) {
      left = true;
      stop.abort();
      return;
    }
    if (netEnd || sendErrno) {
      unsent++; // piped: the lines up to ~. are talk's, but the connection is gone
      return;
    }
    const bytes = encoder.encode(line + ending);
    sending = sending.then(async () => {
      if (sendErrno || ctx.signal.aborted) {
        unsent++;
        return;
      }
      // A bug of ours must not leave the chain rejected: one line, and talk ends as after a failed send.
      // send's own code, through the registry: the same call line, loaded once.
      const send = ctx.shell.commands["send"]!;
      const r = await Promise.resolve()
        .then(() => send.run(sub("send", line, bytes, ctx.signal)))
        .catch((e): CommandResult => {
          const message = e instanceof Error ? e.message : String(e);
          errorLine(io, `talk: ${t("shell.internalError", { message })}`);
          return { code: 1, errno: "EIO" };
        });
      if (
        r.code === 0 && ctx.shell.recording &&
        ctx.shell.recordingIn === ctx.scope
      ) {
        // Recorded as the send it was: a script has no one to type talk's lines.
        ctx.shell.recordedItself = true;
        await ctx.shell.record(
          o.crlf
            ? `send -C ${scriptWord(line)}`
            : `send ${scriptWord(line + "\n")}`,
        );
      }
      if (r.code !== 0) {
        sendErrno = r.errno ?? "EIO";
        if (!o.calls) quietError(io, "send", sendErrno);
        if (!o.piped) stop.abort();
      }
    });
  };

  let eof = false;
  try {
    const typing = lines(`talk ${fd}> `, onLine, stop.signal).then((e) => {
      eof = e;
      // Piped input that ends without ~. is a request, as `printf ... | nc` sends one: its
      // answer shows as it comes, until the peer closes (Ctrl-C leaves). Ctrl-D at a terminal
      // leaves, and so does the end of a datagram socket's lines: no close would ever come.
      if (e && o.piped && s.proto === "tcp" && !netEnd && !sendErrno) {
        if (o.calls) {
          io.out(ctx.io.paint.dim(t("talk.awaitClose", { fd })) + "\n");
        }
        return;
      }
      stop.abort();
    });
    await Promise.race([typing, receiving]);
    if (!o.piped) stop.abort();
    await typing;
    await receiving;
    await sending;
  } finally {
    forget();
  }
  if (unsent > 0) errorLine(io, `talk: ${t("talk.unsent", { n: unsent })}`);
  if (ctx.signal.aborted && !eof && !left) return { code: 124 };
  if (netEnd && !netEnd.eof) return { code: 1, errno: netEnd.errno };
  if (sendErrno) return { code: 1, errno: sendErrno };
  return { code: 0 };
}

/** Received bytes as the session's view shows them, without the call line (-q). */
function shownData(ctx: Context, data: Uint8Array): string {
  const view = ctx.shell.view;
  if (view === "lines") return showLines(data);
  if (view === "hex") return hexDump(data);
  return showBytes(data);
}

/** A failed call under -q, whose own line is hidden: one line with its errno. */
function quietError(io: Output, call: string, errno: string): void {
  errorLine(io, `talk: ${call}: ${errno} (${strerror(errno)})`);
}
