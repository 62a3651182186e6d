/**
 * The command-line tokenizer.
 *
 * A line is lexed once into words whose pieces are literal bytes or variable
 * references, and each word is expanded when the command runs, so a script's
 * loop body is lexed once and expanded on every pass.
 *
 * - `;` separates commands and `#` starts a comment, outside quotes.
 * - `"..."` keeps spaces and takes escapes and `$var`; `'...'` is literal.
 * - Escapes: `\n \r \t \0 \\ \" \' \$ \xHH`, and `\` before a space or `;`.
 * - Variables: `$name`, `${name}`, `${name:-default}`, `$1`, `$#`; a
 *   captured value's parts as `$name.key` (`$r.n`, `$r.5`).
 *
 * @module
 */

import { newBytes } from "../net/bytes.ts";
import { UsageError } from "../shell/errors.ts";
import { t } from "../i18n/mod.ts";

/** Longest line the shell accepts, in bytes. */
export const MAX_LINE = 65536;

/** A piece of a lexed word: literal bytes, or a variable to look up when the word is expanded. */
export type Piece = Uint8Array | { name: string; fallback?: string };

/** A word as lexed: its pieces, and whether any of it was quoted or escaped. */
export interface LexedWord {
  /** Literal bytes and variable references, in order. */
  pieces: Piece[];
  /** True when the word had quotes or escapes: such a word is never an option or an `@fd`. */
  quoted: boolean;
  /** A word with no variable: its expansion, made once (a loop's body is expanded each turn). */
  literal?: Word;
}

/** An expanded word, ready for a command. */
export interface Word {
  /** The word as text (UTF-8 decoded, invalid bytes replaced). */
  text: string;
  /** The word's exact bytes, as sent by `send`. */
  bytes: Uint8Array;
  /** True when the word was quoted or escaped. */
  quoted: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * UTF-8 bytes as text. A short ASCII run (a count, a name, a port: most of
 * what a script's variables hold) is converted here: Deno's decoder is a
 * runtime call, which costs more than the loop.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length > 32) return decoder.decode(bytes);
  let s = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b > 0x7f) return decoder.decode(bytes);
    s += String.fromCharCode(b);
  }
  return s;
}

/** Text as UTF-8 bytes; a short ASCII text without a runtime call (see {@link decodeText}). */
export function encodeText(text: string): Uint8Array {
  if (text.length > 32) return encoder.encode(text);
  const out = newBytes(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return encoder.encode(text);
    out[i] = c;
  }
  return out;
}

/**
 * Split a line into commands, each a list of lexed words.
 *
 * @example
 * ```ts
 * const [cmd] = lex('send "hello\\n"');
 * console.log(cmd?.length); // 2
 * ```
 */
