import {
  type CommandImpl,
  fileWait,
  parseOptions,
} from "../lib/shell/command.ts";
import { fileErrorText, SocketError } from "../lib/net/errno.ts";
import { EXIT } from "../lib/shell/errors.ts";
import { errorLine, quoteText } from "../lib/shell/format.ts";
import { FileLimitError } from "../lib/ui/host.ts";
import { own } from "../lib/shell/registry.ts";
import {
  MAX_RUN_DEPTH,
  MAX_SCRIPT_BYTES,
  notAScript,
  runScript,
  scriptScope,
} from "../lib/script/script.ts";
import type { Shell } from "../lib/shell/shell.ts";
import { builtInReplays, REPLAY_GROUPS } from "../replays/mod.ts";
import { started } from "../lib/check/procs.ts";
import { showDiagram } from "./diagram.ts";
import { t } from "../lib/i18n/mod.ts";

/** `run`: a built-in replay of the handout, or a script file, as if it were a program. */
export const runCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, {
      v: "flag",
      p: "flag",
      d: "flag",
    });
    const [target, ...args] = rest;
    if (!target) {
      const width = Math.max(
        ...Object.values(builtInReplays).map((r) =>
          `${r.name} ${r.usage}`.length
        ),
      );
      const lines = [t("run.replays")];
      for (const [group, heading] of Object.entries(REPLAY_GROUPS)) {
        lines.push(`${heading}:`);
        for (const r of Object.values(builtInReplays)) {
          if ((r.group ?? "handout") !== group) continue;
          lines.push(`  ${`${r.name} ${r.usage}`.padEnd(width)}  ${r.summary}`);
        }
      }
      ctx.io.out(lines.join("\n") + "\n");
      return { code: 0 };
    }
    const depth = (ctx.scope.depth ?? 0) + 1;
    if (depth > MAX_RUN_DEPTH) {
      ctx.shell.runTooDeep = true;
      errorLine(
        ctx.io,
        `run: ${t("run.tooDeep", { limit: MAX_RUN_DEPTH })}`,
      );
      return { code: EXIT.failed };
    }
    const replay = own(builtInReplays, target.text);
    let text = await replay?.load();
    if (text === undefined) {
      try {
        text = await fileWait(
          ctx,
          ctx.shell.files.readTextFile(target.text, {
            limit: MAX_SCRIPT_BYTES,
          }),
          target.text,
          "read",
        );
        const why = notAScript(text, ctx.shell.commands);
        if (why) {
          errorLine(
            ctx.io,
            `run: ${t("run.notScript", { file: target.text, why })}`,
          );
          return { code: EXIT.usage };
        }
      } catch (e) {
        if (e instanceof SocketError) throw e; // Ctrl-C
        const why = fileErrorText(e);
        errorLine(
          ctx.io,
          e instanceof FileLimitError
            ? `run: ${
              t("run.tooBig", {
                file: target.text,
                why,
                max: MAX_SCRIPT_BYTES,
              })
            }`
            : `run: ${
              t("run.notFound", { file: quoteText(target.text), why })
            }`,
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
    scope.depth = depth;
    scope.trace = Boolean(opts.v) || (replay ? replay.trace : ctx.scope.trace);
    // Sockets by identity, not number: a number closed during the run may be reused by it.
    const before = new Set(shell.table.list());
    // A program has its own descriptors: those already open are not in its $fds or a bare poll.
    scope.outside = new Set([...before].map((s) => s.fd));
    const programs = new Set(started(shell));
    const since = shell.teach.events().events.at(-1)?.seq ?? 0;
    let code: number;
    try {
      code = await runScript(shell, target.text, text, scope, ctx.signal);
    } finally {
      // The outermost run has unwound a nesting too deep: the next one reports again.
      if (depth === 1) shell.runTooDeep = undefined;
      // As when a program exits: what it opened and left open is closed.
      for (const s of shell.table.list()) {
        if (before.has(s)) continue;
        shell.teach.closedAtExit(s);
        shell.table.close(s.fd);
      }
      // And the programs it started die with their groups.
      for (const p of started(shell)) if (!programs.has(p)) p.kill();
    }
    // After the closes: they are part of what the program did.
    if (opts.d) await showDiagram(ctx, since);
    return { code: scope.exited ?? code };
  },
};
