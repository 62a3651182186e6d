/**
 * Tasks sharing the descriptor table: `fork` children (and replays). A
 * child releases its socket by identity, a number it still holds is not
 * handed out again, and a call on a socket closed under it is EBADF.
 * Sockets are real, on loopback; the other ends are raw Deno sockets.
 */
import assert from "node:assert/strict";
import { sockshell, TestShell } from "./_shell.ts";
import {
  bytes,
  rawDatagram,
  sendDatagram,
  settle,
  until,
  within,
} from "./_net.ts";

/** A quiet shell with a bound UDP socket at descriptor 3, and its port. */
async function shellWithSync(): Promise<{ sh: TestShell; port: number }> {
  const sh = new TestShell();
  await sh.ok("trace off; socket udp -> sync; bind 127.0.0.1 0");
  const port = (sh.shell.table.get(3).local as { port: number }).port;
  return { sh, port };
}

Deno.test("a fork child that ends after the parent closed and reopened its number leaves the new socket open", async () => {
  const { sh, port } = await shellWithSync();
  using peer = rawDatagram();
  try {
    // Descriptor 4 is the child's; it waits on 3 until the test lets it end.
    await sh.ok("socket tcp -> mine; bind 127.0.0.1 0; listen");
    const line = sh.run("fork; recvfrom @3; end");
    await settle();
    // The parent closes 4 and makes a new socket, as the next accept would.
    await sh.ok("close 4; socket udp -> fresh; bind @$fresh 127.0.0.1 0");
    const fresh = Number(await sh.ok('print "$fresh"'));
    await sendDatagram(peer, "go", port);
    assert.equal((await within(line, 3000, "the child's end")).code, 0);
    // The child's end closed its own socket, not the one now holding a number it once had.
    const s = sh.shell.table.get(fresh);
    assert.equal(s.closed, false);
    await sh.ok(
      `sendto @${fresh} 127.0.0.1 ${
        (peer.addr as Deno.NetAddr).port
      } still-here`,
    );
    const [data] = await within(
      peer.receive(),
      3000,
      "the new socket's datagram",
    );
    assert.deepEqual(data, bytes("still-here"));
  } finally {
    sh.shell.close();
  }
});

Deno.test("a number closed while a fork child holds it is not handed out until the child ends", async () => {
  const { sh, port } = await shellWithSync();
  using peer = rawDatagram();
  try {
    await sh.ok("socket tcp");
    // The child closes its own descriptor, then waits: 4 stays reserved to it.
    const line = sh.run("fork; close; recvfrom @3; end");
    await until(() => !sh.shell.table.has(4), "the child's close");
    await sh.ok("socket tcp -> a");
    assert.equal(await sh.ok('print "$a"'), "5\n");
    await sendDatagram(peer, "go", port);
    await within(line, 3000, "the child's end");
    // The child is gone: its number is free again, the lowest, as the kernel picks.
    await sh.ok("socket tcp -> b");
    assert.equal(await sh.ok('print "$b"'), "4\n");
  } finally {
    sh.shell.close();
  }
});

Deno.test("accept on a listener that a fork child closed fails with EBADF at once", async () => {
  using sh = new TestShell();
  const r = await within(
    sh.run(
      "trace off; socket tcp; bind 127.0.0.1 0; listen; fork; end; accept -t 1",
    ),
    3000,
    "accept",
  );
  assert.equal(r.code, 1);
  assert.match(sh.take().stderr, /^accept\(3\) = -1 EBADF /m);
});

Deno.test("recvfrom blocked in a fork child fails with EBADF when the parent closes its socket", async () => {
  using sh = new TestShell();
  const r = await within(
    sh.run("socket udp; bind 127.0.0.1 0; fork; recvfrom; end; close 3"),
    3000,
    "the child's recvfrom",
  );
  // The parent's close succeeded; the child's call failed as C's would.
  assert.equal(r.code, 0);
  const { stdout, stderr } = sh.take();
  assert.match(stdout, /^close\(3\) = 0/m);
  assert.match(stderr, /^recvfrom\(3, buf, 255, 0\) = -1 EBADF /m);
  // The shell goes on.
  await sh.ok("socket udp");
});

Deno.test("recv blocked in a fork child fails with EBADF when the parent closes its connection", async () => {
  using sh = new TestShell();
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  try {
    await sh.ok(
      `trace off; socket tcp; connect 127.0.0.1 ${listener.addr.port}`,
    );
    using _conn = await listener.accept();
    const r = await within(
      sh.run("fork; recv; end; close 3"),
      3000,
      "the child's recv",
    );
    assert.equal(r.code, 0);
    assert.match(sh.take().stderr, /^recv\(3, buf, 255, 0\) = -1 EBADF /m);
  } finally {
    listener.close();
  }
});

Deno.test("connect in a fork child whose socket the parent closed meanwhile fails with EBADF and leaks no connection", async () => {
  using sh = new TestShell();
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  try {
    const r = await within(
      sh.run(
        `trace off; socket tcp; fork; connect 127.0.0.1 ${listener.addr.port}; end; close 3`,
      ),
      3000,
      "the child's connect",
    );
    assert.equal(r.code, 0);
    assert.match(
      sh.take().stderr,
      /^connect\(3, 127\.0\.0\.1:\d+\) = -1 EBADF /m,
    );
    // The connection made for the closed socket was released: the peer reads end of stream.
    using conn = await within(listener.accept(), 3000, "the connection");
    const got = await within(
      conn.read(new Uint8Array(16)),
      3000,
      "end of stream",
    );
    assert.equal(got, null);
  } finally {
    listener.close();
  }
});

