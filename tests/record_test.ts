/**
 * `record FILE` at the prompt writes the lines that succeed into a script,
 * and `run FILE` replays that session against a fresh peer.
 */
import assert from "node:assert/strict";
import { buildPeer, freePort, runPeer } from "./_peers.ts";
import { sockshell, startSockshell, TestShell } from "./_shell.ts";
import { REPLY } from "./_wire.ts";
import { parseScript } from "../lib/script/script.ts";

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

Deno.test("record writes the commands that succeed whether they come on standard input, from -c or from a script file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sockshell_record_" });
  try {
    for (const how of ["stdin", "-c", "file"] as const) {
      const peer = Deno.listenDatagram({
        transport: "udp",
        hostname: "127.0.0.1",
        port: 0,
      });
      try {
        const { port } = peer.addr as Deno.NetAddr;
        const file = `${dir}/${how}.sock`;
        const block = how === "-c" ? "while false; end" : "while false\nend";
        const lines = [
          `record ${file}`,
          "socket udp",
          `sendto 127.0.0.1 ${port} x`,
          block,
          "record stop",
        ];
        const script = `${dir}/${how}-input.sock`;
        await Deno.writeTextFile(script, lines.join("\n") + "\n");
        const r = how === "stdin"
          ? await sockshell([], { stdin: lines.join("\n") + "\n" })
          : how === "-c"
          ? await sockshell(["-c", lines.join("; ")])
          : await sockshell([script]);
        assert.equal(r.code, 0, `${how}: ${r.stderr}`);
        const [data] = await peer.receive();
        assert.equal(new TextDecoder().decode(data), "x");

        const [header, ...body] = (await Deno.readTextFile(file)).trimEnd()
          .split("\n");
        assert.match(header!, /^# recorded by sockshell on /, how);
        assert.deepEqual(
          body.join("\n"),
          ["socket udp", `sendto 127.0.0.1 ${port} x`, block].join("\n"),
          how,
        );
        // The recording replays: the datagram comes again.
        const replay = await sockshell(["run", file]);
        assert.equal(replay.code, 0, replay.stderr);
        const [again] = await peer.receive();
        assert.equal(new TextDecoder().decode(again), "x");
      } finally {
        peer.close();
      }
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("record refuses an existing file with EEXIST; -a appends to it and -f overwrites it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sockshell_record_" });
  const file = `${dir}/mine.sock`;
  try {
    await Deno.writeTextFile(file, "print mine\n");
    using sh = new TestShell();
    assert.deepEqual(await sh.fails(`record ${file}`), {
      code: 1,
      stderr:
        `record: cannot write ${file}: EEXIST (File exists): record -a ${file} appends to it, record -f ${file} overwrites it\n`,
    });
    assert.equal(await Deno.readTextFile(file), "print mine\n");
    assert.equal(await sh.ok("record"), "not recording\n");

    await sh.ok(`record -a ${file}`);
    await sh.ok("print added");
    await sh.ok("record stop");
    const appended = (await Deno.readTextFile(file)).split("\n");
    assert.equal(appended[0], "print mine");
    assert.match(appended[1]!, /^# appended to by sockshell on /);
    assert.deepEqual(appended.slice(2), ["print added", ""]);

    await sh.ok(`record -f ${file}`);
    await sh.ok("print again");
    await sh.ok("record stop");
    const overwritten = (await Deno.readTextFile(file)).split("\n");
    assert.match(overwritten[0]!, /^# recorded by sockshell on /);
    assert.deepEqual(overwritten.slice(1), ["print again", ""]);

    const both = await sh.fails(`record -a -f ${file}`);
    assert.equal(both.code, 2);
    assert.equal(
      both.stderr,
      "record: -a appends and -f overwrites: choose one\n",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
