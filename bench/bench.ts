/**
 * Benchmarks of sockshell as a real program: start-up, per-command overhead
 * and loopback throughput. Every shell is spawned with the shell's own
 * permissions (those of `deno task start`), on 127.0.0.1 only.
 *
 * ```sh
 * deno task bench                      # every section: about 2 min on 2 cores (at most 100 s, then scale)
 * deno task bench --quick              # fewer runs, smaller volumes
 * deno task bench startup loads        # only some sections
 * ```
 *
 * Sections: `startup` (spawn to exit, and spawn to the first prompt under a
 * pseudo-terminal), `imports` (what each import adds to `deno run`), `loads`
 * (which modules each mode really loads, from V8 coverage), `commands`
 * (per-command overhead in long scripts), `throughput` (TCP MB/s, UDP
 * datagrams/s), `input` (blocks and long lines on standard input and at the
 * prompt, against the same text as a file or in ASCII), `poll` (one poll over
 * 100 idle descriptors; a poll-loop relay serving 100 clients, sockshell's
 * script against the C relay tests/peers/pollrelay.c in the same run), `beej`
 * (the `pollserver` replay relaying one message to 99 other clients, against
 * the C chat server tests/peers/beej_pollserver.c in the same run), `scale`
 * (8,000 concurrent age dialogues next to the C fork server, memory per held
 * connection next to raw Deno and Python, memory over rounds of 1,000
 * dialogues), `files` (1 GiB through `send -f` and `recv -f` against
 * `socat -b 65536` and the same C peer, with peak memory), `tls` (the same through
 * `starttls`, on Deno and on Node, against socat's OPENSSL client through the same TLS end
 * in front of the same C peer, with peak memory), `dialogue` (a
 * script's `send`/`recv -l` ping-pong against a C echo server beside a raw
 * Deno client and the same round trip through fewer of the shell's layers
 * (`bench/ping_layers.ts`: the socket layer alone, the commands without a
 * script), from a cold start and then warm, and again with both clients
 * and their servers on one CPU (`taskset -c 0`); a `recvfrom` loop beside a
 * C receiver and a raw Deno one under a C sender's flood). Each section prints a Markdown table as it finishes.
 *
 * @module
 */

import { buildPeer, listeningForGood } from "../tests/_peers.ts";
import { SHELL_FLAGS, sockshellArgs } from "../tests/_shell.ts";
import { ageCrowd } from "../tests/_wire.ts";

const ROOT = decodeURIComponent(new URL("../", import.meta.url).pathname)
  .replace(/\/$/, "");
const DENO = Deno.execPath();
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const SECTIONS = [
  "startup",
  "imports",
  "loads",
  "commands",
  "throughput",
  "input",
  "poll",
  "beej",
  "scale",
  "files",
  "tls",
  "dialogue",
];
const argv = Deno.args.filter((a) => a !== "--quick");
const QUICK = Deno.args.includes("--quick");
for (const a of argv) {
  if (!SECTIONS.includes(a)) {
    console.error(
      `bench: unknown section ${a}; use --quick and any of: ${
        SECTIONS.join(" ")
      }`,
    );
    Deno.exit(2);
  }
}
const selected = argv.length ? argv : SECTIONS;

/** Runs of each measurement. */
const RUNS = {
  startup: QUICK ? 6 : 20,
  imports: QUICK ? 4 : 10,
  commands: QUICK ? 2 : 7,
  throughput: QUICK ? 1 : 5,
  input: QUICK ? 1 : 3,
  poll: QUICK ? 2 : 5,
  beej: QUICK ? 2 : 5,
};
/** Commands in each generated script. */
const N_COMMANDS = QUICK ? 2000 : 5000;
/** Bytes each TCP throughput run moves: a multiple of 16 MiB (one `send -r 256` of 64 KiB). */
const TCP_BYTES = (QUICK ? 2 : 8) * 16 * 1024 * 1024;
/** Datagrams each UDP run sends. */
const UDP_COUNT = QUICK ? 2000 : 10000;
/** No single process may run longer than this. */
const PROCESS_TIMEOUT_MS = 30_000;
/** The whole bench stops measuring (and says so) after this. */
const DEADLINE = Date.now() + 100_000;

// ---------------------------------------------------------------------------
// Processes: every child is tracked, bounded in time, and killed at the end.

const children = new Set<Deno.ChildProcess>();
let tmp = "";
let childEnv: Record<string, string> = {};

function spawn(
  cmd: string,
  args: string[],
  stdin: "piped" | "null" = "null",
  timeoutMs = PROCESS_TIMEOUT_MS,
): Deno.ChildProcess {
  const child = new Deno.Command(cmd, {
    args,
    cwd: ROOT,
    env: childEnv,
    stdin,
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(timeoutMs),
  }).spawn();
  children.add(child);
  child.status.finally(() => children.delete(child));
  return child;
}

/** Run to the end; the wall time from spawn to exit, in ms. Fails on a non-zero status. */
async function timed(
  cmd: string,
  args: string[],
): Promise<{ ms: number; stdout: string }> {
  const t0 = performance.now();
  const out = await spawn(cmd, args).output();
  const ms = performance.now() - t0;
  if (!out.success) {
    throw new Error(
      `${cmd} ${args.join(" ").slice(0, 200)} exited with ${out.code}: ${
        decoder.decode(out.stderr).slice(0, 500)
      }`,
    );
  }
  return { ms, stdout: decoder.decode(out.stdout) };
}

/** A child's output read in the background, with a way to wait for some text in it. */
class Watch {
  text = "";
  /** When each chunk arrived: the text's length after it, and performance.now(). */
  #chunks: Array<{ end: number; t: number }> = [];
  #waiters: Array<{ needle: string; from: number; resolve(t: number): void }> =
    [];
  done: Promise<void>;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.done = (async () => {
      for await (const chunk of stream) {
        this.text += decoder.decode(chunk, { stream: true });
        this.#chunks.push({ end: this.text.length, t: performance.now() });
        this.#waiters = this.#waiters.filter((w) => {
          const t = this.#seen(w.needle, w.from);
          if (t === undefined) return true;
          w.resolve(t);
          return false;
        });
      }
    })().catch(() => {});
  }

  /** When `needle` (after `from` characters) had fully arrived, or undefined if it has not. */
  #seen(needle: string, from: number): number | undefined {
    const at = this.text.indexOf(needle, from);
    if (at < 0) return undefined;
    return this.#chunks.find((c) => c.end >= at + needle.length)?.t;
  }

  /** When `needle` appeared (after `from` characters), as performance.now(); rejects after `ms`. */
  waitFor(needle: string, ms = PROCESS_TIMEOUT_MS, from = 0): Promise<number> {
    const t = this.#seen(needle, from);
    if (t !== undefined) return Promise.resolve(t);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w.resolve !== done);
        reject(
          new Error(
            `no ${JSON.stringify(needle)} within ${ms} ms; output: ${
              JSON.stringify(this.text.slice(-300))
            }`,
          ),
        );
      }, ms);
      const done = (t: number) => {
        clearTimeout(timer);
        resolve(t);
      };
      this.#waiters.push({ needle, from, resolve: done });
    });
  }
}

/** A running program whose stdout is watched and whose stderr is kept. */
function start(
  cmd: string,
  args: string[],
  stdin: "piped" | "null" = "null",
  timeoutMs = PROCESS_TIMEOUT_MS,
): { child: Deno.ChildProcess; out: Watch; err: Watch } {
  const child = spawn(cmd, args, stdin, timeoutMs);
  return { child, out: new Watch(child.stdout), err: new Watch(child.stderr) };
}

/** Wait for a started program to exit with status 0. */
async function finished(
  p: { child: Deno.ChildProcess; err: Watch },
  what: string,
): Promise<void> {
  const status = await p.child.status;
  await p.err.done;
  if (!status.success) {
    throw new Error(
      `${what} exited with ${status.code}${
        status.signal ? ` (${status.signal})` : ""
      }: ${p.err.text.slice(0, 500)}`,
    );
  }
}

function shellQuote(args: string[]): string {
  return args.map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(" ");
}

/** sockshell's own arguments, with extra `deno run` flags (coverage) before the module. */
function shellArgs(args: string[], denoFlags: string[] = []): string[] {
  const all = sockshellArgs(args);
  return [all[0]!, ...denoFlags, ...all.slice(1)];
}

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

async function writeTemp(name: string, text: string): Promise<string> {
  const path = `${tmp}/${name}`;
  await Deno.writeTextFile(path, text);
  return path;
}

function timeLeft(): boolean {
  return Date.now() < DEADLINE;
}

// ---------------------------------------------------------------------------
// Files through a socket: `send -f` and `recv -f` against socat, same C peer.

/** Bytes of the file moved per run: 1 GiB (256 MiB with --quick). */
const FILE_BYTES = (QUICK ? 256 : 1024) * 1024 * 1024;

/** Run `cmd` under GNU time: its peak RSS in KiB, after it exits with 0. */
async function peakRss(cmd: string, args: string[]): Promise<number> {
  const p = start("/usr/bin/time", ["-f", "RSS %M", cmd, ...args]);
  await finished(p, cmd);
  const m = /RSS (\d+)\s*$/.exec(p.err.text);
  if (!m) throw new Error(`no RSS from /usr/bin/time: ${p.err.text}`);
  return Number(m[1]);
}

/**
 * `cmd` run against a C peer that prints "BYTES SECONDS" at its end: the MB/s, the byte count
 * checked against `bytes`, the command's peak RSS added to `rss`. `front`, given the peer's
 * port, starts what the command talks to instead (socat's TLS end) and gives its port. Each
 * run starts with no dirty pages left by the one before (`out` removed, the rest written
 * back): the disk's backlog would slow whichever came next.
 */
async function peerRate(o: {
  peer: string;
  peerArgs: (port: number) => string[];
  cmd: string;
  args: (port: number) => string[];
  name: string;
  bytes: number;
  out: string;
  rss: Map<string, number[]>;
  front?: (port: number) => Promise<{ port: number } & AsyncDisposable>;
}): Promise<number> {
  const { startPeer } = await import("../tests/_peers.ts");
  await Deno.remove(o.out).catch(() => {});
  await finished(start("sync", []), "sync");
  const port = freePort();
  await using p = startPeer(o.peer, o.peerArgs(port));
  await p.waitForPort(port);
  await using front = o.front ? await o.front(port) : undefined;
  const kib = await peakRss(o.cmd, o.args(front?.port ?? port));
  o.rss.set(o.name, [...o.rss.get(o.name) ?? [], kib]);
  const [bytes, seconds] = (await p.stdout()).trim().split(" ").map(Number);
  check(bytes!, o.name, o.bytes);
  return bytes! / 1e6 / seconds!;
}

