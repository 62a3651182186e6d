/**
 * Build and run the handout's C programs (`tests/peers/*.c`) from tests.
 *
 * Peers are compiled with gcc into `.cache/peers/` at the repository root and
 * run with `Deno.Command`. Needs `--allow-run`, `--allow-read`,
 * `--allow-write` and `--allow-net` (plus `--unstable-net`, which deno.json
 * enables, for {@link freePort} with `"udp"`).
 *
 * @module
 */

import assert from "node:assert/strict";

const REPO_ROOT = decodeURIComponent(new URL("../", import.meta.url).pathname)
  .replace(/\/$/, "");
const PEERS_DIR = `${REPO_ROOT}/tests/peers`;
const CACHE_DIR = `${REPO_ROOT}/.cache/peers`;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Options for {@link runPeer}. */
export interface RunPeerOptions {
  /** Text (or raw bytes) written to the peer's stdin, which is then closed (default: empty). */
  stdin?: string | Uint8Array;
  /** Kill the peer with SIGKILL and reject after this many ms (default 10000). */
  timeoutMs?: number;
  /** Environment variables set for the peer, on top of this process's. */
  env?: Record<string, string>;
  /** Start from an empty environment: the peer sees only `env`. */
  clearEnv?: boolean;
}

/** What a finished peer produced. */
export interface PeerResult {
  /** Exit code (128 + signal number if killed by a signal). */
  code: number;
  /** Everything the peer wrote on stdout, decoded as UTF-8. */
  stdout: string;
  /** Everything the peer wrote on stderr, decoded as UTF-8. */
  stderr: string;
}

/** Options for {@link startPeer}. */
export interface StartPeerOptions {
  /** Text written to the peer's stdin, which is then closed (default: no stdin). */
  stdin?: string;
  /** Environment variables set for the peer, on top of this process's. */
  env?: Record<string, string>;
  /** Start from an empty environment: the peer sees only `env`. */
  clearEnv?: boolean;
}

/** A long-running peer (typically a server) started by {@link startPeer}. */
export interface RunningPeer extends AsyncDisposable {
  /** The underlying child process. */
  readonly process: Deno.ChildProcess;
  /** Resolves with the exit status once the peer has exited. */
  readonly status: Promise<Deno.CommandStatus>;
  /**
   * All of stdout once the peer has exited. If it has not exited within
   * `timeoutMs` (default 10000) it is killed and the promise rejects.
   */
  stdout(timeoutMs?: number): Promise<string>;
  /** All of stderr once the peer has exited (same timeout rule as stdout). */
  stderr(timeoutMs?: number): Promise<string>;
  /** Sends SIGKILL (or `signal`) unless the peer has already exited. */
  kill(signal?: Deno.Signal): void;
  /**
   * Resolves once a TCP socket is listening on `port`. On Linux this reads the
   * kernel's socket table, so it never connects (single-client servers keep
   * their one `accept`); elsewhere it falls back to connect probes on `host`.
   * Rejects if the peer exits first or after `timeoutMs`.
   */
  waitForPort(port: number, host?: string, timeoutMs?: number): Promise<void>;
  /**
   * Resolves once a UDP socket is bound to `port` (from the kernel's socket
   * table; a 200 ms sleep where that table cannot be read). Rejects if the
   * peer exits first or after `timeoutMs` (default 5000).
   */
  waitForUdpBound(port: number, timeoutMs?: number): Promise<void>;
}

const builds = new Map<string, Promise<string>>();

/**
 * Compiles `tests/peers/NAME.c` with `gcc -O2 -Wall` into `.cache/peers/NAME`
 * (reused while newer than the source) and returns the binary's absolute path.
 */
export function buildPeer(name: string): Promise<string> {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    return Promise.reject(new Error(`buildPeer: invalid peer name "${name}"`));
  }
  let build = builds.get(name);
  if (build === undefined) {
    build = compile(name);
    builds.set(name, build);
    build.catch(() => builds.delete(name));
  }
  return build;
}

async function mtimeOf(path: string): Promise<number | null> {
  try {
    return (await Deno.stat(path)).mtime?.getTime() ?? null;
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return null;
    throw err;
  }
}

