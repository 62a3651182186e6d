/** `fcntl`: O_NONBLOCK, and what recv, recvfrom, accept and connect do on a non-blocking socket. */
import assert from "node:assert/strict";
import { builtInCommands } from "../commands/mod.ts";
import { PLAIN } from "../lib/shell/format.ts";
import { denoHost } from "../lib/ui/host_deno.ts";
import { nodeBackend } from "../lib/net/node.ts";
import { Shell } from "../lib/shell/shell.ts";
import { TestShell } from "./_shell.ts";
import {
  bytes,
  failsUnchanged,
  lsRow,
  portIn,
  settle,
  untilQueued,
} from "./_net.ts";
import {
  buildPeer,
  freePort,
  fullListener,
  missing,
  runPeer,
} from "./_peers.ts";

/** Descriptor 3 listening on 127.0.0.1; returns its port. */
async function listening(sh: TestShell): Promise<number> {
  const out = await sh.ok("socket tcp; bind 127.0.0.1 0; listen");
  return portIn(/listening on (\S+)/.exec(out)![1]!);
}

Deno.test("fcntl F_GETFL shows O_RDWR, F_SETFL O_NONBLOCK adds O_NONBLOCK (in ls too), and 0 clears it", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  assert.equal(
    await sh.ok("fcntl F_GETFL"),
    "fcntl(3, F_GETFL) = 0x2 (flags O_RDWR)\n",
  );
  assert.equal(
    await sh.ok("fcntl F_SETFL O_NONBLOCK"),
    "fcntl(3, F_SETFL, O_NONBLOCK) = 0\n",
  );
  assert.equal(
    await sh.ok("fcntl @3 F_GETFL"),
    "fcntl(3, F_GETFL) = 0x802 (flags O_RDWR|O_NONBLOCK)\n",
  );
  assert.equal((await lsRow(sh, 3)).extra, "O_NONBLOCK");
  await sh.ok("fcntl F_SETFL 0");
  assert.equal((await lsRow(sh, 3)).extra, "");
  await sh.ok("fcntl F_SETFL O_RDWR|O_NONBLOCK");
  assert.equal((await lsRow(sh, 3)).extra, "O_NONBLOCK");
});

Deno.test("fcntl reports EBADF on a descriptor that is not open, and bad usage for other flags", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  await failsUnchanged(sh, "fcntl @7 F_GETFL", "EBADF");
  const r = await sh.fails("fcntl F_SETFL O_APPEND");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^fcntl: F_SETFL takes O_NONBLOCK or 0/);
  assert.equal((await sh.fails("fcntl F_DUPFD")).code, 2);
});

Deno.test("recv on a non-blocking socket fails at once with EAGAIN, ls unchanged, and the data sent after is read whole", async () => {
  using sh = new TestShell();
  const port = await listening(sh);
  using client = await Deno.connect({ hostname: "127.0.0.1", port });
  await sh.ok("accept -t 3; fcntl F_SETFL O_NONBLOCK");
  const err = await failsUnchanged(sh, "recv", "EAGAIN");
  assert.match(
    err,
    /^recv\(4, buf, 255, 0\) = -1 EAGAIN \(Resource temporarily unavailable\): nothing to read on a non-blocking socket/,
  );
  await client.write(bytes("late"));
  await sh.ok("poll 4");
  assert.match(await sh.ok("recv"), /= 4 "late"/);
});

Deno.test("a non-blocking recv sees data that is already in the kernel, as in C", async () => {
  using sh = new TestShell();
  const port = await listening(sh);
  using client = await Deno.connect({ hostname: "127.0.0.1", port });
  await sh.ok("accept -t 3; fcntl F_SETFL O_NONBLOCK");
  await client.write(bytes("there"));
  await untilQueued(port, client.localAddr.port, 5);
  assert.match(await sh.ok("recv"), /= 5 "there"/);
});

Deno.test("recvfrom on a non-blocking UDP socket fails with EAGAIN and ls is unchanged", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp; bind 127.0.0.1 0; fcntl F_SETFL O_NONBLOCK");
  await failsUnchanged(sh, "recvfrom", "EAGAIN");
});

Deno.test("accept on a non-blocking listener fails with EAGAIN while no client waits, then takes the one poll saw", async () => {
  using sh = new TestShell();
  const port = await listening(sh);
  await sh.ok("fcntl F_SETFL O_NONBLOCK");
  const err = await failsUnchanged(sh, "accept", "EAGAIN");
  assert.match(err, /no connection waiting on a non-blocking socket/);
  using client = await Deno.connect({ hostname: "127.0.0.1", port });
  await sh.ok("poll 3");
  assert.match(
    await sh.ok("accept"),
    new RegExp(`= 4 +peer 127\\.0\\.0\\.1:${client.localAddr.port}`),
  );
  // The accepted socket does not inherit O_NONBLOCK, as with accept() (not accept4) in C.
  assert.equal((await lsRow(sh, 4)).extra, "");
});

Deno.test("a non-blocking connect returns EINPROGRESS, poll says POLLOUT when it is done, and a second connect is EISCONN", async () => {
  using sh = new TestShell();
  const port = await listening(sh);
  await sh.ok("socket tcp; fcntl F_SETFL O_NONBLOCK");
  const r = await sh.fails(`connect 127.0.0.1 ${port}`);
  assert.match(
    r.stderr,
    new RegExp(
      `^connect\\(4, 127\\.0\\.0\\.1:${port}\\) = -1 EINPROGRESS \\(Operation now in progress\\)`,
    ),
  );
  assert.equal(
    await sh.ok("poll -t 5000 4:out"),
    "poll([{fd=4, events=POLLOUT}], 1, 5000) = 1 ([{fd=4, revents=POLLOUT}])\n",
  );
  assert.equal(sh.shell.table.get(4).soError, undefined);
  const row = await lsRow(sh, 4);
  assert.equal(row.state, "ESTABLISHED");
  assert.equal(row.remote, `127.0.0.1:${port}`);
  await failsUnchanged(sh, `connect 127.0.0.1 ${port}`, "EISCONN");
});

