/**
 * The script language: the shell's own commands, plus what a replay of the
 * handout needs and no more.
 *
 * - `CMD ... -> name` captures what a command returns (`recv` the data,
 *   `accept` the new descriptor, ...) into `$name`, `$name.n`, `$name.peer`...
 * - `if COND` / `else` / `end`, `while COND` / `end`, `break`.
 * - `for NAME in WORDS` / `end`: the words are expanded, then split on
 *   spaces, so `for fd in $r` walks what `poll ... -> r` found.
 * - `fork` / `end`: the block runs for this client while the script goes on,
 *   as the handout's child process does after `fork()`.
 * - `try CMD ... -> name`: a call that fails does not stop the script; its
 *   errno is in `$name.errno` (empty on success) and strerror's text in
 *   `$name.error`, so the script goes on as C does after `perror()`.
 *
 * A typed line and a script file go through the same parser, so blocks also
 * work on one line: `while true; recv -> x; end`.
 *
 * @module
 */

import {
  type CommandResult,
  type CommandSpec,
  onAbort,
  type Ran,
  type Scope,
} from "../shell/command.ts";
import { SocketError } from "../net/errno.ts";
import { evalCondition } from "./cond.ts";
import { EXIT, UsageError } from "../shell/errors.ts";
import { strerror } from "../net/errno.ts";
import { errorLine, quoteText } from "../shell/format.ts";
import { findCommand, nearest } from "../shell/registry.ts";
import { t } from "../i18n/mod.ts";
import type { FdTable } from "../shell/fdtable.ts";
import { childEvent } from "../shell/memory.ts";
import type { Shell } from "../shell/shell.ts";
import {
  decodeText,
  encodeText,
  expand,
  lex,
  type LexedWord,
} from "./tokenize.ts";
import { delay } from "../shell/timer.ts";

const decoder = new TextDecoder();

const encoder = new TextEncoder();

/** One statement of a parsed script. */
export type Stmt =
  | {
    kind: "cmd";
    line: number;
    text: string;
    words: LexedWord[];
    capture?: string;
    /** `try CMD`: a failed call is captured, not a stop. */
    try?: boolean;
  }
  | {
    kind: "if";
    line: number;
    text: string;
    cond: LexedWord[];
    then: Stmt[];
    else: Stmt[];
    src?: string;
  }
  | {
    kind: "while";
    line: number;
    text: string;
    cond: LexedWord[];
    body: Stmt[];
    src?: string;
  }
  | {
    kind: "for";
    line: number;
    text: string;
    name: string;
    words: LexedWord[];
    body: Stmt[];
    src?: string;
  }
  | { kind: "fork"; line: number; text: string; body: Stmt[]; src?: string }
  | { kind: "break"; line: number; text: string };

/** How deep blocks (`if`, `while`, `fork`) may nest: deeper is a parse error, not a crash. */
export const MAX_NESTING = 100;

/** Words that open, split or close blocks. */
export const KEYWORDS = [
  "if",
  "else",
  "end",
  "while",
  "fork",
  "break",
  "for",
  "try",
];

/** Most bytes of a script file `run` reads: a larger one is refused (EFBIG). */
export const MAX_SCRIPT_BYTES = 1 << 20;

/** Most `run`s inside one another (a script that runs itself stops there). */
export const MAX_RUN_DEPTH = 64;

/** A script that cannot be parsed: the message names the line. */
export class ScriptError extends UsageError {
  /** Make a parse error at a line. */
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = "ScriptError";
  }
}

function keyword(w: LexedWord | undefined): string | undefined {
  if (!w || w.quoted || w.pieces.length !== 1) return undefined;
  const p = w.pieces[0]!;
  if (!(p instanceof Uint8Array)) return undefined;
  const t = decoder.decode(p);
  return KEYWORDS.includes(t) || t === "->" ? t : undefined;
}

/** The variable a `-> NAME` word names: a name as typed, never an expansion (`-> $x`), or undefined. */
function captureName(w: LexedWord): string | undefined {
  const piece = w.pieces[0];
  if (w.quoted || w.pieces.length !== 1 || !(piece instanceof Uint8Array)) {
    return undefined;
  }
  const name = decoder.decode(piece);
  return /^[A-Za-z_]\w*$/.test(name) ? name : undefined;
}

