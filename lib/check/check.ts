/**
 * `check`: run a check script against a program and report in TAP.
 *
 * A check is a script of the shell's own commands in which top-level
 * `scenario NAME` ... `end` blocks are the tests. Each scenario runs on the
 * check's one shell and scope (so what a scenario learns, such as the server's
 * reference year, holds for the next ones), bounded in time; when it ends,
 * whatever happened, the programs it started are killed with their process
 * group and the descriptors it opened are closed. Its output, the calls as the
 * shell shows them, is kept and shown only when it fails, in the TAP YAML
 * block with what was sent, expected and received, where the stream was cut,
 * and the scenario's `hint`.
 *
 * Every sentence check prints is in {@link CHECK_MESSAGES}, from the message
 * catalogues; a scenario's name may be a catalogue key too (`scenario -k KEY`,
 * as the built-in checks' are), looked up in the language in use.
 *
 * @module
 */

import type { CommandSpec, Output, Scope } from "../shell/command.ts";
import { EXIT } from "../shell/errors.ts";
import {
  escapeControls,
  jsonEscapeControls,
  PLAIN,
  showBytes,
} from "../shell/format.ts";
import type { Host } from "../ui/host.ts";
import type { NetBackend } from "../net.ts";
import { type CheckState, checkStates } from "./state.ts";
import type { Proc } from "./proc.ts";
import { runScript, scriptScope } from "../script/script.ts";
import { Shell } from "../shell/shell.ts";
import { expand, lex } from "../script/tokenize.ts";
import { language, t } from "../i18n/mod.ts";
import { keyedText } from "./keyed.ts";

/** Every message of `check`, in one place: the French version will be a second object like it. */
export const CHECK_MESSAGES = {
  // TAP's own words ("Bail out!", the "# " of a comment) stay as TAP has them.
  bailOut: (what: string) => `Bail out! ${what}`,
  setupFailed: (at: string) => t("check.setupFailed", { at }),
  get interrupted(): string {
    return t("check.interrupted");
  },
  get noScenario(): string {
    return t("check.noScenario");
  },
  timedOut: (s: number) => t("check.timedOut", { seconds: s }),
  get stillRunning(): string {
    return t("check.stillRunning");
  },
  notKept: (total: number, dropped: number) =>
    t("check.notKept", { total, dropped }),
  leftBehind: (list: readonly string[]) =>
    t("check.leftBehind", { n: list.length, list: list.join(", ") }),
  get cutClosed(): string {
    return t("check.cutClosed");
  },
  cutTimeout: (line: string) => t("check.cutTimeout", { line }),
  get cutReset(): string {
    return t("check.cutReset");
  },
  thenNothing: (got: string) => t("check.thenNothing", { got }),
  get wantedLine(): string {
    return t("check.wantedLine");
  },
  wantedUntil: (delim: string) => t("check.wantedUntil", { delim }),
  summary: (passed: number, total: number, seconds: number) =>
    `# ${
      t("check.passed", {
        passed,
        total,
        seconds: seconds.toLocaleString(language(), {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
          useGrouping: false,
        }),
      })
    }`,
  earlier: (n: number) => t("check.earlier", { n }),
  scenarioAtLine: (line: number) => t("check.scenarioAtLine", { line }),
} as const;

/** A part of a check script: statements run as they are, or a scenario. */
export interface CheckPart {
  /** A scenario (a test) or plain statements (set-up). */
  kind: "stmts" | "scenario";
  /** The scenario's name. */
  name: string;
  /** Its time limit in seconds. */
  seconds: number;
  /** Its text, and the line it starts on. */
  text: string;
  /** First line of the text in the file. */
  line: number;
  /** Why the scenario line is wrong (`-k` naming no message): the check cannot run. */
  error?: string;
}

/** Default time limit of a scenario, in seconds. */
export const SCENARIO_SECONDS = 10;

