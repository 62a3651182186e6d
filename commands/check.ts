import { quoteText } from "../lib/shell/format.ts";
import { type CommandImpl, fileWait } from "../lib/shell/command.ts";
import { fileErrorText, SocketError } from "../lib/net/errno.ts";
import { EXIT, UsageError } from "../lib/shell/errors.ts";
import type { Shell } from "../lib/shell/shell.ts";
import { cannotExecute, runPermission } from "../lib/check/proc.ts";
import { builtInChecks } from "../checks/mod.ts";
import { own } from "../lib/shell/registry.ts";
import { t } from "../lib/i18n/mod.ts";

/** `check`: test a student's program on the handout's exercise, scenario by scenario, in TAP. */
export const checkCommand: CommandImpl = {
  async run(ctx) {
    let json = false;
    let print = false;
    let port: number | undefined;
    const words = ctx.args.map((w) => w.text);
    let i = 0;
    for (; i < words.length; i++) {
      const w = words[i]!;
      if (ctx.args[i]!.quoted) break;
      if (w === "--json") json = true;
      else if (w === "-p") print = true;
      else if (w === "--port" || w.startsWith("--port=")) {
        const v = w === "--port" ? words[++i] : w.slice(7);
        if (!v || !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 65535) {
          throw new UsageError(
            t("check.badPort", { text: quoteText(v ?? "") }),
          );
        }
        port = Number(v);
      } else if (w === "--") {
        i++;
        break;
      } else if (w.startsWith("-")) {
        throw new UsageError(
          t("check.unknownOption", { option: w }),
        );
      } else break;
    }
    const [target, program, ...args] = words.slice(i);
    if (!target) {
      const width = Math.max(
        ...Object.values(builtInChecks).map((c) => c.name.length),
      );
      ctx.io.out(
        [
          t("check.list"),
          ...Object.values(builtInChecks).map((c) =>
            `  ${c.name.padEnd(width)}  ${
              t("check.listLine", { summary: c.summary, args: c.args })
            }`
          ),
        ].join("\n") + "\n",
      );
      return { code: 0 };
    }
    // own: a name such as `constructor` is a file, not an inherited property.
    let text = await own(builtInChecks, target)?.load();
    if (text === undefined) {
      try {
        text = await fileWait(
          ctx,
          ctx.shell.files.readTextFile(target),
          target,
          "read",
        );
      } catch (e) {
        if (e instanceof SocketError) throw e; // Ctrl-C
        throw new UsageError(
          t("check.notFound", {
            file: quoteText(target),
            why: fileErrorText(e),
          }),
        );
      }
    }
    if (print) {
      ctx.io.out(text.endsWith("\n") ? text : text + "\n");
      return { code: 0 };
    }
    if (!program) {
      throw new UsageError(t("check.noProgram", { usage: this.usage }));
    }
    if (runPermission() !== "granted") {
      ctx.io.err(`check: ${t("check.runPermission")}\n`);
      return { code: EXIT.usage };
    }
    const why = await cannotExecute(program);
    if (why !== undefined) {
      ctx.io.err(`check: ${t("check.cannotRun", { why })}\n`);
      return { code: EXIT.usage };
    }
    const { runCheck } = await import("../lib/check/check.ts");
    const shell = ctx.shell as Shell;
    const code = await runCheck({
      name: target,
      text,
      program,
      args,
      port,
      json,
      net: shell.net,
      commands: shell.commands,
      files: shell.files,
      io: ctx.io,
      signal: ctx.signal,
    });
    return { code };
  },
};
