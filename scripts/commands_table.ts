/**
 * Print README's command table from the registry: `deno run scripts/commands_table.ts`.
 * tests/readme_test.ts checks that README.md holds exactly this table.
 *
 * @module
 */

import { builtInCommands } from "../commands/mod.ts";
import { en } from "../lib/i18n/en.ts";
import { format } from "../lib/i18n/mod.ts";

/** The markdown table of every command: usage, summary (from the English catalogue), C call, Deno call. */
export function commandsTable(): string {
  const esc = (s: string) => s.replaceAll("|", "\\|");
  const rows = Object.values(builtInCommands).map((c) =>
    `| \`${esc(c.usage)}\` | ${
      esc(format(en[`help.${c.name}.summary`], {}, "en"))
    } | \`${esc(c.c)}\` | ${esc(c.deno)} |`
  );
  return [
    "| Command | What it does | C call | Deno call |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

if (import.meta.main) console.log(commandsTable());
