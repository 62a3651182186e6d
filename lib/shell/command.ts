/**
 * What a command is (a declaration plus a function) and the world it runs in.
 *
 * @module
 */

import { SocketError, strerror, toSocketError } from "../net/errno.ts";
import { UsageError } from "./errors.ts";
import type { FdTable, Sock } from "./fdtable.ts";
import type { Host } from "../ui/host.ts";
import {
  callLine,
  errorLine,
  escapeControls,
  type Paint,
  quoteText,
  seconds,
} from "./format.ts";
import type { Addr, Family, NetBackend, SockAddr } from "../net.ts";
import { familyOf } from "../net.ts";
import { own } from "./registry.ts";
import type { Teach } from "../teach/teach.ts";
import { type MessageKey, t } from "../i18n/mod.ts";
import type { Word } from "../script/tokenize.ts";
import { after, type Cancel } from "./timer.ts";
import { Callbacks } from "./callbacks.ts";

/** Where a command's output goes. */
export interface Output {
  /** Write to standard output (text should end with a newline). */
  out(text: string): void;
  /** Write to standard error. */
  err(text: string): void;
  /** Colours, or none. */
  readonly paint: Paint;
  /** The text written to standard output since its last newline (a prompt left open), if tracked. */
  partialLine?(): string;
  /** The terminal's width in columns (80 on a pipe), if known. */
  columns?(): number;
  /** True when the locale says UTF-8: box-drawing characters may be used. */
  readonly utf8?: boolean;
  /** A terminal's status line, rewritten in place (`\r`): `text`, or erased when undefined; absent on a pipe. */
  progress?(text: string | undefined): void;
  /** Which of standard output and error is a terminal, where known: `print` escapes what it writes there. */
  readonly terminal?: { readonly out: boolean; readonly err: boolean };
}

/** What a command hands back to the shell. */
export interface CommandResult {
  /** 0 for success; 1 for a failed call; 2 usage; 124 interrupted; 127 unknown command. */
  code: number;
  /** Values a script can capture with `-> name`: "" is the main one, others become `name.key`. */
  value?: Record<string, Uint8Array | string | number>;
  /** A failed call's errno name (`ECONNRESET`), for a script's `try`. */
  errno?: string;
}

/** The per-task state: the current descriptor and the variables. Scripts' `fork` copies it. */
export interface Scope {
  /** The current descriptor, if any. */
  current?: number;
  /** Variables, as bytes. */
  vars: Map<string, Uint8Array>;
  /** Whether successful calls are traced (`trace on|off`). */
  trace: boolean;
  /** What `exit` ends: the whole shell, or only this task (a replay, a forked child), as a process's exit. */
  exits: "shell" | "task";
  /** Set by `exit` in a task: its status. */
  exited?: number;
  /** How many `run`s deep this task is: absent or 0 for what the user typed, a script file, `-c`. */
  depth?: number;
  /** Set while `try` runs a command: a failed call's line is the script's to print (shown when tracing). */
  quiet?: boolean;
  /** In a `run`: the descriptors open before it, not the program's own (left out of `$fds` and a bare `poll`). */
  outside?: ReadonlySet<number>;
}

/** Where `read` gets a line from the user: the REPL's line editor, or standard input. */
export interface LineInput {
  /** Show `prompt`, then resolve with the line typed (without its newline), or null at end of input or on `signal`. */
  readLine(prompt: string, signal?: AbortSignal): Promise<string | null>;
  /**
   * `talk`'s input: hand each line to `onLine` as it is typed, prompting with
   * `prompt`, until `signal` aborts (resolves false) or the input ends (true).
   * Absent where the shell has no lines to spare (`-c`, a script file).
   */
  lines?(
    prompt: string,
    onLine: (line: string) => void,
    signal: AbortSignal,
  ): Promise<boolean>;
  /** True when the lines are commands piped on standard input: talk's own lines then run to its `~.`. */
  readonly piped?: boolean;
  /** Write output while a line is being typed: the editor clears its line, `write` runs, the line is drawn again. */
  above?(write: () => void): void;
}

/** The host's files a shell uses: scripts for `run`, `record`'s file, `send -f`/`recv -f`. */
export type ShellFiles = Pick<
  Host,
  | "readTextFile"
  | "writeTextFile"
  | "appendTextFile"
  | "openRead"
  | "openWrite"
  | "unblockFifo"
