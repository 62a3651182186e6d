/**
 * The conformance scenarios on the Node backend, run by real Node (the test
 * bundles this file with esbuild and runs it with `node`). One JSON line per
 * scenario on standard output: `{ name, observations }` or `{ name, error }`.
 *
 * @module
 */

import process from "node:process";
import { nodeBackend } from "../lib/net/node.ts";
import { type ScenarioContext, scenarios } from "./_conformance.ts";

/**
 * `node conformance.cjs`: every scenario that needs no peer.
 * `node conformance.cjs NAME CONTEXT`: that scenario, with the JSON context.
 */
async function runAll(): Promise<void> {
  const [only, context] = process.argv.slice(2);
  const ctx: ScenarioContext = context ? JSON.parse(context) : {};
  for (const s of scenarios) {
    if (only ? s.name !== only : s.needs) continue;
    let line: string;
    try {
      line = JSON.stringify({
        name: s.name,
        observations: await s.run(nodeBackend, ctx),
      });
    } catch (e) {
      line = JSON.stringify({
        name: s.name,
        error: e instanceof Error ? e.stack ?? e.message : String(e),
      });
    }
    process.stdout.write(line + "\n");
  }
}

runAll().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e}\n`);
    process.exit(1);
  },
);
