/**
 * sockshell against programs it did not write: the handout's C programs,
 * netcat (OpenBSD) and socat, each as server and as client of the shell.
 */
import assert from "node:assert/strict";
import { buildPeer, freePort, missing, runPeer, startPeer } from "./_peers.ts";
import { sockshell, TestShell } from "./_shell.ts";
import { lsRow, portIn, untilQueued } from "./_net.ts";

const encoder = new TextEncoder();

/** The reply of tcp_server.c: write(..., "J'ai reçu votre message\n", 24) cuts the newline. */
const REPLY = "J'ai reçu votre message";

/** A shell listening on 127.0.0.1 (descriptor 3); returns the port. */
async function listening(sh: TestShell): Promise<number> {
  const port = freePort("tcp");
  await sh.ok(`socket tcp; bind 127.0.0.1 ${port}; listen 5`);
  return port;
}

Deno.test("tcp_client.c talks to sockshell as its server", async () => {
  const bin = await buildPeer("tcp_client");
  using sh = new TestShell();
  const port = await listening(sh);
  const client = runPeer(bin, ["localhost", String(port)], {
    stdin: "bonjour\n",
  });
  try {
    assert.match(
      await sh.ok("accept -t 5"),
      /^accept\(3\) = 4 +peer 127\.0\.0\.1:\d+\n$/,
    );
    assert.equal((await lsRow(sh, 4)).state, "ESTABLISHED");
    assert.equal(
      await sh.ok("recv -t 5"),
      'recv(4, buf, 255, 0) = 8 "bonjour\\n"\n',
    );
    assert.equal(
      await sh.ok(`send "${REPLY}"`),
      `send(4, "${REPLY}", 24, 0) = 24\n`,
    );
  } finally {
    sh.shell.close();
    await client.catch(() => {}); // reaped whatever happened
  }
  const r = await client;
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `Entrez le message à envoyer : ${REPLY}\n`);
});

