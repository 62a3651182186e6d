/** `setsockopt`: each option's effect seen from outside, and every errno Linux gives. */
import assert from "node:assert/strict";
import { buildPeer, freePort, missing, runPeer, startPeer } from "./_peers.ts";
import { type Launch, sockshellArgv, TestShell } from "./_shell.ts";
import { failsUnchanged, lsRow, portIn, tcpEntry } from "./_net.ts";

Deno.test("setsockopt shows the level and value as strace does, and ls lists the options set", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  assert.match(
    await sh.ok("setsockopt SO_BROADCAST 1"),
    /^setsockopt\(3, SOL_SOCKET, SO_BROADCAST, \[1\], 4\) = 0\n/,
  );
  await sh.ok("socket tcp");
  assert.match(
    await sh.ok("setsockopt TCP_NODELAY 1"),
    /^setsockopt\(4, SOL_TCP, TCP_NODELAY, \[1\], 4\) = 0\n/,
  );
  assert.match(
    await sh.ok("setsockopt SO_LINGER 1 0"),
    /^setsockopt\(4, SOL_SOCKET, SO_LINGER, \{l_onoff=1, l_linger=0\}, 8\) = 0\n/,
  );
  assert.equal((await lsRow(sh, 3)).extra, "SO_BROADCAST=1");
  assert.equal((await lsRow(sh, 4)).extra, "TCP_NODELAY=1 SO_LINGER=1,0");
});

Deno.test("setsockopt and getsockopt take C's level first, and an option at another level's is ENOPROTOOPT", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  assert.match(
    await sh.ok(
      "setsockopt SOL_SOCKET SO_REUSEADDR 1; getsockopt sol_socket so_reuseaddr; " +
        "setsockopt IPPROTO_TCP TCP_NODELAY 1; getsockopt SOL_TCP TCP_NODELAY",
    ),
    new RegExp(
      "^setsockopt\\(3, SOL_SOCKET, SO_REUSEADDR, \\[1\\], 4\\) = 0\\n.*\\n" +
        "getsockopt\\(3, SOL_SOCKET, SO_REUSEADDR, \\[1\\], \\[4\\]\\) = 0\\n" +
        "setsockopt\\(3, SOL_TCP, TCP_NODELAY, \\[1\\], 4\\) = 0\\n.*\\n" +
        "getsockopt\\(3, SOL_TCP, TCP_NODELAY, \\[1\\], \\[4\\]\\) = 0\\n$",
    ),
  );
  assert.match(
    await failsUnchanged(
      sh,
      "setsockopt IPPROTO_TCP SO_KEEPALIVE 1",
      "ENOPROTOOPT",
    ),
    /SO_KEEPALIVE is a SOL_SOCKET option, not SOL_TCP's/,
  );
  assert.match(
    await failsUnchanged(
      sh,
      "getsockopt SOL_SOCKET TCP_NODELAY",
      "ENOPROTOOPT",
    ),
    /TCP_NODELAY is a SOL_TCP option, not SOL_SOCKET's/,
  );
});

Deno.test("setsockopt gives Linux's errno for an unknown name, a read-only one and the wrong socket type", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  await sh.ok("socket tcp");
  const unknown = await failsUnchanged(
    sh,
    "setsockopt SO_NOPE 1",
    "ENOPROTOOPT",
  );
  assert.match(unknown, /known: SO_REUSEADDR .*IPV6_V6ONLY/);
  await failsUnchanged(sh, "setsockopt SO_TYPE 1", "ENOPROTOOPT");
  await failsUnchanged(sh, "setsockopt @3 TCP_NODELAY 1", "ENOPROTOOPT");
  await failsUnchanged(sh, "setsockopt IP_ADD_MEMBERSHIP 239.1.2.3", "EPROTO");
  await failsUnchanged(sh, "setsockopt IP_MULTICAST_TTL 3", "EINVAL");
  await failsUnchanged(sh, "setsockopt IPV6_V6ONLY 1", "ENOPROTOOPT");
  await failsUnchanged(
    sh,
    "setsockopt @3 IP_ADD_MEMBERSHIP 10.1.2.3",
    "EINVAL",
  );
  await failsUnchanged(sh, "setsockopt @3 IP_MULTICAST_TTL 256", "EINVAL");
  await failsUnchanged(
    sh,
    "setsockopt @3 IP_DROP_MEMBERSHIP 239.1.2.3",
    "EADDRNOTAVAIL",
  );
  await sh.ok("setsockopt @3 IP_ADD_MEMBERSHIP 239.1.2.3");
  await failsUnchanged(
    sh,
    "setsockopt @3 IP_ADD_MEMBERSHIP 239.1.2.3",
    "EADDRINUSE",
  );
  await failsUnchanged(sh, "setsockopt @9 SO_BROADCAST 1", "EBADF");
});

