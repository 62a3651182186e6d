/**
 * Looking commands up in the registry: by name or alias, with "did you mean".
 *
 * @module
 */

import type { CommandImpl, CommandSpec } from "./command.ts";

/**
 * A registry entry: a command's declaration (all that help, completion and
 * "did you mean" need) and how to load its implementation.
 */
export interface CommandEntry extends Omit<CommandSpec, "run"> {
  /**
   * Import the command's module: a literal `import("./x.ts")`, so that
   * esbuild bundles it for Node, and so that Deno reads it at start-up with
   * the rest of the module graph, to run it later. Hidden from that walk
   * (`import("./x.ts" as string)`), the modules would start the shell 4 ms
   * sooner but be read on first use, which fails at the descriptor limit:
   * `ls` and `close` would not load just when a student needs them
   * (tests/limits_test.ts).
   */
  load(): Promise<CommandImpl>;
}

/**
 * The registry from its entries, by name. Each command's module is loaded
 * on its first run, not at start-up: a session loads only the commands it
 * uses. Later runs call the implementation directly.
 *
 * @example
 * ```ts ignore
 * lazyCommands([{ name: "ls", usage: "ls", c: "...", deno: "...", example: "ls",
 *   load: async () => (await import("./ls.ts")).lsCommand }]);
 * ```
 */
export function lazyCommands(
  entries: readonly CommandEntry[],
): Record<string, CommandSpec> {
  return Object.fromEntries(entries.map(({ load, ...declaration }) => {
    let impl: CommandImpl | undefined;
    const spec: CommandSpec = {
      ...declaration,
      run(ctx) {
        if (impl) return impl.run.call(spec, ctx);
        return load().then((loaded) => (impl = loaded).run.call(spec, ctx));
      },
      async prepare() {
        try {
          impl ??= await load();
        } catch {
          // Left for the run to load again, and to report.
        }
      },
    };
    return [spec.name, spec];
  }));
}

/**
 * A table's own entry for a name the user typed, never one inherited from
 * Object.prototype (`constructor`, `__proto__`, `toString`).
 *
 * @example
 * ```ts
 * console.log(own({ tcp: 1 }, "constructor")); // undefined
 * ```
 */
export function own<T>(
  table: Readonly<Record<string, T>>,
  name: string,
): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** The command named `name` or having it as an alias. */
export function findCommand(
  commands: Readonly<Record<string, CommandSpec>>,
  name: string,
): CommandSpec | undefined {
  const key = name.toLowerCase();
  return own(commands, key) ??
    Object.values(commands).find((c) => c.aliases?.includes(key));
}

/** Every name and alias, for completion. */
export function commandNames(
  commands: Readonly<Record<string, CommandSpec>>,
): string[] {
  return Object.values(commands).flatMap((c) => [c.name, ...(c.aliases ?? [])])
    .sort();
}

/**
 * The command name or alias closest to `name`, or undefined when nothing is close.
 *
 * @example
 * ```ts ignore
 * nearest(commands, "rcv"); // "recv"
 * ```
 */
export function nearest(
  commands: Readonly<Record<string, CommandSpec>>,
  name: string,
): string | undefined {
  const key = name.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of commandNames(commands)) {
    const d = n.startsWith(key) && key.length >= 2 ? 1 : distance(key, n);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return best && bestD <= Math.max(1, Math.min(2, Math.floor(key.length / 3)))
    ? best
    : undefined;
}

/** Levenshtein distance, with a swap of two neighbours counted as one edit. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
