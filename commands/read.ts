import { arity, type CommandImpl, parseOptions } from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { errorLine, quoteText } from "../lib/shell/format.ts";
import { MAX_LINE } from "../lib/script/tokenize.ts";
import { t } from "../lib/i18n/mod.ts";
import { strerror } from "../lib/net/errno.ts";

/** `read`: a line from the user, as the handout's fgets(buffer, 255, stdin). */
export const readCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, {
      p: "value",
      e: "flag",
    });
    arity(rest, 1, 1, this.usage);
    const name = rest[0]!.text;
    if (!/^[A-Za-z_]\w*$/.test(name)) {
      throw new UsageError(t("set.badName", { text: quoteText(name) }));
    }
    const prompt = typeof opts.p === "string" ? opts.p : "";
    const line = await ctx.shell.input.readLine(prompt, ctx.signal);
    if (ctx.signal.aborted) {
      errorLine(
        ctx.io,
        `read: EINTR (${strerror("EINTR")}): ${
          t("read.noLine", { name: "$" + name })
        }`,
      );
      return { code: 124 };
    }
    const encoder = new TextEncoder();
    // The shell's line bound holds for what read takes too (standard input keeps no more of a line).
    if (
      line !== null && line.length * 3 > MAX_LINE &&
      encoder.encode(line).length > MAX_LINE
    ) {
      errorLine(
        ctx.io,
        `read: ${t("read.tooLong", { max: MAX_LINE, name: "$" + name })}`,
      );
      return { code: 1 };
    }
    ctx.scope.vars.set(
      `${name}.eof`,
      encoder.encode(line === null ? "1" : "0"),
    );
    if (line === null) {
      ctx.scope.vars.set(name, new Uint8Array(0));
      if (opts.e) return { code: 0, value: { "": "", eof: 1 } };
      errorLine(ctx.io, `read: ${t("read.eof", { name: "$" + name })}`);
      return { code: 1 };
    }
    ctx.scope.vars.set(name, encoder.encode(line));
    return { code: 0, value: { "": line, eof: 0 } };
  },
};
