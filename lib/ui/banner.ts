/**
 * What the interactive shell shows first: the banner and the first prompt,
 * in a module of their own, with no message catalogue, so that the Deno
 * program can draw them before the shell itself loads
 * (lib/ui/first_prompt.ts).
 *
 * @module
 */

import { BANNERS, type LanguageCode } from "../i18n/languages.ts";

/** The version, shown by `--version` and the banner. */
export const VERSION = "0.1.0";

/** The prompt while no descriptor is current (`sockshell@3> ` once 3 is). */
export const PROMPT = "sockshell> ";

/** The banner in language `code`. */
export function banner(code: LanguageCode): string {
  return BANNERS[code].replace("{version}", VERSION);
}
