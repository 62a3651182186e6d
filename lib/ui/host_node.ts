/**
 * Node's {@link Host}, for the Node single executable and the npm package.
 * Only Node APIs here: Node 20 runs it.
 *
 * @module
 */

import fs from "node:fs";
import process from "node:process";
import tty from "node:tty";
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
let wake: (() => void) | undefined;
let listening = false;

/** Block for a moment without spinning: stdout was left non-blocking and is full. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function writeAll(fd: 1 | 2, text: string): void {
  const data = encoder.encode(text);
  let off = 0;
  while (off < data.length) {
    try {
      off += fs.writeSync(fd, data, off);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "EAGAIN") pause(1);
      // A closed pipe (`sockshell ... | head`) ends the program quietly, as it would a C one.
      else if (code === "EPIPE") process.exit(141);
      else throw e;
    }
  }
}

function listenStdin(): void {
  if (listening) return;
  listening = true;
  process.stdin.on("data", (chunk: Uint8Array) => {
    stdinLines.push(chunk);
    // Read no further than needed: the rest stays in the pipe for whoever reads next.
    process.stdin.pause();
    wake?.();
  });
  process.stdin.on("end", () => {
    stdinLines.end();
    wake?.();
  });
  process.stdin.on("error", () => {
    stdinLines.end();
    wake?.();
  });
}

/**
 * Node's standard streams, files, environment and signals.
 *
 * @example
 * ```ts ignore
 * nodeHost.write(1, "hello\n");
 * ```
 */
export const nodeHost: Host = {
  // In a single executable argv[1] repeats the program's path, as the script's path under node.
  args: process.argv.slice(2),

  env(name) {
    return process.env[name];
  },

  isTerminal(fd) {
    return tty.isatty(fd);
  },

  columns() {
    return process.stdout.isTTY ? process.stdout.columns : undefined;
  },

  write(fd, text) {
    writeAll(fd, text);
  },

  async readTextFile(path, opts) {
    if (!opts) return await fs.promises.readFile(path, "utf8");
    const f = await fs.promises.open(path, "r");
    try {
      const stat = await f.stat();
      if (opts.regularOnly && !stat.isFile()) {
        throw new FileLimitError("EINVAL", t("host.notRegular", { path }));
      }
      const limit = opts.limit ?? Infinity;
      // A regular file's tail starts where its last `limit` bytes do; anything else is read from the start.
      const skip = opts.tail && stat.isFile() && stat.size > limit
        ? stat.size - limit
        : 0;
      const buf = new Uint8Array(Math.min(limit, 1 << 20) + 1);
      const parts: Uint8Array[] = [];
      let n = 0;
      // One byte past the limit tells a file of exactly `limit` bytes from a longer one.
      while (n <= limit) {
        const { bytesRead } = await f.read(
          buf,
          0,
          buf.length,
          skip ? skip + n : null,
        );
        if (bytesRead === 0) break;
        parts.push(buf.slice(0, bytesRead));
        n += bytesRead;
      }
      const bytes = concat(parts).subarray(0, limit);
      return limitedText(bytes, skip ? stat.size : n, path, opts);
    } finally {
      await f.close();
    }
  },
  appendTextFile: (path, text) => fs.promises.appendFile(path, text),
  writeTextFile: (path, text, opts) =>
    fs.promises.writeFile(path, text, { flag: opts?.createNew ? "wx" : "w" }),

  async openRead(path) {
    const f = await fs.promises.open(path, "r");
    // A regular file: a direct read(2), as on Deno (host_deno.ts); anything else (a FIFO,
    // a terminal) may wait for its writer, and is read off the event loop.
    const regular = await f.stat().then((st) => st.isFile(), () => false);
    return {
      async read(buf) {
        const bytesRead = regular
          ? fs.readSync(f.fd, buf, 0, buf.length, null)
          : (await f.read(buf, 0, buf.length, null)).bytesRead;
        return bytesRead === 0 && buf.length > 0 ? null : bytesRead;
      },
      close: () => f.close(),
    };
  },

  unblockFifo(path, waiting) {
    unblock(fs, path, waiting);
  },

  async openWrite(path) {
    const f = await fs.promises.open(path, "w");
    return {
      async write(data) {
        let off = 0;
        try {
          while (off < data.length) {
            off += (await f.write(data, off, data.length - off)).bytesWritten;
          }
        } catch (e) {
          throw new FileWriteError(off, e);
        }
      },
      close: () => f.close(),
    };
  },

  async readLine() {
    for (;;) {
      const line = stdinLines.take();
      if (line !== undefined) return line;
      listenStdin();
      await new Promise<void>((resolve) => {
        wake = resolve;
        process.stdin.resume();
      });
      wake = undefined;
    }
  },

  setRaw(on) {
    if (process.stdin.isTTY) process.stdin.setRawMode(on);
  },

  onInterrupt(f) {
    process.on("SIGINT", f);
    return () => void process.off("SIGINT", f);
  },

  onTerminate(f) {
    const term = () => f(15);
    const hup = () => f(1);
    process.on("SIGTERM", term);
    process.on("SIGHUP", hup);
    return () => {
      process.off("SIGTERM", term);
      process.off("SIGHUP", hup);
    };
  },

  exit(code) {
    process.exit(code);
  },
};