/**
 * Split a check script into set-up statements and `scenario [-t S] NAME` ... `end` blocks.
 *
 * @example
 * ```ts
 * const parts = splitCheck('set a 1\nscenario "one"\n  expect 1 == 1\nend');
 * console.log(parts.map((p) => p.kind)); // ["stmts", "scenario"]
 * ```
 */
export function splitCheck(text: string): CheckPart[] {
  const lines = text.split("\n");
  const parts: CheckPart[] = [];
  let depth = 0;
  let open: CheckPart | undefined;
  let body: string[] = [];
  let plain: string[] = [];
  let plainStart = 1;
  const flushPlain = (next: number) => {
    if (plain.some((l) => l.trim() && !l.trim().startsWith("#"))) {
      parts.push({
        kind: "stmts",
        name: "",
        seconds: 0,
        text: plain.join("\n"),
        line: plainStart,
      });
    }
    plain = [];
    plainStart = next;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    let commands: string[][];
    try {
      commands = lex(raw).map((c) =>
        expand(c, () => new Uint8Array(0)).map((w) => w.quoted ? "" : w.text)
      );
    } catch {
      commands = [];
    }
    const first = commands[0]?.[0];
    if (!open && depth === 0 && first === "scenario") {
      const words = lex(raw)[0]!;
      const expanded = expand(words, () => new Uint8Array(0));
      const texts = expanded.map((w) => w.text);
      let seconds = SCENARIO_SECONDS;
      let k = 1;
      if (texts[1] === "-t" && /^\d+(\.\d+)?$/.test(texts[2] ?? "")) {
        seconds = Number(texts[2]);
        k = 3;
      }
      flushPlain(i + 2);
      // `-k KEY [name=value...]`: the name from the catalogue, in the language in use.
      const keyed = texts[k] === "-k" && !expanded[k]?.quoted
        ? keyedText("scenario", texts[k + 1], texts.slice(k + 2))
        : undefined;
      const name = keyed
        ? "text" in keyed ? keyed.text : ""
        : texts.slice(k).join(" ");
      open = {
        kind: "scenario",
        name: name || CHECK_MESSAGES.scenarioAtLine(i + 1),
        seconds,
        text: "",
        line: i + 2,
      };
      if (keyed && "error" in keyed) open.error = keyed.error;
      body = [];
      continue;
    }
    for (const c of commands) {
      const kw = c[0];
      if (kw === "if" || kw === "while" || kw === "fork") depth++;
      else if (kw === "end") depth--;
    }
    if (open && depth < 0) {
      open.text = body.join("\n");
      parts.push(open);
      open = undefined;
      depth = 0;
      plainStart = i + 2;
      continue;
    }
    if (open) body.push(raw);
    else plain.push(raw);
  }
  if (open) {
    open.text = body.join("\n");
    parts.push(open);
  }
  flushPlain(lines.length + 1);
  return parts;
}

/** One scenario's result. */
export interface ScenarioResult {
  /** Its number, from 1. */
  n: number;
  /** Its name. */
  name: string;
  /** True when it passed. */
  ok: boolean;
  /** Seconds it took. */
  seconds: number;
  /** Why it failed, as the YAML block says it. */
  details?: Record<string, string | string[]>;
  /**
   * A passing scenario's programs that left processes behind: outside their group (a
   * server that called daemon()), each program and what it left, killed; or in it, holding
   * the program's output open after it exited (a child of fork()). TAP comments.
   */
  left?: string[];
}

/** What {@link runCheck} needs. */
export interface CheckRun {
  /** The check's name in messages (`age-server`, `my.sock`). */
  name: string;
  /** The check script. */
  text: string;
  /** The program under test and the ARGS given after it. */
  program: string;
  /** Arguments given after the program. */
  args: string[];
  /** A fixed port the program uses (--port), instead of a free one per scenario. */
  port?: number;
  /** One JSON document instead of TAP. */
  json: boolean;
  /** The network, the registry, the files: the check's shell is made of them. */
  net: NetBackend;
  /** The registry. */
  commands: Readonly<Record<string, CommandSpec>>;
  /** Files and standard input for the check's shell. */
  files: Pick<
    Host,
    "readTextFile" | "writeTextFile" | "appendTextFile" | "readLine"
  >;
  /** Where TAP (or JSON) goes. */
  io: Output;
  /** Ctrl-C: stops the scenario, kills its programs, and ends the check. */
  signal: AbortSignal;
}

