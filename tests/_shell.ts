/**
 * Test harness: sockshell in-process with captured output, and sockshell as
 * a real program with exactly the permissions of `deno task start`.
 *
 * @module
 */

import { builtInCommands } from "../commands/mod.ts";
import type {
  CommandResult,
  CommandSpec,
  Output,
  Scope,
} from "../lib/shell/command.ts";
import { PLAIN } from "../lib/shell/format.ts";
import { denoBackend } from "../lib/net/deno.ts";
import { denoHost } from "../lib/ui/host_deno.ts";
import { Shell } from "../lib/shell/shell.ts";
import {
  type PeerResult,
  type RunningPeer,
  runPeer,
  type RunPeerOptions,
  startPeer,
  type StartPeerOptions,
} from "./_peers.ts";

const encoder = new TextEncoder();

const ROOT = new URL("../", import.meta.url).pathname.replace(/\/$/, "");

/** The permission flags of `deno task start`, read from deno.json: the shell's own set. */
export const SHELL_FLAGS: string[] = (() => {
  const config = JSON.parse(Deno.readTextFileSync(`${ROOT}/deno.json`));
  const task: string = config.tasks.start;
  return task.split(/\s+/).filter((w) => w.startsWith("--"));
})();

/** A shell in this process, on real sockets, whose output is captured. */
export class TestShell implements Disposable {
  /** The shell. */
  readonly shell: Shell;
  /** Its one scope. */
  readonly scope: Scope;
  #out: string[] = [];
  #err: string[] = [];

  /**
   * Make a shell with captured output and no colour, over the built-in commands or `commands`;
   * `terminal` says which of its outputs it takes for a terminal (neither by default).
   */
  constructor(
    commands: Readonly<Record<string, CommandSpec>> = builtInCommands,
    terminal?: { out: boolean; err: boolean },
  ) {
    const io: Output = {
      out: (t) => void this.#out.push(t),
      err: (t) => void this.#err.push(t),
      paint: PLAIN,
      terminal,
    };
    this.shell = new Shell(denoBackend, commands, io, denoHost);
    this.scope = this.shell.newScope();
  }

  /** Run a line; `signal` interrupts it as Ctrl-C would. */
  run(
    line: string,
    signal: AbortSignal = new AbortController().signal,
  ): Promise<CommandResult> {
    return this.shell.runLine(line, this.scope, signal);
  }

  /** Run a line that must succeed; returns its stdout and clears the capture. */
  async ok(line: string): Promise<string> {
    const r = await this.run(line);
    const out = this.take();
    if (r.code !== 0) {
      throw new Error(`${line} failed (${r.code}): ${out.stderr}`);
    }
    return out.stdout;
  }

  /** Run a line that must fail; returns its stderr and status, and clears the capture. */
  async fails(line: string): Promise<{ code: number; stderr: string }> {
    const r = await this.run(line);
    const out = this.take();
    if (r.code === 0) {
      throw new Error(`${line} succeeded but should fail: ${out.stdout}`);
    }
    return { code: r.code, stderr: out.stderr };
  }

  /** Everything written since the last take, and clear it. */
  take(): { stdout: string; stderr: string } {
    const r = { stdout: this.#out.join(""), stderr: this.#err.join("") };
    this.#out = [];
    this.#err = [];
    return r;
  }

  /** Close every socket. */
  [Symbol.dispose](): void {
    this.shell.close();
  }
}

/** The arguments that run sockshell from source with its own permissions. */
export function sockshellArgs(args: string[]): string[] {
  return ["run", "--quiet", ...SHELL_FLAGS, `${ROOT}/main.ts`, ...args];
}

let nodeBundle: Promise<string> | undefined;

/**
 * sockshell bundled for Node (`lib/ui/main_node.ts`, as the npm package is), in a
 * temporary directory removed when the test file ends; built once per test file.
 */
export function nodeSockshell(): Promise<string> {
  nodeBundle ??= (async () => {
    // Loaded here, not at the top: esbuild is for the few files that run under Node.
    const { bundleForNode } = await import("../scripts/_bundle.ts");
    const dir = await Deno.makeTempDir({ prefix: "sockshell-node-" });
    globalThis.addEventListener("unload", () => {
      Deno.removeSync(dir, { recursive: true });
    });
    const outfile = `${dir}/sockshell.cjs`;
    await bundleForNode({ entry: `${ROOT}/lib/ui/main_node.ts`, outfile });
    return outfile;
  })();
  return nodeBundle;
}

/** Which program runs the shell: Deno from source, or the Node bundle under node. */
export type Launch = "deno" | "node";

/** The command line of sockshell running `line` (`-c`), under `launch`. */
export async function sockshellArgv(
  launch: Launch,
  line: string,
): Promise<string[]> {
  return launch === "deno"
    ? [Deno.execPath(), ...sockshellArgs(["-c", line])]
    : ["node", await nodeSockshell(), "-c", line];
}

/** Run sockshell as a program to its end. */
export function sockshell(
  args: string[],
  opts: RunPeerOptions = {},
): Promise<PeerResult> {
  return runPeer(Deno.execPath(), sockshellArgs(args), opts);
}

/** Start sockshell as a long-running program (a server). */
export function startSockshell(
  args: string[],
  opts: StartPeerOptions = {},
): RunningPeer {
  return startPeer(Deno.execPath(), sockshellArgs(args), opts);
}

/**
 * Waits for a condition on state that events change: whoever changes it
 * calls {@link notify}, and each wait checks its condition then.
 */
export class Waiters {
  readonly #waiting = new Set<() => void>();