Deno.test("exit leaves at once, ending the pending calls of fork children, as a C parent's exit does", async () => {
  const r = await within(
    sockshell([
      "-c",
      "socket udp; bind 127.0.0.1 0; fork; recvfrom; end; fork; recvfrom; end; exit 3",
    ]),
    10000,
    "sockshell -c ... exit 3",
  );
  assert.equal(r.code, 3);
  const lines = r.stderr.trim().split("\n");
  assert.deepEqual(lines, [
    "recvfrom(3, buf, 255, 0) = -1 EINTR (Interrupted system call): exit ended the child",
    "recvfrom(3, buf, 255, 0) = -1 EINTR (Interrupted system call): exit ended the child",
  ]);
});

Deno.test("exit in a replay ends its children, and the shell goes on", async () => {
  using sh = new TestShell();
  const dir = await Deno.makeTempDir({ prefix: "sockshell_fork_" });
  try {
    const file = `${dir}/x.sock`;
    await Deno.writeTextFile(
      file,
      "socket udp\nbind 127.0.0.1 0\nfork\n  recvfrom\nend\nexit 4\n",
    );
    const r = await within(sh.run(`trace off; run ${file}`), 3000, "run");
    assert.equal(r.code, 4);
    assert.match(sh.take().stderr, /EINTR .*: exit ended the child/);
    await sh.ok("socket udp");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("closing the shell stops fork children, even one looping without a call", async () => {
  const sh = new TestShell();
  const line = sh.run("trace off; socket udp; fork; while true; end; end");
  await settle();
  sh.shell.close();
  const r = await within(line, 3000, "the child's end");
  assert.equal(r.code, 0);
});

Deno.test("a replay that closes a socket it found and opens one at the same number leaves none of its own open", async () => {
  using sh = new TestShell();
  const dir = await Deno.makeTempDir({ prefix: "sockshell_fork_" });
  try {
    const file = `${dir}/reuse.sock`;
    await Deno.writeTextFile(file, "close 3\nsocket udp\nbind 127.0.0.1 0\n");
    await sh.ok("trace off; socket udp");
    await sh.ok(`run ${file}`);
    // The replay's socket took number 3; the replay's end closed it, as a program's exit does.
    assert.equal(sh.shell.table.has(3), false);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a fork child and its parent opening the same socket at once leave one open and leak none: listen, bind, connect, sendto", async (t) => {
  // Deno's resource table, as the test sanitizers read it (Deno.resources left the public API).
  // deno-lint-ignore no-explicit-any
  const core = (Deno as any)[(Deno as any).internal].core;
  const open = () => (Object.values(core.resources()) as string[]).sort();
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const accepted: Deno.Conn[] = [];
  const accepting = (async () => {
    for await (const c of listener) accepted.push(c);
  })();
  using peer = rawDatagram();
  const udpPort = (peer.addr as Deno.NetAddr).port;
  const tcpPort = (listener.addr as Deno.NetAddr).port;
  try {
    // Each call awaits the runtime's open in the child and in the parent: the second to
    // finish used to replace the first's listener, socket or connection, left open.
    const cases: [string, string, RegExp][] = [
      ["socket tcp", "listen", /^$/],
      ["socket udp", "bind 127.0.0.1 0", /bind.* EINVAL/],
      ["socket tcp", `connect 127.0.0.1 ${tcpPort}`, /connect.* EISCONN/],
      ["socket udp", `connect 127.0.0.1 ${udpPort}`, /^$/],
      ["socket udp", `sendto 127.0.0.1 ${udpPort} x`, /^$/],
    ];
    for (const [make, call, loser] of cases) {
      for (const wait of ["", "sleep 0.05; "]) {
        await t.step(`${wait}${call}`, async () => {
          const before = open();
          const sh = new TestShell();
          // Both calls in flight at once: at the fork, or after timers due together. The child
          // holds the socket a moment after its call (the fork child's end closes it).
          const r = await sh.run(
            `${make}; fork; ${wait}${call}; sleep 0.2; end; ${wait}${call}`,
          );
          const { stderr } = sh.take();
          // One of the two calls may fail as C's second call would; the other succeeded.
          assert.match(stderr.trim(), loser, stderr);
          assert.ok(
            r.code === 0 || loser.source !== "^$",
            `${r.code} ${stderr}`,
          );
          sh.shell.close();
          // The test's own ends of the shell's connections go too.
          await settle();
          for (const c of accepted.splice(0)) c.close();
          // Whatever the shell opened, it closed: the table is back to what it was.
          let now = open();
          for (let i = 0; i < 20 && now.length !== before.length; i++) {
            await settle();
            now = open();
          }
          assert.deepEqual(
            now,
            before,
            "Deno resources after the shell closed",
          );
        });
      }
    }
  } finally {
    listener.close();
    await accepting;
    for (const c of accepted) c.close();
  }
});
