/**
 * Standard input split into lines, for `read` and for commands piped to the
 * shell: what both hosts share.
 *
 * @module
 */

import { concat } from "../script/tokenize.ts";

const decoder = new TextDecoder();

/**
 * Bytes in, lines out: each without its "\n" or "\r\n", as a line-reading C
 * program keeps it; a last line without a newline still counts. A line longer
 * than `max` bytes keeps its first `max` (so that whoever reads it can tell it
 * was too long) and the rest up to its newline is dropped: memory stays
 * bounded, even reading /dev/zero.
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
  #headBytes = 0;
  // Chunks not looked at yet.
  #queue: Uint8Array[] = [];
  #ended = false;

  /** Lines longer than `max` bytes are cut to their first `max`. */
  constructor(readonly max: number = Infinity) {}

  #keep(bytes: Uint8Array): void {
    const room = this.max - this.#headBytes;
    if (room <= 0 || !bytes.length) return;
    const kept = bytes.length > room ? bytes.subarray(0, room) : bytes;
    this.#head.push(kept);
    this.#headBytes += kept.length;
  }

  #line(): Uint8Array {
    const line = concat(this.#head);
    this.#head = [];
    this.#headBytes = 0;
    return line;
  }

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
        this.#keep(chunk);
        this.#queue.shift();
        continue;
      }
      this.#keep(chunk.subarray(0, nl));
      const line = decoder.decode(this.#line());
      if (nl + 1 < chunk.length) this.#queue[0] = chunk.subarray(nl + 1);
      else this.#queue.shift();
      return line.endsWith("\r") ? line.slice(0, -1) : line;
    }
    if (!this.#ended) return undefined;
    if (!this.#head.length) return null;
    return decoder.decode(this.#line());
  }
}