/** A word as the user wrote it, variables as `$name`: for messages. */
function wordText(w: LexedWord): string {
  return w.pieces.map((p) =>
    p instanceof Uint8Array ? decoder.decode(p) : `$${p.name}`
  ).join("");
}

/**
 * Parse a script into statements; throws {@link ScriptError} naming the line.
 *
 * @example
 * ```ts
 * const program = parseScript("while true\n  recv -> x\nend");
 * console.log(program[0]?.kind); // "while"
 * ```
 */
export function parseScript(text: string, firstLine = 1): Stmt[] {
  const top: Stmt[] = [];
  type Open = {
    stmt: Stmt & { kind: "if" | "while" | "for" | "fork" };
    into: Stmt[];
  };
  const stack: Open[] = [];
  const target = () => stack.at(-1)?.into ?? top;
  const nest = (line: number) => {
    // The runner recurses once per block: bound it before it can exhaust the stack.
    if (stack.length >= MAX_NESTING) {
      throw new ScriptError(
        line,
        t("script.nestingTooDeep", { limit: MAX_NESTING }),
      );
    }
  };
  const lines = text.split("\n");
  // Where the open top-level block starts (line index, column), for its source text (record).
  let from: [number, number] = [0, 0];
  for (let n = 0; n < lines.length; n++) {
    const line = n + firstLine;
    const raw = lines[n]!.replace(/\r$/, "");
    let commands: LexedWord[][];
    const spans: Array<[number, number]> = [];
    try {
      commands = lex(raw, spans);
    } catch (e) {
      throw new ScriptError(line, (e as Error).message);
    }
    for (const [c, words] of commands.entries()) {
      // Each command of a line is named by its own text: `-c:1: stopped: recv`.
      const span = spans[c];
      const text = (span ? raw.slice(span[0], span[1]) : raw).trim();
      const kw = keyword(words[0]);
      const rest = words.slice(1);
      if (kw === "if" || kw === "while") {
        if (!rest.length) {
          throw new ScriptError(
            line,
            t("script.needsCondition", { kw }),
          );
        }
        nest(line);
        const stmt: Stmt = kw === "if"
          ? { kind: "if", line, text, cond: rest, then: [], else: [] }
          : { kind: "while", line, text, cond: rest, body: [] };
        if (!stack.length) from = [n, span?.[0] ?? 0];
        target().push(stmt);
        stack.push({ stmt, into: stmt.kind === "if" ? stmt.then : stmt.body });
      } else if (kw === "for") {
        const name =
          rest[0] && !rest[0].quoted && rest[0].pieces.length === 1 &&
            rest[0].pieces[0] instanceof Uint8Array
            ? decoder.decode(rest[0].pieces[0])
            : "";
        const inWord = rest[1]?.pieces[0];
        const isIn = rest[1] && !rest[1].quoted &&
          inWord instanceof Uint8Array &&
          decoder.decode(inWord) === "in";
        if (!/^[A-Za-z_]\w*$/.test(name) || !isIn) {
          throw new ScriptError(
            line,
            t("script.forNeedsList"),
          );
        }
        const stmt: Stmt = {
          kind: "for",
          line,
          text,
          name,
          words: rest.slice(2),
          body: [],
        };
        if (!stack.length) from = [n, span?.[0] ?? 0];
        target().push(stmt);
        stack.push({ stmt, into: stmt.body });
      } else if (kw === "fork") {
        if (rest.length) {
          throw new ScriptError(
            line,
            t("script.forkTakesNothing"),
          );
        }
        nest(line);
        const stmt: Stmt = { kind: "fork", line, text, body: [] };
        if (!stack.length) from = [n, span?.[0] ?? 0];
        target().push(stmt);
        stack.push({ stmt, into: stmt.body });
      } else if (
        (kw === "else" || kw === "end" || kw === "break") && rest.length
      ) {
        throw new ScriptError(
          line,
          t("script.takesNothing", { kw }),
        );
      } else if (kw === "else") {
        const open = stack.at(-1);
        if (open?.stmt.kind !== "if" || open.into === open.stmt.else) {
          throw new ScriptError(line, t("script.elseWithoutIf"));
        }
        open.into = open.stmt.else;
      } else if (kw === "end") {
        const closed = stack.pop();
        if (!closed) {
          throw new ScriptError(
            line,
            t("script.endWithoutBlock"),
          );
        }
        if (!stack.length) {
          const to = span?.[1] ?? raw.length;
          closed.stmt.src = from[0] === n ? raw.slice(from[1], to) : [
            lines[from[0]]!.replace(/\r$/, "").slice(from[1]),
            ...lines.slice(from[0] + 1, n).map((l) => l.replace(/\r$/, "")),
            raw.slice(0, to),
          ].join("\n");
        }
      } else if (kw === "break") {
        if (
          !stack.some((o) => o.stmt.kind === "while" || o.stmt.kind === "for")
        ) {
          throw new ScriptError(line, t("script.breakOutsideLoop"));
        }
        target().push({ kind: "break", line, text });
      } else {
        const tried = kw === "try";
        if (tried) {
          words.shift();
          if (!words.length || keyword(words[0])) {
            throw new ScriptError(line, t("script.tryNeedsCommand"));
          }
        }
        let capture: string | undefined;
        const arrow = words.length - 2;
        if (arrow >= 0 && keyword(words[arrow]) === "->") {
          const name = captureName(words[arrow + 1]!);
          if (name === undefined) {
            throw new ScriptError(
              line,
              t("script.arrowNeedsName", {
                word: quoteText(wordText(words[arrow + 1]!)),
              }),
            );
          }
          capture = name;
          words.splice(arrow, 2);
        }
        if (words.some((w) => keyword(w) === "->")) {
          throw new ScriptError(line, t("script.arrowAtEnd"));
        }
        target().push({
          kind: "cmd",
          line,
          text,
          words,
          capture,
          ...(tried ? { try: true } : {}),
        });
      }
    }
  }
  const unclosed = stack.at(-1);
  if (unclosed) {
    throw new ScriptError(
      unclosed.stmt.line,
      t("script.neverClosed", { kw: unclosed.stmt.kind }),
    );
  }
  return top;
}

