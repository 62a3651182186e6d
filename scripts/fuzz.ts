/**
 * `deno task fuzz [--lines N] [--seed S] [--seconds T] [--line-ms MS] [--grace-ms MS]
 * [--session-lines K] [--outside N] [--examples 0|1]`,
 * or `deno task fuzz --seed S --replay SESSION:LINE` to see one finding's lines exactly:
 * the long fuzzing run (200,000 lines unless told; `--seconds` stops it
 * earlier). Prints counts per finding class and one minimised example of
 * each kind; exits 1 if anything was flagged.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { clean, formatReport, fuzz, replay } from "../tests/_fuzz.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    lines: { type: "string", default: "200000" },
    seed: { type: "string", default: String(Date.now() % 1000000) },
    "session-lines": { type: "string", default: "20" },
    outside: { type: "string", default: "200" },
    examples: { type: "string", default: "1" },
    seconds: { type: "string", default: "0" },
    replay: { type: "string" },
    "line-ms": { type: "string", default: "2000" },
    "grace-ms": { type: "string", default: "1000" },
  },
});

const tmp = await Deno.makeTempDir({ prefix: "sockshell-fuzz-" });
try {
  if (values.replay) {
    // --replay SESSION:LINE shows the exact lines of one session up to a finding.
    const [session, index] = values.replay.split(":").map(Number);
    console.log(await replay(Number(values.seed), session!, index!, tmp));
    Deno.exit(0);
  }
  const report = await fuzz({
    seed: Number(values.seed),
    lines: Number(values.lines),
    seconds: Number(values.seconds) || undefined,
    lineMs: Number(values["line-ms"]),
    graceMs: Number(values["grace-ms"]),
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
