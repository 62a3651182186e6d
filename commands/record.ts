import { fileErrorText } from "../lib/errno.ts";
import { arity, type CommandSpec } from "../lib/command.ts";

/** `record`: write the commands that succeed into a script `run` can replay. */
export const recordCommand: CommandSpec = {
  name: "record",
  kind: "shell",
  usage: "record <file|stop>",
  summary:
    "Write each command line that succeeds into FILE, a script for run FILE; record stop ends it",
  c: "(no call: script(1))",
  deno: "none",
  example: "record session.sock",
  complete: ["stop"],
  async run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const arg = ctx.args[0]?.text;
    if (arg === undefined) {
      ctx.io.out(
        ctx.shell.recording
          ? `recording to ${ctx.shell.recording}\n`
          : "not recording\n",
      );
      return { code: 0 };
    }
    if (arg === "stop") {
      if (!ctx.shell.recording) {
        ctx.io.err("record: not recording\n");
        return { code: 1 };
      }
      ctx.io.out(
        `recorded to ${ctx.shell.recording}: replay it with run ${ctx.shell.recording}\n`,
      );
      ctx.shell.recording = undefined;
      return { code: 0 };
    }
    try {
      await ctx.shell.files.writeTextFile(
        arg,
        `# recorded by sockshell on ${
          new Date().toISOString().slice(0, 10)
        }: replay with run ${arg}\n`,
      );
    } catch (e) {
      const why = fileErrorText(e);
      ctx.io.err(`record: cannot write ${arg}: ${why}\n`);
      return { code: 1 };
    }
    ctx.shell.recording = arg;
    ctx.io.out(
      `recording to ${arg}: every command line that succeeds (record stop to end)\n`,
    );
    return { code: 0 };
  },
};
