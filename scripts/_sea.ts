/**
 * A Node single executable (SEA) from a CommonJS bundle: Node's own
 * `--experimental-sea-config` makes the blob, postject (from npm) puts it
 * into a copy of the `node` binary. Needs no network: the lab-machine binary
 * when `deno compile` cannot get Deno's runtime.
 *
 * @module
 */

import { BuildError, ROOT, run } from "./_common.ts";

/** The `node` that makes the executable: its path and version. */
export interface NodeInfo {
  /** The binary the executable is a copy of. */
  execPath: string;
  /** Such as `v20.20.2`. */
  version: string;
}

/** Find `node` on PATH and check it can make single executables (Node 20 or later). */
export async function findNode(): Promise<NodeInfo> {
  const text = await run("node", "node", [
    "-p",
    "process.execPath + '\\n' + process.version",
  ]).catch(() => {
    throw new BuildError(
      "node: not found on PATH; the Node single executable needs Node 20 or later",
    );
  });
  const [execPath, version] = text.trim().split("\n") as [string, string];
  const major = Number(/^v(\d+)/.exec(version)?.[1]);
  if (!(major >= 20)) {
    throw new BuildError(
      `node: ${version} cannot make single executables; Node 20 or later can`,
    );
  }
  return { execPath, version };
}

/**
 * Make `output`, a copy of `node` that runs `bundle` (CommonJS) on start.
 * Built in a temporary directory and moved into place only once it answers
 * `--version` as sockshell on Node.
 */
export async function buildSea(
  bundle: string,
  output: string,
  node: NodeInfo,
): Promise<void> {
  const tmp = await Deno.makeTempDir({ prefix: "sockshell-sea-" });
  try {
    const blob = `${tmp}/sea.blob`;
    const exe = `${tmp}/sockshell`;
    await Deno.writeTextFile(
      `${tmp}/sea-config.json`,
      JSON.stringify({
        main: bundle,
        output: blob,
        disableExperimentalSEAWarning: true,
        // V8's compiled code in the blob: a faster start for the same bytes of source.
        useCodeCache: true,
      }),
    );
    await run("sea", node.execPath, [
      "--experimental-sea-config",
      `${tmp}/sea-config.json`,
    ], { cwd: tmp });
    await Deno.copyFile(node.execPath, exe);
    await Deno.chmod(exe, 0o755);
    // Node's symbol table is an eighth of the binary and of no use to a student: drop it where strip(1) is at hand.
    if (Deno.build.os === "linux") {
      await run("strip", "strip", [exe]).catch(() => {});
    }
    await run("postject", Deno.execPath(), [
      "run",
      "--quiet",
      "--allow-read",
      "--allow-write",
      "--allow-env",
      // postject's file system (emscripten) asks who owns the files.
      "--allow-sys=uid,gid",
      `${ROOT}/scripts/_inject.ts`,
      exe,
      blob,
    ]);
    const version = await run("sea", exe, ["--version"]);
    if (!/\(node backend\)/.test(version)) {
      throw new BuildError(
        `sea: the executable does not run as sockshell: ${version.trim()}`,
      );
    }
    await Deno.rename(exe, output).catch(async () => {
      // Across file systems: copy, then swap in place.
      await Deno.copyFile(exe, `${output}.tmp`);
      await Deno.rename(`${output}.tmp`, output);
    });
  } finally {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
  }
}
