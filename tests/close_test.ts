/** `close`: release a descriptor and everything it holds. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import {
  bytes,
  failsUnchanged,
  lsRow,
  parseLs,
  portIn,
  rawListener,
  readsEof,
  settle,
  until,
} from "./_net.ts";

Deno.test("close releases the current descriptor: ls no longer lists it and none is current", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp; socket udp");
  assert.equal(await sh.ok("close"), "close(4) = 0\n");
  const rows = parseLs(await sh.ok("ls"));
  assert.deepEqual(rows.map((r) => [r.fd, r.current]), [[3, false]]);
  const r = await sh.fails("recv");
  assert.match(
    r.stderr,
    /EBADF \(Bad file descriptor\): no current descriptor/,
  );
});

Deno.test("close takes a descriptor by number or @FD and leaves the current one", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp; socket tcp; socket tcp");
  assert.equal(await sh.ok("close 3"), "close(3) = 0\n");
  assert.equal(await sh.ok("close @4"), "close(4) = 0\n");
  assert.deepEqual(parseLs(await sh.ok("ls")).map((r) => [r.fd, r.current]), [[
    5,
    true,
  ]]);
  await sh.ok("close");
  assert.match(await sh.ok("ls"), /^no open descriptors/);
});

Deno.test("close on a connection makes the peer read end of stream", async () => {
  using sh = new TestShell();
  using l = rawListener();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${l.addr.port}`);
  using peer = await l.accept();
  await sh.ok("close");
  assert.ok(await readsEof(peer));
});

Deno.test("close says how many received bytes were never read", async () => {
  using sh = new TestShell();
  using l = rawListener();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${l.addr.port}`);
  using peer = await l.accept();
  await peer.write(bytes("abcdef"));
  await sh.ok("recv -t 3 2");
  assert.equal(
    await sh.ok("close"),
    "close(3) = 0\n  note: 4 received bytes were never read: discarded\n",
  );
});

Deno.test("close on a listener frees the port and says which connections were never accepted", async () => {
  using sh = new TestShell();
  const out = await sh.ok("socket tcp; bind 127.0.0.1 0; listen");
  const port = portIn(/listening on (\S+)/.exec(out)![1]!);
  // An interrupted accept leaves the accept running: the next client waits in the queue.
  const ctrlC = new AbortController();
  const pending = sh.run("accept", ctrlC.signal);
  await settle();
  ctrlC.abort();
  assert.equal((await pending).code, 124);
  sh.take();
  using client = await Deno.connect({ hostname: "127.0.0.1", port });
  await until(
    async () => (await lsRow(sh, 3)).extra === "1 connection waiting",
    "the client queued",
  );
  assert.equal(
    await sh.ok("close 3"),
    "close(3) = 0\n  note: 1 pending connection was never accepted: closed\n",
  );
  assert.ok(await readsEof(client).catch(() => true), "the client is cut off");
  // The port is free again.
  using again = Deno.listen({ hostname: "127.0.0.1", port });
  assert.equal(again.addr.port, port);
});

Deno.test("close on a UDP socket frees its port", async () => {
  using sh = new TestShell();
  const out = await sh.ok("socket udp; bind 127.0.0.1 0");
  const port = portIn(/local (\S+)/.exec(out)![1]!);
  await sh.ok("close");
  const again = Deno.listenDatagram({
    hostname: "127.0.0.1",
    port,
    transport: "udp",
  });
  again.close();
});

Deno.test("close reports EBADF for a descriptor that is not open, and for a word that is not a number", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const err = await failsUnchanged(sh, "close 9", "EBADF");
  assert.equal(
    err,
    "close(9) = -1 EBADF (Bad file descriptor): no socket has descriptor 9 (open: 3)\n",
  );
  await failsUnchanged(sh, "close @9", "EBADF");
  await failsUnchanged(sh, "close abc", "EBADF");
  await sh.ok("close 3");
  const twice = await failsUnchanged(sh, "close 3", "EBADF");
  assert.match(twice, /none is open/);
  const none = await sh.fails("close");
  assert.match(
    none.stderr,
    /^close\(\?\) = -1 EBADF \(Bad file descriptor\): no current descriptor/,
  );
});
