/**
 * Deno's {@link Host}.
 *
 * @module
 */

import type { Host } from "./host.ts";
import { LineBuffer } from "./lines.ts";

const encoder = new TextEncoder();

const stdinLines = new LineBuffer();

function writeAll(w: { writeSync(p: Uint8Array): number }, text: string): void {
  const data = encoder.encode(text);
  let off = 0;
  while (off < data.length) off += w.writeSync(data.subarray(off));
}

/** Deno's standard streams, files, environment and signals. */
export const denoHost: Host = {
  args: Deno.args,

  env(name) {
    try {
      return Deno.env.get(name);
    } catch {
      return undefined; // not permitted: as if unset
    }
  },

  isTerminal(fd) {
    return [Deno.stdin, Deno.stdout, Deno.stderr][fd]!.isTerminal();
  },

  write(fd, text) {
    try {
      writeAll(fd === 1 ? Deno.stdout : Deno.stderr, text);
    } catch (e) {
      // A closed pipe (`sockshell ... | head`) ends the program quietly, as it would a C one.
      if (e instanceof Deno.errors.BrokenPipe) Deno.exit(141);
      throw e;
    }
  },

  readTextFile: (path) => Deno.readTextFile(path),
  appendTextFile: (path, text) =>
    Deno.writeTextFile(path, text, { append: true }),
  writeTextFile: (path, text) => Deno.writeTextFile(path, text),

  async readLine() {
    const buf = new Uint8Array(4096);
    for (;;) {
      const line = stdinLines.take();
      if (line !== undefined) return line;
      const n = await Deno.stdin.read(buf);
      if (n === null) stdinLines.end();
      else stdinLines.push(buf.subarray(0, n));
    }
  },

  onInterrupt(f) {
    Deno.addSignalListener("SIGINT", f);
    return () => Deno.removeSignalListener("SIGINT", f);
  },

  exit(code) {
    Deno.exit(code);
  },
};
