/**
 * `explain`: the 5-tuple after socket, bind, listen, connect and accept, as
 * the handout writes it, and the sentence of why, against the handout's C
 * programs and nc.
 */
import assert from "node:assert/strict";
import { buildPeer, freePort, missing, runPeer, startPeer } from "./_peers.ts";
import { sockshell, TestShell } from "./_shell.ts";
import { settle } from "./_net.ts";
import { say } from "../lib/teach/messages.ts";
import { useLanguage } from "../lib/i18n/mod.ts";
import { tupleText } from "../lib/teach/teach.ts";

/** The lines after a call: the tuple, the marks under it, the sentences. */
function tupleAndMarks(out: string): { tuple: string; marked: string[] } {
  const lines = out.split("\n");
  const i = lines.findIndex((l) => /^ {2}\{.*\}$/.test(l));
  assert.ok(i >= 0, `no 5-tuple in:\n${out}`);
  const tuple = lines[i]!.trim();
  const marks = lines[i + 1] ?? "";
  // The fields with ^ under them.
  const marked: string[] = [];
  const text = lines[i]!;
  for (const m of marks.matchAll(/\^+/g)) {
    marked.push(text.slice(m.index!, m.index! + m[0].length));
  }
  return { tuple, marked };
}

/** Wait (bounded) until the shell has written `text`, keeping what it wrote. */
async function until(sh: TestShell, text: string, seen: string[]) {
  for (let i = 0; i < 100; i++) {
    seen.push(sh.take().stdout);
    if (seen.join("").includes(text)) return;
    await settle(50);
  }
  assert.fail(`never said ${JSON.stringify(text)}: ${seen.join("")}`);
}

Deno.test("tupleText marks the fields a call filled in", () => {
  const [text, marks] = tupleText(["tcp", "4950", "0.0.0.0", "-", "-"], [1, 2]);
  assert.equal(text, "{tcp, 4950, 0.0.0.0, -, -}");
  assert.equal(marks, "      ^^^^  ^^^^^^^");
});

Deno.test("explain fills in the TCP 5-tuple at socket, bind, listen and accept, with the handout's tcp_client as the client", async () => {
  using sh = new TestShell();
  const port = freePort("tcp");
  assert.match(await sh.ok("explain on"), /explain on/);
  let out = await sh.ok("socket tcp");
  assert.deepEqual(tupleAndMarks(out), {
    tuple: "{tcp, -, -, -, -}",
    marked: ["tcp"],
  });
  out = await sh.ok(`bind ${port}`);
  assert.deepEqual(tupleAndMarks(out), {
    tuple: `{tcp, ${port}, 0.0.0.0, -, -}`,
    marked: [String(port), "0.0.0.0"],
  });
  assert.match(out, /bind filled in: local port, local address/);
  out = await sh.ok("listen 5");
  assert.deepEqual(tupleAndMarks(out), {
    tuple: `{tcp, ${port}, 0.0.0.0, -, -}`,
    marked: [],
  });
  assert.match(out, /socket 3 now waits for connections/);
  const client = runPeer(await buildPeer("tcp_client"), [
    "127.0.0.1",
    String(port),
  ], { stdin: "bonjour\n" });
  try {
    out = await sh.ok("accept -t 5");
    // The new socket's whole 5-tuple: our port and address, the client's.
    const { tuple, marked } = tupleAndMarks(out);
    const m = /^\{tcp, (\d+), 127\.0\.0\.1, (\d+), 127\.0\.0\.1\}$/.exec(tuple);
    assert.ok(m, tuple);
    assert.equal(m[1], String(port));
    assert.equal(marked.length, 5);
    assert.match(
      out,
      /accept made a new socket, 4, .*socket 3 keeps listening/,
    );
    out = await sh.ok("recv -t 5");
    assert.match(
      out,
      /recv returned 8 of 255 bytes: a stream keeps no message boundaries/,
    );
    await sh.ok('send "bien"; close');
  } finally {
    assert.equal((await client).code, 0);
  }
});

