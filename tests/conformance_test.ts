/**
 * One conformance suite, three runs: the Deno backend, the Node backend on
 * Deno's `node:` layer, and the Node backend on real Node (the runtime it
 * ships on), with the scenarios bundled by esbuild. Every run must pass the
 * scenarios' own checks and observe exactly what the Deno backend observed.
 * Then whole shell sessions (`-c`) must print the same on both backends.
 */

import assert from "node:assert/strict";
import { builtInCommands } from "../commands/mod.ts";
import { main } from "../lib/ui/cli.ts";
import type { Host } from "../lib/ui/host.ts";
import { denoBackend } from "../lib/net/deno.ts";
import { nodeBackend } from "../lib/net/node.ts";
import { bundleForNode, ROOT } from "../scripts/_bundle.ts";
import {
  type Observations,
  type Scenario,
  type ScenarioContext,
  scenarios,
  UNIX_DATAGRAMS,
} from "./_conformance.ts";
import {
  buildPeer,
  freePort,
  fullListener,
  runPeer,
  startPeer,
} from "./_peers.ts";
import { sockshell } from "./_shell.ts";
import { testCerts } from "./_tls.ts";

/**
 * Where Deno's `node:` layer differs from Node itself. The Node backend ships
 * on Node, where these pass (the Node 20 run checks them); here they are skipped.
 */
const DENO_NODE_LAYER_GAPS: Readonly<Record<string, string>> = {
  "listen on an address this machine does not have fails with EADDRNOTAVAIL":
    "Deno's node:net says EINVAL where Node and Deno say EADDRNOTAVAIL",
  "TLS: a peer that writes while nobody reads is held back, as by the kernel's receive buffer; once read, every byte and the end arrive":
    "the Node backend holds a TLS peer back by pausing node:tls's socket, as Node allows; Deno's node:tls then loses the end of stream",
};

/**
 * Where the Node backend cannot do what Deno's does: what it must observe
 * instead (a refusal with its errno, never a silent success).
 */
const NODE_REFUSES: Readonly<Record<string, Observations>> = {
  [UNIX_DATAGRAMS]: {
    refused: "EAFNOSUPPORT",
    detail: "Node has no Unix datagram sockets (node:dgram is UDP only)",
  },
};

/** What one scenario gave under Node. */
interface NodeResult {
  name: string;
  observations?: Observations;
  error?: string;
}

/** The `node` on PATH, which must be Node 20 or later. */
async function nodeVersion(): Promise<string> {
  const out = await runPeer("node", ["--version"]).catch((e) => {
    throw new Error(`node is needed for the Node 20 runs: ${e}`);
  });
  const version = out.stdout.trim();
  const major = Number(/^v(\d+)/.exec(version)?.[1]);
  assert.ok(major >= 20, `node ${version} is older than Node 20`);
  return version;
}

/** Where the bundles go, removed when the tests end. */
const TMP = Deno.makeTempDirSync({ prefix: "sockshell-conformance-" });
globalThis.addEventListener("unload", () => {
  Deno.removeSync(TMP, { recursive: true });
});

/** Bundle a module for Node into a fresh temporary directory. */
async function bundle(entry: string, name: string): Promise<string> {
  const dir = await Deno.makeTempDir({ dir: TMP });
  const outfile = `${dir}/${name}.cjs`;
  await bundleForNode({ entry: `${ROOT}/${entry}`, outfile });
  return outfile;
}

let runner: Promise<string> | undefined;

/** Run scenarios under real Node: all that need no peer, or one with its context. */
async function underNode(
  only?: string,
  ctx?: ScenarioContext,
): Promise<Map<string, NodeResult>> {
  runner ??= nodeVersion().then(() =>
    bundle("tests/_conformance_node.ts", "conformance")
  );
  const file = await runner;
  const args = only ? [file, only, JSON.stringify(ctx ?? {})] : [file];
  const out = await runPeer("node", args, { timeoutMs: 60000 });
  assert.equal(out.code, 0, `node ${file} failed: ${out.stderr}`);
  const results = out.stdout.trim().split("\n").map((l) =>
    JSON.parse(l) as NodeResult
  );
  return new Map(results.map((r) => [r.name, r]));
}

let allUnderNode: Promise<Map<string, NodeResult>> | undefined;

/** The shared full-backlog listener, as the scenarios' context. */
async function fullBacklog(): Promise<ScenarioContext & AsyncDisposable> {
  const full = await fullListener();
  return {
    fullBacklogPort: full.port,
    [Symbol.asyncDispose]: () => full[Symbol.asyncDispose](),
  };
}

/** rst_peer.c on a free port, for one client. */
async function rstPeer(): Promise<ScenarioContext & AsyncDisposable> {
  const port = freePort("tcp");
  const peer = startPeer(await buildPeer("rst_peer"), [String(port)]);
  try {
    await peer.waitForPort(port);
  } catch (e) {
    await peer[Symbol.asyncDispose]();
    throw e;
  }
  return {
    rstPeerPort: port,
    [Symbol.asyncDispose]: () => peer[Symbol.asyncDispose](),
  };
}

