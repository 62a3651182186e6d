/** `send`: bytes on a connected socket, exactly as written. */
import assert from "node:assert/strict";
import { buildPeer, freePort, startPeer } from "./_peers.ts";
import { TestShell } from "./_shell.ts";
import {
  failsUnchanged,
  lsRow,
  portIn,
  rawDatagram,
  rawListener,
  readBytes,
  readsEof,
  readText,
  receiveDatagram,
  tcpEntry,
  until,
} from "./_net.ts";

/** V8's full collection (`--expose-gc` hands gc() to contexts made after it is set). */
async function fullCollection(): Promise<() => void> {
  const v8 = await import("node:v8");
  const vm = await import("node:vm");
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

/** A shell connected (descriptor 3) to a raw Deno peer. */
async function connected(sh: TestShell, l: Deno.TcpListener) {
  await sh.ok(`socket tcp; connect 127.0.0.1 ${l.addr.port}`);
  return await l.accept();
}

Deno.test("send writes the text byte for byte and returns its length", async () => {
  using sh = new TestShell();
  using l = rawListener();
  using peer = await connected(sh, l);
  assert.equal(
    await sh.ok('send "hello\\n"'),
    'send(3, "hello\\n", 6, 0) = 6\n',
  );
  assert.equal(await readText(peer, 6), "hello\n");
  assert.equal((await lsRow(sh, 3)).state, "ESTABLISHED");
});

Deno.test("send turns \\xHH escapes into single bytes, and shows bytes that are not text in hex", async () => {
  using sh = new TestShell();
  using l = rawListener();
  using peer = await connected(sh, l);
  assert.equal(
    await sh.ok('send "\\x00\\xff\\x41\\r\\n"'),
    "send(3, hex 00 ff 41 0d 0a, 5, 0) = 5\n",
  );
  assert.deepEqual(
    await readBytes(peer, 5),
    new Uint8Array([0x00, 0xff, 0x41, 0x0d, 0x0a]),
  );
  // UTF-8 text goes as its bytes: "é" is two.
  assert.equal(await sh.ok('send "é\\t"'), 'send(3, "é\\t", 3, 0) = 3\n');
  assert.deepEqual(
    await readBytes(peer, 3),
    new Uint8Array([0xc3, 0xa9, 0x09]),
  );
});

Deno.test("send joins unquoted words with one space and repeats with -r", async () => {
  using sh = new TestShell();
  using l = rawListener();
  using peer = await connected(sh, l);
  assert.equal(await sh.ok("send a   b"), 'send(3, "a b", 3, 0) = 3\n');
  assert.equal(await readText(peer, 3), "a b");
  assert.equal(await sh.ok("send -r 3 ab"), 'send(3, "ababab", 6, 0) = 6\n');
  assert.equal(await readText(peer, 6), "ababab");
});

Deno.test("send delivers a large payload whole, as a blocking send does", async () => {
  using sh = new TestShell();
  using l = rawListener();
  using peer = await connected(sh, l);
  const n = 300_000;
  const [out, got] = await Promise.all([
    sh.ok(`send -r ${n} x`),
    readBytes(peer, n, 10_000),
  ]);
  assert.match(out, new RegExp(`, ${n}, 0\\) = ${n}\\n$`));
  assert.equal(got.length, n);
  assert.ok(got.every((b) => b === 0x78));
});

Deno.test("send -r of a text whose length is no power of two repeats it whole, to the last byte", async () => {
  using sh = new TestShell();
  using l = rawListener();
  using peer = await connected(sh, l);
  // 7 bytes, 20,001 times (under 256 KiB: built in one array, by doubling copies).
  const once = "abcdefg";
  const n = 20_001;
  const [out, got] = await Promise.all([
    sh.ok(`send -r ${n} ${once}`),
    readBytes(peer, once.length * n, 10_000),
  ]);
  assert.match(
    out,
    new RegExp(`, ${once.length * n}, 0\\) = ${once.length * n}\\n$`),
  );
  const text = new TextDecoder().decode(got);
  assert.equal(text, once.repeat(n));
});

Deno.test("a loop of 50,000 sends keeps nothing a full collection cannot free (each wait on a write once left a reaction on the socket)", async () => {
  using sh = new TestShell();
  using l = rawListener();
  using peer = await connected(sh, l);
  const n = 50_000;
  const draining = readBytes(peer, 5 * n, 60_000);
  sh.scope.trace = false; // -q: no call lines kept by the test's capture
  const gc = await fullCollection();
  gc();
  const before = Deno.memoryUsage().heapUsed;
  await sh.ok(
    `let i = 0; while $i < ${n}; send "ping\\n"; let i = $i + 1; end`,
  );
  gc();
  const kept = Deno.memoryUsage().heapUsed - before;
  assert.equal((await draining).length, 5 * n);
  // It kept 15.6 MB, about 330 bytes a send, until the socket closed.
  assert.ok(kept < 2 << 20, `the loop kept ${(kept / 1048576).toFixed(1)} MB`);
});

Deno.test("send reports ENOTCONN on a TCP socket that is not connected", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const err = await failsUnchanged(sh, "send hi", "ENOTCONN");
  assert.equal(
    err,
    'send(3, "hi", 2, 0) = -1 ENOTCONN (Transport endpoint is not connected): socket 3 is not connected\n',
  );
  await sh.ok("listen");
  await failsUnchanged(sh, "send hi", "ENOTCONN");
});

