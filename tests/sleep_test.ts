/** `sleep`: a pause that Ctrl-C interrupts. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";

Deno.test("sleep is interrupted by Ctrl-C with status 124", async () => {
  using sh = new TestShell();
  const ctl = new AbortController();
  setTimeout(() => ctl.abort(), 100);
  const r = await sh.run("sleep 30", ctl.signal);
  assert.equal(r.code, 124);
  assert.match(sh.take().stderr, /EINTR/);
});

Deno.test("sleep refuses a duration that is not a number", async () => {
  using sh = new TestShell();
  const r = await sh.fails("sleep soon");
  assert.equal(r.code, 2);
});