>;

/** How received data can be shown (`view`): quoted text (the default), lines, or hex. */
export const VIEWS = ["quoted", "lines", "hex"] as const;

/** What every command shares: the descriptor table, the network, the registry. */
export interface ShellState {
  /** Every open socket. */
  readonly table: FdTable;
  /** The network backend. */
  readonly net: NetBackend;
  /** The registry, for `help`. */
  readonly commands: Readonly<Record<string, CommandSpec>>;
  /** Set by `exit`: the shell stops after this command with this status. */
  exitCode?: number;
  /** Where `read` reads from. */
  input: LineInput;
  /** Files: scripts for `run`, the file `record` writes. */
  readonly files: ShellFiles;
  /** The file `record` appends successful lines to, if recording. */
  recording?: string;
  /**
   * The scope of the top-level command that runs while `record` is on. A command that
   * writes its own lines to the record file (`talk`: the sends it made) does so only
   * for that command, then sets {@link recordedItself}: inside a block or a `run`
   * script, the block or the `run` line is recorded as typed.
   */
  recordingIn?: Scope;
  /** Set by a command that wrote its own lines to the `record` file, so that its statement is not. */
  recordedItself: boolean;
  /** Append a line to the `record` file (a failure ends the recording, said in one line). */
  record(text: string): Promise<void>;
  /** Set while a `run` nested too deeply unwinds, so that it is reported once. */
  runTooDeep?: boolean;
  /** The session log `diagram` draws, and the `explain` switch. */
  readonly teach?: Teach;
  /** How received data is shown (`view`): quoted text (the default), lines, or hex. */
  view?: typeof VIEWS[number];
}

/** A command's whole world (dax's CommandContext). */
export interface Context {
  /** The name as typed (an alias stays an alias in messages). */
  readonly name: string;
  /** Arguments after the name, with a leading `@FD` removed. */
  readonly args: Word[];
  /** The descriptor named by `@FD`, if one was. */
  readonly fd?: number;
  /** Shared state. */
  readonly shell: ShellState;
  /** This task's state. */
  readonly scope: Scope;
  /** Output. */
  readonly io: Output;
  /** Aborted by Ctrl-C. */
  readonly signal: AbortSignal;
}

/** A successful call, as {@link call} prints it. */
export interface CallOk {
  /** The C return value (and a view of received data after it). */
  ret: string;
  /** Shown aligned after the call: what changed (`local 127.0.0.1:51514`). */
  annotation?: string;
  /** Lines said after the call: where Deno differs from BSD, what happened. */
  notes?: string[];
  /** Values a script can capture. */
  value?: Record<string, Uint8Array | string | number>;
  /** Extra lines of output (a hex dump). */
  extra?: string;
  /** A datagram received: its sender and whole size, for the session log. */
  datagram?: { from: Addr; size: number };
}

/** Names that have a `help.NAME.summary` in the catalogue. */
type Summarised = {
  [K in MessageKey]: K extends `help.${infer N}.summary` ? N : never;
}[MessageKey];

/** Names that have a `help.NAME.details` in the catalogue. */
type Detailed = {
  [K in MessageKey]: K extends `help.${infer N}.details` ? N : never;
}[MessageKey];

/**
 * A command's name: one whose summary and details are in the catalogue
 * (`help.bind.summary`, `help.bind.details`), so that a command cannot be
 * added without its help.
 */
export type CommandName = Summarised & Detailed;

/** A command: its declaration, and the function that runs it. Its help is in the catalogue, by its name. */
export interface CommandSpec {
  /** Name typed at the prompt; its help is `help.NAME.summary` and `help.NAME.details`. */
  name: CommandName;
  /** Other names (`write` for `send`). */
  aliases?: string[];
  /** Usage in Cliffy's notation: `bind [host] <port:integer>`. */
  usage: string;
  /** The C prototype it mirrors, from the handout. */
  c: string;
  /** The Deno call it maps to. */
  deno: string;
  /** An example line. */
  example: string;
  /** Values of the placeholders in its details (limits the code enforces). */
  helpValues?: Readonly<Record<string, string | number>>;
  /** Tab completion candidates for the first argument. */
  complete?: string[];
  /** True when the command acts on a descriptor, so `@FD` may name one. */
  takesFd?: boolean;
  /** "shell" for the shell's own commands (ls, run, set...); the socket calls leave it out. */
  kind?: "shell";
  /** Run it. */
  run(ctx: Context): Ran;
  /**
   * Load what running it needs, ahead of its first run (a script's commands,
   * before the script starts); never rejects: a failure shows at the run.
   */
  prepare?(): Promise<void>;
}