/** How a run of statements ended. */
interface Flow {
  /** Exit status of the last command. */
  code: number;
  /** A `break` is leaving its loop. */
  brk?: boolean;
  /** The statement that failed, for the `NAME:LINE` message. */
  failed?: Stmt;
}

/** What a run needs beyond the scope: the shell, names for messages, Ctrl-C, and the forked children. */
export interface Run {
  /** The shell. */
  shell: Shell;
  /** The script's name in messages (`tcp-server`, `x.sock`); undefined at the prompt. */
  name?: string;
  /** Ctrl-C. */
  signal: AbortSignal;
  /** Children started by `fork`, awaited before the run ends. */
  children: Set<Promise<void>>;
  /** Aborted when the run ends by `exit` or the shell ends: its children's pending calls stop. */
  ending: AbortController;
}

/** Let timers and signals in now and then, so a loop of instant commands cannot starve Ctrl-C. */
let lastBreath = Date.now();
function breathe(): Promise<void> | undefined {
  // A timer turn costs about 2 ms in Deno (its timers' resolution): take one every 100 ms
  // of looping, under a tenth of a second for Ctrl-C and 2 % of a loop's time. In between,
  // no promise: a loop's turn awaits nothing it need not.
  if (Date.now() - lastBreath < 100) return undefined;
  return delay(0).then(() => void (lastBreath = Date.now()));
}

/**
 * Run statements in a scope until the end, a failure, a `break`, or an `exit`: at once (no
 * promise) when none of them waits, as a loop's `if` and `let` do.
 *
 * @example
 * ```ts ignore
 * const flow = await runStmts(run, parseScript(text), scope);
 * ```
 */
function runStmts(
  run: Run,
  stmts: Stmt[],
  scope: Scope,
): Flow | Promise<Flow> {
  try {
    const r = runBlock(run, stmts, scope, 0, 0);
    return r instanceof Waiting ? finish(run, stmts, scope, r) : r;
  } catch (e) {
    // As an async function would: what goes wrong is the promise's, not the caller's.
    return Promise.reject(e);
  }
}

/** The rest of a block once one of its statements waits. */
async function finish(
  run: Run,
  stmts: Stmt[],
  scope: Scope,
  w: Waiting,
): Promise<Flow> {
  let r: Flow | Waiting = w;
  while (r instanceof Waiting) r = resume(run, stmts, scope, r, await r.wait);
  return r;
}

