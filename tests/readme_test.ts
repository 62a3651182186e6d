import assert from "node:assert/strict";
import { commandsTable } from "../scripts/commands_table.ts";
import { HISTORY_SIZE, MAX_HISTORY_BYTES } from "../lib/ui/repl.ts";
import {
  MAX_NESTING,
  MAX_RUN_DEPTH,
  MAX_SCRIPT_BYTES,
} from "../lib/script/script.ts";
import { MAX_EXPRESSION_NESTING } from "../lib/script/cond.ts";
import { MAX_LINE } from "../lib/script/tokenize.ts";

const readme = Deno.readTextFileSync(new URL("../README.md", import.meta.url));

/** A markdown table with its padding folded, as `deno fmt` aligns columns. */
function fold(table: string): string {
  return table.split("\n").filter((l) => l.startsWith("|"))
    .map((l) => l.replace(/-{3,}/g, "---").replace(/ +/g, " ")).join("\n");
}

Deno.test("README's command table is the one the registry generates", () => {
  assert.ok(
    fold(readme).includes(fold(commandsTable())),
    "README.md is out of date: paste the output of deno run scripts/commands_table.ts",
  );
});

Deno.test("README's Quick start is exactly two commands: start and test", () => {
  const quick =
    /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const lines = quick.trim().split("\n");
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /^npx -y deno@2\.9\.6 task start\b/);
  assert.match(lines[1]!, /^npx -y deno@2\.9\.6 task test\b/);
});

Deno.test("README's Limits table states the bounds the code enforces", () => {
  const limits = readme.slice(readme.indexOf("## Limits"));
  const table = limits.slice(0, limits.indexOf("\n## "));
  assert.ok(table.includes(`over ${MAX_LINE} bytes`), "the line length");
  assert.ok(
    table.includes(`over ${MAX_SCRIPT_BYTES} bytes`),
    "a script's size",
  );
  assert.ok(table.includes(`(limit ${MAX_RUN_DEPTH})`), "run's nesting");
  assert.ok(
    table.includes(`nesting too deep (limit ${MAX_NESTING})`),
    "blocks",
  );
  assert.ok(
    table.includes(`nesting too deep (limit ${MAX_EXPRESSION_NESTING})`),
    "let's expressions",
  );
  assert.equal(MAX_HISTORY_BYTES, 1 << 20);
  assert.ok(table.includes("its newest 1 MiB and 1,000 lines"), "history");
  assert.equal(HISTORY_SIZE, 1000);
});
