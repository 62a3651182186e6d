/** README.fr.md: its French session is what the shell prints under a French locale. */
import assert from "node:assert/strict";
import { freePort } from "./_peers.ts";
import { sockshell } from "./_shell.ts";

const readme = Deno.readTextFileSync(
  new URL("../README.fr.md", import.meta.url),
);

Deno.test("README.fr.md's TCP session is what the shell prints with LANG=fr_FR.UTF-8, its French annotations included", async () => {
  const block = /## Une séance[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, "the session's block");
  const lines = block.trimEnd().split("\n");
  const typed = lines.filter((l) => l.startsWith("sockshell"))
    .map((l) => l.replace(/^sockshell(@\d+)?> /, ""));
  const shown = lines.filter((l) => !l.startsWith("sockshell"));
  // The README's ports, 4950 where the server listens and 4951 where nobody does, made free ones.
  const listening = freePort("tcp");
  let closed = freePort("tcp");
  for (let i = 0; i < 10 && closed === listening; i++) closed = freePort("tcp");
  assert.notEqual(closed, listening);
  // In one pass: a free port may itself contain 4951.
  const ports = (s: string) =>
    s.replace(/495[01]/g, (p) => String(p === "4950" ? listening : closed));
  const r = await sockshell(["-c", typed.map(ports).join("; ")], {
    env: { LANG: "fr_FR.UTF-8" },
  });
  // Only the last command fails: connect to a port where nobody listens.
  assert.equal(r.code, 1, r.stderr);
  // What a call filled in is written to its right, after a gap that the ports' width changes;
  // the port the system picked for the client (51514 in the README) changes from run to run.
  const aligned = (l: string) =>
    l.replace(
      / {2,}(\S.*)$/,
      (_, note: string) =>
        "  " + note.replace(/(127\.0\.0\.1):(?!4950\b|4951\b)\d+/g, "$1:PORT"),
    );
  const printed = (r.stdout + r.stderr).trimEnd().split("\n")
    .filter((l) => !l.startsWith("-c:"))
    .map(aligned);
  assert.deepEqual(printed, shown.map((l) => aligned(ports(l))));
});
