/**
 * Standard input split into lines, for `read` and for commands piped to the
 * shell: what both hosts share.
 *
 * @module
 */

import { concat } from "./tokenize.ts";

const decoder = new TextDecoder();

/**
 * Bytes in, lines out: each without its "\n" or "\r\n", as a line-reading C
 * program keeps it; a last line without a newline still counts.
 *
 * @example
 * ```ts
 * const lines = new LineBuffer();
 * lines.push(new TextEncoder().encode("ali\r\n19"));
 * console.log(lines.take()); // "ali"
 * console.log(lines.take()); // undefined: more bytes needed
 * lines.end();
 * console.log(lines.take()); // "19"
 * ```
 */
export class LineBuffer {
  #pending: Uint8Array = new Uint8Array(0);
  #ended = false;

  /** Add bytes read from the input. */
  push(chunk: Uint8Array): void {
    this.#pending = this.#pending.length
      ? concat([this.#pending, chunk])
      : chunk.slice();
  }

  /** The input has ended. */
  end(): void {
    this.#ended = true;
  }

  /** The next line; null at the end of input; undefined when more bytes are needed first. */
  take(): string | null | undefined {
    const nl = this.#pending.indexOf(10);
    if (nl >= 0) {
      const line = decoder.decode(this.#pending.subarray(0, nl));
      this.#pending = this.#pending.slice(nl + 1);
      return line.endsWith("\r") ? line.slice(0, -1) : line;
    }
    if (!this.#ended) return undefined;
    if (!this.#pending.length) return null;
    const line = decoder.decode(this.#pending);
    this.#pending = new Uint8Array(0);
    return line;
  }
}