Deno.test("an option the runtime cannot set is EOPNOTSUPP with a note, never a silent success", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  const ttl = await failsUnchanged(sh, "setsockopt IP_TTL 5", "EOPNOTSUPP");
  assert.match(ttl, /Deno has no call that sets IP_TTL/);
  await failsUnchanged(sh, "setsockopt SO_RCVBUF 100000", "EOPNOTSUPP");
  await failsUnchanged(sh, "setsockopt SO_REUSEPORT 1", "EOPNOTSUPP");
  await sh.ok("bind 127.0.0.1 0");
  const late = await failsUnchanged(
    sh,
    "setsockopt SO_REUSEADDR 1",
    "EOPNOTSUPP",
  );
  assert.match(late, /set it before bind/);
  // Deno sets the multicast TTL through a group's membership: with none, only the current value goes.
  const ttl5 = await failsUnchanged(
    sh,
    "setsockopt IP_MULTICAST_TTL 5",
    "EOPNOTSUPP",
  );
  assert.match(ttl5, /join a group first/);
  await sh.ok("setsockopt IP_MULTICAST_TTL 1");
});

Deno.test("SO_LINGER 1 0 makes close send a reset: the C peer's recv fails with ECONNRESET", async () => {
  const observer = await buildPeer("reset_observer");
  for (const linger of [true, false]) {
    const port = freePort("tcp");
    await using peer = startPeer(observer, [String(port)]);
    await peer.waitForPort(port);
    using sh = new TestShell();
    await sh.ok("socket tcp");
    if (linger) await sh.ok("setsockopt SO_LINGER 1 0");
    await sh.ok(`connect 127.0.0.1 ${port}`);
    await sh.ok("send hello");
    await sh.ok("close");
    assert.equal(
      (await peer.stdout()).trim(),
      linger ? "recv: ECONNRESET" : "end of stream",
    );
  }
});

Deno.test("SO_LINGER 1 0 on a listening socket is inherited: closing the accepted connection resets Python's client", async () => {
  if (missing("python3")) return;
  const client = [
    "import socket,sys",
    // With a timeout Python connects in non-blocking mode and reads SO_ERROR afterwards:
    // a reset that comes before it looks fails the connect itself. Either way it is the reset.
    "try:",
    `  s=socket.create_connection(('127.0.0.1',int(sys.argv[1])),timeout=10)`,
    "  print('end of stream' if not s.recv(100) else 'data')",
    "except ConnectionResetError:",
    "  print('ECONNRESET')",
  ].join("\n");
  for (const linger of [true, false]) {
    using sh = new TestShell();
    await sh.ok("socket tcp");
    if (linger) await sh.ok("setsockopt SO_LINGER 1 0");
    await sh.ok("bind 127.0.0.1 0");
    await sh.ok("listen");
    const port = portIn((await lsRow(sh, 3)).local);
    await using peer = startPeer("python3", ["-c", client, String(port)]);
    await sh.ok("accept -t 10");
    if (linger) assert.equal((await lsRow(sh, 4)).extra, "SO_LINGER=1,0");
    await sh.ok("close");
    assert.equal(
      (await peer.stdout()).trim(),
      linger ? "ECONNRESET" : "end of stream",
    );
  }
});

