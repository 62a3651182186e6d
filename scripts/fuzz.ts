/**
 * `deno task fuzz [--lines N] [--seed S] [--session-lines K] [--outside N] [--examples 0|1]`:
 * the long fuzzing run. Prints counts per finding class and one minimised
 * example of each kind; exits 1 if anything was flagged.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { clean, formatReport, fuzz } from "../tests/_fuzz.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    lines: { type: "string", default: "200000" },
    seed: { type: "string", default: String(Date.now() % 1000000) },
    "session-lines": { type: "string", default: "20" },
    outside: { type: "string", default: "200" },
    examples: { type: "string", default: "1" },
  },
});

const tmp = await Deno.makeTempDir({ prefix: "sockshell-fuzz-" });
try {
  const report = await fuzz({
    seed: Number(values.seed),
    lines: Number(values.lines),
    sessionLines: Number(values["session-lines"]),
    outOfProcess: Number(values.outside),
    minimise: Number(values.examples),
    tmp,
    log: (t) => console.error(t),
  });
  console.log(formatReport(report));
  Deno.exitCode = clean(report) ? 0 : 1;
} finally {
  await Deno.remove(tmp, { recursive: true });
}
// Nothing may keep the run alive once it has reported.
Deno.exit();
