/**
 * Fuzzing, part two: feed generated lines to the shell, check what each one
 * did, and minimise the lines that fail so that a finding reproduces.
 *
 * The shell runs in a process of its own (tests/_fuzz_host.ts), a fresh
 * shell per session of a few lines; a sample also runs through `sockshell -c`
 * and standard input. Both run in a network namespace of their own
 * (`unshare -n`) where the machine allows it, and the host's backend refuses
 * anything off loopback in any case.
 *
 * @module
 */

import type { FromHost, ToHost } from "./_fuzz_host.ts";
import {
  type GenLine,
  LineGen,
  render,
  subSeed,
  unblockable,
} from "./_fuzz_gen.ts";
import { SHELL_FLAGS, sockshellArgs } from "./_shell.ts";

/** What the checker flags. */
export const CLASSES = [
  "internal",
  "jsvalue",
  "control",
  "multiline",
  "hang",
  "crash",
  "leak",
] as const;

/** One kind of finding. */
export type FindingClass = typeof CLASSES[number];

/** What the checker says of a class, for the report. */
export const CLASS_MEANING: Record<FindingClass, string> = {
  internal:
    '"internal error" in the output (or a JavaScript exception\'s message)',
  jsvalue: "a JavaScript value shown to the user (undefined, [object ...])",
  control: "a raw control character in stdout or stderr",
  multiline:
    "an error message over several lines (one stderr write, several lines)",
  hang: "the line did not finish within its bound",
  crash: "an uncaught exception or unhandled rejection",
  leak: "descriptors still open after the session closed everything",
};

/** What a line did. */
export interface LineResult {
  /** The line's number in its host process, for rejections reported late. */
  id?: number;
  /** Its exit status, when it finished. */
  code?: number;
  /** Each write to standard output. */
  out: string[];
  /** Each write to standard error. */
  err: string[];
  /** What the user asked to be shown as is (`print`, `read -p`): not the shell's own messages. */
  said?: string[];
  /** runLine rejected, or a rejection nobody handled. */
  crash?: string;
  /** It did not finish within its bound (then `killed` if not even Ctrl-C ended it). */
  hang?: boolean;
  /** The process had to be killed. */
  killed?: boolean;
  /** `exit` ran: the session ends. */
  exited?: boolean;
}

/** One thing the checker flagged. */
export interface Flag {
  /** Its class. */
  cls: FindingClass;
  /** What was seen, escaped. */
  detail: string;
}

