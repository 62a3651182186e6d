/**
 * Fuzzing, part one: random command lines from the shell's own grammar.
 *
 * Every line is reproducible from a seed, stays on loopback, and ends: every
 * blocking call gets `-t`, every `while` runs on a counter it cannot lose,
 * and `run` never runs a file or a replay (only lists and prints them).
 *
 * @module
 */

import { builtInCommands } from "../commands/mod.ts";

/** A small seeded PRNG (mulberry32): the same seed gives the same lines everywhere. */
export class Rng {
  #s: number;
  /** Start from a 32-bit seed. */
  constructor(seed: number) {
    this.#s = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    let t = (this.#s = (this.#s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** One element of a non-empty list. */
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)]!;
  }
}

/** A seed for part `n` of a run: sessions are independent, so one reproduces alone. */
export function subSeed(seed: number, n: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b)) >>>
    0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/** A word of a generated line; a protected word is never mutated nor removed by minimising (`-t 0`). */
export interface Tok {
  /** The word as typed. */
  t: string;
  /** Removing or changing it could make the line block forever. */
  p?: true;
}

/** One command (or block keyword) of a line; a protected one is never removed (a loop's counter). */
export interface GenStmt {
  /** Its words. */
  toks: Tok[];
  /** Removing it could make a loop endless. */
  p?: true;
}

/** A generated line: commands joined by `; `. */
export type GenLine = GenStmt[];

/** The text of a generated line. */
export function render(line: GenLine): string {
  return line.map((s) => s.toks.map((t) => t.t).join(" ")).join("; ");
}

/** Names a user might type: every command and alias of the registry. */
export const COMMAND_NAMES: readonly string[] = Object.values(builtInCommands)
  .flatMap((c) => [c.name, ...(c.aliases ?? [])]);

/** Commands that may wait for the network: never generated without `-t`. */
export const BLOCKING = new Set([
  "accept",
  "connect",
  "recv",
  "recvfrom",
  "poll",
  "select",
  "sleep",
  "wait",
  "output",
  "starttls",
]);

/** Whether a word names a blocking command: the shell's lexer takes white space (\r too) as a separator. */
function isBlocking(word: string): boolean {
  return word.split(/\s+/).some((w) => BLOCKING.has(w.toLowerCase()));
}

/** JavaScript's own names: a look-up by a user-given name must never reach a prototype. */
export const JS_NAMES: readonly string[] = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "prototype",
  "__defineGetter__",
  "isPrototypeOf",
  "toLocaleString",
  "length",
];

const NUMBERS = [
  "0",
  "1",
  "-1",
  "2",
  "5",
  "255",
  "256",
  "1023",
  "65535",
  "65536",
  "2147483647",
  "2147483648",
  "4294967295",
  "4294967296",
  "9007199254740993",
  "99999999999999999999",
  "-0",
  "00",
  "007",
  "1e3",
  "0x10",
  "1.5",
  ".5",
  "NaN",
  "Infinity",
  "+3",
  "",
];

/** Hosts that stay on this machine, and bad ones that never reach a resolver's network. */
const HOSTS = ["127.0.0.1", "::1", "localhost", "0.0.0.0", "::"];
const BAD_HOSTS = [
  "256.1.1.1",
  "127.0.0",
  "127.0.0.1.",
  "::1::",
  "[::1]",
  "127.0.0.1:80",
  "-",
  "''",
  "LOCALHOST",
  "1.2.3.4",
  "nosuch.invalid",
  "::ffff:127.0.0.1",
];
/** Ports: 0, port 1 (nobody listens there), and ones a command must refuse. */
const PORTS = ["0", "0", "1", "65535", "65536", "-1", "99999", "abc", "4e3"];
/** `-t` values: none may block for long. */
const TIMEOUTS = ["0", "0", "0", "0", "0", "0", "0", "0", "0", "0.001"];
const BAD_TIMEOUTS = ["-1", "abc", "86401", "1e3", ".5", "", "0x1", "-0"];

