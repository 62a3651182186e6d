/**
 * The programs a shell started, by pid: what `wait`, `input` and `output` name.
 *
 * @module
 */

import { quoteText } from "../shell/format.ts";
import { SocketError } from "../net/errno.ts";
import { t } from "../i18n/mod.ts";
import type { Proc } from "./proc.ts";

const tables = new WeakMap<object, Map<number, Proc>>();

/** Keep a started program under its pid for this shell. */
export function remember(shell: object, p: Proc): void {
  let t = tables.get(shell);
  if (!t) tables.set(shell, t = new Map());
  t.set(p.pid, p);
}

/** The programs this shell started, in order. */
export function started(shell: object): Proc[] {
  return [...(tables.get(shell)?.values() ?? [])];
}

/** Forget a program (after it was killed and reaped). */
export function forget(shell: object, p: Proc): void {
  tables.get(shell)?.delete(p.pid);
}

/** The program with this pid, or ESRCH (as kill(2) says for no such process). */
export function findProc(shell: object, pidText: string): Proc {
  const p = /^\d+$/.test(pidText)
    ? tables.get(shell)?.get(Number(pidText))
    : undefined;
  if (!p) {
    throw new SocketError(
      "ESRCH",
      t("check.noSuchPid", { pid: quoteText(pidText) }),
    );
  }
  return p;
}