/** Text safe to print: control characters escaped, long runs counted (`«ab×500»` is "ab" 500 times). */
export function visible(s: string, max = 240): string {
  let t = JSON.stringify(s).slice(1, -1)
    .replace(
      /[\x7f-\x9f\xad\u200b-\u200f\u2028\u2029\u2060-\u206f\ufeff\ufff0-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    )
    .replace(
      /(.{1,3}?)\1{15,}/g,
      (m, u: string) => `«${u}×${m.length / u.length}»`,
    );
  if (t.length > max) t = t.slice(0, max) + `… (${s.length} chars)`;
  return t;
}

/** "internal error", or a JavaScript exception's own words shown as if they were the shell's. */
const INTERNAL =
  /internal error|Failed to execute|is not a function|Cannot read propert|is not iterable|Maximum call stack|is not defined|Cannot convert|Invalid array length|Invalid string length/;

/** `undefined` as a value (not "undefined variable"), or an object's default text: JavaScript showing through. */
const JS_VALUE = /(^|[\s=:("])undefined($|[\s,)"])(?!variable)|\[object \w+\]/;

/** A raw control character, or a format character that reorders a line or shows as nothing. */
const CONTROL = new RegExp(
  // deno-lint-ignore no-control-regex -- matching control characters is the point
  /[\x00-\x09\x0b-\x1f\x7f-\x9f]/.source +
    "|(?![\\u200c\\u200d])[\\p{Cf}\\u2028\\u2029]",
  "u",
);

/**
 * The checker: internal errors, raw control characters, multi-line errors, crashes and hangs.
 *
 * @example
 * ```ts ignore
 * check({ out: [], err: ["x: internal error: TypeError: boom\n"] }); // [{ cls: "internal", ... }]
 * ```
 */
export function check(r: LineResult): Flag[] {
  const flags: Flag[] = [];
  const all = [...r.out, ...r.err, ...(r.said ?? [])];
  const internal = all.find((w) => INTERNAL.test(w));
  if (internal) {
    flags.push({ cls: "internal", detail: visible(internal.trim()) });
  }
  const js = [...r.out, ...r.err].find((w) => JS_VALUE.test(w));
  if (js) flags.push({ cls: "jsvalue", detail: visible(js.trim()) });
  const control = [...r.out, ...r.err].find((w) => CONTROL.test(w));
  if (control) flags.push({ cls: "control", detail: visible(control) });
  const multi = r.err.find((w) => {
    const nl = w.indexOf("\n");
    return nl >= 0 && nl < w.length - 1;
  });
  if (multi) flags.push({ cls: "multiline", detail: visible(multi) });
  if (r.crash) flags.push({ cls: "crash", detail: visible(r.crash) });
  if (r.hang) {
    flags.push({
      cls: "hang",
      detail: r.killed
        ? "never finished, deaf to Ctrl-C: the process had to be killed"
        : "finished only after Ctrl-C",
    });
  }
  return flags;
}

/**
 * The kind of a flag, to group examples: the message's shape, without what the
 * user typed (quoted text, escapes, numbers, an unknown command's name).
 */
export function signature(f: Flag): string {
  if (f.cls === "internal") {
    const d = f.detail.replace(/\d+/g, "N");
    const m = /internal error: ([^:]*:[^:(]{0,50})/.exec(d);
    return `internal: ${m?.[1] ?? d.slice(0, 60)}`;
  }
  if (f.cls === "hang" || f.cls === "crash" || f.cls === "leak") {
    // Our own words: the sentence up to its first detail.
    return `${f.cls}: ${
      f.detail.split(/[:(]/)[0]!.replace(/\d+/g, "N").trim()
    }`;
  }
  let d = f.detail;
  // The command as typed, before the first colon, is the user's: keep it only when it is a name.
  let head = "";
  const colon = d.indexOf(": ");
  if (colon > 0 && colon < 80 && !d.slice(0, colon).includes("(")) {
    head = /^([a-z]+|->.*)$/.test(d.slice(0, colon))
      ? d.slice(0, colon)
      : "CMD";
    d = d.slice(colon + 2);
  }
  // The message up to the first thing the user typed: a quote, an escape, a run.
  d = d.split(/\\|"|«/)[0]!.replace(/\d+/g, "N").trim().slice(0, 50);
  return `${f.cls}: ${head ? `${head}: ` : ""}${d}`;
}

/** The directory of this repository. */
const ROOT = new URL("../", import.meta.url).pathname.replace(/\/$/, "");

/**
 * A shell in a process of its own (tests/_fuzz_host.ts), fed one line at a
 * time with a time bound, in a network namespace when the machine allows it.
 */
export class HostShell {
  #child?: Deno.ChildProcess;
  #writer?: WritableStreamDefaultWriter<Uint8Array>;
  #tmp: string;
  #netns: boolean;
  #id = 0;
  #waiting = new Map<number, (m: FromHost | undefined) => void>();
  #ready?: (m: FromHost | undefined) => void;
  #unhandled = new Map<number, string[]>();
  #stderr = "";
  #dead = false;
  #readers?: Promise<unknown>;
  /** Deno resources of the shell's process when it is idle. */
  base = 0;
  /** How many times the process was killed and made again. */
  restarts = 0;
  /** When the process started (performance.now()). */
  startedAt = 0;

  /** A host shell; `record` writes under `tmp`; `netns` runs it alone in a network namespace. */
  constructor(tmp: string, netns: boolean) {
    this.#tmp = tmp;
    this.#netns = netns;
  }

  /** The process id, to count its descriptors. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Start the process and wait until it is warm. */
  async start(): Promise<void> {
    const args = [
      "run",
      "--quiet",
      `--config=${ROOT}/deno.json`,
      ...SHELL_FLAGS,
      `${ROOT}/tests/_fuzz_host.ts`,
    ];
    const [cmd, all] = this.#netns
      ? ["unshare", [
        "-n",
        "sh",
        "-c",
        'ip link set lo up && exec "$@"',
        "sh",
        Deno.execPath(),
        ...args,
      ]]
      : [Deno.execPath(), args];
    const child = new Deno.Command(cmd, {
      args: all,
      cwd: this.#tmp,
      env: { NO_COLOR: "1" },
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    this.#child = child;
    this.startedAt = performance.now();
    this.#dead = false;
    this.#stderr = "";
    this.#writer = child.stdin.getWriter();
    this.#readers = Promise.all([
      this.#read(child),
      (async () => {
        const decoder = new TextDecoder();
        for await (const chunk of child.stderr) {
          this.#stderr = (this.#stderr + decoder.decode(chunk)).slice(-2000);
        }
      })().catch(() => {}),
      child.status,
    ]);
    const ready = new Promise<FromHost | undefined>((r) => (this.#ready = r));
    await this.#post({ type: "init", tmp: this.#tmp });
    const m = await ready;
    if (m?.type !== "ready") {
      throw new Error(`the fuzz host did not start: ${this.#stderr}`);
    }
    this.base = m.base;
  }

  async #read(child: Deno.ChildProcess): Promise<void> {
    const decoder = new TextDecoder();
    let rest = "";
    try {
      for await (const chunk of child.stdout) {
        rest += decoder.decode(chunk, { stream: true });
        let nl;
        while ((nl = rest.indexOf("\n")) >= 0) {
          this.#dispatch(JSON.parse(rest.slice(0, nl)) as FromHost);
          rest = rest.slice(nl + 1);
        }
      }
    } catch {
      // killed
    }
    if (child !== this.#child) return;
    // The process ended: whoever waits learns it now.
    this.#dead = true;
    this.#ready?.(undefined);
    for (const w of [...this.#waiting.values()]) w(undefined);
  }

  #dispatch(m: FromHost): void {
    if (m.type === "ready") this.#ready?.(m);
    else if (m.type === "unhandled") {
      const list = this.#unhandled.get(m.id) ?? [];
      list.push(m.what);
      this.#unhandled.set(m.id, list);
    } else this.#waiting.get(m.id)?.(m);
  }

  async #post(m: ToHost): Promise<void> {
    await this.#writer!.write(
      new TextEncoder().encode(JSON.stringify(m) + "\n"),
    )
      .catch(() => {});
  }

  #reply(id: number, ms: number): Promise<FromHost | undefined> {
    return new Promise((resolve) => {
      if (this.#dead) return resolve(undefined);
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        resolve(undefined);
      }, ms);
      this.#waiting.set(id, (m) => {
        clearTimeout(timer);
        this.#waiting.delete(id);
        resolve(m);
      });
    });
  }

  /** Run a line; past `ms` it gets Ctrl-C, and past `graceMs` more the process is killed. */
  async run(line: string, ms: number, graceMs = 1000): Promise<LineResult> {
    const id = ++this.#id;
    const answer = this.#reply(id, ms);
    await this.#post({ type: "line", id, line });
    let m = await answer;
    let hang = false;
    if (!m && !this.#dead) {
      hang = true;
      const late = this.#reply(id, graceMs);
      await this.#post({ type: "abort", id });
      m = await late;
    }
    const unhandled = this.take(id);
    if (!m || m.type !== "done") {
      const died = this.#dead;
      const why = this.#stderr.trim().split("\n").slice(-3).join(" | ");
      await this.restart();
      return died
        ? {
          id,
          out: [],
          err: [],
          crash: `the process died: ${why || "no message"}`,
        }
        : { id, out: [], err: [], hang: true, killed: true, crash: unhandled };
    }
    return {
      id,
      code: m.code,
      out: m.out,
      err: m.err,
      said: m.said,
      crash: m.crash ?? unhandled,
      hang,
      exited: m.exited,
    };
  }

  /** Rejections nobody handled during line `id`, and forget them; a late one is seen at the session's end. */
  take(id: number): string | undefined {
    const list = this.#unhandled.get(id);
    this.#unhandled.delete(id);
    return list?.join("; ");
  }

  /** End the session: close everything and say what the process still holds. */
  async end(ms = 3000): Promise<{ leak?: string; hang?: boolean }> {
    const id = ++this.#id;
    const answer = this.#reply(id, ms);
    await this.#post({ type: "end", id });
    const m = await answer;
    if (!m || m.type !== "ended") {
      await this.restart();
      return { hang: true };
    }
    return { leak: m.leak };
  }

  /** Kill the process and make a new one. */
  async restart(): Promise<void> {
    await this.stop();
    this.restarts++;
    await this.start();
  }

  /** Kill the process and wait until it is gone. */
  async stop(): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (!child) return;
    await this.#writer?.close().catch(() => {});
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
    await this.#readers;
    this.#waiting.clear();
    this.#unhandled.clear();
  }
}

