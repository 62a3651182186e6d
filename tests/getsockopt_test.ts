/** `getsockopt`: readable values, the runtime's own settings, and SO_ERROR read once. */
import assert from "node:assert/strict";
import { buildPeer, freePort, startPeer } from "./_peers.ts";
import { TestShell } from "./_shell.ts";
import { failsUnchanged, lsRow, until } from "./_net.ts";

Deno.test("getsockopt SO_TYPE shows the value as strace does and names it", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  assert.match(
    await sh.ok("getsockopt SO_TYPE -> t"),
    /^getsockopt\(3, SOL_SOCKET, SO_TYPE, \[1\], \[4\]\) = 0 +SOCK_STREAM\n$/,
  );
  assert.equal(await sh.ok("print $t $t.name"), "1 SOCK_STREAM\n");
  await sh.ok("socket udp");
  assert.match(
    await sh.ok("getsockopt SO_TYPE"),
    /\[2\], \[4\]\) = 0 +SOCK_DGRAM/,
  );
});

Deno.test("getsockopt gives Linux's start values and what setsockopt set", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  assert.match(await sh.ok("getsockopt IP_TTL"), /\[64\], \[4\]\) = 0/);
  assert.match(
    await sh.ok("getsockopt IP_MULTICAST_TTL"),
    /\[1\], \[4\]\) = 0/,
  );
  assert.match(await sh.ok("getsockopt SO_BROADCAST"), /\[0\], \[4\]\) = 0/);
  await sh.ok("setsockopt IP_MULTICAST_TTL 4");
  assert.match(
    await sh.ok("getsockopt IP_MULTICAST_TTL"),
    /\[4\], \[4\]\) = 0/,
  );
  assert.match(
    await sh.ok("getsockopt SO_LINGER"),
    /\{l_onoff=0, l_linger=0\}, \[8\]\) = 0/,
  );
});

Deno.test("getsockopt shows the real value where the runtime set an option itself, and says so", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  assert.match(await sh.ok("getsockopt SO_REUSEADDR"), /\[0\], \[4\]\) = 0\n$/);
  assert.match(await sh.ok("getsockopt SO_ACCEPTCONN"), /\[0\], \[4\]\) = 0/);
  await sh.ok("listen");
  const out = await sh.ok("getsockopt SO_REUSEADDR");
  assert.match(
    out,
    /\[1\], \[4\]\) = 0\n {2}note: deno set SO_REUSEADDR to 1 itself/,
  );
  assert.match(await sh.ok("getsockopt SO_ACCEPTCONN"), /\[1\], \[4\]\) = 0/);
  await sh.ok("socket udp");
  await sh.ok("bind 127.0.0.1 0");
  assert.match(
    await sh.ok("getsockopt SO_BROADCAST"),
    /\[1\], \[4\]\) = 0\n {2}note: deno set SO_BROADCAST to 1 itself/,
  );
});

Deno.test("getsockopt reports an unknown name, a set-only one and the wrong socket type as Linux does", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  await failsUnchanged(sh, "getsockopt SO_NOPE", "ENOPROTOOPT");
  await failsUnchanged(sh, "getsockopt IP_ADD_MEMBERSHIP", "ENOPROTOOPT");
  await failsUnchanged(sh, "getsockopt TCP_NODELAY", "EOPNOTSUPP");
  await failsUnchanged(sh, "getsockopt IPV6_V6ONLY", "EOPNOTSUPP");
  await failsUnchanged(sh, "getsockopt SO_RCVBUF", "EOPNOTSUPP");
});

Deno.test("getsockopt SO_ERROR returns a reset once and clears it, as Linux does", async () => {
  const port = freePort("tcp");
  await using peer = startPeer(await buildPeer("rst_peer"), [String(port)]);
  await peer.waitForPort(port);
  using sh = new TestShell();
  await sh.ok("socket tcp");
  await sh.ok(`connect 127.0.0.1 ${port}`);
  await sh.ok("send x");
  assert.equal((await peer.stdout()).trim(), "reset");
  // recv -t waits for the reset to arrive; the error stays pending for SO_ERROR... or recv takes it.
  const r = await sh.run("recv -t 5");
  const first = sh.take();
  if (r.code === 0) assert.fail(`recv succeeded: ${first.stdout}`);
  assert.match(first.stderr, /ECONNRESET/);
  assert.match(await sh.ok("getsockopt SO_ERROR"), /\[0\], \[4\]\) = 0/);
  assert.equal((await lsRow(sh, 3)).state, "CLOSED");
});

Deno.test("getsockopt SO_ERROR takes the pending error of a failed read before recv does", async () => {
  const port = freePort("tcp");
  await using peer = startPeer(await buildPeer("rst_peer"), [String(port)]);
  await peer.waitForPort(port);
  using sh = new TestShell();
  await sh.ok("socket tcp");
  await sh.ok(`connect 127.0.0.1 ${port}`);
  // The peer resets only after our byte: this recv times out and leaves its read in flight.
  await sh.fails("recv -t 0.05");
  await sh.ok("send x");
  assert.equal((await peer.stdout()).trim(), "reset");
  await until(async () => (await lsRow(sh, 3)).state === "CLOSED", "the reset");
  assert.match(
    await sh.ok("getsockopt SO_ERROR -> e"),
    /\[104\], \[4\]\) = 0 +ECONNRESET\n/,
  );
  assert.equal(await sh.ok("print $e.name"), "ECONNRESET\n");
  assert.match(await sh.ok("getsockopt SO_ERROR"), /\[0\], \[4\]\) = 0/);
  assert.match(await sh.ok("recv"), /= 0/);
});
