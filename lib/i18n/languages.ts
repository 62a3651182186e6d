/**
 * The languages the shell speaks, which one the locale asks for, and the two
 * sentences the Deno program may say before any catalogue loads
 * (lib/ui/first_prompt.ts): the banner, drawn with the first prompt before
 * the shell itself loads, and why the shell cannot load. Everything else the
 * shell says is in the catalogues (`en.ts`, `fr.ts`).
 *
 * @module
 */

/** Codes of the languages the shell speaks. */
export const LANGUAGE_CODES = ["en", "fr"] as const;

/** A language the shell speaks. */
export type LanguageCode = typeof LANGUAGE_CODES[number];

/** Whether the shell speaks `code`. */
export function isLanguage(code: string): code is LanguageCode {
  return (LANGUAGE_CODES as readonly string[]).includes(code);
}

/**
 * The language to speak: `--lang` if given, else the locale as gettext reads
 * it (the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty),
 * when it names a language the shell speaks; else English.
 *
 * @example
 * ```ts
 * pickLanguage(undefined, (n) => ({ LANG: "fr_FR.UTF-8" })[n]); // "fr"
 * pickLanguage("en", (n) => ({ LANG: "fr_FR.UTF-8" })[n]); // "en"
 * ```
 */
export function pickLanguage(
  flag: LanguageCode | undefined,
  env: (name: string) => string | undefined,
): LanguageCode {
  if (flag !== undefined) return flag;
  const locale = ["LC_ALL", "LC_MESSAGES", "LANG"].map(env).find((v) => v);
  const code = locale?.match(/^([a-z]{2,3})(?:[_.@-]|$)/i)?.[1]?.toLowerCase();
  return code && isLanguage(code) ? code : "en";
}

/** The banner in each language; `{version}` is the shell's. */
export const BANNERS: Readonly<Record<LanguageCode, string>> = {
  en: "sockshell {version}: type 'help' for the commands, Ctrl-D to leave",
  fr:
    "sockshell {version} : tapez 'help' pour la liste des commandes, Ctrl-D pour quitter",
};

/** Why the Deno program cannot load the shell, in each language; `{dir}` is where it is. */
export const CANNOT_READ: Readonly<Record<LanguageCode, string>> = {
  en:
    "sockshell: main.ts loads the shell's modules from {dir} itself, which needs read access: run it with --allow-read (deno task start does), or run mod.ts",
  fr:
    "sockshell : main.ts charge lui-même les modules du shell depuis {dir}, ce qui demande l'accès en lecture : lancez-le avec --allow-read (comme deno task start), ou lancez mod.ts",
};
