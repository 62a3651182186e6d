/**
 * Fuzzing, the host: a shell in this process, with captured output, fed lines
 * by the driver (tests/_fuzz.ts) as JSON on standard input, one answer per
 * line on standard output. It is a process of its own so that a line that
 * never yields (a spin) can be seen from outside and the process killed:
 * a worker thread cannot always be ended.
 *
 * @module
 */

import { builtInCommands } from "../commands/mod.ts";
import type { Context, Output, Scope } from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import { PLAIN } from "../lib/shell/format.ts";
import type {
  DatagramSocket,
  NetBackend,
  SockAddr,
  StreamListener,
} from "../lib/net.ts";
import { denoBackend } from "../lib/net/deno.ts";
import { Shell } from "../lib/shell/shell.ts";

/** What the driver asks. */
export type ToHost =
  | { type: "init"; tmp: string }
  | { type: "line"; id: number; line: string }
  | { type: "abort"; id: number }
  | { type: "end"; id: number };

/** What the worker answers. */
export type FromHost =
  | { type: "ready"; base: number }
  | {
    type: "done";
    id: number;
    code?: number;
    out: string[];
    err: string[];
    said: string[];
    crash?: string;
    exited: boolean;
  }
  | { type: "ended"; id: number; leak?: string }
  | { type: "unhandled"; id: number; what: string };

/** Hosts the fuzzer's shells may reach: this machine only. */
const LOCAL = new Set(["127.0.0.1", "::1", "0.0.0.0", "::"]);

/** Ports this process listens on: the only ones above 1023 a fuzzed line may reach. */
const ownPorts = new Set<number>();

/** The only text a `read` gets. */
let canned = 0;

/**
 * Deno's backend behind a guard: nothing leaves loopback, no name reaches a
 * resolver but `localhost`, and no port of another program on this machine
 * is taken or reached (other tests run beside the fuzzer).
 */
const guarded: NetBackend = {
  ...denoBackend,
  async listen(addr, backlog, options) {
    check(addr, "bind");
    const l = await denoBackend.listen(addr, backlog, options);
    return own(l);
  },
  probeTcp(addr, options) {
    check(addr, "bind");
    return denoBackend.probeTcp(addr, options);
  },
  connect(addr, signal, options) {
    check(addr, "connect");
    if (options?.local) check(options.local, "bind");
    return denoBackend.connect(addr, signal, options);
  },
  async bindDatagram(addr, options) {
    check(addr, "bind");
    const d = await denoBackend.bindDatagram(addr, options);
    return ownDgram(d);
  },
  lookup(name, family) {
    if (LOCAL.has(name) || name === "localhost") {
      return denoBackend.lookup(name, family);
    }
    return Promise.reject(notLookedUp());
  },
  getaddrinfo(name, family) {
    if (LOCAL.has(name) || name === "localhost") {
      return denoBackend.getaddrinfo(name, family);
    }
    return Promise.reject(notLookedUp());
  },
  listenUnix(path) {
    return unixInside(path, () => denoBackend.listenUnix(path));
  },
  probeUnix(path) {
    return unixInside(path, () => denoBackend.probeUnix(path));
  },
  connectUnix(path, signal) {
    return unixInside(path, () => denoBackend.connectUnix(path, signal));
  },
  bindUnixDatagram(path) {
    return unixInside(path, () => denoBackend.bindUnixDatagram(path));
  },
};

function notLookedUp(): SocketError {
  return new SocketError(
    "EAI_NONAME",
    "not looked up: the fuzzer resolves localhost only",
  );
}

/** Unix socket files only under the fuzzer's directory (or Linux's abstract namespace). */
function unixInside<T>(path: string, f: () => Promise<T>): Promise<T> {
  if (path.startsWith("\0") || inside(path)) return f();
  return Promise.reject(
    new SocketError("EACCES", "the fuzzer keeps its socket files to itself"),
  );
}

function check(addr: SockAddr, what: "bind" | "connect"): void {
  if (!LOCAL.has(addr.host)) {
    throw new SocketError("ENETUNREACH", "the fuzzer stays on loopback");
  }
  if (addr.port === 0 || addr.port < 1024 || ownPorts.has(addr.port)) return;
  // Another program's port (or one it may take): never disturb it.
  throw new SocketError(
    what === "bind" ? "EADDRINUSE" : "ECONNREFUSED",
    "the fuzzer keeps to its own ports",
  );
}

function own(l: StreamListener): StreamListener {
  const port = l.local.port;
  ownPorts.add(port);
  return {
    local: l.local,
    accept: () => l.accept(),
    getOption: (name) => l.getOption(name),
    close() {
      ownPorts.delete(port);
      l.close();
    },
  };
}

function ownDgram(d: DatagramSocket): DatagramSocket {
  const port = d.local.port;
  ownPorts.add(port);
  return {
    local: d.local,
    send(data, to) {
      check(to, "connect");
      return d.send(data, to);
    },
    receive: () => d.receive(),
    setOption: (o) => d.setOption(o),
    getOption: (name) => d.getOption(name),
    close() {
      ownPorts.delete(port);
      d.close();
    },
  };
}