Deno.test("send reports EPIPE after shutdown wr, and the socket stays FIN_WAIT_2", async () => {
  using sh = new TestShell();
  using l = rawListener();
  using peer = await connected(sh, l);
  await sh.ok("shutdown wr");
  const err = await failsUnchanged(sh, "send late", "EPIPE");
  assert.match(err, /EPIPE \(Broken pipe\): the writing half was shut down/);
  assert.equal((await lsRow(sh, 3)).state, "FIN_WAIT_2");
  assert.ok(await readsEof(peer), "the peer read only end of stream");
});

Deno.test("send reports EPIPE after the peer reset the connection", async () => {
  const bin = await buildPeer("rst_peer");
  const port = freePort("tcp");
  await using peer = startPeer(bin, [String(port)]);
  await peer.waitForPort(port);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${port}; send "unread"`);
  assert.equal(await peer.stdout(), "reset\n");
  const reset = await sh.fails("recv -t 3");
  assert.match(reset.stderr, / = -1 ECONNRESET \(Connection reset by peer\)/);
  assert.equal((await lsRow(sh, 3)).state, "CLOSED");
  const err = await failsUnchanged(sh, "send more", "EPIPE");
  assert.equal(err, 'send(3, "more", 4, 0) = -1 EPIPE (Broken pipe)\n');
  await failsUnchanged(sh, "send again", "EPIPE");
});

Deno.test("send right after a reset reports ECONNRESET once, then EPIPE", async () => {
  const bin = await buildPeer("rst_peer");
  const port = freePort("tcp");
  await using peer = startPeer(bin, [String(port), "linger"]);
  await peer.waitForPort(port);
  using sh = new TestShell();
  const out = await sh.ok(`socket tcp; connect 127.0.0.1 ${port}; send x`);
  const local = portIn(/local 127\.0\.0\.1:(\d+)/.exec(out)![0]);
  assert.equal(await peer.stdout(), "reset\n");
  // The RST has arrived once the kernel no longer shows the connection ESTABLISHED.
  await until(
    async () => (await tcpEntry(local, port))?.state !== "01",
    "the reset to arrive",
  );
  assert.equal((await lsRow(sh, 3)).state, "ESTABLISHED");
  const first = await sh.fails("send y");
  assert.equal(first.code, 1);
  assert.equal(
    first.stderr,
    'send(3, "y", 1, 0) = -1 ECONNRESET (Connection reset by peer)\n',
  );
  // The write found the reset: the connection is CLOSED, as after a recv that finds it.
  assert.equal((await lsRow(sh, 3)).state, "CLOSED");
  await failsUnchanged(sh, "send z", "EPIPE");
});

Deno.test("send reports EDESTADDRREQ on a UDP socket without a default peer", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  const err = await failsUnchanged(sh, "send hi", "EDESTADDRREQ");
  assert.match(
    err,
    /Destination address required\): UDP socket not connected: use sendto, or connect first/,
  );
  await sh.ok("bind 127.0.0.1 0");
  await failsUnchanged(sh, "send hi", "EDESTADDRREQ");
});

Deno.test("send reports EOPNOTSUPP for MSG_OOB", async () => {
  using sh = new TestShell();
  using l = rawListener();
  using _peer = await connected(sh, l);
  const err = await failsUnchanged(sh, "send -o urgent", "EOPNOTSUPP");
  assert.match(err, /^send\(3, "urgent", 6, MSG_OOB\) = -1 EOPNOTSUPP/);
});

Deno.test("send reports EBADF for a descriptor that is not open", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const err = await failsUnchanged(sh, "send @9 hi", "EBADF");
  assert.match(err, /^send\(9, "hi", 2, 0\) = -1 EBADF/);
});

Deno.test("send without text is bad usage", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const r = await sh.fails("send");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nothing to send/);
});

Deno.test("send on a connected UDP socket sends one datagram to the default peer", async () => {
  using sh = new TestShell();
  using peer = rawDatagram();
  const port = (peer.addr as Deno.NetAddr).port;
  await sh.ok(`socket udp; connect 127.0.0.1 ${port}`);
  assert.equal(await sh.ok("send one"), 'send(3, "one", 3, 0) = 3\n');
  assert.equal(await sh.ok("send two"), 'send(3, "two", 3, 0) = 3\n');
  const decoder = new TextDecoder();
  assert.equal(decoder.decode((await receiveDatagram(peer)).data), "one");
  assert.equal(decoder.decode((await receiveDatagram(peer)).data), "two");
});

Deno.test("send -c sends in segments of that size, one send() call each, -d apart", async () => {
  using sh = new TestShell();
  using l = rawListener();
  using peer = await connected(sh, l);
  const sent = sh.ok('send -c 1 -d 0.05 "abc"');
  const sizes: number[] = [];
  const buf = new Uint8Array(16);
  while (sizes.reduce((a, b) => a + b, 0) < 3) {
    const n = await peer.read(buf);
    assert.ok(n !== null);
    sizes.push(n);
  }
  assert.equal(
    await sent,
    'send(3, "a", 1, 0) = 1\nsend(3, "b", 1, 0) = 1\nsend(3, "c", 1, 0) = 1\n',
  );
  assert.deepEqual(sizes, [1, 1, 1]);
});

Deno.test("send -C ends the text with \\r\\n, as ncat -C does, each repetition too", async () => {
  using sh = new TestShell();
  using l = rawListener();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${l.addr.port}`);
  using peer = await l.accept();
  assert.match(
    await sh.ok("send -C EHLO example.org"),
    /^send\(3, "EHLO example\.org\\r\\n", 18, 0\) = 18\n$/,
  );
  assert.match(
    await sh.ok("send -C -r 2 NOOP"),
    /"NOOP\\r\\nNOOP\\r\\n", 12, 0\) = 12/,
  );
  assert.equal(
    await readText(peer, 30),
    "EHLO example.org\r\nNOOP\r\nNOOP\r\n",
  );
});
