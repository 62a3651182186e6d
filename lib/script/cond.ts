/**
 * Conditions (`if`, `while`, `expect`) and integer arithmetic (`let`).
 *
 * @module
 */

import { quoteText } from "../shell/format.ts";
import { UsageError } from "../shell/errors.ts";
import { t } from "../i18n/mod.ts";
import type { Word } from "./tokenize.ts";

/** The operators a condition may use between two words. */
export const OPERATORS = [
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "contains",
  "startswith",
  "endswith",
] as const;

/**
 * Evaluate a condition: `true`, `false`, `int X`, `A OP B`, each optionally after `not`.
 *
 * @example
 * ```ts
 * const w = (text: string) => ({ text, bytes: new TextEncoder().encode(text), quoted: true });
 * console.log(evalCondition([w("3"), w("<"), w("10")])); // true
 * ```
 */
export function evalCondition(words: Word[]): boolean {
  // A loop, not recursion: any number of `not` is one condition, never a deep stack.
  let negate = false;
  let first = 0;
  while (words[first]?.text === "not" && !words[first]!.quoted) {
    negate = !negate;
    first++;
  }
  return negate !== evalPlain(first ? words.slice(first) : words);
}

/** How deep parentheses and signs may nest in `let`: deeper is an error, not a crash. */
export const MAX_EXPRESSION_NESTING = 200;

function evalPlain(words: Word[]): boolean {
  // Read by index: a loop's condition is evaluated on every turn.
  const n = words.length;
  const first = words[0]?.text;
  if (n === 1 && (first === "true" || first === "false")) {
    return first === "true";
  }
  if (n === 2 && first === "int") return isInteger(words[1]!.text);
  const op = words[1]?.text;
  if (n === 3 && (OPERATORS as readonly string[]).includes(op!)) {
    const a = first!;
    const b = words[2]!.text;
    switch (op) {
      case "==":
        return a === b;
      case "!=":
        return a !== b;
      case "contains":
        return a.includes(b);
      case "startswith":
        return a.startsWith(b);
      case "endswith":
        return a.endsWith(b);
    }
    const x = toInteger(a);
    const y = toInteger(b);
    return op === "<"
      ? x < y
      : op === "<="
      ? x <= y
      : op === ">"
      ? x > y
      : x >= y;
  }
  throw new UsageError(
    t("script.badCondition", {
      text: quoteText(words.map((w) => w.text).join(" ")),
      operators: OPERATORS.join(" "),
    }),
  );
}

/** True when the text is a whole number, spaces around allowed (what atoi would read fully). */
export function isInteger(text: string): boolean {
  // Plain digits (a counter, a port, a count), the common case, without the regular expression.
  if (text.length > 0 && text.length <= 15) {
    let digits = true;
    for (let i = 0; i < text.length && digits; i++) {
      const c = text.charCodeAt(i);
      digits = c >= 48 && c <= 57;
    }
    if (digits) return true;
  }
  return /^\s*[-+]?\d{1,15}\s*$/.test(text);
}

function toInteger(text: string): number {
  if (!isInteger(text)) {
    throw new UsageError(t("script.notInteger", { text: quoteText(text) }));
  }
  return Number(text);
}

/**
 * Integer arithmetic with `+ - * / %` and parentheses; `/` truncates as in C.
 *
 * @example
 * ```ts
 * console.log(evalArithmetic("2005 - 1983")); // 22
 * ```
 */
export function evalArithmetic(expr: string): number {
  const p = new Arithmetic(expr);
  const v = p.sum();
  if (p.i < p.tokens.length) {
    p.fail(t("script.unexpected", { word: quoteText(p.tokens[p.i]!) }));
  }
  if (!Number.isSafeInteger(v)) p.fail(t("script.resultTooLarge"));
  return v;
}

/**
 * An expression's tokens: runs of digits, each of `+ - * / % ( )`, and any
 * other run of non-space characters (a word that is not a number, reported as
 * such). Plain ASCII is scanned by hand, as a loop's `let` is on every turn;
 * anything else by the regular expression, whose `\s` knows every space of
 * Unicode.
 *
 * @example
 * ```ts
 * console.log(tokensOf("(12+x) *3")); // ["(", "12", "+", "x)", "*", "3"]
 * ```
 */
export function tokensOf(expr: string): string[] {
  const tokens: string[] = [];
  const n = expr.length;
  let i = 0;
  while (i < n) {
    const c = expr.charCodeAt(i);
    if (c > 126) return expr.match(/\d+|[-+*/%()]|\S+/g) ?? [];
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    const start = i;
    if (c >= 48 && c <= 57) {
      while (i < n && isDigit(expr.charCodeAt(i))) i++;
    } else if (OPERATOR_CHARS.includes(expr[i]!)) {
      i++;
    } else {
      // \S+: up to the next space, digits and operators included.
      for (; i < n; i++) {
        const d = expr.charCodeAt(i);
        if (d > 126) return expr.match(/\d+|[-+*/%()]|\S+/g) ?? [];
        if (d === 32 || (d >= 9 && d <= 13)) break;
      }
    }
    tokens.push(expr.slice(start, i));
  }
  return tokens;
}

const OPERATOR_CHARS = "+-*/%()";

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** One or more ASCII digits, nothing else (`^\d+$`). */
function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text.charCodeAt(i))) return false;
  }
  return true;
}

/** A recursive-descent reading of one expression: methods, not closures made on every `let`. */
class Arithmetic {
  readonly tokens: string[];
  i = 0;
  #depth = 0;

  constructor(readonly expr: string) {
    this.tokens = tokensOf(expr);
  }

  fail(why: string): never {
    throw new UsageError(
      t("script.cannotCompute", { expr: quoteText(this.expr), why }),
    );
  }

  /** Each ( and each sign is a level of recursion: bound it before it can exhaust the stack. */
  #nested(f: () => number): number {
    if (++this.#depth > MAX_EXPRESSION_NESTING) {
      throw new UsageError(
        t("script.nestingTooDeep", { limit: MAX_EXPRESSION_NESTING }),
      );
    }
    const v = f();
    this.#depth--;
    return v;
  }

  #primary(): number {
    const tok = this.tokens[this.i++];
    if (tok === undefined) return this.fail(t("script.endsTooEarly"));
    if (tok === "(") {
      const v = this.#nested(() => this.sum());
      if (this.tokens[this.i++] !== ")") {
        this.fail(t("script.parenNeverClosed"));
      }
      return v;
    }
    if (tok === "-") return -this.#nested(() => this.#primary());
    if (tok === "+") return this.#nested(() => this.#primary());
    if (isDigits(tok)) return Number(tok);
    return this.fail(t("script.notInteger", { text: quoteText(tok) }));
  }

  #product(): number {
    let v = this.#primary();
    const tokens = this.tokens;
    while (
      tokens[this.i] === "*" || tokens[this.i] === "/" || tokens[this.i] === "%"
    ) {
      const op = tokens[this.i++];
      const r = this.#primary();
      if (op !== "*" && r === 0) this.fail(t("script.divisionByZero"));
      v = op === "*" ? v * r : op === "/" ? Math.trunc(v / r) : v % r;
    }
    return v;
  }

  sum(): number {
    let v = this.#product();
    const tokens = this.tokens;
    while (tokens[this.i] === "+" || tokens[this.i] === "-") {
      const op = tokens[this.i++];
      const r = this.#product();
      v = op === "+" ? v + r : v - r;
    }
    return v;
  }
}
