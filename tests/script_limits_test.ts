/**
 * What the script language refuses in one line instead of failing inside:
 * a capture into an expansion, blocks, parentheses and `not` nested without
 * end. The shell goes on after each.
 */
import assert from "node:assert/strict";
import { MAX_EXPRESSION_NESTING } from "../lib/script/cond.ts";
import { MAX_NESTING } from "../lib/script/script.ts";
import { sockshell, TestShell } from "./_shell.ts";

/** One line of standard error, without an internal error in it. */
function oneLine(stderr: string): string {
  assert.doesNotMatch(stderr, /internal error|RangeError|TypeError/);
  assert.equal(stderr.split("\n").filter((l) => l).length, 1, stderr);
  return stderr;
}

Deno.test("recv -> $x is a usage error naming the capture, not an internal one", async () => {
  using sh = new TestShell();
  await sh.ok("trace off; socket udp; bind 127.0.0.1 0");
  for (const line of ["recv -t 0.1 -> $x", "recv -t 0.1 -> a${x:-y}"]) {
    const { code, stderr } = await sh.fails(line);
    assert.equal(code, 2);
    assert.match(oneLine(stderr), /^-> needs a variable name, not "a?\$x"$/m);
  }
  await sh.ok("set x 1; print $x");
});

Deno.test("blocks nested deeper than the limit are one parse error, and the program ends normally", async () => {
  const deep = "if true;".repeat(4000) + "end;".repeat(4000);
  const r = await sockshell(["-c", deep]);
  assert.equal(r.code, 2);
  assert.equal(
    oneLine(r.stderr).trim(),
    `-c:1: nesting too deep (limit ${MAX_NESTING})`,
  );
});

Deno.test("blocks nested up to the limit run, one more level is refused, and the shell goes on", async () => {
  using sh = new TestShell();
  const nest = (n: number) =>
    "if true;".repeat(n - 1) + "while true; break; end;" + "end;".repeat(n - 1);
  await sh.ok("trace off; " + nest(MAX_NESTING));
  const { code, stderr } = await sh.fails(nest(MAX_NESTING + 1));
  assert.equal(code, 2);
  assert.match(oneLine(stderr), /nesting too deep \(limit 100\)/);
  assert.equal(await sh.ok("print still here"), "still here\n");
});

Deno.test("let with parentheses or signs nested beyond the limit says so in one line", async () => {
  using sh = new TestShell();
  const n = MAX_EXPRESSION_NESTING;
  await sh.ok(`let x = ${"(".repeat(n)}7${")".repeat(n)}`);
  assert.equal(await sh.ok('print "$x"'), "7\n");
  for (
    const expr of [
      "(".repeat(5000) + "1" + ")".repeat(5000),
      "- ".repeat(5000) + "1",
    ]
  ) {
    const { code, stderr } = await sh.fails(`let x = ${expr}`);
    assert.equal(code, 2);
    assert.equal(
      oneLine(stderr),
      `let: nesting too deep (limit ${MAX_EXPRESSION_NESTING})\n`,
    );
  }
  // The variable is as it was.
  assert.equal(await sh.ok('print "$x"'), "7\n");
});

Deno.test("expect and while take any number of not", async () => {
  using sh = new TestShell();
  await sh.ok(`expect ${"not ".repeat(10000)}true`);
  const { code, stderr } = await sh.fails(`expect ${"not ".repeat(10001)}true`);
  assert.equal(code, 1);
  assert.match(stderr, /^expect: failed: not not /);
  await sh.ok(`while ${"not ".repeat(10001)}true; end`);
});
