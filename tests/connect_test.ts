/** `connect`: TCP opens a connection; UDP only remembers the peer. */
import assert from "node:assert/strict";
import { buildPeer, freePort, fullListener, runPeer } from "./_peers.ts";
import { TestShell } from "./_shell.ts";
import {
  failsUnchanged,
  HAS_IPV6,
  lsRow,
  rawDatagram,
  rawListener,
  receiveDatagram,
  settle,
  within,
} from "./_net.ts";

Deno.test("connect opens a TCP connection and shows the local port the system picked", async () => {
  using sh = new TestShell();
  using l = rawListener();
  const port = l.addr.port;
  await sh.ok("socket tcp");
  const out = await sh.ok(`connect 127.0.0.1 ${port}`);
  const m = new RegExp(
    `^connect\\(3, 127\\.0\\.0\\.1:${port}\\) = 0 +local 127\\.0\\.0\\.1:(\\d+)\\n$`,
  ).exec(out);
  assert.ok(m, out);
  using peer = await l.accept();
  // The server sees the same 5-tuple from the other side.
  assert.equal((peer.remoteAddr as Deno.NetAddr).port, Number(m[1]));
  assert.deepEqual(await lsRow(sh, 3), {
    current: true,
    fd: 3,
    proto: "tcp",
    state: "ESTABLISHED",
    local: `127.0.0.1:${m[1]}`,
    remote: `127.0.0.1:${port}`,
    extra: "",
  });
});

Deno.test("connect resolves a host name first, as the handout's client calls gethostbyname", async () => {
  using sh = new TestShell();
  using l = rawListener();
  await sh.ok("socket tcp");
  assert.match(
    await sh.ok(`connect localhost ${l.addr.port}`),
    new RegExp(`^connect\\(3, 127\\.0\\.0\\.1:${l.addr.port}\\) = 0 `),
  );
  using _peer = await l.accept();
});

Deno.test("connect reports ECONNREFUSED when nothing listens, and the socket can connect afterwards", async () => {
  using sh = new TestShell();
  const port = freePort("tcp");
  await sh.ok("socket tcp");
  const err = await failsUnchanged(
    sh,
    `connect 127.0.0.1 ${port}`,
    "ECONNREFUSED",
  );
  assert.equal(
    err,
    `connect(3, 127.0.0.1:${port}) = -1 ECONNREFUSED (Connection refused)\n`,
  );
  assert.equal((await lsRow(sh, 3)).state, "NEW");
  using l = rawListener();
  await sh.ok(`connect 127.0.0.1 ${l.addr.port}`);
  using _peer = await l.accept();
  assert.equal((await lsRow(sh, 3)).state, "ESTABLISHED");
});

