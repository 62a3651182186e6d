/**
 * Joining words back into bytes, as `set`, `print` and `send` do.
 *
 * @module
 */

import { concat, type Word } from "./tokenize.ts";
import { quoteText } from "../shell/format.ts";

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

/**
 * A double-quoted word the script language reads back as exactly `text`:
 * control characters escaped as `send` reads them, `"`, `\\` and `$` too
 * (a `$` would start a variable).
 *
 * @example
 * ```ts
 * console.log(scriptWord("price: $5\r")); // "price: \$5\r"
 * ```
 */
export function scriptWord(text: string): string {
  return quoteText(text).replaceAll("$", "\\$");
}