/** The peers a scenario needs, fresh for each run. */
async function peersFor(
  scenario: Scenario,
): Promise<ScenarioContext & AsyncDisposable> {
  if (scenario.needs === "fullBacklog") return await fullBacklog();
  if (scenario.needs === "rstPeer") return await rstPeer();
  if (scenario.needs === "tls") {
    const c = await testCerts();
    return {
      tls: {
        cert: await Deno.readTextFile(c.cert),
        key: await Deno.readTextFile(c.key),
        otherKey: await Deno.readTextFile(c.wrongKey),
      },
      [Symbol.asyncDispose]: () => Promise.resolve(),
    };
  }
  return { [Symbol.asyncDispose]: () => Promise.resolve() };
}

for (const scenario of scenarios) {
  Deno.test(`conformance: ${scenario.name}`, async (t) => {
    let deno: Observations;
    {
      await using ctx = await peersFor(scenario);
      deno = await scenario.run(denoBackend, ctx);
    }
    const gap = DENO_NODE_LAYER_GAPS[scenario.name];
    await t.step({
      name: "the Node backend on Deno's node: layer observes the same",
      ignore: gap !== undefined,
      fn: async () => {
        await using ctx = await peersFor(scenario);
        assert.deepEqual(
          await scenario.run(nodeBackend, ctx),
          NODE_REFUSES[scenario.name] ?? deno,
        );
      },
    });
    await t.step("the Node backend on Node 20 observes the same", async () => {
      let results: Map<string, NodeResult>;
      if (scenario.needs) {
        await using ctx = await peersFor(scenario);
        results = await underNode(scenario.name, ctx);
      } else results = await (allUnderNode ??= underNode());
      const r = results.get(scenario.name);
      assert.ok(r, "Node ran no such scenario");
      if (r.error) assert.fail(`under Node: ${r.error}`);
      assert.deepEqual(r.observations, NODE_REFUSES[scenario.name] ?? deno);
    });
  });
}

/** A {@link Host} in this process: arguments in, output captured, no terminal. */
function capturingHost(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const host: Host = {
    args,
    env: () => undefined,
    isTerminal: () => false,
    write: (fd, text) => void (fd === 1 ? out : err).push(text),
    readTextFile: () => Promise.reject(new Error("no files here")),
    appendTextFile: () => Promise.resolve(),
    writeTextFile: () => Promise.resolve(),
    readLine: () => Promise.resolve(null),
    onInterrupt: () => () => {},
    onTerminate: () => () => {},
    exit: (code) => {
      throw new Error(`exit ${code}`);
    },
  };
  return { host, out, err };
}

/** What a session printed and returned, with ports that change from run to run masked. */
interface Session {
  code: number;
  stdout: string;
  stderr: string;
}

function mask(text: string, port: number): string {
  return text.replaceAll(String(port), "PORT")
    .replace(/:\d{4,5}\b/g, ":EPHEMERAL")
    .replace(/\bport \d{4,5}\b/g, "port EPHEMERAL");
}

/**
 * Whole-shell sessions: the command line, with PORT a free port. `peer`
 * puts something there first: a listener of the test's (`taken`), or the C
 * `rst_peer`, fresh for each run.
 */
