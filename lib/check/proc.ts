/**
 * Programs started by `spawn`: a student's server or client under test.
 *
 * Each runs in a process group of its own (a new session), so that killing it
 * kills what it forked too (the handout's server forks a child per client),
 * and a Ctrl-C typed at the terminal reaches the shell, which kills the group,
 * rather than the program alone. Every group still alive is killed when the
 * shell leaves, whichever way it leaves.
 *
 * A process that leaves the group (a server that calls daemon() or setsid())
 * is found by a mark in its environment, which every process the program
 * starts inherits (`SOCKSHELL_SPAWN`, one value per program, as Jenkins marks
 * a build's processes), and killed too: on Linux, where `/proc` shows each
 * process's environment to its owner.
 *
 * node:child_process serves both runtimes: Deno runs it under --allow-run,
 * Node as it is. It is imported only when a program is first started, so the
 * shell's start-up pays nothing for it.
 *
 * @module
 */

import { SocketError } from "../net/errno.ts";
import { t } from "../i18n/mod.ts";
import { escapeControls } from "../shell/format.ts";

const decoder = new TextDecoder();

/** A program started by `spawn`. */
export interface Proc {
  /** Its process id (also its process group id). */
  readonly pid: number;
  /** The program and its arguments, for messages. */
  readonly argv: string[];
  /**
   * What it wrote on its standard output so far: all of it, or past {@link OUTPUT_HEAD}
   * bytes its first ones and its last ones, the bytes between them not kept.
   */
  stdout(): Uint8Array;
  /** The same of its standard error. */
  stderr(): Uint8Array;
  /** Bytes of its standard output (`out`) or error (`err`) not kept: none until it wrote more than can be. */
  dropped(stream: "out" | "err"): number;
  /**
   * Its exit status once it has exited (128 + signal number when killed), else undefined:
   * what waitpid() gives, even while a process it started still holds its output open.
   */
  readonly status: number | undefined;
  /** How it ended, in words (`exit status 1`, `killed by SIGSEGV`), else undefined. */
  readonly ending: string | undefined;
  /**
   * Resolves with the exit status once it has exited and its output is read: to its end, or
   * as far as it came within {@link OUTPUT_GRACE_MS} of the exit when a process it started
   * (a child of fork() still running) holds the output open.
   */
  readonly exited: Promise<number>;
  /** True once {@link exited} has resolved. */
  readonly ended: boolean;
  /** True when it exited and a process it started still held its output open (the ending says so). */
  readonly outputHeld: boolean;
  /** Write to its standard input; EPIPE when it is closed. */
  write(data: Uint8Array): Promise<void>;
  /** Close its standard input: the program reads end of file. */
  closeInput(): void;
  /** Resolves at its next output (or once it has {@link ended}). */
  changed(): Promise<void>;
  /**
   * SIGKILL its whole process group, unless it has exited and left nothing behind, and
   * every process it started that left the group.
   */
  kill(): void;
  /** The processes that had left its group when they were killed: `sleep (pid 1234)`. */
  readonly escaped: readonly string[];
}

/** The environment variable that marks every process a program started. */
export const SPAWN_MARK = "SOCKSHELL_SPAWN";

/**
 * The processes marked `$0` (a program's token) that are not in process group `$1`, the
 * program's: `pid comm` a line. One grep reads every environment the user may read (the
 * shell's own Deno may not read /proc).
 */
const FIND_MARKED = `g=$1
grep -lsaF -e "${SPAWN_MARK}=$0" /proc/[0-9]*/environ |
while read -r f; do
  p=\${f#/proc/}; p=\${p%/environ}
  s=$(cat "/proc/$p/stat" 2>/dev/null) || continue
  s=\${s##*) }; set -- $s
  [ "$3" = "$g" ] && continue
  printf '%s %s\\n' "$p" "$(cat "/proc/$p/comm" 2>/dev/null)"
done`;

const live = new Set<Proc>();
let hooked = false;

/** SIGKILL every program still running: the shell is leaving. */
export function killAll(): void {
  for (const p of live) p.kill();
}

/** Programs started and not yet known to be gone with their whole group. */
export function running(): Proc[] {
  return [...live];
}

type Deno_ = {
  permissions: {
    querySync(d: { name: string }): { state: string };
    request(d: { name: string }): Promise<{ state: string }>;
  };
};

function denoNs(): Deno_ | undefined {
  return (globalThis as { Deno?: Deno_ }).Deno;
}

