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
  const now = performance.now();
  const entry: Entry = { at: now + delay, seq: seq++, f };
  push(entry);
  live++;
  arm(now);
  return () => {
    if (!entry.f) return;
    entry.f = undefined;
    live--;
    dropDead();
  };
}

// Deno's web timers, multiplexed: one `AbortSignal.timeout` for every pending
// timer. Such a signal costs about 2 µs to make, and each fires in the end
// even once its listener is gone, making a DOMException with a stack trace
// (about 8 µs): a loop of `recvfrom -t` paid some 10 µs a call. Here a
// cancelled timer costs a flag, and the runtime's timer is made again only
// for an earlier deadline than the one it serves, or after it fired.

/** A pending timer: its deadline (performance.now), its order, and what to call (gone once cancelled or fired). */
interface Entry {
  at: number;
  seq: number;
  f: (() => void) | undefined;
}

/** A binary min-heap of pending timers, by deadline then order; cancelled ones stay until dropped. */
const queue: Entry[] = [];
let seq = 0;
/** Timers not cancelled nor fired. */
let live = 0;
/** The runtime's timer, and the deadline it serves; listened to while a timer is live. */
let armed: AbortSignal | undefined;
let armedAt = Infinity;
let listening = false;

/** Have the runtime's timer serve the earliest deadline; it keeps the process alive while listened to. */
function arm(now: number): void {
  const at = queue[0]!.at;
  if (!armed || armed.aborted || armedAt > at) {
    if (listening) armed!.removeEventListener("abort", fire);
    listening = false;
    armed = AbortSignal.timeout(Math.max(0, Math.ceil(at - now)));
    armedAt = at;
  }
  if (!listening) {
    armed.addEventListener("abort", fire);
    listening = true;
  }
}

/** The runtime's timer fired: call what is due, in order, and arm for the rest. */
function fire(): void {
  armed!.removeEventListener("abort", fire);
  armed = undefined;
  armedAt = Infinity;
  listening = false;
  const now = performance.now();
  const due: (() => void)[] = [];
  while (queue.length && queue[0]!.at <= now) {
    const e = pop();
    if (!e.f) continue;
    due.push(e.f);
    e.f = undefined;
    live--;
  }
  dropDead();
  if (live > 0) arm(now);
  for (const f of due) {
    try {
      f();
    } catch (e) {
      // As a timer's own listener would: the error is reported, the other timers still run.
      queueMicrotask(() => {
        throw e;
      });
    }
  }
}

/**
 * Forget cancelled timers: all of them once none is live (the runtime's
 * timer then no longer keeps the process alive), or when they outnumber the
 * live ones (a loop of short timeouts beside a long one).
 */
function dropDead(): void {
  if (live === 0) {
    queue.length = 0;
    if (listening) armed!.removeEventListener("abort", fire);
    listening = false;
    return;
  }
  if (queue.length <= 2 * live + 64) return;
  const kept = queue.filter((e) => e.f);
  queue.length = 0;
  for (const e of kept) push(e);
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function push(e: Entry): void {
  let i = queue.push(e) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(e, queue[parent]!)) break;
    queue[i] = queue[parent]!;
    i = parent;
  }
  queue[i] = e;
}

function pop(): Entry {
  const top = queue[0]!;
  const last = queue.pop()!;
  if (queue.length === 0) return top;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= queue.length) break;
    const r = l + 1;
    const c = r < queue.length && before(queue[r]!, queue[l]!) ? r : l;
    if (!before(queue[c]!, last)) break;
    queue[i] = queue[c]!;
    i = c;
  }
  queue[i] = last;
  return top;
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
