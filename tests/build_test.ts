/**
 * The shipped artefacts, tested as a lab machine and a student's laptop
 * would run them: `dist/sockshell` copied alone into an empty directory and
 * run with an empty environment (`env -i`), and `npm pack` of `dist/npm/`
 * installed into an empty folder and run with `npx sockshell` on plain Node.
 * Each plays the handout's TCP and UDP exercises against the C peers.
 *
 * `deno task build --if-stale` runs first (a clean clone builds; an
 * unchanged tree reuses `dist/`).
 */

import assert from "node:assert/strict";
import { VERSION } from "../lib/ui/cli.ts";
import type { BuildRecord } from "../scripts/build.ts";
import { ROOT } from "../scripts/_common.ts";
import {
  buildPeer,
  freePort,
  type PeerResult,
  type RunningPeer,
  runPeer,
  startPeer,
} from "./_peers.ts";
import { sockshellArgs } from "./_shell.ts";

const decoder = new TextDecoder();

/** Every directory these tests make, removed when they end: the binary is 87 MB. */
const TMP = Deno.makeTempDirSync({ prefix: "sockshell-build-test-" });
globalThis.addEventListener("unload", () => {
  Deno.removeSync(TMP, { recursive: true });
});

/** `deno task build --if-stale`, once for every test here. */
let built: Promise<BuildRecord> | undefined;
function build(): Promise<BuildRecord> {
  built ??= (async () => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["task", "--quiet", "build", "--if-stale"],
      cwd: ROOT,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(
      out.success,
      `deno task build failed:\n${decoder.decode(out.stdout)}${
        decoder.decode(out.stderr)
      }`,
    );
    return JSON.parse(await Deno.readTextFile(`${ROOT}/dist/BUILD.json`));
  })();
  return built;
}

/** One way sockshell reaches a user, and how to run it there. */
interface Way {
  /** Said in test names. */
  name: string;
  /** The backend `--version` names. */
  backend(): Promise<string>;
  /** The program and arguments that run `sockshell ARGS...` this way. */
  command(args: string[]): Promise<[string, string[]]>;
}

let labDir: Promise<string> | undefined;

/** The binary, copied alone into an empty directory, run by `env -i`. */
const binary: Way = {
  name: "the binary alone with env -i",
  async backend() {
    return (await build()).way === "deno compile" ? "deno" : "node";
  },
  async command(args) {
    labDir ??= (async () => {
      await build();
      const dir = await Deno.makeTempDir({ dir: TMP, prefix: "lab-" });
      await Deno.copyFile(`${ROOT}/dist/sockshell`, `${dir}/sockshell`);
      return dir;
    })();
    const dir = await labDir;
    return ["env", ["-i", "-C", dir, "./sockshell", ...args]];
  },
};

let npmDir: Promise<{ dir: string; path: string; home: string }> | undefined;

/** `npm pack` of dist/npm, installed into an empty folder, run by `npx` with Node only. */
const npmPackage: Way = {
  name: "the npm package with npx",
  backend: () => Promise.resolve("node"),
  async command(args) {
    npmDir ??= (async () => {
      await build();
      const node = (await runPeer("node", ["-p", "process.execPath"])).stdout
        .trim();
      const home = await Deno.makeTempDir({ dir: TMP, prefix: "home-" });
      const dir = await Deno.makeTempDir({ dir: TMP, prefix: "npm-" });
      // Only node's own directory and the system's: no Deno, no repository tools.
      const path = `${node.replace(/\/[^/]*$/, "")}:/usr/bin:/bin`;
      const vars = [`PATH=${path}`, `HOME=${home}`];
      const pack = await runPeer("env", [
        "-i",
        ...vars,
        "npm",
        "pack",
        "--silent",
        "--pack-destination",
        home,
        `${ROOT}/dist/npm`,
      ], { timeoutMs: 60000 });
      assert.equal(pack.code, 0, `npm pack failed: ${pack.stderr}`);
      const tarball = `${home}/${pack.stdout.trim().split("\n").at(-1)}`;
      const install = await runPeer("env", [
        "-i",
        "-C",
        dir,
        ...vars,
        "npm",
        "install",
        "--offline",
        "--no-audit",
        "--no-fund",
        tarball,
      ], { timeoutMs: 60000 });
      assert.equal(install.code, 0, `npm install failed: ${install.stderr}`);
      return { dir, path, home };
    })();
    const { dir, path, home } = await npmDir;
    return ["env", [
      "-i",
      "-C",
      dir,
      `PATH=${path}`,
      `HOME=${home}`,
      "npx",
      "--offline",
      "sockshell",
      ...args,
    ]];
  },
};

