/** `select`: the read set, shown as strace shows it, on poll's readiness. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import { bytes, failsUnchanged, portIn, settle } from "./_net.ts";

/** Descriptor 3 listening, 4 accepted from a raw client; returns the client. */
async function accepted(sh: TestShell): Promise<Deno.TcpConn> {
  const out = await sh.ok("socket tcp; bind 127.0.0.1 0; listen");
  const port = portIn(/listening on (\S+)/.exec(out)![1]!);
  const client = await Deno.connect({ hostname: "127.0.0.1", port });
  await sh.ok("accept -t 3");
  return client;
}

Deno.test("select shows nfds, the read set and the timeout as strace does, and times out with 0", async () => {
  using sh = new TestShell();
  using _client = await accepted(sh);
  assert.equal(
    await sh.ok("select -t 0.2 3 4"),
    "select(5, [3 4], NULL, NULL, {tv_sec=0, tv_usec=200000}) = 0 (Timeout)\n",
  );
});

Deno.test("select says which descriptors can be read, and -> r captures them", async () => {
  using sh = new TestShell();
  using client = await accepted(sh);
  await client.write(bytes("ping"));
  assert.equal(
    await sh.ok("select -t 2 @4 3 -> r"),
    "select(5, [3 4], NULL, NULL, {tv_sec=2, tv_usec=0}) = 1 (in [4])\n",
  );
  assert.equal(await sh.ok('print "$r/$r.n"'), "4/1\n");
  assert.match(await sh.ok("recv @4"), /= 4 "ping"/);
});

Deno.test("select counts a TCP socket never connected as readable, as Linux does (POLLHUP)", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  assert.equal(
    await sh.ok("select -t 0 3"),
    "select(4, [3], NULL, NULL, {tv_sec=0, tv_usec=0}) = 1 (in [3])\n",
  );
});

Deno.test("select reports EBADF when a descriptor of the set is not open, and ls is unchanged", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  const err = await failsUnchanged(sh, "select -t 0 3 6", "EBADF");
  assert.match(
    err,
    /^select\(7, \[3 6\], NULL, NULL, \{tv_sec=0, tv_usec=0\}\) = -1 EBADF \(Bad file descriptor\): descriptor 6 is not open/,
  );
});

Deno.test("select without a timeout blocks until Ctrl-C (EINTR), ls unchanged", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp; bind 127.0.0.1 0");
  const before = await sh.ok("ls");
  const ctrlC = new AbortController();
  const pending = sh.run("select 3", ctrlC.signal);
  await settle();
  ctrlC.abort();
  assert.equal((await pending).code, 124);
  assert.equal(
    sh.take().stderr,
    "select(4, [3], NULL, NULL, NULL) = -1 EINTR (Interrupted system call): interrupted by Ctrl-C\n",
  );
  assert.equal(await sh.ok("ls"), before);
});

Deno.test("select takes descriptors only, below FD_SETSIZE", async () => {
  using sh = new TestShell();
  assert.equal((await sh.fails("select")).code, 2);
  assert.match(
    (await sh.fails("select 3 x")).stderr,
    /^select: bad descriptor "x"/,
  );
  assert.equal((await sh.fails("select 1024")).code, 2);
});

Deno.test("select takes a list of descriptors in one word: select $fds watches every open one", async () => {
  using sh = new TestShell();
  using client = await accepted(sh);
  await client.write(new TextEncoder().encode("x"));
  await settle();
  assert.equal(
    await sh.ok("select -t 1 $fds"),
    "select(5, [3 4], NULL, NULL, {tv_sec=1, tv_usec=0}) = 1 (in [4])\n",
  );
  const bad = await sh.fails('select "3 x"');
  assert.match(bad.stderr, /^select: bad descriptor "x"/);
});