/** A finding: which line, in which session of which seed, and what it did. */
export interface Finding {
  /** What was flagged. */
  flag: Flag;
  /** The run's seed. */
  seed: number;
  /** The session (a fresh shell per session): `subSeed(seed, session)` generates it. */
  session: number;
  /** The line's index in its session. */
  index: number;
  /** The line. */
  line: string;
  /** The smallest line (and lines before it, if needed) found that does the same. */
  minimal?: { prefix: string[]; line: string };
}

/** How a run goes. */
export interface FuzzOptions {
  /** Seed of the run. */
  seed: number;
  /** Lines to run in-process. */
  lines: number;
  /** Stop generating lines after this many seconds (then minimise and report). */
  seconds?: number;
  /** Lines per session (a fresh shell each). */
  sessionLines?: number;
  /** Bound of one line before Ctrl-C, in ms. */
  lineMs?: number;
  /** Time a line gets after Ctrl-C before its process is killed, in ms. */
  graceMs?: number;
  /** Examples minimised per kind of finding (0: none). */
  minimise?: number;
  /** Lines of the run to also run as `sockshell -c` (every Nth in-process line, up to this many). */
  outOfProcess?: number;
  /** Seconds all minimising may take (120 unless told). */
  minimiseSeconds?: number;
  /** Tries to minimise a hang (each costs a line's bound and a restart). */
  hangTries?: number;
  /** Progress. */
  log?: (text: string) => void;
  /** Where `record` writes. */
  tmp: string;
}

