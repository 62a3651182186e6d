/**
 * What the shell says, in the user's language.
 *
 * Every sentence lives in one catalogue per language (`en.ts`, `fr.ts`), as
 * a whole template with named placeholders in ICU MessageFormat's notation,
 * so that a translation may put the words in its own order:
 *
 * - `{fd}` a value;
 * - `{n, plural, one {# byte} other {# bytes}}` a count (`#` is the count),
 *   chosen with the language's own plural rules (`Intl.PluralRules`);
 * - `{kind, select, tcp {...} other {...}}` a choice by value;
 * - `'{'` and `'}'` a literal brace (ICU's quoting, kept to these two forms so
 *   that an apostrophe before a placeholder, as in French `l'{addr}`, stays
 *   an apostrophe).
 *
 * Each command's help is `help.NAME.summary` (one line) and
 * `help.NAME.details` (one template, its lines separated by "\n"): a
 * command's name must have both (`CommandName` in lib/shell/command.ts).
 *
 * English is built in; another language's catalogue is loaded only when it
 * is the one in use. The C calls, errno names, commands and options are the
 * same in every language: they are never in a catalogue. Nor is the banner:
 * the Deno program draws it before any catalogue loads, from
 * `languages.ts`, with the language codes and how the locale picks one.
 *
 * @module
 */

import { en } from "./en.ts";
import { isLanguage, LANGUAGE_CODES, type LanguageCode } from "./languages.ts";

export {
  BANNERS,
  isLanguage,
  LANGUAGE_CODES,
  type LanguageCode,
  pickLanguage,
} from "./languages.ts";

/** The name of a message: a key of the English catalogue. */
export type MessageKey = keyof typeof en;

/** A catalogue: every key of the English one, each a template in another language. */
export type Catalogue = Readonly<Record<MessageKey, string>>;

/** How to load each language's catalogue (English is built in). */
const LANGUAGES: Readonly<Record<LanguageCode, () => Promise<Catalogue>>> = {
  en: () => Promise.resolve(en),
  fr: async () => (await import("./fr.ts")).fr,
};

let current: Catalogue = en;
let currentCode: LanguageCode = "en";
let plural: Intl.PluralRules | undefined;

/** The language in use: "en", "fr"... */
export function language(): LanguageCode {
  return currentCode;
}

/** Speak `code` from now on, loading its catalogue; an unknown code is a RangeError. */
export async function useLanguage(code: string): Promise<void> {
  if (!isLanguage(code)) {
    throw new RangeError(
      `unknown language ${code} (${LANGUAGE_CODES.join(", ")})`,
    );
  }
  current = await LANGUAGES[code]!();
  currentCode = code;
  plural = undefined;
}

/**
 * A message of the catalogue in use, its placeholders filled in.
 *
 * @example
 * ```ts
 * t("errno.ECONNREFUSED"); // "Connection refused"
 * ```
 */
export function t(
  key: MessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return format(current[key] ?? en[key], values, currentCode);
}

/** Whether `key` names a message (for keys built from data, such as an errno name). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/**
 * Fill in an ICU-style template: `{name}`, `{n, plural, one {...} other {...}}`
 * (with `=0 {...}` exact matches and `#` for the count), `{x, select, a {...} other {...}}`.
 *
 * @example
 * ```ts
 * format("{n, plural, one {# byte} other {# bytes}}", { n: 2 }, "en"); // "2 bytes"
 * ```
 */
export function format(
  template: string,
  values: Readonly<Record<string, string | number>>,
  lang: string,
): string {
  if (!template.includes("{") && !template.includes("'")) return template;
  let out = "";
  let i = 0;
  while (i < template.length) {
    const open = nextOpen(template, i);
    if (open < 0) break;
    out += unquote(template.slice(i, open));
    const close = matching(template, open);
    out += argument(template.slice(open + 1, close), values, lang);
    i = close + 1;
  }
  return out + unquote(template.slice(i));
}

/** Whether the brace at `i` is quoted: `'{'` or `'}'`. */
function quoted(s: string, i: number): boolean {
  return s[i - 1] === "'" && s[i + 1] === "'";
}

/** The first `{` from `from` that opens a placeholder (not a quoted one). */
function nextOpen(s: string, from: number): number {
  let open = s.indexOf("{", from);
  while (open > 0 && quoted(s, open)) open = s.indexOf("{", open + 2);
  return open;
}

/** Literal text with its quoted braces `'{'` `'}'` made plain. */
function unquote(s: string): string {
  return s.includes("'") ? s.replace(/'([{}])'/g, "$1") : s;
}

/** Where the brace that `open` opens is closed (quoted braces, '{', do not count). */
function matching(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (quoted(s, i)) continue;
    if (s[i] === "{") depth++;
    else if (s[i] === "}" && --depth === 0) return i;
  }
  throw new SyntaxError(`unclosed { in message: ${s}`);
}

function argument(
  body: string,
  values: Readonly<Record<string, string | number>>,
  lang: string,
): string {
  const comma = body.indexOf(",");
  const name = (comma < 0 ? body : body.slice(0, comma)).trim();
  const value = values[name];
  if (comma < 0) return value === undefined ? `{${name}}` : String(value);
  const rest = body.slice(comma + 1);
  const comma2 = rest.indexOf(",");
  const kind = rest.slice(0, comma2).trim();
  const cases = options(rest.slice(comma2 + 1));
  let chosen: string | undefined;
  if (kind === "plural") {
    const n = Number(value);
    plural ??= new Intl.PluralRules(currentCode);
    const rules = lang === currentCode ? plural : new Intl.PluralRules(lang);
    chosen = cases.get(`=${n}`) ?? cases.get(rules.select(n)) ??
      cases.get("other");
    return format((chosen ?? "").replaceAll("#", String(value)), values, lang);
  }
  chosen = cases.get(String(value)) ?? cases.get("other");
  return format(chosen ?? "", values, lang);
}

/** `one {...} other {...}` as a map. */
function options(s: string): Map<string, string> {
  const found = new Map<string, string>();
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf("{", i);
    if (open < 0) break;
    const close = matching(s, open);
    found.set(s.slice(i, open).trim(), s.slice(open + 1, close));
    i = close + 1;
  }
  return found;
}