/**
 * What running a command gives: its result, or a promise of it. A command
 * that never waits (`let`, `set`) returns the result itself, so that a
 * script's loop of them awaits nothing.
 */
export type Ran = CommandResult | Promise<CommandResult>;

/**
 * A command's implementation: what its module in commands/ exports, loaded
 * on the command's first run (its declaration is in the registry,
 * commands/mod.ts).
 */
export interface CommandImpl {
  /** Run it; `this` is the command's spec. */
  run(this: CommandSpec, ctx: Context): Ran;
}

/** What a failed call's detail says beyond strerror's text, or "" when it says nothing more. */
export function detailBeyond(se: SocketError): string {
  return se.detail && se.detail !== strerror(se.errno) ? se.detail : "";
}

/**
 * The line of a call that failed, `call = -1 ERRNO (meaning): detail`, on
 * standard error; `try` hides it (not EINTR) unless tracing.
 */
export function failedCall(
  ctx: Context,
  text: string,
  se: SocketError,
  ret = "-1",
): void {
  if (ctx.scope.quiet && !ctx.scope.trace && se.errno !== "EINTR") return;
  const detail = detailBeyond(se);
  errorLine(
    ctx.io,
    `${text} = ${ret} ${se.errno} (${strerror(se.errno)})${
      detail ? `: ${detail}` : ""
    }`,
  );
}

/**
 * Run one socket call: print `call = ret` on success, `call = -1 ERRNO (meaning): detail` on failure.
 *
 * @example
 * ```ts ignore
 * return await call(ctx, `listen(${fd}, 5)`, async () => ({ ret: "0" }));
 * ```
 */
export async function call(
  ctx: Context,
  text: string | (() => string),
  f: () => Promise<CallOk>,
  failRet: string | ((errno: string) => string) = "-1",
): Promise<CommandResult> {
  const p = ctx.io.paint;
  const show = () => typeof text === "string" ? text : text();
  // The session log and explain: the one place every call passes.
  const teach = ctx.shell.teach;
  const pending = teach?.before(ctx);
  let ok: CallOk;
  try {
    ok = await f();
  } catch (e) {
    if (e instanceof UsageError) {
      pending?.timer?.();
      throw e;
    }
    const se = toSocketError(e);
    failedCall(
      ctx,
      show(),
      se,
      typeof failRet === "string" ? failRet : failRet(se.errno),
    );
    if (pending) teach!.after(ctx, pending, text, undefined, se);
    return { code: se.errno === "EINTR" ? 124 : 1, errno: se.errno };
  }
  if (ctx.scope.trace) {
    // What the user typed or a peer sent shows in a call's text, its annotation, notes and
    // lines (a certificate's subject, a canonical name): never a raw control character.
    let out = callLine(
      escapeControls(show()),
      escapeControls(ok.ret),
      ok.annotation && escapeControls(ok.annotation),
      p,
    ) + "\n";
    for (const n of ok.notes ?? []) {
      out += p.dim("  " + t("shell.note", { text: escapeControls(n) })) +
        "\n";
    }
    if (ok.extra) {
      out += ok.extra.split("\n").map(escapeControls).join("\n") + "\n";
    }
    ctx.io.out(out);
  }
  if (pending) teach!.after(ctx, pending, text, ok);
  return { code: 0, value: ok.value };
}

/** The descriptor a command acts on: `@FD` if given, else the current one; null when there is none. */
export function targetFd(ctx: Context): number | null {
  return ctx.fd ?? ctx.scope.current ?? null;
}

/** The socket a command acts on, or EBADF with a hint. */
export function targetSock(ctx: Context): Sock {
  const fd = targetFd(ctx);
  if (fd === null) {
    throw new SocketError(
      "EBADF",
      t("shell.noCurrentFd"),
    );
  }
  return ctx.shell.table.get(fd);
}

