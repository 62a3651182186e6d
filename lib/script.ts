/**
 * The script language: the shell's own commands, plus what a replay of the
 * handout needs and no more.
 *
 * - `CMD ... -> name` captures what a command returns (`recv` the data,
 *   `accept` the new descriptor, ...) into `$name`, `$name.n`, `$name.peer`...
 * - `if COND` / `else` / `end`, `while COND` / `end`, `break`.
 * - `fork` / `end`: the block runs for this client while the script goes on,
 *   as the handout's child process does after `fork()`.
 *
 * A typed line and a script file go through the same parser, so blocks also
 * work on one line: `while true; recv -> x; end`.
 *
 * @module
 */

import type { CommandResult, Scope } from "./command.ts";
import { evalCondition } from "./cond.ts";
import { EXIT, UsageError } from "./errors.ts";
import { childEvent } from "./memory.ts";
import type { Shell } from "./shell.ts";
import { expand, lex, type LexedWord } from "./tokenize.ts";

const encoder = new TextEncoder();

/** One statement of a parsed script. */
export type Stmt =
  | {
    kind: "cmd";
    line: number;
    text: string;
    words: LexedWord[];
    capture?: string;
  }
  | {
    kind: "if";
    line: number;
    text: string;
    cond: LexedWord[];
    then: Stmt[];
    else: Stmt[];
  }
  | {
    kind: "while";
    line: number;
    text: string;
    cond: LexedWord[];
    body: Stmt[];
  }
  | { kind: "fork"; line: number; text: string; body: Stmt[] }
  | { kind: "break"; line: number; text: string };