async function sockshell(
  way: Way,
  args: string[],
  stdin?: string,
): Promise<PeerResult> {
  const [cmd, cmdArgs] = await way.command(args);
  return await runPeer(cmd, cmdArgs, { stdin, timeoutMs: 20000 });
}

async function startSockshell(
  way: Way,
  args: string[],
): Promise<RunningPeer> {
  const [cmd, cmdArgs] = await way.command(args);
  return startPeer(cmd, cmdArgs);
}

function expectOk(r: PeerResult, what: string): void {
  assert.equal(r.code, 0, `${what} failed (${r.code}): ${r.stderr}`);
}

Deno.test("deno task build writes the binary and an npm package with a sockshell bin and no dependencies", async () => {
  const record = await build();
  assert.ok(["deno compile", "node sea"].includes(record.way));
  const bin = await Deno.stat(`${ROOT}/dist/sockshell`);
  assert.ok(bin.isFile && (bin.mode! & 0o111) !== 0, "executable");
  assert.equal(bin.size, record.binarySize);
  const pkg = JSON.parse(
    await Deno.readTextFile(`${ROOT}/dist/npm/package.json`),
  );
  assert.equal(pkg.name, "sockshell");
  assert.equal(pkg.version, VERSION);
  assert.deepEqual(pkg.bin, { sockshell: "sockshell.cjs" });
  assert.equal(pkg.dependencies, undefined);
  assert.ok(pkg.engines.node.includes("20"));
  const bundle = await Deno.readTextFile(`${ROOT}/dist/npm/sockshell.cjs`);
  assert.ok(bundle.startsWith("#!/usr/bin/env node\n"));
  // The Deno backend and host stay out: only their stubs are bundled.
  assert.doesNotMatch(bundle, /class DenoConn|Deno\.(args|exit|stdin)\b/);
  assert.match(
    await Deno.readTextFile(`${ROOT}/dist/npm/README.md`),
    /npx sockshell/,
  );
});

/** Everything `deno task compile` printed, less Deno's own "Task" line. */
function compileLines(out: Deno.CommandOutput): string[] {
  return decoder.decode(out.stderr).split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("Task "));
}