/** What a run found. */
export interface FuzzReport {
  /** The seed. */
  seed: number;
  /** Lines run in-process. */
  lines: number;
  /** Sessions. */
  sessions: number;
  /** Lines flagged, by class. */
  counts: Record<FindingClass, number>;
  /** Lines flagged, by kind (class and the message's shape). */
  kinds: Map<string, { count: number; first: Finding }>;
  /** Time taken, ms. */
  ms: number;
  /** Out-of-process runs and what they found. */
  outside: { runs: number; skipped?: string; findings: Finding[] };
  /** Times the shell's process was killed and made again. */
  restarts: number;
}

/**
 * Run the fuzzer: `lines` generated lines in sessions of fresh shells, each checked.
 *
 * @example
 * ```ts ignore
 * const report = await fuzz({ seed: 1, lines: 3000, tmp: await Deno.makeTempDir() });
 * console.log(formatReport(report));
 * ```
 */
export async function fuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const t0 = performance.now();
  const sessionLines = opts.sessionLines ?? 20;
  const lineMs = opts.lineMs ?? 2000;
  const log = opts.log ?? (() => {});
  const netns = await canUnshare();
  const shell = new HostShell(opts.tmp, netns);
  await shell.start();
  const counts = Object.fromEntries(CLASSES.map((c) => [c, 0])) as Record<
    FindingClass,
    number
  >;
  const kinds = new Map<string, { count: number; first: Finding }>();
  const sample: Array<{ session: number; index: number; line: string }> = [];
  const every = opts.outOfProcess
    ? Math.max(1, Math.floor(opts.lines / opts.outOfProcess))
    : 0;
  let done = 0;
  let session = 0;
  const flag = (f: Finding) => {
    counts[f.flag.cls]++;
    const kind = signature(f.flag);
    const k = kinds.get(kind);
    if (k) k.count++;
    else kinds.set(kind, { count: 1, first: f });
  };
  // The process's descriptors, seen from outside (Deno asks for -A to read /proc/self/fd itself).
  // Deno opens a few of its own a while after start: the first check sets the base.
  let fdBase: string[] | undefined;
  let fdSince = 0;
  let restarts = shell.restarts;
  const fdCheck = async (last: boolean) => {
    if (performance.now() - shell.startedAt < 2000) {
      // Deno opens a few descriptors of its own in the first second: wait before taking the base.
      fdBase = undefined;
      return;
    }
    if (fdBase === undefined || shell.restarts !== restarts) {
      restarts = shell.restarts;
      fdBase = await processFds(shell.pid);
      fdSince = session + 1;
      return;
    }
    let now = await processFds(shell.pid) ?? [];
    for (let i = 0; extra(now, fdBase).length && i < 5; i++) {
      await new Promise((r) => setTimeout(r, 20));
      now = await processFds(shell.pid) ?? [];
    }
    const more = extra(now, fdBase);
    if (more.length) {
      flag({
        flag: {
          cls: "leak",
          detail:
            `the process holds ${more.length} descriptors more than before sessions ${fdSince} to ${session}: ${
              more.join(", ")
            }`,
        },
        seed: opts.seed,
        session,
        index: -1,
        line: "",
      });
      fdBase = now;
    }
    if (!last) fdSince = session + 1;
  };
  try {
    const deadline = opts.seconds ? t0 + opts.seconds * 1000 : Infinity;
    for (; done < opts.lines && performance.now() < deadline; session++) {
      const gen = new LineGen(subSeed(opts.seed, session), opts.tmp);
      const prefix: string[] = [];
      const ids: number[] = [];
      for (let i = 0; i < sessionLines && done < opts.lines; i++, done++) {
        const line = render(gen.line());
        if (every && done % every === every - 1) {
          sample.push({ session, index: i, line });
        }
        const r = await shell.run(line, lineMs, opts.graceMs ?? 1000);
        ids.push(r.id ?? -1);
        for (const f of check(r)) {
          flag({ flag: f, seed: opts.seed, session, index: i, line: line });
        }
        prefix.push(line);
        if (r.killed || r.exited) break;
      }
      const e = await shell.end();
      for (const [i, id] of ids.entries()) {
        const late = shell.take(id);
        if (late) {
          flag({
            flag: { cls: "crash", detail: visible(late) },
            seed: opts.seed,
            session,
            index: i,
            line: prefix[i]!,
          });
        }
      }
      if (e.leak || e.hang) {
        flag({
          flag: e.leak
            ? { cls: "leak", detail: e.leak }
            : { cls: "hang", detail: "closing the session never finished" },
          seed: opts.seed,
          session,
          index: prefix.length - 1,
          line: prefix.at(-1) ?? "",
        });
      }
      if (session % 25 === 24) await fdCheck(false);
      if (session % 100 === 99) {
        log(
          `${done} lines, ${session + 1} sessions, ${
            Math.round(performance.now() - t0)
          } ms: ${CLASSES.map((c) => `${c} ${counts[c]}`).join(", ")}`,
        );
      }
    }
    await fdCheck(true);
    log(
      `${done} lines run in ${Math.round(performance.now() - t0)} ms: ${
        CLASSES.map((c) => `${c} ${counts[c]}`).join(", ")
      }`,
    );
    if (opts.minimise) {
      // The most frequent kinds first, within a time budget: a kind left over keeps its original line.
      const until = performance.now() + (opts.minimiseSeconds ?? 120) * 1000;
      const order = [...kinds].sort((a, b) => b[1].count - a[1].count);
      for (const [kind, k] of order) {
        if (k.first.index < 0) continue; // a process-wide leak: no line to minimise
        if (performance.now() > until) break;
        log(`minimising ${kind}`);
        k.first.minimal = await minimise(shell, k.first, opts, lineMs, until);
      }
    }
  } finally {
    await shell.stop();
  }
  const outside = opts.outOfProcess
    ? await outOfProcess(sample, opts, netns)
    : { runs: 0, findings: [] };
  return {
    seed: opts.seed,
    lines: done,
    sessions: session,
    counts,
    kinds,
    ms: performance.now() - t0,
    outside,
    restarts: shell.restarts,
  };
}