async function compile(name: string): Promise<string> {
  const src = `${PEERS_DIR}/${name}.c`;
  const bin = `${CACHE_DIR}/${name}`;
  const srcTime = await mtimeOf(src);
  if (srcTime === null) throw new Error(`buildPeer: no such source ${src}`);
  const binTime = await mtimeOf(bin);
  if (binTime !== null && binTime > srcTime) return bin;

  await Deno.mkdir(CACHE_DIR, { recursive: true });
  // Compile under a unique name, then rename: concurrent builders (other test
  // files, other processes) never see or run a half-written binary.
  const tmp = `${bin}.tmp-${Deno.pid}-${crypto.randomUUID()}`;
  let out: Deno.CommandOutput;
  try {
    out = await new Deno.Command("gcc", {
      args: ["-O2", "-Wall", "-o", tmp, src],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) {
      throw new Error(
        `buildPeer: gcc not found on PATH; install gcc to build tests/peers/${name}.c`,
      );
    }
    throw err;
  }
  if (!out.success) {
    await Deno.remove(tmp).catch(() => {});
    throw new Error(
      `buildPeer: gcc failed on tests/peers/${name}.c (exit ${out.code}):\n` +
        decoder.decode(out.stderr),
    );
  }
  await Deno.rename(tmp, bin);
  return bin;
}

function programName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

async function feedStdin(
  child: Deno.ChildProcess,
  text: string | Uint8Array,
): Promise<void> {
  const writer = child.stdin.getWriter();
  try {
    await writer.write(typeof text === "string" ? encoder.encode(text) : text);
  } catch {
    // The peer exited or closed stdin without reading everything: fine.
  }
  try {
    await writer.close();
  } catch {
    // Already closed by a failed write.
  }
}

/**
 * `count` clients, one after another, that connect to 127.0.0.1:`port` and close at once
 * with SO_LINGER {1, 0}: each sends RST, as a port scanner's connect scan does (python3).
 */
export async function resetClients(port: number, count = 1): Promise<void> {
  const r = await runPeer("python3", [
    "-c",
    "import socket, struct, sys\n" +
    "for _ in range(int(sys.argv[2])):\n" +
    "    s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n" +
    "    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))\n" +
    "    s.close()",
    String(port),
    String(count),
  ]);
  if (r.code !== 0) throw new Error(`resetClients: ${r.stderr}`);
}

/**
 * Runs a peer to completion: writes `opts.stdin` then closes stdin, collects
 * stdout/stderr, and rejects (after SIGKILL) if it runs longer than
 * `opts.timeoutMs` (default 10000 ms).
 */
export async function runPeer(
  path: string,
  args: string[],
  opts: RunPeerOptions = {},
): Promise<PeerResult> {
  const timeoutMs = opts.timeoutMs ?? 10000;
  const child = new Deno.Command(path, {
    args,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    env: opts.env,
    clearEnv: opts.clearEnv,
  }).spawn();
  const output = child.output();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      child.kill("SIGKILL");
    } catch {
      // Already exited.
    }
  }, timeoutMs);
  try {
    await feedStdin(child, opts.stdin ?? "");
    const out = await output;
    const result = {
      code: out.code,
      stdout: decoder.decode(out.stdout),
      stderr: decoder.decode(out.stderr),
    };
    if (timedOut) {
      throw new Error(
        `runPeer: ${programName(path)} ${args.join(" ")} timed out after ` +
          `${timeoutMs} ms and was killed; stdout so far: ` +
          `${JSON.stringify(result.stdout)}, stderr: ` +
          JSON.stringify(result.stderr),
      );
    }
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/** A stream being read to its end in the background; cancellable. */
interface Collector {
  text: Promise<string>;
  cancel(): Promise<void>;
}

function collect(stream: ReadableStream<Uint8Array>): Collector {
  const reader = stream.getReader();
  const text = (async () => {
    const chunks: Uint8Array[] = [];
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
      }
    } catch {
      // Cancelled: keep what was read.
    }
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      all.set(chunk, offset);
      offset += chunk.length;
    }
    return decoder.decode(all);
  })();
  return {
    text,
    async cancel() {
      await reader.cancel().catch(() => {});
      await text;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Reads the kernel socket tables (via `cat`, since Deno only grants /proc/net
 * to --allow-all). Returns null where they cannot be read (non-Linux).
 */
async function socketTable(files: string[]): Promise<string | null> {
  try {
    const out = await new Deno.Command("cat", {
      args: files,
      stdin: "null",
      stdout: "piped",
      stderr: "null",
    }).output();
    const text = decoder.decode(out.stdout);
    return text.length > 0 ? text : null;
  } catch {
    return null;
  }
}

/** True if `table` has a socket on local `port` (in `state`, if given). */
function hasLocalPort(table: string, port: number, state?: string): boolean {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const line of table.split("\n")) {
    const fields = line.trim().split(/\s+/);
    const local = fields[1];
    if (local === undefined || !local.includes(":")) continue;
    if (local.slice(local.lastIndexOf(":") + 1) !== hexPort) continue;
    if (state === undefined || fields[3] === state) return true;
  }
  return false;
}

/**
 * Whether a TCP socket listens on `port` for good, from the kernel's table:
 * listening, and still a moment later. sockshell on Deno checks its port at
 * `bind` by listening and closing at once (Deno cannot read the table): a
 * client connecting then is accepted and reset; the real `listen` stays.
 * Null where the table cannot be read (non-Linux).
 */
export async function listeningForGood(port: number): Promise<boolean | null> {
  const files = ["/proc/net/tcp", "/proc/net/tcp6"];
  const table = await socketTable(files);
  if (table === null) return null;
  if (!hasLocalPort(table, port, "0A")) return false;
  await new Promise((r) => setTimeout(r, 50));
  const again = await socketTable(files);
  return again !== null && hasLocalPort(again, port, "0A");
}

/**
 * Starts a long-running peer (a server). stdout and stderr are collected in
 * the background; dispose it (`await using`) to kill it and reap it.
 */
export function startPeer(
  path: string,
  args: string[],
  opts: StartPeerOptions = {},
): RunningPeer {
  const name = `${programName(path)} ${args.join(" ")}`.trim();
  const child = new Deno.Command(path, {
    args,
    stdin: opts.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
    env: opts.env,
    clearEnv: opts.clearEnv,
  }).spawn();
  if (opts.stdin !== undefined) void feedStdin(child, opts.stdin);
  const stdoutCollector = collect(child.stdout);
  const stderrCollector = collect(child.stderr);
  const stdoutText = stdoutCollector.text;
  const stderrText = stderrCollector.text;
  let exited = false;
  const status = child.status.then((s) => {
    exited = true;
    return s;
  });

  const kill = (signal: Deno.Signal = "SIGKILL"): void => {
    if (exited) return;
    try {
      child.kill(signal);
    } catch {
      // Exited in the meantime.
    }
  };

  const afterExit = async (
    text: Promise<string>,
    timeoutMs = 10000,
  ): Promise<string> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    try {
      const first = await Promise.race([status, timeout]);
      if (first === "timeout") {
        kill();
        await status;
        throw new Error(
          `startPeer: ${name} did not exit within ${timeoutMs} ms and was ` +
            `killed; stdout: ${JSON.stringify(await stdoutText)}; ` +
            `stderr: ${JSON.stringify(await stderrText)}`,
        );
      }
      return await text;
    } finally {
      clearTimeout(timer);
    }
  };

  const waitFor = async (
    what: string,
    timeoutMs: number,
    ready: () => Promise<boolean>,
  ): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await ready()) return;
      if (exited) {
        throw new Error(
          `startPeer: ${name} exited (code ${(await status).code}) before ` +
            `${what}; stderr: ${JSON.stringify(await stderrText)}`,
        );
      }
      if (Date.now() >= deadline) {
        throw new Error(`startPeer: ${name}: no ${what} after ${timeoutMs} ms`);
      }
      await sleep(20);
    }
  };

  return {
    process: child,
    status,
    stdout: (timeoutMs?: number) => afterExit(stdoutText, timeoutMs),
    stderr: (timeoutMs?: number) => afterExit(stderrText, timeoutMs),
    kill,
    waitForPort(port, host = "127.0.0.1", timeoutMs = 5000) {
      return waitFor(`TCP listener on port ${port}`, timeoutMs, async () => {
        const listening = await listeningForGood(port);
        if (listening !== null) return listening;
        try {
          const conn = await Deno.connect({ hostname: host, port });
          conn.close();
          return true;
        } catch {
          return false;
        }
      });
    },
    waitForUdpBound(port, timeoutMs = 5000) {
      return waitFor(`UDP socket on port ${port}`, timeoutMs, async () => {
        const table = await socketTable(["/proc/net/udp", "/proc/net/udp6"]);
        if (table !== null) return hasLocalPort(table, port);
        await sleep(200);
        return true;
      });
    },
    async [Symbol.asyncDispose]() {
      kill();
      await status;
      // Forked children of a server may still hold its stdout/stderr open:
      // give them a moment, then stop reading.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, 2000);
      });
      await Promise.race([Promise.all([stdoutText, stderrText]), grace]);
      clearTimeout(timer);
      await Promise.all([stdoutCollector.cancel(), stderrCollector.cancel()]);
    },
  };
}