async function benchFiles(): Promise<void> {
  if (!await have("socat", ["-V"]) || !await have("/usr/bin/time", ["true"])) {
    console.log("\n(files: skipped: socat or /usr/bin/time is missing)");
    return;
  }
  const { buildPeer, startPeer } = await import("../tests/_peers.ts");
  const sinkBin = await buildPeer("byte_sink");
  const sourceBin = await buildPeer("byte_source");
  const file = `${tmp}/file.bin`;
  {
    using f = await Deno.open(file, { write: true, create: true });
    const chunk = new Uint8Array(1024 * 1024).fill(120);
    for (let off = 0; off < FILE_BYTES; off += chunk.length) {
      await f.write(chunk);
    }
  }
  // An idle shell's peak, as many times as each transfer runs: a process's RSS varies by a few
  // MiB from one run to the next (the pages of the runtime's own code it happens to touch).
  const idles: number[] = [];
  for (let i = 0; i < RUNS.throughput; i++) {
    idles.push(await peakRss(DENO, shellArgs(["-q", "-c", "exit"])));
  }
  const idle = stats(idles).median;
  const rss = new Map<string, number[]>();
  const out = `${tmp}/out.bin`;
  /** A C peer on a free port; the command runs against it. */
  const against = (
    peer: string,
    peerArgs: (port: number) => string[],
    cmd: string,
    args: (port: number) => string[],
    name: string,
  ) =>
    peerRate({
      peer,
      peerArgs,
      cmd,
      args,
      name,
      bytes: FILE_BYTES,
      out,
      rss,
    });
  /** `sockshell -q -c` connected to the peer on its port: `socket tcp; connect ...; BODY; close`. */
  const shellOn = (body: string) => (p: number) =>
    shellArgs([
      "-q",
      "-c",
      `socket tcp; connect 127.0.0.1 ${p}; ${body}; close`,
    ]);
  const variants = [
    {
      name: "socat -b 65536: file → C sink (reference)",
      run: () =>
        against(sinkBin, (p) => [String(p)], "socat", (p) => [
          "-u",
          "-b",
          "65536",
          `OPEN:${file}`,
          `TCP:127.0.0.1:${p}`,
        ], "socat → sink"),
    },
    {
      name: "sockshell `send -f`: file → C sink",
      run: () =>
        against(
          sinkBin,
          (p) => [String(p)],
          DENO,
          shellOn(`send -f ${file}`),
          "send -f",
        ),
    },
    {
      name: "sockshell `send -r`: 16-byte text repeated → C sink",
      run: () =>
        against(
          sinkBin,
          (p) => [String(p)],
          DENO,
          shellOn(`send -r ${FILE_BYTES / 16} 0123456789abcdef`),
          "send -r",
        ),
    },
    {
      name: "socat -b 65536: C source → file (reference)",
      run: () =>
        against(
          sourceBin,
          (p) => [String(p), String(FILE_BYTES)],
          "socat",
          (p) => [
            "-u",
            "-b",
            "65536",
            `TCP:127.0.0.1:${p}`,
            `CREATE:${out}`,
          ],
          "source → socat",
        ),
    },
    {
      name: "sockshell `recv -f -a`: C source → file",
      run: () =>
        against(
          sourceBin,
          (p) => [String(p), String(FILE_BYTES)],
          DENO,
          shellOn(`recv -f ${out} -a`),
          "recv -f",
        ),
    },
  ];
  const LABELS = [
    "socat → sink",
    "send -f",
    "send -r",
    "source → socat",
    "recv -f",
  ];
  // Each sockshell row against the socat row above it.
  const REF = [undefined, 0, 0, undefined, 3];
  const samples = await roundRobin("files", variants, RUNS.throughput);
  const rows = variants.map((v, i) => {
    const s = stats(samples.get(v.name)!);
    const kib = stats(rss.get(LABELS[i]!) ?? [0]);
    const ref = REF[i];
    return [
      v.name,
      ...spread(s, 0),
      ref === undefined
        ? "1×"
        : `${
          fmt(s.median / stats(samples.get(variants[ref]!.name)!).median, 2)
        }×`,
      ref === undefined
        ? "-"
        : `${fmt((kib.median - idle) / 1024, 1)} MiB (max ${
          fmt((kib.max - idle) / 1024, 1)
        })`,
      `${s.runs}`,
    ];
  });
  table(
    `Files through TCP on 127.0.0.1 (${
      FILE_BYTES / 1024 / 1024
    } MiB a run; MB/s, MB = 10⁶ bytes; ` +
      `peak RSS over an idle shell's ${fmt(idle / 1024, 1)} MiB, medians of ${
        stats(idles).runs
      } runs each, idle from ${fmt(stats(idles).min / 1024, 1)} to ${
        fmt(stats(idles).max / 1024, 1)
      } MiB)`,
    ["path", "median", "min", "max", "vs socat", "RSS over idle", "runs"],
    rows,
  );
  await byteExact(startPeer);
}

// ---------------------------------------------------------------------------
// Files through TLS: `starttls`, then `send -f` and `recv -f`, on both hosts, against
// socat's OPENSSL through the same TLS end in the same run.

/** Bytes moved per TLS run: 128 MiB (32 MiB with --quick). */
const TLS_BYTES = (QUICK ? 32 : 128) * 1024 * 1024;

async function benchTls(): Promise<void> {
  if (
    !await have("socat", ["-V"]) || !await have("openssl", ["version"]) ||
    !await have("node", ["--version"]) || !await have("/usr/bin/time", ["true"])
  ) {
    console.log(
      "\n(tls: skipped: socat, openssl, node or /usr/bin/time is missing)",
    );
    return;
  }
  const { buildPeer, startPeer } = await import("../tests/_peers.ts");
  const { testCerts } = await import("../tests/_tls.ts");
  const { nodeSockshell } = await import("../tests/_shell.ts");
  const c = await testCerts();
  const bundle = await nodeSockshell();
  const sinkBin = await buildPeer("byte_sink");
  const sourceBin = await buildPeer("byte_source");
  const file = `${tmp}/tls.bin`;
  {
    using f = await Deno.open(file, { write: true, create: true });
    const chunk = new Uint8Array(1024 * 1024).fill(121);
    for (let off = 0; off < TLS_BYTES; off += chunk.length) {
      await f.write(chunk);
    }
  }
  const out = `${tmp}/tls.out`;
  const rss = new Map<string, number[]>();
  /** socat's TLS end before the C peer on `port` (OPENSSL-LISTEN, relaying plain bytes to it). */
  const tlsEnd = async (port: number) => {
    const tlsPort = freePort();
    const relay = startPeer("socat", [
      "-b",
      "65536",
      `OPENSSL-LISTEN:${tlsPort},bind=127.0.0.1,cert=${c.cert},key=${c.key},verify=0`,
      `TCP:127.0.0.1:${port}`,
    ]);
    await relay.waitForPort(tlsPort);
    return {
      port: tlsPort,
      [Symbol.asyncDispose]: () => relay[Symbol.asyncDispose](),
    };
  };
  /** The C peer behind socat's TLS end: the command runs against that end. */
  const through = (
    peer: string,
    peerArgs: (port: number) => string[],
    cmd: string,
    args: (port: number) => string[],
    name: string,
  ) =>
    peerRate({
      peer,
      peerArgs,
      cmd,
      args,
      name,
      bytes: TLS_BYTES,
      out,
      rss,
      front: tlsEnd,
    });
  const hosts = [
    { host: "Deno", cmd: DENO, args: (a: string[]) => shellArgs(a) },
    { host: "Node", cmd: "node", args: (a: string[]) => [bundle, ...a] },
  ];
  /** A shell's arguments: `socket tcp; connect; starttls; BODY; close`, quiet. */
  const tlsShell =
    (args: (a: string[]) => string[], body: string) => (p: number) =>
      args([
        "-q",
        "-c",
        `socket tcp; connect 127.0.0.1 ${p}; starttls --ca ${c.cert} localhost; ${body}; close`,
      ]);
  const socatEnd = (p: number) =>
    `OPENSSL:127.0.0.1:${p},cafile=${c.cert},commonname=localhost`;
  const sink = (p: number) => [String(p)];
  const source = (p: number) => [String(p), String(TLS_BYTES)];
  const variants = [
    {
      name: "socat -b 65536: file → TLS → C sink (reference)",
      label: "socat → sink",
      run: () =>
        through(sinkBin, sink, "socat", (p) => [
          "-u",
          "-b",
          "65536",
          `OPEN:${file}`,
          socatEnd(p),
        ], "socat → sink"),
    },
    ...hosts.map((h) => ({
      name: `sockshell on ${h.host}: \`send -f\` → TLS → C sink`,
      label: `send -f ${h.host}`,
      run: () =>
        through(
          sinkBin,
          sink,
          h.cmd,
          tlsShell(h.args, `send -f ${file}`),
          `send -f ${h.host}`,
        ),
    })),
    {
      name: "socat -b 65536: C source → TLS → file (reference)",
      label: "source → socat",
      run: () =>
        through(sourceBin, source, "socat", (p) => [
          "-u",
          "-b",
          "65536",
          socatEnd(p),
          `CREATE:${out}`,
        ], "source → socat"),
    },
    ...hosts.map((h) => ({
      name: `sockshell on ${h.host}: C source → TLS → \`recv -f -a\``,
      label: `recv -f ${h.host}`,
      run: () =>
        through(
          sourceBin,
          source,
          h.cmd,
          tlsShell(h.args, `recv -f ${out} -a`),
          `recv -f ${h.host}`,
        ),
    })),
  ];
  // Each sockshell row against the socat row above it.
  const REF = [undefined, 0, 0, undefined, 3, 3];
  const samples = await roundRobin("tls", variants, RUNS.throughput);
  const rows = variants.map((v, i) => {
    const s = stats(samples.get(v.name)!);
    const ref = REF[i];
    return [
      v.name,
      ...spread(s, 0),
      ref === undefined
        ? "1×"
        : `${
          fmt(s.median / stats(samples.get(variants[ref]!.name)!).median, 2)
        }×`,
      `${fmt(stats(rss.get(v.label)!).median / 1024, 1)} MiB`,
      `${s.runs}`,
    ];
  });
  table(
    `Files through TLS on 127.0.0.1 (${
      TLS_BYTES / 1024 / 1024
    } MiB a run through socat's TLS end; MB/s, MB = 10⁶ bytes; peak RSS, median)`,
    ["path", "median", "min", "max", "vs socat", "peak RSS", "runs"],
    rows,
  );
}

