/**
 * Unix-domain sockets (`socket unix`, `socket unix-dgram`; lib/shell/unix.ts and
 * the Unix branches of the commands), against socat, python3's socket module
 * and the shell itself, each in a directory of its own.
 */
import assert from "node:assert/strict";
import { builtInCommands } from "../commands/mod.ts";
import { PLAIN } from "../lib/shell/format.ts";
import { denoHost } from "../lib/ui/host_deno.ts";
import { nodeBackend } from "../lib/net/node.ts";
import { denoBackend } from "../lib/net/deno.ts";
import { Shell } from "../lib/shell/shell.ts";
import { TestShell } from "./_shell.ts";
import { failsUnchanged, lsRow, until } from "./_net.ts";
import { buildPeer, missing, runPeer, startPeer } from "./_peers.ts";

/** Run `f` with a fresh directory for socket files, removed after. */
async function inDir(f: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "sockshell-unix-" });
  try {
    await f(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** True when `path` is a socket file. */
function isSocket(path: string): boolean {
  try {
    return Deno.lstatSync(path).isSocket === true;
  } catch {
    return false;
  }
}

/** python3: one datagram received on `path` (bound by it), printed with its sender, then `reply` sent back. */
const PY_DGRAM_ECHO = `
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(10)
print("ready", flush=True)
data, sender = s.recvfrom(1024)
print(repr(data.decode()), repr(sender), flush=True)
if sender:
    s.sendto(b"reply from python", sender)
`;

Deno.test("socket unix and unix-dgram are AF_UNIX sockets, listed as unix and unix-dgram", async () => {
  using sh = new TestShell();
  assert.equal(
    await sh.ok("socket unix"),
    "socket(AF_UNIX, SOCK_STREAM, 0) = 3\n",
  );
  assert.equal(
    await sh.ok("socket unix-dgram"),
    "socket(AF_UNIX, SOCK_DGRAM, 0) = 4\n",
  );
  assert.equal((await lsRow(sh, 3)).proto, "unix");
  assert.equal((await lsRow(sh, 4)).proto, "unix-dgram");
});

Deno.test("a Unix stream server in sockshell serves socat UNIX-CONNECT", {
  ignore: missing("socat"),
}, async () => {
  await inDir(async (dir) => {
    const path = `${dir}/srv.sock`;
    using sh = new TestShell();
    assert.equal(
      await sh.ok(`socket unix; bind ${path}`),
      `socket(AF_UNIX, SOCK_STREAM, 0) = 3\nbind(3, {sa_family=AF_UNIX, sun_path="${path}"}) = 0\n` +
        "  note: the socket file appears at listen: the runtime binds and listens in one call\n",
    );
    assert.match(await sh.ok("listen 5"), new RegExp(`listening on ${path}\n`));
    assert.ok(isSocket(path), "listen made the socket file");
    const socat = runPeer("socat", ["-t", "5", "-", `UNIX-CONNECT:${path}`], {
      stdin: "hello unix\n",
    });
    try {
      assert.match(
        await sh.ok("accept -t 5"),
        /^accept\(3\) = 4 +peer \(unnamed\)\n$/,
      );
      assert.match(
        await sh.ok("recv -l -t 5"),
        /^recv\(4, buf, 65536, 0\) = 11 "hello unix\\n" +read until "\\n"\n$/,
      );
      const row = await lsRow(sh, 4);
      assert.deepEqual([row.proto, row.state, row.local, row.remote], [
        "unix",
        "ESTABLISHED",
        path,
        "(unnamed)",
      ]);
      await sh.ok('send "hello socat\\n"; close');
    } finally {
      sh.shell.close();
      await socat.catch(() => {});
    }
    const r = await socat;
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "hello socat\n");
  });
});

Deno.test("sockshell connects to socat UNIX-LISTEN and reads its echo", {
  ignore: missing("socat"),
}, async () => {
  await inDir(async (dir) => {
    const path = `${dir}/echo.sock`;
    await using socat = startPeer("socat", [`UNIX-LISTEN:${path}`, "PIPE"]);
    await until(() => isSocket(path), "socat's socket file");
    using sh = new TestShell();
    assert.match(
      await sh.ok(`socket unix; connect ${path}`),
      new RegExp(
        `connect\\(3, \\{sa_family=AF_UNIX, sun_path="${path}"\\}\\) = 0 .*unnamed`,
      ),
    );
    const row = await lsRow(sh, 3);
    assert.deepEqual([row.state, row.local, row.remote], [
      "ESTABLISHED",
      "(unnamed)",
      path,
    ]);
    await sh.ok('send "ping\\n"');
    assert.equal(
      await sh.ok("recv -t 5"),
      'recv(3, buf, 255, 0) = 5 "ping\\n"\n',
    );
    await sh.ok("shutdown wr");
    assert.match(await sh.ok("recv -t 5"), / = 0 +end of stream/);
    assert.equal((await socat.status).code, 0);
  });
});

Deno.test("sockshell's Unix datagrams reach python3's socket and its reply comes back to the bound path", async () => {
  await inDir(async (dir) => {
    const py = `${dir}/py.sock`;
    const me = `${dir}/me.sock`;
    await using peer = startPeer("python3", ["-c", PY_DGRAM_ECHO, py]);
    await until(() => isSocket(py), "python's socket file");
    using sh = new TestShell();
    assert.match(
      await sh.ok(`socket unix-dgram; bind ${me}`),
      new RegExp(`bind\\(3, \\{sa_family=AF_UNIX, sun_path="${me}"\\}\\) = 0`),
    );
    assert.ok(isSocket(me), "bind made the socket file");
    assert.equal(
      await sh.ok(`sendto ${py} "hi python"`),
      `sendto(3, "hi python", 9, 0, {sa_family=AF_UNIX, sun_path="${py}"}) = 9\n`,
    );
    assert.match(
      await sh.ok("recvfrom -t 5"),
      new RegExp(`= 17 "reply from python" +from ${py}\n$`),
    );
    assert.equal(
      await peer.stdout(),
      `ready\n'hi python' '${me}'\n`,
    );
  });
});

Deno.test("an unbound Unix datagram socket sends from an abstract name, and says that C would send unnamed", async () => {
  await inDir(async (dir) => {
    const py = `${dir}/py.sock`;
    await using peer = startPeer("python3", ["-c", PY_DGRAM_ECHO, py]);
    await until(() => isSocket(py), "python's socket file");
    using sh = new TestShell();
    const out = await sh.ok(`socket unix-dgram; sendto ${py} "anyone"`);
    assert.match(
      out,
      /note: an unbound socket sends unnamed in C \(no reply can reach it\); .* abstract name @[0-9a-f]{5} first/,
    );
    const row = await lsRow(sh, 3);
    assert.match(row.local, /^@[0-9a-f]{5}$/);
    // Python sees the abstract name (a leading NUL), as it would see Linux's autobind name.
    assert.match(await peer.stdout(), /'anyone' b'\\x00[0-9a-f]{5}'/);
  });
});

Deno.test(
  "socat UNIX-SENDTO reaches sockshell's recvfrom from an unnamed socket; UNIX-RECVFROM gets sockshell's datagram",
  {
    ignore: missing("socat"),
  },
  async () => {
    await inDir(async (dir) => {
      const me = `${dir}/me.sock`;
      using sh = new TestShell();
      await sh.ok(`socket unix-dgram; bind ${me}`);
      const r = await runPeer("socat", ["-u", "-", `UNIX-SENDTO:${me}`], {
        stdin: "from socat",
      });
      assert.equal(r.code, 0, r.stderr);
      assert.match(
        await sh.ok("recvfrom -t 5"),
        /^recvfrom\(3, buf, 255, 0\) = 10 "from socat" +from \(unnamed\)\n$/,
      );
      const sink = `${dir}/sink.sock`;
      await using socat = startPeer("socat", [
        "-u",
        `UNIX-RECVFROM:${sink}`,
        "-",
      ]);
      await until(() => isSocket(sink), "socat's socket file");
      await sh.ok(`sendto ${sink} "to socat"`);
      assert.equal(await socat.stdout(), "to socat");
    });
  },
);

Deno.test("connect on a Unix stream reports ENOENT without a file and ECONNREFUSED with nobody listening; ls unchanged", async () => {
  await inDir(async (dir) => {
    using sh = new TestShell();
    await sh.ok("socket unix");
    await failsUnchanged(sh, `connect ${dir}/none.sock`, "ENOENT");
    await Deno.writeTextFile(`${dir}/plain`, "not a socket");
    await failsUnchanged(sh, `connect ${dir}/plain`, "ECONNREFUSED");
    // A socket file left by a closed listener: C's classic ECONNREFUSED.
    await sh.ok(`socket unix; bind ${dir}/old.sock; listen; close`);
    await sh.ok("use 3");
    await failsUnchanged(sh, `connect ${dir}/old.sock`, "ECONNREFUSED");
    // A datagram socket's file: the wrong type.
    await sh.ok(`socket unix-dgram; bind ${dir}/d.sock; use 3`);
    await failsUnchanged(sh, `connect ${dir}/d.sock`, "EPROTOTYPE");
  });
});

Deno.test("close leaves the socket file as C does, says so, and binding it again is EADDRINUSE", async () => {
  await inDir(async (dir) => {
    const path = `${dir}/srv.sock`;
    using sh = new TestShell();
    await sh.ok(`socket unix; bind ${path}; listen`);
    assert.equal(
      await sh.ok("close"),
      `close(3) = 0\n  note: the socket file ${path} stays, as in C: remove it (unlink, rm) before binding that path again\n`,
    );
    assert.ok(isSocket(path), "the file stays");
    // C's view of the file: a socket nobody listens on.
    const py = await runPeer("python3", [
      "-c",
      "import socket, sys\ns = socket.socket(socket.AF_UNIX)\ntry:\n  s.connect(sys.argv[1])\nexcept OSError as e:\n  print(e.errno == 111)",
      path,
    ]);
    assert.equal(py.stdout, "True\n");
    await sh.ok("socket unix");
    const err = await failsUnchanged(sh, `bind ${path}`, "EADDRINUSE");
    assert.equal(
      err,
      `bind(3, {sa_family=AF_UNIX, sun_path="${path}"}) = -1 EADDRINUSE (Address already in use)\n`,
    );
    await Deno.remove(path);
    await sh.ok(`bind ${path}; listen`);
  });
});

Deno.test("bind on a Unix socket reports EADDRINUSE, ENOENT, and EINVAL for a path longer than sun_path, as Linux does; ls unchanged", async () => {
  await inDir(async (dir) => {
    using sh = new TestShell();
    await sh.ok(`socket unix-dgram; bind ${dir}/d.sock`);
    await sh.ok("socket unix-dgram");
    await failsUnchanged(sh, `bind ${dir}/d.sock`, "EADDRINUSE");
    await failsUnchanged(sh, `bind ${dir}/no/such/dir.sock`, "ENOENT");
    await sh.ok("socket unix");
    await failsUnchanged(sh, `bind ${dir}/d.sock`, "EADDRINUSE");
    await failsUnchanged(sh, `bind ${dir}/no/such/dir.sock`, "ENOENT");
    const long = `${dir}/${"x".repeat(110)}.sock`;
    const err = await failsUnchanged(sh, `bind ${long}`, "EINVAL");
    assert.match(err, /sun_path holds 107 and the final NUL/);
    // The shell's own bound-but-not-listening stream socket holds its path too.
    await sh.ok(`bind ${dir}/s.sock; socket unix`);
    await failsUnchanged(sh, `bind ${dir}/s.sock`, "EADDRINUSE");
  });
});

Deno.test("sendto on a Unix datagram socket reports ENOENT and ECONNREFUSED, and a failed first sendto leaves it unbound", async () => {
  await inDir(async (dir) => {
    using sh = new TestShell();
    await sh.ok("socket unix-dgram");
    await failsUnchanged(sh, `sendto ${dir}/none.sock "x"`, "ENOENT");
    await Deno.writeTextFile(`${dir}/plain`, "x");
    await failsUnchanged(sh, `sendto ${dir}/plain "x"`, "ECONNREFUSED");
    assert.equal((await lsRow(sh, 3)).state, "NEW");
  });
});

Deno.test("a Unix stream socket refuses sendto with an address, as Linux does", async () => {
  await inDir(async (dir) => {
    using sh = new TestShell();
    await sh.ok(`socket unix; bind ${dir}/s.sock; listen; socket unix`);
    await failsUnchanged(sh, `sendto ${dir}/s.sock "x"`, "EOPNOTSUPP");
    await sh.ok(`connect ${dir}/s.sock`);
    await failsUnchanged(sh, `sendto ${dir}/s.sock "x"`, "EISCONN");
  });
});

Deno.test("a connected Unix datagram socket sends with send and hears only its peer", async () => {
  await inDir(async (dir) => {
    using sh = new TestShell();
    await sh.ok(
      `socket unix-dgram; bind ${dir}/a.sock; socket unix-dgram; bind ${dir}/b.sock; connect ${dir}/a.sock`,
    );
    const row = await lsRow(sh, 4);
    assert.deepEqual([row.state, row.remote], ["CONNECTED", `${dir}/a.sock`]);
    await sh.ok('send "to a"');
    assert.match(
      await sh.ok("recvfrom @3 -t 5"),
      new RegExp(`= 4 "to a" +from ${dir}/b.sock\n`),
    );
    await sh.ok(
      "socket unix-dgram; bind " + dir + "/c.sock; sendto " + dir +
        '/b.sock "stranger"; sendto @3 ' + dir + '/b.sock "from a"',
    );
    const out = await sh.ok("recv @4 -t 5");
    assert.match(out, /= 6 "from a"/);
    assert.match(
      out,
      /dropped 1 datagram \(8 bytes\) from .*c\.sock: not the connected peer/,
    );
  });
});

Deno.test("a Unix stream listener needs a path: listen on an unbound one is EINVAL", async () => {
  using sh = new TestShell();
  await sh.ok("socket unix");
  await failsUnchanged(sh, "listen", "EINVAL");
});

Deno.test("a Unix connect to a full queue fails at once with EAGAIN and says C would wait; the shell is unchanged", async () => {
  await inDir(async (dir) => {
    const path = `${dir}/full.sock`;
    // A listener with backlog 0 that never accepts: a second client finds the queue full.
    await using peer = startPeer("python3", [
      "-c",
      "import socket, sys, time\ns = socket.socket(socket.AF_UNIX)\ns.bind(sys.argv[1])\ns.listen(0)\ntime.sleep(30)",
      path,
    ]);
    await until(() => isSocket(path), "python's socket file");
    using sh = new TestShell();
    await sh.ok(`socket unix; connect ${path}; socket unix`);
    const err = await failsUnchanged(sh, `connect ${path}`, "EAGAIN");
    assert.match(err, /C's blocking connect would wait here/);
    peer.kill();
  });
});

Deno.test("each Unix bind, connect and sendto gives C's answer for the same path (tests/peers/unix_probe.c)", async () => {
  const probe = await buildPeer("unix_probe");
  await inDir(async (dir) => {
    using sh = new TestShell();
    // The files a student meets: a plain file, a listener's socket, one left by a closed
    // listener, a bound datagram socket, and no file at all.
    await Deno.writeTextFile(`${dir}/plain`, "x");
    await sh.ok(
      `socket unix; bind ${dir}/live.sock; listen; ` +
        `socket unix; bind ${dir}/stale.sock; listen; close; ` +
        `socket unix-dgram; bind ${dir}/d.sock`,
    );
    const files = ["none", "plain", "live.sock", "stale.sock", "d.sock"];
    const cases: [string, string, string][] = [];
    for (const f of files) {
      cases.push(["connect", "stream", f], ["sendto", "dgram", f]);
    }
    cases.push(["connect", "dgram", "d.sock"]);
    // Binds last: a bind that succeeds leaves a file (the shell's stays, as C's would).
    for (const f of files) {
      cases.push(["bind", "stream", f], ["bind", "dgram", f]);
    }
    cases.push(["bind", "stream", "no/such/dir.sock"]);
    for (const [op, type, f] of cases) {
      const path = `${dir}/${f}`;
      const c = await runPeer(probe, [op, type, path]);
      assert.equal(c.code, 0, c.stderr);
      const kind = type === "stream" ? "unix" : "unix-dgram";
      const r = await sh.run(
        `socket ${kind}; ${op} ${path}${op === "sendto" ? " x" : ""}`,
      );
      const out = sh.take();
      const shell = r.code === 0
        ? "0"
        : / = -1 (E[A-Z]+) /.exec(out.stderr)?.[1] ?? out.stderr;
      assert.equal(shell, c.stdout.trim(), `${op} ${type} ${f}`);
      await sh.ok("close");
    }
  });
});

Deno.test("on the Node backend, bind and sendto on unix-dgram are refused with EAFNOSUPPORT in one line, and nothing changes", async () => {
  await inDir(async (dir) => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (t: string) => void out.push(t),
      err: (t: string) => void err.push(t),
      paint: PLAIN,
    };
    const shell = new Shell(nodeBackend, builtInCommands, io, denoHost);
    try {
      const scope = shell.newScope();
      const run = (line: string) =>
        shell.runLine(line, scope, new AbortController().signal);
      await run("socket unix-dgram; ls");
      const before = out.join("");
      for (
        const line of [`bind ${dir}/d.sock`, `sendto ${dir}/d.sock "x"`]
      ) {
        err.length = 0;
        assert.equal((await run(line)).code, 1);
        assert.match(
          err.join(""),
          /^\S+\(3, .*\{sa_family=AF_UNIX, sun_path=".*d\.sock"\}\) = -1 EAFNOSUPPORT \(Address family not supported by protocol\): Node has no Unix datagram sockets \(node:dgram is UDP only\)\n$/,
        );
      }
      out.length = 0;
      await run("ls");
      assert.equal(out.join(""), before.slice(before.indexOf("fd ")));
      assert.equal(isSocket(`${dir}/d.sock`), false);
    } finally {
      shell.close();
    }
  });
});

