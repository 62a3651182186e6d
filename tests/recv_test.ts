/** `recv`: what has arrived, up to N bytes; a stream keeps no message boundaries. */
import assert from "node:assert/strict";
import { buildPeer, freePort, startPeer } from "./_peers.ts";
import { TestShell } from "./_shell.ts";
import {
  bytes,
  failsUnchanged,
  lsRow,
  portIn,
  rawDatagram,
  rawListener,
  sendDatagram,
  settle,
  until,
  untilQueued,
} from "./_net.ts";

/** A shell connected (descriptor 3) to a raw Deno peer; and the shell's local port. */
async function connected(sh: TestShell, l: Deno.TcpListener) {
  const out = await sh.ok(`socket tcp; connect 127.0.0.1 ${l.addr.port}`);
  const local = portIn(/local (\S+)/.exec(out)![1]!);
  return { peer: await l.accept(), local, remote: l.addr.port };
}

Deno.test("recv returns what the peer sent, with its length", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const { peer, local, remote } = await connected(sh, l);
  using _ = peer;
  await peer.write(bytes("hello\n"));
  await untilQueued(local, remote, 6);
  assert.equal(await sh.ok("recv"), 'recv(3, buf, 255, 0) = 6 "hello\\n"\n');
  assert.equal((await lsRow(sh, 3)).state, "ESTABLISHED");
});

Deno.test("recv takes C's flags after N: 0, MSG_PEEK, MSG_DONTWAIT for one call, and names the ones it lacks", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const { peer } = await connected(sh, l);
  using _ = peer;
  // Nothing yet: MSG_DONTWAIT returns at once, though the socket blocks.
  assert.match(
    await failsUnchanged(sh, "recv 255 MSG_DONTWAIT", "EAGAIN"),
    /^recv\(3, buf, 255, MSG_DONTWAIT\) = -1 EAGAIN \(Resource temporarily unavailable\): nothing to read and MSG_DONTWAIT does not wait/,
  );
  await peer.write(bytes("hello"));
  // The given-up read is still in flight and takes the bytes, as the next poll tells.
  await sh.ok("poll -t 3000 3");
  assert.equal(
    await sh.ok("recv 255 msg_peek|msg_dontwait; recv 3 0; recv 255 MSG_PEEK"),
    'recv(3, buf, 255, MSG_PEEK|MSG_DONTWAIT) = 5 "hello"\n' +
      'recv(3, buf, 3, 0) = 3 "hel"\n' +
      "  note: 2 more bytes already received: a stream keeps no message boundaries\n" +
      'recv(3, buf, 255, MSG_PEEK) = 2 "lo"\n',
  );
  const r = await sh.fails("recv 255 MSG_WAITALL");
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /^recv: the shell has no MSG_WAITALL: its flags are MSG_PEEK, MSG_OOB, MSG_DONTWAIT \(or 0\)\n$/,
  );
  assert.equal(await sh.ok("recv"), 'recv(3, buf, 255, 0) = 2 "lo"\n');
});

Deno.test("recv returns two sends in one piece: a stream keeps no boundaries", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const { peer, local, remote } = await connected(sh, l);
  using _ = peer;
  await peer.write(bytes("GET / "));
  await peer.write(bytes("HTTP/1.0\r\n"));
  await untilQueued(local, remote, 16);
  assert.equal(
    await sh.ok("recv"),
    'recv(3, buf, 255, 0) = 16 "GET / HTTP/1.0\\r\\n"\n',
  );
});

Deno.test("recv N reads one send in several pieces, and says more bytes are waiting", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const { peer, local, remote } = await connected(sh, l);
  using _ = peer;
  await peer.write(bytes("abcdef"));
  await untilQueued(local, remote, 6);
  assert.equal(
    await sh.ok("recv 3"),
    'recv(3, buf, 3, 0) = 3 "abc"\n' +
      "  note: 3 more bytes already received: a stream keeps no message boundaries\n",
  );
  assert.equal((await lsRow(sh, 3)).extra, "3 bytes unread");
  assert.equal(
    await sh.ok("recv 3"),
    'recv(3, buf, 3, 0) = 3 "def"\n  note: the buffer is full: more may be waiting\n',
  );
  assert.equal((await lsRow(sh, 3)).extra, "");
});

Deno.test("recv returns 0 and end of stream after the peer's shutdown, and the socket goes CLOSE_WAIT", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const { peer } = await connected(sh, l);
  using _ = peer;
  await peer.write(bytes("last"));
  await peer.closeWrite();
  assert.equal(await sh.ok("recv -t 3"), 'recv(3, buf, 255, 0) = 4 "last"\n');
  assert.match(
    await sh.ok("recv -t 3"),
    /^recv\(3, buf, 255, 0\) = 0 +end of stream: the peer closed\n$/,
  );
  const row = await lsRow(sh, 3);
  assert.deepEqual([row.state, row.extra], ["CLOSE_WAIT", "peer closed"]);
  // End of stream stays: recv keeps returning 0 at once.
  assert.match(await sh.ok("recv"), / = 0 +end of stream/);
});