Deno.test("explain shows connect completing the 5-tuple against the handout's tcp_server, and recv 0 at its close", async () => {
  const port = freePort("tcp");
  await using server = startPeer(await buildPeer("tcp_server"), [
    String(port),
  ]);
  await server.waitForPort(port);
  using sh = new TestShell();
  await sh.ok("explain on; socket tcp");
  const out = await sh.ok(`connect 127.0.0.1 ${port}`);
  const { tuple, marked } = tupleAndMarks(out);
  const m = new RegExp(
    `^\\{tcp, (\\d+), 127\\.0\\.0\\.1, ${port}, 127\\.0\\.0\\.1\\}$`,
  )
    .exec(tuple);
  assert.ok(m, tuple);
  assert.deepEqual(marked, [m[1], "127.0.0.1", String(port), "127.0.0.1"]);
  assert.match(out, /the 5-tuple is now complete/);
  await sh.ok('send "hello\\n"');
  // The server answers 24 bytes and closes: the next recv after the answer reads 0.
  let got = "";
  for (let i = 0; i < 5 && !/recv returned 0/.test(got); i++) {
    got += await sh.ok("recv -t 5");
  }
  assert.match(got, /recv returned 0: the peer closed its end \(FIN\)/);
});

Deno.test("explain fills in the UDP 5-tuple at bind and at the first sendto, to the handout's udp_listener", async () => {
  const port = freePort("udp");
  await using listener = startPeer(await buildPeer("udp_listener"), [
    String(port),
  ]);
  await listener.waitForUdpBound(port);
  using sh = new TestShell();
  await sh.ok("explain on");
  assert.deepEqual(tupleAndMarks(await sh.ok("socket udp")), {
    tuple: "{udp, -, -, -, -}",
    marked: ["udp"],
  });
  const out = await sh.ok(`sendto 127.0.0.1 ${port} "bonjour"`);
  const { tuple, marked } = tupleAndMarks(out);
  const m = /^\{udp, (\d+), 0\.0\.0\.0, -, -\}$/.exec(tuple);
  assert.ok(m, tuple);
  assert.deepEqual(marked, [m[1], "0.0.0.0"]);
  assert.match(
    out,
    /sendto bound the socket first: the system chose its local port/,
  );
  assert.match(await listener.stdout(), /packet contains "bonjour"/);
});

Deno.test("explain shows UDP bind and connect, and a datagram from the handout's udp_talker cut short", async () => {
  using sh = new TestShell();
  const port = freePort("udp");
  await sh.ok("explain on; socket udp");
  let out = await sh.ok(`bind 127.0.0.1 ${port}`);
  assert.deepEqual(tupleAndMarks(out), {
    tuple: `{udp, ${port}, 127.0.0.1, -, -}`,
    marked: [String(port), "127.0.0.1"],
  });
  const talker = await runPeer(await buildPeer("udp_talker"), [
    "127.0.0.1",
    "bonjour tout le monde",
    String(port),
  ]);
  assert.equal(talker.code, 0, talker.stderr);
  out = await sh.ok("recvfrom -t 5 7");
  assert.match(out, /= 7 "bonjour"/);
  assert.match(
    out,
    /the datagram was 21 bytes but only 7 were asked for: a datagram is read in one piece, the rest is lost/,
  );
  await sh.ok("socket udp");
  out = await sh.ok(`connect 127.0.0.1 ${port}`);
  const { tuple } = tupleAndMarks(out);
  assert.match(
    tuple,
    // connect() sets the local address too: the one the route to the peer leaves from.
    new RegExp(`^\\{udp, \\d+, 127\\.0\\.0\\.1, ${port}, 127\\.0\\.0\\.1\\}$`),
  );
});

