/** `use`: which descriptor commands act on without @FD. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import { lsRow, parseLs } from "./_net.ts";

Deno.test("use makes another descriptor current: ls marks it and commands act on it", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp; socket udp");
  assert.equal(await sh.ok("use 3"), "");
  assert.deepEqual(parseLs(await sh.ok("ls")).map((r) => [r.fd, r.current]), [
    [3, true],
    [4, false],
  ]);
  const out = await sh.ok("listen");
  assert.match(out, /^listen\(3, 4096\) = 0 /);
  assert.equal((await lsRow(sh, 3)).state, "LISTEN");
  assert.equal((await lsRow(sh, 4)).state, "NEW");
});

Deno.test("@FD acts on another descriptor without changing the current one", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp; socket udp");
  assert.match(await sh.ok("listen @3"), /^listen\(3, 4096\) = 0 /);
  assert.equal((await lsRow(sh, 4)).current, true);
});

Deno.test("use reports EBADF for a descriptor that is not open and keeps the current one", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const before = await sh.ok("ls");
  const r = await sh.fails("use 9");
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr,
    "use: EBADF (Bad file descriptor): no socket has descriptor 9 (open: 3)\n",
  );
  assert.equal(await sh.ok("ls"), before);
  // A closed descriptor is gone too.
  await sh.ok("socket tcp; close 3; use 4");
  const gone = await sh.fails("use 3");
  assert.match(gone.stderr, /EBADF .*no socket has descriptor 3 \(open: 4\)/);
});

Deno.test("use with a word that is not a descriptor number is bad usage", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  for (const line of ["use abc", "use", "use 3 4"]) {
    const r = await sh.fails(line);
    assert.equal(r.code, 2, line);
  }
  assert.equal((await lsRow(sh, 3)).current, true);
});