/** sha256 of a file, read 1 MiB at a time. */
async function sha256File(path: string): Promise<string> {
  const { createHash } = await import("node:crypto");
  const h = createHash("sha256");
  using f = await Deno.open(path);
  const buf = new Uint8Array(1024 * 1024);
  for (;;) {
    const n = await f.read(buf);
    if (n === null) break;
    h.update(buf.subarray(0, n));
  }
  return h.digest("hex");
}

/**
 * The issue's round trip: a file of FILE_BYTES distinct bytes through `send -f`
 * into socat, and from socat through `recv -f`, each compared by sha256.
 */
async function byteExact(
  startPeer: typeof import("../tests/_peers.ts").startPeer,
): Promise<void> {
  const src = `${tmp}/random.bin`;
  {
    using f = await Deno.open(src, { write: true, create: true });
    // xorshift32: distinct bytes everywhere, so a lost, doubled or reordered piece shows.
    const chunk = new Uint32Array(256 * 1024);
    let x = 2463534242;
    for (let off = 0; off < FILE_BYTES; off += chunk.byteLength) {
      for (let i = 0; i < chunk.length; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        chunk[i] = x >>> 0;
      }
      await f.write(new Uint8Array(chunk.buffer));
    }
  }
  const want = await sha256File(src);
  const out = `${tmp}/random.out`;
  let port = freePort();
  {
    await using sink = startPeer("socat", [
      "-u",
      `TCP-LISTEN:${port},bind=127.0.0.1`,
      `CREATE:${out}`,
    ]);
    await sink.waitForPort(port);
    await finished(
      start(
        DENO,
        shellArgs([
          "-q",
          "-c",
          `socket tcp; connect 127.0.0.1 ${port}; send -f ${src}; close`,
        ]),
      ),
      "send -f",
    );
    await sink.status;
  }
  const sent = await sha256File(out);
  port = freePort();
  {
    await using source = startPeer("socat", [
      "-u",
      `OPEN:${src}`,
      `TCP-LISTEN:${port},bind=127.0.0.1`,
    ]);
    await source.waitForPort(port);
    await finished(
      start(
        DENO,
        shellArgs([
          "-q",
          "-c",
          `socket tcp; connect 127.0.0.1 ${port}; recv -f ${out} -a; close`,
        ]),
      ),
      "recv -f",
    );
  }
  const received = await sha256File(out);
  const said = (h: string) => h === want ? "equal" : `DIFFERENT (${h})`;
  console.log(
    `\nByte-exact, ${FILE_BYTES / 1024 / 1024} MiB of xorshift bytes (sha256 ${
      want.slice(0, 16)
    }…): \`send -f\` → socat: ${said(sent)}; socat → \`recv -f\`: ${
      said(received)
    }.`,
  );
  await Deno.remove(src);
  await Deno.remove(out);
}

// ---------------------------------------------------------------------------
// Dialogue: the per-command cost of a script that talks, and a recvfrom loop.

/** Round trips of each ping-pong run. */
const PINGS = QUICK ? 2000 : 5000;
/** Datagrams the C sender floods at each receiver. */
const FLOOD = QUICK ? 20000 : 50000;
/** What the raw receiver's second row spends on each datagram, in µs: a script turn's work beside the receive. */
const RAW_WORK_US = 6;

const RAW_PING = `const [port, n] = Deno.args.map(Number);
const conn = await Deno.connect({ hostname: "127.0.0.1", port });
const msg = new TextEncoder().encode("ping\\n");
const buf = new Uint8Array(4096);
// n round trips from a cold start, then n more: the time of each half, in ms.
const half = async () => {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    let off = 0;
    while (off < msg.length) off += await conn.write(msg.subarray(off));
    // Read up to the line's end, as recv -l does.
    for (let got = 0; got === 0 || buf[got - 1] !== 10;) {
      const r = await conn.read(buf.subarray(got));
      if (r === null) throw new Error("end of stream");
      got += r;
    }
  }
  return performance.now() - t0;
};
const cold = await half();
const warm = await half();
console.log(cold + " " + warm);
conn.close();
`;

/** A ping-pong of `n` round trips from a cold start (`start` to `warm`), then `n` more (to `done`). */
function pingScript(n: number): string {
  const loop =
    `let i = 0\nwhile $i < ${n}\n  send "ping\\n"\n  recv -l\n  let i = $i + 1\nend\n`;
  return "socket tcp\nconnect 127.0.0.1 $1\nprint start\n" + loop +
    "print warm\n" + loop + "print done\nclose\n";
}

/**
 * What the runtime itself can take: a raw Deno loop of receive() into one
 * buffer, stopping after 0.3 s without a datagram, as the script does. A
 * second argument makes it spend that many µs on each datagram as well.
 */
const RAW_RECEIVER = `const port = Number(Deno.args[0]);
const work = Number(Deno.args[1] ?? 0) / 1000;
const c = Deno.listenDatagram({ hostname: "127.0.0.1", port, transport: "udp" });
const buf = new Uint8Array(64);
console.log("ready");
let n = 0;
let last = performance.now();
const quiet = setInterval(() => {
  if (performance.now() - last < 300) return;
  clearInterval(quiet);
  console.log("got " + n);
  Deno.exit(0);
}, 50);
for (;;) {
  await c.receive(buf);
  n++;
  last = performance.now();
  while (work && performance.now() - last < work);
}
`;

const UDP_RECEIVER = `socket udp
bind 127.0.0.1 $1
print ready
let n = 0
while true
  try recvfrom -t 0.3 64 -> d
  if $d.n < 0
    break
  end
  let n = $n + 1
end
print got $n
`;

/**
 * A script's dialogue against a C echo server (`send` + `recv -l` in a
 * `while` loop, `-q`) beside a raw Deno client doing the same write and read
 * to the newline; and a `recvfrom` loop beside a C receiver and a raw Deno
 * one, each taking what a C sender floods at it (the kernel drops what a
 * receiver cannot keep up with).
 */
