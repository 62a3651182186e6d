/**
 * Giving memory back after a burst of clients.
 *
 * A `fork` child lives as long as its client's dialogue, long enough for V8
 * to move what it allocated to the old generation, where garbage is only
 * collected once the heap has grown well past what is alive: a server that
 * served rounds of a thousand clients kept the garbage of several rounds, and
 * one holding two thousand idle clients kept what greeting them had left
 * (both measured in `deno task bench`). So, once a burst of children has
 * started or ended and none has for a second, the shell asks V8 for one full
 * collection, as a memory reducer would. Nothing is collected while children
 * keep coming and going.
 *
 * @module
 */

import { after, type Cancel } from "./timer.ts";

/** Children started or ended since the last collection for one to be worth it. */
const BURST = 100;
/** Quiet time after the last start or end before collecting (ms). */
const QUIET_MS = 1000;

let events = 0;
let last = 0;
let timer: Cancel | undefined;
/** V8's gc(), once loaded; null where the runtime refuses. */
let gc: (() => void) | null | undefined;

/** A forked child started or ended: after a burst, collect once quiet. */
export function childEvent(): void {
  last = Date.now();
  if (++events < BURST || timer !== undefined) return;
  arm(QUIET_MS);
}

function arm(ms: number): void {
  // Never keeps a finished program alive (Node; Deno's shell exits explicitly). Not the global
  // setTimeout: under Deno its first call loads the Node layer, 4.5 MiB in the middle of a burst.
  timer = after(ms, () => void whenQuiet(), { hold: false });
}

async function whenQuiet(): Promise<void> {
  const quiet = Date.now() - last;
  if (quiet < QUIET_MS) return arm(QUIET_MS - quiet);
  timer = undefined;
  events = 0;
  if (gc === undefined) {
    try {
      // Loaded only by a server that served a burst. --expose-gc installs gc() in contexts
      // made after it is set: a new one hands it over.
      const v8 = await import("node:v8");
      const vm = await import("node:vm");
      v8.setFlagsFromString("--expose-gc");
      const f = vm.runInNewContext("gc");
      gc = typeof f === "function" ? f as () => void : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