Deno.test("recv returns 0 after the peer closed the connection", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const { peer } = await connected(sh, l);
  peer.close();
  assert.match(
    await sh.ok("recv -t 3"),
    /^recv\(3, buf, 255, 0\) = 0 +end of stream: the peer closed\n$/,
  );
});

Deno.test("recv -p peeks: the bytes stay for the next recv", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const { peer, local, remote } = await connected(sh, l);
  using _ = peer;
  await peer.write(bytes("hello"));
  await untilQueued(local, remote, 5);
  assert.equal(
    await sh.ok("recv -p"),
    'recv(3, buf, 255, MSG_PEEK) = 5 "hello"\n',
  );
  assert.equal((await lsRow(sh, 3)).extra, "5 bytes unread");
  assert.equal(
    await sh.ok("recv -p 2"),
    'recv(3, buf, 2, MSG_PEEK) = 2 "he"\n  note: 3 more bytes already received: a stream keeps no message boundaries\n',
  );
  assert.equal(await sh.ok("recv"), 'recv(3, buf, 255, 0) = 5 "hello"\n');
});

Deno.test("recv -x shows the bytes in hex, and a dump past 16 bytes", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const { peer, local, remote } = await connected(sh, l);
  using _ = peer;
  await peer.write(bytes("abc"));
  await untilQueued(local, remote, 3);
  assert.equal(
    await sh.ok("recv -x"),
    "recv(3, buf, 255, 0) = 3 hex 61 62 63\n",
  );
  await peer.write(bytes("0123456789abcdefXY"));
  await untilQueued(local, remote, 18);
  assert.equal(
    await sh.ok("recv -x"),
    "recv(3, buf, 255, 0) = 18 hex (18 bytes)\n" +
      "  000000  30 31 32 33 34 35 36 37 38 39 61 62 63 64 65 66  |0123456789abcdef|\n" +
      "  000010  58 59                                            |XY|\n",
  );
});

Deno.test("recv shows bytes that are not UTF-8 in hex, and escapes control characters", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const { peer, local, remote } = await connected(sh, l);
  using _ = peer;
  await peer.write(new Uint8Array([0xff, 0xfe, 0x00, 0x41]));
  await untilQueued(local, remote, 4);
  assert.equal(
    await sh.ok("recv"),
    "recv(3, buf, 255, 0) = 4 hex ff fe 00 41\n",
  );
  await peer.write(bytes("a\tb\0\x07"));
  await untilQueued(local, remote, 5);
  assert.equal(
    await sh.ok("recv"),
    'recv(3, buf, 255, 0) = 5 "a\\tb\\0\\x07"\n',
  );
});

Deno.test("recv -t gives up with EAGAIN when nothing arrives, and data that comes later is read next", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const { peer } = await connected(sh, l);
  using _ = peer;
  const t0 = Date.now();
  const err = await failsUnchanged(sh, "recv -t 0.2", "EAGAIN");
  assert.ok(Date.now() - t0 >= 190, "waited the timeout");
  assert.equal(
    err,
    "recv(3, buf, 255, 0) = -1 EAGAIN (Resource temporarily unavailable): no answer within 0.2 s (SO_RCVTIMEO)\n",
  );
  await peer.write(bytes("later"));
  assert.equal(await sh.ok("recv -t 3"), 'recv(3, buf, 255, 0) = 5 "later"\n');
});

Deno.test("recv interrupted by Ctrl-C reports EINTR, and what arrives afterwards is returned by the next recv", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const { peer } = await connected(sh, l);
  using _ = peer;
  const before = await sh.ok("ls");
  const ctrlC = new AbortController();
  const pending = sh.run("recv", ctrlC.signal);
  await settle();
  ctrlC.abort();
  assert.equal((await pending).code, 124);
  assert.equal(
    sh.take().stderr,
    "recv(3, buf, 255, 0) = -1 EINTR (Interrupted system call): interrupted by Ctrl-C\n",
  );
  assert.equal(await sh.ok("ls"), before);
  await peer.write(bytes("after ^C"));
  // The read the interrupted call left running takes the bytes: none is lost.
  await until(
    async () => (await lsRow(sh, 3)).extra === "8 bytes unread",
    "the bytes in the shell's buffer",
  );
  assert.equal(
    await sh.ok("recv -t 3"),
    'recv(3, buf, 255, 0) = 8 "after ^C"\n',
  );
});

