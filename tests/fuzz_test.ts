/**
 * The fuzzer, bounded: a fixed seed, a few thousand lines, a few seconds.
 * The long run is `deno task fuzz` (scripts/fuzz.ts).
 */

import assert from "node:assert/strict";
import { check, clean, ddmin, formatReport, fuzz, signature } from "./_fuzz.ts";
import {
  BLOCKING,
  COMMAND_NAMES,
  type GenStmt,
  LineGen,
  render,
  subSeed,
  type Tok,
  unblockable,
} from "./_fuzz_gen.ts";

/** The seed of the bounded run: change it only with a reason. */
const SEED = 12;
const LINES = 2000;

Deno.test("the fuzzer's lines are the same for the same seed, and differ for another", () => {
  const lines = (seed: number) => {
    const gen = new LineGen(subSeed(seed, 0), "/tmp/x");
    return Array.from({ length: 200 }, () => render(gen.line()));
  };
  assert.deepEqual(lines(SEED), lines(SEED));
  assert.ok(lines(SEED).join("\n") !== lines(SEED + 1).join("\n"));
});

Deno.test("every blocking command the fuzzer generates has a timeout it cannot lose", () => {
  for (let s = 0; s < 200; s++) {
    const gen = new LineGen(subSeed(SEED, s), "/tmp/x");
    for (let i = 0; i < 20; i++) {
      for (const stmt of gen.line()) {
        const [head, ...rest] = stmt.toks;
        const name = head!.t.toLowerCase();
        assert(
          !head!.t.includes("$"),
          `a command named by a variable: ${head!.t}`,
        );
        if (!BLOCKING.has(name)) continue;
        if (name === "sleep") {
          // Its first argument is a protected tiny time, never removed: another word only makes
          // a usage error (sleep takes one).
          assert(rest[0]?.p, stmt.toks.map((w) => w.t).join(" "));
          continue;
        }
        const t = rest.findLastIndex((w) => /^-\w*t/.test(w.t));
        assert(
          t >= 0 && rest[t]!.p && rest[t + 1]?.p,
          stmt.toks.map((w) => w.t).join(" "),
        );
        assert(!rest.some((w) => w.t === "--"));
        // Nor a word that ends the command before its -t, or comments it out.
        assert(
          !rest.some((w) => !w.p && /[;\n]|(^|\s)#/.test(w.t)),
          stmt.toks.map((w) => w.t).join(" "),
        );
      }
    }
  }
});

Deno.test("a blocking command keeps its -t when a word before it would start a comment or end the command", () => {
  const guarded: Tok[] = [{ t: "-t", p: true }, { t: "0", p: true }];
  for (const word of ["#", "# x", "a;b", "x\ny"]) {
    const stmt: GenStmt = {
      toks: [{ t: "accept", p: true }, { t: word }, ...guarded],
    };
    unblockable(stmt);
    assert.deepEqual(stmt.toks.map((w) => w.t), ["accept", "-t", "0"], word);
  }
});

Deno.test("a free word never starts a blocking command after a ; or a newline", () => {
  // Found by seed 20261222: `hint \\;; poll` ran a bare `poll`, which blocks for good as C's does.
  for (const word of ["\\;; poll", "x; accept", "a\nrecv", "b;SLEEP 9"]) {
    const stmt: GenStmt = { toks: [{ t: "hint" }, { t: word }] };
    unblockable(stmt);
    assert.deepEqual(stmt.toks.map((w) => w.t), ["hint", "ls"], word);
  }
  const kept: GenStmt = { toks: [{ t: "hint" }, { t: "a;b" }] };
  unblockable(kept);
  assert.deepEqual(kept.toks.map((w) => w.t), ["hint", "a;b"]);
});

Deno.test("the fuzzer uses every command of the registry, and JavaScript's own names", () => {
  const seen = new Set<string>();
  // Enough lines that each of the registry's commands comes up with these seeds.
  for (let s = 0; s < 200; s++) {
    const gen = new LineGen(subSeed(SEED, s), "/tmp/x");
    for (let i = 0; i < 20; i++) {
      for (const stmt of gen.line()) seen.add(stmt.toks[0]!.t);
    }
  }
  for (const name of [...COMMAND_NAMES, "constructor", "__proto__"]) {
    assert(seen.has(name), `never generated: ${name}`);
  }
});

Deno.test("the checker flags internal errors, control characters, multi-line errors, crashes and hangs", () => {
  const kinds = (r: Parameters<typeof check>[0]) => check(r).map((f) => f.cls);
  assert.deepEqual(
    kinds({ out: ["ls ok\n"], err: ["bind: EADDRINUSE (Address in use)\n"] }),
    [],
  );
  assert.deepEqual(
    kinds({ out: [], err: ["x: internal error: TypeError: boom\n"] }),
    ["internal"],
  );
  assert.deepEqual(kinds({ out: ["\x1b[2J\n"], err: [] }), ["control"]);
  assert.deepEqual(kinds({ out: [], err: ["bad \x9b input\n"] }), ["control"]);
  assert.deepEqual(kinds({ out: [], err: ["a tab\there\n"] }), ["control"]);
  assert.deepEqual(kinds({ out: [], err: ["first line\nsecond line\n"] }), [
    "multiline",
  ]);
  assert.deepEqual(kinds({ out: ["a\nb\n"], err: [] }), []); // standard output may span lines
  assert.deepEqual(kinds({ out: [], err: [], crash: "RangeError: deep" }), [
    "crash",
  ]);
  assert.deepEqual(kinds({ out: [], err: [], hang: true }), ["hang"]);
  // What the user asked to print is theirs, as printf's: only an internal error counts there.
  assert.deepEqual(
    kinds({ out: [], err: [], said: ["\x1b[31mred\nmore\n"] }),
    [],
  );
});

Deno.test("kinds of finding do not depend on what the user typed", () => {
  const kind = (detail: string) => signature({ cls: "control", detail });
  assert.deepEqual(
    kind("\\u001b[31mwrite: unknown command (help lists them)\\n"),
    kind("\\u0007socket\\u0000: unknown command (help lists them)\\n"),
  );
});

Deno.test("ddmin finds a smallest subset that still fails", async () => {
  const items = Array.from({ length: 40 }, (_, i) => i);
  const min = await ddmin(
    items,
    (s) => Promise.resolve(s.includes(7) && s.includes(31)),
  );
  assert.deepEqual(min, [7, 31]);
});

Deno.test({
  name:
    `the shell survives ${LINES} fuzzed lines (seed ${SEED}) with nothing flagged, in process and through -c and stdin`,
  async fn() {
    const tmp = await Deno.makeTempDir({ prefix: "sockshell-fuzz-" });
    try {
      const report = await fuzz({
        seed: SEED,
        lines: LINES,
        lineMs: 1000,
        graceMs: 500,
        minimise: 1,
        hangTries: 2,
        minimiseSeconds: 15,
        outOfProcess: 6,
        tmp,
      });
      if (!clean(report)) {
        throw new Error(
          `the fuzzer flagged lines (reproduce with deno task fuzz --seed ${SEED} --lines ${LINES}):\n${
            formatReport(report)
          }`,
        );
      }
    } finally {
      await Deno.remove(tmp, { recursive: true });
    }
  },
});