/**
 * Whether programs may be started: `granted`, `prompt` (Deno would ask) or `denied`.
 * Node has no permission system: always `granted`.
 */
export function runPermission(): "granted" | "prompt" | "denied" {
  const d = denoNs();
  if (!d) return "granted";
  return d.permissions.querySync({ name: "run" }).state as
    | "granted"
    | "prompt"
    | "denied";
}

/** Ask the user (Deno's own prompt, on a terminal) for --allow-run; true when granted. */
export async function requestRunPermission(): Promise<boolean> {
  const d = denoNs();
  if (!d) return true;
  const run = await d.permissions.request({ name: "run" });
  // node:child_process also reads the environment to build the child's.
  const env = await d.permissions.request({ name: "env" });
  return run.state === "granted" && env.state === "granted";
}

function signalNumber(name: string): number {
  const numbers: Record<string, number> = {
    SIGHUP: 1,
    SIGINT: 2,
    SIGQUIT: 3,
    SIGILL: 4,
    SIGABRT: 6,
    SIGFPE: 8,
    SIGKILL: 9,
    SIGSEGV: 11,
    SIGPIPE: 13,
    SIGALRM: 14,
    SIGTERM: 15,
  };
  return numbers[name] ?? 0;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let off = 0;
  for (const c of chunks) {
    all.set(c, off);
    off += c.length;
  }
  chunks.splice(0, chunks.length, all);
  return all;
}

/** Bytes of a program's output kept from its start: what `output` and `wait` look at. */
export const OUTPUT_HEAD = 1 << 20;
/** Bytes kept of its end once it wrote more: what a report shows last. */
export const OUTPUT_TAIL = 64 << 10;

/**
 * One output stream of a program, read as it comes (a program is never blocked on a full
 * pipe) and kept within bounds: its first {@link OUTPUT_HEAD} bytes, then its last
 * {@link OUTPUT_TAIL} or a little more. A client stuck printing in a loop writes hundreds of
 * megabytes a second: kept whole, a scenario's 10 s took the shell to 1.9 GB.
 */
class Kept {
  #head: Uint8Array[] = [];
  #headSize = 0;
  #tail: Uint8Array[] = [];
  #tailSize = 0;
  /** Bytes between the head and the tail that were not kept. */
  dropped = 0;
  // What bytes() gave, until the next push: `output -u` asks at every wake.
  #joined: Uint8Array | undefined;

