/**
 * The shell: runs lines of commands against one descriptor table.
 *
 * The REPL and the script runner both feed it lines; it looks each command
 * up, strips a leading `@FD`, runs it, and turns every error a user can cause
 * into one line on standard error.
 *
 * @module
 */

import {
  type CommandResult,
  type CommandSpec,
  type LineInput,
  onAbort,
  type Output,
  type Ran,
  type Scope,
  type ShellFiles,
  type ShellState,
} from "./command.ts";
import { fileErrorText, SocketError, strerror } from "../net/errno.ts";
import { EXIT, UnknownCommandError, UsageError } from "./errors.ts";
import { FdTable } from "./fdtable.ts";
import { errorLine, quoteText } from "./format.ts";
import type { NetBackend } from "../net.ts";
import { findCommand, nearest } from "./registry.ts";
import { t } from "../i18n/mod.ts";
import type { Host } from "../ui/host.ts";
import { lookupVar, runScript } from "../script/script.ts";
import { Teach } from "../teach/teach.ts";
import { expand, type LexedWord, type Word } from "../script/tokenize.ts";

/** A shell: the descriptor table and the registry, shared by every task. */
export class Shell implements ShellState {
  /** Every open socket. */
  readonly table: FdTable = new FdTable();
  /** Set by `exit`. */
  exitCode?: number;
  /** Where `read` reads from: standard input, until the REPL installs its line editor. */
  input: LineInput;
  /** The file `record` appends to. */
  recording?: string;
  /**
   * Set by a command that wrote its own lines to the `record` file (`talk`:
   * the sends it made), so that the statement it ran in is not written too.
   */
  recordedItself = false;
  /** See {@link ShellState.recordingIn}. */
  recordingIn?: Scope;
  /** Set while a `run` nested too deeply unwinds, so that it is reported once. */
  runTooDeep?: boolean;
  readonly #ending = new AbortController();
  /** The session log `diagram` draws, and the `explain` switch. */
  readonly teach: Teach = new Teach();
  /** How received data is shown, set by `view`. */
  view?: "quoted" | "lines" | "hex";