/** The lines of a session up to one, regenerated from the seed. */
export function sessionLines(
  seed: number,
  session: number,
  upTo: number,
  tmp: string,
): GenLine[] {
  const gen = new LineGen(subSeed(seed, session), tmp);
  return Array.from({ length: upTo + 1 }, () => gen.line());
}

/**
 * Delta debugging over a session's earlier lines, then over the failing line's
 * commands, then its words, then the length of its long words: the smallest
 * line that still gives the same kind of finding in a fresh shell.
 */
async function minimise(
  shell: HostShell,
  f: Finding,
  opts: FuzzOptions,
  lineMs: number,
  until: number,
): Promise<{ prefix: string[]; line: string } | undefined> {
  const kind = signature(f.flag);
  const lines = sessionLines(f.seed, f.session, f.index, opts.tmp);
  let line = lines.pop()!;
  let prefix = lines.map(render);
  // A hang costs its whole bound per try: few tries, shorter bound.
  let budget = f.flag.cls === "hang" ? opts.hangTries ?? 6 : 150;
  const ms = f.flag.cls === "hang" ? Math.min(lineMs, 1000) : lineMs;
  const same = async (pre: string[], l: GenLine): Promise<boolean> => {
    if (budget-- <= 0 || performance.now() > until) return false;
    for (const p of pre) {
      const r = await shell.run(p, ms, 300);
      if (r.killed) {
        await shell.end();
        return false;
      }
    }
    const r = await shell.run(render(l), ms, 300);
    let flags = check(r);
    if (f.flag.cls === "leak") {
      const e = await shell.end();
      flags = e.leak ? [{ cls: "leak", detail: e.leak }] : [];
    } else await shell.end();
    return flags.some((g) => signature(g) === kind);
  };
  if (await same([], line)) prefix = [];
  else if (!(await same(prefix, line))) return undefined;
  else {
    prefix = await ddmin(prefix, (p) => same(p, line));
  }
  // Commands: a protected one (a loop's counter) stays.
  const stmts = line.map((_, i) => i).filter((i) => !line[i]!.p);
  const keepStmts = await ddmin(stmts, (keep) => {
    const l = line.filter((s, i) => s.p || keep.includes(i));
    return l.length ? same(prefix, l) : Promise.resolve(false);
  });
  line = line.filter((s, i) => s.p || keepStmts.includes(i));
  // A block whose opener and end go together: ddmin removes one at a time, and half a block does not parse.
  for (let i = 0; i < line.length; i++) {
    if (line[i]!.p || !/^(if|while|fork)$/.test(line[i]!.toks[0]?.t ?? "")) {
      continue;
    }
    let depth = 0;
    for (let j = i + 1; j < line.length; j++) {
      const kw = line[j]!.toks[0]?.t ?? "";
      if (/^(if|while|fork)$/.test(kw)) depth++;
      else if (kw === "end" && depth-- === 0) {
        const without = line.filter((_, k) => k !== i && k !== j);
        if (without.length && (await same(prefix, without))) {
          line = without;
          i--;
        }
        break;
      }
    }
  }
  // Words: a protected one (`-t 0`, a blocking command's name) stays, and a command never becomes a blocking one.
  const words: Array<[number, number]> = [];
  line.forEach((s, i) =>
    s.toks.forEach((t, j) => {
      if (!t.p) words.push([i, j]);
    })
  );
  const build = (keep: Array<[number, number]>): GenLine | undefined => {
    const set = new Set(keep.map(([i, j]) => `${i}.${j}`));
    const out: GenLine = [];
    for (const [i, s] of line.entries()) {
      const toks = s.toks.filter((t, j) => t.p || set.has(`${i}.${j}`));
      if (!toks.length) continue;
      const stmt = { toks, p: s.p };
      const before = JSON.stringify(stmt.toks);
      unblockable(stmt);
      if (JSON.stringify(stmt.toks) !== before) return undefined;
      out.push(stmt);
    }
    return out.length ? out : undefined;
  };
  const keepWords = await ddmin(words, (keep) => {
    const l = build(keep);
    return l ? same(prefix, l) : Promise.resolve(false);
  });
  line = build(keepWords) ?? line;
  // Long words: halve them while the finding stays.
  for (const s of line) {
    for (const t of s.toks) {
      while (!t.p && t.t.length > 32) {
        const was = t.t;
        t.t = was.slice(0, Math.ceil(was.length / 2));
        if (!(await same(prefix, line))) {
          t.t = was;
          break;
        }
      }
    }
  }
  return { prefix, line: render(line) };
}