Deno.test("connect reports EISCONN on a connected socket and on a listening one", async () => {
  using sh = new TestShell();
  using l = rawListener();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${l.addr.port}`);
  using _peer = await l.accept();
  const err = await failsUnchanged(
    sh,
    `connect 127.0.0.1 ${l.addr.port}`,
    "EISCONN",
  );
  assert.match(err, /socket 3 is already connected/);
  await sh.ok("socket tcp; listen");
  await failsUnchanged(sh, `connect 127.0.0.1 ${l.addr.port}`, "EISCONN");
});

Deno.test("connect -t reports ETIMEDOUT when the server's accept queue is full, and the socket stays NEW", async () => {
  await using full = await fullListener();
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const t0 = Date.now();
  const err = await failsUnchanged(
    sh,
    `connect -t 1 127.0.0.1 ${full.port}`,
    "ETIMEDOUT",
  );
  assert.ok(Date.now() - t0 >= 950, "waited the timeout");
  assert.equal(
    err,
    `connect(3, 127.0.0.1:${full.port}) = -1 ETIMEDOUT (Connection timed out): no answer within 1 s\n`,
  );
  using l = rawListener();
  await sh.ok(`connect 127.0.0.1 ${l.addr.port}`);
  using _peer = await l.accept();
});

Deno.test("connect interrupted by Ctrl-C reports EINTR, and the socket can still connect", async () => {
  await using full = await fullListener();
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const before = await sh.ok("ls");
  const ctrlC = new AbortController();
  const pending = sh.run(`connect 127.0.0.1 ${full.port}`, ctrlC.signal);
  await settle();
  ctrlC.abort();
  const r = await within(pending, 2000, "connect to return after Ctrl-C");
  assert.equal(r.code, 124);
  assert.equal(
    sh.take().stderr,
    `connect(3, 127.0.0.1:${full.port}) = -1 EINTR (Interrupted system call): interrupted by Ctrl-C\n`,
  );
  assert.equal(await sh.ok("ls"), before);
  using l = rawListener();
  await sh.ok(`connect 127.0.0.1 ${l.addr.port}`);
  using _peer = await l.accept();
  assert.equal((await lsRow(sh, 3)).state, "ESTABLISHED");
});

Deno.test("connect reports EAI_NONAME for a host that does not exist", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const err = await failsUnchanged(
    sh,
    "connect nosuch.invalid 80",
    "EAI_NONAME",
  );
  assert.match(
    err,
    /^connect\(3, nosuch\.invalid:80\) = -1 EAI_NONAME \(Name or service not known\)/,
  );
});

Deno.test("connect reports EAFNOSUPPORT for an IPv6 address on an AF_INET socket", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const err = await failsUnchanged(sh, "connect ::1 80", "EAFNOSUPPORT");
  assert.match(err, /::1 is an IPv6 address but this is an AF_INET socket/);
  await sh.ok("socket udp");
  await failsUnchanged(sh, "connect ::1 80", "EAFNOSUPPORT");
});

Deno.test("connect reports EBADF for a descriptor that is not open", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const err = await failsUnchanged(sh, "connect @9 127.0.0.1 80", "EBADF");
  assert.match(err, /^connect\(9, 127\.0\.0\.1:80\) = -1 EBADF/);
});

Deno.test("connect on UDP sends nothing, binds an ephemeral port and sets the default peer", async () => {
  using sh = new TestShell();
  using peer = rawDatagram();
  const port = (peer.addr as Deno.NetAddr).port;
  await sh.ok("socket udp");
  const out = await sh.ok(`connect 127.0.0.1 ${port}`);
  const m = new RegExp(
    `^connect\\(3, 127\\.0\\.0\\.1:${port}\\) = 0 +local 127\\.0\\.0\\.1:(\\d+)\\n  note: bound to ephemeral port (\\d+) first, as the kernel does\\n$`,
  ).exec(out);
  assert.ok(m, out);
  assert.equal(m[1], m[2]);
  const row = await lsRow(sh, 3);
  assert.deepEqual([row.proto, row.state, row.local, row.remote], [
    "udp",
    "CONNECTED",
    `127.0.0.1:${m[1]}`,
    `127.0.0.1:${port}`,
  ]);
  // send goes to the default peer, from the bound port.
  assert.equal(await sh.ok('send "dgram"'), 'send(3, "dgram", 5, 0) = 5\n');
  const d = await receiveDatagram(peer);
  assert.equal(new TextDecoder().decode(d.data), "dgram");
  assert.equal(d.from.port, Number(m[1]));
});

Deno.test("connect on UDP shows the local address C's getsockname gives, or says what it would be where the runtime's socket cannot follow", async () => {
  const probe = await buildPeer("udp_connect_name");
  /** What the kernel's getsockname says after connect(HOST), the socket bound to *:bound first if given. */
  const kernel = async (host: string, bound?: number) => {
    const r = await runPeer(probe, [
      ...(bound === undefined ? [] : ["-b", String(bound)]),
      host,
      "9",
    ]);
    assert.equal(r.code, 0, r.stderr);
    return /^after (\S+)$/m.exec(r.stdout)![1]!;
  };
  using sh = new TestShell();
  // Unbound, to a loopback peer: bound where C's connect puts it.
  for (const [i, host] of ["127.0.0.1", "127.0.0.5"].entries()) {
    await sh.ok(`socket udp; connect ${host} 9`);
    const local = (await lsRow(sh, 3 + i)).local;
    assert.equal(local.replace(/:\d+$/, ""), await kernel(host));
  }
  // Bound to every address first: the runtime's socket stays so, and a note says what C shows.
  const port = freePort("udp");
  const bound = await sh.ok(`socket udp; bind ${port}; connect 127.0.0.5 9`);
  const c = await kernel("127.0.0.5", freePort("udp"));
  assert.match(
    bound,
    new RegExp(
      `local 0\\.0\\.0\\.0:${port}\\n  note: C would now show local ${
        c.replaceAll(".", "\\.")
      }:${port}, the address the route to the peer leaves from; the shell's socket stays bound to 0\\.0\\.0\\.0 \\(Deno cannot connect a UDP socket\\)\\n$`,
    ),
  );
  // A peer off the loopback: its route's interface gives the address, which the shell cannot tell.
  assert.match(
    await sh.ok("socket udp; connect 192.0.2.77 9"),
    /note: C would now show as local address the one of the interface routing to 192\.0\.2\.77 \(ip route get 192\.0\.2\.77 names it\)/,
  );
  if (HAS_IPV6) {
    await sh.ok("socket udp6; connect ::1 9");
    assert.equal((await lsRow(sh, 7)).local.replace(/:\d+$/, ""), "[::1]");
    assert.equal(await kernel("::1"), "::1");
  }
});

