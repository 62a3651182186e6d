/**
 * The TEXT argument of `send` and `sendto`: words joined by single spaces,
 * repeated with `-r`, sent byte for byte.
 *
 * @module
 */

import { parseInteger } from "../shell/command.ts";
import { UsageError } from "../shell/errors.ts";
import { t } from "../i18n/mod.ts";
import type { Word } from "./tokenize.ts";
import { concat } from "./tokenize.ts";
import { joinWords } from "./words.ts";

/**
 * TEXT once (its words joined, then `end`) and how many times `-r` repeats
 * it: what a send streams when the whole would be too large to build.
 */
export function repetition(
  words: Word[],
  repeat: string | true | undefined,
  end?: Uint8Array,
): { once: Uint8Array; times: number } {
  if (words.length === 0) {
    throw new UsageError(t("script.nothingToSend"));
  }
  const joined = joinWords(words);
  // `end` (send -C's \r\n) closes each repetition, as a line protocol wants.
  const once = end ? concat([joined, end]) : joined;
  const times = repeat === undefined
    ? 1
    : parseInteger(String(repeat), "repeatCount", 1, MAX_REPEAT);
  return { once, times };
}

/** Most repetitions of `-r`: a TCP send streams them, whatever the total. */
export const MAX_REPEAT = 2 ** 31 - 1;

/** Most bytes one `send` builds: 16 MiB (a TCP `send -r` streams instead, whatever its total). */
export const MAX_PAYLOAD = 16 * 1024 * 1024;

/**
 * The bytes of TEXT: the words joined by one space each, repeated `repeat` times.
 *
 * @example
 * ```ts
 * const w = (text: string) => ({ text, bytes: new TextEncoder().encode(text), quoted: false });
 * console.log(payload([w("a"), w("b")], "2").length); // 6: "a ba b"
 * ```
 */
export function payload(
  words: Word[],
  repeat: string | true | undefined,
  end?: Uint8Array,
): Uint8Array {
  const { once, times } = repetition(words, repeat, end);
  if (once.length * times > MAX_PAYLOAD) {
    throw new UsageError(
      t("script.payloadTooLarge", { n: once.length * times, max: MAX_PAYLOAD }),
    );
  }
  return times === 1 ? once : repeatBytes(once, times);
}

/**
 * `once`, `times` times over, in one array: copied by doubling, a few
 * dozen copies whatever `times` (a loop of one copy per repetition had V8
 * compile it, a few MiB of compiler memory that stays in the process).
 */
export function repeatBytes(once: Uint8Array, times: number): Uint8Array {
  const total = once.length * times;
  const out = new Uint8Array(total);
  if (total === 0) return out;
  out.set(once);
  for (let have = once.length; have < total; have *= 2) {
    out.copyWithin(have, 0, Math.min(have, total - have));
  }
  return out;
}
