/**
 * `deno task build`: both things a teacher or a student installs.
 *
 * - `dist/sockshell`, one file for lab machines: made by `deno compile` when
 *   it can run (DENORT_BIN names Deno's runtime, or Deno downloaded it
 *   before), else as a Node single executable from the esbuild bundle. It
 *   says which way it built.
 * - `dist/npm/`, the npm package: `package.json` with a `sockshell` bin, the
 *   bundle, a README, no dependencies.
 *
 * `--if-stale` does nothing when `dist/BUILD.json` records a build of the
 * same sources (the tests use it to build once).
 *
 * @module
 */

import { bundleForNode } from "./_bundle.ts";
import { BuildError, encodeHex, ROOT } from "./_common.ts";
import { buildSea, findNode } from "./_sea.ts";
import { compileBlocker, denoCompile } from "./compile.ts";
import { VERSION } from "../lib/ui/cli.ts";

const DIST = `${ROOT}/dist`;
const BUNDLE_NAME = "sockshell.cjs";

/** What `dist/BUILD.json` records. */
export interface BuildRecord {
  /** SHA-256 of every source that goes into the artefacts. */
  sources: string;
  /** How `dist/sockshell` was made. */
  way: "deno compile" | "node sea";
  /** Which runtime it carries: Deno's or Node's version. */
  runtime: string;
  /** Bytes of `dist/sockshell`. */
  binarySize: number;
  /** Bytes of the bundle in `dist/npm/`. */
  bundleSize: number;
}

/** The files whose content decides the artefacts, relative to the root. */
async function sourceFiles(): Promise<string[]> {
  const files = ["mod.ts", "deno.json", "deno.lock"];
  for (const dir of ["lib", "commands", "replays", "scripts"]) {
    const walk = async (d: string): Promise<void> => {
      for await (const e of Deno.readDir(`${ROOT}/${d}`)) {
        if (e.isDirectory) await walk(`${d}/${e.name}`);
        else if (e.isFile) files.push(`${d}/${e.name}`);
      }
    };
    await walk(dir).catch(() => {});
  }
  return files.sort();
}

/** SHA-256 over the names and contents of the sources, and the runtime choice. */
export async function sourcesHash(): Promise<string> {
  const parts: string[] = [];
  for (const f of await sourceFiles()) {
    const data = await Deno.readFile(`${ROOT}/${f}`).catch(() =>
      new Uint8Array()
    );
    parts.push(f, encodeHex(await crypto.subtle.digest("SHA-256", data)));
  }
  parts.push(`DENORT_BIN=${Deno.env.get("DENORT_BIN") ?? ""}`);
  const all = new TextEncoder().encode(parts.join("\n"));
  return encodeHex(await crypto.subtle.digest("SHA-256", all));
}

/** The last build's record, if `dist/` still holds what it says. */
export async function lastBuild(): Promise<BuildRecord | undefined> {
  try {
    const record = JSON.parse(
      await Deno.readTextFile(`${DIST}/BUILD.json`),
    ) as BuildRecord;
    await Deno.stat(`${DIST}/sockshell`);
    await Deno.stat(`${DIST}/npm/${BUNDLE_NAME}`);
    return record;
  } catch {
    return undefined;
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1e3)} kB`;
}

const NPM_README = `# sockshell

An interactive socket shell for students learning BSD sockets: every call of
the C API (socket, bind, listen, accept, connect, send, recv, sendto,
recvfrom, shutdown, close) as a command, on real sockets, with the handout's
exercises built in as replays.

Needs Node 20 or later, and nothing else.

\`\`\`sh
npx sockshell                                   # the interactive shell
npx sockshell -c "socket tcp; listen; ls"       # commands, then exit
npx sockshell run                               # the built-in replays
npx sockshell run tcp-server 4950               # the handout's TCP server
\`\`\`

Type \`help\` in the shell for the commands. The same sockshell runs on Deno
and as a single binary for lab machines.
`;

