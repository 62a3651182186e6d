/**
 * Timers that cost nothing to start with.
 *
 * Deno 2.9's global `setTimeout` is the Node layer's (`node:timers`), loaded
 * on its first call: 5 to 8 ms and 4.5 MiB of resident memory in a process
 * that otherwise never loads that layer (a `-c` script, a file transfer).
 * Deno's own web timers are loaded from the start and reached through
 * `AbortSignal.timeout`: while such a timer has an `abort` listener it keeps
 * the process alive, and once the listener is removed it no longer does, as
 * a cleared timer. Node's `AbortSignal.timeout` never keeps a process alive,
 * so under Node these are its `setTimeout`.
 *
 * @module
 */

/** Stops a timer that has not fired; does nothing once it has. */
export type Cancel = () => void;

const WEB_TIMERS = typeof (globalThis as { Deno?: unknown }).Deno === "object";

/** The longest delay a timer holds, in ms (2³¹ - 1, as setTimeout's). */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Call `f` once, `ms` milliseconds from now (Deno's timers have a resolution
 * of about 2 ms, `0` included). With `hold: false` the timer does not keep
 * a Node process alive; Deno's web timers always do while armed (the shell
 * ends a Deno process explicitly).
 *
 * @example
 * ```ts
 * const cancel = after(5000, () => console.log("too late"));
 * cancel();
 * ```
 */
export function after(
  ms: number,
  f: () => void,
  opts: { hold?: boolean } = {},
): Cancel {
  // Beyond what a timer holds (about 24.8 days): never. Not a number: at once, as setTimeout.
  if (ms > MAX_DELAY) return () => {};
  const delay = ms > 0 ? Math.ceil(ms) : 0;
  if (!WEB_TIMERS) {
    const timer = setTimeout(f, delay);
    if (opts.hold === false) timer.unref();
    return () => clearTimeout(timer);
  }
  const signal = AbortSignal.timeout(delay);
  const fire = () => f();
  signal.addEventListener("abort", fire, { once: true });
  return () => signal.removeEventListener("abort", fire);
}

/**
 * Call `f` every `ms` milliseconds until cancelled.
 *
 * @example
 * ```ts ignore
 * const stop = every(200, drawProgress);
 * ```
 */
export function every(ms: number, f: () => void): Cancel {
  let cancel: Cancel;
  const tick = () => {
    cancel = after(ms, tick);
    f();
  };
  cancel = after(ms, tick);
  return () => cancel();
}

/**
 * A promise that resolves `ms` milliseconds from now.
 *
 * @example
 * ```ts ignore
 * await delay(50);
 * ```
 */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => after(ms, resolve));
}
