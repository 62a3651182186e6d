/** `bind`: the local address, and every way loopback makes it fail. */
import assert from "node:assert/strict";
import { freePort, missing, runPeer, startPeer } from "./_peers.ts";
import { sockshellArgs, startSockshell, TestShell } from "./_shell.ts";
import {
  failsUnchanged,
  HAS_IPV6,
  lsRow,
  portIn,
  rawDatagram,
  sendDatagram,
} from "./_net.ts";

Deno.test("bind on TCP records the address and shows the socket BOUND", async () => {
  using sh = new TestShell();
  const port = freePort("tcp");
  await sh.ok("socket tcp");
  assert.equal(
    await sh.ok(`bind 127.0.0.1 ${port}`),
    `bind(3, 127.0.0.1:${port}) = 0\n`,
  );
  const row = await lsRow(sh, 3);
  assert.deepEqual([row.state, row.local, row.remote], [
    "BOUND",
    `127.0.0.1:${port}`,
    "-",
  ]);
});

Deno.test("bind without a host binds INADDR_ANY, and a name is resolved first", async () => {
  using sh = new TestShell();
  const [p1, p2] = [freePort("tcp"), freePort("tcp")];
  await sh.ok("socket tcp");
  assert.equal(await sh.ok(`bind ${p1}`), `bind(3, 0.0.0.0:${p1}) = 0\n`);
  await sh.ok("socket tcp");
  assert.equal(
    await sh.ok(`bind localhost ${p2}`),
    `bind(4, 127.0.0.1:${p2}) = 0\n`,
  );
  assert.equal((await lsRow(sh, 3)).local, `0.0.0.0:${p1}`);
  assert.equal((await lsRow(sh, 4)).local, `127.0.0.1:${p2}`);
  // C's constants, as the handout's server writes INADDR_ANY, in any case.
  const [p3, p4] = [freePort("tcp"), freePort("udp")];
  assert.equal(
    await sh.ok(
      `socket tcp; bind INADDR_ANY ${p3}; socket udp; bind inaddr_loopback ${p4}`,
    ),
    `socket(AF_INET, SOCK_STREAM, 0) = 5\nbind(5, 0.0.0.0:${p3}) = 0\n` +
      `socket(AF_INET, SOCK_DGRAM, 0) = 6\nbind(6, 127.0.0.1:${p4}) = 0\n`,
  );
});

Deno.test("bind to port 0 shows the port the system picked", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const out = await sh.ok("bind 127.0.0.1 0");
  const m = /^bind\(3, 127\.0\.0\.1:0\) = 0 +local 127\.0\.0\.1:(\d+)\n$/.exec(
    out,
  );
  assert.ok(m, out);
  assert.notEqual(Number(m[1]), 0);
  assert.equal((await lsRow(sh, 3)).local, `127.0.0.1:${m[1]}`);
});

Deno.test("bind on UDP opens the socket: a datagram sent to its port arrives", async () => {
  using sh = new TestShell();
  using sender = rawDatagram();
  const port = freePort("udp");
  await sh.ok("socket udp");
  assert.equal(
    await sh.ok(`bind 127.0.0.1 ${port}`),
    `bind(3, 127.0.0.1:${port}) = 0\n`,
  );
  const row = await lsRow(sh, 3);
  assert.deepEqual([row.state, row.local], ["BOUND", `127.0.0.1:${port}`]);
  await sendDatagram(sender, "ping", port);
  const from = (sender.addr as Deno.NetAddr).port;
  assert.match(
    await sh.ok("recvfrom -t 3"),
    new RegExp(
      `^recvfrom\\(3, buf, 255, 0\\) = 4 "ping" +from 127\\.0\\.0\\.1:${from}\\n$`,
    ),
  );
});

Deno.test(
  "bind reports EADDRINUSE when socat holds the TCP port, and the socket stays NEW",
  { ignore: missing("socat") },
  async () => {
    const port = freePort("tcp");
    await using peer = startPeer("socat", [
      `TCP-LISTEN:${port},bind=127.0.0.1`,
      "STDOUT",
    ]);
    await peer.waitForPort(port);
    using sh = new TestShell();
    await sh.ok("socket tcp");
    const err = await failsUnchanged(
      sh,
      `bind 127.0.0.1 ${port}`,
      "EADDRINUSE",
    );
    assert.equal(
      err,
      `bind(3, 127.0.0.1:${port}) = -1 EADDRINUSE (Address already in use)\n`,
    );
    await failsUnchanged(sh, `bind ${port}`, "EADDRINUSE");
    assert.equal((await lsRow(sh, 3)).state, "NEW");
    // The failed bind left nothing behind: the same socket binds elsewhere.
    await sh.ok(`bind 127.0.0.1 0`);
  },
);