  push(d: Uint8Array): void {
    this.#joined = undefined;
    if (this.#headSize < OUTPUT_HEAD) {
      const part = d.subarray(0, OUTPUT_HEAD - this.#headSize);
      this.#head.push(new Uint8Array(part));
      this.#headSize += part.length;
      d = d.subarray(part.length);
      if (!d.length) return;
    }
    this.#tail.push(new Uint8Array(d));
    this.#tailSize += d.length;
    while (this.#tailSize - this.#tail[0]!.length >= OUTPUT_TAIL) {
      const gone = this.#tail.shift()!;
      this.#tailSize -= gone.length;
      this.dropped += gone.length;
    }
  }

  bytes(): Uint8Array {
    if (!this.#tail.length) return concat(this.#head);
    return this.#joined ??= concat([concat(this.#head), concat(this.#tail)]);
  }
}

/**
 * Start a program in a process group of its own, its three standard streams piped.
 * Rejects with ENOENT, EACCES (or EACCES naming --allow-run) when it cannot start.
 *
 * @example
 * ```ts ignore
 * const p = await spawnProcess("./a.out", ["4950"]);
 * ```
 */
export async function spawnProcess(
  path: string,
  args: string[],
): Promise<Proc> {
  if (runPermission() !== "granted") {
    throw new SocketError("EACCES", t("check.runPermission"));
  }
  const cp = await import("node:child_process");
  const process = (await import("node:process")).default;
  if (!hooked) {
    hooked = true;
    // Whichever way the shell leaves, nothing it started outlives it.
    process.on("exit", killAll);
    globalThis.addEventListener?.("unload", killAll);
    // A terminal closed or a kill of the shell would leave the programs behind
    // (they are in sessions of their own): kill them, then die of it as before.
    for (const [sig, code] of [["SIGTERM", 143], ["SIGHUP", 129]] as const) {
      process.on(sig, () => {
        killAll();
        process.exit(code);
      });
    }
  }
  const token = crypto.randomUUID();
  const child = cp.spawn(path, args, {
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, [SPAWN_MARK]: token },
  });
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", (e: Error & { code?: string }) => {
      const code = e.code === "ENOENT" || e.code === "EACCES"
        ? e.code
        : "EINVAL";
      // Why, in words: a script whose interpreter is missing is ENOENT though it is there.
      const why = code === "EINVAL"
        ? Promise.resolve(undefined)
        : notExecutable(path).catch(() => undefined);
      void why.then((r) =>
        reject(
          new SocketError(
            r?.errno ?? code,
            t("check.cannotStart", {
              path: escapeControls(path),
              message: r?.why ?? e.message,
            }),
          ),
        )
      );
    });
  });
  const out = new Kept();
  const err = new Kept();
  let waiters: Array<() => void> = [];
  const wake = () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  child.stdout!.on("data", (d: Uint8Array) => {
    out.push(d);
    wake();
  });
  child.stderr!.on("data", (d: Uint8Array) => {
    err.push(d);
    wake();
  });
  // A program that exits without reading its input makes our writes fail: that is EPIPE, said by write().
  child.stdin!.on("error", () => {});
  let status: number | undefined;
  let ending: string | undefined;
  let groupGone = false;
  // True once nothing marked is left outside the group: no more looking.
  let swept = false;
  const escaped: string[] = [];
  const pid = child.pid!;
  /** Kill what left the group, round after round while some of it was still forking. */
  const sweep = () => {
    for (let round = 0; round < SWEEP_ROUNDS; round++) {
      const found = markedOutside(cp, token, pid);
      // Nothing left, or no way to look (then not again at every kill).
      if (!found?.length) {
        swept = true;
        break;
      }
      for (const { pid: other, name } of found) {
        try {
          process.kill(other, "SIGKILL");
          escaped.push(
            t("check.escapedProcess", {
              name: escapeControls(name),
              pid: other,
            }),
          );
        } catch {
          // Gone meanwhile.
        }
      }
    }
  };
  let ended = false;
  let outputHeld = false;
  const exited = new Promise<number>((resolve) => {
    const end = () => {
      if (ended) return;
      ended = true;
      wake();
      resolve(status!);
    };
    // The exit is the process's own (waitpid()); the close comes once its output pipes are
    // closed, which a process it started may hold open long after: a client's reader child.
    child.once("exit", (code: number | null, sig: string | null) => {
      status = code ?? 128 + signalNumber(sig ?? "");
      ending = code !== null
        ? t("check.exitStatus", { code })
        : t("check.killedBy", { signal: sig ?? "" });
      const grace = setTimeout(() => {
        outputHeld = true;
        ending = t("check.outputHeld", { ending: ending! });
        end();
      }, OUTPUT_GRACE_MS);
      child.once("close", () => {
        clearTimeout(grace);
        end();
      });
    });
  });
  const proc: Proc = {
    pid,
    argv: [path, ...args],
    stdout: () => out.bytes(),
    stderr: () => err.bytes(),
    dropped: (stream) => (stream === "out" ? out : err).dropped,
    get status() {
      return status;
    },
    get ending() {
      return ending;
    },
    exited,
    get ended() {
      return ended;
    },
    get outputHeld() {
      return outputHeld;
    },
    write(data) {
      return new Promise<void>((resolve, reject) => {
        if (
          !child.stdin || child.stdin.destroyed || child.stdin.writableEnded
        ) {
          reject(new SocketError("EPIPE", t("check.stdinClosed")));
          return;
        }
        child.stdin.write(data, (e?: Error | null) => {
          if (e) {
            reject(
              new SocketError("EPIPE", t("check.programClosedStdin")),
            );
          } else resolve();
        });
      });
    },
    closeInput() {
      child.stdin?.end();
    },
    changed() {
      if (ended) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    get escaped() {
      return escaped;
    },
    kill() {
      if (groupGone && swept) return;
      if (!groupGone) {
        try {
          // The group: what it forked dies with it, even after the leader exited.
          process.kill(-pid, "SIGKILL");
        } catch {
          // No such group any more: everyone in it is gone.
          groupGone = true;
        }
      }
      // What left the group (daemon(), setsid()) does not die with it: found by its mark.
      if (!swept) sweep();
      if (groupGone && swept) live.delete(proc);
    },
  };
  live.add(proc);
  return proc;
}