/** A block stopped at statement `at`, which waits: a command's result, or a block's flow. */
class Waiting {
  constructor(
    readonly at: number,
    readonly wait: Promise<CommandResult | Flow>,
    readonly cmd: boolean,
  ) {}
}

/**
 * Statements `from` on, in place, until one waits (then a {@link Waiting} for it) or the
 * block ends (its flow). A loop's turn runs its body here: no promise of its own.
 */
function runBlock(
  run: Run,
  stmts: Stmt[],
  scope: Scope,
  from: number,
  code: number,
): Flow | Waiting {
  for (let i = from; i < stmts.length; i++) {
    const stmt = stmts[i]!;
    if (run.signal.aborted) return { code: EXIT.aborted, failed: stmt };
    if (stmt.kind === "break") return { code, brk: true };
    if (stmt.kind === "cmd") {
      // A command that did not wait (`let`) is not awaited: a loop's turn costs no promise.
      const ran = runCommand(run, stmt, scope);
      if (ran instanceof Promise) return new Waiting(i, ran, true);
      const end = afterCommand(run, stmt, scope, ran);
      if (end) return end;
      code = ran.code;
      continue;
    }
    let flow: Flow | Promise<Flow>;
    if (stmt.kind === "if") {
      const cond = condition(run, stmt, scope);
      if (typeof cond === "number") return { code: cond, failed: stmt };
      flow = runStmts(run, cond ? stmt.then : stmt.else, scope);
    } else if (stmt.kind === "while") flow = runWhile(run, stmt, scope);
    else if (stmt.kind === "for") flow = runFor(run, stmt, scope);
    else {
      fork(run, stmt, scope);
      code = 0;
      continue;
    }
    if (flow instanceof Promise) return new Waiting(i, flow, false);
    if (flow.brk || flow.failed || stopped(run, scope)) return flow;
    code = flow.code;
  }
  return { code };
}

/** Go on after the statement a block waited for: `v` is what it gave. */
function resume(
  run: Run,
  stmts: Stmt[],
  scope: Scope,
  w: Waiting,
  v: CommandResult | Flow,
): Flow | Waiting {
  if (w.cmd) {
    const end = afterCommand(run, stmts[w.at]!, scope, v as CommandResult);
    if (end) return end;
  } else {
    const flow = v as Flow;
    if (flow.brk || flow.failed || stopped(run, scope)) return flow;
  }
  return runBlock(run, stmts, scope, w.at + 1, v.code);
}

/** A `while` loop; its flow never carries its own `break`. */
async function runWhile(
  run: Run,
  stmt: Stmt & { kind: "while" },
  scope: Scope,
): Promise<Flow> {
  const body = stmt.body;
  for (;;) {
    const pause = breathe();
    if (pause) await pause;
    if (run.signal.aborted) return { code: EXIT.aborted, failed: stmt };
    const cond = condition(run, stmt, scope);
    if (typeof cond === "number") return { code: cond, failed: stmt };
    if (!cond) return { code: 0 };
    // The body runs here, each wait awaited by this loop: a turn calls no async function.
    let r = runBlock(run, body, scope, 0, 0);
    while (r instanceof Waiting) r = resume(run, body, scope, r, await r.wait);
    if (r.failed || stopped(run, scope)) return r;
    if (r.brk) return { code: 0 };
  }
}

/** A `for` loop; its flow never carries its own `break`. */
async function runFor(
  run: Run,
  stmt: Stmt & { kind: "for" },
  scope: Scope,
): Promise<Flow> {
  const items = forItems(run, stmt, scope);
  if (typeof items === "number") return { code: items, failed: stmt };
  for (const item of items) {
    const pause = breathe();
    if (pause) await pause;
    if (run.signal.aborted) return { code: EXIT.aborted, failed: stmt };
    scope.vars.set(stmt.name, encodeText(item));
    let r = runBlock(run, stmt.body, scope, 0, 0);
    while (r instanceof Waiting) {
      r = resume(run, stmt.body, scope, r, await r.wait);
    }
    if (r.failed || stopped(run, scope)) return r;
    if (r.brk) break;
  }
  return { code: 0 };
}