async function benchDialogue(): Promise<void> {
  const { buildPeer, startPeer } = await import("../tests/_peers.ts");
  const echo = await buildPeer("line_echo");
  const flood = await buildPeer("udp_flood");
  const counter = await buildPeer("udp_count");
  const rawPing = await writeTemp("raw_ping.ts", RAW_PING);
  const ping = await writeTemp("ping.sock", pingScript(PINGS));
  const udpReceiver = await writeTemp("udp_receiver.sock", UDP_RECEIVER);
  const rawReceiver = await writeTemp("raw_receiver.ts", RAW_RECEIVER);
  const perTrip = (ms: number) => (ms * 1000) / PINGS;
  const RAW = "raw Deno client: write + read to the newline (reference)";
  const SHELL =
    'sockshell -q: `send "ping\\n"` + `recv -l` + `let` in a `while`';
  // Where the script's time goes beyond the runtime's: the same round trip through fewer of
  // the shell's layers (bench/ping_layers.ts), each against its own echo server too.
  const LAYERS = [
    [
      "socket",
      "sockshell's socket layer alone: `writeStream` + `takeUntil` in a TypeScript loop",
    ],
    [
      "commands",
      'sockshell\'s commands alone: `send "ping\\n"` + `recv -l` run in a TypeScript loop',
    ],
  ] as const;
  const layers = `${ROOT}/bench/ping_layers.ts`;
  /**
   * The two clients, each against its own C echo server, every process run through
   * `pin` (taskset, or nothing): the µs of each warm round trip, and of each cold one.
   */
  const pingPong = async (pin: string[], label: string) => {
    // Each run measures a cold half and a warm one: the warm is returned, the cold kept here
    // (roundRobin's first run, which it does not count, is left out of both).
    const cold = new Map<string, number[]>();
    const seen = new Map<string, number>();
    const keepCold = (name: string, us: number) => {
      seen.set(name, (seen.get(name) ?? 0) + 1);
      if (seen.get(name)! > 1) cold.set(name, [...cold.get(name) ?? [], us]);
    };
    const pinned = (cmd: string, args: string[]): [string, string[]] =>
      pin.length ? [pin[0]!, [...pin.slice(1), cmd, ...args]] : [cmd, args];
    const echoing = (port: number) =>
      startPeer(...pinned(echo, [String(port)]));
    /** A Deno client (`deno run ARGS`) that prints the ms of its cold half and its warm one. */
    const halves = (name: string, args: (port: number) => string[]) => ({
      name,
      run: async () => {
        const port = freePort();
        await using e = echoing(port);
        await e.waitForPort(port);
        const p = start(...pinned(DENO, ["run", "--quiet", ...args(port)]));
        await finished(p, name);
        const [c, w] = p.out.text.trim().split(" ").map(Number);
        keepCold(name, perTrip(c!));
        return perTrip(w!);
      },
    });
    const pings = [
      halves(RAW, (port) => [
        "--allow-net=127.0.0.1",
        rawPing,
        String(port),
        String(PINGS),
      ]),
      {
        name: SHELL,
        run: async () => {
          const port = freePort();
          await using e = echoing(port);
          await e.waitForPort(port);
          const p = start(
            ...pinned(DENO, shellArgs(["-q", ping, String(port)])),
          );
          const t0 = await p.out.waitFor("start");
          const t1 = await p.out.waitFor("warm");
          const t2 = await p.out.waitFor("done");
          await finished(p, "sockshell ping");
          keepCold(SHELL, perTrip(t1 - t0));
          return perTrip(t2 - t1);
        },
      },
      ...LAYERS.map(([mode, name]) =>
        halves(name, (port) => [
          ...SHELL_FLAGS,
          layers,
          mode,
          String(port),
          String(PINGS),
        ])
      ),
    ];
    const warm = await roundRobin(label, pings, RUNS.commands);
    return { cold, warm };
  };
  const pingRows = (
    runs: { cold: Map<string, number[]>; warm: Map<string, number[]> },
    where: string,
  ) =>
    ([["from a cold start", runs.cold], [
      "after as many round trips",
      runs.warm,
    ]] as const).flatMap(([when, m]) => {
      const ref = stats(m.get(RAW)!).median;
      return [RAW, ...LAYERS.map(([, name]) => name), SHELL].map((name) => {
        const s = stats(m.get(name)!);
        return [
          `${name}, ${when}${where}`,
          fmt(s.median),
          fmt(s.min),
          fmt(s.max),
          name === RAW ? "1×" : `${fmt(ref / s.median, 2)}×`,
          `${s.runs}`,
        ];
      });
    });
  const rows = pingRows(await pingPong([], "dialogue"), "");
  // The same on one CPU: the client and its echo server take turns, so a round trip is the
  // CPU time both spend on it, without the wake-ups of an idle second CPU, which vary from
  // one machine to the next (and with the time the client leaves it idle).
  if (await have("taskset", ["-V"])) {
    rows.push(
      ...pingRows(
        await pingPong(["taskset", "-c", "0"], "dialogue on one CPU"),
        ", both on one CPU (taskset -c 0)",
      ),
    );
  }
  table(
    `A dialogue with a C echo server on 127.0.0.1 (${PINGS} round trips from a cold start, then ${PINGS} more; µs per round trip)`,
    ["client", "median", "min", "max", "speed vs raw Deno", "runs"],
    rows,
  );

  /** Start a receiver, flood it, and return how many datagrams it took. */
  const flooded = async (
    cmd: string,
    args: (port: number) => string[],
    ready: string,
    got: RegExp,
  ) => {
    const port = freePort();
    const r = start(cmd, args(port));
    await r.out.waitFor(ready);
    const f = start(flood, [String(port), String(FLOOD)]);
    await finished(f, "udp_flood");
    await finished(r, "receiver");
    return Number(got.exec(r.out.text)?.[1] ?? NaN);
  };
  /** The raw Deno receiver, spending `workUs` µs on each datagram besides. */
  const rawFlooded = (workUs: number) =>
    flooded(
      DENO,
      (p) => [
        "run",
        "--quiet",
        "--unstable-net",
        "--allow-net=127.0.0.1",
        rawReceiver,
        String(p),
        String(workUs),
      ],
      "ready",
      /^got (\d+)$/m,
    );
  const receivers = [
    {
      name: "C receiver: a recvfrom() loop (reference)",
      run: () => flooded(counter, (p) => [String(p)], "ready", /^(\d+)$/m),
    },
    {
      name: "raw Deno receiver: a receive() loop (the runtime's own)",
      run: () => rawFlooded(0),
    },
    {
      // The runtime at a script's pace. A receiver that falls behind also pays more for each
      // receive, the sender filling the same socket meanwhile (Deno's op: some 6 µs a call in a
      // CPU profile, against 1.7 µs for a loop that keeps up).
      name:
        `raw Deno receiver spending ${RAW_WORK_US} µs on each datagram (about a script's own turn)`,
      run: () => rawFlooded(RAW_WORK_US),
    },
    {
      name: "sockshell -q: `try recvfrom` + `let` in a `while`",
      run: () =>
        flooded(
          DENO,
          (p) => shellArgs(["-q", udpReceiver, String(p)]),
          "ready",
          /^got (\d+)$/m,
        ),
    },
  ];
  const taken = await roundRobin("recvfrom", receivers, RUNS.commands);
  const cTook = stats(taken.get(receivers[0]!.name)!).median;
  table(
    `A UDP receive loop under a flood (a C sender, ${FLOOD} datagrams of 1 byte a run, as fast as sendto() goes; datagrams taken)`,
    ["receiver", "median", "min", "max", "vs C", "runs"],
    receivers.map((v, i) => {
      const s = stats(taken.get(v.name)!);
      return [
        v.name,
        ...spread(s, 0),
        i ? `${fmt(s.median / cTook, 2)}×` : "1×",
        `${s.runs}`,
      ];
    }),
  );
}

// ---------------------------------------------------------------------------
// Statistics and tables.

interface Stats {
  median: number;
  p90: number;
  min: number;
  max: number;
  runs: number;
}

function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => {
    if (!s.length) return NaN;
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo);
  };
  return {
    median: q(0.5),
    p90: q(0.9),
    min: s[0] ?? NaN,
    max: s.at(-1) ?? NaN,
    runs: s.length,
  };
}

/** A measurement's median, min and max, for a table row. */
function spread(s: Stats, digits = 1): string[] {
  return [fmt(s.median, digits), fmt(s.min, digits), fmt(s.max, digits)];
}

function fmt(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return "–";
  return x.toFixed(digits);
}

function table(title: string, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length))
  );
  const line = (cells: string[]) =>
    "| " +
    cells.map((c, i) => i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))
      .join(" | ") +
    " |";
  console.log(`\n### ${title}\n`);
  console.log(line(head));
  console.log(
    "| " +
      widths.map((w, i) => i === 0 ? "-".repeat(w) : "-".repeat(w - 1) + ":")
        .join(" | ") +
      " |",
  );
  for (const r of rows) console.log(line(r));
}

/** Progress on one terminal line of stderr; nothing when stderr is not a terminal. */
const PROGRESS = Deno.stderr.isTerminal();

function progress(text: string): void {
  if (PROGRESS) Deno.stderr.writeSync(encoder.encode(`\r\x1b[K${text}`));
}

function progressDone(): void {
  if (PROGRESS) Deno.stderr.writeSync(encoder.encode("\r\x1b[K"));
}

/**
 * Measure several variants `runs` times each, round-robin (so drift hits all
 * alike), after one discarded warm-up round.
 */
async function roundRobin(
  label: string,
  variants: Array<{ name: string; run(): Promise<number> }>,
  runs: number,
): Promise<Map<string, number[]>> {
  const samples = new Map(variants.map((v) => [v.name, [] as number[]]));
  for (let r = -1; r < runs && timeLeft(); r++) {
    for (const v of variants) {
      progress(`${label}: ${v.name} (${r + 1}/${runs})`);
      const ms = await v.run();
      if (r >= 0) samples.get(v.name)!.push(ms);
    }
  }
  progressDone();
  return samples;
}

// ---------------------------------------------------------------------------
// 1. Start-up.

/**
 * Spawn `cmd` under a pseudo-terminal (util-linux `script`) and time until
 * `prompt` shows on its output; then type `exit` and wait for the end.
 */
async function toPrompt(cmd: string[], prompt: string): Promise<number> {
  const t0 = performance.now();
  const p = start("script", ["-qefc", shellQuote(cmd), "/dev/null"], "piped");
  const writer = p.child.stdin.getWriter();
  try {
    const t1 = await p.out.waitFor(prompt);
    await writer.write(encoder.encode("exit\n"));
    await finished(p, `${cmd.slice(-1)[0]} under script`);
    return t1 - t0;
  } finally {
    await writer.close().catch(() => {});
  }
}

/** True when `cmd` can be run (util-linux `script` for the pseudo-terminal rows). */
async function have(cmd: string, args: string[]): Promise<boolean> {
  try {
    return (await new Deno.Command(cmd, {
      args,
      stdout: "null",
      stderr: "null",
    }).output()).success;
  } catch {
    return false;
  }
}

async function benchStartup(): Promise<void> {
  const empty = await writeTemp("empty.ts", "");
  // The bare baseline under a terminal: Deno printing the prompt and reading a line.
  const promptOnly = await writeTemp(
    "prompt.ts",
    `Deno.stdout.writeSync(new TextEncoder().encode("sockshell> "));\n` +
      `await Deno.stdin.read(new Uint8Array(64));\n`,
  );
  const run = (args: string[]) => async () => (await timed(DENO, args)).ms;
  const all = [
    {
      name: "`deno run` of an empty file (baseline)",
      run: run(["run", "--quiet", ...SHELL_FLAGS, empty]),
    },
    { name: "`sockshell --version`", run: run(shellArgs(["--version"])) },
    { name: "`sockshell -c exit`", run: run(shellArgs(["-c", "exit"])) },
    {
      name: "`sockshell -c 'socket tcp; bind 127.0.0.1 0; listen; ls'`",
      run: run(shellArgs(["-c", "socket tcp; bind 127.0.0.1 0; listen; ls"])),
    },
    {
      name: "pty: empty Deno program printing `sockshell> ` (baseline)",
      run: () => toPrompt([DENO, "run", "--quiet", promptOnly], "sockshell> "),
    },
    {
      name: "pty: interactive `sockshell` to its first prompt",
      run: () => toPrompt([DENO, ...shellArgs([])], "sockshell> "),
    },
  ];
  const pty = await have("script", ["-V"]);
  const variants = pty ? all : all.slice(0, 4);
  const samples = await roundRobin("start-up", variants, RUNS.startup);
  const rows = variants.map((v) => {
    const s = stats(samples.get(v.name)!);
    return [
      v.name,
      fmt(s.median),
      fmt(s.p90),
      fmt(s.min),
      fmt(s.max),
      `${s.runs}`,
    ];
  });
  const med = (i: number) => stats(samples.get(variants[i]!.name)!).median;
  table(
    "Start-up: spawn to exit, or to the first prompt under a pty (ms)",
    ["what", "median", "p90", "min", "max", "runs"],
    rows,
  );
  console.log(
    `\nOver the bare baseline: --version +${fmt(med(1) - med(0))} ms, ` +
      `-c exit +${fmt(med(2) - med(0))} ms; ` +
      (pty
        ? `interactive prompt +${
          fmt(med(5) - med(4))
        } ms over the pty baseline.`
        : "no pty rows: util-linux `script` is missing."),
  );
}

// ---------------------------------------------------------------------------
// 2. Imports: what each adds to a bare `deno run`.