Deno.test("bind on a Unix stream socket never accepts a connection: a client knocking on the path is refused until listen, on both backends", async () => {
  const hammer = await buildPeer("connect_hammer");
  for (const backend of ["deno", "node"]) {
    await inDir(async (dir) => {
      const path = `${dir}/knock.sock`;
      const io = { out: () => {}, err: () => {}, paint: PLAIN };
      const shell = new Shell(
        backend === "node" ? nodeBackend : denoBackend,
        builtInCommands,
        io,
        denoHost,
      );
      using _closed = { [Symbol.dispose]: () => shell.close() };
      const scope = shell.newScope();
      await using knocker = startPeer(hammer, [path, "15000"]);
      // The socket file's checks used to be made by listening for an instant: a client
      // knocking then was accepted and reset, where C refuses it.
      for (let i = 0; i < 300; i++) {
        const r = await shell.runLine(
          `socket unix; bind ${path}; close`,
          scope,
          new AbortController().signal,
        );
        assert.equal(r.code, 0, `bind ${i}`);
      }
      knocker.kill("SIGTERM");
      const m = /^accepted (\d+) refused (\d+) self \d+ other (\d+)$/m.exec(
        await knocker.stdout(5000),
      );
      assert.ok(m, "the knocker's count");
      assert.equal(
        Number(m[1]),
        0,
        `${backend}: connects accepted while bound`,
      );
      assert.ok(Number(m[2]) + Number(m[3]) > 0, "the knocker ran");
      assert.equal(isSocket(path), false, "bind leaves no file");
    });
  }
});
