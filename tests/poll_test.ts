/** `poll`: readiness over several descriptors, as the kernel reports it, consuming nothing. */
import assert from "node:assert/strict";
import { parsePollFds } from "../commands/poll.ts";
import { POLLIN, POLLOUT } from "../lib/shell/fdtable.ts";
import { tokenize } from "../lib/script/tokenize.ts";
import { TestShell } from "./_shell.ts";
import {
  bytes,
  failsUnchanged,
  portIn,
  readText,
  settle,
  untilQueued,
} from "./_net.ts";
import { buildPeer, freePort, startPeer } from "./_peers.ts";

/** Descriptor 3 listening on 127.0.0.1; returns its port. */
async function listening(sh: TestShell): Promise<number> {
  const out = await sh.ok("socket tcp; bind 127.0.0.1 0; listen");
  return portIn(/listening on (\S+)/.exec(out)![1]!);
}

/** Descriptor 3 listening, 4 accepted from a raw client; returns the client. */
async function accepted(sh: TestShell): Promise<Deno.TcpConn> {
  const port = await listening(sh);
  const client = await Deno.connect({ hostname: "127.0.0.1", port });
  await sh.ok("accept -t 3");
  return client;
}

Deno.test("poll parses FD, @FD and FD:in|out|inout", () => {
  const words = tokenize("3 @4 5:out 6:inout 7:in")[0]!;
  assert.deepEqual(parsePollFds(words).map((p) => [p.fd, p.events]), [
    [3, POLLIN],
    [4, POLLIN],
    [5, POLLOUT],
    [6, POLLIN | POLLOUT],
    [7, POLLIN],
  ]);
  assert.throws(() => parsePollFds(tokenize("3:up")[0]!), /FD:inout/);
});

Deno.test("poll shows a waiting connection as POLLIN on the listener, as strace does, and the accept after it returns at once", async () => {
  using sh = new TestShell();
  const port = await listening(sh);
  await sh.ok("socket tcp");
  using client = await Deno.connect({ hostname: "127.0.0.1", port });
  assert.match(await sh.ok("poll -t 3000 3"), /revents=POLLIN/);
  assert.equal(
    await sh.ok("poll -t 3000 3 4"),
    "poll([{fd=3, events=POLLIN}, {fd=4, events=POLLIN}], 2, 3000) = 2 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLHUP}])\n",
  );
  // Non-blocking: the accept cannot wait, so it proves the connection was already there.
  await sh.ok("fcntl @3 F_SETFL O_NONBLOCK");
  assert.match(
    await sh.ok("accept @3"),
    new RegExp(
      `^accept\\(3\\) = 5 +peer 127\\.0\\.0\\.1:${client.localAddr.port}`,
    ),
  );
});

Deno.test("poll says POLLIN when data waits, and the recv after it returns exactly that data", async () => {
  using sh = new TestShell();
  using client = await accepted(sh);
  assert.equal(
    await sh.ok("poll -t 0 4"),
    "poll([{fd=4, events=POLLIN}], 1, 0) = 0 (Timeout)\n",
  );
  await client.write(bytes("first"));
  assert.equal(
    await sh.ok("poll 4"),
    "poll([{fd=4, events=POLLIN}], 1, -1) = 1 ([{fd=4, revents=POLLIN}])\n",
  );
  assert.equal(
    await sh.ok("poll 4:inout"),
    "poll([{fd=4, events=POLLIN|POLLOUT}], 1, -1) = 1 ([{fd=4, revents=POLLIN|POLLOUT}])\n",
  );
  await sh.ok("fcntl @4 F_SETFL O_NONBLOCK");
  assert.match(await sh.ok("recv @4"), /= 5 "first"/);
  await failsUnchanged(sh, "recv @4", "EAGAIN");
});

