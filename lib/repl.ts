/**
 * The interactive loop, on node:readline: line editing, history kept across
 * runs, Tab completion of commands and descriptors, a prompt that shows the
 * current descriptor, and Ctrl-C that interrupts the running call.
 *
 * @module
 */

import type { Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { onAbort, type Scope } from "./command.ts";
import { EXIT } from "./errors.ts";
import type { Host } from "./host.ts";
import { commandNames, findCommand } from "./registry.ts";
import { isIncomplete } from "./script.ts";
import type { Shell } from "./shell.ts";

/** How many history lines are kept. */
export const HISTORY_SIZE = 1000;

/** What the REPL runs on. */
export interface ReplOptions {
  /** Keyboard input. */
  input: Readable;
  /** Where the prompt and echo go. */
  output: Writable;
  /** True for a real terminal (raw mode, Ctrl-C as a key). */
  terminal: boolean;
  /** History file, or undefined for none. */
  historyFile?: string;
  /** Files, for the history. */
  host:
    & Pick<Host, "readTextFile" | "appendTextFile">
    & Partial<Pick<Host, "writeTextFile">>;
  /** Shown once at start, or undefined. */
  banner?: string;
}

/** The prompt: `sockshell> `, or `sockshell@3> ` when descriptor 3 is current. */
export function promptFor(scope: Scope): string {
  return scope.current === undefined
    ? "sockshell> "
    : `sockshell@${scope.current}> `;
}

/** Tab completion: command names first, then `@FD`s and each command's own words. */
export function complete(shell: Shell, line: string): [string[], string] {
  // Only the command being typed counts: the one after the last `;`, without leading blanks.
  const words = line.slice(line.lastIndexOf(";") + 1).trimStart().split(/\s+/);
  const last = words.at(-1) ?? "";
  let candidates: string[];
  if (words.length <= 1) candidates = commandNames(shell.commands);
  else {
    const spec = findCommand(shell.commands, words[0]!);
    const fds = shell.table.list().map((s) => String(s.fd));
    // use and close take the number itself (use 3, close 3); the others take @FD.
    const bare = spec?.name === "use" || spec?.name === "close";
    candidates = [
      ...(spec?.takesFd && !bare && words.length === 2
        ? fds.map((fd) => "@" + fd)
        : []),
      ...(bare ? fds : []),
      ...(words.length === 2 ? spec?.complete ?? [] : []),
      ...(spec?.name === "help" ? commandNames(shell.commands) : []),
    ];
  }
  const hits = candidates.filter((c) => c.startsWith(last));
  return [hits.length ? hits : [], last];
}

/**
 * Run the REPL until `exit`, Ctrl-D, or Ctrl-C twice at an empty prompt; resolves with the exit status.
 *
 * @example
 * ```ts ignore
 * const code = await repl(shell, shell.newScope(), { input, output, terminal: false, host });
 * ```
 */
export async function repl(
  shell: Shell,
  scope: Scope,
  opts: ReplOptions,
): Promise<number> {
  const readline = await import("node:readline");
  const history = await loadHistory(opts);
  const rl = readline.createInterface({
    input: opts.input,
    output: opts.output,
    terminal: opts.terminal,
    history,
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    completer: (line: string) => complete(shell, line),
    prompt: promptFor(scope),
  });
  measureIncrementally(rl, opts.input);
  let running: AbortController | undefined;
  let armed = false; // a first Ctrl-C at an empty prompt arms the exit
  let block = ""; // the lines of a block still open (while ... without its end)
  rl.on("SIGINT", () => {
    if (running) {
      running.abort();
      return;
    }
    if (block) {
      block = "";
      opts.output.write("^C\n");
      rl.setPrompt(promptFor(scope));
    }
    if (rl.line.length > 0) {
      armed = false;
      opts.output.write("^C\n");
      (rl as unknown as { line: string }).line = "";
      rl.prompt();
      return;
    }
    if (armed) {
      rl.close();
      return;
    }
    armed = true;
    opts.output.write(
      "\n(To exit, press Ctrl+C again or Ctrl+D or type exit)\n",
    );
    rl.prompt();
  });
  // Ctrl-D (or the end of input) during a command: prompting again would throw.
  let closed = false;
  let answer: ((line: string | null) => void) | undefined;
  rl.on("close", () => {
    closed = true;
    answer?.(null);
  });
  // `read` asks through the line editor, which owns the terminal; Ctrl-C cancels the question.
  const stdinInput = shell.input;
  shell.input = {
    readLine: (prompt, signal) => {
      if (closed) return Promise.resolve(null);
      return new Promise((resolve) => {
        // Forgotten once answered: a loop of reads adds no listener to the line's signal.
        const forget = signal
          ? onAbort(signal, () => answer?.(null))
          : () => {};
        answer = (line) => {
          answer = undefined;
          forget();
          resolve(line);
        };
        // The line editor redraws its prompt line: what the script left open there
        // (a server's question printed with print -n) becomes part of the prompt.
        const open = shell.io.partialLine?.() ?? "";
        rl.question(open + prompt, { signal }, (line) => answer?.(line));
      });
    },
  };
  // Appends in order, and all of them done before the REPL returns and the program exits.
  let historyWrites = Promise.resolve();
  if (opts.banner) opts.output.write(opts.banner + "\n");
  rl.prompt();
  try {
    for await (const line of rl) {
      armed = false;
      if (line.trim() && opts.historyFile) {
        const file = opts.historyFile;
        historyWrites = historyWrites.then(() =>
          opts.host.appendTextFile(file, line + "\n")
        ).catch(() => {
          // History is a convenience: a read-only home must not stop the shell.
        });
      }
      block += line + "\n";
      if (isIncomplete(block)) {
        rl.setPrompt("...> ");
        if (!closed) rl.prompt();
        continue;
      }
      const text = block;
      block = "";
      running = new AbortController();
      try {
        await shell.runLine(text, scope, running.signal);
      } finally {
        running = undefined;
      }
      if (shell.exitCode !== undefined) break;
      if (closed) continue; // lines already read still run; no prompt after Ctrl-D
      rl.setPrompt(promptFor(scope));
      rl.prompt();
    }
  } finally {
    shell.input = stdinInput;
    rl.close();
    await historyWrites;
  }
  if (shell.exitCode === undefined) opts.output.write("\n");
  return shell.exitCode ?? EXIT.ok;
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * Node's readline measures the whole line for every key typed at its end, so
 * a pasted line of n characters costs O(n²): seconds for 3000, hours for
 * 64 KiB. A printable ASCII key typed at the end of a line of them only moves
 * the cursor one column: count that, and leave every other case to readline.
 */
function measureIncrementally(rl: Interface, input: Readable): void {
  const measure = rl.getCursorPos.bind(rl);
  let appended = false; // the key being handled adds one ASCII character at the end
  let last:
    | { prompt: string; cursor: number; plain: boolean; t: number; n: number }
    | undefined;
  // Runs before readline's own handler for the same key.
  input.prependListener(
    "keypress",
    (s: unknown, key?: { ctrl?: boolean; meta?: boolean }) => {
      appended = typeof s === "string" && s.length === 1 && s >= " " &&
        s <= "~" && !key?.ctrl && !key?.meta && rl.cursor === rl.line.length;
    },
  );
  rl.getCursorPos = () => {
    const prompt = rl.getPrompt();
    const n = (rl as unknown as { columns?: number }).columns ?? Infinity;
    const fast = appended && last?.plain && last.prompt === prompt &&
      last.n === n && last.cursor + 1 === rl.cursor;
    appended = false;
    if (!fast || !last) {
      const pos = measure();
      const plain = PLAIN_ASCII.test(prompt + rl.line.slice(0, rl.cursor));
      const t = (pos.rows ? pos.rows * n : 0) + pos.cols; // valid when plain: no newline
      last = { prompt, cursor: rl.cursor, plain, t, n };
      return pos;
    }
    last = { ...last, cursor: rl.cursor, t: last.t + 1 };
    const cols = last.t % n;
    return { cols, rows: (last.t - cols) / n };
  };
}

async function loadHistory(opts: ReplOptions): Promise<string[]> {
  if (!opts.historyFile) return [];
  try {
    const text = await opts.host.readTextFile(opts.historyFile);
    const lines = text.split("\n").filter((l) => l.trim());
    const kept = lines.slice(-HISTORY_SIZE);
    // The file is appended to line by line; cut it back now and then so it cannot grow forever.
    if (lines.length > 2 * HISTORY_SIZE) {
      await opts.host.writeTextFile?.(opts.historyFile, kept.join("\n") + "\n")
        .catch(() => {});
    }
    return kept.reverse();
  } catch {
    return [];
  }
}