async function benchImports(): Promise<void> {
  const imports: Array<[string, string[]]> = [
    ["(empty file: baseline)", []],
    ["node:process", ["node:process"]],
    ["node:readline", ["node:readline"]],
    ["node:readline + node:process", ["node:readline", "node:process"]],
    ["node:dns", ["node:dns"]],
    ["lib/net/deno.ts + lib/ui/host_deno.ts", [
      `${ROOT}/lib/net/deno.ts`,
      `${ROOT}/lib/ui/host_deno.ts`,
    ]],
    ["lib/ui/cli.ts (shell, script, tokenizer, …)", [`${ROOT}/lib/ui/cli.ts`]],
    ["replays/mod.ts (8 text imports)", [`${ROOT}/replays/mod.ts`]],
    ["commands/mod.ts (every command, replays)", [
      `${ROOT}/commands/mod.ts`,
    ]],
    ["mod.ts (what every mode loads)", [`${ROOT}/mod.ts`]],
    ["mod.ts + lib/ui/repl.ts + node:readline + node:process (REPL mode)", [
      `${ROOT}/mod.ts`,
      `${ROOT}/lib/ui/repl.ts`,
      "node:readline",
      "node:process",
    ]],
  ];
  const variants = await Promise.all(imports.map(async ([name, specs], i) => {
    const file = await writeTemp(
      `import_${i}.ts`,
      specs.map((s) => `import ${JSON.stringify(s)};\n`).join(""),
    );
    const args = ["run", "--quiet", ...SHELL_FLAGS, file];
    return { name, run: async () => (await timed(DENO, args)).ms };
  }));
  const samples = await roundRobin("imports", variants, RUNS.imports);
  const base = stats(samples.get(variants[0]!.name)!).median;
  table(
    "Imports: `deno run` of a file that only imports … (ms, module cache warm)",
    ["imports", "median", "+ over empty", "min", "max", "runs"],
    variants.map((v) => {
      const s = stats(samples.get(v.name)!);
      return [
        v.name,
        fmt(s.median),
        v === variants[0] ? "–" : fmt(s.median - base),
        fmt(s.min),
        fmt(s.max),
        `${s.runs}`,
      ];
    }),
  );
}

// ---------------------------------------------------------------------------
// 3. Loads: which modules each mode really evaluates (V8 coverage).

interface CoverageFn {
  functionName: string;
  ranges: Array<{ startOffset: number; endOffset: number; count: number }>;
}

async function coverage(
  dir: string,
): Promise<Map<string, CoverageFn[]>> {
  const byUrl = new Map<string, CoverageFn[]>();
  for await (const e of Deno.readDir(dir)) {
    if (!e.name.endsWith(".json")) continue;
    const data = JSON.parse(await Deno.readTextFile(`${dir}/${e.name}`)) as {
      url: string;
      functions: CoverageFn[];
    };
    byUrl.set(data.url, data.functions);
  }
  return byUrl;
}

/** Whether `lookup` in lib/net/deno.ts ran past its numeric-address return, that is, imported node:dns. */
function dnsImported(cov: Map<string, CoverageFn[]>): boolean | undefined {
  const fns = cov.get(`file://${ROOT}/lib/net/deno.ts`);
  const lookup = fns?.find((f) => f.functionName === "lookup");
  if (!fns || !lookup) return undefined;
  const [outer] = lookup.ranges;
  if (!outer || outer.count === 0) return false;
  // The only functions nested in lookup run after `await import("node:dns")`.
  return fns.some((f) =>
    f !== lookup && f.ranges[0] !== undefined &&
    f.ranges[0].startOffset > outer.startOffset &&
    f.ranges[0].endOffset <= outer.endOffset && f.ranges[0].count > 0
  );
}

async function benchLoads(): Promise<void> {
  const modes: Array<[string, (flags: string[]) => Promise<void>]> = [
    [
      "`--version`",
      async (f) => void await timed(DENO, shellArgs(["--version"], f)),
    ],
    [
      "`-c exit`",
      async (f) => void await timed(DENO, shellArgs(["-c", "exit"], f)),
    ],
    [
      "`-c 'gethostbyname 127.0.0.1'`",
      async (f) =>
        void await timed(
          DENO,
          shellArgs(["-c", "gethostbyname 127.0.0.1"], f),
        ),
    ],
    [
      "`-c 'gethostbyname localhost'`",
      async (f) =>
        void await timed(
          DENO,
          shellArgs(["-c", "gethostbyname localhost"], f),
        ),
    ],
    [
      "interactive (pty), `exit` at once",
      async (f) =>
        void await toPrompt([DENO, ...shellArgs([], f)], "sockshell> "),
    ],
  ];
  const pty = await have("script", ["-V"]);
  const rows: string[][] = [];
  for (const [i, [name, run]] of modes.entries()) {
    if (!timeLeft()) break;
    if (!pty && name.includes("pty")) continue;
    progress(`loads: ${name}`);
    const dir = `${tmp}/coverage_${i}`;
    await run([`--coverage=${dir}`]);
    const cov = await coverage(dir);
    const repl = cov.get(`file://${ROOT}/lib/ui/repl.ts`);
    const replRan = repl?.find((f) => f.functionName === "repl")?.ranges[0]
      ?.count;
    const dns = dnsImported(cov);
    rows.push([
      name,
      `${[...cov.keys()].filter((u) => u.startsWith("file:")).length}`,
      repl ? (replRan ? "loaded, ran" : "loaded") : "no",
      dns === undefined ? "?" : dns ? "yes" : "no",
    ]);
  }
  progressDone();
  table(
    "Loads: modules evaluated per mode (V8 coverage of the real program)",
    [
      "mode",
      "our modules",
      "lib/ui/repl.ts (imports node:readline)",
      "node:dns imported",
    ],
    rows,
  );
}

// ---------------------------------------------------------------------------
// 4. Per-command overhead in long scripts: (T(setup + N commands) - T(setup)) / N.

interface ScriptCase {
  name: string;
  /** Runs once first. */
  setup: string;
  /** Lines repeated: the commands measured. */
  body: string[];
  /** Arguments before the script (as -q). */
  flags?: string[];
  /** Script arguments. */
  args?: () => string[];
  /** A `while` loop of N iterations instead of N repeated lines: its body is `body`. */
  loop?: boolean;
}

function scriptText(c: ScriptCase, n: number): string {
  if (c.loop) {
    return `${c.setup}set i 0\nwhile $i < ${n}\n${c.body.join("\n")}\nend\n`;
  }
  const reps = Math.round(n / c.body.length);
  return c.setup + (c.body.join("\n") + "\n").repeat(reps);
}

async function benchCommands(): Promise<void> {
  const tcpSetup = [
    "socket tcp", // 3: the listener
    "bind 127.0.0.1 0",
    "listen -> l",
    "socket tcp", // 4: the client
    "connect 127.0.0.1 $l.port",
    "use 3",
    "accept", // 5: the server's end
    "",
  ].join("\n");
  const udpSetup = [
    "socket udp", // 3: the receiver
    "bind 127.0.0.1 0 -> b",
    "socket udp", // 4: the sender
    "",
  ].join("\n");
  const cases: ScriptCase[] = [
    { name: "`set x hello`", setup: "", body: ["set x hello"] },
    { name: "`use 3`", setup: "socket tcp\n", body: ["use 3"] },
    { name: "`ls` (one socket, traced)", setup: "socket tcp\n", body: ["ls"] },
    {
      name: "`socket tcp` + `close` (traced)",
      setup: "",
      body: ["socket tcp", "close"],
    },
    {
      name: "`socket tcp` + `close` (-q)",
      setup: "",
      body: ["socket tcp", "close"],
      flags: ["-q"],
    },
    {
      name: "TCP `send @4 x` + `recv @5 1` (traced)",
      setup: tcpSetup,
      body: ["send @4 x", "recv @5 1"],
    },
    {
      name: "UDP `sendto @4 127.0.0.1 $b.port x` + `recvfrom @3 1` (traced)",
      setup: udpSetup,
      body: ["sendto @4 127.0.0.1 $b.port x", "recvfrom @3 1"],
    },
    {
      name: "`while $i < N` + `let i = $i + 1` (per iteration)",
      setup: "",
      body: ["  let i = $i + 1"],
      loop: true,
    },
  ];
  const rows: string[][] = [];
  for (const [i, c] of cases.entries()) {
    if (!timeLeft()) break;
    const full = await writeTemp(`cmd_${i}.sock`, scriptText(c, N_COMMANDS));
    const base = await writeTemp(`cmd_${i}_0.sock`, scriptText(c, 0));
    const args = (file: string) => shellArgs([...(c.flags ?? []), file]);
    const samples = await roundRobin(c.name, [
      { name: "0", run: async () => (await timed(DENO, args(base))).ms },
      { name: "N", run: async () => (await timed(DENO, args(full))).ms },
    ], RUNS.commands);
    const t0 = stats(samples.get("0")!).median;
    const per = stats(
      samples.get("N")!.map((t) => (t - t0) * 1000 / N_COMMANDS),
    );
    rows.push([
      c.name,
      `${N_COMMANDS}`,
      fmt(t0),
      fmt(stats(samples.get("N")!).median),
      fmt(per.median),
      fmt(per.min),
      fmt(per.max),
      `${per.runs}`,
    ]);
  }
  table(
    "Per command: (T(setup + N) - T(setup)) / N, output to a pipe",
    [
      "commands",
      "N",
      "T(setup) ms",
      "T(N) ms",
      "µs/cmd median",
      "min",
      "max",
      "runs",
    ],
    rows,
  );
}

// ---------------------------------------------------------------------------
// 5. Throughput over loopback.

const RECEIVER = `socket tcp
bind 127.0.0.1 $1
listen
print ready
accept
print accepted
set total 0
while true
  recv 65536 -> d
  if $d.n == 0
    break
  end
  let total = $total + $d.n
end
print done $total
`;

function senderScript(bytes: number): string {
  const sends = bytes / (16 * 1024 * 1024);
  return "socket tcp\nconnect 127.0.0.1 $1\n" +
    `set a ${"a".repeat(32 * 1024)}\nset b $a$a\n` +
    "send -r 256 $b\n".repeat(sends) + "close\n";
}

const RAW_SOURCE = `const [port, bytes] = Deno.args.map(Number);
const conn = await Deno.connect({ hostname: "127.0.0.1", port });
const chunk = new Uint8Array(65536).fill(97);
for (let sent = 0; sent < bytes; sent += chunk.length) {
  let off = 0;
  while (off < chunk.length) off += await conn.write(chunk.subarray(off));
}
conn.close();
`;

