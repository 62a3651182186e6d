/**
 * The script runner: the same commands as the prompt, read from a file,
 * `-c`, or standard input; it stops at the first command that fails and says
 * where.
 *
 * @module
 */

import type { Scope } from "./command.ts";
import { EXIT } from "./errors.ts";
import type { Shell } from "./shell.ts";

const encoder = new TextEncoder();

/** Where script lines come from: a name for messages and the lines, one at a time. */
export interface ScriptSource {
  /** Shown in messages: a file name, `-c` or `stdin`. */
  name: string;
  /** The next line, or null at the end. */
  next(): Promise<string | null>;
}

/** A source over text already in memory (a file, `-c`). */
export function textSource(name: string, text: string): ScriptSource {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  let i = 0;
  return {
    name,
    next: () => Promise.resolve(i < lines.length ? lines[i++]! : null),
  };
}

/** A scope for a script: positional arguments as `$1`..., `$#`, `$0`. */
export function scriptScope(shell: Shell, name: string, args: string[]): Scope {
  const scope = shell.newScope();
  scope.vars.set("0", encoder.encode(name));
  scope.vars.set("#", encoder.encode(String(args.length)));
  args.forEach((a, i) => scope.vars.set(String(i + 1), encoder.encode(a)));
  return scope;
}

/**
 * Run a script to its end or its first failure; resolves with the exit status.
 * `interrupt` aborts the running command (Ctrl-C).
 *
 * @example
 * ```ts ignore
 * const code = await runScript(shell, textSource("-c", "socket tcp; listen"), scope, onInterrupt);
 * ```
 */
export async function runScript(
  shell: Shell,
  source: ScriptSource,
  scope: Scope,
  onInterrupt: (f: () => void) => () => void,
): Promise<number> {
  let lineNo = 0;
  for (;;) {
    const line = await source.next();
    if (line === null) return EXIT.ok;
    lineNo++;
    const controller = new AbortController();
    const off = onInterrupt(() => controller.abort());
    let result;
    try {
      result = await shell.runLine(
        line.replace(/\r$/, ""),
        scope,
        controller.signal,
      );
    } finally {
      off();
    }
    if (shell.exitCode !== undefined) return shell.exitCode;
    if (result.code !== 0) {
      const code = controller.signal.aborted ? EXIT.aborted : result.code;
      shell.io.err(
        shell.io.paint.bad(
          `${source.name}:${lineNo}: stopped: ${line.trim()}`,
        ) + "\n",
      );
      return code;
    }
  }
}