let tmp = "/nonexistent";
/** Files: `record` writes and `run` reads under the fuzzer's directory only, and a few harmless files. */
const READABLE = new Set(["/etc/passwd", "/dev/null", "/etc/hostname"]);
function inside(path: string): boolean {
  return path.startsWith(tmp + "/") && !path.includes("..");
}
function denied(path: string): Promise<never> {
  // Deno's own words for a missing file, path included: how the shell shows them is under test.
  return Promise.reject(
    new Deno.errors.NotFound(
      `No such file or directory (os error 2): open '${path}'`,
    ),
  );
}
const files = {
  readTextFile: (path: string) =>
    inside(path) || READABLE.has(path) ? Deno.readTextFile(path) : denied(path),
  writeTextFile: (path: string, text: string) =>
    inside(path) ? Deno.writeTextFile(path, text) : denied(path),
  appendTextFile: (path: string, text: string) =>
    inside(path)
      ? Deno.writeTextFile(path, text, { append: true })
      : denied(path),
  readLine: () =>
    Promise.resolve(canned++ % 3 === 2 ? null : "a line\x1b[2J typed"),
};

let out: string[] = [];
let err: string[] = [];
/** What the user asked to be shown as is: `print`'s text and `read`'s prompt, as printf and bash's read -p show them. */
let said: string[] = [];
let saying = false;
const io: Output = {
  out: (t) => void (saying ? said : out).push(t),
  err: (t) => void (saying ? said : err).push(t),
  paint: PLAIN,
};

/**
 * The registry, with `print` marked so its text is told apart from the shell's own messages.
 * Its module is loaded first: its run then writes before it returns, not after a load, once
 * `saying` is over.
 */
await builtInCommands.print!.prepare?.();
const commands = Object.fromEntries(
  Object.entries(builtInCommands).map(([name, spec]) => [
    name,
    name !== "print" ? spec : {
      ...spec,
      run(ctx: Context) {
        saying = true;
        try {
          return spec.run(ctx);
        } finally {
          saying = false;
        }
      },
    },
  ]),
);

let shell: Shell;
let scope: Scope;
let abort = new AbortController();
function fresh(): void {
  shell = new Shell(guarded, commands, io, files);
  shell.input = {
    readLine(prompt) {
      if (prompt) said.push(prompt);
      return files.readLine();
    },
  };
  scope = shell.newScope();
}

/** Deno's resource table of this worker (Deno.resources left the public API in Deno 2). */
// deno-lint-ignore no-explicit-any -- the test sanitizers' own view of resources
const core = (Deno as any)[(Deno as any).internal]?.core;
function resources(): string[] {
  return Object.values(core?.resources?.() ?? {}) as string[];
}

let base: string[] = [];

/** Close the shell; the worker's resources must come back to base. */
async function end(): Promise<string | undefined> {
  const before = shell.table.list().map((s) => s.fd);
  shell.close();
  let leak: string | undefined;
  if (shell.table.list().length) {
    leak =
      `the table still holds ${shell.table.list().length} sockets after close`;
  }
  // A closed socket's pending call releases its resource a turn later.
  let now = resources();
  for (let i = 0; now.length > base.length && i < 40; i++) {
    await new Promise((r) => setTimeout(r, 5));
    now = resources();
  }
  if (now.length > base.length) {
    const extra = [...now];
    for (const b of base) extra.splice(extra.indexOf(b), 1);
    leak ??=
      `${extra.length} Deno resources still open after the session closed everything (${
        extra.join(", ")
      }; its table had ${before.join(", ") || "nothing"})`;
    base = now; // counted once
  }
  fresh();
  return leak;
}

let current = -1;

const encoder = new TextEncoder();
function post(m: FromHost): void {
  const data = encoder.encode(JSON.stringify(m) + "\n");
  let off = 0;
  while (off < data.length) off += Deno.stdout.writeSync(data.subarray(off));
}

globalThis.addEventListener("unhandledrejection", (e) => {
  e.preventDefault();
  const r = e.reason;
  post({
    type: "unhandled",
    id: current,
    what: `unhandled rejection: ${
      r instanceof Error ? `${r.name}: ${r.message}` : String(r)
    }`,
  });
});
globalThis.addEventListener("error", (e) => {
  e.preventDefault();
  post({
    type: "unhandled",
    id: current,
    what: `uncaught exception: ${e.message}`,
  });
});

async function handle(m: ToHost): Promise<void> {
  if (m.type === "init") {
    tmp = m.tmp;
    fresh();
    // Warm up what opens resources once per process (the resolver, the first socket of each kind).
    await shell.runLine(
      "socket tcp; listen; socket udp; bind 127.0.0.1 0; gethostbyname localhost; socket tcp6; listen",
      scope,
      abort.signal,
    );
    shell.close();
    await new Promise((r) => setTimeout(r, 50));
    base = resources();
    fresh();
    out = [];
    err = [];
    said = [];
    post({ type: "ready", base: base.length });
  } else if (m.type === "abort") {
    if (m.id === current) abort.abort();
  } else if (m.type === "end") {
    // Rejections nobody handled surface a turn later: let them in before the session ends.
    await new Promise((r) => setTimeout(r, 0));
    const leak = await end();
    post({ type: "ended", id: m.id, leak });
  } else {
    current = m.id;
    abort = new AbortController();
    out = [];
    err = [];
    said = [];
    let code: number | undefined;
    let crash: string | undefined;
    try {
      code = (await shell.runLine(m.line, scope, abort.signal)).code;
    } catch (e) {
      crash = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const exited = shell.exitCode !== undefined;
    post({ type: "done", id: m.id, code, out, err, said, crash, exited });
  }
}

if (import.meta.main) {
  // One JSON message a line; a message is handled while a line runs (Ctrl-C).
  let rest = "";
  const decoder = new TextDecoder();
  for await (const chunk of Deno.stdin.readable) {
    rest += decoder.decode(chunk, { stream: true });
    let nl;
    while ((nl = rest.indexOf("\n")) >= 0) {
      const m = JSON.parse(rest.slice(0, nl)) as ToHost;
      rest = rest.slice(nl + 1);
      void handle(m);
    }
  }
}
