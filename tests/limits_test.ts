/**
 * The bounds on descriptors and memory (README "Descriptors and memory"):
 * each bites with a clear error or note, and the shell goes on.
 */
import assert from "node:assert/strict";
import { freePort } from "./_peers.ts";
import { startSockshell } from "./_shell.ts";
import { failsUnchanged } from "./_net.ts";
import { TestShell } from "./_shell.ts";
import { converse, Wire } from "./_wire.ts";

const decoder = new TextDecoder();

/** Set this process's soft and hard RLIMIT_NOFILE (prlimit, util-linux); the old "soft:hard". */
async function setNofile(limit: string): Promise<string> {
  const out = await new Deno.Command("prlimit", {
    args: [
      `--pid=${Deno.pid}`,
      "--nofile",
      "--raw",
      "--noheadings",
      "-o",
      "SOFT,HARD",
    ],
    stdout: "piped",
  }).output();
  const [soft, hard] = decoder.decode(out.stdout).trim().split(/\s+/);
  const set = await new Deno.Command("prlimit", {
    args: [`--pid=${Deno.pid}`, `--nofile=${limit}`],
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).output();
  assert.ok(set.success, `prlimit --nofile=${limit} failed`);
  return `${soft}:${hard}`;
}

/** A process's resident memory in KiB. */
async function rssKiB(pid: number): Promise<number> {
  const out = await new Deno.Command("ps", {
    args: ["-o", "rss=", "-p", String(pid)],
    stdout: "piped",
  }).output();
  return Number(decoder.decode(out.stdout).trim());
}

Deno.test("listen reports EMFILE at the process's descriptor limit; the shell goes on and a close frees a slot", async () => {
  using sh = new TestShell();
  // Room for five more descriptors: the kernel gives the lowest free numbers, and the limit
  // is on numbers (those open above it stay open). The soft limit only, so it can be raised back.
  const open = new Set(
    [...Deno.readDirSync("/proc/self/fd")].map((e) => Number(e.name)),
  );
  let limit = 0;
  for (let free = 0; free < 5; limit++) if (!open.has(limit)) free++;
  const old = await setNofile(`${limit}:`);
  try {
    let fd = 0;
    let err = "";
    for (let i = 0; i < 40 && !err; i++) {
      fd = Number(/= (\d+)/.exec(await sh.ok("socket tcp"))![1]);
      const r = await sh.run("listen");
      const out = sh.take();
      if (r.code !== 0) err = out.stderr;
    }
    assert.match(
      err,
      new RegExp(
        `^listen\\(${fd}, \\d+\\) = -1 EMFILE \\(Too many open files\\)`,
      ),
    );
    assert.equal(err.trimEnd().split("\n").length, 1);
    // Nothing changed: the socket is still NEW, and the next attempt fails the same way.
    await failsUnchanged(sh, "listen", "EMFILE");
    // Closing one listener frees a slot for this one.
    await sh.ok("close 3");
    assert.match(await sh.ok(`listen @${fd}`), / = 0 /);
  } finally {
    // Free the slots first: raising the limit back takes a process, and a process takes descriptors.
    sh.shell.close();
    await setNofile(old);
  }
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