/** Control characters and ANSI sequences, raw in the line. */
const RAW_CONTROL = [
  "\x1b[2J",
  "\x1b[31m",
  "\x1b]0;title\x07",
  "\x07",
  "\x00",
  "\x7f",
  "\x08",
  "\x9b2J",
  "\x85",
  "\x0b",
  "\x0c",
  "\x1b",
  "\r",
  "\u2028",
  "\ufeff",
  "\ud800", // a lone surrogate: invalid UTF-16, what invalid UTF-8 turns into
  "\udfff",
  "\u{1f600}",
  "\u200b",
  "\u202e", // a right-to-left override: reverses the rest of the line
  "\u2066", // a left-to-right isolate
  "\u{e0041}", // a tag: shows as nothing
];

/** Escapes as typed: some the tokenizer knows, some it must refuse. */
const ESCAPES = [
  "\\n",
  "\\r",
  "\\t",
  "\\0",
  "\\\\",
  '\\"',
  "\\'",
  "\\$",
  "\\x1b",
  "\\x00",
  "\\xff",
  "\\xfe",
  "\\x9b",
  "\\x7f",
  "\\q",
  "\\x1",
  "\\xzz",
  "\\u0041",
  "\\ ",
  "\\;",
  "\\#",
];

const VARS = ["x", "y", "msg", "c", "n", "L", "U", "_a", "a.b", "1", "#", "0"];
const BAD_VARS = ["1bad", "a-b", "é", "", "x.", ".x", "'q'", "${x}"];

const TEXTS = [
  "hello",
  "hi",
  "GET / HTTP/1.0",
  "@4",
  "-t",
  "-r",
  "--",
  "-",
  ";",
  "#",
  "end",
  "if",
  "->",
];

/** The generator of one session's lines. */
export class LineGen {
  readonly rng: Rng;
  #counter = 0;
  /** Where `record` may write: a directory the fuzzer owns. */
  readonly tmp: string;

  /** A generator for one session, from its seed; `record` writes under `tmp`. */
  constructor(seed: number, tmp: string) {
    this.rng = new Rng(seed);
    this.tmp = tmp;
  }

  /** The next line. */
  line(): GenLine {
    const r = this.rng;
    const roll = r.next();
    let line: GenLine;
    if (roll < 0.08) line = this.scenario();
    else if (roll < 0.12) line = this.deep();
    else {
      line = [];
      const n = 1 + r.int(r.chance(0.3) ? 6 : 3);
      for (let i = 0; i < n; i++) line.push(...this.stmt(0));
    }
    if (r.chance(0.25)) this.mutate(line);
    for (const stmt of line) unblockable(stmt);
    return line;
  }