Deno.test("bind reports EADDRINUSE when socat holds the UDP port", {
  ignore: missing("socat"),
}, async () => {
  const port = freePort("udp");
  await using peer = startPeer("socat", [
    "-u",
    `UDP-RECVFROM:${port},bind=127.0.0.1`,
    "STDOUT",
  ]);
  await peer.waitForUdpBound(port);
  using sh = new TestShell();
  await sh.ok("socket udp");
  await failsUnchanged(sh, `bind 127.0.0.1 ${port}`, "EADDRINUSE");
  assert.equal((await lsRow(sh, 3)).state, "NEW");
});

Deno.test("bind reports EADDRINUSE when another sockshell listens on the port, and the other way round", async () => {
  const port = freePort("tcp");
  await using other = startSockshell([
    "-c",
    `socket tcp; bind 127.0.0.1 ${port}; listen; accept`,
  ]);
  await other.waitForPort(port);
  using sh = new TestShell();
  await sh.ok("socket tcp");
  await failsUnchanged(sh, `bind 127.0.0.1 ${port}`, "EADDRINUSE");

  // This shell listens; a second program fails on the same port.
  const mine = freePort("tcp");
  await sh.ok(`bind 127.0.0.1 ${mine}; listen`);
  const r = await runPeer(
    Deno.execPath(),
    sockshellArgs(["-c", `socket tcp; bind 127.0.0.1 ${mine}`]),
  );
  assert.equal(r.code, 1, r.stderr);
  assert.match(
    r.stderr,
    new RegExp(
      `^bind\\(3, 127\\.0\\.0\\.1:${mine}\\) = -1 EADDRINUSE \\(Address already in use\\)\\n`,
    ),
  );
});

Deno.test("bind reports EADDRINUSE for a port this shell already bound, TCP and UDP", async () => {
  using sh = new TestShell();
  const tcp = freePort("tcp");
  const udp = freePort("udp");
  await sh.ok(`socket tcp; bind 127.0.0.1 ${tcp}; socket tcp`);
  const err = await failsUnchanged(sh, `bind 127.0.0.1 ${tcp}`, "EADDRINUSE");
  assert.match(
    err,
    new RegExp(`descriptor 3 is bound to 127\\.0\\.0\\.1:${tcp}`),
  );
  // INADDR_ANY overlaps every address on the port.
  await failsUnchanged(sh, `bind ${tcp}`, "EADDRINUSE");
  await sh.ok(`socket udp; bind 127.0.0.1 ${udp}; socket udp`);
  await failsUnchanged(sh, `bind 127.0.0.1 ${udp}`, "EADDRINUSE");
});

// 192.0.2.1 is TEST-NET-1, for documentation only: bind fails locally and nothing is ever sent.
Deno.test("bind reports EADDRNOTAVAIL for an address no interface has", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const err = await failsUnchanged(
    sh,
    "bind 192.0.2.1 4950",
    "EADDRNOTAVAIL",
  );
  assert.equal(
    err,
    "bind(3, 192.0.2.1:4950) = -1 EADDRNOTAVAIL (Cannot assign requested address)\n",
  );
  await sh.ok("socket udp");
  await failsUnchanged(sh, "bind 192.0.2.1 4950", "EADDRNOTAVAIL");
});

Deno.test("bind reports EINVAL when the socket is already bound, and keeps the first address", async () => {
  using sh = new TestShell();
  const [a, b] = [freePort("tcp"), freePort("tcp")];
  await sh.ok(`socket tcp; bind 127.0.0.1 ${a}`);
  const err = await failsUnchanged(sh, `bind 127.0.0.1 ${b}`, "EINVAL");
  assert.match(
    err,
    new RegExp(`socket 3 is already bound to 127\\.0\\.0\\.1:${a}`),
  );
  await sh.ok("socket udp; bind 127.0.0.1 0");
  await failsUnchanged(sh, "bind 127.0.0.1 0", "EINVAL");
  // A listening socket is bound too.
  await sh.ok("socket tcp; listen");
  await failsUnchanged(sh, "bind 0", "EINVAL");
});

Deno.test("bind reports EBADF for a descriptor that is not open", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const err = await failsUnchanged(sh, "bind @9 4950", "EBADF");
  assert.match(
    err,
    /^bind\(9, .*\) = -1 EBADF \(Bad file descriptor\): no socket has descriptor 9 \(open: 3\)\n$/,
  );
  using fresh = new TestShell();
  const none = await fresh.fails("bind 4950");
  assert.match(
    none.stderr,
    /EBADF \(Bad file descriptor\): no current descriptor/,
  );
});

Deno.test("bind reports EAFNOSUPPORT for an address of the other family, and EAI_NONAME for an unknown host", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  await failsUnchanged(sh, "bind ::1 4950", "EAFNOSUPPORT");
  await failsUnchanged(sh, "bind nosuch.invalid 4950", "EAI_NONAME");
  await sh.ok("socket tcp6");
  await failsUnchanged(sh, "bind 127.0.0.1 4950", "EAFNOSUPPORT");
});

