/**
 * `record FILE` at the prompt writes the lines that succeed into a script,
 * and `run FILE` replays that session against a fresh peer.
 */
import assert from "node:assert/strict";
import { buildPeer, freePort, runPeer } from "./_peers.ts";
import { startSockshell, TestShell } from "./_shell.ts";
import { REPLY } from "./_wire.ts";
import { parseScript } from "../lib/script.ts";

/** The session typed at the prompt; `fails` marks the lines that must fail (and not be recorded). */
function session(port: number): { line: string; fails?: true }[] {
  return [
    { line: "socket tcp -> server" },
    { line: `bind 127.0.0.1 ${port}` },
    { line: "frobnicate", fails: true }, // unknown command
    { line: "listen 5" },
    { line: "recv", fails: true }, // a listening socket is not connected
    { line: "accept -t 10 -> client" },
    { line: "recv -l -> msg" },
    { line: 'expect "$msg.line" == nope', fails: true },
    { line: 'expect "$msg.line" == hello' },
    { line: `send -n 24 "${REPLY}\\n"` },
    { line: "close; close @$server" },
  ];
}

Deno.test("record writes each line that succeeds into a script, and run replays it against a fresh peer", async () => {
  const client = await buildPeer("tcp_client");
  const dir = await Deno.makeTempDir({ prefix: "sockshell_record_" });
  const file = `${dir}/session.sock`;
  const port = freePort("tcp");
  try {
    // The session, typed line by line.
    using sh = new TestShell();
    assert.equal(await sh.ok("record"), "not recording\n");
    assert.match(await sh.ok(`record ${file}`), /^recording to /);
    let peer: ReturnType<typeof runPeer> | undefined;
    try {
      for (const { line, fails } of session(port)) {
        if (line.startsWith("accept")) {
          peer = runPeer(client, ["127.0.0.1", String(port)], {
            stdin: "hello\n",
          });
        }
        const r = await sh.run(line);
        const { stderr } = sh.take();
        assert.equal(r.code !== 0, Boolean(fails), `${line}: ${stderr}`);
      }
      assert.equal(
        await sh.ok("record stop"),
        `recorded to ${file}: replay it with run ${file}\n`,
      );
      assert.equal(await sh.ok("record"), "not recording\n");
      // Not recording any more.
      await sh.ok("print after");
    } finally {
      sh.shell.close();
      const r = await peer;
      assert.equal(r?.stdout, `Entrez le message à envoyer : ${REPLY}\n`);
    }

    // The file: a comment, then exactly the commands that succeeded, one a line.
    const text = await Deno.readTextFile(file);
    const [header, ...lines] = text.trimEnd().split("\n");
    assert.match(header!, /^# recorded by sockshell on \d{4}-\d\d-\d\d/);
    assert.deepEqual(
      lines,
      session(port).filter((s) => !s.fails).flatMap((s) => s.line.split("; ")),
    );
    assert.ok(parseScript(text).length > 0, "the file is a script");
    const expectLine = 2 + lines.indexOf('expect "$msg.line" == hello');

    // The replay: the same session against a fresh C client.
    await using replay = startSockshell(["run", file]);
    await replay.waitForPort(port);
    const fresh = await runPeer(client, ["127.0.0.1", String(port)], {
      stdin: "hello\n",
    });
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.equal(fresh.stdout, `Entrez le message à envoyer : ${REPLY}\n`);
    assert.equal((await replay.status).code, 0, await replay.stderr());
    const out = await replay.stdout();
    assert.match(out, /^accept\(3\) = 4 +peer 127\.0\.0\.1:\d+$/m);
    assert.match(out, /^recv\(4, buf, \d+, 0\) = 6 "hello\\n" +read until/m);
    assert.match(out, new RegExp(`^send\\(4, "${REPLY}", 24, 0\\) = 24$`, "m"));
    assert.equal(await replay.stderr(), "");

    // A replay against a peer that says something else fails at the expect.
    await using again = startSockshell(["run", file]);
    await again.waitForPort(port);
    await runPeer(client, ["127.0.0.1", String(port)], { stdin: "bye\n" });
    assert.equal((await again.status).code, 1);
    assert.match(
      await again.stderr(),
      new RegExp(
        `^${file}:${expectLine}: stopped: expect "\\$msg.line" == hello$`,
        "m",
      ),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("record stop without a recording fails, and record reports a file it cannot write", async () => {
  using sh = new TestShell();
  const stop = await sh.fails("record stop");
  assert.deepEqual(stop, { code: 1, stderr: "record: not recording\n" });
  const bad = await sh.fails("record /nonexistent-dir/x.sock");
  assert.equal(bad.code, 1);
  assert.match(
    bad.stderr,
    /^record: cannot write \/nonexistent-dir\/x\.sock: ENOENT\n$/,
  );
  // A path Deno's permissions leave out is EACCES, not Deno's own advice to run with --allow-all.
  const refused = await sh.fails("record /proc/self/nope.sock");
  assert.equal(
    refused.stderr,
    "record: cannot write /proc/self/nope.sock: EACCES: outside what sockshell may touch\n",
  );
  assert.equal(await sh.ok("record"), "not recording\n");
});
