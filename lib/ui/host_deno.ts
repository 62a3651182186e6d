/**
 * Deno's {@link Host}.
 *
 * @module
 */

import {
  FileLimitError,
  FileWriteError,
  type Host,
  limitedText,
  unblock,
} from "./host.ts";
import { LineBuffer } from "./lines.ts";
import { t } from "../i18n/mod.ts";
import { concat, MAX_LINE } from "../script/tokenize.ts";

const encoder = new TextEncoder();

// One byte over the longest line the shell takes: enough to tell a line is too long.
const stdinLines = new LineBuffer(MAX_LINE + 1);

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

  columns() {
    try {
      return Deno.stdout.isTerminal() ? Deno.consoleSize().columns : undefined;
    } catch {
      return undefined;
    }
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

  async readTextFile(path, opts) {
    if (!opts) return await Deno.readTextFile(path);
    using f = await Deno.open(path);
    const stat = await f.stat();
    if (opts.regularOnly && !stat.isFile) {
      throw new FileLimitError("EINVAL", t("host.notRegular", { path }));
    }
    const limit = opts.limit ?? Infinity;
    // A regular file's tail starts where its last `limit` bytes do; anything else is read from the start.
    const skip = opts.tail && stat.isFile && stat.size > limit
      ? stat.size - limit
      : 0;
    if (skip) await f.seek(skip, Deno.SeekMode.Start);
    const buf = new Uint8Array(Math.min(limit, 1 << 20) + 1);
    const parts: Uint8Array[] = [];
    let n = 0;
    // One byte past the limit tells a file of exactly `limit` bytes from a longer one.
    while (n <= limit) {
      const got = await f.read(buf);
      if (got === null) break;
      parts.push(buf.slice(0, got));
      n += got;
    }
    const bytes = concat(parts).subarray(0, limit);
    return limitedText(bytes, skip ? stat.size : n, path, opts);
  },
  appendTextFile: (path, text) =>
    Deno.writeTextFile(path, text, { append: true }),
  writeTextFile: (path, text, opts) =>
    Deno.writeTextFile(path, text, { createNew: opts?.createNew }),

  async openRead(path) {
    const f = await Deno.open(path, { read: true });
    // A regular file: a direct read(2), as C's (see openWrite): Deno's async read hands each
    // piece to a worker thread, with a dup and a close of the descriptor around it. Anything
    // else (a FIFO, a terminal) may wait for its writer: it is read off the event loop.
    let regular = false;
    try {
      regular = (await f.stat()).isFile;
    } catch {
      // Read as anything else.
    }
    return {
      read: regular
        ? (buf) => {
          try {
            return Promise.resolve(f.readSync(buf));
          } catch (e) {
            return Promise.reject(e);
          }
        }
        : (buf) => f.read(buf),
      close: () => Promise.resolve(f.close()),
    };
  },

  unblockFifo(path, waiting) {
    // Deno.open has no O_NONBLOCK: the Node compatibility layer's open has (loaded only here).
    void import("node:fs").then(({ default: fs }) => unblock(fs, path, waiting))
      .catch(() => {});
  },

  async openWrite(path) {
    const f = await Deno.open(path, {
      write: true,
      create: true,
      truncate: true,
    });
    return {
      // A direct write(2), as C's: Deno's async write copies each piece to a worker thread,
      // which made recv -f into a file 0.9× socat's speed; this is 1.3× (a write to the page
      // cache is short, and the socket keeps filling its kernel buffer meanwhile).
      write(data) {
        let off = 0;
        try {
          while (off < data.length) off += f.writeSync(data.subarray(off));
          return Promise.resolve();
        } catch (e) {
          return Promise.reject(new FileWriteError(off, e));
        }
      },
      close: () => Promise.resolve(f.close()),
    };
  },

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

  setRaw(on) {
    if (Deno.stdin.isTerminal()) Deno.stdin.setRaw(on);
  },

  onInterrupt(f) {
    Deno.addSignalListener("SIGINT", f);
    return () => Deno.removeSignalListener("SIGINT", f);
  },

  onTerminate(f) {
    const term = () => f(15);
    const hup = () => f(1);
    Deno.addSignalListener("SIGTERM", term);
    Deno.addSignalListener("SIGHUP", hup);
    return () => {
      Deno.removeSignalListener("SIGTERM", term);
      Deno.removeSignalListener("SIGHUP", hup);
    };
  },

  exit(code) {
    Deno.exit(code);
  },
};