/** YAML single-quoted scalar: no escapes inside, so shell-shown bytes read as they are. */
function yamlQuote(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

const TRANSCRIPT_LINES = 16;

function tail(lines: string[], n: number): string[] {
  if (lines.length <= n) return lines;
  return [CHECK_MESSAGES.earlier(lines.length - n), ...lines.slice(-n)];
}

/** A free TCP (and, usually, UDP) port: bound to 0 and read back, as the tests' freePort does. */
async function freePort(shell: Shell, scope: Scope): Promise<string> {
  const quiet: Scope = { ...scope, vars: new Map(), trace: false };
  await runScript(
    shell,
    undefined,
    "socket tcp -> s\nbind 0\nlisten\ngetsockname -> a\nclose",
    quiet,
    new AbortController().signal,
  );
  return new TextDecoder().decode(quiet.vars.get("a.port") ?? new Uint8Array());
}

/**
 * Run a check: TAP 13 (or JSON) on `run.io`, resolving with 0 when every scenario passed, 1 otherwise,
 * 2 when the check itself cannot run.
 *
 * @example
 * ```ts ignore
 * const code = await runCheck({ name: "age-server", text, program: "./a.out", args: [], json: false, ... });
 * ```
 */
export async function runCheck(run: CheckRun): Promise<number> {
  const started = performance.now();
  const parts = splitCheck(run.text);
  const out = run.io;
  const scenarios = parts.filter((p) => p.kind === "scenario").length;
  if (scenarios === 0) {
    out.err(`check: ${CHECK_MESSAGES.noScenario}\n`);
    return EXIT.usage;
  }
  const wrong = parts.find((p) => p.error);
  if (wrong) {
    out.err(`check: ${wrong.error}\n`);
    return EXIT.usage;
  }
  let captured: string[] = [];
  let partial = "";
  const capture = (t: string) => {
    const lines = (partial + t).split("\n");
    partial = lines.pop()!;
    captured.push(...lines);
  };
  const inner: Output = {
    out: capture,
    err: capture,
    paint: PLAIN,
    partialLine: () => partial,
  };
  const shell = new Shell(run.net, run.commands, inner, run.files);
  const state: CheckState = {
    program: {
      path: run.program,
      args: run.args,
      fixedPort: run.port !== undefined,
    },
    procs: [],
  };
  checkStates.set(shell, state);
  const scope = scriptScope(shell, run.name, []);
  scope.exits = "task";
  scope.vars.set("program", new TextEncoder().encode(run.program));
  scope.vars.set("host", new TextEncoder().encode("127.0.0.1"));
  const results: ScenarioResult[] = [];
  if (!run.json) out.out("TAP version 13\n");
  let bailed: string | undefined;
  try {
    for (const part of parts) {
      if (run.signal.aborted) break;
      captured = [];
      partial = "";
      const port = run.port !== undefined
        ? String(run.port)
        : await freePort(shell, scope);
      scope.vars.set("port", new TextEncoder().encode(port));
      if (part.kind === "stmts") {
        const code = await runScript(
          shell,
          run.name,
          part.text,
          scope,
          run.signal,
          part.line,
        );
        if (code !== 0 || scope.exited !== undefined) {
          bailed = CHECK_MESSAGES.setupFailed(
            captured.at(-1) ?? `${run.name}:${part.line}`,
          );
          break;
        }
        continue;
      }
      const result = await runScenario(
        run,
        shell,
        state,
        scope,
        part,
        results.length + 1,
        () => [...captured, ...(partial ? [partial] : [])],
      );
      results.push(result);
      if (!run.json) out.out(tapLines(result));
    }
  } finally {
    for (const p of state.procs) p.kill();
    shell.close();
    checkStates.delete(shell);
  }
  const passed = results.filter((r) => r.ok).length;
  const seconds = (performance.now() - started) / 1000;
  if (run.json) {
    // A student's directory named with a bidi override must not act on the teacher's terminal.
    out.out(
      jsonEscapeControls(JSON.stringify(
        {
          check: run.name,
          program: [run.program, ...run.args],
          ok: bailed === undefined && passed === results.length &&
            !run.signal.aborted,
          passed,
          failed: results.length - passed,
          seconds: Number(seconds.toFixed(2)),
          bailOut: bailed,
          scenarios: results,
        },
        null,
        2,
      )) + "\n",
    );
  } else {
    if (run.signal.aborted) bailed ??= CHECK_MESSAGES.interrupted;
    if (bailed !== undefined) {
      out.out(CHECK_MESSAGES.bailOut(escapeControls(bailed)) + "\n");
    }
    out.out(`1..${results.length}\n`);
    out.out(CHECK_MESSAGES.summary(passed, results.length, seconds) + "\n");
  }
  if (run.signal.aborted) return EXIT.aborted;
  if (bailed !== undefined) return EXIT.usage;
  return passed === results.length ? EXIT.ok : EXIT.failed;
}

async function runScenario(
  run: CheckRun,
  shell: Shell,
  state: CheckState,
  scope: Scope,
  part: CheckPart,
  n: number,
  transcript: () => string[],
): Promise<ScenarioResult> {
  const t0 = performance.now();
  state.hint = undefined;
  state.expectation = undefined;
  state.procs = [];
  scope.exited = undefined;
  scope.current = undefined;
  const before = new Set(shell.table.list().map((s) => s.fd));
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  run.signal.addEventListener("abort", onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop.abort();
  }, part.seconds * 1000);
  let code: number;
  let unread: string | undefined;
  const alive = new Set<Proc>();
  try {
    code = await runScript(
      shell,
      run.name,
      part.text,
      scope,
      stop.signal,
      part.line,
    );
    if (scope.exited !== undefined) code = scope.exited;
    if (code !== 0) unread = await unreadBytes(shell, before);
  } finally {
    clearTimeout(timer);
    run.signal.removeEventListener("abort", onAbort);
    for (const p of state.procs) if (p.status === undefined) alive.add(p);
    // Whatever happened: the programs die with their groups, the sockets close.
    for (const p of state.procs) p.kill();
    for (const s of shell.table.list()) {
      if (!before.has(s.fd)) shell.table.close(s.fd);
    }
    await Promise.all(
      state.procs.map((p) =>
        Promise.race([p.exited, new Promise((r) => setTimeout(r, 1000))])
      ),
    );
  }
  const seconds = Number(((performance.now() - t0) / 1000).toFixed(3));
  if (code === 0 && !timedOut) {
    const left = state.procs.flatMap((p) => [
      ...p.escaped.length
        ? [`${p.argv.join(" ")}: ${CHECK_MESSAGES.leftBehind(p.escaped)}`]
        : [],
      // Exited, and a process it started (same group, killed with it) held its output open.
      ...p.outputHeld ? [`${p.argv.join(" ")}: ${p.ending}`] : [],
    ]);
    return {
      n,
      name: part.name,
      ok: true,
      seconds,
      ...(left.length ? { left } : {}),
    };
  }
  return {
    n,
    name: part.name,
    ok: false,
    seconds,
    details: failureDetails(
      state,
      transcript(),
      timedOut,
      part,
      unread,
      alive,
    ),
  };
}

