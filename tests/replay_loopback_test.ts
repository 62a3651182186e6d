/**
 * The one-terminal replays (`run tcp-loopback`, `run udp-loopback`) show
 * every call; `run` lists the replays, `run -p` prints them, `run -v` traces.
 */
import assert from "node:assert/strict";
import { buildPeer, freePort, runPeer } from "./_peers.ts";
import { sockshell, TestShell } from "./_shell.ts";
import { REPLY, waitListening } from "./_wire.ts";
import { builtInReplays } from "../replays/mod.ts";

const REPLAYS_DIR = new URL("../replays/", import.meta.url);

/**
 * Match `patterns` against the lines of `text`, each after the previous one;
 * returns the match of each.
 */
function inOrder(text: string, patterns: RegExp[]): RegExpExecArray[] {
  const lines = text.split("\n");
  const found: RegExpExecArray[] = [];
  let at = 0;
  for (const p of patterns) {
    let m: RegExpExecArray | null = null;
    while (at < lines.length && !(m = p.exec(lines[at++]!)));
    assert.ok(m, `no line matching ${p} (in order) in:\n${text}`);
    found.push(m);
  }
  return found;
}

const TCP_CALLS = [
  /^socket\(AF_INET, SOCK_STREAM, 0\) = 3$/,
  // Port 0: the annotation shows the port the system picked.
  /^bind\(3, 0\.0\.0\.0:(\d+)\) = 0(?: +local 0\.0\.0\.0:(\d+))?$/,
  /^listen\(3, 5\) = 0 +listening on 0\.0\.0\.0:(\d+)$/,
  /^socket\(AF_INET, SOCK_STREAM, 0\) = 4$/,
  /^connect\(4, 127\.0\.0\.1:(\d+)\) = 0 +local 127\.0\.0\.1:(\d+)$/,
  /^send\(4, "hello\\n", 6, 0\) = 6$/,
  /^accept\(3\) = 5 +peer 127\.0\.0\.1:(\d+)$/,
  /^recv\(5, buf, 255, 0\) = 6 "hello\\n"$/,
  new RegExp(`^send\\(5, "${REPLY}", 24, 0\\) = 24$`),
  new RegExp(`^recv\\(4, buf, 255, 0\\) = 24 "${REPLY}"$`),
  /^close\(4\) = 0$/,
  /^recv\(5, buf, 255, 0\) = 0 +end of stream: the peer closed$/,
  /^close\(5\) = 0$/,
  /^close\(3\) = 0$/,
];