/** The child of `fork`: its own scope (a copy of the variables and the current descriptor). */
function fork(run: Run, stmt: Stmt & { kind: "fork" }, scope: Scope): void {
  const child: Scope = {
    current: scope.current,
    vars: new Map(scope.vars),
    trace: scope.trace,
    exits: "task",
    depth: scope.depth,
    outside: scope.outside,
  };
  const table = run.shell.table;
  // The child holds the socket it was forked with: released by identity at its end,
  // and its number not given to another socket meanwhile, even if it is closed.
  const owned = scope.current !== undefined && table.has(scope.current)
    ? table.get(scope.current)
    : undefined;
  if (owned) table.hold(owned);
  // The child's own signal: Ctrl-C, or the end of the run (exit), whichever comes first.
  const ctl = new AbortController();
  const stop = (from: AbortSignal) => () => ctl.abort(from.reason);
  const forget = [
    onAbort(run.signal, stop(run.signal)),
    onAbort(run.ending.signal, stop(run.ending.signal)),
  ];
  const childRun: Run = { ...run, signal: ctl.signal };
  const task = Promise.resolve(runStmts(childRun, stmt.body, child)).then(
    (flow) => {
      if (flow.failed && child.exited === undefined) {
        report(run, flow, "script.childStopped");
      }
    },
    (e) => {
      errorLine(
        run.shell.io,
        `${where(run, stmt)}${
          t("script.childFailed", { message: (e as Error).message })
        }`,
      );
    },
  ).finally(() => {
    forget.forEach((f) => f());
    // The child owns the descriptor it was forked with: the end of the last child holding it closes it.
    if (owned) table.release(owned, true);
  });
  run.children.add(task);
  childEvent();
  task.finally(() => {
    run.children.delete(task);
    childEvent();
  });
}

/** After a command of a block: the flow that ends the block (an exit, a failure), or undefined to go on. */
function afterCommand(
  run: Run,
  stmt: Stmt,
  scope: Scope,
  r: CommandResult,
): Flow | undefined {
  if (stopped(run, scope)) return { code: exitCode(run, scope) };
  if (r.code !== 0) return { code: r.code, failed: stmt };
  return undefined;
}

function stopped(run: Run, scope: Scope): boolean {
  return scope.exited !== undefined || run.shell.exitCode !== undefined;
}

function exitCode(run: Run, scope: Scope): number {
  return scope.exited ?? run.shell.exitCode ?? 0;
}

/** The words of a `for`, expanded once at the start, split on spaces. */
function forItems(
  run: Run,
  stmt: Stmt & { kind: "for" },
  scope: Scope,
): string[] | number {
  try {
    return expand(stmt.words, (n) => lookupVar(scope, n, run.shell.table))
      .flatMap((w) => w.text.split(/\s+/)).filter((t) => t !== "");
  } catch (e) {
    run.shell.io.err(
      run.shell.io.paint.bad(`for: ${(e as Error).message}`) + "\n",
    );
    return EXIT.usage;
  }
}

function condition(
  run: Run,
  stmt: Stmt & { cond: LexedWord[] },
  scope: Scope,
): boolean | number {
  try {
    return evalCondition(
      expand(stmt.cond, (n) => lookupVar(scope, n, run.shell.table)),
    );
  } catch (e) {
    errorLine(run.shell.io, `${stmt.kind}: ${(e as Error).message}`);
    return EXIT.usage;
  }
}

/** Run a command statement: its result, or a promise of it (see {@link Ran}). */
function runCommand(
  run: Run,
  stmt: Stmt & { kind: "cmd" },
  scope: Scope,
): Ran {
  if (stmt.try) return runTried(run, stmt, scope);
  const ran = run.shell.runLexed(stmt.words, scope, run.signal);
  const name = stmt.capture;
  if (!name) return ran;
  const keep = (r: CommandResult) => {
    if (r.code === 0) capture(scope, name, r);
    return r;
  };
  return ran instanceof Promise ? ran.then(keep) : keep(ran);
}

/** `try COMMAND`: a failed call's errno is the script's to handle. */
function runTried(
  run: Run,
  stmt: Stmt & { kind: "cmd" },
  scope: Scope,
): Ran {
  scope.quiet = true;
  let ran: Ran;
  try {
    ran = run.shell.runLexed(stmt.words, scope, run.signal);
  } catch (e) {
    scope.quiet = undefined;
    throw e;
  }
  // One `then`, not an async function's frame: a loop of `try recvfrom` runs it every turn.
  return ran instanceof Promise
    ? ran.then((r) => tried(stmt, scope, r), (e) => {
      scope.quiet = undefined;
      throw e;
    })
    : tried(stmt, scope, ran);
}