Deno.test("recv reports ECONNRESET when the peer closes with unread data, then end of stream", async () => {
  const bin = await buildPeer("rst_peer");
  const port = freePort("tcp");
  await using peer = startPeer(bin, [String(port)]);
  await peer.waitForPort(port);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${port}; send "never read"`);
  assert.equal(await peer.stdout(), "reset\n");
  const r = await sh.fails("recv -t 3");
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr,
    "recv(3, buf, 255, 0) = -1 ECONNRESET (Connection reset by peer)\n",
  );
  // The kernel dropped the connection: CLOSED, not CLOSE_WAIT.
  assert.equal((await lsRow(sh, 3)).state, "CLOSED");
  // As in C: the error is reported once; after it the stream reads as ended.
  assert.match(await sh.ok("recv -t 3"), / = 0 +end of stream/);
  assert.equal((await lsRow(sh, 3)).state, "CLOSED");
});

Deno.test("recv reports ENOTCONN on an unconnected TCP socket and on an unbound UDP socket", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const err = await failsUnchanged(sh, "recv", "ENOTCONN");
  assert.equal(
    err,
    "recv(3, buf, 255, 0) = -1 ENOTCONN (Transport endpoint is not connected): socket 3 is not connected\n",
  );
  await sh.ok("listen");
  await failsUnchanged(sh, "recv", "ENOTCONN");
  await sh.ok("socket udp");
  await failsUnchanged(sh, "recv", "ENOTCONN");
});

Deno.test("recv -o reports EOPNOTSUPP: MSG_OOB has no Deno equivalent", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const { peer } = await connected(sh, l);
  using _ = peer;
  const err = await failsUnchanged(sh, "recv -o", "EOPNOTSUPP");
  assert.match(err, /^recv\(3, buf, 255, MSG_OOB\) = -1 EOPNOTSUPP/);
});

Deno.test("recv reports EBADF for a descriptor that is not open", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const err = await failsUnchanged(sh, "recv @9", "EBADF");
  assert.equal(
    err,
    "recv(9, buf, 255, 0) = -1 EBADF (Bad file descriptor): no socket has descriptor 9 (open: 3)\n",
  );
});

Deno.test("recv rejects a byte count of 0 as bad usage", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const r = await sh.fails("recv 0");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /byte count must be a whole number from 1/);
});

Deno.test("recv on a connected UDP socket takes the peer's datagrams and drops others with a note", async () => {
  using sh = new TestShell();
  using peer = rawDatagram();
  using stranger = rawDatagram();
  const peerPort = (peer.addr as Deno.NetAddr).port;
  const out = await sh.ok(`socket udp; connect 127.0.0.1 ${peerPort}`);
  const local = portIn(/local (\S+)/.exec(out)![1]!);
  await sendDatagram(stranger, "spam", local);
  await sendDatagram(peer, "hello", local);
  assert.equal(
    await sh.ok("recv -t 3"),
    'recv(3, buf, 255, 0) = 5 "hello"\n' +
      `  note: dropped 1 datagram (4 bytes) from 127.0.0.1:${
        (stranger.addr as Deno.NetAddr).port
      }: not the connected peer\n`,
  );
  // Nothing else is waiting: the stranger's datagram is gone.
  await failsUnchanged(sh, "recv -t 0.1", "EAGAIN");
});

Deno.test("recv counts a stranger's flood to a connected UDP socket in one note", async () => {
  using sh = new TestShell();
  using peer = rawDatagram();
  using stranger = rawDatagram();
  const peerPort = (peer.addr as Deno.NetAddr).port;
  const out = await sh.ok(`socket udp; connect 127.0.0.1 ${peerPort}`);
  const local = portIn(/local (\S+)/.exec(out)![1]!);
  for (let i = 0; i < 150; i++) await sendDatagram(stranger, "spam", local);
  await sendDatagram(peer, "hello", local);
  const lines = (await sh.ok("recv -t 3")).trimEnd().split("\n");
  assert.equal(lines.length, 2, lines.join("\n"));
  assert.equal(lines[0], 'recv(3, buf, 255, 0) = 5 "hello"');
  const m =
    /^ {2}note: dropped (\d+) datagrams \((\d+) bytes\) from 127\.0\.0\.1:(\d+): not the connected peer$/
      .exec(lines[1]!);
  assert.ok(m, lines[1]);
  // The kernel may have dropped some of the flood itself (its buffer is bounded).
  assert.ok(Number(m[1]) > 0 && Number(m[1]) <= 150);
  assert.equal(Number(m[2]), 4 * Number(m[1]));
  assert.equal(Number(m[3]), (stranger.addr as Deno.NetAddr).port);
});

Deno.test("recv on UDP returns one datagram per call, cut to N as in C", async () => {
  using sh = new TestShell();
  using peer = rawDatagram();
  const peerPort = (peer.addr as Deno.NetAddr).port;
  const out = await sh.ok(`socket udp; connect 127.0.0.1 ${peerPort}`);
  const local = portIn(/local (\S+)/.exec(out)![1]!);
  await sendDatagram(peer, "0123456789", local);
  await sendDatagram(peer, "next", local);
  assert.equal(
    await sh.ok("recv -t 3 4"),
    'recv(3, buf, 4, 0) = 4 "0123"\n' +
      "  note: datagram was 10 bytes: the last 6 are discarded, as in C\n",
  );
  assert.equal(await sh.ok("recv -t 3"), 'recv(3, buf, 255, 0) = 4 "next"\n');
});

Deno.test("recv -u gives $x.before, the data without its delimiter", async () => {
  using sh = new TestShell();
  using l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  await sh.ok(`socket tcp; connect 127.0.0.1 ${l.addr.port}`);
  using peer = await l.accept();
  await peer.write(new TextEncoder().encode("22.\nrest"));
  await sh.ok('recv -u "." -> age');
  assert.equal(await sh.ok('print "[$age.before]"'), "[22]\n");
});
