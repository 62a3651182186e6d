/**
 * sockshell, the program on Deno:
 *
 * ```sh
 * deno run --allow-net --allow-read --allow-write --allow-env main.ts
 * ```
 *
 * At a terminal with no arguments, the banner and the first prompt come
 * first, then the shell loads (lib/ui/first_prompt.ts); `mod.ts` is the
 * shell itself, which this imports out of sight of Deno's start-up module
 * graph (`as string`): Deno reads the shell's modules, every command's
 * included, once the prompt is drawn, before the first line typed runs.
 *
 * @module
 */

import { drawFirstPrompt, mayReadShell } from "./lib/ui/first_prompt.ts";

if (import.meta.main) {
  // Deno asks at the terminal for a permission not given: then the prompt must not be up yet.
  const read = mayReadShell(new URL(".", import.meta.url));
  if (!read.granted) Deno.exit(1);
  const drawn = read.asked ? undefined : drawFirstPrompt();
  try {
    const { runOnDeno } = await import(
      "./mod.ts" as string
    ) as typeof import("./mod.ts");
    await runOnDeno(drawn);
  } catch (e) {
    drawn?.restore(); // a start that failed: runOnDeno itself ends the process
    throw e;
  }
}