/** Write `dist/npm/`: the bundle with its `#!`, package.json, README. */
async function writeNpmPackage(npmDir: string): Promise<number> {
  await Deno.mkdir(npmDir, { recursive: true });
  const bundle = `${npmDir}/${BUNDLE_NAME}`;
  await bundleForNode({
    entry: `${ROOT}/lib/ui/main_node.ts`,
    outfile: bundle,
    banner: "#!/usr/bin/env node",
  });
  await Deno.chmod(bundle, 0o755);
  const config = JSON.parse(await Deno.readTextFile(`${ROOT}/deno.json`));
  if (config.version !== VERSION) {
    throw new BuildError(
      `npm: deno.json says version ${config.version}, lib/ui/cli.ts ${VERSION}`,
    );
  }
  const pkg = {
    name: "sockshell",
    version: VERSION,
    description:
      "An interactive socket shell for learning BSD sockets: socket, bind, listen, accept, connect, send, recv as commands",
    keywords: ["sockets", "bsd-sockets", "tcp", "udp", "shell", "teaching"],
    bin: { sockshell: BUNDLE_NAME },
    files: [BUNDLE_NAME, "README.md"],
    type: "commonjs",
    engines: { node: ">=20" },
  };
  await Deno.writeTextFile(
    `${npmDir}/package.json`,
    JSON.stringify(pkg, null, 2) + "\n",
  );
  await Deno.writeTextFile(`${npmDir}/README.md`, NPM_README);
  return (await Deno.stat(bundle)).size;
}

/** Build both artefacts into `dist/`; returns what was built. */
export async function build(): Promise<BuildRecord> {
  const sources = await sourcesHash();
  await Deno.mkdir(DIST, { recursive: true });
  await Deno.remove(`${DIST}/BUILD.json`).catch(() => {});

  const bundleSize = await writeNpmPackage(`${DIST}/npm`);
  console.log(
    `dist/npm/: the npm package sockshell ${VERSION} for Node >= 20 ` +
      `(${BUNDLE_NAME}, ${kb(bundleSize)}, no dependencies)`,
  );

  const binary = `${DIST}/sockshell`;
  let way: BuildRecord["way"] | undefined;
  let runtime = "";
  const blocker = compileBlocker();
  if (blocker) {
    const why = Deno.env.get("DENORT_BIN")
      ? blocker
      : `${blocker}, and without it deno compile downloads Deno's runtime`;
    console.log(
      `deno compile: not tried: ${why}; making a Node single executable instead`,
    );
  } else {
    try {
      await denoCompile(binary);
      way = "deno compile";
      runtime = `deno ${Deno.version.deno}`;
    } catch (e) {
      if (!(e instanceof BuildError)) throw e;
      console.log(`${e.message}; making a Node single executable instead`);
    }
  }
  if (!way) {
    const node = await findNode();
    await buildSea(`${DIST}/npm/${BUNDLE_NAME}`, binary, node);
    way = "node sea";
    runtime = `node ${node.version}`;
  }
  const binarySize = (await Deno.stat(binary)).size;
  console.log(
    `dist/sockshell: built with ${
      way === "deno compile"
        ? "deno compile"
        : "Node's single-executable application (node --experimental-sea-config + postject)"
    }, ${runtime}, ${mb(binarySize)}`,
  );
  const record: BuildRecord = {
    sources,
    way,
    runtime,
    binarySize,
    bundleSize,
  };
  await Deno.writeTextFile(
    `${DIST}/BUILD.json`,
    JSON.stringify(record, null, 2) + "\n",
  );
  return record;
}

if (import.meta.main) {
  try {
    const last = Deno.args.includes("--if-stale")
      ? await lastBuild()
      : undefined;
    if (last && last.sources === await sourcesHash()) {
      console.log(
        `dist/ is up to date (${last.way}, ${last.runtime}, ${
          mb(last.binarySize)
        })`,
      );
    } else await build();
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    console.error(e.message);
    Deno.exit(1);
  }
}