/**
 * An ephemeral port that was free on 127.0.0.1 for `transport` a moment ago
 * (bound with port 0, read back, closed).
 */
export function freePort(transport: "tcp" | "udp"): number {
  if (transport === "tcp") {
    const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const { port } = listener.addr;
    listener.close();
    return port;
  }
  const socket = Deno.listenDatagram({
    transport: "udp",
    hostname: "127.0.0.1",
    port: 0,
  });
  const addr = socket.addr as Deno.NetAddr;
  socket.close();
  return addr.port;
}

const warned = new Set<string>();

/**
 * True when `tool` (nc, socat) is not on the PATH and this is not CI: the
 * tests that need it are then ignored, and a line says why. In CI (CI set)
 * it is never "missing": those tests run, and fail naming the tool.
 */
export function missing(tool: string): boolean {
  const dirs = (Deno.env.get("PATH") ?? "").split(":").filter(Boolean);
  const found = dirs.some((d) => {
    try {
      return Deno.statSync(`${d}/${tool}`).isFile;
    } catch {
      return false;
    }
  });
  if (found || Deno.env.get("CI")) return false;
  if (!warned.has(tool)) {
    warned.add(tool);
    const pkg = tool === "nc" ? "netcat-openbsd" : tool;
    console.warn(
      `ignoring the tests that need ${tool}: it is not installed (apt-get install ${pkg})`,
    );
  }
  return true;
}