/**
 * The descriptor as shown in a call: its number, or `?` when there is none.
 * Read it when the call starts, never inside a call's deferred text: the
 * session log makes that text later (`diagram`), when another descriptor
 * may be the current one.
 */
export function fdText(ctx: Context): string {
  return String(targetFd(ctx) ?? "?");
}

/** Parsed options and the positional words after them. */
export interface Parsed {
  /** Options seen, by letter: a value, or true for a flag. */
  opts: Record<string, string | true>;
  /** The remaining words. */
  rest: Word[];
}

/**
 * Split options (`-t 2`, `-x`) from positional words. Options come first;
 * `--` or the first positional word ends them; quoted words are never options.
 *
 * @example
 * ```ts ignore
 * const { opts, rest } = parseOptions(words, { t: "value", x: "flag" });
 * ```
 */
export function parseOptions(
  args: Word[],
  spec: Record<string, "value" | "flag">,
  interleaved = false,
): Parsed {
  const opts: Record<string, string | true> = {};
  const rest: Word[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const w = args[i]!;
    if (!w.quoted && w.text === "--") {
      i++;
      break;
    }
    const option = isOptionWord(w.text, spec);
    if (w.quoted || !option) {
      // Text commands stop at their first word; the others take options anywhere.
      if (!interleaved) break;
      rest.push(w);
      continue;
    }
    for (let j = 1; j < w.text.length; j++) {
      const letter = w.text[j]!;
      const kind = own(spec, letter);
      if (!kind) {
        const known = Object.keys(spec).map((k) => "-" + k).join(" ");
        throw new UsageError(
          known
            ? t("shell.unknownOptionOf", { letter, known })
            : t("shell.unknownOption", { letter }),
        );
      }
      if (kind === "flag") {
        opts[letter] = true;
        continue;
      }
      const value = j + 1 < w.text.length
        ? w.text.slice(j + 1)
        : args[++i]?.text;
      if (value === undefined) {
        throw new UsageError(t("shell.optionNeedsValue", { letter }));
      }
      opts[letter] = value;
      break;
    }
  }
  for (; i < args.length; i++) rest.push(args[i]!);
  return { opts, rest };
}

/** `-x…` (a letter), or `-N` for a digit the command takes (`-4`, `-6`): without a regular expression, on every call. */
function isOptionWord(
  text: string,
  spec: Record<string, "value" | "flag">,
): boolean {
  if (text.length < 2 || text.charCodeAt(0) !== 45) return false;
  const c = text.charCodeAt(1) | 32; // lower case
  if (c >= 97 && c <= 122) return true;
  return text.length === 2 && text[1]! >= "0" && text[1]! <= "9" &&
    own(spec, text[1]!) !== undefined;
}

/** Throw a usage error unless there are between `min` and `max` positional words. */
export function arity(
  rest: Word[],
  min: number,
  max: number,
  usage: string,
): void {
  if (rest.length < min) {
    throw new UsageError(t("shell.missingArgument", { usage }));
  }
  if (rest.length > max) {
    throw new UsageError(
      t("shell.tooManyArguments", { word: quoteText(rest[max]!.text), usage }),
    );
  }
}

/**
 * A port number, 0 to 65535.
 *
 * @example
 * ```ts
 * console.log(parsePort("4950")); // 4950
 * ```
 */
export function parsePort(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) {
    throw new UsageError(t("shell.badPort", { text: quoteText(text) }));
  }
  return Number(text);
}

/** What a whole number given to {@link parseInteger} is, named in the message only when it is wrong. */
export type IntegerName =
  | "backlog"
  | "byteCount"
  | "descriptor"
  | "exitStatus"
  | "length"
  | "repeatCount"
  | "segmentSize"
  | "timeoutMs";

/** A whole number from `min` to `max`, named `what` in the message. */
export function parseInteger(
  text: string,
  what: IntegerName,
  min: number,
  max: number,
): number {
  if (!/^-?\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(
      t("shell.badInteger", { what, min, max, text: quoteText(text) }),
    );
  }
  return Number(text);
}