function tried(
  stmt: Stmt & { kind: "cmd" },
  scope: Scope,
  r: CommandResult,
): CommandResult {
  scope.quiet = undefined;
  // Only a call that failed with an errno is the script's to handle: a usage error or Ctrl-C stops it.
  const failed = r.code === EXIT.failed && r.errno !== undefined;
  if (stmt.capture && failed) {
    capture(scope, stmt.capture, {
      code: 0,
      value: { "": -1, n: -1, errno: r.errno!, error: strerror(r.errno!) },
    });
  } else if (stmt.capture && r.code === 0) {
    // Its value, with errno and error set empty (no copy of the value with them added).
    capture(scope, stmt.capture, r, true);
  }
  return failed ? { code: 0 } : r;
}

/**
 * Store a command's values: `name` gets the main one, `name.key` the others;
 * `noErrno`: `name.errno` and `name.error` too, empty (a `try` that succeeded).
 */
function capture(
  scope: Scope,
  name: string,
  r: CommandResult,
  noErrno = false,
): void {
  const value = r.value ?? { "": r.code };
  const names = fieldNames(name);
  let fields = 0;
  for (const key in value) {
    if (noErrno && isErrnoField(key)) continue;
    scope.vars.set(fieldName(names, name, key), toBytes(value[key]!));
    if (key !== "") fields++;
  }
  if (noErrno) {
    scope.vars.set(fieldName(names, name, "errno"), EMPTY);
    scope.vars.set(fieldName(names, name, "error"), EMPTY);
    fields += 2;
  }
  // What an earlier capture left that this one does not set goes. A loop captures the same
  // fields on every turn: then their count says so, and nothing is looked up again.
  const prefix = name + ".";
  let held = 0;
  for (const key of scope.vars.keys()) if (key.startsWith(prefix)) held++;
  if (held === fields) return;
  for (const key of scope.vars.keys()) {
    if (!key.startsWith(prefix)) continue;
    const field = key.slice(prefix.length);
    const set = Object.hasOwn(value, field) || (noErrno && isErrnoField(field));
    if (!set) scope.vars.delete(key);
  }
}

/**
 * Each capture name's variable names (`d` → `d.n`, `d.from`...), made once:
 * a string made anew on every capture would be hashed anew by the map.
 */
const captured = new Map<string, Map<string, string>>();

function fieldNames(name: string): Map<string, string> {
  let names = captured.get(name);
  if (!names) captured.set(name, names = new Map());
  return names;
}

/** The variable a field of capture `name` goes to (`d` for "", `d.n` for "n"), made once. */
function fieldName(
  names: Map<string, string>,
  name: string,
  key: string,
): string {
  let full = names.get(key);
  if (full === undefined) {
    names.set(key, full = key === "" ? name : `${name}.${key}`);
  }
  return full;
}

/** The fields `try` sets on every capture: the errno and strerror's text. */
function isErrnoField(key: string): boolean {
  return key === "errno" || key === "error";
}

/** A captured value as a variable holds it: bytes. */
function toBytes(v: Uint8Array | string | number): Uint8Array {
  if (v instanceof Uint8Array) return v;
  // Empty text (no errno, no error) is one shared array: it has no byte to write.
  return v === "" ? EMPTY : encodeText(String(v));
}

const EMPTY = new Uint8Array(0);

function where(run: Run, stmt: Stmt): string {
  return run.name ? `${run.name}:${stmt.line}: ` : "";
}

function report(
  run: Run,
  flow: Flow,
  what: "script.stopped" | "script.childStopped",
): void {
  // A run too deeply nested said so once: the levels it unwinds through stay quiet.
  if (!flow.failed || !run.name || run.shell.runTooDeep) return;
  errorLine(
    run.shell.io,
    `${where(run, flow.failed)}${t(what, { command: flow.failed.text })}`,
  );
}

/**
 * Built-in read-only variables: `$now.year`, and `$fds` (the open descriptors, "3 4 5") given the table;
 * in a `run`, those the script opened, as a program sees only its own.
 */
