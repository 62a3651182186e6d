/** `talk`: lines typed (here: piped on standard input) sent as they come, replies shown as they arrive, against real peers. */
import assert from "node:assert/strict";
import { LiveShell, sockshell, TestShell } from "./_shell.ts";
import {
  freePort,
  missing,
  pythonServer,
  type RunningPeer,
  startPeer,
} from "./_peers.ts";
import { testCerts } from "./_tls.ts";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * A line server in python3: greets with `220 ready`, answers each line with
 * `250 ok LINE`, `221 bye` and a close on QUIT; on exit it prints every byte
 * it received (Python's repr) on its standard output. `extra` runs after the
 * greeting, with `c` the connection (unprompted data, a reset).
 */
function lineServer(port: number, extra = ""): RunningPeer {
  return pythonServer(
    port,
    `c.sendall(b"220 ready\\r\\n")
${extra}
got = b""
buf = b""
while True:
    d = c.recv(4096)
    if not d:
        break
    got += d
    buf += d
    done = False
    while b"\\n" in buf:
        line, buf = buf.split(b"\\n", 1)
        line = line.rstrip(b"\\r")
        if line == b"QUIT":
            c.sendall(b"221 bye\\r\\n")
            done = True
            break
        c.sendall(b"250 ok " + line + b"\\r\\n")
    if done:
        break
c.close()
print(repr(got))`,
  );
}

/**
 * After talk, the replies read up to the server's close, then close: a close over unread
 * replies is a reset, which can reach the server before it has read the last line.
 */
const DRAIN =
  "while true\ntry recv -t 5 -> r\nif $r.n <= 0\nbreak\nend\nend\nclose\n";

/** sockshell reading commands from a pipe the test writes to line by line, its output awaited. */
function piped(): LiveShell {
  return new LiveShell([], { stdin: true, env: { NO_COLOR: "1" } });
}

Deno.test("talk -C holds an SMTP-like dialogue: each line goes out with \\r\\n at once and each reply shows before the next line", async () => {
  const port = freePort("tcp");
  await using peer = lineServer(port);
  await peer.waitForPort(port);
  await using sh = piped();
  await sh.write(`socket tcp; connect 127.0.0.1 ${port}`, "talk -C");
  await sh.until(/recv\(3, buf, 4096, 0\) = 11 "220 ready\\r\\n"/);
  await sh.write("EHLO me");
  await sh.until(/recv\(3, buf, 4096, 0\) = 16 "250 ok EHLO me\\r\\n"/);
  // A lone dot is data (SMTP's end of DATA), not a way out.
  await sh.write(".");
  await sh.until(/"250 ok \.\\r\\n"/);
  await sh.write("QUIT");
  await sh.until(/talk: the peer closed the connection/);
  await sh.write("~.", "ls");
  assert.equal(await sh.end(), 0, sh.stderr);
  const out = sh.stdout;
  assert.ok(out.includes('send(3, "EHLO me\\r\\n", 9, 0) = 9'), out);
  assert.ok(out.includes('send(3, ".\\r\\n", 3, 0) = 3'), out);
  assert.ok(out.includes('send(3, "QUIT\\r\\n", 6, 0) = 6'), out);
  // Each reply comes before the next line is sent.
  assert.ok(
    out.indexOf("250 ok EHLO me") < out.indexOf('send(3, ".\\r\\n"'),
    out,
  );
  assert.match(out, /recv\(3, buf, 4096, 0\) = 0 +end of stream/);
  assert.match(out, /\* 3 +tcp +CLOSE_WAIT/);
  assert.equal(sh.stderr, "");
  // The bytes on the wire, as the peer received them.
  assert.equal(
    (await peer.stdout()).trim(),
    String.raw`b'EHLO me\r\n.\r\nQUIT\r\n'`,
  );
});

Deno.test("piped lines that end without ~. are a request, as with nc: the answer shows until the peer closes", async () => {
  const port = freePort("tcp");
  await using peer = lineServer(port);
  await peer.waitForPort(port);
  // `printf 'EHLO me\r\nQUIT\r\n' | nc`: before, talk left at the end of input and showed no answer.
  const r = await sockshell([], {
    stdin: `socket tcp; connect 127.0.0.1 ${port}\ntalk -C\nEHLO me\nQUIT\n`,
    env: { NO_COLOR: "1" },
  });
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /end of input without ~\.: what the peer sends shows until it closes/,
  );
  assert.match(r.stdout, /250 ok EHLO me\\r\\n/);
  assert.match(r.stdout, /221 bye\\r\\n"/);
  assert.match(r.stdout, /talk: the peer closed the connection/);
  assert.equal(
    (await peer.stdout()).trim(),
    String.raw`b'EHLO me\r\nQUIT\r\n'`,
  );
});

Deno.test("talk without -C ends each line with \\n alone on the wire", async () => {
  const port = freePort("tcp");
  await using peer = lineServer(port);
  await peer.waitForPort(port);
  const r = await sockshell([], {
    stdin: `socket tcp; connect 127.0.0.1 ${port}\ntalk\nHELO x\nQUIT\n~.\n` +
      DRAIN,
  });
  assert.equal(r.code, 0, r.stderr);
  assert.equal((await peer.stdout()).trim(), String.raw`b'HELO x\nQUIT\n'`);
});

Deno.test("talk shows what the peer sends unprompted while nothing is typed, and ~. leaves with the socket open", async () => {
  const port = freePort("tcp");
  // Unprompted: a line 0.3 s after the greeting, and one more once the test has seen it (its "again").
  await using peer = lineServer(
    port,
    `time.sleep(0.3)
c.sendall(b"* unprompted\\r\\n")`,
  );
  await peer.waitForPort(port);
  await using sh = piped();
  await sh.write(`socket tcp; connect 127.0.0.1 ${port}`, "view lines", "talk");
  await sh.until(/\| \* unprompted\\r\\n/);
  await sh.write("~.", "ls");
  await sh.until(/\* 3 +tcp +ESTABLISHED/);
  // Still connected: the next line is a command again, and the peer still answers.
  await sh.write('send "NOOP\\n"', "recv -l -t 5");
  await sh.until(
    /recv\(3, buf, 65536, 0\) = 13 +read until "\\n"\n {2}\| 250 ok NOOP\\r\\n/,
  );
  await sh.write('send "QUIT\\n"', "close 3");
  assert.equal(await sh.end(), 0, sh.stderr);
  assert.equal(sh.stderr, "");
});

Deno.test("talk -q shows only the data, escaped, and no call line", async () => {
  const port = freePort("tcp");
  await using peer = lineServer(
    port,
    'c.sendall(b"\\x1b[2J clear\\r\\n")',
  );
  await peer.waitForPort(port);
  await using sh = piped();
  await sh.write(`socket tcp; connect 127.0.0.1 ${port}`, "talk -q");
  await sh.until(/\\x1b\[2J clear\\r\\n"/);
  await sh.write("HELO q");
  await sh.until(/"250 ok HELO q\\r\\n"/);
  await sh.write("QUIT");
  await sh.until(/talk: the peer closed/);
  assert.equal(await sh.end(), 0, sh.stderr);
  const talked = sh.stdout.slice(sh.stdout.indexOf("connect("));
  assert.ok(!/^(send|recv)\(/m.test(talked), talked);
  assert.ok(!sh.stdout.includes("\x1b"), "no raw escape on the terminal");
});

Deno.test("talk says the peer's reset in its recv's line and ends, a failed call that stops a piped script", async () => {
  const port = freePort("tcp");
  await using peer = lineServer(
    port,
    `import struct
c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
c.recv(100)
c.close()
sys.exit(0)`,
  );
  await peer.waitForPort(port);
  await using sh = piped();
  await sh.write(`socket tcp; connect 127.0.0.1 ${port}`, "talk");
  await sh.until(/"220 ready\\r\\n"/);
  await sh.write("bye");
  await sh.until(/= -1 ECONNRESET/m, "stderr");
  assert.equal(await sh.end(), 1);
  assert.match(
    sh.stderr,
    /^recv\(3, buf, 4096, 0\) = -1 ECONNRESET \(Connection reset by peer\)/m,
  );
  // Its one line, then the piped script stops at the failed command, as at any failed call.
  assert.match(sh.stderr, /stdin:2: stopped: talk/);
});

Deno.test(
  "talk after starttls speaks through TLS to openssl s_server, both ways",
  {
    ignore: missing("openssl"),
  },
  async () => {
    const c = await testCerts();
    const port = freePort("tcp");
    // -quiet: s_server prints what it receives and sends what it reads on its standard input.
    const srv = new Deno.Command("openssl", {
      args: [
        "s_server",
        "-quiet",
        "-naccept",
        "1",
        "-accept",
        String(port),
        "-cert",
        c.cert,
        "-key",
        c.key,
      ],
      stdin: "piped",
      stdout: "piped",
      stderr: "null",
    }).spawn();
    const srvIn = srv.stdin.getWriter();
    let received = "";
    const reading = (async () => {
      for await (const chunk of srv.stdout) received += decoder.decode(chunk);
    })();
    try {
      await waitForListen(port);
      await using sh = piped();
      await sh.write(
        `socket tcp; connect -t 5 127.0.0.1 ${port}`,
        `starttls -t 5 --ca ${c.cert} localhost`,
        "talk",
      );
      await sh.until(/^talk on 3/m);
      await sh.write("EHLO tls");
      await sh.until(/send\(3, "EHLO tls\\n", 9, 0\) = 9/);
      const deadline = Date.now() + 10_000;
      while (!received.includes("EHLO tls\n") && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.equal(received, "EHLO tls\n");
      // The server's line, unprompted, through TLS.
      await srvIn.write(encoder.encode("hello over tls\n"));
      await sh.until(/recv\(3, buf, 4096, 0\) = 15 "hello over tls\\n"/);
      await sh.write("~.", "ls");
      await sh.until(/\* 3 +tcp\+tls +ESTABLISHED/);
      assert.equal(await sh.end(), 0, sh.stderr);
    } finally {
      try {
        srv.kill("SIGKILL");
      } catch {
        // Already exited.
      }
      await srvIn.close().catch(() => {});
      await srv.status;
      await reading;
    }
  },
);

/** Resolves once something listens on `port` on 127.0.0.1 (ss, polled, bounded). */
async function waitForListen(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const out = await new Deno.Command("ss", {
      args: ["-Htln", `sport = :${port}`],
      stdout: "piped",
      stderr: "null",
    }).output();
    if (decoder.decode(out.stdout).trim()) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

Deno.test("talk on a connected UDP socket sends each line as a datagram and shows the peer's", async () => {
  const port = freePort("udp");
  await using peer = startPeer("python3", [
    "-c",
    `import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", ${port}))
for _ in range(2):
    d, a = s.recvfrom(100)
    s.sendto(b"echo " + d, a)
print(repr(d))`,
  ]);
  await peer.waitForUdpBound(port);
  const r = await sockshell([], {
    stdin: `socket udp; connect 127.0.0.1 ${port}\ntalk\nping\n`,
  });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes('send(3, "ping\\n", 5, 0) = 5'), r.stdout);
  await using sh = piped();
  await sh.write(`socket udp; connect 127.0.0.1 ${port}`, "talk", "pong");
  await sh.until(/recv\(3, buf, 65536, 0\) = 10 "echo pong\\n"/);
  assert.equal(await sh.end(), 0, sh.stderr);
  assert.equal((await peer.stdout()).trim(), String.raw`b'pong\n'`);
});

Deno.test("talk in a -c script fails with one usage line and exit status 2", async () => {
  const r = await sockshell(["-c", "socket tcp; talk; ls"]);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    "talk: no lines to send here: run talk at the prompt, or with commands piped on standard input (not in -c or a script file)\n" +
      "-c:1: stopped: talk\n",
  );
});

/** A line that must fail with `expected` as its one stderr line, `ls` the same after it. */
async function refuses(
  sh: TestShell,
  line: string,
  expected: string | RegExp,
  code = 1,
): Promise<void> {
  const before = await sh.ok("ls");
  const r = await sh.fails(line);
  if (typeof expected === "string") assert.equal(r.stderr, expected + "\n");
  else {
    assert.match(r.stderr, expected);
    assert.equal(r.stderr.trimEnd().split("\n").length, 1, "one line");
  }
  assert.equal(r.code, code, r.stderr);
  assert.equal(await sh.ok("ls"), before, `ls changed after ${line}`);
}

Deno.test("talk refuses a socket that is not connected, a listening one and a bad descriptor, state unchanged", async () => {
  using sh = new TestShell();
  sh.shell.commandsOnStdin();
  await sh.ok("socket tcp");
  await refuses(
    sh,
    "talk",
    "talk: ENOTCONN (Transport endpoint is not connected): descriptor 3 is not connected (connect it first): talk needs a connected socket",
  );
  await sh.ok("listen");
  await refuses(
    sh,
    "talk",
    "talk: ENOTCONN (Transport endpoint is not connected): descriptor 3 is listening (accept gives a connected socket): talk needs a connected socket",
  );
  await refuses(sh, "talk @9", /^talk: EBADF \(Bad file descriptor\)/);
  await refuses(sh, "talk -x", /^talk: .*-x/, 2);
  await sh.ok("socket udp");
  await refuses(
    sh,
    "talk",
    "talk: ENOTCONN (Transport endpoint is not connected): descriptor 4 has no peer (connect it to one first): talk needs a connected socket",
  );
});

Deno.test("piped talk takes its lines up to ~. even after the peer closed, and says how many were not sent", async () => {
  const port = freePort("tcp");
  await using peer = lineServer(port, "c.close()\nsys.exit(0)");
  await peer.waitForPort(port);
  await using sh = piped();
  await sh.write(`socket tcp; connect 127.0.0.1 ${port}`, "talk");
  await sh.until(/^talk: the peer closed the connection/m);
  // These are talk's lines (before its ~.), not commands: none runs, none is sent.
  await sh.write("HELO x", "close 3", "~.", "ls");
  await sh.until(/\* 3 +tcp +CLOSE_WAIT/);
  assert.equal(await sh.end(), 0, sh.stderr);
  assert.equal(
    sh.stderr,
    "talk: 2 lines were not sent: the connection had ended\n",
  );
  assert.ok(!sh.stdout.includes("send("), sh.stdout);
});

Deno.test("record writes talk's lines as the sends they were, and run replays them byte for byte", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sockshell_talk_record_" });
  const file = `${dir}/smtp.sock`;
  try {
    const lines = ["HELO x", 'MAIL FROM:<$USER> "q" \\ \x1b', "QUIT"];
    const port = freePort("tcp");
    const first = lineServer(port);
    await first.waitForPort(port);
    const typed = await sockshell([], {
      stdin: `record ${file}\nsocket tcp; connect 127.0.0.1 ${port}\n` +
        `talk -C\n${lines.join("\n")}\n~.\n${DRAIN}record stop\n`,
    });
    assert.equal(typed.code, 0, typed.stderr);
    const wire = String
      .raw`b'HELO x\r\nMAIL FROM:<$USER> "q" \\ \x1b\r\nQUIT\r\n'`;
    assert.equal((await first.stdout()).trim(), wire);
    await first[Symbol.asyncDispose]();
    const [header, ...recorded] = (await Deno.readTextFile(file)).split("\n");
    assert.match(header!, /^# recorded by sockshell/);
    assert.equal(
      recorded.join("\n"),
      `socket tcp\nconnect 127.0.0.1 ${port}\n` +
        'send -C "HELO x"\n' +
        'send -C "MAIL FROM:<\\$USER> \\"q\\" \\\\ \\x1b"\n' +
        'send -C "QUIT"\n' + DRAIN,
    );
    // The replay, against a fresh server on the same port: the same bytes on the wire.
    const again = lineServer(port);
    await again.waitForPort(port);
    const replayed = await sockshell(["-q", "run", file]);
    assert.equal(replayed.code, 0, replayed.stderr);
    assert.equal((await again.stdout()).trim(), wire);
    await again[Symbol.asyncDispose]();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a talk inside a block is recorded as the block typed, not as sends", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sockshell_talk_record_" });
  const file = `${dir}/block.sock`;
  try {
    const port = freePort("tcp");
    await using peer = lineServer(port);
    await peer.waitForPort(port);
    const r = await sockshell([], {
      stdin: `socket tcp; connect 127.0.0.1 ${port}\nrecord ${file}\n` +
        `if true\ntalk\nend\nHELO x\n~.\nrecord stop\nclose\n`,
    });
    assert.equal(r.code, 0, r.stderr);
    const [, ...recorded] = (await Deno.readTextFile(file)).split("\n");
    assert.equal(recorded.join("\n"), "if true\ntalk\nend\n");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