/** What arrived and was not read yet, on the scenario's sockets: part of "what came". */
async function unreadBytes(
  shell: Shell,
  before: Set<number>,
): Promise<string | undefined> {
  for (const s of shell.table.list()) {
    if (before.has(s.fd) || s.proto !== "tcp" || s.unread === 0) continue;
    const data = await s.takeStream(s.unread, true, (p) => p);
    return showBytes(data, 512);
  }
  return undefined;
}

function failureDetails(
  state: CheckState,
  lines: string[],
  timedOut: boolean,
  part: CheckPart,
  unread: string | undefined,
  alive: Set<Proc>,
): Record<string, string | string[]> {
  const d: Record<string, string | string[]> = {};
  const shown = lines.map(escapeControls);
  if (state.hint) d.hint = state.hint;
  if (timedOut) d.timeout = CHECK_MESSAGES.timedOut(part.seconds);
  const stopped = t("script.stopped", { command: "" });
  const failure = [...shown].reverse().find((l) =>
    l.includes(stopped) || /= -1 |^expect: |: (E[A-Z]+|EAI_\w+) \(/.test(l)
  );
  if (failure) d.at = failure;
  const sent = shown.filter((l) => /^(send|sendto|write)\(/.test(l));
  if (sent.length) d.sent = tail(sent, 6);
  if (state.expectation) {
    d.expected = showBytes(state.expectation.expected, 512);
    d.got = showBytes(state.expectation.got, 512);
    if (state.expectation.op !== "==") d.condition = state.expectation.op;
  } else {
    const wanted = failure &&
      /\brecv\b.*?(-l\b|-u ("(?:[^"\\]|\\.)*"|\S+))/.exec(failure);
    if (wanted) {
      d.expected = wanted[1] === "-l"
        ? CHECK_MESSAGES.wantedLine
        : CHECK_MESSAGES.wantedUntil(wanted[2]!);
    }
    if (unread !== undefined) {
      d.got = CHECK_MESSAGES.thenNothing(unread);
    }
  }
  const cut = [...shown].reverse().find((l) =>
    /^recv(from)?\(.*= (0 |0$|-1 )/.test(l) || /ECONNRESET/.test(l)
  );
  if (cut) {
    d.cut = /= 0( |$)/.test(cut)
      ? CHECK_MESSAGES.cutClosed
      : /ECONNRESET/.test(cut)
      ? CHECK_MESSAGES.cutReset
      : CHECK_MESSAGES.cutTimeout(cut);
  }
  const programs: string[] = [];
  for (const p of state.procs) {
    const how = alive.has(p) ? CHECK_MESSAGES.stillRunning : p.ending;
    programs.push(`${p.argv.join(" ")}: ${how}`);
    if (p.escaped.length) {
      programs.push(`  ${CHECK_MESSAGES.leftBehind(p.escaped)}`);
    }
    for (
      const [name, kept, dropped] of [
        ["stdout", p.stdout(), p.dropped("out")],
        ["stderr", p.stderr(), p.dropped("err")],
      ] as const
    ) {
      if (!kept.length) continue;
      programs.push(`  ${name}: ${showBytes(kept.slice(-400), 400)}`);
      if (dropped) {
        programs.push(
          `  ${name}: ${
            CHECK_MESSAGES.notKept(kept.length + dropped, dropped)
          }`,
        );
      }
    }
  }
  if (programs.length) d.programs = programs;
  d.transcript = tail(shown, TRANSCRIPT_LINES);
  return d;
}

/** A result as TAP 13: the `ok`/`not ok` line and, on failure, its YAML block. */
export function tapLines(r: ScenarioResult): string {
  // A program's path (a student's directory: `for f in */a.out`), a scenario's name, what a
  // program printed: whatever they hold, no raw control character reaches the terminal.
  let text = `${r.ok ? "ok" : "not ok"} ${r.n} - ${escapeControls(r.name)}\n`;
  for (const line of r.left ?? []) text += `# ${escapeControls(line)}\n`;
  if (r.ok || !r.details) return text;
  text += "  ---\n";
  for (const [key, v] of Object.entries(r.details)) {
    if (Array.isArray(v)) {
      text += `  ${key}:\n`;
      for (const line of v) {
        text += `    - ${yamlQuote(escapeControls(line))}\n`;
      }
    } else text += `  ${key}: ${yamlQuote(escapeControls(v))}\n`;
  }
  return text + "  ...\n";
}