/** Zeller's ddmin: a smallest subset (1-minimal) of `items` for which `test` holds. */
export async function ddmin<T>(
  items: T[],
  test: (subset: T[]) => Promise<boolean>,
): Promise<T[]> {
  let n = 2;
  while (items.length >= 2) {
    const size = Math.ceil(items.length / n);
    let reduced = false;
    for (let start = 0; start < items.length; start += size) {
      const complement = [
        ...items.slice(0, start),
        ...items.slice(start + size),
      ];
      if (await test(complement)) {
        items = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (n >= items.length) break;
      n = Math.min(n * 2, items.length);
    }
  }
  if (items.length === 1 && (await test([]))) return [];
  return items;
}

/** The descriptors a process holds (`ls -l /proc/PID/fd`: their targets); undefined when not permitted. */
async function processFds(
  pid: number | undefined,
): Promise<string[] | undefined> {
  if (pid === undefined) return undefined;
  try {
    const r = await new Deno.Command("ls", {
      args: ["-l", `/proc/${pid}/fd`],
      stdout: "piped",
      stderr: "null",
    }).output();
    if (!r.success) return undefined;
    return new TextDecoder().decode(r.stdout).split("\n")
      .map((l) => / -> (.*)$/.exec(l)?.[1]?.replace(/\d+/g, "N"))
      .filter((t): t is string => t !== undefined);
  } catch {
    return undefined;
  }
}

/** What `now` holds that `before` did not. */
function extra(now: string[], before: string[]): string[] {
  const out = [...now];
  for (const b of before) {
    const i = out.indexOf(b);
    if (i >= 0) out.splice(i, 1);
  }
  return out;
}

/** A line as bytes for standard input: a lone surrogate becomes invalid UTF-8, as a terminal may send. */
function rawBytes(text: string): Uint8Array {
  const parts: number[] = [];
  const enc = new TextEncoder();
  for (const piece of text.split(/([\ud800-\udfff])/)) {
    if (/^[\ud800-\udfff]$/.test(piece)) parts.push(0xff, 0xfe);
    // One byte at a time: spreading a long line's bytes overflows the call stack.
    else for (const b of enc.encode(piece)) parts.push(b);
  }
  return new Uint8Array(parts);
}

/** Raw control bytes in a program's output, or C1 and format characters once decoded (see CONTROL). */
function checkBytes(b: Uint8Array): string | undefined {
  const text = new TextDecoder().decode(b);
  return CONTROL.test(text) ? text : undefined;
}

/** Run sockshell for real, alone in a network namespace (`unshare -n`): nothing can leave the machine. */
async function program(
  args: string[],
  input: Uint8Array | undefined,
  tmp: string,
  ms: number,
): Promise<
  { code: number; stdout: Uint8Array; stderr: Uint8Array; hang: boolean }
> {
  const cmd = new Deno.Command("unshare", {
    args: [
      "-n",
      "sh",
      "-c",
      'ip link set lo up && exec "$@"',
      "sh",
      Deno.execPath(),
      ...sockshellArgs(args),
    ],
    cwd: tmp,
    env: { NO_COLOR: "1", HOME: tmp, SOCKSHELL_HISTORY: `${tmp}/history` },
    stdin: input ? "piped" : "null",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(ms),
  });
  const child = cmd.spawn();
  if (input) {
    const w = child.stdin.getWriter();
    await w.write(input).catch(() => {});
    await w.close().catch(() => {});
  }
  const r = await child.output();
  return {
    code: r.code,
    stdout: r.stdout,
    stderr: r.stderr,
    hang: r.signal === "SIGTERM",
  };
}

/**
 * Replay one session of a run up to a line, in a fresh shell: each line
 * exactly (as JSON), what the shell wrote, and what the checker says of it.
 */
export async function replay(
  seed: number,
  session: number,
  index: number,
  tmp: string,
  lineMs = 2000,
): Promise<string> {
  const shell = new HostShell(tmp, await canUnshare());
  await shell.start();
  const out: string[] = [];
  try {
    for (const [i, l] of sessionLines(seed, session, index, tmp).entries()) {
      const line = render(l);
      const r = await shell.run(line, lineMs);
      out.push(
        `line ${i}: ${JSON.stringify(line)}`,
        ...r.out.map((w) => `  stdout: ${JSON.stringify(w)}`),
        ...r.err.map((w) => `  stderr: ${JSON.stringify(w)}`),
        ...(r.said ?? []).map((w) => `  print:  ${JSON.stringify(w)}`),
        `  status ${r.code ?? "none"}${
          check(r).map((f) => `; ${f.cls}: ${f.detail}`).join("")
        }`,
      );
    }
    const e = await shell.end();
    if (e.leak) out.push(`end: leak: ${e.leak}`);
  } finally {
    await shell.stop();
  }
  return out.join("\n");
}

/** True when this machine lets us make a network namespace. */
async function canUnshare(): Promise<boolean> {
  try {
    const r = await new Deno.Command("unshare", {
      args: ["-n", "sh", "-c", "ip link set lo up"],
      stdout: "null",
      stderr: "null",
    }).output();
    return r.success;
  } catch {
    return false;
  }
}

/** Sample lines through `sockshell -c`, and all of them at once on standard input. */
async function outOfProcess(
  sample: Array<{ session: number; index: number; line: string }>,
  opts: FuzzOptions,
  netns: boolean,
): Promise<FuzzReport["outside"]> {
  if (!netns) {
    return {
      runs: 0,
      skipped:
        "no network namespace (unshare -n) here: lines could reach the network",
      findings: [],
    };
  }
  const findings: Finding[] = [];
  const judge = (
    r: Awaited<ReturnType<typeof program>>,
    where: { session: number; index: number; line: string },
  ) => {
    const err = new TextDecoder().decode(r.stderr);
    const out = new TextDecoder().decode(r.stdout);
    const flags: Flag[] = [];
    const both = out + err;
    const internal = /.*internal error.*/.exec(both);
    if (internal) flags.push({ cls: "internal", detail: visible(internal[0]) });
    // What `print` (or `read -p`) writes is the user's, shown as asked (in-process, `said` keeps
    // it apart): from outside, a line that prints has only its standard error checked, and a
    // line that prints to standard error (`print -e`) neither.
    const prints = /(^|[;\s])(print|read)\s/.test(where.line);
    const printsErr = /(^|[;\s])print(\s+-\w+)*\s+-\w*e/.test(where.line);
    const control = (prints ? undefined : checkBytes(r.stdout)) ??
      (printsErr ? undefined : checkBytes(r.stderr));
    if (control !== undefined) {
      const at = control.search(CONTROL);
      flags.push({
        cls: "control",
        detail: visible(control.slice(Math.max(0, at - 60), at + 60)),
      });
    }
    const crash = /.*(Uncaught|panicked).*/.exec(err);
    if (crash) flags.push({ cls: "crash", detail: visible(crash[0]) });
    if (r.hang) flags.push({ cls: "hang", detail: "killed after its bound" });
    for (const flag of flags) {
      findings.push({ flag, seed: opts.seed, ...where });
    }
  };
  let runs = 0;
  for (const s of sample) {
    // An argument cannot carry a NUL (that line goes on standard input only), nor invalid UTF-16:
    // as a terminal would, those become U+FFFD.
    // Nor more bytes than the kernel takes in one argument (MAX_ARG_STRLEN, 128 KiB).
    if (
      s.line.includes("\0") ||
      new TextEncoder().encode(s.line).length > 100_000
    ) continue;
    const line = s.line.replace(/[\ud800-\udfff]/g, "\ufffd");
    try {
      judge(await program(["-c", line], undefined, opts.tmp, 10000), s);
      runs++;
    } catch (e) {
      // A line the system cannot pass as an argument: not the shell's finding.
      opts.log?.(`sockshell -c could not run: ${(e as Error).message}`);
    }
  }
  if (sample.length) {
    const text = sample.map((s) => s.line.replaceAll("\n", " ")).join("\n") +
      "\n";
    judge(
      await program([], rawBytes(text), opts.tmp, 10000 + 200 * sample.length),
      { session: -1, index: -1, line: `(stdin: ${sample.length} lines)` },
    );
    runs++;
  }
  return { runs, findings };
}

/** The report as text: counts per class, then one minimised example of each kind. */
export function formatReport(r: FuzzReport): string {
  const lines = [
    `fuzz: seed ${r.seed}, ${r.lines} lines in ${r.sessions} sessions, ${
      (r.ms / 1000).toFixed(1)
    } s (${(r.ms / Math.max(1, r.lines)).toFixed(2)} ms a line)${
      r.restarts ? `, its process killed and restarted ${r.restarts} times` : ""
    }`,
  ];
  for (const c of CLASSES) {
    lines.push(
      `  ${c.padEnd(9)} ${String(r.counts[c]).padStart(7)}  ${
        CLASS_MEANING[c]
      }`,
    );
  }
  const kinds = [...r.kinds].sort((a, b) => b[1].count - a[1].count);
  if (kinds.length) {
    lines.push("", "kinds of finding (lines, then one example):");
  }
  for (const [kind, { count, first: f }] of kinds) {
    lines.push(
      `- ${kind} (${count} lines)`,
      `    seen:     ${f.flag.detail}`,
      `    line:     ${visible(f.line, 300)}`,
      `    replay:   deno task fuzz --seed ${f.seed} --replay ${f.session}:${f.index}`,
    );
    if (f.minimal) {
      for (const p of f.minimal.prefix) {
        lines.push(`    first:    ${visible(p, 300)}`);
      }
      lines.push(`    minimal:  ${visible(f.minimal.line, 300)}`);
    }
  }
  if (r.outside.skipped) {
    lines.push("", `out of process: skipped: ${r.outside.skipped}`);
  } else if (r.outside.runs) {
    lines.push(
      "",
      `out of process (sockshell -c, then standard input): ${r.outside.runs} runs, ${r.outside.findings.length} findings`,
    );
    const seen = new Set<string>();
    for (const f of r.outside.findings) {
      const k = signature(f.flag);
      if (seen.has(k)) continue;
      seen.add(k);
      lines.push(
        `- ${k}`,
        `    seen:     ${f.flag.detail}`,
        `    line:     ${visible(f.line, 300)}`,
      );
    }
  }
  return lines.join("\n");
}

/** True when nothing was flagged. */
export function clean(r: FuzzReport): boolean {
  return CLASSES.every((c) => r.counts[c] === 0) &&
    r.outside.findings.length === 0;
}
