/**
 * What `explain` and `diagram` say: templates of the message catalogues
 * (lib/i18n/, keys `teach.*`), in the language in use.
 *
 * @module
 */

import { type MessageKey, t } from "../i18n/mod.ts";

/** The name of a template of `explain` and `diagram`: its catalogue key without `teach.`. */
export type TeachKey = {
  [K in MessageKey]: K extends `teach.${infer R}` ? R : never;
}[MessageKey];

/**
 * A template of `explain` and `diagram`, filled, in the language in use.
 *
 * @example
 * ```ts
 * console.log(say("recvShort", { n: 3, asked: 255 }));
 * ```
 */
export function say(
  key: TeachKey,
  values?: Record<string, string | number>,
): string {
  return t(`teach.${key}`, values);
}
