import { fileErrorText } from "../lib/net/errno.ts";
import { arity, type CommandSpec, parseOptions } from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { errorLine, escapeControls } from "../lib/shell/format.ts";

/** `record`: write the commands that succeed into a script `run` can replay. */
export const recordCommand: CommandSpec = {
  name: "record",
  kind: "shell",
  usage: "record [-a|-f] <file|stop>",
  c: "(no call: script(1))",
  deno: "none",
  example: "record session.sock",
  complete: ["stop"],
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { a: "flag", f: "flag" });
    arity(rest, 0, 1, this.usage);
    if (opts.a && opts.f) {
      throw new UsageError("-a appends and -f overwrites: choose one");
    }
    const arg = rest[0]?.text;
    if (arg === undefined) {
      ctx.io.out(
        ctx.shell.recording
          ? `recording to ${escapeControls(ctx.shell.recording)}\n`
          : "not recording\n",
      );
      return { code: 0 };
    }
    if (arg === "stop" && !rest[0]!.quoted) {
      if (!ctx.shell.recording) {
        errorLine(ctx.io, "record: not recording");
        return { code: 1 };
      }
      const file = escapeControls(ctx.shell.recording);
      ctx.io.out(`recorded to ${file}: replay it with run ${file}\n`);
      ctx.shell.recording = undefined;
      return { code: 0 };
    }
    const header = `# ${opts.a ? "appended to" : "recorded"} by sockshell on ${
      new Date().toISOString().slice(0, 10)
    }: replay with run ${arg}\n`;
    try {
      if (opts.a) await ctx.shell.files.appendTextFile(arg, header);
      else {
        await ctx.shell.files.writeTextFile(arg, header, {
          createNew: !opts.f,
        });
      }
    } catch (e) {
      const why = fileErrorText(e);
      const hint = why === "EEXIST"
        ? ` (File exists): record -a ${arg} appends to it, record -f ${arg} overwrites it`
        : "";
      errorLine(ctx.io, `record: cannot write ${arg}: ${why}${hint}`);
      return { code: 1 };
    }
    ctx.shell.recording = arg;
    ctx.io.out(
      `recording to ${
        escapeControls(arg)
      }: every command that succeeds (record stop to end)\n`,
    );
    return { code: 0 };
  },
};