/** Words that open, split or close blocks. */
export const KEYWORDS = ["if", "else", "end", "while", "fork", "break"];

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
  const t = new TextDecoder().decode(p);
  return KEYWORDS.includes(t) || t === "->" ? t : undefined;
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
  type Open = { stmt: Stmt & { kind: "if" | "while" | "fork" }; into: Stmt[] };
  const stack: Open[] = [];
  const target = () => stack.at(-1)?.into ?? top;
  const lines = text.split("\n");
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
            `${kw} needs a condition, as in: ${kw} $n.n == 0`,
          );
        }
        const stmt: Stmt = kw === "if"
          ? { kind: "if", line, text, cond: rest, then: [], else: [] }
          : { kind: "while", line, text, cond: rest, body: [] };
        target().push(stmt);
        stack.push({ stmt, into: stmt.kind === "if" ? stmt.then : stmt.body });
      } else if (kw === "fork") {
        if (rest.length) {
          throw new ScriptError(
            line,
            "fork takes nothing: the block under it is the child",
          );
        }
        const stmt: Stmt = { kind: "fork", line, text, body: [] };
        target().push(stmt);
        stack.push({ stmt, into: stmt.body });
      } else if (
        (kw === "else" || kw === "end" || kw === "break") && rest.length
      ) {
        throw new ScriptError(
          line,
          `${kw} takes nothing after it (use ; between commands)`,
        );
      } else if (kw === "else") {
        const open = stack.at(-1);
        if (open?.stmt.kind !== "if" || open.into === open.stmt.else) {
          throw new ScriptError(line, "else without an if");
        }
        open.into = open.stmt.else;
      } else if (kw === "end") {
        if (!stack.pop()) {
          throw new ScriptError(line, "end without an if, while or fork");
        }
      } else if (kw === "break") {
        if (!stack.some((o) => o.stmt.kind === "while")) {
          throw new ScriptError(line, "break outside a while loop");
        }
        target().push({ kind: "break", line, text });
      } else {
        let capture: string | undefined;
        const arrow = words.length - 2;
        if (arrow >= 0 && keyword(words[arrow]) === "->") {
          const name = new TextDecoder().decode(
            words[arrow + 1]!.pieces[0] as Uint8Array,
          );
          if (!/^[A-Za-z_]\w*$/.test(name) || words[arrow + 1]!.quoted) {
            throw new ScriptError(
              line,
              `-> needs a variable name, not ${JSON.stringify(name)}`,
            );
          }
          capture = name;
          words.splice(arrow, 2);
        }
        if (words.some((w) => keyword(w) === "->")) {
          throw new ScriptError(line, "-> goes at the end: CMD ... -> name");
        }
        target().push({ kind: "cmd", line, text, words, capture });
      }
    }
  }
  const open = stack.at(-1);
  if (open) {
    throw new ScriptError(
      open.stmt.line,
      `${open.stmt.kind} is never closed: add end`,
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
}

/** Let timers and signals in now and then, so a loop of instant commands cannot starve Ctrl-C. */
let lastBreath = Date.now();
async function breathe(): Promise<void> {
  // A timer turn costs about 2 ms in Deno: take one only every 20 ms of busy looping.
  if (Date.now() - lastBreath < 20) return;
  await new Promise((r) => setTimeout(r, 0));
  lastBreath = Date.now();
}

/**
 * Run statements in a scope until the end, a failure, a `break`, or an `exit`.
 *
 * @example
 * ```ts ignore
 * const flow = await runStmts(run, parseScript(text), scope);
 * ```
 */
async function runStmts(run: Run, stmts: Stmt[], scope: Scope): Promise<Flow> {
  let code = 0;
  for (const stmt of stmts) {
    if (run.signal.aborted) return { code: EXIT.aborted, failed: stmt };
    if (stmt.kind === "break") return { code, brk: true };
    if (stmt.kind === "cmd") {
      const r = await runCommand(run, stmt, scope);
      code = r.code;
      if (stopped(run, scope)) return { code: exitCode(run, scope) };
      if (code !== 0) return { code, failed: stmt };
    } else if (stmt.kind === "if") {
      const cond = condition(run, stmt, scope);
      if (typeof cond === "number") return { code: cond, failed: stmt };
      const flow = await runStmts(run, cond ? stmt.then : stmt.else, scope);
      if (flow.brk || flow.failed || stopped(run, scope)) return flow;
      code = flow.code;
    } else if (stmt.kind === "while") {
      for (;;) {
        await breathe();
        if (run.signal.aborted) return { code: EXIT.aborted, failed: stmt };
        const cond = condition(run, stmt, scope);
        if (typeof cond === "number") return { code: cond, failed: stmt };
        if (!cond) break;
        const flow = await runStmts(run, stmt.body, scope);
        if (flow.failed || stopped(run, scope)) return flow;
        if (flow.brk) break;
      }
      code = 0;
    } else {
      fork(run, stmt, scope);
      code = 0;
    }
  }
  return { code };
}

/** The child of `fork`: its own scope (a copy of the variables and the current descriptor). */
function fork(run: Run, stmt: Stmt & { kind: "fork" }, scope: Scope): void {
  const child: Scope = {
    current: scope.current,
    vars: new Map(scope.vars),
    trace: scope.trace,
    exits: "task",
  };
  const owned = scope.current;
  const task = runStmts(run, stmt.body, child).then((flow) => {
    if (flow.failed && child.exited === undefined) {
      report(run, flow, "child stopped");
    }
  }, (e) => {
    run.shell.io.err(
      `${where(run, stmt)}child failed: ${(e as Error).message}\n`,
    );
  }).finally(() => {
    // The child owns the descriptor it was forked with: its end closes it, as exit() would.
    if (owned !== undefined && run.shell.table.has(owned)) {
      run.shell.table.close(owned);
    }
  });
  run.children.add(task);
  childEvent();
  task.finally(() => {
    run.children.delete(task);
    childEvent();
  });
}

function stopped(run: Run, scope: Scope): boolean {
  return scope.exited !== undefined || run.shell.exitCode !== undefined;
}

function exitCode(run: Run, scope: Scope): number {
  return scope.exited ?? run.shell.exitCode ?? 0;
}

function condition(
  run: Run,
  stmt: Stmt & { cond: LexedWord[] },
  scope: Scope,
): boolean | number {
  try {
    return evalCondition(expand(stmt.cond, (n) => lookupVar(scope, n)));
  } catch (e) {
    run.shell.io.err(
      run.shell.io.paint.bad(`${stmt.kind}: ${(e as Error).message}`) + "\n",
    );
    return EXIT.usage;
  }
}

async function runCommand(
  run: Run,
  stmt: Stmt & { kind: "cmd" },
  scope: Scope,
): Promise<CommandResult> {
  const r = await run.shell.runLexed(stmt.words, scope, run.signal);
  if (r.code === 0 && stmt.capture) capture(scope, stmt.capture, r);
  return r;
}

/** Store a command's values: `name` gets the main one, `name.key` the others. */
function capture(scope: Scope, name: string, r: CommandResult): void {
  for (const key of [...scope.vars.keys()]) {
    if (key.startsWith(name + ".")) scope.vars.delete(key);
  }
  const toBytes = (v: Uint8Array | string | number) =>
    v instanceof Uint8Array ? v : encoder.encode(String(v));
  const value = r.value ?? { "": r.code };
  for (const [key, v] of Object.entries(value)) {
    scope.vars.set(key === "" ? name : `${name}.${key}`, toBytes(v));
  }
}

function where(run: Run, stmt: Stmt): string {
  return run.name ? `${run.name}:${stmt.line}: ` : "";
}

function report(run: Run, flow: Flow, what: string): void {
  if (!flow.failed || !run.name) return;
  run.shell.io.err(
    run.shell.io.paint.bad(
      `${where(run, flow.failed)}${what}: ${flow.failed.text}`,
    ) + "\n",
  );
}

/** Built-in read-only variables: `$now.year`. */
export function lookupVar(scope: Scope, name: string): Uint8Array | undefined {
  const v = scope.vars.get(name);
  if (v !== undefined) return v;
  if (name === "now.year") {
    return encoder.encode(String(new Date().getFullYear()));
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
    shell.io.err(shell.io.paint.bad(`${line}${(e as Error).message}`) + "\n");
    return EXIT.usage;
  }
  const run: Run = { shell, name, signal, children: new Set() };
  const flow = await runStmts(run, program, scope);
  while (run.children.size) await Promise.all([...run.children]);
  if (flow.failed) {
    report(run, flow, "stopped");
    return signal.aborted ? EXIT.aborted : flow.code;
  }
  return flow.code;
}

/** True when the text opens a block it does not close yet: read more lines before running it. */
export function isIncomplete(text: string): boolean {
  try {
    parseScript(text);
    return false;
  } catch (e) {
    return e instanceof ScriptError &&
      e.message.endsWith("is never closed: add end");
  }
}

/** A scope for a script: positional arguments as `$1`..., `$#`, `$0`. */
export function scriptScope(shell: Shell, name: string, args: string[]): Scope {
  const scope = shell.newScope();
  scope.vars.set("0", encoder.encode(name));
  scope.vars.set("#", encoder.encode(String(args.length)));
  args.forEach((a, i) => scope.vars.set(String(i + 1), encoder.encode(a)));
  return scope;
}