  #toks(...words: Array<string | Tok | undefined>): Tok[] {
    return words.filter((w) => w !== undefined).map((w) =>
      typeof w === "string" ? { t: w } : w
    );
  }

  #s(...words: Array<string | Tok | undefined>): GenStmt {
    return { toks: this.#toks(...words) };
  }

  /** A plausible exercise: the handout's sequences, both sides in one shell. */
  scenario(): GenLine {
    const r = this.rng;
    const s = (...w: Array<string | Tok | undefined>) => this.#s(...w);
    const host = r.pick(["127.0.0.1", "localhost"]);
    switch (r.int(5)) {
      case 0:
        return [
          s("socket", "tcp"),
          s("listen", "->", "L"),
          s("socket", "tcp"),
          s(...this.blocking("connect"), host, "$L.port"),
          s("send", this.text()),
          s("use", "3"),
          s(...this.blocking("accept"), "->", "c"),
          s(...this.blocking("recv"), "->", "msg"),
          s("expect", "$msg", r.pick(["==", "contains", "!="]), this.text()),
          s("close"),
          s("ls"),
        ];
      case 1:
        return [
          s("socket", "udp"),
          s("bind", "127.0.0.1", "0", "->", "U"),
          s("sendto", "127.0.0.1", "$U.port", this.text()),
          s(...this.blocking("recvfrom"), "->", "m"),
          s("print", "$m", "$m.from"),
          s("close", r.pick(["", "3", "@3"])),
        ];
      case 2: {
        // The fork that closes the parent's listener, then a call on it.
        return [
          s("socket", r.pick(["tcp", "udp"])),
          s(r.pick(["listen", "bind 127.0.0.1 0"])),
          s("fork"),
          ...(r.chance(0.5)
            ? [s(...this.blocking(r.pick(["accept", "recvfrom"])))]
            : []),
          s("end"),
          s(...this.blocking(r.pick(["accept", "recvfrom", "recv"]))),
          s("close", "3"),
        ];
      }
      case 3: {
        const k = this.#loopVar();
        return [
          s("socket", "tcp"),
          s("listen", "->", "L"),
          ...this.loop(k, [
            s("socket", "tcp"),
            s(...this.blocking("connect"), host, "$L.port"),
            s("send", this.text()),
            s("close"),
          ]),
          s("use", "3"),
          s(...this.blocking("accept"), "->", "c"),
          s("fork"),
          s(...this.blocking("recv"), "-l", "->", "x"),
          s("end"),
          s("ls"),
        ];
      }
      default:
        return [
          s(
            ...this.blocking("recv"),
            "->",
            r.pick(["x", "constructor", "__proto__"]),
          ),
          s("print", `$${r.pick(["x", "x.n", "x.line"])}`),
        ];
    }
  }

  /** Deep nesting: blocks, parentheses, `not`s. */
  deep(): GenLine {
    const r = this.rng;
    const n = r.pick([20, 200, 1000, 3000, 5000]);
    switch (r.int(4)) {
      case 0: {
        const line: GenLine = [];
        for (let i = 0; i < n; i++) line.push(this.#s("if", "true"));
        line.push(this.#s("print", "deep"));
        for (let i = 0; i < n; i++) line.push(this.#s("end"));
        return line;
      }
      case 1:
        return [this.#s("let", "x", "=", "(".repeat(n) + "1" + ")".repeat(n))];
      case 2:
        return [this.#s("expect", ...Array(n).fill("not"), "false")];
      default: {
        const line: GenLine = [];
        const m = Math.min(n, 200);
        for (let i = 0; i < m; i++) {
          line.push(this.#s(r.pick(["if true", "fork", "if false"])));
        }
        line.push(this.#s("ls"));
        for (let i = 0; i < m; i++) line.push(this.#s("end"));
        return line;
      }
    }
  }

  #loopVar(): string {
    return `k${this.#counter++}`;
  }

  /** `while` on a counter: at most three turns, whatever the body does. */
  loop(k: string, body: GenStmt[]): GenStmt[] {
    const max = this.rng.pick(["0", "1", "2", "3"]);
    return [
      { toks: this.#toks("let", k, "=", "0"), p: true },
      { toks: this.#toks("while", `$${k}`, "<", max), p: true },
      { toks: this.#toks("let", k, "=", `$${k}`, "+", "1"), p: true },
      ...body,
      { toks: this.#toks("end") },
    ];
  }

  /** A blocking command with its protected name and `-t`. */
  blocking(name: string): Tok[] {
    const r = this.rng;
    const toks: Tok[] = [{ t: name, p: true }];
    if (r.chance(0.15)) toks.push({ t: this.fd() });
    toks.push({ t: "-t", p: true }, { t: this.timeout(), p: true });
    return toks;
  }

  timeout(): string {
    return this.rng.pick(TIMEOUTS);
  }

  /** One statement, or a block of them. */
  stmt(depth: number): GenStmt[] {
    const r = this.rng;
    if (depth < 3 && r.chance(0.1)) return this.block(depth + 1);
    const stmt = this.command();
    if (r.chance(0.15)) {
      stmt.toks.push({ t: "->" }, {
        t: r.chance(0.1)
          ? `$${r.pick(VARS)}`
          : r.chance(0.7)
          ? r.pick([...VARS.slice(0, 7), ...JS_NAMES])
          : r.pick(BAD_VARS),
      });
    }
    return [stmt];
  }

  block(depth: number): GenStmt[] {
    const r = this.rng;
    const body = () => {
      const out: GenStmt[] = [];
      const n = r.int(3);
      for (let i = 0; i < n; i++) out.push(...this.stmt(depth));
      return out;
    };
    switch (r.int(4)) {
      case 0: {
        const out = [this.#s("if", ...this.cond()), ...body()];
        if (r.chance(0.4)) out.push(this.#s("else"), ...body());
        out.push(this.#s("end"));
        return out;
      }
      case 1: {
        const b = body();
        if (r.chance(0.4)) b.splice(r.int(b.length + 1), 0, this.#s("break"));
        return this.loop(this.#loopVar(), b);
      }
      case 2:
        return [this.#s("fork"), ...body(), this.#s("end")];
      default:
        // Misplaced keywords: the parser must refuse them in one line.
        return [
          this.#s(
            r.pick([
              "break",
              "end",
              "else",
              "while",
              "if",
              "fork end",
              "else x",
              "end end",
            ]),
          ),
        ];
    }
  }

  /** A condition for `if`, `expect`. */
  cond(): string[] {
    const r = this.rng;
    switch (r.int(6)) {
      case 0:
        return [r.pick(["true", "false"])];
      case 1:
        return ["not", ...this.cond()];
      case 2:
        return ["int", this.word()];
      case 3:
        return [
          this.word(),
          r.pick([
            "==",
            "!=",
            "<",
            "<=",
            ">",
            ">=",
            "contains",
            "startswith",
            "endswith",
            "=~",
            "===",
          ]),
          this.word(),
        ];
      case 4:
        return [`$${r.pick(VARS)}`, r.pick(["==", "<"]), this.number()];
      default:
        return Array.from({ length: r.int(5) }, () => this.word());
    }
  }

  /** A command with arguments drawn from its usage. */
  command(): GenStmt {
    const r = this.rng;
    const name = r.chance(0.1) ? this.nameMiss() : r.pick(COMMAND_NAMES);
    const fd = r.chance(0.2) ? this.fd() : undefined;
    const s = (...w: Array<string | Tok | undefined>) => this.#s(...w);
    const t = (): Tok[] => [
      // Now and then a bad -t first: the good one, last, wins.
      ...(r.chance(0.05) ? [{ t: "-t" }, { t: r.pick(BAD_TIMEOUTS) }] : []),
      { t: "-t", p: true },
      { t: this.timeout(), p: true },
    ];
    const opt = (o: string) => r.chance(0.3) ? o : undefined;
    switch (name) {
      case "socket":
        return s(
          name,
          fd,
          r.chance(0.8) ? r.pick(["tcp", "udp", "tcp6", "udp6"]) : this.word(),
        );
      case "bind":
        return s(
          name,
          fd,
          r.chance(0.6) ? this.host() : undefined,
          this.port(),
        );
      case "listen":
        return s(name, fd, r.chance(0.5) ? this.number() : undefined);
      case "accept":
        return s({ t: name, p: true }, fd, ...t());
      case "connect":
        return s({ t: name, p: true }, fd, ...t(), this.host(), this.port());
      case "send":
      case "write": {
        // A repeated text can fill the peer's window, and then send blocks as C's does (Ctrl-C
        // gives its partial count): bounded with -t, as recv is.
        const repeat = r.chance(0.1);
        return s(
          repeat ? { t: name, p: true } : name,
          fd,
          ...(repeat ? t() : []),
          repeat ? "-r" : undefined,
          r.chance(0.1)
            ? r.pick(["0", "1", "3", "-1", "abc", "4294967296"])
            : undefined,
          r.chance(0.1) ? "-n" : undefined,
          r.chance(0.1) ? this.number() : undefined,
          ...this.texts(),
        );
      }
      case "read":
        // The script's read, from the fuzzer's canned input: it never waits.
        return s(
          name,
          r.chance(0.3) ? "-p" : undefined,
          r.chance(0.3) ? this.text() : undefined,
          opt("-e"),
          r.chance(0.8)
            ? r.pick([...VARS, ...JS_NAMES, ...BAD_VARS])
            : undefined,
        );
      case "recv":
        return s(
          { t: name, p: true },
          fd,
          ...t(),
          opt("-x"),
          opt("-p"),
          r.chance(0.2) ? r.pick(["-l", "-u"]) : undefined,
          r.chance(0.1) ? this.text() : undefined,
          r.chance(0.4)
            ? this.number()
            : r.chance(0.3)
            ? r.pick(VARS)
            : undefined,
        );
      case "sendto":
        return s(
          name,
          fd,
          r.chance(0.1) ? "-r" : undefined,
          r.chance(0.1) ? r.pick(["0", "2", "-1", "x"]) : undefined,
          this.host(),
          this.port(),
          ...this.texts(),
        );
      case "recvfrom":
        return s(
          { t: name, p: true },
          fd,
          ...t(),
          opt("-x"),
          opt("-p"),
          r.chance(0.4) ? this.number() : undefined,
        );
      case "shutdown":
        return s(
          name,
          fd,
          r.chance(0.8)
            ? r.pick(["rd", "wr", "rdwr", "0", "1", "2", "3", "RD"])
            : this.word(),
        );
      case "close":
        return s(
          name,
          r.chance(0.5) ? this.fd() : r.chance(0.5) ? this.number() : undefined,
        );
      case "gethostbyname":
        return s(
          name,
          opt("-6"),
          r.chance(0.7) ? r.pick([...HOSTS, ...BAD_HOSTS]) : this.word(),
        );
      case "ls":
        return s(name, fd, r.chance(0.1) ? this.word() : undefined);
      case "use":
        return s(
          name,
          r.chance(0.7)
            ? r.pick(["3", "4", "5", "0", "-1", "99"])
            : this.word(),
        );
      case "run":
        // Only what ends: list, print a replay, or a file that is not a script.
        return s(
          name,
          ...(r.chance(0.5)
            ? [{ t: "-p", p: true as const }, {
              t: r.pick([
                "tcp-server",
                "udp-client",
                "age-server",
                "nosuch",
                ...JS_NAMES,
              ]),
            }]
            : r.chance(0.5)
            ? [
              r.pick([
                "/etc/passwd",
                "/dev/null",
                "nosuch.sock",
                "/nonexistent/x",
                ...JS_NAMES,
              ]),
            ]
            : []),
        );
      case "record":
        return s(
          name,
          r.chance(0.5)
            ? "stop"
            : r.chance(0.7)
            ? `${this.tmp}/r${r.int(3)}.sock`
            : this.word(),
        );
      case "set":
        return s(
          name,
          r.chance(0.8)
            ? r.pick([...VARS, ...JS_NAMES, ...BAD_VARS])
            : undefined,
          ...this.texts(),
        );
      case "let":
        return s(
          name,
          r.pick([...VARS, ...JS_NAMES]),
          r.chance(0.9) ? "=" : this.word(),
          ...this.expr(),
        );
      case "print":
        return s(name, opt("-n"), opt("-e"), ...this.texts());
      case "expect":
        return s(name, ...this.cond());
      case "trace":
        return s(name, r.chance(0.8) ? r.pick(["on", "off"]) : this.word());
      case "help":
        return s(
          name,
          r.chance(0.7)
            ? r.pick([...COMMAND_NAMES, ...JS_NAMES])
            : r.chance(0.5)
            ? this.word()
            : undefined,
        );
      case "poll":
        // poll's -t is in milliseconds, and -1 blocks: always a protected 0.
        return s(
          { t: name, p: true },
          { t: "-t", p: true },
          { t: "0", p: true },
          ...this.words(2, false),
        );
      case "select":
      case "wait":
      case "output":
      case "starttls":
        // The protected -t first, and no word after it that could be another option.
        return s(...this.blocking(name), ...this.words(2, false));
      case "sleep":
        // The only argument is the time: a protected, tiny one.
        return s({ t: name, p: true }, { t: r.pick(["0", "0.001"]), p: true });
      case "exit":
      case "quit":
        // Rare: it ends the session.
        return r.chance(0.1)
          ? s(name, r.chance(0.5) ? this.number() : undefined)
          : s("ls");
      default:
        return s(name, ...this.words(3));
    }
  }

  /** Up to `n` - 1 random words; with `options` false, none that looks like an option. */
  words(n: number, options = true): string[] {
    return Array.from({ length: this.rng.int(n) }, () => this.word())
      .filter((w) => options || !w.startsWith("-"));
  }

  /** A near-miss of a command name, or a JavaScript name. */
  nameMiss(): string {
    const r = this.rng;
    if (r.chance(0.3)) return r.pick(JS_NAMES);
    const name = r.pick(COMMAND_NAMES);
    let out: string;
    switch (r.int(6)) {
      case 0:
        out = name.slice(0, -1);
        break;
      case 1:
        out = name + r.pick(["s", "x", "_", "1"]);
        break;
      case 2:
        out = name.toUpperCase();
        break;
      case 3: {
        const i = r.int(Math.max(1, name.length - 1));
        out = name.slice(0, i) + (name[i + 1] ?? "") + name[i] +
          name.slice(i + 2);
        break;
      }
      case 4:
        out = name + r.pick(RAW_CONTROL);
        break;
      default:
        out = name[0]!;
    }
    // A misspelt blocking command must not turn into the real one without its -t.
    return isBlocking(out) ? "ls" : out;
  }

  fd(): string {
    const r = this.rng;
    return r.chance(0.7) ? `@${r.pick(["3", "4", "5", "6"])}` : r.pick([
      "@0",
      "@1",
      "@-1",
      "@",
      "@x",
      "@3.5",
      "@99999999",
      "@1234567",
      "@constructor",
      "@__proto__",
      "@03",
    ]);
  }

  number(): string {
    return this.rng.chance(0.8)
      ? this.rng.pick(NUMBERS)
      : String(this.rng.int(1000));
  }

  host(): string {
    return this.rng.chance(0.75)
      ? this.rng.pick(HOSTS)
      : this.rng.pick(BAD_HOSTS);
  }

  port(): string {
    const r = this.rng;
    return r.chance(0.2)
      ? r.pick(["$L.port", "$U.port", "${L.port:-1}"])
      : r.pick(PORTS);
  }

  /** `let`'s right-hand side. */
  expr(): string[] {
    const r = this.rng;
    const out: string[] = [];
    const n = 1 + r.int(5);
    for (let i = 0; i < n; i++) {
      if (i > 0) out.push(r.pick(["+", "-", "*", "/", "%", "**", "&"]));
      out.push(
        r.chance(0.2) ? "(" : "",
        r.chance(0.3) ? `$${r.pick(VARS)}` : this.number(),
      );
      if (r.chance(0.1)) out.push(")");
    }
    return out.filter((w) => w !== "");
  }

  texts(): string[] {
    const n = this.rng.int(4);
    return Array.from({ length: n }, () => this.text());
  }

  /** Data as typed: quotes, escapes, variables, raw control characters, long words. */
  text(): string {
    const r = this.rng;
    switch (r.int(10)) {
      case 0:
        return `"${this.inner()}"`;
      case 1:
        return `'${this.inner().replaceAll("'", "")}'`;
      case 2:
        return r.pick(ESCAPES) + r.pick(TEXTS);
      case 3:
        return `$${r.pick([...VARS, ...JS_NAMES])}` +
          (r.chance(0.2) ? ".n" : "");
      case 4:
        return r.pick([
          "${x:-def}",
          "${1:-$now.year}",
          "${",
          "${x",
          "$",
          "$$",
          "${constructor}",
          "$__proto__",
          "$now.year",
          "$x.peer",
        ]);
      case 5:
        return r.pick([
          '"unterminated',
          "'open",
          "\\",
          "a\\",
          '"a\\"',
          '"\\x1"',
        ]);
      case 6:
        return r.pick(RAW_CONTROL) + r.pick(TEXTS);
      case 7:
        return this.longWord();
      default:
        return r.pick(TEXTS);
    }
  }

  inner(): string {
    const r = this.rng;
    let s = "";
    const n = 1 + r.int(4);
    for (let i = 0; i < n; i++) {
      s += r.pick([
        r.pick(TEXTS),
        r.pick(ESCAPES),
        r.pick(RAW_CONTROL),
        " ",
        `$${r.pick(VARS)}`,
      ]);
    }
    return s.replaceAll('"', "");
  }

  longWord(): string {
    const r = this.rng;
    const n = r.pick([
      300,
      300,
      1000,
      1000,
      4000,
      r.chance(0.2) ? 70000 : 2000,
    ]);
    const unit = r.pick(["A", "é", "\x1b", "\\n", "\u{1f600}", "ab "]);
    return unit === "ab "
      ? `"${unit.repeat(n / 3)}"`
      : unit.repeat(Math.ceil(n / unit.length));
  }

  /** Any word at all. */
  word(): string {
    const r = this.rng;
    switch (r.int(6)) {
      case 0:
        return this.number();
      case 1:
        return r.pick(JS_NAMES);
      case 2:
        return this.host();
      case 3:
        return r.pick(COMMAND_NAMES);
      default:
        return this.text();
    }
  }

  /** Change a few unprotected words: drop, duplicate, or replace with anything. */
  mutate(line: GenLine): void {
    const r = this.rng;
    const n = 1 + r.int(3);
    for (let i = 0; i < n; i++) {
      const stmt = r.pick(line);
      if (!stmt || stmt.p) continue;
      const free = stmt.toks.map((t, j) => (t.p ? -1 : j)).filter((j) =>
        j >= 0
      );
      if (!free.length) continue;
      const j = r.pick(free);
      switch (r.int(4)) {
        case 0:
          stmt.toks.splice(j, 1);
          break;
        case 1:
          stmt.toks.splice(j, 0, { t: stmt.toks[j]!.t });
          break;
        case 2:
          stmt.toks[j] = { t: r.pick(RAW_CONTROL) + stmt.toks[j]!.t };
          break;
        default: {
          let w = this.word();
          // A word that becomes a blocking command's name needs its -t: never put one in first place.
          if (j === 0 && isBlocking(w)) w = "ls";
          stmt.toks[j] = { t: w };
        }
      }
      if (!stmt.toks.length) stmt.toks.push({ t: "ls" });
    }
  }
}

/**
 * In a blocking command, drop any free word that could override its `-t`
 * (options take the last value, and `--` ends them), or cut the command
 * short of it (a `;` or a line's end, a `#` that starts a comment): the line
 * must end.
 */
export function unblockable(stmt: GenStmt): void {
  const head = stmt.toks[0];
  if (!head) return;
  if (!head.p) {
    // A free first word never names a blocking command, even through a variable.
    if (isBlocking(head.t) || head.t.includes("$")) {
      stmt.toks[0] = { t: "ls" };
    }
    // Nor does a word after a `;` or a newline in a free word, which starts a command of its own
    // (`hint \;; poll` is `hint ";"` then a `poll` that blocks for good, as C's does).
    stmt.toks = stmt.toks.map((t) =>
      !t.p && /[;\n]/.test(t.t) &&
        isBlocking(t.t.split(/[;\n]/).slice(1).join(" "))
        ? { t: "ls" }
        : t
    );
    return;
  }
  stmt.toks = stmt.toks.filter((t) =>
    t.p || (
      !/[;\n]|(^|\s)#/.test(t.t) &&
      (!/^-/.test(t.t) || (t.t !== "--" && !t.t.includes("t")))
    )
  );
}