Deno.test("a refused non-blocking connect shows POLLERR|POLLHUP and leaves ECONNREFUSED in SO_ERROR", async () => {
  using sh = new TestShell();
  const port = freePort("tcp");
  await sh.ok("socket tcp; fcntl F_SETFL O_NONBLOCK");
  assert.match(
    (await sh.fails(`connect 127.0.0.1 ${port}`)).stderr,
    / = -1 EINPROGRESS /,
  );
  assert.match(
    await sh.ok("poll -t 5000 3:out"),
    /= 1 \(\[\{fd=3, revents=POLLOUT\|POLLERR\|POLLHUP\}\]\)/,
  );
  // What getsockopt(SO_ERROR) reads, then clears (branch opts writes that command).
  const s = sh.shell.table.get(3);
  assert.equal(s.soError?.errno, "ECONNREFUSED");
  s.soError = undefined;
  assert.match(
    await sh.ok("poll -t 0 3:inout"),
    /revents=POLLIN\|POLLOUT\|POLLHUP\}/,
  );
  assert.equal((await lsRow(sh, 3)).state, "NEW");
});

Deno.test("a connect still in progress: EALREADY when non-blocking, and a blocking connect waits for it until Ctrl-C (EINTR)", async () => {
  using sh = new TestShell();
  await using full = await fullListener();
  await sh.ok("socket tcp; fcntl F_SETFL O_NONBLOCK");
  assert.match(
    (await sh.fails(`connect 127.0.0.1 ${full.port}`)).stderr,
    / = -1 EINPROGRESS /,
  );
  const row = await lsRow(sh, 3);
  assert.equal(row.state, "SYN_SENT");
  assert.equal(row.remote, `127.0.0.1:${full.port}`);
  await failsUnchanged(sh, `connect 127.0.0.1 ${full.port}`, "EALREADY");
  assert.match(await sh.ok("poll -t 100 3:out"), /= 0 \(Timeout\)/);
  await sh.ok("fcntl F_SETFL 0");
  const before = await sh.ok("ls");
  const ctrlC = new AbortController();
  const pending = sh.run(`connect 127.0.0.1 ${full.port}`, ctrlC.signal);
  await settle();
  ctrlC.abort();
  assert.equal((await pending).code, 124);
  assert.match(sh.take().stderr, / = -1 EINTR \(Interrupted system call\)/);
  // As in C, the interrupted connect goes on in the background.
  assert.equal(await sh.ok("ls"), before);
  await sh.ok("close 3");
});

Deno.test("the C non-blocking client connects to the shell, which serves it with poll, accept, recv and send", async () => {
  using sh = new TestShell();
  const port = await listening(sh);
  const client = runPeer(await buildPeer("nb_client"), [String(port), "hi"]);
  assert.match(await sh.ok("poll -t 5000 3"), /revents=POLLIN/);
  await sh.ok("accept; poll -t 5000 4");
  assert.match(await sh.ok("recv"), /= 2 "hi"/);
  await sh.ok('send "HI"; close 4');
  const r = await client;
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^connect: (EINPROGRESS|0)\nSO_ERROR: 0\n/);
  assert.match(r.stdout, /got: HI\nclosed\n$/);
});

Deno.test(
  "a non-blocking accept and recv against nc: EAGAIN until nc's bytes are there",
  {
    ignore: missing("nc"),
  },
  async () => {
    using sh = new TestShell();
    const port = await listening(sh);
    await sh.ok("fcntl F_SETFL O_NONBLOCK");
    await failsUnchanged(sh, "accept", "EAGAIN");
    const nc = new Deno.Command("nc", {
      args: ["-N", "127.0.0.1", String(port)],
      stdin: "piped",
      stdout: "null",
      stderr: "null",
    }).spawn();
    try {
      await sh.ok("poll -t 5000 3; accept; fcntl F_SETFL O_NONBLOCK");
      await failsUnchanged(sh, "recv", "EAGAIN");
      const w = nc.stdin.getWriter();
      await w.write(bytes("from nc\n"));
      await w.close();
      await sh.ok("poll -t 5000 4");
      assert.match(await sh.ok("recv"), /= 8 "from nc\\n"/);
      await sh.ok("poll -t 5000 4");
      assert.match(await sh.ok("recv"), /= 0/);
    } finally {
      try {
        nc.kill();
      } catch {
        // Already gone.
      }
      await nc.status;
    }
  },
);

Deno.test("on the Node backend too, a non-blocking connect goes on in the background and poll sees it finish", async () => {
  const err: string[] = [];
  const out: string[] = [];
  const shell = new Shell(nodeBackend, builtInCommands, {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    paint: PLAIN,
  }, denoHost);
  const scope = shell.newScope();
  const signal = new AbortController().signal;
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  try {
    const run = (line: string) => shell.runLine(line, scope, signal);
    await run("socket tcp; fcntl F_SETFL O_NONBLOCK");
    assert.equal(
      (await run(`connect 127.0.0.1 ${listener.addr.port}`)).code,
      1,
    );
    assert.match(err.join(""), / = -1 EINPROGRESS /);
    assert.equal((await run("poll -t 5000 3:out")).code, 0);
    assert.match(out.join(""), /revents=POLLOUT\}\]\)\n$/);
    assert.equal(shell.table.get(3).state, "ESTABLISHED");
    const accepted = await listener.accept();
    accepted.close();
  } finally {
    listener.close();
    shell.close();
  }
});