/** Accept one connection and read it to its end: bytes and ms from accept to end of stream. */
async function sink(
  listener: Deno.TcpListener,
): Promise<{ bytes: number; ms: number }> {
  const conn = await listener.accept();
  const t0 = performance.now();
  const buf = new Uint8Array(65536);
  let bytes = 0;
  try {
    for (;;) {
      const n = await conn.read(buf);
      if (n === null) break;
      bytes += n;
    }
  } finally {
    conn.close();
  }
  return { bytes, ms: performance.now() - t0 };
}

function check(bytes: number, what: string, expected = TCP_BYTES): void {
  if (bytes !== expected) {
    throw new Error(`${what}: ${bytes} bytes arrived, not ${expected}`);
  }
}

/** A sockshell receiver (`recv 65536` loop) on a fresh port: started and listening. */
async function startReceiver(file: string) {
  const port = freePort();
  const p = start(DENO, shellArgs(["-q", file, String(port)]));
  await p.out.waitFor("ready");
  return { ...p, port };
}

/** The receiver's window: from its `accepted` line to its `done` line. */
async function receiverWindow(
  r: Awaited<ReturnType<typeof startReceiver>>,
  what: string,
): Promise<number> {
  const t0 = await r.out.waitFor("accepted");
  const t1 = await r.out.waitFor("done ");
  await finished(r, what);
  check(Number(/done (\d+)/.exec(r.out.text)?.[1]), what);
  return t1 - t0;
}

/**
 * Run a sockshell script that sends UDP_COUNT datagrams to a raw Deno
 * receiver: the rate from the first datagram received to the last, and how
 * many never came (the kernel drops what the receiver cannot keep up with).
 */
async function udpRun(file: string): Promise<{ rate: number; lost: number }> {
  const sock = Deno.listenDatagram({
    hostname: "127.0.0.1",
    port: 0,
    transport: "udp",
  });
  const port = (sock.addr as Deno.NetAddr).port;
  let count = 0;
  let first = 0;
  let last = 0;
  const received = (async () => {
    const buf = new Uint8Array(2048);
    while (count < UDP_COUNT) {
      await sock.receive(buf);
      last = performance.now();
      if (count++ === 0) first = last;
    }
  })().catch(() => {}); // closed: the rest was lost
  try {
    await finished(
      start(DENO, shellArgs(["-q", file, String(port)])),
      "UDP sender",
    );
    // Once the sender has exited, what has not arrived within 200 ms is lost.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      received,
      new Promise((r) => timer = setTimeout(r, 200)),
    ]);
    clearTimeout(timer);
  } finally {
    sock.close();
  }
  await received;
  return {
    rate: (count - 1) / ((last - first) / 1000),
    lost: UDP_COUNT - count,
  };
}

async function benchThroughput(): Promise<void> {
  const receiver = await writeTemp("receiver.sock", RECEIVER);
  const sender = await writeTemp("sender.sock", senderScript(TCP_BYTES));
  const rawSource = await writeTemp("raw_source.ts", RAW_SOURCE);
  const rawArgs = (port: number) => [
    "run",
    "--quiet",
    "--allow-net=127.0.0.1",
    rawSource,
    String(port),
    String(TCP_BYTES),
  ];
  const mbps = (ms: number) => TCP_BYTES / 1e6 / (ms / 1000);

  const tcp: Array<{ name: string; run(): Promise<number> }> = [
    {
      name: "sockshell `send -r` → sockshell `recv 65536` loop",
      run: async () => {
        const r = await startReceiver(receiver);
        const s = start(DENO, shellArgs(["-q", sender, String(r.port)]));
        const ms = await receiverWindow(r, "receiving sockshell");
        await finished(s, "sending sockshell");
        return mbps(ms);
      },
    },
    {
      name: "sockshell `send -r` → raw Deno sink",
      run: async () => {
        using l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
        const port = (l.addr as Deno.NetAddr).port;
        const s = start(DENO, shellArgs(["-q", sender, String(port)]));
        const got = await sink(l);
        await finished(s, "sending sockshell");
        check(got.bytes, "raw sink");
        return mbps(got.ms);
      },
    },
    {
      name: "raw Deno source → sockshell `recv 65536` loop",
      run: async () => {
        const r = await startReceiver(receiver);
        const s = start(DENO, rawArgs(r.port));
        const ms = await receiverWindow(r, "receiving sockshell");
        await finished(s, "raw source");
        return mbps(ms);
      },
    },
    {
      name: "raw Deno source → raw Deno sink (loopback reference)",
      run: async () => {
        using l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
        const s = start(DENO, rawArgs((l.addr as Deno.NetAddr).port));
        const got = await sink(l);
        await finished(s, "raw source");
        check(got.bytes, "raw sink");
        return mbps(got.ms);
      },
    },
  ];
  // UDP: sockshell sending 1-byte datagrams, counted by a raw Deno receiver. Measured
  // before TCP: for a few seconds after moving gigabytes the machine is slower.
  const udpRows: string[][] = [];
  const udp: Array<[string, string]> = [
    [
      "sockshell `while` loop: `sendto` + `let` → raw Deno receiver",
      `socket udp\nset i 0\nwhile $i < ${UDP_COUNT}\n` +
      `  sendto 127.0.0.1 $1 x\n  let i = $i + 1\nend\n`,
    ],
    [
      `sockshell script of ${UDP_COUNT} \`sendto\` lines → raw Deno receiver`,
      "socket udp\n" + "sendto 127.0.0.1 $1 x\n".repeat(UDP_COUNT),
    ],
  ];
  for (const [i, [name, script]] of udp.entries()) {
    const file = await writeTemp(`udp_sender_${i}.sock`, script);
    const rates: number[] = [];
    let lost = 0;
    for (let r = -1; r < RUNS.throughput && timeLeft(); r++) {
      progress(`throughput: ${name} (${r + 1}/${RUNS.throughput})`);
      const got = await udpRun(file);
      if (r >= 0) {
        rates.push(got.rate);
        lost += got.lost;
      }
    }
    progressDone();
    const u = stats(rates);
    udpRows.push([
      `${name} (${UDP_COUNT} × 1 byte a run, ${
        lost ? `${lost} lost in all` : "none lost"
      })`,
      "datagrams/s",
      ...spread(u, 0),
      `${u.runs}`,
    ]);
  }
  const samples = await roundRobin("throughput", tcp, RUNS.throughput);
  const rows = tcp.map((v) => {
    const s = stats(samples.get(v.name)!);
    return [
      v.name,
      "MB/s",
      ...spread(s, 0),
      `${s.runs}`,
    ];
  });

  rows.push(...udpRows);
  table(
    `Throughput over 127.0.0.1 (${
      TCP_BYTES / 1024 / 1024
    } MiB a TCP run; MB = 10⁶ bytes)`,
    ["path", "unit", "median", "min", "max", "runs"],
    rows,
  );
}

// ---------------------------------------------------------------------------
// 6. Input: what once cost the square of its size.

/** sockshell with `stdin` piped in, to its end; the wall time in ms. */
async function piped(args: string[], stdin: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(DENO, shellArgs(args), "piped");
  const output = child.output();
  const writer = child.stdin.getWriter();
  await writer.write(encoder.encode(stdin)).catch(() => {});
  await writer.close().catch(() => {});
  await output;
  return performance.now() - t0;
}

/** A line pasted at the prompt under a pseudo-terminal: ms until its error shows. */
async function pasted(line: string): Promise<number> {
  const cmd = shellQuote([DENO, ...shellArgs([])]);
  const p = start("script", ["-qefc", cmd, "/dev/null"], "piped");
  const writer = p.child.stdin.getWriter();
  try {
    await p.out.waitFor("sockshell> ");
    const from = p.out.text.length;
    const t0 = performance.now();
    await writer.write(encoder.encode(line + "\r"));
    const t1 = await p.out.waitFor("unknown command", PROCESS_TIMEOUT_MS, from);
    await writer.write(encoder.encode("exit\r"));
    await finished(p, "sockshell under script");
    return t1 - t0;
  } finally {
    await writer.close().catch(() => {});
  }
}

async function benchInput(): Promise<void> {
  const rows: string[][] = [];
  const block = (n: number) =>
    ["if false", ...Array.from({ length: n }, (_, i) => `  print ${i}`), "end"]
      .join("\n") + "\n";
  for (const n of QUICK ? [1000, 4000] : [1000, 4000, 8000]) {
    if (!timeLeft()) break;
    const file = await writeTemp(`block_${n}.sock`, block(n));
    const s = await roundRobin(`block of ${n} lines`, [
      {
        name: "file",
        run: async () => (await timed(DENO, shellArgs([file]))).ms,
      },
      { name: "stdin", run: () => piped([], block(n)) },
    ], RUNS.input);
    const f = stats(s.get("file")!).median;
    const p = stats(s.get("stdin")!).median;
    rows.push([
      `a block of ${n} lines on standard input`,
      "the same text as a script file",
      fmt(p),
      fmt(f),
      fmt(p / f, 2),
    ]);
  }
  if (timeLeft()) {
    const big = "x".repeat(16 << 20) + "\n";
    const s = await roundRobin("a 16 MiB line", [
      { name: "line", run: () => piped([], big) },
      { name: "short", run: () => piped([], "x\n") },
    ], RUNS.input);
    const l = stats(s.get("line")!).median;
    const r = stats(s.get("short")!).median;
    rows.push([
      "a line of 16 MiB on standard input (refused)",
      "a line of 1 byte",
      fmt(l),
      fmt(r),
      fmt(l / r, 2),
    ]);
  }
  if (timeLeft() && await have("script", ["-qc", "true", "/dev/null"])) {
    const s = await roundRobin("8,000 characters pasted", [
      { name: "é", run: () => pasted("é".repeat(8000)) },
      { name: "x", run: () => pasted("x".repeat(8000)) },
    ], RUNS.input);
    const e = stats(s.get("é")!).median;
    const x = stats(s.get("x")!).median;
    rows.push([
      "8,000 `é` pasted at the prompt, to the error",
      "8,000 `x`",
      fmt(e),
      fmt(x),
      fmt(e / x, 2),
    ]);
  }
  table(
    "Input: linear in its size (medians, ms; the reference in the same run)",
    ["input", "reference", "ms", "reference ms", "ratio"],
    rows,
  );
}