Deno.test("bind rejects a port out of range as bad usage", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const r = await sh.fails("bind 70000");
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /port must be a whole number from 0 to 65535, not "70000"/,
  );
  assert.equal((await lsRow(sh, 3)).state, "NEW");
});

Deno.test({
  name: "bind on tcp6 and udp6 takes ::1 and shows it in brackets",
  ignore: !HAS_IPV6,
  async fn() {
    using sh = new TestShell();
    const port = freePort("tcp");
    await sh.ok("socket tcp6");
    assert.equal(
      await sh.ok(`bind ::1 ${port}`),
      `bind(3, [::1]:${port}) = 0\n`,
    );
    assert.equal((await lsRow(sh, 3)).local, `[::1]:${port}`);
    await sh.ok("socket udp6");
    const out = await sh.ok("bind ::1 0");
    assert.match(out, /^bind\(4, \[::1\]:0\) = 0 +local \[::1\]:\d+\n$/);
    assert.equal(portIn((await lsRow(sh, 4)).local) > 0, true);
  },
});

/**
 * The prefix that takes away the privilege of ports below 1024: root keeps its
 * files (the clone and Deno may live under /root) but loses CAP_NET_BIND_SERVICE.
 */
function unprivileged(): string[] {
  return Deno.uid() === 0
    ? ["setpriv", "--bounding-set=-net_bind_service", "--"]
    : [];
}

Deno.test({
  name:
    "bind reports EACCES for a port below 1024 when not root, and the shell goes on",
  // Only a process without CAP_NET_BIND_SERVICE sees EACCES; setpriv takes it away on Linux.
  ignore: Deno.build.os !== "linux",
  async fn() {
    const deno = await Deno.realPath(Deno.execPath());
    // Read with `cat`: Deno grants /proc/sys only to --allow-all.
    const sysctl = await new Deno.Command("cat", {
      args: ["/proc/sys/net/ipv4/ip_unprivileged_port_start"],
      stdout: "piped",
    }).output();
    const start = Number(new TextDecoder().decode(sysctl.stdout).trim());
    assert.ok(start > 80, `ip_unprivileged_port_start is ${start}`);
    const home = await Deno.makeTempDir();
    try {
      await Deno.chmod(home, 0o777);
      const env = ["env", `DENO_DIR=${home}`, `HOME=${home}`, "NO_COLOR=1"];
      const as = [...unprivileged(), ...env];
      // The real program, exactly as a student runs it.
      const r = await runPeer(as[0]!, [
        ...as.slice(1),
        deno,
        ...sockshellArgs(["-c", "socket tcp; bind 80"]),
      ]);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stdout, "socket(AF_INET, SOCK_STREAM, 0) = 3\n");
      assert.match(
        r.stderr,
        /^bind\(3, 0\.0\.0\.0:80\) = -1 EACCES \(Permission denied\)\n/,
      );
      // The same shell in one process, unprivileged: ls before and after each failure.
      const harness = new URL("./_shell.ts", import.meta.url).href;
      const script = `
        import { TestShell } from ${JSON.stringify(harness)};
        using sh = new TestShell();
        const lines = ["socket tcp", "ls", "bind 127.0.0.1 80", "ls",
          "socket udp", "ls", "bind 127.0.0.1 53", "ls", "bind 127.0.0.1 0", "ls"];
        const out = [];
        for (const line of lines) {
          const { code } = await sh.run(line);
          out.push({ line, code, ...sh.take() });
        }
        console.log(JSON.stringify(out));`;
      const e = await runPeer(as[0]!, [
        ...as.slice(1),
        deno,
        "eval",
        "--quiet",
        "--unstable-net",
        "--ext=ts",
        script,
      ]);
      assert.equal(e.code, 0, e.stderr);
      const steps: {
        line: string;
        code: number;
        stdout: string;
        stderr: string;
      }[] = JSON.parse(e.stdout);
      const [, ls1, tcp, ls2, , ls3, udp, ls4, ok, ls5] = steps;
      assert.equal(tcp!.code, 1);
      assert.equal(
        tcp!.stderr,
        "bind(3, 127.0.0.1:80) = -1 EACCES (Permission denied)\n",
      );
      assert.equal(ls2!.stdout, ls1!.stdout);
      assert.equal(udp!.code, 1);
      assert.equal(
        udp!.stderr,
        "bind(4, 127.0.0.1:53) = -1 EACCES (Permission denied)\n",
      );
      assert.equal(ls4!.stdout, ls3!.stdout);
      assert.equal(ok!.code, 0, ok!.stderr);
      assert.match(ls5!.stdout, /\* 4 +udp +BOUND +127\.0\.0\.1:\d+/);
    } finally {
      await Deno.remove(home, { recursive: true });
    }
  },
});
