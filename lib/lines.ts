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
  // The line being gathered: chunks without a newline, joined once its newline comes,
  // so that a long line read in many pieces costs its length, not its length squared.
  #head: Uint8Array[] = [];
  // Chunks not looked at yet.
  #queue: Uint8Array[] = [];
  #ended = false;

  /** Add bytes read from the input. */
  push(chunk: Uint8Array): void {
    if (chunk.length) this.#queue.push(chunk.slice());
  }

  /** The input has ended. */
  end(): void {
    this.#ended = true;
  }

  /** The next line; null at the end of input; undefined when more bytes are needed first. */
  take(): string | null | undefined {
    while (this.#queue.length) {
      const chunk = this.#queue[0]!;
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.#head.push(chunk);
        this.#queue.shift();
        continue;
      }
      const line = decoder.decode(
        concat([...this.#head, chunk.subarray(0, nl)]),
      );
      this.#head = [];
      if (nl + 1 < chunk.length) this.#queue[0] = chunk.subarray(nl + 1);
      else this.#queue.shift();
      return line.endsWith("\r") ? line.slice(0, -1) : line;
    }
    if (!this.#ended) return undefined;
    if (!this.#head.length) return null;
    const line = decoder.decode(concat(this.#head));
    this.#head = [];
    return line;
  }
}
