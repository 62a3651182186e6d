/** `listen`: a TCP socket starts taking connections. */
import assert from "node:assert/strict";
import { freePort, missing, startPeer } from "./_peers.ts";
import { TestShell } from "./_shell.ts";
import {
  failsUnchanged,
  HAS_IPV6,
  lsRow,
  portIn,
  rawListener,
} from "./_net.ts";

/** The backlog of the socket listening on `port`, as `ss -ltn` shows it (Send-Q). */
async function ssBacklog(port: number): Promise<number> {
  const out = await new Deno.Command("ss", {
    args: ["-ltnH", "sport", "=", String(port)],
    stdout: "piped",
  }).output();
  const rows = new TextDecoder().decode(out.stdout).trim().split("\n");
  assert.equal(rows.length, 1, `ss shows ${rows.length} listeners on ${port}`);
  return Number(rows[0]!.split(/\s+/)[2]);
}

/** SOMAXCONN as the kernel has it (Deno reads /proc/sys only with -A: cat reads it). */
async function somaxconn(): Promise<number> {
  const out = await new Deno.Command("cat", {
    args: ["/proc/sys/net/core/somaxconn"],
    stdout: "piped",
  }).output();
  return Number(new TextDecoder().decode(out.stdout));
}

/**
 * What `listen` without a number asks for on the Deno build: Linux's default
 * SOMAXCONN, as Deno's permissions refuse /proc/sys to the shell.
 */
const SHELL_SOMAXCONN = 4096;

Deno.test("listen after bind listens on the bound address with the backlog given", async () => {
  using sh = new TestShell();
  const port = freePort("tcp");
  await sh.ok(`socket tcp; bind 127.0.0.1 ${port}`);
  const out = await sh.ok("listen 5");
  assert.match(
    out,
    new RegExp(
      `^listen\\(3, 5\\) = 0 +listening on 127\\.0\\.0\\.1:${port}\\n$`,
    ),
  );
  assert.equal(await ssBacklog(port), 5);
  assert.deepEqual(await lsRow(sh, 3), {
    current: true,
    fd: 3,
    proto: "tcp",
    state: "LISTEN",
    local: `127.0.0.1:${port}`,
    remote: "*",
    extra: "",
  });
  // It really listens: a client connects.
  using c = await Deno.connect({ hostname: "127.0.0.1", port });
  assert.equal((c.remoteAddr as Deno.NetAddr).port, port);
});

Deno.test("listen without bind takes an ephemeral port on 0.0.0.0, as Linux does", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const out = await sh.ok("listen");
  const m =
    /^listen\(3, \d+\) = 0 +listening on 0\.0\.0\.0:(\d+)\n {2}note: no bind first: the system picked port (\d+), as Linux does\n$/
      .exec(out);
  assert.ok(m, out);
  assert.equal(m[1], m[2]);
  const row = await lsRow(sh, 3);
  assert.deepEqual([row.state, row.local], ["LISTEN", `0.0.0.0:${m[1]}`]);
  using c = await Deno.connect({ hostname: "127.0.0.1", port: Number(m[1]) });
  assert.ok(c);
});

Deno.test("listen without a backlog takes SOMAXCONN, as ss shows", async () => {
  using sh = new TestShell();
  const port = freePort("tcp");
  await sh.ok(`socket tcp; bind 127.0.0.1 ${port}`);
  assert.match(
    await sh.ok("listen"),
    new RegExp(`^listen\\(3, ${SHELL_SOMAXCONN}\\) = 0 `),
  );
  assert.equal(
    await ssBacklog(port),
    Math.min(SHELL_SOMAXCONN, await somaxconn()),
  );
});

Deno.test("listen with a backlog over SOMAXCONN says the kernel caps it", async () => {
  using sh = new TestShell();
  const port = freePort("tcp");
  await sh.ok(`socket tcp; bind 127.0.0.1 ${port}`);
  const max = SHELL_SOMAXCONN;
  const out = await sh.ok("listen 65535");
  assert.match(
    out,
    new RegExp(
      `^listen\\(3, 65535\\) = 0 .*\\n  note: the kernel caps the backlog at SOMAXCONN \\(${max}\\)`,
    ),
  );
  assert.equal(await ssBacklog(port), await somaxconn());
});

Deno.test("listen on a socket that already listens succeeds and changes nothing", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp; listen");
  const before = await sh.ok("ls");
  assert.match(
    await sh.ok("listen 10"),
    /^listen\(3, 10\) = 0\n {2}note: already listening/,
  );
  assert.equal(await sh.ok("ls"), before);
});

Deno.test("listen reports EOPNOTSUPP on a UDP socket, bound or not", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  const err = await failsUnchanged(sh, "listen", "EOPNOTSUPP");
  assert.equal(
    err,
    `listen(3, ${SHELL_SOMAXCONN}) = -1 EOPNOTSUPP (Operation not supported): listen is for TCP: UDP has no connections\n`,
  );
  await sh.ok("bind 127.0.0.1 0");
  await failsUnchanged(sh, "listen 5", "EOPNOTSUPP");
});

Deno.test("listen reports EINVAL on a connected socket", async () => {
  using sh = new TestShell();
  using l = rawListener();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${l.addr.port}`);
  using _peer = await l.accept();
  await failsUnchanged(sh, "listen", "EINVAL");
  assert.equal((await lsRow(sh, 3)).state, "ESTABLISHED");
});

Deno.test(
  "listen reports EADDRINUSE when another process took the bound port in the meantime",
  { ignore: missing("socat") },
  async () => {
    // Deno has no bound-but-not-listening socket: bind checks, listen opens, and a
    // process that binds the port in between wins, as it would against a C program.
    using sh = new TestShell();
    const port = freePort("tcp");
    await sh.ok(`socket tcp; bind 127.0.0.1 ${port}`);
    await using peer = startPeer("socat", [
      `TCP-LISTEN:${port},bind=127.0.0.1`,
      "STDOUT",
    ]);
    await peer.waitForPort(port);
    await failsUnchanged(sh, "listen", "EADDRINUSE");
    assert.equal((await lsRow(sh, 3)).state, "BOUND");
  },
);

Deno.test("listen reports EBADF for a descriptor that is not open", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const err = await failsUnchanged(sh, "listen @9", "EBADF");
  assert.match(
    err,
    new RegExp(`^listen\\(9, ${SHELL_SOMAXCONN}\\) = -1 EBADF`),
  );
});

Deno.test("listen rejects a backlog that is not a number", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const r = await sh.fails("listen many");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /backlog must be a whole number/);
  assert.equal((await lsRow(sh, 3)).state, "NEW");
});

Deno.test({
  name: "listen on tcp6 bound to ::1 takes IPv6 clients",
  ignore: !HAS_IPV6,
  async fn() {
    using sh = new TestShell();
    await sh.ok("socket tcp6; bind ::1 0");
    const out = await sh.ok("listen");
    const m = /listening on \[::1\]:(\d+)/.exec(out);
    assert.ok(m, out);
    using c = await Deno.connect({ hostname: "::1", port: Number(m[1]) });
    assert.equal((await lsRow(sh, 3)).state, "LISTEN");
    assert.equal(portIn((await lsRow(sh, 3)).local), Number(m[1]));
    assert.ok(c);
  },
});