Deno.test("poll -t 0 sees data that is already in the kernel, as C's poll does", async () => {
  using sh = new TestShell();
  using client = await accepted(sh);
  await client.write(bytes("queued"));
  const local = portIn((await sh.ok("ls")).match(/ESTABLISHED\s+(\S+)/)![1]!);
  await untilQueued(local, client.localAddr.port, 6);
  assert.equal(
    await sh.ok("poll -t 0 4"),
    "poll([{fd=4, events=POLLIN}], 1, 0) = 1 ([{fd=4, revents=POLLIN}])\n",
  );
  assert.match(await sh.ok("recv @4"), /= 6 "queued"/);
});

Deno.test("poll says POLLIN at end of stream, and recv then returns 0", async () => {
  using sh = new TestShell();
  const client = await accepted(sh);
  client.close();
  assert.match(
    await sh.ok("poll -t 3000 4"),
    /= 1 \(\[\{fd=4, revents=POLLIN\}\]\)\n$/,
  );
  assert.match(await sh.ok("recv @4"), /= 0 +end of stream/);
  await sh.ok("shutdown @4");
  // Both halves closed: Linux adds POLLHUP.
  assert.match(
    await sh.ok("poll -t 0 4:inout"),
    /revents=POLLIN\|POLLOUT\|POLLHUP\}/,
  );
});

Deno.test("poll reports POLLERR and POLLHUP after a C peer's reset, then only POLLHUP once recv took the error", async () => {
  using sh = new TestShell();
  const port = freePort("tcp");
  await using peer = startPeer(await buildPeer("rst_peer"), [String(port)]);
  await peer.waitForPort(port);
  await sh.ok(`socket tcp; connect 127.0.0.1 ${port}; send x`);
  assert.match(await sh.ok("poll -t 5000 3"), /revents=POLLIN\|POLLERR/);
  assert.match(
    await sh.ok("poll -t 0 3:inout"),
    /= 1 \(\[\{fd=3, revents=POLLIN\|POLLOUT\|POLLERR\|POLLHUP\}\]\)\n$/,
  );
  const r = await sh.fails("recv");
  assert.match(r.stderr, / = -1 ECONNRESET /);
  assert.match(
    await sh.ok("poll -t 0 3:inout"),
    /revents=POLLIN\|POLLOUT\|POLLHUP\}/,
  );
  assert.match(await sh.ok("recv"), /= 0/);
  assert.equal(await peer.stdout(), "reset\n");
});

Deno.test("poll reports what Linux does for sockets that are not connected: TCP POLLOUT|POLLHUP, UDP POLLOUT, closed POLLNVAL", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp; socket udp");
  assert.equal(
    await sh.ok("poll -t 0 3:inout 4:inout 9"),
    "poll([{fd=3, events=POLLIN|POLLOUT}, {fd=4, events=POLLIN|POLLOUT}, {fd=9, events=POLLIN}], 3, 0) = 3 " +
      "([{fd=3, revents=POLLOUT|POLLHUP}, {fd=4, revents=POLLOUT}, {fd=9, revents=POLLNVAL}])\n",
  );
});

Deno.test("poll says POLLIN on a UDP socket once a datagram is queued, and recvfrom takes it", async () => {
  using sh = new TestShell();
  const out = await sh.ok("socket udp; bind 127.0.0.1 0");
  const port = portIn(/= 0 +(?:local )?(\S+)/.exec(out)![1]!);
  assert.match(await sh.ok("poll -t 0"), /= 0 \(Timeout\)/);
  const peer = Deno.listenDatagram({
    hostname: "127.0.0.1",
    port: 0,
    transport: "udp",
  });
  try {
    await peer.send(bytes("ping"), {
      transport: "udp",
      hostname: "127.0.0.1",
      port,
    });
    assert.match(
      await sh.ok("poll -t 3000"),
      /^poll\(\[\{fd=3, events=POLLIN\}\], 1, 3000\) = 1 \(\[\{fd=3, revents=POLLIN\}\]\)\n$/,
    );
    assert.match(
      await sh.ok("fcntl F_SETFL O_NONBLOCK; recvfrom"),
      /= 4 "ping"/,
    );
  } finally {
    peer.close();
  }
});

