/**
 * Joining words back into bytes, as `set`, `print` and `send` do.
 *
 * @module
 */

import { concat, type Word } from "./tokenize.ts";

const SPACE = new Uint8Array([32]);

/**
 * The bytes of `words` joined by one space each.
 *
 * @example
 * ```ts
 * const w = (text: string) => ({ text, bytes: new TextEncoder().encode(text), quoted: false });
 * console.log(new TextDecoder().decode(joinWords([w("a"), w("b")]))); // "a b"
 * ```
 */
export function joinWords(words: Word[]): Uint8Array {
  const parts: Uint8Array[] = [];
  words.forEach((w, i) => {
    if (i > 0) parts.push(SPACE);
    parts.push(w.bytes);
  });
  return concat(parts);
}
