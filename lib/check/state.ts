/**
 * What commands (spawn, expect, hint) need to know of a running check,
 * apart from the runner, so that loading them costs the shell nothing.
 *
 * @module
 */

import type { Proc } from "./proc.ts";

/** What a running check knows, per shell: the program under test, the current hint, the last failed expectation. */
export interface CheckState {
  /** The program under test and the arguments given on the command line. */
  program?: { path: string; args: string[]; fixedPort: boolean };
  /** The hint of the current scenario, shown when it fails. */
  hint?: string;
  /** The last `expect` that failed: both sides, as bytes. */
  expectation?: { got: Uint8Array; op: string; expected: Uint8Array };
  /** Programs started in the current scenario. */
  procs: Proc[];
}

/** The state of each shell that runs a check. */
export const checkStates = new WeakMap<object, CheckState>();

/** The check state of a shell, when it runs a check. */
export function checkState(shell: object): CheckState | undefined {
  return checkStates.get(shell);
}
