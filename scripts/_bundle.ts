/**
 * One esbuild configuration for everything that runs on Node: the npm
 * package, the single executable, and the tests that run scenarios under
 * Node 20. esbuild comes from npm (pinned in deno.json, locked in deno.lock).
 *
 * @module
 */

import * as esbuild from "esbuild";

export { ROOT } from "./_common.ts";

/** The oldest Node the bundles run on. */
export const NODE_TARGET = "node20";

/** Options for {@link bundleForNode}. */
export interface BundleOptions {
  /** The entry module. */
  entry: string;
  /** The CommonJS file to write. */
  outfile: string;
  /** A first line, such as `#!/usr/bin/env node`. */
  banner?: string;
}

/**
 * The Deno-only modules, replaced in a Node bundle by a stub that fails
 * loudly: `net.ts` and `host.ts` import them lazily as their defaults, and
 * the Node entry installs its own before anything asks.
 */
const noDenoModules: esbuild.Plugin = {
  name: "no-deno-modules",
  setup(build) {
    build.onResolve({ filter: /(^|\/)(net|host)_deno\.ts$/ }, (args) => ({
      path: args.path,
      namespace: "deno-only",
    }));
    build.onLoad({ filter: /.*/, namespace: "deno-only" }, (args) => ({
      contents: `throw new Error(${
        JSON.stringify(`${args.path} is Deno's; the Node build uses its own`)
      });`,
      loader: "js",
    }));
  },
};

/**
 * Bundle an entry and everything it imports into one CommonJS file for
 * Node 20: CommonJS because Node's single executables run nothing else,
 * and with dynamic `import()` turned into `require` for the same reason.
 *
 * @example
 * ```ts ignore
 * await bundleForNode({ entry: "lib/ui/main_node.ts", outfile: "dist/npm/sockshell.cjs" });
 * ```
 */
export async function bundleForNode(opts: BundleOptions): Promise<void> {
  try {
    await esbuild.build({
      entryPoints: [opts.entry],
      outfile: opts.outfile,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: NODE_TARGET,
      supported: { "dynamic-import": false },
      banner: opts.banner ? { js: opts.banner } : undefined,
      plugins: [noDenoModules],
      logLevel: "error",
      // Readable stack traces in bug reports beat the few kilobytes minifying saves.
      minify: false,
      legalComments: "none",
    });
  } finally {
    // The esbuild service is a child process: stop it so the caller can exit (and tests do not leak it).
    await esbuild.stop();
  }
}
