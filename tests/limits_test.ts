/**
 * The bounds on descriptors and memory (README "Descriptors and memory"):
 * each bites with a clear error or note, and the shell goes on.
 */
import assert from "node:assert/strict";
import { freePort, runPeer } from "./_peers.ts";
import { SHELL_FLAGS, startSockshell } from "./_shell.ts";
import { converse, Wire } from "./_wire.ts";
import { rssKiB } from "./_net.ts";

Deno.test("listen reports EMFILE at the process's descriptor limit; the shell goes on and a close frees a slot", async () => {
  // A shell in a process of its own whose limit is lowered (prlimit, util-linux): this one's
  // descriptors are shared with the tests running beside it.
  const out = await runPeer("prlimit", [
    "--nofile=64",
    Deno.execPath(),
    "run",
    "--quiet",
    ...SHELL_FLAGS,
    new URL("./_emfile_child.ts", import.meta.url).pathname,
  ], { timeoutMs: 30000 });
  assert.equal(out.code, 0, out.stderr);
  const seen = JSON.parse(out.stdout);
  assert.match(
    seen.first,
    new RegExp(
      `^listen\\(${seen.fd}, \\d+\\) = -1 EMFILE \\(Too many open files\\)\\n$`,
    ),
  );
  // The shell went on, nothing changed, and the next attempt fails the same way.
  assert.equal(seen.again, seen.first);
  assert.equal(seen.lsAfter, seen.lsBefore);
  assert.match(seen.lsBefore, new RegExp(`\\n\\*? *${seen.fd} +tcp +NEW `));
  // Closing one listener frees a slot for this one.
  assert.match(seen.freed, new RegExp(`^listen\\(${seen.fd}, \\d+\\) = 0 `));
});

Deno.test("a connection nobody reads leaves the peer's data in the kernel: the sender stalls, the shell's memory stays bounded", async () => {
  const port = freePort("tcp");
  // Accept one client, then wait for a second that never comes: the first is never read.
  await using server = startSockshell([
    "-q",
    "-c",
    `socket tcp; bind 127.0.0.1 ${port}; listen; accept; accept @3`,
  ]);
  await server.waitForPort(port);
  const before = await rssKiB(server.process.pid);
  using client = await Wire.connect(port);
  const chunk = new Uint8Array(1 << 20).fill(120);
  let sent = 0;
  // Up to 1 GB; the kernel's buffers fill long before, and a write then waits.
  for (let i = 0; i < 1024; i++) {
    const wrote = await Promise.race([
      client.send(chunk).then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 500)),
    ]);
    if (!wrote) break;
    sent += chunk.length;
  }
  assert.ok(sent < 256 << 20, `${sent} bytes went into a socket nobody reads`);
  const grown = (await rssKiB(server.process.pid)) - before;
  assert.ok(grown < 32 * 1024, `the shell grew by ${grown} KiB`);
});

Deno.test("a name of 1 MB sent to the age server leaves its other clients served and its memory bounded", async () => {
  const port = freePort("tcp");
  await using server = startSockshell([
    "run",
    "age-server",
    String(port),
    "2005",
  ]);
  await server.waitForPort(port);
  const before = await rssKiB(server.process.pid);
  using big = await Wire.connect(port);
  await big.until("nom: ");
  // 1 MB of name, no newline yet: the server reads at most 64 KiB a line.
  const sending = big.send(new Uint8Array(1 << 20).fill(65));
  for (let i = 0; i < 3; i++) {
    assert.equal(
      await converse(port, ["ali\n", "1983\n", "q\n"], 15000),
      "Veuillez entrer votre nom: Bonjour, ali\n" +
        "Veuillez entrer votre année de naissance: " +
        "Votre âge approximatif est 22.\nTapez q pour quitter: ",
    );
  }
  await sending;
  big.close();
  const grown = (await rssKiB(server.process.pid)) - before;
  assert.ok(grown < 64 * 1024, `the server grew by ${grown} KiB`);
});
