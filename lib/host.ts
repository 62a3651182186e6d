/**
 * The runtime outside the network: standard streams, files, environment, signals.
 * Deno's is `host_deno.ts`; the Node build installs its own.
 *
 * @module
 */

/** What the shell needs from its runtime besides the network. */
export interface Host {
  /** Command-line arguments after the program name. */
  readonly args: string[];
  /** An environment variable, or undefined (also when not permitted). */
  env(name: string): string | undefined;
  /** True when the descriptor (0, 1, 2) is a terminal. */
  isTerminal(fd: 0 | 1 | 2): boolean;
  /** Write text to standard output (1) or standard error (2), all of it, now. */
  write(fd: 1 | 2, text: string): void;
  /** Read a whole text file. */
  readTextFile(path: string): Promise<string>;
  /** Append text to a file, creating it (history, `record`). */
  appendTextFile(path: string, text: string): Promise<void>;
  /** Write a whole text file. */
  writeTextFile(path: string, text: string): Promise<void>;
  /** The next line of standard input without its newline, or null at end of input. */
  readLine(): Promise<string | null>;
  /** Call `f` on SIGINT until the returned function is called. */
  onInterrupt(f: () => void): () => void;
  /** Leave with a status. */
  exit(code: number): never;
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