Deno.test("run tcp-loopback plays both sides of the TCP exercise and shows every call", async () => {
  const r = await sockshell(["run", "tcp-loopback"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, "");
  const [, bind, listen, , connect, , accept] = inOrder(r.stdout, TCP_CALLS);
  // The system picked one port, and the connection's two ends agree.
  const port = listen![1];
  assert.equal(bind![1], "0");
  assert.notEqual(port, "0");
  assert.equal(bind![2], port);
  assert.equal(connect![1], port);
  assert.equal(accept![1], connect![2]);
  // The comments of the replay are printed between the calls.
  inOrder(r.stdout, [
    /^# server: socket, bind, listen/,
    /^# client: socket, connect/,
    /^# server: accept returns a NEW descriptor/,
    /^# client: the answer$/,
    /^fd +proto +state +local +remote$/,
    /^# the client closes; the server reads end of stream/,
  ]);
});

Deno.test("run tcp-loopback PORT listens on that port", async () => {
  const port = freePort("tcp");
  const r = await sockshell(["run", "tcp-loopback", String(port)]);
  assert.equal(r.code, 0, r.stderr);
  const [, bind, , , connect] = inOrder(r.stdout, TCP_CALLS);
  assert.match(bind![0], new RegExp(`^bind\\(3, 0\\.0\\.0\\.0:${port}\\)`));
  assert.equal(connect![1], String(port));
});

Deno.test("run udp-loopback plays both sides of the UDP exercise and shows every call", async () => {
  const r = await sockshell(["run", "udp-loopback"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, "");
  const [, bind, , send, first, un, deux] = inOrder(r.stdout, [
    /^socket\(AF_INET, SOCK_DGRAM, 0\) = 3$/,
    /^bind\(3, 127\.0\.0\.1:0\) = 0 +local 127\.0\.0\.1:(\d+)$/,
    /^socket\(AF_INET, SOCK_DGRAM, 0\) = 4$/,
    /^sendto\(4, "hello", 5, 0, 127\.0\.0\.1:(\d+)\) = 5 +local 0\.0\.0\.0:(\d+)$/,
    /^recvfrom\(3, buf, 99, 0\) = 5 "hello" +from 127\.0\.0\.1:(\d+)$/,
    /^recvfrom\(3, buf, 255, 0\) = 2 "un" +from 127\.0\.0\.1:(\d+)$/,
    /^recvfrom\(3, buf, 255, 0\) = 4 "deux" +from 127\.0\.0\.1:(\d+)$/,
    /^close\(4\) = 0$/,
    /^close\(3\) = 0$/,
  ]);
  assert.equal(send![1], bind![1]);
  // The talker's port, picked at its first sendto, is where each datagram came from.
  assert.equal(first![1], send![2]);
  assert.equal(un![1], send![2]);
  assert.equal(deux![1], send![2]);
});

Deno.test("run with no name lists every replay with its arguments", async () => {
  const r = await sockshell(["run"]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split("\n");
  assert.match(lines[0]!, /^Built-in replays/);
  // The replays are indented under their group's heading.
  const listed = lines.slice(1).filter((l) => l.startsWith("  ")).map((l) =>
    l.trim().split(/\s+/)[0]
  );
  assert.deepEqual(listed, Object.keys(builtInReplays));
  for (const replay of Object.values(builtInReplays)) {
    assert.match(
      r.stdout,
      new RegExp(`^ {2}${replay.name} ${escape(replay.usage)} +\\S`, "m"),
    );
  }
  // Every script in replays/ is a listed replay: none is forgotten.
  for await (const entry of Deno.readDir(REPLAYS_DIR)) {
    if (!entry.name.endsWith(".sock")) continue;
    const name = entry.name.replace(/\.sock$/, "").replaceAll("_", "-");
    assert.ok(name in builtInReplays, `${entry.name} is not a replay`);
  }
});

Deno.test("run -p NAME at the prompt prints the replay's script, the .sock file itself", async () => {
  using sh = new TestShell();
  for (const name of Object.keys(builtInReplays)) {
    const file = new URL(`${name.replaceAll("-", "_")}.sock`, REPLAYS_DIR);
    const text = await Deno.readTextFile(file);
    assert.equal(await sh.ok(`run -p ${name}`), text, name);
  }
  // Nothing ran: no descriptor was opened.
  assert.equal(sh.shell.table.list().length, 0);
});

Deno.test("sockshell run -p NAME from the command line prints the replay's script", async () => {
  const text = await Deno.readTextFile(new URL("age_server.sock", REPLAYS_DIR));
  const r = await sockshell(["run", "-p", "age-server"]);
  assert.deepEqual(r, { code: 0, stdout: text, stderr: "" });
});

Deno.test("sockshell run -v NAME from the command line shows the calls of a quiet replay", async () => {
  const r = await sockshell(["run", "-v", "udp-client", "127.0.0.1", "x", "9"]);
  assert.equal(r.code, 0, r.stderr);
  inOrder(r.stdout, [
    /^gethostbyname\("127\.0\.0\.1"\)/,
    /^socket\(AF_INET, SOCK_DGRAM, 0\) = 3$/,
    /^sendto\(3, "x", 1, 0, 127\.0\.0\.1:9\) = 1/,
    /^sent 1 bytes to 127\.0\.0\.1$/,
    /^close\(3\) = 0$/,
  ]);
});

Deno.test("run -v traces the calls of a replay that prints only the handout's lines", async () => {
  const client = await buildPeer("tcp_client");
  using sh = new TestShell();
  await sh.ok("trace off"); // -v shows the calls whatever the prompt's setting
  for (const verbose of [false, true]) {
    const port = freePort("tcp");
    const run = sh.run(`run ${verbose ? "-v " : ""}tcp-server ${port}`);
    try {
      await waitListening(port);
      const c = await runPeer(client, ["127.0.0.1", String(port)], {
        stdin: "hello\n",
      });
      assert.equal(c.code, 0, c.stderr);
    } finally {
      await run;
    }
    const { stdout } = sh.take();
    if (!verbose) {
      assert.equal(stdout, "Voici le message que j'ai reçu : hello\n\n");
      continue;
    }
    inOrder(stdout, [
      /^socket\(AF_INET, SOCK_STREAM, 0\) = 3$/,
      new RegExp(`^bind\\(3, 0\\.0\\.0\\.0:${port}\\) = 0`),
      /^listen\(3, 5\) = 0 +listening on/,
      /^accept\(3\) = 4 +peer 127\.0\.0\.1:\d+$/,
      /^recv\(4, buf, 255, 0\) = 6 "hello\\n"$/,
      /^Voici le message que j'ai reçu : hello$/,
      new RegExp(`^send\\(4, "${REPLY}", 24, 0\\) = 24$`),
    ]);
  }
});

Deno.test("run at the prompt plays tcp-loopback and leaves no descriptor open", async () => {
  using sh = new TestShell();
  const r = await sh.run("run tcp-loopback");
  const { stdout, stderr } = sh.take();
  assert.equal(r.code, 0, stderr);
  inOrder(stdout, TCP_CALLS);
  assert.equal(sh.shell.table.list().length, 0);
});

Deno.test("run names an unknown replay and fails with status 2", async () => {
  using sh = new TestShell();
  const r = await sh.fails("run no-such-replay");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^run: no replay or readable file "no-such-replay"/);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
