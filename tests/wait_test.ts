/** `wait`: a program's exit status and output. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";

Deno.test("wait gives the exit status, and standard error apart from standard output", async () => {
  using sh = new TestShell();
  await sh.ok("spawn /bin/sh -c 'echo out; echo err >&2; exit 3' -> p");
  const line = await sh.ok("wait -t 2 $p -> p");
  assert.match(line, /^waitpid\(\d+, &status, 0\) = \d+ +exit status 3\n$/);
  assert.equal(await sh.ok('print "$p.status [$p.err]"'), "3 [err\n]\n");
});

Deno.test("wait -t reports ETIMEDOUT and leaves the program running; a signal's death is 128 + its number", async () => {
  using sh = new TestShell();
  await sh.ok("spawn /bin/sleep 30 -> p");
  const r = await sh.fails("wait -t 0.2 $p");
  assert.match(r.stderr, /= -1 ETIMEDOUT .*still running/);
  await sh.ok("spawn /bin/sh -c 'kill -9 $$' -> q; wait -t 2 $q -> q");
  assert.equal(await sh.ok('print "$q.status"'), "137\n");
  const { killAll } = await import("../lib/check/proc.ts");
  killAll();
});

Deno.test("wait names no descriptor: a pid that was never started is ESRCH", async () => {
  using sh = new TestShell();
  const r = await sh.fails("wait 999999");
  assert.match(r.stderr, /ESRCH \(No such process\)/);
});