Deno.test(
  "explain says why accept blocks while no client is in the listen queue",
  {
    ignore: missing("nc"),
  },
  async () => {
    using sh = new TestShell();
    const port = freePort("tcp");
    await sh.ok(`explain on; socket tcp; bind 127.0.0.1 ${port}; listen`);
    const accepting = sh.run("accept -t 10");
    const seen: string[] = [];
    await until(
      sh,
      "accept blocks: no connection is waiting in the listen queue of socket 3",
      seen,
    );
    const nc = runPeer("nc", ["-N", "127.0.0.1", String(port)], {
      stdin: "x",
    });
    try {
      assert.equal((await accepting).code, 0);
      // The diagram marks where accept waited.
      assert.match(await sh.ok("diagram"), /accept\(\) = 4, after waiting/);
    } finally {
      // nc -N waits for our end of stream.
      await sh.run("close");
      await nc;
    }
  },
);

Deno.test("explain says why recv blocks while nothing has arrived (another sockshell is the peer)", async () => {
  using sh = new TestShell();
  using peer = new TestShell();
  const port = freePort("tcp");
  await sh.ok(`explain on; socket tcp; bind 127.0.0.1 ${port}; listen`);
  await peer.ok(`socket tcp; connect 127.0.0.1 ${port}`);
  await sh.ok("accept -t 5");
  const receiving = sh.run("recv -t 10");
  const seen: string[] = [];
  await until(
    sh,
    "recv blocks: nothing has arrived yet on socket 4; it returns when data or the end comes",
    seen,
  );
  await peer.ok('send "enfin"');
  assert.equal((await receiving).code, 0);
  assert.match(sh.take().stdout, /= 5 "enfin"/);
  assert.match(
    await sh.ok("diagram"),
    /recv waited, then 5 bytes\s+(\|\s+)*"enfin"/,
  );
});

Deno.test(
  "explain says why a send after the peer closed succeeds and the next fails with EPIPE (python3 closes)",
  {
    ignore: missing("python3"),
  },
  async () => {
    using sh = new TestShell();
    const port = freePort("tcp");
    await sh.ok(`explain on; socket tcp; bind 127.0.0.1 ${port}; listen`);
    // A client that connects and closes at once: close(2), both halves.
    const nc = runPeer("python3", [
      "-c",
      `import socket; socket.create_connection(("127.0.0.1", ${port})).close()`,
    ]);
    try {
      await sh.ok("accept -t 5");
      assert.match(await sh.ok("recv -t 5"), /recv returned 0/);
      await nc;
      const first = await sh.ok('send "un"');
      assert.match(first, /send succeeded although the peer had closed/);
      // The RST comes back within a round trip on loopback: the second or a later send fails.
      let failed = "";
      for (let i = 0; i < 20 && !failed; i++) {
        await settle(20);
        const r = await sh.run('send "deux"');
        const out = sh.take();
        if (r.code !== 0) failed = out.stderr + out.stdout;
      }
      assert.match(failed, /EPIPE/);
      assert.match(
        failed,
        /send failed with EPIPE: an earlier send's data got an RST back/,
      );
    } finally {
      await nc;
    }
  },
);

Deno.test(
  "explain says why connect is refused and why bind finds the address in use (socat holds it)",
  {
    ignore: missing("socat"),
  },
  async () => {
    using sh = new TestShell();
    const free = freePort("tcp");
    await sh.ok("explain on; socket tcp");
    let r = await sh.run(`connect 127.0.0.1 ${free}`);
    let said = sh.take();
    assert.equal(r.code, 1);
    assert.match(said.stderr, /= -1 ECONNREFUSED/);
    assert.match(
      said.stdout,
      new RegExp(
        `connect failed with ECONNREFUSED: nobody listens on 127\\.0\\.0\\.1:${free}, so its system answered the SYN with RST`,
      ),
    );
    const port = freePort("tcp");
    await using socat = startPeer("socat", [
      `TCP-LISTEN:${port},bind=127.0.0.1`,
      "-",
    ]);
    await socat.waitForPort(port);
    await sh.ok("socket tcp");
    r = await sh.run(`bind 127.0.0.1 ${port}`);
    said = sh.take();
    assert.equal(r.code, 1);
    assert.match(said.stderr, /= -1 EADDRINUSE/);
    assert.match(
      said.stdout,
      new RegExp(
        `bind failed with EADDRINUSE: another socket already holds 127\\.0\\.0\\.1:${port}`,
      ),
    );
    socat.kill();
  },
);