Deno.test("sockshell is a client of tcp_server.c and gets its 24-byte reply exactly", async () => {
  const bin = await buildPeer("tcp_server");
  const port = freePort("tcp");
  await using server = startPeer(bin, [String(port)]);
  await server.waitForPort(port);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect localhost ${port}`);
  assert.equal(
    await sh.ok('send "hello\\n"'),
    'send(3, "hello\\n", 6, 0) = 6\n',
  );
  assert.equal(
    await server.stdout(),
    "Voici le message que j'ai reçu : hello\n\n",
  );
  // The server has exited: its reply and its FIN are both here.
  assert.equal(
    await sh.ok("recv -t 5"),
    `recv(3, buf, 255, 0) = 24 "${REPLY}"\n`,
  );
  assert.equal(encoder.encode(REPLY).length, 24);
  assert.match(
    await sh.ok("recv -t 5"),
    / = 0 +end of stream: the peer closed\n$/,
  );
  assert.equal((await lsRow(sh, 3)).state, "CLOSE_WAIT");
});

Deno.test("the sockshell program run by -c prints the handout's client session", async () => {
  const bin = await buildPeer("tcp_server");
  const port = freePort("tcp");
  await using server = startPeer(bin, [String(port)]);
  await server.waitForPort(port);
  const r = await sockshell([
    "-c",
    `socket tcp; connect 127.0.0.1 ${port}; send "hi\\n"; recv -t 5 -x; recv -t 5; close`,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split("\n");
  assert.equal(lines[0], "socket(AF_INET, SOCK_STREAM, 0) = 3");
  assert.match(
    lines[1]!,
    new RegExp(
      `^connect\\(3, 127\\.0\\.0\\.1:${port}\\) = 0 +local 127\\.0\\.0\\.1:\\d+$`,
    ),
  );
  assert.equal(lines[2], 'send(3, "hi\\n", 3, 0) = 3');
  assert.equal(lines[3], "recv(3, buf, 255, 0) = 24 hex (24 bytes)");
  assert.equal(
    lines.slice(4, 6).join("\n"),
    "  000000  4a 27 61 69 20 72 65 c3 a7 75 20 76 6f 74 72 65  |J'ai re..u votre|\n" +
      "  000010  20 6d 65 73 73 61 67 65                          | message|",
  );
  assert.match(
    lines[6]!,
    /^recv\(3, buf, 255, 0\) = 0 +end of stream: the peer closed$/,
  );
  assert.equal(lines[7], "close(3) = 0");
  assert.equal(
    await server.stdout(),
    "Voici le message que j'ai reçu : hi\n\n",
  );
});

Deno.test("udp_listener.c receives sockshell's sendto and prints its three lines", async () => {
  const bin = await buildPeer("udp_listener");
  const port = freePort("udp");
  await using listener = startPeer(bin, [String(port)]);
  await listener.waitForUdpBound(port);
  using sh = new TestShell();
  await sh.ok("socket udp");
  assert.match(
    await sh.ok(`sendto localhost ${port} "bonjour"`),
    new RegExp(`^sendto\\(3, "bonjour", 7, 0, 127\\.0\\.0\\.1:${port}\\) = 7 `),
  );
  assert.equal(
    await listener.stdout(),
    'got packet from 127.0.0.1\npacket is 7 bytes long\npacket contains "bonjour"\n',
  );
});

Deno.test("udp_talker.c sends to sockshell's recvfrom", async () => {
  const bin = await buildPeer("udp_talker");
  using sh = new TestShell();
  const port = freePort("udp");
  await sh.ok(`socket udp; bind 127.0.0.1 ${port}`);
  const r = await runPeer(bin, ["localhost", "bonjour", String(port)]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, "sent 7 bytes to 127.0.0.1\n");
  assert.match(
    await sh.ok("recvfrom -t 5 99"),
    /^recvfrom\(3, buf, 99, 0\) = 7 "bonjour" +from 127\.0\.0\.1:\d+\n$/,
  );
});

Deno.test("age_server.c holds the section 3.3 dialogue with sockshell as its client", async () => {
  const bin = await buildPeer("age_server");
  const port = freePort("tcp");
  await using server = startPeer(bin, [String(port)]);
  await server.waitForPort(port);
  using sh = new TestShell();
  const out = await sh.ok(`socket tcp; connect 127.0.0.1 ${port}`);
  const local = portIn(/local (\S+)/.exec(out)![1]!);
  const expect = async (text: string) => {
    await untilQueued(local, port, encoder.encode(text).length);
    assert.equal(
      await sh.ok("recv -t 5"),
      `recv(3, buf, 255, 0) = ${encoder.encode(text).length} ${
        JSON.stringify(text)
      }\n`,
    );
  };
  await expect("Veuillez entrer votre nom: ");
  await sh.ok('send "ali\\n"');
  await expect("Bonjour, ali\nVeuillez entrer votre année de naissance: ");
  await sh.ok('send "1983\\n"');
  await expect("Votre âge approximatif est 22.\nTapez q pour quitter: ");
  await sh.ok('send "q\\n"');
  assert.match(await sh.ok("recv -t 5"), / = 0 +end of stream/);
});

Deno.test("nc -l is a server for sockshell: bytes both ways, then close", {
  ignore: missing("nc"),
}, async () => {
  const port = freePort("tcp");
  await using nc = startPeer("nc", ["-l", "127.0.0.1", String(port)], {
    stdin: "from nc\n",
  });
  await nc.waitForPort(port);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${port}`);
  assert.equal(
    await sh.ok("recv -t 5"),
    'recv(3, buf, 255, 0) = 8 "from nc\\n"\n',
  );
  assert.equal(
    await sh.ok('send "from sockshell\\n"'),
    'send(3, "from sockshell\\n", 15, 0) = 15\n',
  );
  await sh.ok("close");
  assert.equal(await nc.stdout(), "from sockshell\n");
});

Deno.test("nc -N is a client of sockshell: its stdin, then end of stream", {
  ignore: missing("nc"),
}, async () => {
  using sh = new TestShell();
  const port = await listening(sh);
  const nc = runPeer("nc", ["-N", "127.0.0.1", String(port)], {
    stdin: "from nc\n",
  });
  try {
    await sh.ok("accept -t 5");
    assert.equal(
      await sh.ok("recv -t 5"),
      'recv(4, buf, 255, 0) = 8 "from nc\\n"\n',
    );
    assert.match(
      await sh.ok("recv -t 5"),
      / = 0 +end of stream: the peer closed\n$/,
    );
    assert.equal((await lsRow(sh, 4)).state, "CLOSE_WAIT");
    await sh.ok('send "bye\\n"; close');
  } finally {
    sh.shell.close();
    await nc.catch(() => {});
  }
  const r = await nc;
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, "bye\n");
});

