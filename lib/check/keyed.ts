/**
 * `scenario -k KEY` and `hint -k KEY`: a built-in check names a template of
 * the message catalogue instead of writing English, so that its report
 * speaks the language in use; `name=value` words after the key fill the
 * template's placeholders. A teacher's check may still write plain text.
 *
 * @module
 */

import { hasMessage, t } from "../i18n/mod.ts";

/**
 * The text of catalogue message `key` in the language in use, its
 * placeholders filled from `name=value` words; or the error line, prefixed
 * with `command`, when the key names no message or a word is not name=value.
 *
 * @example
 * ```ts
 * keyedText("hint", "checks.tcpServer.emptyLine", []); // { text: "an empty line" }
 * ```
 */
export function keyedText(
  command: string,
  key: string | undefined,
  words: readonly string[],
): { text: string } | { error: string } {
  if (key === undefined || !hasMessage(key)) {
    return { error: t("checks.unknownKey", { command, key: key ?? "" }) };
  }
  const values: Record<string, string> = {};
  for (const w of words) {
    const eq = w.indexOf("=");
    if (eq <= 0) {
      return { error: t("checks.notNameValue", { command, word: w }) };
    }
    values[w.slice(0, eq)] = w.slice(eq + 1);
  }
  return { text: t(key, values) };
}