/** `-t SECONDS` as milliseconds, or undefined when absent. */
export function parseTimeout(
  opt: string | true | undefined,
): number | undefined {
  if (opt === undefined) return undefined;
  if (
    typeof opt !== "string" || !/^\d+(\.\d+)?$/.test(opt) || Number(opt) > 86400
  ) {
    throw new UsageError(
      t("shell.badTimeout", { text: quoteText(String(opt)) }),
    );
  }
  return Math.round(Number(opt) * 1000);
}

/** The wildcard address of a family: INADDR_ANY or in6addr_any. */
export function anyAddr(family: Family): string {
  return family === 4 ? "0.0.0.0" : "::";
}

/**
 * The local address Linux's connect() gives a datagram socket, where no routing table is
 * needed to tell it: a loopback peer's (127.0.0.0/8 is reached from 127.0.0.1, ::1 from ::1).
 * Undefined for any other peer, whose route's interface gives its address.
 */
export function loopbackSource(
  host: string,
  family: Family,
): string | undefined {
  if (family === 4) return /^127\./.test(host) ? "127.0.0.1" : undefined;
  return host === "::1" ? "::1" : undefined;
}

/** The addresses C programs name by a constant (`serv_addr.sin_addr.s_addr = INADDR_ANY`). */
const C_ADDRESSES: Readonly<Record<string, string>> = {
  INADDR_ANY: "0.0.0.0",
  INADDR_LOOPBACK: "127.0.0.1",
  INADDR_BROADCAST: "255.255.255.255",
  IN6ADDR_ANY: "::",
  IN6ADDR_ANY_INIT: "::",
  IN6ADDR_LOOPBACK: "::1",
  IN6ADDR_LOOPBACK_INIT: "::1",
};

/**
 * gethostbyname(): a name or numeric address to one numeric address of the socket's family.
 * A numeric address of the other family is EAFNOSUPPORT, as connect() would say.
 */
export async function resolveHost(
  ctx: Context,
  host: string,
  family: Family,
): Promise<string> {
  // An IPv6 address in brackets, as URLs write it (http://[::1]:8080/), is that address.
  const bracketed = /^\[(.+)\]$/.exec(host)?.[1];
  if (bracketed !== undefined && familyOf(bracketed) === 6) host = bracketed;
  // C's constants for an address, as the handout's server binds INADDR_ANY.
  host = own(C_ADDRESSES, host.toUpperCase()) ?? host;
  const literal = familyOf(host);
  if (literal && literal !== family) {
    throw new SocketError(
      "EAFNOSUPPORT",
      t("shell.wrongFamily", {
        host,
        literal,
        domain: family === 6 ? "AF_INET6" : "AF_INET",
      }),
    );
  }
  const [first] = await ctx.shell.net.lookup(host, family);
  if (!first) {
    throw new SocketError(
      "EAI_NONAME",
      t("shell.noAddressOfFamily", { host: quoteText(host), family }),
    );
  }
  return first;
}

/** Parse `[HOST] PORT` or `HOST PORT` into an address, resolving the host. */
export async function addrArgs(
  ctx: Context,
  words: Word[],
  family: Family,
  defaultHost: string | undefined,
): Promise<SockAddr> {
  const port = parsePort(words[words.length - 1]!.text);
  const host = words.length > 1 ? words[0]!.text : defaultHost!;
  return { host: await resolveHost(ctx, host, family), port };
}

const abortWaiters = new WeakMap<AbortSignal, Callbacks>();

/**
 * Call `f` when `signal` aborts; the returned function forgets it. However
 * many calls wait on one signal (a thousand fork children blocked in recv),
 * the signal has one listener, kept (and collected with the signal).
 */
export function onAbort(signal: AbortSignal, f: () => void): () => void {
  let callbacks = abortWaiters.get(signal);
  if (!callbacks) {
    const all = callbacks = new Callbacks();
    abortWaiters.set(signal, all);
    signal.addEventListener("abort", () => {
      abortWaiters.delete(signal);
      all.call();
    }, { once: true });
  }
  const waiting = callbacks;
  waiting.add(f);
  // The listener stays while the signal lives: a loop of calls adds and removes none.
  return () => waiting.delete(f);
}

