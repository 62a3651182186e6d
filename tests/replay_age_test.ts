/**
 * The replays of the handout's section 3.3 (`run age-server`, `run age-client`)
 * against C peers built with gcc, against a server that cuts its messages in
 * every way, against raw clients, and with 200 clients at once.
 */
import assert from "node:assert/strict";
import {
  buildPeer,
  freePort,
  resetClients,
  type RunningPeer,
  runPeer,
  startPeer,
} from "./_peers.ts";
import { sockshell, startSockshell } from "./_shell.ts";
import { ageCrowd, converse, TRANSCRIPT, Wire } from "./_wire.ts";

const ANSWERS = "ali\n1983\nq\n";

/** sockshell's age server on a fresh port, listening. */
async function ageServer(...year: string[]): Promise<[RunningPeer, number]> {
  const port = freePort("tcp");
  const server = startSockshell(["run", "age-server", String(port), ...year]);
  await server.waitForPort(port);
  return [server, port];
}

/** The C age server on a fresh port, listening. */
async function cAgeServer(year = "2005"): Promise<[RunningPeer, number]> {
  const port = freePort("tcp");
  const server = startPeer(await buildPeer("age_server"), [
    String(port),
    year,
  ]);
  await server.waitForPort(port);
  return [server, port];
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A new client of the server (year 2005) holds the whole dialogue. */
async function servesNewClient(port: number): Promise<void> {
  assert.equal(
    await converse(port, ["zoé\n", "1995\n", "q\n"]),
    "Veuillez entrer votre nom: Bonjour, zoé\n" +
      "Veuillez entrer votre année de naissance: " +
      "Votre âge approximatif est 10.\nTapez q pour quitter: ",
  );
}

/** A server that is still serving must not have printed anything or exited. */
async function assertStillServing(server: RunningPeer): Promise<void> {
  const state = await Promise.race([
    server.status.then(() => "exited"),
    new Promise((resolve) => setTimeout(() => resolve("running"), 0)),
  ]);
  assert.equal(state, "running");
}

Deno.test("run age-server PORT 2005 with the handout's answers gives the C client exactly the handout's transcript", async () => {
  const [server, port] = await ageServer("2005");
  await using _server = server;
  const client = await runPeer(
    await buildPeer("age_client"),
    ["127.0.0.1", String(port)],
    { stdin: ANSWERS },
  );
  assert.equal(client.code, 0, client.stderr);
  assert.equal(client.stdout, TRANSCRIPT);
  await assertStillServing(server);
});

Deno.test("age-client with the handout's answers prints exactly the transcript from the C age server", async () => {
  const [server, port] = await cAgeServer();
  await using _server = server;
  const client = await sockshell(
    ["run", "age-client", "127.0.0.1", `${port}`],
    {
      stdin: ANSWERS,
    },
  );
  assert.deepEqual(client, { code: 0, stdout: TRANSCRIPT, stderr: "" });
});

Deno.test("age-client and age-server hold the handout's dialogue with each other", async () => {
  const [server, port] = await ageServer("2005");
  await using _server = server;
  const client = await sockshell(
    ["run", "age-client", "localhost", `${port}`],
    {
      stdin: ANSWERS,
    },
  );
  assert.deepEqual(client, { code: 0, stdout: TRANSCRIPT, stderr: "" });
});

for (
  const [mode, how] of [
    ["split", "cuts every prompt in two reads, inside a UTF-8 character"],
    ["bytes", "sends one byte at a time"],
    ["merged", "sends the end of one message with the whole next prompt"],
  ]
) {
  Deno.test(`age-client answers each prompt when the server ${how} (${mode})`, async () => {
    const port = freePort("tcp");
    await using server = startPeer(await buildPeer("age_server_cut"), [
      String(port),
      mode!,
    ]);
    await server.waitForPort(port);
    const client = await sockshell(
      ["run", "age-client", "127.0.0.1", `${port}`],
      { stdin: ANSWERS, timeoutMs: 15000 },
    );
    assert.deepEqual(client, { code: 0, stdout: TRANSCRIPT, stderr: "" });
    assert.equal((await server.status).code, 0, await server.stderr());
  });
}

Deno.test("age-server sends the same bytes as the C age server for the same answers", async () => {
  const answers = [
    "ali\r\n", // a Windows client's line ending
    "abc\n", // not a year
    "\n", // nothing
    "1983\r\n",
    "non\n", // not q: asked again
    "q\r\n",
  ];
  const [cServer, cPort] = await cAgeServer();
  await using _c = cServer;
  const [server, port] = await ageServer("2005");
  await using _s = server;
  const theirs = await converse(cPort, answers);
  const ours = await converse(port, answers);
  assert.equal(ours, theirs);
  assert.equal(
    ours,
    "Veuillez entrer votre nom: Bonjour, ali\n" +
      "Veuillez entrer votre année de naissance: " +
      "« abc » n'est pas une année.\n" +
      "Veuillez entrer votre année de naissance: " +
      "«  » n'est pas une année.\n" +
      "Veuillez entrer votre année de naissance: " +
      "Votre âge approximatif est 22.\nTapez q pour quitter: " +
      "Tapez q pour quitter: ",
  );
});

Deno.test("age-server reads lines ending in \\r\\n: the name comes back without the \\r", async () => {
  const [server, port] = await ageServer("2005");
  await using _server = server;
  const text = await converse(port, ["ali\r\n", "1983\r\n", "q\r\n"]);
  assert.equal(text, TRANSCRIPT);
});

Deno.test("age-server answers a year that is not a number with a clear message and asks again", async () => {
  const [server, port] = await ageServer("2005");
  await using _server = server;
  using wire = await Wire.connect(port);
  assert.equal(await wire.until(": "), "Veuillez entrer votre nom: ");
  await wire.send("ali\n");
  assert.equal(
    await wire.until(": "),
    "Bonjour, ali\nVeuillez entrer votre année de naissance: ",
  );
  await wire.send("abc\n");
  assert.equal(
    await wire.until(": "),
    "« abc » n'est pas une année.\nVeuillez entrer votre année de naissance: ",
  );
  await wire.send("dix-neuf cent\n");
  assert.equal(
    await wire.until(": "),
    "« dix-neuf cent » n'est pas une année.\n" +
      "Veuillez entrer votre année de naissance: ",
  );
  await wire.send("1983\n");
  assert.equal(
    await wire.until(": "),
    "Votre âge approximatif est 22.\nTapez q pour quitter: ",
  );
  await wire.send("q\n");
  assert.equal((await wire.rest()).length, 0);
  assert.ok(wire.eof);
});

Deno.test("age-server reads a line however the client's bytes are cut", async () => {
  const [server, port] = await ageServer("2005");
  await using _server = server;
  using wire = await Wire.connect(port);
  await wire.until("nom: ");
  // A name in three pieces, the last one carrying the next answer too.
  for (const piece of ["a", "l", "i\n1983\n"]) {
    await wire.send(piece);
    await pause(20);
  }
  assert.equal(
    await wire.until("quitter: "),
    "Bonjour, ali\nVeuillez entrer votre année de naissance: " +
      "Votre âge approximatif est 22.\nTapez q pour quitter: ",
  );
  await wire.send("q\n");
  await wire.rest();
  assert.ok(wire.eof);
});

Deno.test("age-server keeps serving others when a client leaves in the middle of the dialogue", async () => {
  const [server, port] = await ageServer("2005");
  await using _server = server;
  // A client in the middle of its own dialogue while the others come and go.
  using staying = await Wire.connect(port);
  assert.equal(await staying.until(": "), "Veuillez entrer votre nom: ");
  await staying.send("ali\n");
  {
    // Leaves at the year question.
    using gone = await Wire.connect(port);
    await gone.until("nom: ");
    await gone.send("bob\n");
    await gone.until("naissance: ");
  }
  {
    // Leaves before reading anything.
    using _gone = await Wire.connect(port);
  }
  {
    // Leaves at the last question.
    using gone = await Wire.connect(port);
    await gone.until("nom: ");
    await gone.send("eve\n1990\n");
    await gone.until("quitter: ");
  }
  assert.equal(
    await staying.until(": "),
    "Bonjour, ali\nVeuillez entrer votre année de naissance: ",
  );
  await staying.send("1983\n");
  assert.equal(
    await staying.until(": "),
    "Votre âge approximatif est 22.\nTapez q pour quitter: ",
  );
  await staying.send("q\n");
  await staying.rest();
  // And a new client after them all.
  await servesNewClient(port);
  await assertStillServing(server);
});

Deno.test("age-server keeps serving after clients that reset before it accepts them, as a port scanner's connect scan does", async () => {
  const [server, port] = await ageServer("2005");
  await using _server = server;
  // Twenty clients that connect and close at once with SO_LINGER {1, 0}: each sends RST, most
  // before the server's accept takes it. Deno's accept failed on those with ENOTCONN, which
  // stopped the script; Linux's accept returns them, and the child's recv fails.
  await resetClients(port, 20);
  await servesNewClient(port);
  await assertStillServing(server);
});

Deno.test("age-server without a year counts ages from the current year", async () => {
  const [server, port] = await ageServer();
  await using _server = server;
  const text = await converse(port, ["ali\n", "2000\n", "q\n"]);
  const age = new Date().getFullYear() - 2000;
  assert.match(text, new RegExp(`Votre âge approximatif est ${age}\\.\n`));
});

Deno.test("age-server without a port prints the handout's message and exits 1", async () => {
  assert.deepEqual(await sockshell(["run", "age-server"]), {
    code: 1,
    stdout: "",
    stderr: "Erreur, Spécifiez le Port\n",
  });
  assert.deepEqual(await sockshell(["run", "age-client", "localhost"]), {
    code: 1,
    stdout: "",
    stderr: "Spécifiez les arguments SVP age-client nom_hôte No_Port\n",
  });
});

Deno.test("age-server holds 200 dialogues at once, each client getting its own age", async () => {
  const CLIENTS = 200;
  const [server, port] = await ageServer("2005");
  await using _server = server;
  const wires: Wire[] = [];
  const started = performance.now();
  const deadline = setTimeout(() => wires.forEach((w) => w.close()), 60000);
  try {
    // Every client connects and is greeted before any of them answers:
    // a server that served one client at a time could never get past this.
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const wire = await Wire.connect(port);
        wires[i] = wire;
        assert.equal(
          await wire.until(": ", 30000),
          "Veuillez entrer votre nom: ",
        );
      }),
    );
    await Promise.all(wires.map(async (wire, i) => {
      const name = `élève-${i}`;
      const birth = 1800 + i; // every client its own age, 205 - i
      await wire.send(`${name}\n`);
      assert.equal(
        await wire.until(": ", 30000),
        `Bonjour, ${name}\nVeuillez entrer votre année de naissance: `,
      );
      await wire.send(`${birth}\n`);
      assert.equal(
        await wire.until(": ", 30000),
        `Votre âge approximatif est ${2005 - birth}.\nTapez q pour quitter: `,
      );
      await wire.send("q\n");
      assert.equal((await wire.rest(30000)).length, 0);
    }));
    const ms = performance.now() - started;
    console.log(
      `age-server: ${CLIENTS} concurrent dialogues in ${ms.toFixed(0)} ms`,
    );
    assert.ok(ms < 60000, `took ${ms} ms`);
    await assertStillServing(server);
  } finally {
    clearTimeout(deadline);
    wires.forEach((w) => w.close());
  }
  server.kill();
  assert.equal(await server.stderr(), "");
});

Deno.test("age-server greets 2,000 clients at once and gives each its own age: none is left in an overflowing accept queue", async () => {
  const CLIENTS = 2000;
  const [server, port] = await ageServer("2005");
  await using _server = server;
  const got = await ageCrowd(port, CLIENTS, 2005, 60000);
  console.log(
    `age-server: ${CLIENTS} concurrent dialogues in ${got.ms.toFixed(0)} ms`,
  );
  assert.deepEqual(got.failures, []);
  assert.deepEqual([got.greeted, got.correct], [CLIENTS, CLIENTS]);
  await assertStillServing(server);
  server.kill();
  assert.equal(await server.stderr(), "");
});
