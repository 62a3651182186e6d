/**
 * What `poll` and `select` share: waiting for the first of several sockets
 * to become ready.
 *
 * Deno and Node have no poll(2). Each socket already keeps at most one read,
 * receive or accept in flight, buffering what it brings (that is how Ctrl-C
 * is safe); readiness is computed from those buffers, and waiting starts that
 * one pending call on every watched socket and races them with Ctrl-C and the
 * timeout. Nothing is consumed: the next recv or accept takes what was found.
 *
 * @module
 */

import { nextTurn } from "./command.ts";
import { SocketError } from "../net/errno.ts";
import {
  type FdTable,
  POLLERR,
  POLLHUP,
  POLLIN,
  POLLNVAL,
  POLLOUT,
} from "./fdtable.ts";
import { t } from "../i18n/mod.ts";
import { after, type Cancel } from "./timer.ts";

/** One entry of poll's array: `struct pollfd`. */
export interface PollFd {
  /** The descriptor. */
  fd: number;
  /** What is asked: POLLIN, POLLOUT or both. */
  events: number;
  /** What poll found. */
  revents: number;
}

const NAMES: Array<[number, string]> = [
  [POLLIN, "POLLIN"],
  [POLLOUT, "POLLOUT"],
  [POLLERR, "POLLERR"],
  [POLLHUP, "POLLHUP"],
  [POLLNVAL, "POLLNVAL"],
];

/**
 * Event bits as strace names them: `POLLIN|POLLOUT`, or `0`.
 *
 * @example
 * ```ts
 * import { POLLIN, POLLOUT } from "./fdtable.ts";
 * console.log(eventNames(POLLIN | POLLOUT)); // "POLLIN|POLLOUT"
 * ```
 */
export function eventNames(bits: number): string {
  return NAMED[bits & 0x3f] ??= names(bits & 0x3f);
}

const NAMED: string[] = [];

function names(bits: number): string {
  const found = NAMES.filter(([b]) => bits & b).map(([, n]) => n);
  return found.length ? found.join("|") : "0";
}

/**
 * poll(2): fill each entry's revents; resolves with how many are non-zero.
 * `timeoutMs` -1 blocks, 0 only looks. Ctrl-C rejects with EINTR.
 *
 * @example
 * ```ts ignore
 * const fds = [{ fd: 3, events: POLLIN, revents: 0 }];
 * const n = await pollFds(shell.table, fds, 200, signal);
 * ```
 */
export async function pollFds(
  table: FdTable,
  fds: PollFd[],
  timeoutMs: number,
  signal: AbortSignal,
): Promise<number> {
  const deadline = timeoutMs < 0 ? undefined : Date.now() + timeoutMs;
  let expired = false;
  for (;;) {
    let n = 0;
    for (const p of fds) {
      p.revents = table.has(p.fd) ? table.get(p.fd).ready(p.events) : POLLNVAL;
      if (p.revents) n++;
    }
    if (n > 0 || expired) {
      // Start the pending calls of those not ready yet, so what they bring shows on the next poll.
      if (n > 0) {
        for (const p of fds) {
          if (!p.revents) table.get(p.fd).watch(p.events);
        }
      }
      return n;
    }
    if (signal.aborted) throw interrupted();
    const left = deadline === undefined
      ? undefined
      : Math.max(0, deadline - Date.now());
    expired = await waitForChange(table, fds, left, signal);
  }
}

function interrupted(): SocketError {
  return new SocketError("EINTR", t("cmd.interrupted"));
}

/**
 * Wait until a watched socket's pending call settles (false), or the time is
 * up (true). A time of 0 still lets the event loop turn, so that data already
 * in the kernel is seen by `poll -t 0`, as C's poll sees it.
 */
function waitForChange(
  table: FdTable,
  fds: PollFd[],
  leftMs: number | undefined,
  signal: AbortSignal,
): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const stops: Array<() => void> = [];
    let cancel: Cancel | undefined;
    let done = false;
    const finish = (expired: boolean, error?: SocketError) => {
      if (done) return;
      done = true;
      for (const stop of stops) stop();
      cancel?.();
      signal.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve(expired);
    };
    const onAbort = () => finish(false, interrupted());
    signal.addEventListener("abort", onAbort, { once: true });
    const changed = () => finish(false);
    for (const p of fds) {
      if (table.has(p.fd)) stops.push(table.get(p.fd).watch(p.events, changed));
    }
    if (leftMs === 0) nextTurn().then(() => finish(true));
    else if (leftMs !== undefined) {
      cancel = after(leftMs, () => finish(true));
    }
  });
}