  /** Make a shell over a backend, a registry, an output and the host's files and standard input. */
  constructor(
    readonly net: NetBackend,
    readonly commands: Readonly<Record<string, CommandSpec>>,
    readonly io: Output,
    readonly files: ShellFiles & Pick<Host, "readLine">,
  ) {
    // A line read for a caller that stopped waiting (Ctrl-C, talk ending) is kept for the next one.
    let pending: Promise<string | null> | undefined;
    this.#takeLine = (signal) => {
      const p = pending ??= files.readLine();
      return new Promise((resolve) => {
        if (signal?.aborted) return resolve(null);
        const forget = signal ? onAbort(signal, () => resolve(null)) : noop;
        const settle = (line: string | null) => {
          forget();
          if (signal?.aborted) return;
          if (pending === p) pending = undefined;
          resolve(line);
        };
        p.then(settle, () => settle(null));
      });
    };
    this.input = {
      readLine: (prompt, signal) => {
        if (prompt) io.out(prompt);
        return this.#takeLine(signal);
      },
    };
  }

  readonly #takeLine: (signal?: AbortSignal) => Promise<string | null>;

  /**
   * The commands come from standard input (`printf ... | sockshell`): `talk`
   * takes the lines that follow it there.
   */
  commandsOnStdin(): void {
    this.input = {
      ...this.input,
      piped: true,
      lines: async (_prompt, onLine, signal) => {
        for (;;) {
          const line = await this.#takeLine(signal);
          if (signal.aborted) return false;
          if (line === null) return true;
          onLine(line);
        }
      },
    };
  }

  /** A fresh scope: no current descriptor, no variables, tracing on, `exit` leaves the shell. */
  newScope(): Scope {
    return { vars: new Map(), trace: true, exits: "shell" };
  }

  /**
   * Run one typed line: commands separated by `;`, blocks allowed, stopping at the first failure.
   * Each command that succeeds is appended to the `record` file, if one is open.
   *
   * @example
   * ```ts ignore
   * const r = await shell.runLine("socket tcp; listen", scope, signal);
   * ```
   */
  async runLine(
    line: string,
    scope: Scope,
    signal: AbortSignal,
  ): Promise<CommandResult> {
    return { code: await runScript(this, undefined, line, scope, signal) };
  }

  /** Append a command that succeeded to the `record` file; one that cannot be written ends the recording. */
  async record(text: string): Promise<void> {
    const file = this.recording;
    if (!file || !text.trim()) return;
    try {
      await this.files.appendTextFile(file, text.trim() + "\n");
    } catch (e) {
      this.recording = undefined;
      errorLine(
        this.io,
        `record: ${
          t("shell.recordStopped", { file, error: fileErrorText(e) })
        }`,
      );
    }
  }

  /** Expand and run one lexed command. */
  runLexed(
    words: LexedWord[],
    scope: Scope,
    signal: AbortSignal,
  ): Ran {
    let expanded: Word[];
    try {
      expanded = expand(words, (name) => lookupVar(scope, name, this.table));
    } catch (e) {
      return this.#report(undefined, e);
    }
    return this.execute(expanded, scope, signal);
  }

  // Names and aliases, each looked up once: a loop's command is one map read, not a
  // lower-casing and a search. A name typed in capitals is looked up each time (the map stays
  // as small as the registry).
  #found = new Map<string, CommandSpec>();

  #find(name: string): CommandSpec | undefined {
    const spec = findCommand(this.commands, name);
    if (spec && name === name.toLowerCase()) this.#found.set(name, spec);
    return spec;
  }

  /** Run one expanded command: its result, or a promise of it (see {@link Ran}). */
  execute(
    words: Word[],
    scope: Scope,
    signal: AbortSignal,
  ): Ran {
    // Indexing, not `[head, ...args]`: a rest pattern goes through the iterator protocol.
    const head = words[0];
    if (!head) return { code: 0 };
    const args = words.slice(1);
    const name = head.text;
    try {
      const known = this.#found.get(name);
      const spec = known ?? this.#find(name);
      if (!spec) {
        const best = nearest(this.commands, name);
        throw new UnknownCommandError(
          best === undefined
            ? t("shell.unknownCommand")
            : t("shell.unknownCommandDidYouMean", { best }),
        );
      }
      let fd: number | undefined;
      if (args[0] && !args[0].quoted && args[0].text.startsWith("@")) {
        if (!spec.takesFd) {
          throw new UsageError(
            t("shell.takesNoFd", { name: spec.name, word: args[0].text }),
          );
        }
        const m = /^@(\d{1,7})$/.exec(args[0].text);
        if (!m) {
          throw new UsageError(
            t("shell.badFd", { word: quoteText(args[0].text) }),
          );
        }
        fd = Number(m[1]);
        args.shift();
      }
      const ran = spec.run({
        name: known ? name : name.toLowerCase(),
        args,
        fd,
        shell: this,
        scope,
        io: this.io,
        signal,
      });
      return ran instanceof Promise
        ? ran.catch((e) => this.#report(name, e))
        : ran;
    } catch (e) {
      return this.#report(name, e);
    }
  }

  #report(name: string | undefined, e: unknown): CommandResult {
    const prefix = name ? `${name}: ` : "";
    if (e instanceof UsageError) {
      errorLine(this.io, `${prefix}${e.message}`);
      return { code: e.code };
    }
    if (e instanceof SocketError) {
      const detail = e.detail ? `: ${e.detail}` : "";
      errorLine(
        this.io,
        `${prefix}${e.errno} (${strerror(e.errno)})${detail}`,
      );
      return { code: EXIT.failed };
    }
    // A bug of ours, not the user's: one line, and the shell goes on.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    errorLine(this.io, `${prefix}${t("shell.internalError", { message })}`);
    return { code: EXIT.failed };
  }

  /** Aborted by {@link close}: every script's fork children stop what they wait for. */
  get ending(): AbortSignal {
    return this.#ending.signal;
  }

  /** Close every socket at once: nothing outlives the shell. */
  close(): void {
    this.#ending.abort(new SocketError("EINTR", t("shell.ending")));
    this.table.closeAll();
  }

  /**
   * The shell's exit: every descriptor closed as the kernel closes a
   * process's, what was written still sent (at most `ms`), then
   * {@link close}. Descriptors cut short are named on standard error.
   */
  async exit(ms = 5000): Promise<void> {
    this.#ending.abort(new SocketError("EINTR", t("shell.ending")));
    const cut = await this.table.settle(ms);
    if (cut.length) {
      errorLine(
        this.io,
        `sockshell: ${
          t("shell.exitCut", {
            n: cut.length,
            fds: cut.join(", "),
            s: ms / 1000,
          })
        }`,
      );
    }
    this.close();
  }
}

function noop(): void {}