export function lex(
  line: string,
  spans?: Array<[number, number]>,
): LexedWord[][] {
  // A UTF-16 unit is one to three UTF-8 bytes: encode only when the length alone cannot tell.
  const long = line.length > MAX_LINE ||
    (line.length * 3 > MAX_LINE && encoder.encode(line).length > MAX_LINE);
  if (long) {
    throw new UsageError(t("script.lineTooLong", { max: MAX_LINE }));
  }
  const commands: LexedWord[][] = [];
  let words: LexedWord[] = [];
  let word: LexedWord | undefined;
  let lit: number[] = [];
  let i = 0;

  const flushLit = () => {
    if (!word) word = { pieces: [], quoted: false };
    if (lit.length) word.pieces.push(new Uint8Array(lit));
    lit = [];
  };
  const endWord = () => {
    if (word || lit.length) {
      flushLit();
      words.push(word!);
    }
    word = undefined;
  };
  let start = -1; // where the command being lexed starts in the line
  const endCommand = () => {
    endWord();
    if (words.length) {
      commands.push(words);
      spans?.push([start, i]);
    }
    words = [];
    start = -1;
  };
  const pushChar = (ch: string) => {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c < 0x80) lit.push(c); // ASCII, the common case: no encoder call
    else for (const b of encoder.encode(ch)) lit.push(b);
  };
  const startWord = () => {
    if (start < 0) start = i;
    if (!word) word = { pieces: [], quoted: false };
  };

  const readEscape = (): void => {
    const c = line[i + 1];
    if (c === undefined) {
      throw new UsageError(t("script.loneBackslash"));
    }
    const simple: Record<string, number> = {
      n: 10,
      r: 13,
      t: 9,
      "0": 0,
      "\\": 92,
      '"': 34,
      "'": 39,
      "$": 36,
      " ": 32,
      ";": 59,
      "#": 35,
    };
    if (c in simple) {
      lit.push(simple[c]!);
      i += 2;
      return;
    }
    if (c === "x") {
      const hex = line.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        throw new UsageError(t("script.badHexEscape", { hex: visible(hex) }));
      }
      lit.push(parseInt(hex, 16));
      i += 4;
      return;
    }
    throw new UsageError(
      t("script.unknownEscape", {
        c: visible(String.fromCodePoint(line.codePointAt(i + 1)!)),
      }),
    );
  };

  const readVar = (): boolean => {
    const rest = line.slice(i + 1);
    let m = /^([A-Za-z_]\w*(?:\.\w+)*|[0-9]+|#)/.exec(rest);
    if (m) {
      flushLit();
      word!.pieces.push({ name: m[1]! });
      i += 1 + m[0].length;
      return true;
    }
    m = /^\{([A-Za-z_]\w*(?:\.\w+)*|[0-9]+|#)(?::-([^}]*))?\}/.exec(
      rest,
    );
    if (m) {
      flushLit();
      word!.pieces.push(
        m[2] === undefined ? { name: m[1]! } : { name: m[1]!, fallback: m[2] },
      );
      i += 1 + m[0].length;
      return true;
    }
    if (rest.startsWith("{")) {
      throw new UsageError(
        t("script.badVariableReference", {
          ref: "${" + visible(rest.slice(1, 12)),
          braced: "${name}",
          fallback: "${name:-default}",
        }),
      );
    }
    return false;
  };

  while (i < line.length) {
    const c = line[i]!;
    if (c === " " || c === "\t" || c === "\r" || c === "\n") {
      endWord();
      i++;
    } else if (c === ";") {
      endCommand();
      i++;
    } else if (c === "#" && !word && !lit.length) {
      break;
    } else if (c === "\\") {
      startWord();
      word!.quoted = true;
      readEscape();
    } else if (c === "'") {
      startWord();
      word!.quoted = true;
      const end = line.indexOf("'", i + 1);
      if (end < 0) {
        throw new UsageError(t("script.unterminatedSingle"));
      }
      pushChar(line.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      startWord();
      word!.quoted = true;
      i++;
      for (;;) {
        const d = line[i];
        if (d === undefined) {
          throw new UsageError(t("script.unterminatedDouble"));
        }
        if (d === '"') {
          i++;
          break;
        }
        if (d === "\\") readEscape();
        else if (d === "$" && readVar()) continue;
        else {
          const cp = line.codePointAt(i)!;
          pushChar(String.fromCodePoint(cp));
          i += cp > 0xffff ? 2 : 1;
        }
      }
    } else if (c === "$") {
      startWord();
      if (!readVar()) {
        pushChar("$");
        i++;
      }
    } else {
      startWord();
      const cp = line.codePointAt(i)!;
      pushChar(String.fromCodePoint(cp));
      i += cp > 0xffff ? 2 : 1;
    }
  }
  endCommand();
  return commands;
}

/** Text for a message: control characters as `\xHH`, so bad input never reaches the terminal raw. */
function visible(s: string): string {
  return s.replace(
    // deno-lint-ignore no-control-regex -- matching control characters is the point
    /[\x00-\x1f\x7f-\x9f]/g,
    (ch) => "\\x" + ch.charCodeAt(0).toString(16).padStart(2, "0"),
  );
}

/** Looks up a variable's bytes; undefined when it is not set. */
export type VarLookup = (name: string) => Uint8Array | undefined;

/**
 * Expand lexed words with the variables in scope.
 *
 * @example
 * ```ts
 * const [cmd] = lex("send $greeting");
 * const words = expand(cmd!, (n) => n === "greeting" ? new TextEncoder().encode("hi") : undefined);
 * console.log(words[1]?.text); // "hi"
 * ```
 */
export function expand(words: LexedWord[], lookup: VarLookup): Word[] {
  return words.map((w) => {
    // A word with no variable expands to the same thing every time: a loop decodes it once.
    if (w.literal) return w.literal;
    const parts: Uint8Array[] = [];
    for (const p of w.pieces) {
      if (p instanceof Uint8Array) {
        parts.push(p);
        continue;
      }
      const v = lookup(p.name);
      if (v !== undefined) parts.push(v);
      else if (p.fallback !== undefined) {
        parts.push(expandFallback(p.fallback, lookup));
      } else {
        throw new UsageError(
          /^[0-9]+$/.test(p.name)
            ? t("script.undefinedArgument", { name: p.name })
            : t("script.undefinedVariable", { name: p.name }),
        );
      }
    }
    const bytes = concat(parts);
    // A word that starts with a variable is data: its value must never turn into an option.
    const quoted = w.quoted ||
      (w.pieces[0] !== undefined && !(w.pieces[0] instanceof Uint8Array));
    const word = { text: decodeText(bytes), bytes, quoted };
    if (w.pieces.every((p) => p instanceof Uint8Array)) {
      w.literal = Object.freeze(word);
    }
    return word;
  });
}

/** Join byte arrays into one. */
export function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = newBytes(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Lex and expand a line with no variables: what `-c` and tests use for one-offs. */
export function tokenize(
  line: string,
  lookup: VarLookup = () => undefined,
): Word[][] {
  return lex(line).map((cmd) => expand(cmd, lookup));
}

/** `${1:-$now.year}`: the default is itself expanded, its words joined by a space. */
function expandFallback(text: string, lookup: VarLookup): Uint8Array {
  if (!text.includes("$")) return encoder.encode(text);
  const words = lex(text).flat();
  const parts: Uint8Array[] = [];
  expand(words, lookup).forEach((w, i) => {
    if (i > 0) parts.push(encoder.encode(" "));
    parts.push(w.bytes);
  });
  return concat(parts);
}
