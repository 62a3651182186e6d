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
  return /^\s*[-+]?\d{1,15}\s*$/.test(text);
}

function toInteger(text: string): number {
  if (!isInteger(text)) {
    throw new UsageError(t("script.notInteger", { text: quoteText(text) }));
  }
  return Number(text.trim());
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
  const tokens = expr.match(/\d+|[-+*/%()]|\S+/g) ?? [];
  let i = 0;
  let depth = 0;
  const fail = (why: string): never => {
    throw new UsageError(
      t("script.cannotCompute", { expr: quoteText(expr), why }),
    );
  };
  const nested = (f: () => number): number => {
    // Each ( and each sign is a level of recursion: bound it before it can exhaust the stack.
    if (++depth > MAX_EXPRESSION_NESTING) {
      throw new UsageError(
        t("script.nestingTooDeep", { limit: MAX_EXPRESSION_NESTING }),
      );
    }
    const v = f();
    depth--;
    return v;
  };
  const primary = (): number => {
    const tok = tokens[i++];
    if (tok === undefined) return fail(t("script.endsTooEarly"));
    if (tok === "(") {
      const v = nested(sum);
      if (tokens[i++] !== ")") fail(t("script.parenNeverClosed"));
      return v;
    }
    if (tok === "-") return -nested(primary);
    if (tok === "+") return nested(primary);
    if (/^\d+$/.test(tok)) return Number(tok);
    return fail(t("script.notInteger", { text: quoteText(tok) }));
  };
  const product = (): number => {
    let v = primary();
    while (tokens[i] === "*" || tokens[i] === "/" || tokens[i] === "%") {
      const op = tokens[i++];
      const r = primary();
      if (op !== "*" && r === 0) fail(t("script.divisionByZero"));
      v = op === "*" ? v * r : op === "/" ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === "+" || tokens[i] === "-") {
      const op = tokens[i++];
      const r = product();
      v = op === "+" ? v + r : v - r;
    }
    return v;
  };
  const v = sum();
  if (i < tokens.length) {
    fail(t("script.unexpected", { word: quoteText(tokens[i]!) }));
  }
  if (!Number.isSafeInteger(v)) fail(t("script.resultTooLarge"));
  return v;
}
