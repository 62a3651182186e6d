/** `shutdown`: one direction of a TCP connection. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import {
  bytes,
  failsUnchanged,
  lsRow,
  rawDatagram,
  rawListener,
  readsEof,
  readText,
} from "./_net.ts";

/** A shell connected (descriptor 3) to a raw Deno peer. */
async function connected(sh: TestShell, l: Deno.TcpListener) {
  await sh.ok(`socket tcp; connect 127.0.0.1 ${l.addr.port}`);
  return await l.accept();
}

Deno.test("shutdown wr sends FIN: the peer reads end of stream, and the shell can still receive", async () => {
  using sh = new TestShell();
  using l = rawListener();
  using peer = await connected(sh, l);
  await sh.ok('send "request"');
  assert.match(
    await sh.ok("shutdown wr"),
    /^shutdown\(3, SHUT_WR\) = 0 +FIN sent: the peer will read end of stream\n$/,
  );
  assert.equal((await lsRow(sh, 3)).state, "FIN_WAIT_2");
  assert.equal(await readText(peer, 7), "request");
  assert.ok(await readsEof(peer), "the peer reads end of stream");
  await peer.write(bytes("reply"));
  assert.equal(await sh.ok("recv -t 3"), 'recv(3, buf, 255, 0) = 5 "reply"\n');
  peer.close();
  assert.match(await sh.ok("recv -t 3"), / = 0 +end of stream/);
  // We sent FIN first, so we are the side that waits.
  assert.equal((await lsRow(sh, 3)).state, "TIME_WAIT");
});

Deno.test("shutdown without HOW is wr, and 1 is wr too", async () => {
  using sh = new TestShell();
  using l = rawListener();
  using peer = await connected(sh, l);
  assert.match(await sh.ok("shutdown"), /^shutdown\(3, SHUT_WR\) = 0 /);
  assert.ok(await readsEof(peer));
  // Again: already shut, still 0, as on Linux.
  assert.match(await sh.ok("shutdown 1"), /^shutdown\(3, SHUT_WR\) = 0 /);
  // C's own name, as the call line writes it, in any case.
  assert.match(
    await sh.ok("shutdown @3 SHUT_WR; shutdown shut_wr"),
    /^shutdown\(3, SHUT_WR\) = 0 [^\n]*\nshutdown\(3, SHUT_WR\) = 0 /,
  );
  assert.equal((await lsRow(sh, 3)).state, "FIN_WAIT_2");
});

Deno.test("shutdown after the peer closed goes from CLOSE_WAIT to CLOSED", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const peer = await connected(sh, l);
  peer.close();
  assert.match(await sh.ok("recv -t 3"), / = 0 +end of stream/);
  assert.equal((await lsRow(sh, 3)).state, "CLOSE_WAIT");
  await sh.ok("shutdown wr");
  assert.equal((await lsRow(sh, 3)).state, "CLOSED");
});

Deno.test("shutdown rdwr shuts the writing half and says SHUT_RD is not available", async () => {
  using sh = new TestShell();
  using l = rawListener();
  using peer = await connected(sh, l);
  assert.match(
    await sh.ok("shutdown rdwr"),
    /^shutdown\(3, SHUT_RDWR\) = 0 +FIN sent.*\n {2}note: only the writing half was shut: SHUT_RD has no Deno equivalent/,
  );
  assert.ok(await readsEof(peer));
});

Deno.test("shutdown rd reports EOPNOTSUPP and leaves the connection as it was", async () => {
  using sh = new TestShell();
  using l = rawListener();
  using peer = await connected(sh, l);
  const err = await failsUnchanged(sh, "shutdown rd", "EOPNOTSUPP");
  assert.match(
    err,
    /^shutdown\(3, SHUT_RD\) = -1 EOPNOTSUPP \(Operation not supported\): SHUT_RD has no Deno equivalent/,
  );
  await failsUnchanged(sh, "shutdown 0", "EOPNOTSUPP");
  // Both directions still work.
  await sh.ok("send ok");
  assert.equal(await readText(peer, 2), "ok");
  await peer.write(bytes("back"));
  assert.equal(await sh.ok("recv -t 3"), 'recv(3, buf, 255, 0) = 4 "back"\n');
});

Deno.test("shutdown reports ENOTCONN on an unconnected socket", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const err = await failsUnchanged(sh, "shutdown wr", "ENOTCONN");
  assert.equal(
    err,
    "shutdown(3, SHUT_WR) = -1 ENOTCONN (Transport endpoint is not connected): socket 3 is not connected\n",
  );
  await sh.ok("listen");
  await failsUnchanged(sh, "shutdown wr", "ENOTCONN");
  await sh.ok("socket udp");
  await failsUnchanged(sh, "shutdown wr", "ENOTCONN");
});

Deno.test("shutdown on a connected UDP socket reports EOPNOTSUPP", async () => {
  using sh = new TestShell();
  using peer = rawDatagram();
  await sh.ok(
    `socket udp; connect 127.0.0.1 ${(peer.addr as Deno.NetAddr).port}`,
  );
  await failsUnchanged(sh, "shutdown wr", "EOPNOTSUPP");
});

Deno.test("shutdown reports EBADF for a descriptor that is not open, and rejects an unknown HOW", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  await failsUnchanged(sh, "shutdown @9 wr", "EBADF");
  const r = await sh.fails("shutdown both");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /how must be rd, wr, rdwr \(or 0, 1, 2\), not "both"/);
});
