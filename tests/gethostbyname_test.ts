/** `gethostbyname`: names to addresses, /etc/hosts first. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import { failsUnchanged } from "./_net.ts";

Deno.test("gethostbyname resolves localhost to 127.0.0.1 from /etc/hosts", async () => {
  using sh = new TestShell();
  assert.equal(
    await sh.ok("gethostbyname localhost"),
    'gethostbyname("localhost") = 127.0.0.1\n',
  );
});

Deno.test("gethostbyname returns a numeric address as it is, in either family", async () => {
  using sh = new TestShell();
  assert.equal(
    await sh.ok("gethostbyname 127.0.0.1"),
    'gethostbyname("127.0.0.1") = 127.0.0.1\n',
  );
  assert.equal(
    await sh.ok("gethostbyname -6 ::1"),
    'gethostbyname("::1") = ::1\n',
  );
});

Deno.test("gethostbyname reports EAI_NONAME with NULL for a name that does not exist, and the shell goes on", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp; bind 127.0.0.1 0");
  const err = await failsUnchanged(
    sh,
    "gethostbyname nosuch.invalid",
    "EAI_NONAME",
  );
  assert.equal(
    err,
    'gethostbyname("nosuch.invalid") = NULL EAI_NONAME (Name or service not known)\n',
  );
  assert.match(await sh.ok("gethostbyname localhost"), /= 127\.0\.0\.1\n$/);
  // An empty name is shown quoted in the detail too, not as nothing.
  assert.equal(
    (await sh.fails('gethostbyname ""')).stderr,
    'gethostbyname("") = NULL EAI_NODATA (No address associated with hostname): "" has no IPv4 address\n',
  );
});

Deno.test("gethostbyname needs exactly one name", async () => {
  using sh = new TestShell();
  for (const line of ["gethostbyname", "gethostbyname a b"]) {
    const r = await sh.fails(line);
    assert.equal(r.code, 2, line);
    assert.match(r.stderr, /usage: gethostbyname \[-6\] <name>/);
  }
});