/**
 * How long after a program's exit its output is still read before it counts as ended (ms):
 * what it wrote before exiting is in the pipe by then. A process it started that holds the
 * pipe open keeps writing into it (kept, as before), until the group is killed.
 */
export const OUTPUT_GRACE_MS = 250;

/** Most rounds of looking for marked processes at one kill: each kills what the last one found. */
const SWEEP_ROUNDS = 5;

type ChildProcessModule = typeof import("node:child_process");

/**
 * The processes marked with `token` outside process group `group`, or undefined when
 * they cannot be looked for (no /proc, no sh or grep, --allow-run limited to the program).
 */
function markedOutside(
  cp: ChildProcessModule,
  token: string,
  group: number,
): Array<{ pid: number; name: string }> | undefined {
  let text: string;
  try {
    text = cp.execFileSync("sh", ["-c", FIND_MARKED, token, String(group)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 5000,
    });
  } catch {
    return undefined;
  }
  return text.split("\n").flatMap((line) => {
    const m = /^(\d+) (.*)$/.exec(line);
    return m ? [{ pid: Number(m[1]), name: m[2]! }] : [];
  });
}

/**
 * Why `path` cannot be started, in a line (`./a.out: ENOENT (no such file)`), or undefined
 * when it can: a name without a slash is looked up in PATH, as execvp does.
 */
export async function cannotExecute(
  path: string,
): Promise<string | undefined> {
  const r = await notExecutable(path);
  return r && `${path}: ${r.errno} (${r.why})`;
}

/**
 * Why `path` cannot be started: the errno execve(2) gives and why in words, or undefined
 * when it can.
 */
async function notExecutable(
  path: string,
): Promise<{ errno: string; why: string } | undefined> {
  const fs = await import("node:fs");
  const process = (await import("node:process")).default;
  const candidates = path.includes("/")
    ? [path]
    : (process.env.PATH ?? "").split(":").filter(Boolean).map((d) =>
      `${d}/${path}`
    );
  let why = "ENOENT";
  for (const c of candidates) {
    try {
      // The mode bits, not access(2): Deno's needs --allow-sys for that. Close enough to warn.
      const st = fs.statSync(c);
      if (st.isFile() && (st.mode & 0o111) !== 0) {
        return badInterpreter(fs, c, path);
      }
      if (st.isFile()) why = "EACCES";
      else if (st.isDirectory() && why === "ENOENT") why = "EISDIR";
    } catch {
      // Not there: the next candidate.
    }
  }
  if (why === "EACCES") {
    return { errno: "EACCES", why: t("check.notExecutable", { path }) };
  }
  // execve(2) of a directory: EACCES.
  if (why === "EISDIR") return { errno: "EACCES", why: t("check.isDirectory") };
  return {
    errno: "ENOENT",
    why: path.includes("/")
      ? t("check.noSuchFile")
      : t("check.notInPath", { path }),
  };
}

/**
 * Why a script (`#!INTERPRETER`) cannot start, or undefined: execve(2) says ENOENT when the
 * interpreter is missing, though the script is there. The classic case is a script saved with
 * Windows line endings: its `#!/bin/sh\r` names `/bin/sh` followed by a carriage return.
 */
function badInterpreter(
  fs: typeof import("node:fs"),
  file: string,
  path: string,
): { errno: string; why: string } | undefined {
  let head: Uint8Array;
  try {
    const fd = fs.openSync(file, "r");
    try {
      head = new Uint8Array(256);
      head = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined; // Unreadable: execve will say.
  }
  if (head[0] !== 0x23 || head[1] !== 0x21) return undefined; // not #!
  const line = decoder.decode(head.subarray(2)).split("\n")[0]!;
  const interpreter = /^[ \t]*([^ \t]*)/.exec(line)![1]!;
  if (!interpreter) return undefined;
  try {
    if (fs.statSync(interpreter).isFile()) return undefined;
  } catch {
    // Missing: said below.
  }
  const shown = escapeControls(JSON.stringify(interpreter).slice(1, -1));
  return {
    errno: "ENOENT",
    why: interpreter.endsWith("\r")
      ? t("check.crlfScript", { interpreter: shown, path })
      : t("check.noInterpreter", { interpreter: shown }),
  };
}

/** Text of a program's output, for messages: UTF-8, invalid bytes replaced. */
export function outputText(b: Uint8Array): string {
  return decoder.decode(b);
}
