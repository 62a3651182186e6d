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

/** Most bytes one `send` builds: 16 MiB. */
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
  if (words.length === 0) {
    throw new UsageError(t("script.nothingToSend"));
  }
  const joined = joinWords(words);
  // `end` (send -C's \r\n) closes each repetition, as a line protocol wants.
  const once = end ? concat([joined, end]) : joined;
  const times = repeat === undefined
    ? 1
    : parseInteger(String(repeat), "repeatCount", 1, MAX_PAYLOAD);
  if (once.length * times > MAX_PAYLOAD) {
    throw new UsageError(
      t("script.payloadTooLarge", { n: once.length * times, max: MAX_PAYLOAD }),
    );
  }
  if (times === 1) return once;
  const out = new Uint8Array(once.length * times);
  for (let i = 0; i < times; i++) out.set(once, i * once.length);
  return out;
}
