/**
 * Error types the shell catches, and the exit codes they map to.
 *
 * @module
 */

/** Exit codes, as dax and POSIX shells use them. */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  aborted: 124,
  unknown: 127,
} as const;

/**
 * Bad input to a command: wrong arguments, a bad port, an unterminated quote.
 *
 * @example
 * ```ts
 * throw new UsageError("port must be a number from 0 to 65535: 70000");
 * ```
 */
export class UsageError extends Error {
  /** Exit status of a script that stops on this error. */
  readonly code: number = EXIT.usage;

  /** Make a usage error; the message is shown after the command name. */
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A command name that is not in the registry. */
export class UnknownCommandError extends UsageError {
  override readonly code: number = EXIT.unknown;

  /** Make an unknown-command error; the message names the command and suggests one. */
  constructor(message: string) {
    super(message);
    this.name = "UnknownCommandError";
  }
}
