/**
 * The shell: runs lines of commands against one descriptor table.
 *
 * The REPL and the script runner both feed it lines; it looks each command
 * up, strips a leading `@FD`, runs it, and turns every error a user can cause
 * into one line on standard error.
 *
 * @module
 */

import type {
  CommandResult,
  CommandSpec,
  Output,
  Scope,
  ShellState,
} from "./command.ts";
import { SocketError, strerror } from "./errno.ts";
import { EXIT, UnknownCommandError, UsageError } from "./errors.ts";
import { FdTable } from "./fdtable.ts";
import type { NetBackend } from "./net.ts";
import { findCommand, suggest } from "./registry.ts";
import { expand, lex, type LexedWord, type Word } from "./tokenize.ts";

/** A shell: the descriptor table and the registry, shared by every task. */
export class Shell implements ShellState {
  /** Every open socket. */
  readonly table: FdTable = new FdTable();
  /** Set by `exit`. */
  exitCode?: number;

  /** Make a shell over a backend and a registry. */
  constructor(
    readonly net: NetBackend,
    readonly commands: Readonly<Record<string, CommandSpec>>,
    readonly io: Output,
  ) {}

  /** A fresh scope: no current descriptor, no variables, tracing on. */
  newScope(): Scope {
    return { vars: new Map(), trace: true };
  }

  /**
   * Run one line (commands separated by `;`), stopping at the first that fails.
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
    let commands: LexedWord[][];
    try {
      commands = lex(line);
    } catch (e) {
      return this.#report(undefined, e);
    }
    let last: CommandResult = { code: 0 };
    for (const words of commands) {
      last = await this.runLexed(words, scope, signal);
      if (last.code !== 0 || this.exitCode !== undefined) break;
    }
    return last;
  }

  /** Expand and run one lexed command. */
  async runLexed(
    words: LexedWord[],
    scope: Scope,
    signal: AbortSignal,
  ): Promise<CommandResult> {
    let expanded: Word[];
    try {
      expanded = expand(words, (name) => lookupVar(scope, name));
    } catch (e) {
      return this.#report(undefined, e);
    }
    return await this.execute(expanded, scope, signal);
  }

  /** Run one expanded command. */
  async execute(
    words: Word[],
    scope: Scope,
    signal: AbortSignal,
  ): Promise<CommandResult> {
    const [head, ...args] = words;
    if (!head) return { code: 0 };
    const name = head.text;
    try {
      const spec = findCommand(this.commands, name);
      if (!spec) {
        throw new UnknownCommandError(
          `unknown command${suggest(this.commands, name)} (help lists them)`,
        );
      }
      let fd: number | undefined;
      if (args[0] && !args[0].quoted && args[0].text.startsWith("@")) {
        if (!spec.takesFd) {
          throw new UsageError(
            `${spec.name} takes no descriptor (${args[0].text})`,
          );
        }
        const m = /^@(\d{1,7})$/.exec(args[0].text);
        if (!m) {
          throw new UsageError(
            `bad descriptor ${
              JSON.stringify(args[0].text)
            }: write @ and a number, as in @4`,
          );
        }
        fd = Number(m[1]);
        args.shift();
      }
      return await spec.run({
        name: name.toLowerCase(),
        args,
        fd,
        shell: this,
        scope,
        io: this.io,
        signal,
      });
    } catch (e) {
      return this.#report(name, e);
    }
  }

  #report(name: string | undefined, e: unknown): CommandResult {
    const prefix = name ? `${name}: ` : "";
    const p = this.io.paint;
    if (e instanceof UsageError) {
      this.io.err(p.bad(`${prefix}${e.message}`) + "\n");
      return { code: e.code };
    }
    if (e instanceof SocketError) {
      const detail = e.detail ? `: ${e.detail}` : "";
      this.io.err(
        p.bad(`${prefix}${e.errno} (${strerror(e.errno)})${detail}`) + "\n",
      );
      return { code: EXIT.failed };
    }
    // A bug of ours, not the user's: one line, and the shell goes on.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    this.io.err(p.bad(`${prefix}internal error: ${message}`) + "\n");
    return { code: EXIT.failed };
  }

  /** Close every socket: nothing outlives the shell. */
  close(): void {
    this.table.closeAll();
  }
}

/** A variable's value in a scope: `$#` and `$N` are arguments; names are variables. */
export function lookupVar(scope: Scope, name: string): Uint8Array | undefined {
  return scope.vars.get(name);
}