Deno.test({
  name: "connect on tcp6 reaches a server on ::1",
  ignore: !HAS_IPV6,
  async fn() {
    using sh = new TestShell();
    using l = rawListener("::1");
    await sh.ok("socket tcp6");
    assert.match(
      await sh.ok(`connect ::1 ${l.addr.port}`),
      new RegExp(
        `^connect\\(3, \\[::1\\]:${l.addr.port}\\) = 0 +local \\[::1\\]:\\d+\\n$`,
      ),
    );
    using _peer = await l.accept();
    const row = await lsRow(sh, 3);
    assert.deepEqual([row.proto, row.remote], ["tcp6", `[::1]:${l.addr.port}`]);
    await failsUnchanged(sh, `connect ::1 ${l.addr.port}`, "EISCONN");
  },
});

Deno.test({
  name:
    "an IPv6 address in brackets, as a URL writes it, is that address; brackets around IPv4 are a name",
  ignore: !HAS_IPV6,
  async fn() {
    using sh = new TestShell();
    using l = rawListener("::1");
    await sh.ok("socket tcp6");
    // Before, [::1] went to the resolver as a name: EAI_NONAME.
    assert.match(
      await sh.ok(`connect [::1] ${l.addr.port}`),
      new RegExp(`^connect\\(3, \\[::1\\]:${l.addr.port}\\) = 0 `),
    );
    using _peer = await l.accept();
    assert.match(
      (await sh.fails("socket tcp; connect [127.0.0.1] 9")).stderr,
      /= -1 EAI_NONAME /,
    );
  },
});

Deno.test("connect -w retries a refused connect until a server listens", async () => {
  using sh = new TestShell();
  const port = freePort("tcp");
  const pending = sh.run(`socket tcp; connect -w 5 127.0.0.1 ${port}`);
  await new Promise((r) => setTimeout(r, 300));
  using l = Deno.listen({ hostname: "127.0.0.1", port });
  using conn = await l.accept();
  assert.equal((await pending).code, 0);
  assert.ok(conn.remoteAddr);
});

Deno.test("connect -w gives up with ECONNREFUSED when nothing listens in time", async () => {
  using sh = new TestShell();
  const port = freePort("tcp");
  const r = await sh.fails(`socket tcp; connect -w 0.2 127.0.0.1 ${port}`);
  assert.match(r.stderr, /= -1 ECONNREFUSED/);
});

Deno.test("a connect abandoned by its timeout leaves no connection open, even one the kernel completed meanwhile", async () => {
  const { denoBackend } = await import("../lib/net/deno.ts");
  // Deno's resource table, as the test sanitizers read it (Deno.resources left the public API).
  // deno-lint-ignore no-explicit-any
  const core = (Deno as any)[(Deno as any).internal].core;
  const streams = () =>
    (Object.values(core.resources()) as string[]).filter((r) =>
      r === "tcpStream"
    ).length;
  using listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const accepted: Deno.Conn[] = [];
  const accepting = (async () => {
    for await (const c of listener) accepted.push(c);
  })().catch(() => {});
  const before = streams();
  let abandoned = 0;
  for (let i = 0; i < 1000; i++) {
    // A 1 ms timeout races the handshake: some connects are abandoned as it completes.
    const signal = AbortSignal.timeout(1);
    const spin = performance.now() + Math.random() * 1.5;
    while (performance.now() < spin) {
      /* let the timer and the handshake race */
    }
    try {
      (await denoBackend.connect({
        host: "127.0.0.1",
        port: listener.addr.port,
      }, signal))
        .close();
    } catch {
      abandoned++;
    }
  }
  // What an abandoned connect still made is closed once it arrives (at most 50 ms later).
  await new Promise((r) => setTimeout(r, 200));
  for (const c of accepted) c.close();
  await new Promise((r) => setTimeout(r, 100));
  assert.ok(abandoned > 0, "some connects were abandoned");
  assert.equal(streams(), before, "no connection left open");
  listener.close();
  await accepting;
});
