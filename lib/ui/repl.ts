/**
 * The interactive loop, on node:readline: line editing, history kept across
 * runs, Tab completion of commands and descriptors, a prompt that shows the
 * current descriptor, and Ctrl-C that interrupts the running call.
 *
 * @module
 */

import type { Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { onAbort, type Scope } from "../shell/command.ts";
import { EXIT } from "../shell/errors.ts";
import type { Host } from "./host.ts";
import { commandNames, findCommand } from "../shell/registry.ts";
import { BlockReader } from "../script/script.ts";
import type { Shell } from "../shell/shell.ts";
import { t } from "../i18n/mod.ts";
import { PROMPT } from "./banner.ts";

/** How many history lines are kept. */
export const HISTORY_SIZE = 1000;

/** Most bytes read from the history file: its newest lines, when it is longer. */
export const MAX_HISTORY_BYTES = 1 << 20;

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
  return scope.current === undefined ? PROMPT : `sockshell@${scope.current}> `;
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
  let reader = new BlockReader();
  rl.on("SIGINT", () => {
    if (running) {
      running.abort();
      return;
    }
    if (block) {
      // Ctrl-C in an open block cancels the block, as in a shell; it does not arm the exit.
      block = "";
      reader = new BlockReader();
      armed = false;
      opts.output.write("^C\n");
      (rl as unknown as { line: string }).line = "";
      rl.setPrompt(promptFor(scope));
      rl.prompt();
      return;
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
    opts.output.write(`\n${t("repl.toExit")}\n`);
    rl.prompt();
  });
  // Ctrl-D (or the end of input) during a command: prompting again would throw.
  let closed = false;
  let answer: ((line: string | null) => void) | undefined;
  let endLines: ((eof: boolean) => void) | undefined; // while talk reads lines
  // Lines typed and not yet taken, in order. A line pasted after a command that asks for
  // input (`read`, `talk`) is that command's, as in a shell: it is taken from here first.
  // (While a question is asked, the line editor hands the line to it instead.)
  const typed: string[] = [];
  let more: (() => void) | undefined;
  rl.on("line", (line: string) => {
    typed.push(line);
    more?.();
  });
  rl.on("close", () => {
    closed = true;
    more?.();
    answer?.(null);
    endLines?.(true);
  });
  /** The next line typed, or undefined once the input has ended and every line is taken. */
  const nextLine = async (): Promise<string | undefined> => {
    while (!typed.length) {
      if (closed) return undefined;
      await new Promise<void>((resolve) => more = resolve);
      more = undefined;
    }
    return typed.shift();
  };
  // `read` asks through the line editor, which owns the terminal; Ctrl-C cancels the question.
  const stdinInput = shell.input;
  shell.input = {
    readLine: (prompt, signal) => {
      if (typed.length) return Promise.resolve(typed.shift()!);
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
    lines: (prompt, onLine, signal) =>
      new Promise((resolve) => {
        // Lines typed ahead first: up to the one that ends talk (~.), which aborts `signal`.
        while (typed.length && !signal.aborted) onLine(typed.shift()!);
        if (closed || signal.aborted) return resolve(closed);
        const asking = new AbortController();
        const editor = rl as unknown as { close(): void };
        const close = editor.close;
        const finish = (eof: boolean) => {
          endLines = undefined;
          editor.close = close;
          forget();
          asking.abort();
          resolve(eof);
        };
        const forget = onAbort(signal, () => finish(false));
        endLines = finish;
        // Ctrl-D on an empty line ends talk, not the shell (readline closes itself on it).
        if (opts.terminal) editor.close = () => finish(true);
        const ask = () =>
          rl.question(prompt, { signal: asking.signal }, (line) => {
            // Asked again at once: a line pasted after this one is talk's too, not a command.
            if (endLines === finish) ask();
            onLine(line);
          });
        ask();
      }),
    above: (write) => {
      if (!endLines || !opts.terminal) return write();
      // Off the line being typed, the output, then that line again below it.
      readline.moveCursor(opts.output, 0, -rl.getCursorPos().rows);
      readline.cursorTo(opts.output, 0);
      readline.clearScreenDown(opts.output);
      write();
      (rl as unknown as { prevRows: number }).prevRows = 0;
      rl.prompt(true);
    },
  };
  // Appends in order, and all of them done before the REPL returns and the program exits.
  let historyWrites = Promise.resolve();
  if (opts.banner) opts.output.write(opts.banner + "\n");
  rl.prompt();
  try {
    for (let line; (line = await nextLine()) !== undefined;) {
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
      if (reader.add(line)) {
        rl.setPrompt("...> ");
        if (!closed) rl.prompt();
        continue;
      }
      const text = block;
      block = "";
      reader = new BlockReader();
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

/**
 * Node's readline measures the whole line for every key typed at its end, so
 * a pasted line of n characters costs O(n²): seconds for 3000, hours for
 * 64 KiB. A printable character typed at the end of the line only moves the
 * cursor by its own width: measure that character alone (readline's own
 * measure, so wide and zero-width characters count as readline counts them),
 * add it as readline's display walk would, and leave every other case to
 * readline.
 */
export function measureIncrementally(rl: Interface, input: Readable): void {
  const measure = rl.getCursorPos.bind(rl);
  const editor = rl as unknown as { line: string; cursor: number };
  // The character the key being handled adds at the end of the line, if it does.
  let appended: string | undefined;
  // Where the cursor was last measured: `offset` is readline's display offset there (no newline before it).
  let last:
    | { prompt: string; cursor: number; offset: number; n: number }
    | undefined;
  const widths = new Map<string, number>();
  const widthOf = (ch: string): number => {
    let w = widths.get(ch);
    if (w !== undefined) return w;
    const [prompt, line, cursor] = [rl.getPrompt(), editor.line, editor.cursor];
    try {
      rl.setPrompt("");
      editor.line = ch;
      editor.cursor = ch.length;
      w = measure().cols;
    } finally {
      rl.setPrompt(prompt);
      editor.line = line;
      editor.cursor = cursor;
    }
    if (widths.size < 4096) widths.set(ch, w);
    return w;
  };
  // Runs before readline's own handler for the same key.
  input.prependListener(
    "keypress",
    (s: unknown, key?: { ctrl?: boolean; meta?: boolean }) => {
      const one = typeof s === "string" && s.length <= 2 &&
        s.codePointAt(0)! >= 0x20 && s.codePointAt(0)! !== 0x7f &&
        String.fromCodePoint(s.codePointAt(0)!) === s;
      appended = one && !key?.ctrl && !key?.meta &&
          rl.cursor === rl.line.length
        ? s as string
        : undefined;
    },
  );
  rl.getCursorPos = () => {
    const prompt = rl.getPrompt();
    const n = (rl as unknown as { columns?: number }).columns ?? Infinity;
    const at = (offset: number) => {
      const cols = offset % n;
      return { cols, rows: n === Infinity ? 0 : (offset - cols) / n };
    };
    if (
      appended !== undefined && last && last.prompt === prompt && last.n === n
    ) {
      // Asked before the character goes in (Node does): nothing has moved yet.
      if (rl.cursor === last.cursor) return at(last.offset);
      if (rl.cursor === last.cursor + appended.length) {
        const w = widthOf(appended);
        let offset = last.offset;
        // A wide character that would straddle the edge starts on the next row, as readline has it.
        if (w === 2 && n !== Infinity && (offset + 1) % n === 0) offset++;
        offset += w;
        appended = undefined;
        last = { ...last, cursor: rl.cursor, offset };
        return at(offset);
      }
    }
    const pos = measure();
    const clean = !(prompt + rl.line.slice(0, rl.cursor)).includes("\n");
    last = clean
      ? {
        prompt,
        cursor: rl.cursor,
        offset: (n === Infinity ? 0 : pos.rows * n) + pos.cols,
        n,
      }
      : undefined;
    return pos;
  };
}

async function loadHistory(opts: ReplOptions): Promise<string[]> {
  if (!opts.historyFile) return [];
  try {
    // A device (/dev/zero) or a huge file must not keep the prompt from coming.
    const text = await opts.host.readTextFile(opts.historyFile, {
      limit: MAX_HISTORY_BYTES,
      tail: true,
      regularOnly: true,
    });
    const lines = text.split("\n").filter((l) => l.trim());
    const kept = lines.slice(-HISTORY_SIZE);
    // The file is appended to line by line; cut it back now and then so it cannot grow forever.
    if (
      lines.length > 2 * HISTORY_SIZE || text.length > MAX_HISTORY_BYTES / 2
    ) {
      await opts.host.writeTextFile?.(opts.historyFile, kept.join("\n") + "\n")
        .catch(() => {});
    }
    return kept.reverse();
  } catch {
    return [];
  }
}