Deno.test(
  "socat TCP-LISTEN echoes what sockshell sends, and closes after its shutdown",
  { ignore: missing("socat") },
  async () => {
    const port = freePort("tcp");
    await using socat = startPeer("socat", [
      `TCP-LISTEN:${port},bind=127.0.0.1`,
      "PIPE",
    ]);
    await socat.waitForPort(port);
    using sh = new TestShell();
    await sh.ok(`socket tcp; connect 127.0.0.1 ${port}; send "ping\\n"`);
    assert.equal(
      await sh.ok("recv -t 5"),
      'recv(3, buf, 255, 0) = 5 "ping\\n"\n',
    );
    await sh.ok("shutdown wr");
    assert.match(await sh.ok("recv -t 5"), / = 0 +end of stream/);
    assert.equal((await lsRow(sh, 3)).state, "TIME_WAIT");
    assert.equal((await socat.status).code, 0);
  },
);

Deno.test("socat TCP: is a client of sockshell and prints its reply", {
  ignore: missing("socat"),
}, async () => {
  using sh = new TestShell();
  const port = await listening(sh);
  const socat = runPeer("socat", ["-t", "5", "-", `TCP:127.0.0.1:${port}`], {
    stdin: "hello socat\n",
  });
  try {
    await sh.ok("accept -t 5");
    assert.equal(
      await sh.ok("recv -t 5"),
      'recv(4, buf, 255, 0) = 12 "hello socat\\n"\n',
    );
    assert.match(await sh.ok("recv -t 5"), / = 0 +end of stream/);
    await sh.ok('send "reply\\n"; close');
  } finally {
    sh.shell.close();
    await socat.catch(() => {});
  }
  const r = await socat;
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, "reply\n");
});

Deno.test(
  "socat UDP-RECVFROM gets sockshell's datagram, and answers it when asked to echo",
  { ignore: missing("socat") },
  async () => {
    const port = freePort("udp");
    await using sink = startPeer("socat", [
      "-u",
      `UDP-RECVFROM:${port},bind=127.0.0.1`,
      "STDOUT",
    ]);
    await sink.waitForUdpBound(port);
    using sh = new TestShell();
    await sh.ok(`socket udp; sendto 127.0.0.1 ${port} "dgram\\n"`);
    assert.equal(await sink.stdout(), "dgram\n");

    const echoPort = freePort("udp");
    await using echo = startPeer("socat", [
      `UDP-RECVFROM:${echoPort},bind=127.0.0.1`,
      "PIPE",
    ]);
    await echo.waitForUdpBound(echoPort);
    await sh.ok(`sendto 127.0.0.1 ${echoPort} marco`);
    assert.match(
      await sh.ok("recvfrom -t 5"),
      new RegExp(
        `^recvfrom\\(3, buf, 255, 0\\) = 5 "marco" +from 127\\.0\\.0\\.1:${echoPort}\\n$`,
      ),
    );
  },
);

Deno.test(
  "socat UDP-SENDTO sends to sockshell's recvfrom, and UDP: talks to a connected UDP socket",
  { ignore: missing("socat") },
  async () => {
    using sh = new TestShell();
    const port = freePort("udp");
    await sh.ok(`socket udp; bind 127.0.0.1 ${port}`);
    const r = await runPeer("socat", [
      "-u",
      "STDIN",
      `UDP-SENDTO:127.0.0.1:${port}`,
    ], {
      stdin: "from socat\n",
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      await sh.ok("recvfrom -t 5"),
      /^recvfrom\(3, buf, 255, 0\) = 11 "from socat\\n" +from 127\.0\.0\.1:\d+\n$/,
    );

    // socat UDP-LISTEN echoes to whoever sent first; sockshell connects to it.
    const echoPort = freePort("udp");
    await using echo = startPeer("socat", [
      `UDP-LISTEN:${echoPort},bind=127.0.0.1`,
      "PIPE",
    ]);
    await echo.waitForUdpBound(echoPort);
    await sh.ok(`socket udp; connect 127.0.0.1 ${echoPort}; send polo`);
    assert.equal(await sh.ok("recv -t 5"), 'recv(4, buf, 255, 0) = 4 "polo"\n');
  },
);
