/**
 * Byte arrays without the runtime's per-array cost.
 *
 * Deno 2.9 takes about 1 µs to allocate any `ArrayBuffer`, however small
 * (Node 20 about 0.09 µs): more than the rest of a `let`, and three of them
 * were a tenth of a `send`/`recv -l` round trip. A small array is carved out
 * of a shared block instead, as Node's `Buffer` pool does.
 *
 * @module
 */

/** The largest array {@link newBytes} carves out of the shared block. */
const SMALL_BYTES = 256;
/** The shared block's size: one live small array keeps at most this much alive. */
const BLOCK = 4096;
let block = new ArrayBuffer(0);
let used = 0;

/**
 * A new zeroed byte array. A small one (a word, a number, a line of a
 * dialogue, a datagram) is a view into a shared 4 KiB block. Views never
 * overlap, so each array is its own to write; `.buffer` is the block (only a
 * heuristic of the stream buffer reads it).
 *
 * @example
 * ```ts
 * const a = newBytes(3);
 * a.set([1, 2, 3]);
 * console.log(a.length, newBytes(3)[0]); // 3 0
 * ```
 */
export function newBytes(n: number): Uint8Array {
  if (n > SMALL_BYTES) return new Uint8Array(n);
  if (used + n > block.byteLength) {
    block = new ArrayBuffer(BLOCK);
    used = 0;
  }
  const out = new Uint8Array(block, used, n);
  used += (n + 7) & ~7;
  return out;
}

/** A copy of `bytes` that shares nothing with it (see {@link newBytes}). */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  const out = newBytes(bytes.length);
  out.set(bytes);
  return out;
}
