import { type CommandSpec, parseOptions } from "../lib/command.ts";
import { fileErrorText } from "../lib/errno.ts";
import { EXIT } from "../lib/errors.ts";
import { runScript, scriptScope } from "../lib/script.ts";
import type { Shell } from "../lib/shell.ts";
import { builtInReplays } from "../replays/mod.ts";
import { started } from "../lib/procs.ts";

/** `run`: a built-in replay of the handout, or a script file, as if it were a program. */
export const runCommand: CommandSpec = {
  name: "run",
  kind: "shell",
  usage: "run [-v] [-p] [name|file] [args...]",
  summary:
    "Run a built-in replay of the handout or a script file (run alone lists the replays)",
  c: "(no call: ./server 4950, as the handout runs its programs)",
  deno: "none: the script's commands make the calls",
  example: "run tcp-server 4950",
  complete: Object.keys(builtInReplays),
  details: [
    "-v shows every call as it runs; -p prints the script instead of running it.",
    "The script runs like a program: $1, $2... are its arguments, exit ends it, and the",
    "descriptors it opened are closed when it ends. Ctrl-C stops it.",
  ],
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, {
      v: "flag",
      p: "flag",
    });
    const [target, ...args] = rest;
    if (!target) {
      const width = Math.max(
        ...Object.values(builtInReplays).map((r) =>
          `${r.name} ${r.usage}`.length
        ),
      );
      const lines = Object.values(builtInReplays).map((r) =>
        `  ${`${r.name} ${r.usage}`.padEnd(width)}  ${r.summary}`
      );
      ctx.io.out(
        ["Built-in replays (run -p NAME prints one):", ...lines].join("\n") +
          "\n",
      );
      return { code: 0 };
    }
    const replay = builtInReplays[target.text];
    let text = replay?.text;
    if (text === undefined) {
      try {
        text = await ctx.shell.files.readTextFile(target.text);
      } catch (e) {
        const why = fileErrorText(e);
        ctx.io.err(
          `run: no replay or readable file ${
            JSON.stringify(target.text)
          } (${why}): run lists the replays\n`,
        );
        return { code: EXIT.usage };
      }
    }
    if (opts.p) {
      ctx.io.out(text.endsWith("\n") ? text : text + "\n");
      return { code: 0 };
    }
    const shell = ctx.shell as Shell;
    const scope = scriptScope(shell, target.text, args.map((a) => a.text));
    scope.exits = "task";
    scope.trace = Boolean(opts.v) || (replay ? replay.trace : ctx.scope.trace);
    const before = new Set(shell.table.list().map((s) => s.fd));
    const programs = new Set(started(shell));
    try {
      const code = await runScript(shell, target.text, text, scope, ctx.signal);
      return { code: scope.exited ?? code };
    } finally {
      // As when a program exits: what it opened and left open is closed.
      for (const s of shell.table.list()) {
        if (!before.has(s.fd)) shell.table.close(s.fd);
      }
      // And the programs it started die with their groups.
      for (const p of started(shell)) if (!programs.has(p)) p.kill();
    }
  },
};
