/** `accept`: a new descriptor per client; the listener stays as it was. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import { resetClients } from "./_peers.ts";
import {
  failsUnchanged,
  lsRow,
  parseLs,
  portIn,
  settle,
  until,
} from "./_net.ts";

/** A shell with descriptor 3 listening on 127.0.0.1; returns its port. */
async function listening(sh: TestShell): Promise<number> {
  const out = await sh.ok("socket tcp; bind 127.0.0.1 0; listen");
  return portIn(/listening on (\S+)/.exec(out)![1]!);
}

Deno.test("accept returns a new descriptor for the client, which becomes current, and leaves the listener LISTEN", async () => {
  using sh = new TestShell();
  const port = await listening(sh);
  using client = await Deno.connect({ hostname: "127.0.0.1", port });
  const cport = client.localAddr.port;
  assert.match(
    await sh.ok("accept -t 3"),
    new RegExp(`^accept\\(3\\) = 4 +peer 127\\.0\\.0\\.1:${cport}\\n$`),
  );
  const rows = parseLs(await sh.ok("ls"));
  assert.deepEqual(rows, [
    {
      current: false,
      fd: 3,
      proto: "tcp",
      state: "LISTEN",
      local: `127.0.0.1:${port}`,
      remote: "*",
      extra: "",
    },
    {
      current: true,
      fd: 4,
      proto: "tcp",
      state: "ESTABLISHED",
      local: `127.0.0.1:${port}`,
      remote: `127.0.0.1:${cport}`,
      extra: "",
    },
  ]);
  // The new descriptor is the client's connection.
  await sh.ok('send "hi"');
  const buf = new Uint8Array(8);
  assert.equal(await client.read(buf), 2);
});

Deno.test("accept on the listener by @FD takes clients in the order they came", async () => {
  using sh = new TestShell();
  const port = await listening(sh);
  using a = await Deno.connect({ hostname: "127.0.0.1", port });
  using b = await Deno.connect({ hostname: "127.0.0.1", port });
  assert.match(
    await sh.ok("accept -t 3"),
    new RegExp(`= 4 +peer 127\\.0\\.0\\.1:${a.localAddr.port}\\n`),
  );
  assert.match(
    await sh.ok("accept @3 -t 3"),
    new RegExp(`= 5 +peer 127\\.0\\.0\\.1:${b.localAddr.port}\\n`),
  );
  assert.equal((await lsRow(sh, 5)).current, true);
});

Deno.test("accept -t gives up with EAGAIN when no client comes, and the listener is unchanged", async () => {
  using sh = new TestShell();
  await listening(sh);
  const t0 = Date.now();
  const err = await failsUnchanged(sh, "accept -t 0.2", "EAGAIN");
  assert.ok(Date.now() - t0 >= 190, "waited the timeout");
  assert.match(
    err,
    /^accept\(3\) = -1 EAGAIN \(Resource temporarily unavailable\): no answer within 0\.2 s/,
  );
});

Deno.test("accept interrupted by Ctrl-C reports EINTR, and the client that comes next is returned by the next accept", async () => {
  using sh = new TestShell();
  const port = await listening(sh);
  const before = await sh.ok("ls");
  const ctrlC = new AbortController();
  const pending = sh.run("accept", ctrlC.signal);
  await settle();
  ctrlC.abort();
  const r = await pending;
  assert.equal(r.code, 124);
  assert.equal(
    sh.take().stderr,
    "accept(3) = -1 EINTR (Interrupted system call): interrupted by Ctrl-C\n",
  );
  assert.equal(await sh.ok("ls"), before);
  using client = await Deno.connect({ hostname: "127.0.0.1", port });
  // The accept left running by the interrupted call takes it into the queue.
  await until(
    async () => (await lsRow(sh, 3)).extra === "1 connection waiting",
    "the client queued",
  );
  assert.match(
    await sh.ok("accept -t 3"),
    new RegExp(
      `^accept\\(3\\) = 4 +peer 127\\.0\\.0\\.1:${client.localAddr.port}\\n$`,
    ),
  );
  assert.equal((await lsRow(sh, 3)).extra, "");
});

Deno.test("accept reports EINVAL on a socket that is not listening", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const err = await failsUnchanged(sh, "accept", "EINVAL");
  assert.equal(
    err,
    "accept(3) = -1 EINVAL (Invalid argument): socket 3 is not listening: call listen first\n",
  );
  await sh.ok("bind 127.0.0.1 0");
  await failsUnchanged(sh, "accept", "EINVAL");
});

Deno.test("accept reports EOPNOTSUPP on a UDP socket", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  await failsUnchanged(sh, "accept", "EOPNOTSUPP");
  await sh.ok("bind 127.0.0.1 0");
  await failsUnchanged(sh, "accept -t 0.1", "EOPNOTSUPP");
});

Deno.test("accept reports EBADF for a descriptor that is not open", async () => {
  using sh = new TestShell();
  await listening(sh);
  const err = await failsUnchanged(sh, "accept @9", "EBADF");
  assert.match(
    err,
    /^accept\(9\) = -1 EBADF \(Bad file descriptor\): no socket has descriptor 9 \(open: 3\)/,
  );
});

Deno.test("accept rejects a bad timeout as usage without waiting", async () => {
  using sh = new TestShell();
  await listening(sh);
  const r = await sh.fails("accept -t soon");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /timeout must be a number of seconds/);
});

Deno.test("a client that resets before accept is accepted as on Linux: CLOSED, no peer for getpeername, ECONNRESET on recv, then 0", async () => {
  using sh = new TestShell();
  const port = await listening(sh);
  // A client that connects and resets before the shell's accept.
  await resetClients(port);
  assert.match(
    await sh.ok("accept"),
    /^accept\(3\) = 4 +the client reset it while it waited: Deno drops such a connection, and with it the address and any bytes sent before the reset, which C's accept and recv still give; the first recv or send fails with ECONNRESET\n$/,
  );
  const row = await lsRow(sh, 4);
  assert.deepEqual([row.state, row.remote], ["CLOSED", "?"]);
  assert.match(
    (await sh.fails("getpeername")).stderr,
    /^getpeername\(4, \?\) = -1 ENOTCONN .*reset by its peer\n$/,
  );
  assert.match(
    (await sh.fails("recv")).stderr,
    /^recv\(4, buf, 255, 0\) = -1 ECONNRESET \(Connection reset by peer\): the client reset the connection before accept took it\n$/,
  );
  assert.match(await sh.ok("recv"), /= 0 +end of stream/);
});
