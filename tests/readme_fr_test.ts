/** README.fr.md: its French session is what the shell prints under a French locale. */
import assert from "node:assert/strict";
import { freePort } from "./_peers.ts";
import { sockshell } from "./_shell.ts";

const readme = Deno.readTextFileSync(
  new URL("../README.fr.md", import.meta.url),
);

Deno.test("README.fr.md's TCP session is what the shell prints with LANG=fr_FR.UTF-8, annotations aside", async () => {
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
  const ports = (s: string) =>
    s.replaceAll("4950", String(listening)).replaceAll("4951", String(closed));
  const r = await sockshell(["-c", typed.map(ports).join("; ")], {
    env: { LANG: "fr_FR.UTF-8" },
  });
  // Only the last command fails: connect to a port where nobody listens.
  assert.equal(r.code, 1, r.stderr);
  const printed = (r.stdout + r.stderr).trimEnd().split("\n")
    .filter((l) => !l.startsWith("-c:"))
    // What a call filled in is written to its right, after a wide gap: the README leaves it out.
    .map((l) => l.replace(/ {2,}\S.*$/, ""));
  assert.deepEqual(printed, shown.map(ports));
});