Deno.test("poll with no descriptors watches every open one", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp; socket udp");
  assert.match(
    await sh.ok("poll -t 0"),
    /^poll\(\[\{fd=3, events=POLLIN\}, \{fd=4, events=POLLIN\}\], 2, 0\) = 1 \(\[\{fd=3, revents=POLLHUP\}\]\)\n$/,
  );
});

Deno.test("poll -> r captures the ready descriptors as a list, their count and each one's revents", async () => {
  using sh = new TestShell();
  using client = await accepted(sh);
  using second = await Deno.connect({
    hostname: "127.0.0.1",
    port: client.remoteAddr.port,
  });
  await client.write(bytes("x"));
  await sh.ok("poll -t 3000 3 4 -> r");
  // Both may not be ready on the first wake: poll again until both are.
  for (let i = 0; i < 20; i++) {
    if ((await sh.ok('print "$r.n"')).trim() === "2") break;
    await settle(20);
    await sh.ok("poll -t 3000 3 4 -> r");
  }
  assert.equal(
    await sh.ok('print "$r|$r.n|$r.3|$r.4"'),
    "3 4|2|POLLIN|POLLIN\n",
  );
  await sh.ok("poll -t 0 3:out -> r");
  assert.equal(await sh.ok('print "[$r]$r.n"'), "[]0\n");
  void second;
});

Deno.test("poll blocks until Ctrl-C (EINTR), leaves ls unchanged, and loses nothing that arrives after", async () => {
  using sh = new TestShell();
  const port = await listening(sh);
  const before = await sh.ok("ls");
  const ctrlC = new AbortController();
  const pending = sh.run("poll", ctrlC.signal);
  await settle();
  ctrlC.abort();
  assert.equal((await pending).code, 124);
  assert.equal(
    sh.take().stderr,
    "poll([{fd=3, events=POLLIN}], 1, -1) = -1 EINTR (Interrupted system call): interrupted by Ctrl-C\n",
  );
  assert.equal(await sh.ok("ls"), before);
  using client = await Deno.connect({ hostname: "127.0.0.1", port });
  assert.match(await sh.ok("poll 3"), /revents=POLLIN/);
  assert.match(
    await sh.ok("accept -t 3"),
    new RegExp(`peer 127\\.0\\.0\\.1:${client.localAddr.port}`),
  );
});

Deno.test("poll over two connections to the C poll relay sees the one that received the other's bytes", async () => {
  using sh = new TestShell();
  const port = freePort("tcp");
  await using relay = startPeer(await buildPeer("pollrelay"), [String(port)]);
  await relay.waitForPort(port);
  await sh.ok(`socket tcp; connect 127.0.0.1 ${port}`);
  await sh.ok(`socket tcp; connect 127.0.0.1 ${port}`);
  using raw = await Deno.connect({ hostname: "127.0.0.1", port });
  await settle(100);
  await raw.write(bytes("from raw\n"));
  assert.match(
    await sh.ok("poll -t 5000 3 4 -> r"),
    /= [12] \(\[\{fd=[34], revents=POLLIN\}/,
  );
  await sh.ok('send @3 "from three\\n"');
  // fd 4 gets the raw client's line, then fd 3's; fd 3 never gets its own.
  assert.match(await sh.ok("recv @4 -l"), /"from raw\\n"/);
  assert.match(await sh.ok("recv @4 -l -t 5"), /"from three\\n"/);
  assert.equal(await readText(raw, 11), "from three\n");
  assert.match(await sh.ok("recv @3 -l -t 5"), /"from raw\\n"/);
  assert.match(await sh.ok("poll -t 200 3"), /= 0 \(Timeout\)/);
});