Deno.test("deno task compile says in one line what to do when Deno's runtime cannot be had", async () => {
  const output = `${await Deno.makeTempDir({ dir: TMP })}/sockshell`;
  const env: Record<string, string> = {
    ...Deno.env.toObject(),
    NO_COLOR: "1",
  };
  delete env.DENORT_BIN;
  const started = Date.now();
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["task", "compile", "--output", output],
    cwd: ROOT,
    clearEnv: true,
    env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const seconds = (Date.now() - started) / 1000;
  if (out.success) {
    // A machine that can download Deno's runtime: then the binary must work.
    const v = await runPeer("env", ["-i", output, "--version"]);
    assert.equal(v.stdout, `sockshell ${VERSION} (deno backend)\n`);
    return;
  }
  const lines = compileLines(out);
  assert.equal(lines.length, 1, `not one line:\n${lines.join("\n")}`);
  assert.match(lines[0]!, /^deno compile: .*DENORT_BIN/);
  assert.ok(seconds < 70, `took ${seconds} s`);

  const missing = await new Deno.Command(Deno.execPath(), {
    args: ["task", "compile", "--output", output],
    cwd: ROOT,
    env: { DENORT_BIN: "/nonexistent/denort", NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(missing.code, 1);
  const said = compileLines(missing);
  assert.equal(said.length, 1, `not one line:\n${said.join("\n")}`);
  assert.match(
    said[0]!,
    /^deno compile: DENORT_BIN=\/nonexistent\/denort is not a file: set DENORT_BIN/,
  );
});

for (const way of [binary, npmPackage]) {
  Deno.test(`${way.name}: --version names the version and the backend`, async () => {
    const r = await sockshell(way, ["--version"]);
    expectOk(r, "--version");
    assert.equal(
      r.stdout,
      `sockshell ${VERSION} (${await way.backend()} backend)\n`,
    );
  });

  Deno.test(`${way.name}: an unknown option is one line on stderr and status 2`, async () => {
    const r = await sockshell(way, ["--no-such-option"]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.equal(
      r.stderr,
      "sockshell: unknown option --no-such-option (try --help)\n",
    );
  });

  Deno.test(`${way.name}: a refused connection reports ECONNREFUSED and status 1`, async () => {
    const port = freePort("tcp");
    const r = await sockshell(way, [
      "-c",
      `socket tcp; connect 127.0.0.1 ${port}`,
    ]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /= -1 ECONNREFUSED \(Connection refused\)/);
  });

  Deno.test(`${way.name}: TCP bind takes no connection: a client knocking while sockets are bound is refused until listen`, async () => {
    // Node binds only by listening: bind asks the kernel's socket table instead, where C
    // refuses a connect to a port that is bound and not listening.
    const port = freePort("tcp");
    await using knocker = startPeer(await buildPeer("connect_hammer"), [
      String(port),
      "15000",
    ]);
    const r = await sockshell(way, [
      "-c",
      `let i = 0; while $i < 300; socket tcp; bind 127.0.0.1 ${port}; close; let i = $i + 1; end`,
    ]);
    expectOk(r, "binds");
    const exited = await Promise.race([
      knocker.status.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 50)),
    ]);
    assert.ok(!exited, "the knocker knocked all along the binds");
    knocker.kill("SIGTERM");
    const m = /^accepted (\d+) refused (\d+) self \d+ other \d+$/m.exec(
      await knocker.stdout(5000),
    );
    assert.ok(m, "the knocker's count");
    assert.equal(Number(m[1]), 0, "connects accepted while bound");
    assert.ok(Number(m[2]) > 0, "the knocker ran");
  });

  Deno.test(`${way.name}: TCP: a client of the handout's tcp_server`, async () => {
    const port = freePort("tcp");
    await using server = startPeer(await buildPeer("tcp_server"), [
      String(port),
    ]);
    await server.waitForPort(port);
    const r = await sockshell(way, [
      "-c",
      `socket tcp; connect 127.0.0.1 ${port}; send "hello\\n"; recv`,
    ]);
    expectOk(r, "sockshell");
    assert.match(r.stdout, /= 24 "J'ai reçu votre message"/);
    assert.equal(
      await server.stdout(),
      "Voici le message que j'ai reçu : hello\n\n",
    );
  });

  Deno.test(`${way.name}: TCP: the server of the handout's tcp_client`, async () => {
    const port = freePort("tcp");
    await using shell = await startSockshell(way, [
      "-c",
      `socket tcp; bind ${port}; listen; accept; recv; send "bien reçu\\n"`,
    ]);
    await shell.waitForPort(port);
    const client = await runPeer(
      await buildPeer("tcp_client"),
      ["127.0.0.1", String(port)],
      { stdin: "bonjour\n" },
    );
    expectOk(client, "tcp_client");
    assert.equal(client.stdout, "Entrez le message à envoyer : bien reçu\n\n");
    assert.match(await shell.stdout(), /= 8 "bonjour\\n"/);
    assert.equal((await shell.status).code, 0);
  });

  Deno.test(`${way.name}: UDP: sendto the handout's udp_listener`, async () => {
    const port = freePort("udp");
    await using listener = startPeer(await buildPeer("udp_listener"), [
      String(port),
    ]);
    await listener.waitForUdpBound(port);
    const r = await sockshell(way, [
      "-c",
      `socket udp; sendto 127.0.0.1 ${port} "bonjour"`,
    ]);
    expectOk(r, "sockshell");
    assert.match(await listener.stdout(), /packet contains "bonjour"/);
  });

  Deno.test(`${way.name}: UDP: recvfrom the handout's udp_talker`, async () => {
    const port = freePort("udp");
    await using shell = await startSockshell(way, [
      "-c",
      `socket udp; bind ${port}; recvfrom`,
    ]);
    await shell.waitForUdpBound(port);
    const talker = await runPeer(await buildPeer("udp_talker"), [
      "127.0.0.1",
      "bonjour",
      String(port),
    ]);
    expectOk(talker, "udp_talker");
    assert.match(await shell.stdout(), /= 7 "bonjour"\s+from 127\.0\.0\.1:/);
    assert.equal((await shell.status).code, 0);
  });

  Deno.test(`${way.name}: replays: run tcp-server serves the handout's tcp_client`, async () => {
    const port = freePort("tcp");
    await using shell = await startSockshell(way, [
      "run",
      "tcp-server",
      String(port),
    ]);
    await shell.waitForPort(port);
    const client = await runPeer(
      await buildPeer("tcp_client"),
      ["127.0.0.1", String(port)],
      { stdin: "bonjour\n" },
    );
    expectOk(client, "tcp_client");
    // The handout's 24 bytes: "J'ai reçu votre message" without its newline.
    assert.equal(
      client.stdout,
      "Entrez le message à envoyer : J'ai reçu votre message\n",
    );
    assert.match(
      await shell.stdout(),
      /Voici le message que j'ai reçu : bonjour/,
    );
    assert.equal((await shell.status).code, 0);
  });

  Deno.test(`${way.name}: check runs without a permission system: the handout's age server passes, a spinning client fails`, async () => {
    const good = await sockshell(way, [
      "check",
      "age-server",
      await buildPeer("age_server"),
    ]);
    assert.equal(good.code, 0, good.stdout + good.stderr);
    assert.match(good.stdout, /^# 11 of 11 scenarios passed/m);
    const bad = await sockshell(way, [
      "check",
      "age-client",
      await buildPeer("broken_no_eof"),
    ]);
    assert.equal(bad.code, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /^not ok 3 - the server closes after the name$/m);
  });

  Deno.test(`${way.name}: replays: run tcp-client talks to the handout's tcp_server`, async () => {
    const port = freePort("tcp");
    await using server = startPeer(await buildPeer("tcp_server"), [
      String(port),
    ]);
    await server.waitForPort(port);
    const r = await sockshell(
      way,
      ["run", "tcp-client", "127.0.0.1", String(port)],
      "bonjour\n",
    );
    expectOk(r, "run tcp-client");
    assert.match(r.stdout, /J'ai reçu votre message/);
    assert.equal(
      await server.stdout(),
      "Voici le message que j'ai reçu : bonjour\n\n",
    );
  });

  Deno.test(`${way.name}: replays: run udp-server receives from the handout's udp_talker`, async () => {
    const port = freePort("udp");
    await using shell = await startSockshell(way, [
      "run",
      "udp-server",
      String(port),
    ]);
    await shell.waitForUdpBound(port);
    const talker = await runPeer(await buildPeer("udp_talker"), [
      "127.0.0.1",
      "bonjour",
      String(port),
    ]);
    expectOk(talker, "udp_talker");
    assert.match(await shell.stdout(), /packet contains "bonjour"/);
    assert.equal((await shell.status).code, 0);
  });

  Deno.test(`${way.name}: replays: run udp-client sends to the handout's udp_listener`, async () => {
    const port = freePort("udp");
    await using listener = startPeer(await buildPeer("udp_listener"), [
      String(port),
    ]);
    await listener.waitForUdpBound(port);
    const r = await sockshell(way, [
      "run",
      "udp-client",
      "127.0.0.1",
      "bonjour",
      String(port),
    ]);
    expectOk(r, "run udp-client");
    assert.match(r.stdout, /sent 7 bytes to 127\.0\.0\.1/);
    assert.match(await listener.stdout(), /packet contains "bonjour"/);
  });
}

/** Median wall time of `runs` runs of a command, in milliseconds. */
async function medianMs(cmd: string, args: string[], runs = 7) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const out = await new Deno.Command(cmd, {
      args,
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).output();
    assert.ok(out.success, `${cmd} ${args.join(" ")}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(runs / 2)]!);
}

Deno.test("the binary's size and start-up time, next to deno run", async () => {
  const record = await build();
  const [cmd, args] = await binary.command(["-c", "socket tcp; listen"]);
  const bin = await medianMs(cmd, args);
  const deno = await medianMs(
    Deno.execPath(),
    sockshellArgs(["-c", "socket tcp; listen"]),
  );
  console.log(
    `dist/sockshell (${record.way}): ${
      (record.binarySize / 1e6).toFixed(1)
    } MB, starts and runs 'socket tcp; listen' in ${bin} ms; deno run: ${deno} ms`,
  );
});
