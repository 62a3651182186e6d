/**
 * What the build scripts share: the repository root, the one-line build
 * error, and running a tool quietly.
 *
 * @module
 */

/** The repository root, without a trailing slash. */
export const ROOT: string = decodeURIComponent(
  new URL("../", import.meta.url).pathname,
).replace(/\/$/, "");

const decoder = new TextDecoder();

/** A build step that failed, with the one line that says why. */
export class BuildError extends Error {
  /** Make a build error; the message is the one line shown. */
  constructor(message: string) {
    super(message);
    this.name = "BuildError";
  }
}

/** Run a program to its end; its output, or a BuildError that quotes its last line. */
export async function run(
  what: string,
  cmd: string,
  args: string[],
  opts: { cwd?: string } = {},
): Promise<string> {
  let out: Deno.CommandOutput;
  try {
    out = await new Deno.Command(cmd, {
      args,
      cwd: opts.cwd,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
  } catch (e) {
    throw new BuildError(`${what}: cannot run ${cmd}: ${(e as Error).message}`);
  }
  const text = decoder.decode(out.stdout);
  if (!out.success) {
    const err = decoder.decode(out.stderr).trim().split("\n").filter((l) =>
      !l.startsWith("warning:")
    );
    throw new BuildError(
      `${what}: ${cmd} failed (exit ${out.code}): ${err.at(-1) ?? text.trim()}`,
    );
  }
  return text;
}

/** Lower-case hexadecimal of some bytes (std's `encodeHex`, without fetching std). */
export function encodeHex(data: ArrayBuffer | Uint8Array): string {
  return Array.from(
    data instanceof Uint8Array ? data : new Uint8Array(data),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
}
