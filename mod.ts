/**
 * sockshell: an interactive socket shell for learning BSD sockets.
 *
 * The shell on Deno: the command line wired to the registry on Deno's host
 * and network. `main.ts`, the program, loads it once the first prompt is
 * drawn; run directly, it draws its own. The modules it exports are what
 * other entry points (the Node build, tests) put together differently.
 *
 * @example
 * ```sh
 * deno run --allow-net --allow-read --allow-write --allow-env mod.ts -c "socket tcp; listen; ls"
 * ```
 *
 * @module
 */

import { builtInCommands } from "./commands/mod.ts";
import { main } from "./lib/ui/cli.ts";
import { host } from "./lib/ui/host.ts";
import { backend } from "./lib/net.ts";
import type { DrawnPrompt } from "./lib/ui/first_prompt.ts";

export { builtInCommands } from "./commands/mod.ts";
export { main, VERSION } from "./lib/ui/cli.ts";
export { Shell } from "./lib/shell/shell.ts";
export type { NetBackend } from "./lib/net.ts";
export type { Host } from "./lib/ui/host.ts";

/**
 * Run the shell on Deno's host and network to its end, then exit with its
 * status; `drawn`: the banner and first prompt that `main.ts` drew already.
 */
export async function runOnDeno(drawn?: DrawnPrompt): Promise<void> {
  const h = await host();
  let code: number;
  try {
    code = await main(h, await backend(), builtInCommands, drawn);
  } finally {
    drawn?.restore();
  }
  h.exit(code);
}

if (import.meta.main) await runOnDeno();