Deno.test("explain shows an AF_UNIX socket's paths where the 5-tuple has ports", async () => {
  const dir = await Deno.makeTempDir();
  try {
    using sh = new TestShell();
    await sh.ok("explain on; socket unix");
    let out = await sh.ok(`bind ${dir}/s.sock`);
    assert.deepEqual(tupleAndMarks(out), {
      tuple: `{unix, ${dir}/s.sock, -}`,
      marked: [`${dir}/s.sock`],
    });
    assert.match(out, /bind filled in: local path/);
    assert.match(
      out,
      /an AF_UNIX socket's addresses are paths: it has no ports/,
    );
    await sh.ok("listen; socket unix");
    out = await sh.ok(`connect ${dir}/s.sock`);
    assert.deepEqual(tupleAndMarks(out).tuple, `{unix, -, ${dir}/s.sock}`);
    out = await sh.ok("accept @3");
    assert.equal(tupleAndMarks(out).tuple, `{unix, ${dir}/s.sock, -}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("explain off shows no 5-tuple, and explain with a bad argument is a usage error", async () => {
  using sh = new TestShell();
  assert.equal(
    await sh.ok("socket tcp"),
    "socket(AF_INET, SOCK_STREAM, 0) = 3\n",
  );
  await sh.ok("explain on");
  await sh.ok("explain off");
  assert.equal(
    await sh.ok("socket tcp"),
    "socket(AF_INET, SOCK_STREAM, 0) = 4\n",
  );
  const r = await sh.fails("explain maybe");
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'explain: explain takes on or off, not "maybe"\n');
});

Deno.test("sockshell -q --explain shows the 5-tuple where the calls are not traced", async () => {
  const port = freePort("tcp");
  const r = await sockshell([
    "-q",
    "--explain",
    "-c",
    `socket tcp; bind ${port}`,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /bind\(3/);
  assert.match(
    r.stdout,
    new RegExp(
      `\\{tcp, ${port}, 0\\.0\\.0\\.0, -, -\\}\n.*\n  bind filled in: local port, local address`,
    ),
  );
});

Deno.test("sockshell --explain starts with explain on", async () => {
  const port = freePort("tcp");
  const r = await sockshell(["--explain", "-c", `socket tcp; bind ${port}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`\\{tcp, ${port}, 0\\.0\\.0\\.0, -, -\\}`));
});

Deno.test("explain's sentences come from the catalogue in use, English or French", async () => {
  assert.equal(
    say("recvShort", { n: 6, asked: 255 }),
    "recv returned 6 of 255 bytes: a stream keeps no message boundaries, recv returns what has arrived",
  );
  try {
    await useLanguage("fr");
    assert.equal(
      say("recvShort", { n: 6, asked: 255 }),
      "recv a rendu 6 octets sur 255 : un flux ne garde pas les limites des messages, recv rend ce qui est arrivé",
    );
    assert.equal(say("arrowBytes", { n: 1 }), "1 octet");
  } finally {
    await useLanguage("en");
  }
});

Deno.test("sockshell --explain --lang fr explains in French; the quintuple and the calls stay as they are", async () => {
  const r = await sockshell([
    "--lang",
    "fr",
    "--explain",
    "-c",
    "socket udp; bind 127.0.0.1 0",
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\{udp, \d+, 127\.0\.0\.1, -, -\}/);
  assert.match(r.stdout, /bind a rempli : port local, adresse locale/);
  assert.match(r.stdout, /^socket\(AF_INET, SOCK_DGRAM, 0\) = 3$/m);
});