/**
 * A listener whose accept queue is full (tests/peers/full_backlog.c), so the
 * next connect hangs: the queue is filled with raw connections until one hangs.
 */
export async function fullListener(): Promise<
  { port: number } & AsyncDisposable
> {
  const bin = await buildPeer("full_backlog");
  const port = freePort("tcp");
  const peer = startPeer(bin, [String(port)]);
  const held: Deno.TcpConn[] = [];
  const release = async () => {
    for (const c of held) c.close();
    await peer[Symbol.asyncDispose]();
  };
  try {
    await peer.waitForPort(port);
    for (let i = 0;; i++) {
      assert.ok(i < 64, "the accept queue never filled");
      try {
        held.push(
          await Deno.connect({
            hostname: "127.0.0.1",
            port,
            signal: AbortSignal.timeout(300),
          }),
        );
      } catch (e) {
        if (!(e instanceof DOMException && e.name === "TimeoutError")) throw e;
        break;
      }
    }
  } catch (e) {
    await release();
    throw e;
  }
  return { port, [Symbol.asyncDispose]: release };
}

/**
 * A python3 server on 127.0.0.1:`port` for one client: `setup` runs on the
 * listening socket `srv` before its bind, `body` once the client `c` is
 * accepted (both at the script's top level; `socket`, `sys` and `time` are
 * imported).
 */
export function pythonServer(
  port: number,
  body: string,
  setup = "",
): RunningPeer {
  return startPeer("python3", [
    "-c",
    `import socket, sys, time
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
${setup}
srv.bind(("127.0.0.1", ${port}))
srv.listen(1)
c, _ = srv.accept()
${body}`,
  ]);
}

/** A python3 peer that sends 64 KiB every 20 ms for about 1.5 s, then closes: a transfer long enough for a progress line. */
export function slowSource(port: number): RunningPeer {
  return pythonServer(
    port,
    `for _ in range(75):
    c.sendall(b"x" * 65536)
    time.sleep(0.02)
c.close()`,
  );
}

/** A python3 peer that reads 64 KiB every 20 ms until end of stream, then prints how many bytes came. */
export function slowSink(port: number): RunningPeer {
  return pythonServer(
    port,
    `n = 0
while True:
    d = c.recv(65536)
    if not d:
        break
    n += len(d)
    time.sleep(0.02)
print(n)`,
    "srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)",
  );
}