Deno.test("SO_LINGER on a connection Deno made itself is EOPNOTSUPP: set it before connect", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  await sh.ok("bind 127.0.0.1 0");
  await sh.ok("listen");
  const addr = (await lsRow(sh, 3)).local;
  await sh.ok("socket tcp");
  await sh.ok(`connect 127.0.0.1 ${portIn(addr)}`);
  const e = await failsUnchanged(sh, "setsockopt SO_LINGER 1 0", "EOPNOTSUPP");
  assert.match(e, /set before connect or listen, it is had/);
  await sh.ok("setsockopt SO_LINGER 0 0");
});

Deno.test("SO_KEEPALIVE set before connect is applied: ss shows the keepalive timer", async () => {
  if (missing("ss")) return;
  using sh = new TestShell();
  await sh.ok("socket tcp");
  await sh.ok("bind 127.0.0.1 0");
  await sh.ok("listen");
  const server = portIn((await lsRow(sh, 3)).local);
  await sh.ok("socket tcp");
  await sh.ok("setsockopt SO_KEEPALIVE 1");
  await sh.ok(`connect 127.0.0.1 ${server}`);
  const local = portIn((await lsRow(sh, 4)).local);
  const out = await runPeer("ss", [
    "-tnoH",
    "state",
    "established",
    `sport = :${local}`,
  ]);
  assert.match(out.stdout, /timer:\(keepalive/);
  await sh.ok("socket tcp");
  await sh.ok(`connect 127.0.0.1 ${server}`);
  const plain = portIn((await lsRow(sh, 5)).local);
  const out2 = await runPeer("ss", [
    "-tnoH",
    "state",
    "established",
    `sport = :${plain}`,
  ]);
  assert.doesNotMatch(out2.stdout, /keepalive/);
});

Deno.test("bind before connect: the connection starts from the bound port, as ss shows", async () => {
  using sh = new TestShell();
  const [server, client] = [freePort("tcp"), freePort("tcp")];
  await sh.ok("socket tcp");
  await sh.ok(`bind 127.0.0.1 ${server}`);
  await sh.ok("listen");
  await sh.ok("socket tcp");
  await sh.ok(`bind 127.0.0.1 ${client}`);
  assert.match(
    await sh.ok(`connect 127.0.0.1 ${server}`),
    new RegExp(`local 127\\.0\\.0\\.1:${client}\\n`),
  );
  const row = await lsRow(sh, 4);
  assert.deepEqual([row.state, row.local], [
    "ESTABLISHED",
    `127.0.0.1:${client}`,
  ]);
  const accepted = await sh.ok("accept @3");
  assert.match(accepted, new RegExp(`peer 127\\.0\\.0\\.1:${client}`));
  {
    const entry = await tcpEntry(client, server);
    assert.ok(entry, `ss shows no socket on port ${client}`);
  }
});

Deno.test("sendto a broadcast address without SO_BROADCAST is EACCES, as C gives", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  const e = await failsUnchanged(sh, "sendto 127.255.255.255 9 hi", "EACCES");
  assert.match(e, /set SO_BROADCAST first/);
  await failsUnchanged(sh, "sendto 255.255.255.255 9 hi", "EACCES");
  await failsUnchanged(sh, "connect 127.255.255.255 9", "EACCES");
});

Deno.test("a broadcast on 127.255.255.255 reaches a C listener and a socket of the shell on that port", async () => {
  const port = freePort("udp");
  await using peer = startPeer(await buildPeer("broadcast_listener"), [
    String(port),
  ]);
  await peer.waitForUdpBound(port);
  using sh = new TestShell();
  await sh.ok("socket udp");
  await sh.ok("setsockopt SO_REUSEADDR 1");
  await sh.ok(`bind 0.0.0.0 ${port}`);
  await sh.ok("socket udp");
  await sh.ok("setsockopt SO_BROADCAST 1");
  await sh.ok(`sendto 127.255.255.255 ${port} "to all"`);
  assert.match(await sh.ok("recvfrom @3 -t 5"), /= 6 "to all"/);
  const out = await peer.stdout();
  assert.match(
    out,
    /^got packet from 127\.0\.0\.1\npacket contains "to all"\n$/,
  );
});

