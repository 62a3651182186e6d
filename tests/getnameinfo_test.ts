/** `getnameinfo`: side by side with C's getnameinfo, through python3's socket module. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import { runPeer } from "./_peers.ts";

/** C's getnameinfo(3) for an address and port (flags 0, or NI_DGRAM), through Python's socket module. */
async function cNameinfo(
  host: string,
  port: number,
  dgram = false,
): Promise<[string, string]> {
  const r = await runPeer("python3", [
    "-c",
    "import socket, sys\n" +
    "h, s = socket.getnameinfo((sys.argv[1], int(sys.argv[2])), socket.NI_DGRAM if sys.argv[3] == '1' else 0)\n" +
    "print(h); print(s)",
    host,
    String(port),
    dgram ? "1" : "0",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const [h, s] = r.stdout.trimEnd().split("\n");
  return [h!, s!];
}

/** The host and service the shell names. */
async function shellNameinfo(
  sh: TestShell,
  line: string,
): Promise<[string, string]> {
  const out = await sh.ok(line);
  const m = /host "([^"]*)", serv "([^"]*)"/.exec(out);
  assert.ok(m, out);
  return [m[1]!, m[2]!];
}

Deno.test("getnameinfo names an address and port as C's getnameinfo does", async () => {
  using sh = new TestShell();
  for (
    const [host, port] of [["127.0.0.1", 22], ["127.0.0.1", 80], [
      "127.0.0.1",
      4950,
    ]] as const
  ) {
    assert.deepEqual(
      await shellNameinfo(sh, `getnameinfo ${host} ${port}`),
      await cNameinfo(host, port),
      `${host} ${port}`,
    );
  }
  assert.deepEqual(
    await shellNameinfo(sh, "getnameinfo -d 127.0.0.1 53"),
    await cNameinfo("127.0.0.1", 53, true),
  );
});

Deno.test("getnameinfo gives the numeric form of an address without a name, as C does, and says why", async () => {
  using sh = new TestShell();
  // ::1 may or may not be in this machine's /etc/hosts: C's answer says which.
  for (const host of ["127.0.0.2", "::1"]) {
    const c = await cNameinfo(host, 4950);
    const out = await sh.ok(`getnameinfo ${host} 4950`);
    assert.match(out, new RegExp(`host "${c[0]}", serv "${c[1]}"`), out);
    if (c[0] === host) {
      assert.match(out, /note: .* has no name: the numeric form/);
    }
  }
});

Deno.test("getnameinfo -n looks nothing up", async () => {
  using sh = new TestShell();
  assert.deepEqual(await shellNameinfo(sh, "getnameinfo -n 127.0.0.1 22"), [
    "127.0.0.1",
    "22",
  ]);
});

Deno.test("getnameinfo takes a numeric address only: a name is a usage error", async () => {
  using sh = new TestShell();
  const r = await sh.fails("getnameinfo localhost 22");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /takes a numeric address/);
});