export function lookupVar(
  scope: Scope,
  name: string,
  table?: FdTable,
): Uint8Array | undefined {
  const v = scope.vars.get(name);
  if (v !== undefined) return v;
  if (name === "now.year") {
    return encoder.encode(String(new Date().getFullYear()));
  }
  if (name === "fds" && table) {
    return encoder.encode(
      table.list().filter((s) => !scope.outside?.has(s.fd)).map((s) => s.fd)
        .join(" "),
    );
  }
  return undefined;
}

/**
 * Run a script's text in a scope; resolves with its exit status once it and
 * every child it forked are done. A parse error runs nothing.
 *
 * @example
 * ```ts ignore
 * const code = await runScript(shell, "x.sock", text, scope, signal);
 * ```
 */
export async function runScript(
  shell: Shell,
  name: string | undefined,
  text: string,
  scope: Scope,
  signal: AbortSignal,
  firstLine = 1,
): Promise<number> {
  let program: Stmt[];
  try {
    program = parseScript(text, firstLine);
  } catch (e) {
    const line = e instanceof ScriptError && name ? `${name}:${e.line}: ` : "";
    errorLine(shell.io, `${line}${(e as Error).message}`);
    return EXIT.usage;
  }
  // A script file's commands load before it starts; a line typed runs at once (Ctrl-C then
  // interrupts its call, not a load).
  if (name) await prepareCommands(shell, program);
  const run: Run = {
    shell,
    name,
    signal,
    children: new Set(),
    ending: new AbortController(),
  };
  const end = (why: string) => run.ending.abort(new SocketError("EINTR", why));
  const forget = onAbort(shell.ending, () => end(t("shell.ending")));
  let flow: Flow;
  try {
    flow = scope.depth
      ? await runStmts(run, program, scope)
      : await runTop(run, program, scope);
    // A C parent that calls exit() leaves at once: its children's pending calls end here.
    if (stopped(run, scope) && run.children.size) {
      end(t("script.exitEndedChild"));
    }
    while (run.children.size) await Promise.all([...run.children]);
  } finally {
    forget();
  }
  if (flow.failed) {
    report(run, flow, "script.stopped");
    return signal.aborted ? EXIT.aborted : flow.code;
  }
  return flow.code;
}

/**
 * Load the modules of the commands a script names, together, before it runs:
 * as a C program is linked before it starts, no command pauses a dialogue
 * (or misses a burst of datagrams) to load its code at its first use.
 */
async function prepareCommands(shell: Shell, program: Stmt[]): Promise<void> {
  const names = new Set<string>();
  const visit = (stmts: Stmt[]) => {
    for (const s of stmts) {
      if (s.kind === "cmd") {
        const head = s.words[0]?.pieces;
        if (head?.length === 1 && head[0] instanceof Uint8Array) {
          names.add(decodeText(head[0]));
        }
      } else if (s.kind === "if") {
        visit(s.then);
        visit(s.else);
      } else if (s.kind !== "break") visit(s.body);
    }
  };
  visit(program);
  const specs = [...names].map((n) => findCommand(shell.commands, n));
  await Promise.all(specs.map((spec) => spec?.prepare?.()));
}

/**
 * The top level of what the user gave (a line typed or piped, `-c`, a script file), one
 * statement at a time: each that succeeds while `record` is on is written to its file,
 * a block as a whole. A `run` script's own statements are not: its `run` line is.
 */
async function runTop(run: Run, program: Stmt[], scope: Scope): Promise<Flow> {
  let flow: Flow = { code: 0 };
  for (const stmt of program) {
    const recording = run.shell.recording;
    run.shell.recordedItself = false;
    run.shell.recordingIn = recording && stmt.kind === "cmd"
      ? scope
      : undefined;
    try {
      flow = await runStmts(run, [stmt], scope);
    } finally {
      run.shell.recordingIn = undefined;
    }
    if (flow.failed || flow.brk || stopped(run, scope)) return flow;
    // `record FILE` and `record stop` themselves change the recording: they are not recorded.
    if (
      recording && run.shell.recording === recording &&
      !run.shell.recordedItself
    ) {
      await run.shell.record(
        stmt.kind === "cmd" || stmt.kind === "break"
          ? stmt.text
          : stmt.src ?? stmt.text,
      );
    }
  }
  return flow;
}

