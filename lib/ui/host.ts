/**
 * The runtime outside the network: standard streams, files, environment, signals.
 * Deno's is `host_deno.ts`; the Node build installs its own.
 *
 * @module
 */

import { t } from "../i18n/mod.ts";

/** What the shell needs from its runtime besides the network. */
export interface Host {
  /** Command-line arguments after the program name. */
  readonly args: string[];
  /** An environment variable, or undefined (also when not permitted). */
  env(name: string): string | undefined;
  /** True when the descriptor (0, 1, 2) is a terminal. */
  isTerminal(fd: 0 | 1 | 2): boolean;
  /** The terminal's width in columns when standard output is one, else undefined. */
  columns?(): number | undefined;
  /** Write text to standard output (1) or standard error (2), all of it, now. */
  write(fd: 1 | 2, text: string): void;
  /** Read a whole text file; `opts` bound what is read (see {@link ReadOptions}). */
  readTextFile(path: string, opts?: ReadOptions): Promise<string>;
  /** Append text to a file, creating it (history, `record`). */
  appendTextFile(path: string, text: string): Promise<void>;
  /** Write a whole text file; with `createNew`, an existing file is EEXIST, as open(O_CREAT|O_EXCL). */
  writeTextFile(
    path: string,
    text: string,
    opts?: { createNew?: boolean },
  ): Promise<void>;
  /** Open a file to read its bytes piece by piece (`send -f`); absent where files cannot be read. */
  openRead?(path: string): Promise<FileReader>;
  /** Create (or truncate) a file to write bytes piece by piece (`recv -f`). */
  openWrite?(path: string): Promise<FileWriter>;
  /**
   * An open of `path` given up on (Ctrl-C) while it waits, as a FIFO's does, for a process
   * at its other end: open that end for an instant, without waiting (O_NONBLOCK), so that
   * the open completes and no thread stays blocked in it. Nothing when `path` is no FIFO.
   */
  unblockFifo?(path: string, waiting: "read" | "write"): void;
  /** The next line of standard input without its newline, or null at end of input. */
  readLine(): Promise<string | null>;
  /** Put standard input's terminal in raw mode (keys as typed, no echo) or back; nothing when it is not a terminal. */
  setRaw?(on: boolean): void;
  /** Call `f` on SIGINT until the returned function is called. */
  onInterrupt(f: () => void): () => void;
  /** Call `f` with the signal's number on SIGTERM or SIGHUP (instead of dying) until the returned function is called. */
  onTerminate(f: (signal: number) => void): () => void;
  /** Leave with a status. */
  exit(code: number): never;
}

/** Bounds on reading a file, so that `/dev/zero` or a huge file cannot eat the memory. */
export interface ReadOptions {
  /** Most bytes read: a longer file is a {@link FileLimitError} (EFBIG), unless `tail`. */
  limit?: number;
  /** Read only the last `limit` bytes of a longer file, from its first whole line (history). */
  tail?: boolean;
  /** Refuse what is not a regular file (a device, a pipe) with a {@link FileLimitError}. */
  regularOnly?: boolean;
}

/** A file read refused by {@link ReadOptions}: `code` is the errno C would give, or the nearest. */
export class FileLimitError extends Error {
  /** Make the error: `code` as EFBIG, the message says which bound. */
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = "FileLimitError";
  }
}

/**
 * A write to a file that failed (a full disk: ENOSPC) after `written` bytes of the piece went
 * in; `cause` is the runtime's error, which says the errno.
 */
export class FileWriteError extends Error {
  /** Wrap the runtime's error `cause`, `written` bytes of the piece written before it. */
  constructor(readonly written: number, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "FileWriteError";
  }
}

/**
 * Open the other end of the FIFO `path` for an instant, without waiting (O_NONBLOCK): an open
 * waiting on it (`waiting` to read or to write) completes. Nothing when `path` is no FIFO, or
 * when that end cannot be opened: the open was no longer waiting.
 */
export function unblock(
  fs: typeof import("node:fs"),
  path: string,
  waiting: "read" | "write",
): void {
  try {
    if (!fs.statSync(path).isFIFO()) return;
    const { O_NONBLOCK, O_RDONLY, O_WRONLY } = fs.constants;
    fs.closeSync(
      fs.openSync(
        path,
        (waiting === "write" ? O_RDONLY : O_WRONLY) | O_NONBLOCK,
      ),
    );
  } catch {
    // Gone, or no reader left to meet a writer (ENXIO): nothing waits.
  }
}

/** Decode what {@link ReadOptions} let through: the tail starts at its first whole line. */
export function limitedText(
  bytes: Uint8Array,
  size: number,
  path: string,
  opts: ReadOptions,
): string {
  const limit = opts.limit ?? Infinity;
  if (size > limit && !opts.tail) {
    throw new FileLimitError("EFBIG", t("host.tooLarge", { path, limit }));
  }
  let b = bytes;
  if (size > limit) b = b.subarray(b.indexOf(10) + 1);
  return new TextDecoder().decode(b);
}

/** A file open for reading. */
export interface FileReader {
  /** Read into `buf`: the byte count, or null at end of file. */
  read(buf: Uint8Array): Promise<number | null>;
  /** Release it. */
  close(): Promise<void>;
}

/** A file open for writing. */
export interface FileWriter {
  /** Write all of `data`; a failure is a {@link FileWriteError}. */
  write(data: Uint8Array): Promise<void>;
  /** Release it. */
  close(): Promise<void>;
}

let current: Host | undefined;

/** The host in use. */
export async function host(): Promise<Host> {
  current ??= (await import("./host_deno.ts")).denoHost;
  return current;
}

/** Install a host (the Node build does this first). */
export function useHost(h: Host): void {
  current = h;
}