/** True when this machine can make a network namespace (unshare -n, as root). */
async function canUnshare(): Promise<string | undefined> {
  if (missing("unshare") || missing("ip")) return "unshare or ip is missing";
  const r = await runPeer("unshare", ["-n", "true"]).catch(() => undefined);
  return r?.code === 0 ? undefined : "unshare -n is not permitted here";
}

/**
 * In a network namespace of its own (lo up, 224.0.0.0/4 routed to lo): the
 * shell joins a group and receives what Python sends to it, then sends to a
 * group a Python member joined. Returns the shell's output (Python's on stderr).
 */
async function multicastInNamespace(
  launch: Launch,
): Promise<{ stdout: string; stderr: string }> {
  const port = freePort("udp");
  const back = port + 1 > 65535 ? port - 1 : port + 1;
  // Python sends from another process, inside the same namespace, at most 50 times.
  const sender = [
    "import socket,time",
    "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)",
    "for i in range(50):",
    `  s.sendto(b'to the group',('239.1.2.3',${port})); time.sleep(0.1)`,
  ].join("\n");
  const receiver = [
    "import socket",
    "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)",
    `s.bind(('0.0.0.0',${back}))`,
    "s.setsockopt(socket.IPPROTO_IP,socket.IP_ADD_MEMBERSHIP,socket.inet_aton('239.1.2.4')+socket.inet_aton('0.0.0.0'))",
    "s.settimeout(10)",
    // On stderr, apart from the shell's lines.
    "import sys; print('python got '+s.recv(100).decode(), file=sys.stderr, flush=True)",
  ].join("\n");
  const shell = [
    "socket udp",
    "setsockopt SO_REUSEADDR 1",
    `bind 0.0.0.0 ${port}`,
    "setsockopt IP_ADD_MEMBERSHIP 239.1.2.3",
    "setsockopt IP_ADD_MEMBERSHIP 239.1.2.5 127.0.0.1",
    "recvfrom -t 10",
    "setsockopt IP_DROP_MEMBERSHIP 239.1.2.3",
    "ls",
    "socket udp",
    "setsockopt IP_MULTICAST_TTL 1",
    // A few sends, since UDP may drop one.
    ...Array(5).fill(`sendto @4 239.1.2.4 ${back} "to the group"`),
  ].join("; ");
  const argv = await sockshellArgv(launch, shell);
  const quoted = argv.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  const script = [
    "ip link set lo up",
    "ip route add 224.0.0.0/4 dev lo",
    `python3 -c "$RECEIVER" & R=$!`,
    // Let the Python member bind before the shell sends to its group.
    "sleep 0.5",
    `python3 -c "$SENDER" & S=$!`,
    quoted,
    "wait $R; kill $S 2>/dev/null; wait",
  ].join("\n");
  const r = await runPeer("unshare", ["-n", "sh", "-c", script], {
    env: { SENDER: sender, RECEIVER: receiver },
    timeoutMs: 30000,
  });
  return { stdout: r.stdout, stderr: r.stderr };
}

for (const launch of ["deno", "node"] as const) {
  Deno.test(`a socket that joins a group receives what another process sends to it, and sends to one (${launch} backend, in a network namespace)`, async (t) => {
    const why = await canUnshare() ??
      (missing("python3") ? "python3 is missing" : undefined) ??
      (launch === "node" && missing("node") ? "node is missing" : undefined);
    if (why) {
      if (Deno.env.get("CI") === "true") {
        assert.fail(`multicast test cannot run: ${why}`);
      }
      await t.step({ name: `skipped: ${why}`, ignore: true, fn: () => {} });
      return;
    }
    const { stdout: out, stderr } = await multicastInNamespace(launch);
    assert.match(
      out,
      /recvfrom\(3, buf, \d+, 0\) = 12 "to the group" +from [\d.]+:\d+\n/,
    );
    assert.match(
      out,
      / 3 +udp +BOUND +0\.0\.0\.0:\d+ +- +SO_REUSEADDR=1 group=239\.1\.2\.5\n/,
    );
    assert.match(stderr, /python got to the group\n/);
  });
}
