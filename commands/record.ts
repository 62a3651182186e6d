import { fileErrorText, SocketError, strerror } from "../lib/net/errno.ts";
import {
  arity,
  type CommandImpl,
  fileWait,
  parseOptions,
} from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { errorLine, escapeControls } from "../lib/shell/format.ts";
import { t } from "../lib/i18n/mod.ts";

/** `record`: write the commands that succeed into a script `run` can replay. */
export const recordCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { a: "flag", f: "flag" });
    arity(rest, 0, 1, this.usage);
    if (opts.a && opts.f) {
      throw new UsageError(t("record.appendOrOverwrite"));
    }
    const arg = rest[0]?.text;
    if (arg === undefined) {
      ctx.io.out(
        ctx.shell.recording
          ? t("record.to", { file: escapeControls(ctx.shell.recording) }) + "\n"
          : t("record.not") + "\n",
      );
      return { code: 0 };
    }
    if (arg === "stop" && !rest[0]!.quoted) {
      if (!ctx.shell.recording) {
        errorLine(ctx.io, `record: ${t("record.not")}`);
        return { code: 1 };
      }
      const file = escapeControls(ctx.shell.recording);
      ctx.io.out(t("record.done", { file }) + "\n");
      ctx.shell.recording = undefined;
      return { code: 0 };
    }
    const header = `# ${
      t("record.header", {
        how: opts.a ? "appended" : "recorded",
        date: new Date().toISOString().slice(0, 10),
        file: arg,
      })
    }\n`;
    try {
      await fileWait(
        ctx,
        opts.a
          ? ctx.shell.files.appendTextFile(arg, header)
          : ctx.shell.files.writeTextFile(arg, header, {
            createNew: !opts.f,
          }),
        arg,
        "write",
      );
    } catch (e) {
      if (e instanceof SocketError) throw e; // Ctrl-C
      const why = fileErrorText(e);
      errorLine(
        ctx.io,
        `record: ${
          why === "EEXIST"
            ? t("record.exists", {
              file: arg,
              why,
              meaning: strerror("EEXIST"),
            })
            : t("record.cannotWrite", { file: arg, why })
        }`,
      );
      return { code: 1 };
    }
    ctx.shell.recording = arg;
    ctx.io.out(
      t("record.started", { file: escapeControls(arg) }) + "\n",
    );
    return { code: 0 };
  },
};