/**
 * Lines given one at a time (typed, or piped on standard input): tells after each whether a
 * block is still open, so that the lines so far must wait for its `end`. Each line is lexed
 * once, against the blocks still open, by {@link parseScript}'s rules: the time is linear in
 * the input, where parsing the whole text again at every line was quadratic. A line that
 * {@link parseScript} would refuse closes the text at once, so that its error shows now.
 *
 * @example
 * ```ts
 * const reader = new BlockReader();
 * console.log(reader.add("while true")); // true: wait for end
 * console.log(reader.add("end")); // false: run it
 * ```
 */
export class BlockReader {
  #open: Array<{ kind: string; inElse: boolean }> = [];
  #broken = false;

  /** Add a line; true while a block is open and no line was refused. */
  add(line: string): boolean {
    if (this.#broken) return false;
    let commands: LexedWord[][];
    try {
      commands = lex(line.replace(/\r$/, ""));
    } catch {
      return this.#break();
    }
    const open = this.#open;
    for (const words of commands) {
      const kw = keyword(words[0]);
      const rest = words.length > 1;
      if (kw === "if" || kw === "while" || kw === "for") {
        if (!rest) return this.#break();
        open.push({ kind: kw, inElse: false });
      } else if (kw === "fork") {
        if (rest) return this.#break();
        open.push({ kind: kw, inElse: false });
      } else if (kw === "else" || kw === "end" || kw === "break") {
        const top = open.at(-1);
        if (rest) return this.#break();
        if (kw === "else") {
          if (top?.kind !== "if" || top.inElse) return this.#break();
          top.inElse = true;
        } else if (kw === "end") {
          if (!open.pop()) return this.#break();
        } else if (!open.some((o) => o.kind === "while" || o.kind === "for")) {
          return this.#break();
        }
      } else {
        // `CMD ... -> name`, as parseScript reads it.
        const arrow = words.length - 2;
        let last = words.length;
        if (arrow >= 0 && keyword(words[arrow]) === "->") {
          if (captureName(words[arrow + 1]!) === undefined) {
            return this.#break();
          }
          last = arrow;
        }
        for (let i = 0; i < last; i++) {
          if (keyword(words[i]) === "->") return this.#break();
        }
      }
    }
    return open.length > 0;
  }

  #break(): false {
    this.#broken = true;
    return false;
  }
}

/**
 * Why a file is not a sockshell script, or undefined when it may be one. It is not when it
 * holds binary content (a NUL, or bytes that are not UTF-8), or when its first command is no
 * command, keyword or near-miss of one (`root:x:0:0:...`). A first line that cannot be parsed
 * is left to the parser, whose message names the line.
 *
 * @example
 * ```ts ignore
 * notAScript("root:x:0:0:root:/root:/bin/bash\n", builtInCommands); // 'line 1 starts with "root:x:0:0:root:/root:/bin/bash", no command'
 * ```
 */
export function notAScript(
  text: string,
  commands: Readonly<Record<string, CommandSpec>>,
): string | undefined {
  if (/[\0\uFFFD]/.test(text)) {
    return t("script.binary");
  }
  let start = 0;
  for (let n = 1; start < text.length; n++) {
    const nl = text.indexOf("\n", start);
    const line = text.slice(start, nl < 0 ? text.length : nl);
    start = nl < 0 ? text.length : nl + 1;
    let first: LexedWord | undefined;
    try {
      first = lex(line)[0]?.[0];
    } catch {
      return undefined;
    }
    if (!first) continue;
    const piece = first.pieces[0];
    if (first.pieces.length !== 1 || !(piece instanceof Uint8Array)) {
      return undefined;
    }
    const name = decoder.decode(piece);
    if (
      keyword(first) || findCommand(commands, name) ||
      nearest(commands, name) !== undefined
    ) return undefined;
    const shown = name.length > 32 ? name.slice(0, 32) + "..." : name;
    return t("script.noCommand", { n, word: quoteText(shown) });
  }
  return undefined;
}

/** A scope for a script: positional arguments as `$1`..., `$#`, `$0`. */
export function scriptScope(shell: Shell, name: string, args: string[]): Scope {
  const scope = shell.newScope();
  scope.vars.set("0", encoder.encode(name));
  scope.vars.set("#", encoder.encode(String(args.length)));
  args.forEach((a, i) => scope.vars.set(String(i + 1), encoder.encode(a)));
  return scope;
}