// 7. poll: one call over many idle descriptors, and a poll-loop relay.

/** Idle TCP descriptors the poll rows watch (plus the listener). */
const IDLE = 100;
/** Clients of each relay run; every one sends one message, relayed to all the others. */
const RELAY_CLIENTS = 100;
const RELAY_MESSAGE = 16;

/** A listener and IDLE/2 connections, both ends: IDLE + 1 idle descriptors. */
function idleSetup(): string {
  const lines = ["socket tcp", "bind 127.0.0.1 0", "listen 128 -> l"];
  for (let i = 0; i < IDLE / 2; i++) {
    lines.push("socket tcp", "connect 127.0.0.1 $l.port", "accept @3");
  }
  return lines.join("\n") + "\n";
}

/** Beej's pollserver.c as a sockshell script: every client's bytes go to every other. */
const RELAY_SCRIPT = `socket tcp
bind 127.0.0.1 $1
listen 128
print ready
while true
  poll -> r
  for fd in $r
    if $fd == 3
      accept @3
      print accepted
    else
      try recv @$fd 4096 -> m
      if $m.n <= 0
        close $fd
      else
        for dest in $fds
          if $dest != 3
            if $dest != $fd
              send @$dest $m
            end
          end
        end
      end
    end
  end
end
`;

/** Wait until a server listens on `port` for good (see {@link listeningForGood}). */
async function listeningSoon(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const now = await listeningForGood(port);
    if (now !== false) return; // listening, or no table to tell: connectSoon retries
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Connect with retries while the relay starts. */
async function connectSoon(port: number): Promise<Deno.TcpConn> {
  for (let i = 0;; i++) {
    try {
      return await Deno.connect({ hostname: "127.0.0.1", port });
    } catch (e) {
      if (i > 300) throw e;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/** Read from `conn` until `n` bytes came; rejects at end of stream. */
async function drain(conn: Deno.TcpConn, n: number): Promise<void> {
  const buf = new Uint8Array(65536);
  for (let got = 0; got < n;) {
    const r = await conn.read(buf);
    if (r === null) {
      throw new Error(`relay: end of stream after ${got} of ${n}`);
    }
    got += r;
  }
}

/**
 * RELAY_CLIENTS clients on the relay at `port`; once the relay has said
 * `accepted` for every one (`said`), each sends one message at once: ms until
 * every client has the messages of all the others.
 */
async function relayRun(
  port: number,
  out: Watch,
  said: string,
): Promise<number> {
  await listeningSoon(port);
  const conns: Deno.TcpConn[] = [await connectSoon(port)];
  try {
    while (conns.length < RELAY_CLIENTS) {
      conns.push(await connectSoon(port));
    }
    for (let i = 0, from = 0; i < RELAY_CLIENTS; i++) {
      await out.waitFor(said, PROCESS_TIMEOUT_MS, from);
      from = out.text.indexOf(said, from) + said.length;
    }
    const msg = new Uint8Array(RELAY_MESSAGE).fill(109);
    const t0 = performance.now();
    const expected = (RELAY_CLIENTS - 1) * RELAY_MESSAGE;
    await Promise.all(conns.map(async (c) => {
      await c.write(msg);
      await drain(c, expected);
    }));
    return performance.now() - t0;
  } finally {
    for (const c of conns) c.close();
  }
}

/** Start a relay, run the clients, stop it. */
async function relay(cmd: string, args: string[], port: number, said: string) {
  const p = start(cmd, args);
  try {
    return await relayRun(port, p.out, said);
  } finally {
    try {
      p.child.kill("SIGTERM");
    } catch {
      // Already ended: its status says how.
    }
    await p.child.status;
  }
}

async function benchPoll(): Promise<void> {
  const rows: string[][] = [];
  const n = QUICK ? 500 : 2000;
  const cases: ScriptCase[] = [
    {
      name: `\`poll -t 0\` over ${IDLE + 1} idle descriptors (none ready)`,
      setup: idleSetup(),
      body: ["poll -t 0"],
      flags: ["-q"],
    },
    {
      name: `\`poll\` over ${IDLE + 1} idle descriptors and 1 ready`,
      setup: idleSetup() + "socket tcp\n",
      body: ["poll"],
      flags: ["-q"],
    },
  ];
  for (const [i, c] of cases.entries()) {
    if (!timeLeft()) break;
    const full = await writeTemp(`poll_${i}.sock`, scriptText(c, n));
    const base = await writeTemp(`poll_${i}_0.sock`, scriptText(c, 0));
    const args = (file: string) => shellArgs([...(c.flags ?? []), file]);
    const samples = await roundRobin(c.name, [
      { name: "0", run: async () => (await timed(DENO, args(base))).ms },
      { name: "N", run: async () => (await timed(DENO, args(full))).ms },
    ], RUNS.poll);
    const t0 = stats(samples.get("0")!).median;
    const per = stats(samples.get("N")!.map((t) => (t - t0) * 1000 / n));
    rows.push([
      c.name,
      `${n}`,
      fmt(per.median),
      fmt(per.min),
      fmt(per.max),
      `${per.runs}`,
    ]);
  }
  table(
    "One poll: (T(setup + N polls) - T(setup)) / N, traced off",
    ["call", "N", "µs/poll median", "min", "max", "runs"],
    rows,
  );

  if (!timeLeft()) return;
  const script = await writeTemp("relay.sock", RELAY_SCRIPT);
  const cRelay = await buildPeer("pollrelay");
  const samples = await roundRobin("poll relay", [
    {
      name: "sockshell",
      run: () => {
        const port = freePort();
        return relay(
          DENO,
          shellArgs(["-q", script, String(port)]),
          port,
          "accepted\n",
        );
      },
    },
    {
      name: "C",
      run: () => {
        const port = freePort();
        return relay(cRelay, [String(port)], port, "new connection on");
      },
    },
  ], RUNS.poll);
  const sh = stats(samples.get("sockshell")!);
  const c = stats(samples.get("C")!);
  table(
    `A poll-loop relay serving ${RELAY_CLIENTS} clients: each sends ${RELAY_MESSAGE} bytes, relayed to the ${
      RELAY_CLIENTS - 1
    } others (ms until all have arrived)`,
    ["relay", "median ms", "min", "max", "runs"],
    [
      [
        "sockshell script (Beej's pollserver loop)",
        fmt(sh.median),
        fmt(sh.min),
        fmt(sh.max),
        `${sh.runs}`,
      ],
      [
        "C, tests/peers/pollrelay.c",
        ...spread(c, 2),
        `${c.runs}`,
      ],
      ["ratio sockshell / C (medians)", fmt(sh.median / c.median), "", "", ""],
    ],
  );
}

// ---------------------------------------------------------------------------
// 8. beej: the pollserver replay, one message to 99 other clients.

/** Messages each chat server run relays, one after the other. */
const CHAT_ROUNDS = QUICK ? 10 : 30;

/**
 * RELAY_CLIENTS clients on the chat server at `port`, each taken (the server
 * said "new connection" for it); then CHAT_ROUNDS times, one client sends
 * RELAY_MESSAGE bytes: the median ms until the 99 others all have them.
 */
async function chatRun(port: number, out: Watch): Promise<number> {
  const said = "new connection from";
  await listeningSoon(port);
  const conns: Deno.TcpConn[] = [await connectSoon(port)];
  try {
    while (conns.length < RELAY_CLIENTS) {
      conns.push(await Deno.connect({ hostname: "127.0.0.1", port }));
    }
    for (let i = 0, from = 0; i < RELAY_CLIENTS; i++) {
      await out.waitFor(said, PROCESS_TIMEOUT_MS, from);
      from = out.text.indexOf(said, from) + said.length;
    }
    const msg = new Uint8Array(RELAY_MESSAGE).fill(109);
    const rounds: number[] = [];
    for (let r = 0; r < CHAT_ROUNDS; r++) {
      const sender = r % RELAY_CLIENTS;
      const t0 = performance.now();
      await conns[sender]!.write(msg);
      await Promise.all(
        conns.filter((_, i) => i !== sender).map((c) =>
          drain(c, RELAY_MESSAGE)
        ),
      );
      rounds.push(performance.now() - t0);
    }
    return stats(rounds).median;
  } finally {
    for (const c of conns) c.close();
  }
}

async function benchBeej(): Promise<void> {
  const cServer = await buildPeer("beej_pollserver");
  const chat = async (cmd: string, args: string[], port: number) => {
    const p = start(cmd, args);
    try {
      return await chatRun(port, p.out);
    } finally {
      p.child.kill("SIGTERM");
      await p.child.status;
    }
  };
  const samples = await roundRobin("chat server", [
    {
      name: "sockshell",
      run: () => {
        const port = freePort();
        return chat(DENO, shellArgs(["run", "pollserver", String(port)]), port);
      },
    },
    {
      name: "C",
      run: () => {
        const port = freePort();
        return chat(cServer, [String(port)], port);
      },
    },
  ], RUNS.beej);
  const sh = stats(samples.get("sockshell")!);
  const c = stats(samples.get("C")!);
  table(
    `Beej's chat server: one client sends ${RELAY_MESSAGE} bytes, relayed to the ${
      RELAY_CLIENTS - 1
    } others (median of ${CHAT_ROUNDS} messages per run, ms until all have it)`,
    ["server", "median ms", "min", "max", "runs"],
    [
      [
        "sockshell, run pollserver",
        ...spread(sh, 2),
        `${sh.runs}`,
      ],
      [
        "C, tests/peers/beej_pollserver.c",
        ...spread(c, 2),
        `${c.runs}`,
      ],
      ["ratio sockshell / C (medians)", fmt(sh.median / c.median), "", "", ""],
    ],
  );
}

// ---------------------------------------------------------------------------

// 9. Scale: thousands of clients, and memory per connection.

/** Concurrent age dialogues in the crowd run. */
const CROWD = QUICK ? 2000 : 8000;
/** Connections held for the memory figures. */
const HELD = QUICK ? 500 : 2000;
/** Rounds of dialogues on one server, and clients a round. */
const ROUNDS = QUICK ? 3 : 10;
const ROUND_CLIENTS = 1000;
/** Wait before reading memory: past the quiet second after which the shell collects. */
const SETTLE_MS = 2500;

/** A process's resident memory in KiB, as `ps` reads it (another process's /proc needs -A). */
function rssKiB(pid: number): number {
  const out = new Deno.Command("ps", {
    args: ["-o", "rss=", "-p", String(pid)],
    stdout: "piped",
  }).outputSync();
  return Number(decoder.decode(out.stdout).trim());
}

function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Resolves once something accepts connections on 127.0.0.1:`port`. */
async function listening(port: number, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      const c = await Deno.connect({ hostname: "127.0.0.1", port });
      c.close();
      return;
    } catch {
      await pause(20);
    }
  }
  throw new Error(`${what}: nothing listens on ${port}`);
}

/** Holds accepted connections until killed, with a read pending on each (as a blocked recv). */
const RAW_HOLDER =
  `const l = Deno.listen({ hostname: "127.0.0.1", port: Number(Deno.args[0]), tcpBacklog: 4096 });
console.log("ready");
for (;;) {
  const c = await l.accept();
  c.read(new Uint8Array(2048)).catch(() => {});
}
`;

/** The same in Python: each accepted socket registered for reading, as a blocked recv. */
const PY_HOLDER = `import selectors, socket, sys
sel = selectors.DefaultSelector()
l = socket.socket()
l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
l.bind(("127.0.0.1", int(sys.argv[1])))
l.listen(4096)
sel.register(l, selectors.EVENT_READ)
print("ready", flush=True)
while True:
    for key, _ in sel.select():
        if key.fileobj is l:
            c, _ = l.accept()
            sel.register(c, selectors.EVENT_READ)
        else:
            key.fileobj.recv(2048)
`;

/** A sockshell script that accepts and holds connections, reading nothing. */
const SHELL_HOLDER = `socket tcp
bind 127.0.0.1 $1
listen
print ready
while true
  accept @3 -> c
end
`;

/**
 * Open `n` connections to `port` and keep them; `greeting` waits for each
 * to be greeted (the age server's children are then blocked in recv).
 */
async function holdClients(
  port: number,
  n: number,
  greeting?: string,
): Promise<Deno.TcpConn[]> {
  const conns: Deno.TcpConn[] = [];
  await Promise.all(Array.from({ length: n }, async () => {
    const c = await Deno.connect({ hostname: "127.0.0.1", port });
    conns.push(c);
    if (!greeting) return;
    const buf = new Uint8Array(256);
    let text = "";
    while (!text.endsWith(greeting)) {
      const k = await c.read(buf);
      if (k === null) throw new Error("the server closed before greeting");
      text += decoder.decode(buf.subarray(0, k));
    }
  }));
  return conns;
}

function closeAll(conns: Deno.TcpConn[]): void {
  for (const c of conns) {
    try {
      c.close();
    } catch {
      // Already closed.
    }
  }
}

/** RSS growth per held connection (KiB), for a server started by `startServer`. */
async function perConnection(
  what: string,
  startServer: (port: number) => { child: Deno.ChildProcess; out: Watch },
  greeting?: string,
  thenOneByte = false,
): Promise<{ idle: number; afterByte?: number }> {
  const port = freePort();
  const p = startServer(port);
  try {
    await listening(port, what);
    await pause(300);
    const before = rssKiB(p.child.pid);
    const conns = await holdClients(port, HELD, greeting);
    try {
      // Measured once the shell has been quiet for a second (lib/shell/memory.ts collects then).
      await pause(SETTLE_MS);
      const idle = (rssKiB(p.child.pid) - before) / HELD;
      if (!thenOneByte) return { idle };
      for (const c of conns) await c.write(encoder.encode("a"));
      await pause(SETTLE_MS);
      return { idle, afterByte: (rssKiB(p.child.pid) - before) / HELD };
    } finally {
      closeAll(conns);
    }
  } finally {
    p.child.kill("SIGKILL");
    await p.child.status;
  }
}

async function benchScale(): Promise<void> {
  const cServer = await buildPeer("age_server");
  const rawHolder = await writeTemp("raw_holder.ts", RAW_HOLDER);
  const pyHolder = await writeTemp("holder.py", PY_HOLDER);
  const shellHolder = await writeTemp("holder.sock", SHELL_HOLDER);
  const LONG = 180_000;
  const ageShell = (port: number) =>
    start(
      DENO,
      shellArgs(["run", "age-server", String(port), "2005"]),
      "null",
      LONG,
    );
  const ageC = (port: number) =>
    start(cServer, [String(port), "2005"], "null", LONG);

  // 1. A crowd of concurrent dialogues, the C fork server and sockshell in turn.
  const crowdRows: string[][] = [];
  for (
    const [name, server] of [
      ["C fork-per-client server (tests/peers/age_server.c)", ageC],
      ["sockshell `run age-server`", ageShell],
    ] as const
  ) {
    progress(`scale: ${CROWD} dialogues with ${name}`);
    const port = freePort();
    const p = server(port);
    try {
      await listening(port, name);
      const got = await ageCrowd(port, CROWD, 2005, 120_000);
      crowdRows.push([
        name,
        `${CROWD}`,
        `${got.greeted}`,
        `${got.correct}`,
        fmt(got.ms, 0),
        fmt(rssKiB(p.child.pid) / 1024, 0),
      ]);
    } finally {
      p.child.kill("SIGKILL");
      await p.child.status;
    }
  }
  progressDone();
  table(
    `Scale: ${CROWD} concurrent age dialogues (all greeted before any answers; clients: raw Deno, in the bench)`,
    ["server", "clients", "greeted", "correct", "ms", "RSS after (MiB)"],
    crowdRows,
  );

  // 2. Memory per held connection, against programs holding the same connections.
  progress("scale: memory per connection");
  const age = await perConnection("sockshell age-server", ageShell, ": ", true);
  const held = await perConnection(
    "sockshell holder",
    (port) =>
      start(DENO, shellArgs(["-q", shellHolder, String(port)]), "null", LONG),
  );
  const raw = await perConnection(
    "raw Deno holder",
    (port) =>
      start(
        DENO,
        ["run", "--quiet", "--allow-net=127.0.0.1", rawHolder, String(port)],
        "null",
        LONG,
      ),
  );
  const py = await perConnection(
    "Python holder",
    (port) => start("python3", [pyHolder, String(port)], "null", LONG),
  );
  progressDone();
  table(
    `Memory: RSS growth per connection, ${HELD} held, ${
      SETTLE_MS / 1000
    } s after the last arrived (KiB; the server's own process)`,
    ["server", "idle", "after one byte each"],
    [
      [
        "sockshell `run age-server`: a child blocked in `recv -l` on each",
        fmt(age.idle),
        fmt(age.afterByte ?? NaN),
      ],
      [
        "sockshell script: `accept` in a loop, nothing read",
        fmt(held.idle),
        "–",
      ],
      [
        "raw Deno: accept, one 2 KiB read pending on each (the runtime's floor)",
        fmt(raw.idle),
        "–",
      ],
      ["Python: accept, each registered with selectors", fmt(py.idle), "–"],
    ],
  );

  // 3. Rounds of dialogues on one server: does its memory come back?
  const roundRows: string[][] = [];
  for (
    const [name, server] of [
      ["C fork-per-client server (parent)", ageC],
      ["sockshell `run age-server`", ageShell],
    ] as const
  ) {
    const port = freePort();
    const p = server(port);
    try {
      await listening(port, name);
      const after: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        progress(`scale: ${name}, round ${r + 1}/${ROUNDS}`);
        const got = await ageCrowd(port, ROUND_CLIENTS, 2005, 60_000);
        if (got.correct !== ROUND_CLIENTS) {
          throw new Error(`${name}: round ${r + 1}: ${got.failures[0]}`);
        }
        await pause(SETTLE_MS);
        after.push(rssKiB(p.child.pid) / 1024);
      }
      // V8 gives back what the rounds left once the process is idle for a while.
      await pause(12_000);
      const idle = rssKiB(p.child.pid) / 1024;
      roundRows.push([
        name,
        fmt(after[0]!),
        fmt(after.at(-1)!),
        fmt(Math.max(...after)),
        fmt(idle),
        `${fmt((after.at(-1)! / after[0]! - 1) * 100, 0)} %`,
      ]);
    } finally {
      p.child.kill("SIGKILL");
      await p.child.status;
    }
  }
  progressDone();
  table(
    `Memory over ${ROUNDS} rounds of ${ROUND_CLIENTS} concurrent dialogues on one server (RSS MiB, ${
      SETTLE_MS / 1000
    } s after each round)`,
    [
      "server",
      "after round 1",
      `after round ${ROUNDS}`,
      "highest",
      "after 12 s idle",
      "last vs first",
    ],
    roundRows,
  );
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  tmp = await Deno.makeTempDir({ prefix: "sockshell-bench-" });
  childEnv = {
    NO_COLOR: "1",
    SHELL: "/bin/sh",
    TERM: Deno.env.get("TERM") || "xterm",
    SOCKSHELL_HISTORY: `${tmp}/history`,
  };
  const t0 = performance.now();
  console.log(
    `## sockshell benchmarks\n\nDeno ${Deno.version.deno}, ${navigator.hardwareConcurrency} CPUs, ` +
      `shell flags: ${SHELL_FLAGS.join(" ")}${QUICK ? " (--quick)" : ""}`,
  );
  try {
    const run: Record<string, () => Promise<void>> = {
      startup: benchStartup,
      imports: benchImports,
      loads: benchLoads,
      commands: benchCommands,
      throughput: benchThroughput,
      input: benchInput,
      poll: benchPoll,
      beej: benchBeej,
      scale: benchScale,
      files: benchFiles,
      tls: benchTls,
      dialogue: benchDialogue,
    };
    for (const s of selected) {
      // scale has its own bounds (each process, each crowd): it runs past the others' limit.
      if (!timeLeft() && s !== "scale") {
        console.log(`\n(${s}: skipped, the bench's time limit was reached)`);
        continue;
      }
      await run[s]!();
    }
  } finally {
    for (const c of children) {
      try {
        c.kill("SIGKILL");
      } catch {
        // Already gone.
      }
    }
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
  }
  console.log(`\n(${fmt((performance.now() - t0) / 1000)} s)`);
}

await main();