const SESSIONS: {
  name: string;
  args: string[];
  peer?: "taken" | "rst_peer";
}[] = [
  {
    name: "a TCP conversation in one shell, both ends",
    args: [
      "-c",
      "socket tcp; bind 127.0.0.1 PORT; listen; socket tcp; " +
      'connect 127.0.0.1 PORT; accept @3; send @4 "hello\\n"; recv @5; ' +
      "shutdown @4; recv @5; send @5 bye; recv @4; close 4; ls",
    ],
  },
  {
    name: "a UDP exchange in one shell",
    args: [
      "-c",
      "socket udp; bind 127.0.0.1 PORT; socket udp; " +
      'sendto @4 127.0.0.1 PORT "ping"; recvfrom @3; ls',
    ],
  },
  {
    name: "the built-in replay run tcp-loopback",
    args: ["run", "tcp-loopback", "PORT"],
  },
  {
    name: "the built-in replay run udp-loopback",
    args: ["run", "udp-loopback", "PORT"],
  },
  {
    name:
      "socket options, a broadcast to two sockets sharing a port, and their names",
    args: [
      "-c",
      "socket udp; setsockopt SO_REUSEADDR 1; bind 0.0.0.0 PORT; socket udp; " +
      "setsockopt SO_REUSEADDR 1; bind 0.0.0.0 PORT; socket udp; " +
      "getsockname; sendto 127.255.255.255 PORT no; setsockopt SO_BROADCAST 1; " +
      "sendto 127.255.255.255 PORT all; recvfrom @3; recvfrom @4; " +
      "getsockname @3; getsockopt SO_TYPE; getpeername; ls",
    ],
  },
  {
    name: "bind before connect, TCP_NODELAY inherited, and SO_LINGER's reset",
    args: [
      "-c",
      "socket tcp; setsockopt TCP_NODELAY 1; bind 127.0.0.1 PORT; listen; " +
      "getsockopt SO_ACCEPTCONN; socket tcp; setsockopt SO_LINGER 1 0; " +
      "bind 127.0.0.1 0; connect 127.0.0.1 PORT; accept @3; " +
      "getsockopt TCP_NODELAY; getpeername @4; ls; close 4; recv @5",
    ],
  },
  {
    name: "a Unix stream conversation in one shell; close leaves the file",
    args: [
      "-c",
      "socket unix; bind DIR/s.sock; listen; socket unix; connect DIR/s.sock; " +
      'accept @3; send @4 "hello\\n"; recv @5; ls; close 3; close 4; close 5; ' +
      "socket unix; connect DIR/s.sock",
    ],
  },
  {
    name: "getaddrinfo in the C library's order, then EAI_NONAME",
    args: [
      "-c",
      "getaddrinfo localhost 4950; getaddrinfo -P 4950; getaddrinfo nothere.invalid",
    ],
  },
  {
    name: "a refused connection stops the script with status 1",
    args: ["-c", "socket tcp; connect 127.0.0.1 PORT; ls"],
  },
  {
    name: "a port another program holds fails at bind",
    args: ["-c", "socket tcp; bind 127.0.0.1 PORT; listen"],
    peer: "taken",
  },
  {
    name:
      "a peer's reset shows as ECONNRESET, then the socket reads end of stream",
    args: ["-c", "socket tcp; connect 127.0.0.1 PORT; send x; recv; ls"],
    peer: "rst_peer",
  },
  {
    name:
      "poll sees a waiting client and data, consumes nothing, and recv then says EAGAIN",
    args: [
      "-c",
      "socket tcp; bind 127.0.0.1 PORT; listen; poll -t 0; socket tcp; " +
      "connect 127.0.0.1 PORT; poll -t 5000 3; accept @3; send @4 hello; " +
      "poll -t 100 3; poll -t 0 5; poll -t 0 3 4:out 5:inout 9 -> r; " +
      'print "$r|$r.n|$r.5"; select -t 0 3 5; fcntl @5 F_SETFL O_NONBLOCK; ' +
      "recv @5; ls; recv @5",
    ],
  },
  {
    name: "a non-blocking accept says EAGAIN",
    args: [
      "-c",
      "socket tcp; bind 127.0.0.1 PORT; listen; fcntl F_SETFL O_NONBLOCK; " +
      "fcntl F_GETFL; ls; accept",
    ],
  },
  {
    name: "a non-blocking connect says EINPROGRESS",
    args: [
      "-c",
      "socket tcp; fcntl F_SETFL O_NONBLOCK; connect 127.0.0.1 PORT",
    ],
    peer: "taken",
  },
];

let shellBundle: Promise<string> | undefined;

/** Run `f` with the session's peer on `port`. */
async function withPeer<T>(
  peer: "taken" | "rst_peer" | undefined,
  port: number,
  f: () => Promise<T>,
): Promise<T> {
  if (peer === "taken") {
    using _listener = Deno.listen({ hostname: "127.0.0.1", port });
    return await f();
  }
  if (peer === "rst_peer") {
    await using p = startPeer(await buildPeer("rst_peer"), [String(port)]);
    await p.waitForPort(port);
    return await f();
  }
  return await f();
}

for (const s of SESSIONS) {
  Deno.test(`the whole shell on both backends: ${s.name}`, async () => {
    const port = freePort("tcp");
    // Unix socket files stay after close: each run gets a directory of its own, masked as DIR.
    let dir = "";
    let args: string[] = [];
    const fresh = (): void => {
      // The same path each run, so that ls's columns are as wide on every backend.
      dir = `${TMP}/unix-session`;
      try {
        Deno.removeSync(dir, { recursive: true });
      } catch {
        // The first run: nothing to remove.
      }
      Deno.mkdirSync(dir);
      args = s.args.map((a) =>
        a.replaceAll("PORT", String(port)).replaceAll("DIR", dir)
      );
    };
    fresh();
    const masked = (code: number, stdout: string, stderr: string) => ({
      code,
      stdout: mask(stdout.replaceAll(dir, "DIR"), port),
      stderr: mask(stderr.replaceAll(dir, "DIR"), port),
    });

    const deno: Session = await withPeer(s.peer, port, async () => {
      const r = await sockshell(args);
      return masked(r.code, r.stdout, r.stderr);
    });

    shellBundle ??= nodeVersion().then(() =>
      bundle("lib/ui/main_node.ts", "sockshell")
    );
    const file = await shellBundle;
    fresh();
    const node = await withPeer(s.peer, port, async () => {
      const r = await runPeer("node", [file, ...args]);
      return masked(r.code, r.stdout, r.stderr);
    });
    assert.deepEqual(node, deno, "Node 20");

    fresh();
    const inDeno = await withPeer(s.peer, port, async () => {
      const c = capturingHost(args);
      const code = await main(c.host, nodeBackend, builtInCommands);
      return masked(code, c.out.join(""), c.err.join(""));
    });
    assert.deepEqual(inDeno, deno, "Deno's node: layer");
  });
}