/** The error a call interrupted by `signal` fails with: the reason given (`exit`), else Ctrl-C's. */
export function interruption(signal: AbortSignal): SocketError {
  return signal.reason instanceof SocketError
    ? signal.reason
    : new SocketError("EINTR", t("shell.interrupted"));
}

/**
 * Await `p` unless Ctrl-C (EINTR) or the timeout (`onTimeout`, EAGAIN by default) comes first.
 * `p` itself is not cancelled: the socket keeps it, so no data is lost.
 */
export function interruptible<T>(
  p: Promise<T>,
  signal: AbortSignal,
  timeoutMs: number | undefined,
  onTimeout = "EAGAIN",
): Promise<T> {
  if (signal.aborted) return Promise.reject(interruption(signal));
  return new Promise<T>((resolve, reject) => {
    let cancel: Cancel | undefined;
    const done = () => {
      forget();
      cancel?.();
    };
    const forget = onAbort(signal, () => {
      done();
      reject(interruption(signal));
    });
    if (timeoutMs !== undefined) {
      cancel = after(timeoutMs, () => {
        done();
        reject(
          new SocketError(
            onTimeout,
            t("shell.noAnswer", {
              seconds: seconds(timeoutMs),
              how: onTimeout === "EAGAIN" ? "rcvtimeo" : "other",
            }),
          ),
        );
      });
    }
    p.then((v) => {
      done();
      resolve(v);
    }, (e) => {
      done();
      reject(e);
    });
  });
}

/**
 * Await a file's open, read or write (`how`), unless Ctrl-C comes first (EINTR, naming the
 * file): the open of a FIFO waits for a process at its other end, as C's open(2) does, and the
 * runtimes cannot cancel theirs. Given up on, the open is unblocked (the host opens the other
 * end for an instant: under Node a thread blocked in it would hold the process at its exit),
 * and what `p` gives then goes to `late` (a file to close).
 *
 * @example
 * ```ts ignore
 * const f = await fileWait(ctx, host.openWrite(path), path, "write", (f) => f.close());
 * ```
 */
export async function fileWait<T>(
  ctx: Context,
  p: Promise<T>,
  file: string,
  how: "read" | "write",
  late?: (value: T) => unknown,
): Promise<T> {
  const signal = ctx.signal;
  try {
    return await interruptible(p, signal, undefined);
  } catch (e) {
    if (!signal.aborted) throw e;
    p.then((v) => late?.(v), () => {});
    ctx.shell.files.unblockFifo?.(file, how);
    throw new SocketError(
      "EINTR",
      t("shell.fileInterrupted", {
        why: interruption(signal).message,
        file: escapeControls(file),
      }),
    );
  }
}

/**
 * setImmediate: a global in Deno 2 and Node, absent from Deno's type
 * declarations. Read on first use, not at load: in Deno the first read
 * loads the Node compatibility layer, a few milliseconds of every start-up.
 */
let immediate: ((f: () => void) => unknown) | undefined;

/**
 * Let the event loop turn: a runtime read of data already in the kernel
 * resolves only on a later turn (Deno's and Node's reads never complete
 * synchronously), so a non-blocking call waits this long before it says
 * EAGAIN, and sees what C would see. Two immediates, not timers (which are
 * clamped to milliseconds): Node polls for I/O between them; in Deno one
 * would do.
 */
export async function nextTurn(): Promise<void> {
  immediate ??= (globalThis as unknown as {
    setImmediate(f: () => void): unknown;
  }).setImmediate;
  await new Promise<void>((r) => immediate!(r));
  await new Promise<void>((r) => immediate!(r));
}

/**
 * Await `p` as a call on an O_NONBLOCK socket does: what is already there
 * (it settles within {@link nextTurn}), else EAGAIN. `p` is not cancelled:
 * the socket keeps it, so what it brings later is not lost.
 */
export function nonBlocking<T>(
  p: Promise<T>,
  what: "accept" | "recv",
  why: "socket" | "flag" = "socket",
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    p.then((v) => {
      settled = true;
      resolve(v);
    }, (e) => {
      settled = true;
      reject(e);
    });
    nextTurn().then(() => {
      if (!settled) {
        reject(
          new SocketError(
            "EAGAIN",
            t("shell.wouldBlock", { what, why }),
          ),
        );
      }
    });
  });
}
