/** `output` and `input`: a program's standard streams, read and written while it runs. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";

Deno.test("output -u waits until the program printed the text, and input answers it", async () => {
  using sh = new TestShell();
  await sh.ok(
    `spawn /bin/sh -c 'printf "nom: "; read n; echo "Bonjour, $n"' -> p`,
  );
  await sh.ok('output -t 2 -u "nom: " $p -> o; expect "$o" == "nom: "');
  await sh.ok('input $p "ali\\n"');
  await sh.ok('output -t 2 -u "ali" $p -> o');
  assert.equal(await sh.ok('print -n "$o"'), "nom: Bonjour, ali\n");
});

Deno.test("output -u gives what came when the text does not come in time, for expect to judge", async () => {
  using sh = new TestShell();
  await sh.ok("spawn /bin/sh -c 'printf abc; sleep 5' -> p");
  const out = await sh.ok('output -t 0.3 -u "xyz" $p -> o');
  assert.match(out, /note: "xyz" did not come within 0\.3 s/);
  assert.equal(await sh.ok('print "$o"'), "abc\n");
  const { killAll } = await import("../lib/check/proc.ts");
  killAll();
});

Deno.test("input to a program that has exited reports EPIPE", async () => {
  using sh = new TestShell();
  await sh.ok("spawn /bin/true -> p; wait -t 2 $p");
  const r = await sh.fails('input $p "late\\n"');
  assert.match(r.stderr, /EPIPE/);
});
