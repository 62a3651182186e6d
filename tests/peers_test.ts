/**
 * The handout's C programs (tests/peers/*.c) interoperate with each other and
 * with raw Deno sockets exactly as the handout describes.
 */
import assert from "node:assert/strict";
import { buildPeer, freePort, runPeer, startPeer } from "./_peers.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The handout's section 3.3 transcript, as age_client prints it. */
const TRANSCRIPT = "Veuillez entrer votre nom: " +
  "Bonjour, ali\nVeuillez entrer votre année de naissance: " +
  "Votre âge approximatif est 22.\nTapez q pour quitter: ";

/** A raw TCP client that reads exact byte sequences, whatever the cuts. */
class Wire {
  #conn: Deno.TcpConn;
  #pending = new Uint8Array(0);
  #closed = false;

  private constructor(conn: Deno.TcpConn) {
    this.#conn = conn;
  }

  static async connect(port: number): Promise<Wire> {
    return new Wire(await Deno.connect({ hostname: "127.0.0.1", port }));
  }

  async send(text: string): Promise<void> {
    const bytes = encoder.encode(text);
    let sent = 0;
    while (sent < bytes.length) {
      sent += await this.#conn.write(bytes.subarray(sent));
    }
  }

  /** Reads one more chunk; false at end of stream. */
  async #readMore(deadline: number, waitingFor: string): Promise<boolean> {
    const buf = new Uint8Array(4096);
    const read = this.#conn.read(buf);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(
        () => resolve("timeout"),
        Math.max(0, deadline - Date.now()),
      );
    });
    try {
      const n = await Promise.race([read, timeout]);
      if (n === "timeout") {
        this.close();
        await read.catch(() => null);
        throw new Error(
          `timed out waiting for ${waitingFor}; pending: ` +
            JSON.stringify(decoder.decode(this.#pending)),
        );
      }
      if (n === null) return false;
      const joined = new Uint8Array(this.#pending.length + n);
      joined.set(this.#pending);
      joined.set(buf.subarray(0, n), this.#pending.length);
      this.#pending = joined;
      return true;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Asserts that the next bytes received are exactly `text` (UTF-8). */
  async expect(text: string, timeoutMs = 5000): Promise<void> {
    const want = encoder.encode(text);
    const deadline = Date.now() + timeoutMs;
    while (this.#pending.length < want.length) {
      if (!await this.#readMore(deadline, JSON.stringify(text))) break;
    }
    const got = this.#pending.subarray(0, want.length);
    this.#pending = this.#pending.slice(got.length);
    assert.equal(decoder.decode(got), text);
    assert.deepEqual(got, want);
  }

  /** Reads until the peer closes; returns every byte not yet expected. */
  async readToEnd(timeoutMs = 5000): Promise<Uint8Array> {
    const deadline = Date.now() + timeoutMs;
    while (await this.#readMore(deadline, "end of stream")) {
      // Accumulating in #pending.
    }
    const rest = this.#pending;
    this.#pending = new Uint8Array(0);
    return rest;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#conn.close();
    } catch {
      // Already closed by the runtime.
    }
  }
}

Deno.test("tcp_client sends a line to tcp_server and both print the handout's messages", async () => {
  const server = await buildPeer("tcp_server");
  const client = await buildPeer("tcp_client");
  const port = freePort("tcp");
  await using peer = startPeer(server, [String(port)]);
  await peer.waitForPort(port);
  const result = await runPeer(client, ["127.0.0.1", String(port)], {
    stdin: "hello\n",
  });
  assert.equal(result.stderr, "");
  assert.equal(result.code, 0);
  assert.equal(
    result.stdout,
    "Entrez le message à envoyer : J'ai reçu votre message\n",
  );
  assert.equal(
    await peer.stdout(),
    "Voici le message que j'ai reçu : hello\n\n",
  );
  assert.equal((await peer.status).code, 0);
});

Deno.test("tcp_server replies with exactly 24 bytes: its UTF-8 message without the final newline", async () => {
  const server = await buildPeer("tcp_server");
  const port = freePort("tcp");
  await using peer = startPeer(server, [String(port)]);
  await peer.waitForPort(port);
  const wire = await Wire.connect(port);
  try {
    await wire.send("hello\n");
    const reply = await wire.readToEnd();
    assert.equal(reply.length, 24);
    assert.deepEqual(
      reply,
      encoder.encode("J'ai reçu votre message\n").subarray(0, 24),
    );
    assert.equal(decoder.decode(reply), "J'ai reçu votre message");
  } finally {
    wire.close();
  }
  assert.equal(
    await peer.stdout(),
    "Voici le message que j'ai reçu : hello\n\n",
  );
});

Deno.test("udp_talker's datagram is reported by udp_listener in exactly three lines", async () => {
  const listener = await buildPeer("udp_listener");
  const talker = await buildPeer("udp_talker");
  const port = freePort("udp");
  await using peer = startPeer(listener, [String(port)]);
  await peer.waitForUdpBound(port);
  const result = await runPeer(talker, ["127.0.0.1", "hello", String(port)]);
  assert.equal(result.code, 0);
  assert.equal(result.stdout, "sent 5 bytes to 127.0.0.1\n");
  assert.equal(
    await peer.stdout(),
    'got packet from 127.0.0.1\npacket is 5 bytes long\npacket contains "hello"\n',
  );
  assert.equal((await peer.status).code, 0);
});

Deno.test("udp_talker prints the handout's usage line when the message is missing", async () => {
  const talker = await buildPeer("udp_talker");
  const result = await runPeer(talker, ["127.0.0.1"]);
  assert.equal(result.code, 1);
  assert.equal(result.stdout, "");
  assert.equal(result.stderr, "usage: talker hostname message\n");
});

Deno.test("age_client answering ali, 1983, q prints exactly the handout transcript from age_server", async () => {
  const server = await buildPeer("age_server");
  const client = await buildPeer("age_client");
  const port = freePort("tcp");
  await using _peer = startPeer(server, [String(port), "2005"]);
  await _peer.waitForPort(port);
  const result = await runPeer(client, ["127.0.0.1", String(port)], {
    stdin: "ali\n1983\nq\n",
  });
  assert.equal(result.stderr, "");
  assert.equal(result.code, 0);
  assert.equal(result.stdout, TRANSCRIPT);
});

const CUT_MODES: [string, string][] = [
  ["split", "writes every message in two parts 50 ms apart"],
  ["bytes", "writes one byte at a time"],
  ["merged", "sends the end of one message together with the next prompt"],
];

for (const [mode, description] of CUT_MODES) {
  Deno.test(`age_client prints the same transcript when the server ${description} (${mode})`, async () => {
    const server = await buildPeer("age_server_cut");
    const client = await buildPeer("age_client");
    const port = freePort("tcp");
    await using peer = startPeer(server, [String(port), mode, "2005"]);
    await peer.waitForPort(port);
    const result = await runPeer(client, ["127.0.0.1", String(port)], {
      stdin: "ali\n1983\nq\n",
    });
    assert.equal(result.stderr, "");
    assert.equal(result.code, 0);
    assert.equal(result.stdout, TRANSCRIPT);
    assert.equal((await peer.status).code, 0);
  });
}

Deno.test("age_server re-asks the birth year after a non-integer answer and the quit prompt until q", async () => {
  const server = await buildPeer("age_server");
  const client = await buildPeer("age_client");
  const port = freePort("tcp");
  await using _peer = startPeer(server, [String(port)]);
  await _peer.waitForPort(port);
  const result = await runPeer(client, ["127.0.0.1", String(port)], {
    stdin: "ali\n  abc \n1983\nno\nq\n",
  });
  assert.equal(result.code, 0);
  assert.equal(
    result.stdout,
    "Veuillez entrer votre nom: " +
      "Bonjour, ali\nVeuillez entrer votre année de naissance: " +
      "« abc » n'est pas une année.\nVeuillez entrer votre année de naissance: " +
      "Votre âge approximatif est 22.\nTapez q pour quitter: " +
      "Tapez q pour quitter: ",
  );
});

Deno.test("age_server reads CRLF lines, lines cut into pieces and several lines in one segment", async () => {
  const server = await buildPeer("age_server");
  const port = freePort("tcp");
  await using _peer = startPeer(server, [String(port), "2005"]);
  await _peer.waitForPort(port);
  const wire = await Wire.connect(port);
  try {
    await wire.expect("Veuillez entrer votre nom: ");
    await wire.send("al");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await wire.send("i\r");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await wire.send("\n");
    await wire.expect(
      "Bonjour, ali\nVeuillez entrer votre année de naissance: ",
    );
    await wire.send(" 1983 \r\nq\r\n");
    await wire.expect("Votre âge approximatif est 22.\nTapez q pour quitter: ");
    assert.deepEqual(await wire.readToEnd(), new Uint8Array(0));
  } finally {
    wire.close();
  }
});

Deno.test("age_server serves 20 concurrent clients, each getting its own age", async () => {
  const server = await buildPeer("age_server");
  const port = freePort("tcp");
  const clients = 20;
  await using _peer = startPeer(server, [String(port), "2024"]);
  await _peer.waitForPort(port);
  const wires: Wire[] = [];
  try {
    for (let i = 0; i < clients; i++) wires.push(await Wire.connect(port));
    // Every client is greeted before any of them answers: they are served
    // at the same time, not one after the other.
    await Promise.all(
      wires.map((wire) => wire.expect("Veuillez entrer votre nom: ")),
    );
    await Promise.all(wires.map(async (wire, i) => {
      const name = `client${String(i + 1).padStart(2, "0")}`;
      const year = 1960 + i;
      await wire.send(`${name}\n`);
      await wire.expect(
        `Bonjour, ${name}\nVeuillez entrer votre année de naissance: `,
      );
      await wire.send(`${year}\n`);
      await wire.expect(
        `Votre âge approximatif est ${2024 - year}.\nTapez q pour quitter: `,
      );
      await wire.send("q\n");
      assert.deepEqual(await wire.readToEnd(), new Uint8Array(0));
    }));
  } finally {
    for (const wire of wires) wire.close();
  }
});

Deno.test("the benchmarks' peers: line_echo writes back what it reads; udp_count counts what udp_flood sends", async () => {
  const port = freePort("tcp");
  await using echo = startPeer(await buildPeer("line_echo"), [String(port)]);
  await echo.waitForPort(port);
  const w = await Wire.connect(port);
  await w.send("ping\n");
  await w.expect("ping\n");
  await w.send("a\nb\n");
  await w.expect("a\nb\n");
  w.close();
  assert.equal((await echo.status).code, 0);

  const udp = freePort("udp");
  await using counter = startPeer(await buildPeer("udp_count"), [String(udp)]);
  await counter.waitForUdpBound(udp);
  const flood = await runPeer(await buildPeer("udp_flood"), [
    String(udp),
    "100",
  ]);
  assert.equal(flood.code, 0);
  assert.match(flood.stdout, /^100 \d+\.\d+\n$/);
  assert.equal((await counter.stdout()).trim(), "ready\n100");
});