  /** The state changed: every wait checks its condition. */
  notify(): void {
    for (const f of [...this.#waiting]) f();
  }

  /** Resolves once `ready()` holds; rejects with `failure()` after `timeoutMs`. */
  until(
    ready: () => boolean,
    timeoutMs: number,
    failure: () => Error,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined = undefined;
      const check = () => {
        if (!ready()) return;
        clearTimeout(timer);
        this.#waiting.delete(check);
        resolve();
      };
      // Listen first: setting a timer can deliver pending stream events.
      this.#waiting.add(check);
      timer = setTimeout(() => {
        this.#waiting.delete(check);
        reject(failure());
      }, timeoutMs);
      check();
    });
  }
}

/** Options for {@link LiveShell}. */
export interface LiveShellOptions {
  /** Give it a standard input the test writes to ({@link LiveShell.write}); else none. */
  stdin?: boolean;
  /** Environment variables set for it, on top of this process's. */
  env?: Record<string, string>;
}

/**
 * sockshell as a program the test talks to while it runs: lines written to
 * its standard input, its output awaited by pattern as it comes, its exit
 * status bounded in time.
 */
export class LiveShell implements AsyncDisposable {
  /** The process. */
  readonly child: Deno.ChildProcess;
  /** Its standard output so far. */
  stdout = "";
  /** Its standard error so far. */
  stderr = "";
  readonly #writer?: WritableStreamDefaultWriter<Uint8Array>;
  readonly #reading: Promise<unknown>;
  readonly #waiters = new Waiters();

  /** Start `sockshell ARGS...` with the permissions of `deno task start`. */
  constructor(args: string[] = [], opts: LiveShellOptions = {}) {
    const child = new Deno.Command(Deno.execPath(), {
      args: sockshellArgs(args),
      stdin: opts.stdin ? "piped" : "null",
      stdout: "piped",
      stderr: "piped",
      env: opts.env,
    }).spawn();
    this.child = child;
    if (opts.stdin) this.#writer = child.stdin.getWriter();
    const decoder = new TextDecoder();
    const collect = async (
      stream: ReadableStream<Uint8Array>,
      into: "stdout" | "stderr",
    ) => {
      for await (const chunk of stream) {
        this[into] += decoder.decode(chunk, { stream: true });
        this.#waiters.notify();
      }
      this.#waiters.notify();
    };
    this.#reading = Promise.all([
      collect(child.stdout, "stdout"),
      collect(child.stderr, "stderr"),
    ]);
  }

  /** Write lines to its standard input. */
  async write(...lines: string[]): Promise<void> {
    await this.#writer!.write(encoder.encode(lines.join("\n") + "\n"));
  }

  /** Resolves once standard output (or `stream`) matches `re`; rejects after `timeoutMs`. */
  until(
    re: RegExp,
    stream: "stdout" | "stderr" = "stdout",
    timeoutMs = 10_000,
  ): Promise<void> {
    return this.#waiters.until(
      () => re.test(this[stream]),
      timeoutMs,
      () =>
        new Error(
          `no ${re} on ${stream}:\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`,
        ),
    );
  }

  /**
   * The exit status, and all of its output read; rejects if it is still
   * running after `timeoutMs`.
   */
  async status(timeoutMs = 5000): Promise<Deno.CommandStatus> {
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), timeoutMs);
    });
    try {
      const first = await Promise.race([this.child.status, late]);
      if (first === "late") {
        throw new Error(`still running after ${timeoutMs} ms`);
      }
      await this.#reading;
      return first;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Close its standard input and wait for its exit status, and all of its output. */
  async end(): Promise<number> {
    await this.#writer!.close();
    const status = await this.child.status;
    await this.#reading;
    return status.code;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    try {
      this.child.kill("SIGKILL");
    } catch {
      // Already exited.
    }
    await this.child.status;
    await this.#reading;
  }
}

/** The sample session: the handout's TCP exercise, both sides in one shell, on `port`. */
export function sampleSession(port: number): string[] {
  return [
    "socket tcp",
    `bind ${port}`,
    "listen 5",
    "socket tcp",
    `connect localhost ${port}`,
    'send "hello\\n"',
    "use 3",
    "accept",
    "recv",
    "ls",
  ];
}

/**
 * The C calls of an output, to compare two languages: `call = ret` of each
 * call line (annotations and notes are prose, translated), ports hidden.
 */
export function callLines(out: string): string {
  return out.split("\n").map((l) => /^[a-z_]+\(.* = -?\d+(?: [A-Z_]+)?/.exec(l))
    .filter((m) => m).map((m) => m![0]).join("\n").replace(/:\d+/g, ":PORT");
}
