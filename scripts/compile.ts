/**
 * `deno task compile`: `dist/sockshell` with `deno compile`, the built-in
 * replays embedded (they are imports), `--unstable-net`, and the shell's own
 * permission set from the `start` task baked in (never `-A`).
 *
 * `deno compile` needs Deno's runtime binary (denort), which it downloads
 * unless `DENORT_BIN` names one. Where neither works this fails within
 * seconds with one line saying what to do; `deno task build` then makes the
 * Node single executable instead.
 *
 * Options: `--output PATH` (default `dist/sockshell`), `--timeout SECONDS`
 * (default 60: a download that hangs is given up).
 *
 * @module
 */

import { BuildError, ROOT } from "./_common.ts";

const decoder = new TextDecoder();

/** The runtime flags the binary gets: `--unstable-*` from deno.json and the `start` task's permissions. */
export function compileFlags(): string[] {
  const config = JSON.parse(Deno.readTextFileSync(`${ROOT}/deno.json`));
  const unstable = ((config.unstable ?? []) as string[]).map((u) =>
    `--unstable-${u}`
  );
  const start = (config.tasks.start as string).split(/\s+/).filter((w) =>
    w.startsWith("--allow-") || w.startsWith("--deny-") ||
    w.startsWith("--unstable-")
  );
  if (start.some((f) => f === "-A" || f === "--allow-all")) {
    throw new BuildError("compile: the start task must not use --allow-all");
  }
  return [...new Set(["--unstable-net", ...unstable, ...start])];
}

/** Where Deno keeps a runtime it downloaded before, when it did. */
function cachedRuntime(): string | undefined {
  const dir = Deno.env.get("DENO_DIR") ??
    `${Deno.env.get("HOME") ?? ""}/.cache/deno`;
  const path =
    `${dir}/dl/release/v${Deno.version.deno}/denort-${Deno.build.target}.zip`;
  try {
    return Deno.statSync(path).isFile ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Why `deno compile` cannot run here, or undefined when it may. */
export function compileBlocker(): string | undefined {
  const denort = Deno.env.get("DENORT_BIN");
  if (denort === undefined || denort === "") {
    return cachedRuntime() ? undefined : "DENORT_BIN is not set";
  }
  try {
    if (Deno.statSync(denort).isFile) return undefined;
  } catch {
    // Missing: said below.
  }
  return `DENORT_BIN=${denort} is not a file`;
}

/** What to do when the runtime cannot be had: the end of every failure line. */
export const COMPILE_HINT =
  `set DENORT_BIN to Deno ${Deno.version.deno}'s denort binary ` +
  `(denort-${Deno.build.target}.zip from Deno's releases), ` +
  "or run 'deno task build' to make a Node single executable instead";

/**
 * Compile the shell to `output` with `deno compile`; throws a BuildError
 * with one line when it cannot.
 */
export async function denoCompile(
  output: string,
  timeoutMs = 60_000,
): Promise<void> {
  const denort = Deno.env.get("DENORT_BIN");
  if (denort !== undefined && denort !== "") {
    const blocker = compileBlocker();
    if (blocker) {
      throw new BuildError(`deno compile: ${blocker}: ${COMPILE_HINT}`);
    }
  }
  const tmp = `${output}.tmp-${Deno.pid}`;
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "compile",
      "--quiet",
      ...compileFlags(),
      "--output",
      tmp,
      `${ROOT}/mod.ts`,
    ],
    cwd: ROOT,
    // Plain text to read the failure from.
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, timeoutMs);
  const out = await child.output().finally(() => clearTimeout(timer));
  try {
    if (timedOut) {
      throw new BuildError(
        `deno compile: no result within ${timeoutMs / 1000} s ` +
          `(it downloads Deno's runtime unless DENORT_BIN is set): ${COMPILE_HINT}`,
      );
    }
    if (!out.success) {
      const err = decoder.decode(out.stderr);
      if (/dl\.deno\.land|denort|base binary/i.test(err)) {
        throw new BuildError(
          denort
            ? `deno compile: DENORT_BIN=${denort} was not usable: ${COMPILE_HINT}`
            : `deno compile: cannot download Deno's runtime (no network): ${COMPILE_HINT}`,
        );
      }
      const first = err.split("\n").find((l) => /error/i.test(l)) ??
        err.trim().split("\n")[0];
      throw new BuildError(`deno compile failed: ${first?.trim()}`);
    }
    // A wrong DENORT_BIN (deno itself, another version) compiles but does not run the shell.
    const check = await new Deno.Command(tmp, {
      args: ["--version"],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      clearEnv: true,
    }).output().catch((e) => ({ success: false, stdout: new Uint8Array(), e }));
    const said = decoder.decode(check.stdout).trim();
    if (!check.success || !/\(deno backend\)/.test(said)) {
      throw new BuildError(
        `deno compile: the binary does not run as sockshell (${
          said.split("\n")[0] || "no output"
        }): DENORT_BIN must be Deno ${Deno.version.deno}'s denort, not deno`,
      );
    }
    await Deno.rename(tmp, output);
  } finally {
    await Deno.remove(tmp).catch(() => {});
  }
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (import.meta.main) {
  const output = option(Deno.args, "--output") ?? `${ROOT}/dist/sockshell`;
  const timeout = Number(option(Deno.args, "--timeout") ?? 60);
  try {
    await Deno.mkdir(output.replace(/\/[^/]*$/, "") || ".", {
      recursive: true,
    });
    await denoCompile(output, timeout * 1000);
    const size = (await Deno.stat(output)).size;
    console.log(
      `${output}: built with deno compile, ${(size / 1e6).toFixed(1)} MB`,
    );
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    console.error(e.message);
    Deno.exit(1);
  }
}
