/**
 * The replays of the handout's section 3.1 (`run tcp-server`, `run tcp-client`)
 * against the handout's C programs built with gcc, and against each other:
 * each side prints what the C program prints and puts the same bytes on the wire.
 */
import assert from "node:assert/strict";
import {
  buildPeer,
  freePort,
  type PeerResult,
  runPeer,
  startPeer,
} from "./_peers.ts";
import { sockshell, startSockshell, TestShell } from "./_shell.ts";
import { REPLY, waitListening, Wire } from "./_wire.ts";

const encoder = new TextEncoder();

/** What the two sides of one TCP session printed. */
interface Session {
  server: PeerResult;
  client: PeerResult;
}

type Side = "c" | "sockshell";

/** One session of the exercise: a server on a fresh port, a client typing `message`. */
async function session(
  server: Side,
  client: Side,
  message: string,
): Promise<Session> {
  const port = String(freePort("tcp"));
  await using srv = server === "c"
    ? startPeer(await buildPeer("tcp_server"), [port])
    : startSockshell(["run", "tcp-server", port]);
  await srv.waitForPort(Number(port));
  const c = client === "c"
    ? await runPeer(await buildPeer("tcp_client"), ["localhost", port], {
      stdin: message,
    })
    : await sockshell(["run", "tcp-client", "localhost", port], {
      stdin: message,
    });
  const status = await srv.status;
  return {
    server: {
      code: status.code,
      stdout: await srv.stdout(),
      stderr: await srv.stderr(),
    },
    client: c,
  };
}

function assertHandout(s: Session, message: string): void {
  assert.equal(s.client.code, 0, s.client.stderr);
  assert.equal(s.server.code, 0, s.server.stderr);
  assert.equal(s.client.stdout, `Entrez le message à envoyer : ${REPLY}\n`);
  assert.equal(
    s.server.stdout,
    `Voici le message que j'ai reçu : ${message}\n`,
  );
  assert.equal(s.client.stderr, "");
  assert.equal(s.server.stderr, "");
}

Deno.test("tcp-server serves the handout's C client, and both print the handout's lines", async () => {
  const s = await session("sockshell", "c", "hello\n");
  assertHandout(s, "hello\n");
  assert.equal(
    s.server.stdout,
    "Voici le message que j'ai reçu : hello\n\n",
  );
});

Deno.test("tcp-client talks to the handout's C server, and both print the handout's lines", async () => {
  const s = await session("c", "sockshell", "hello\n");
  assertHandout(s, "hello\n");
  assert.equal(
    s.client.stdout,
    "Entrez le message à envoyer : J'ai reçu votre message\n",
  );
});

Deno.test("tcp-client talks to tcp-server: sockshell with itself prints the same as the C pair", async () => {
  const s = await session("sockshell", "sockshell", "hello\n");
  assertHandout(s, "hello\n");
});

Deno.test("each replay is interchangeable with its C program: every pairing prints what the C pair prints", async () => {
  // Spaces, quotes, $, % and backslashes must reach the other side as typed.
  const message = 'un $1 "deux" 50% \\n ${x:-y} ç\n';
  const reference = await session("c", "c", message);
  assertHandout(reference, message);
  for (
    const [server, client] of [
      ["sockshell", "c"],
      ["c", "sockshell"],
      ["sockshell", "sockshell"],
    ] as const
  ) {
    const s = await session(server, client, message);
    assert.deepEqual(
      { server: s.server.stdout, client: s.client.stdout },
      { server: reference.server.stdout, client: reference.client.stdout },
      `${server} server with ${client} client`,
    );
  }
});

/** Everything a server sends back to a raw client that sent "hello\n". */
async function replyBytes(server: Side): Promise<Uint8Array> {
  const port = freePort("tcp");
  await using srv = server === "c"
    ? startPeer(await buildPeer("tcp_server"), [String(port)])
    : startSockshell(["run", "tcp-server", String(port)]);
  await srv.waitForPort(port);
  using wire = await Wire.connect(port);
  await wire.send("hello\n");
  const bytes = await wire.rest();
  assert.equal((await srv.status).code, 0);
  return bytes;
}

Deno.test("tcp-server puts exactly the C server's 24 bytes on the wire: the newline is cut", async () => {
  const ours = await replyBytes("sockshell");
  const theirs = await replyBytes("c");
  assert.equal(ours.length, 24);
  assert.deepEqual(ours, encoder.encode(REPLY));
  assert.deepEqual(ours, theirs);
});

Deno.test("tcp-server without a port prints the handout's message and exits 1, as the C server does", async () => {
  const ours = await sockshell(["run", "tcp-server"]);
  const theirs = await runPeer(await buildPeer("tcp_server"), []);
  assert.deepEqual(ours, {
    code: 1,
    stdout: "",
    stderr: "Erreur, Spécifiez le Port\n",
  });
  assert.deepEqual(ours, theirs);
});

Deno.test("tcp-client without arguments prints the handout's message with its name and exits 0, as the C client does", async () => {
  const bin = await buildPeer("tcp_client");
  const ours = await sockshell(["run", "tcp-client"]);
  const theirs = await runPeer(bin, []);
  assert.deepEqual(ours, {
    code: 0,
    stdout: "",
    stderr: "Spécifiez les arguments SVP tcp-client nom_hôte No_Port\n",
  });
  assert.equal(theirs.code, ours.code);
  assert.equal(theirs.stderr.replace(bin, "tcp-client"), ours.stderr);
  // One argument is still too few.
  assert.deepEqual(await sockshell(["run", "tcp-client", "localhost"]), ours);
});

Deno.test("tcp-server runs at the prompt as run tcp-server PORT and serves the C client", async () => {
  using sh = new TestShell();
  const port = freePort("tcp");
  const run = sh.run(`run tcp-server ${port}`);
  try {
    await waitListening(port);
    const client = await runPeer(
      await buildPeer("tcp_client"),
      ["127.0.0.1", String(port)],
      { stdin: "salut\n" },
    );
    assert.equal(client.stdout, `Entrez le message à envoyer : ${REPLY}\n`);
    assert.equal((await run).code, 0);
    assert.deepEqual(sh.take(), {
      stdout: "Voici le message que j'ai reçu : salut\n\n",
      stderr: "",
    });
    // The replay closed what it opened; the shell goes on.
    assert.equal(sh.shell.table.list().length, 0);
    assert.equal(sh.shell.exitCode, undefined);
  } finally {
    sh.shell.close();
    await run.catch(() => {});
  }
});

Deno.test("tcp-client runs at the prompt as run tcp-client HOST PORT and reads the user's line", async () => {
  const bin = await buildPeer("tcp_server");
  const port = freePort("tcp");
  await using server = startPeer(bin, [String(port)]);
  await server.waitForPort(port);
  using sh = new TestShell();
  const typed = ["bonjour"];
  sh.shell.input = {
    readLine: (prompt) => {
      sh.shell.io.out(prompt);
      return Promise.resolve(typed.shift() ?? null);
    },
  };
  const r = await sh.run(`run tcp-client localhost ${port}`);
  assert.deepEqual(sh.take(), {
    stdout: `Entrez le message à envoyer : ${REPLY}\n`,
    stderr: "",
  });
  assert.equal(r.code, 0);
  assert.equal(
    await server.stdout(),
    "Voici le message que j'ai reçu : bonjour\n\n",
  );
});
