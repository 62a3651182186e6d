import {
  arity,
  type CommandImpl,
  type CommandResult,
  type Context,
  fileWait,
  parseOptions,
} from "../lib/shell/command.ts";
import { fileErrorText, SocketError, strerror } from "../lib/net/errno.ts";
import { t } from "../lib/i18n/mod.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { errorLine, escapeControls, quoteText } from "../lib/shell/format.ts";
import { say } from "../lib/teach/messages.ts";

/**
 * Draw the session log (the events after `since`, if given) as text on the terminal.
 *
 * @example
 * ```ts ignore
 * await showDiagram(ctx); // what `diagram` alone does
 * ```
 */
export async function showDiagram(ctx: Context, since = 0): Promise<void> {
  const teach = ctx.shell.teach;
  if (!teach) return;
  const { buildDiagram, textDiagram } = await import("../lib/teach/diagram.ts");
  const log = teach.events();
  const events = log.events.filter((e) => e.seq > since);
  const d = buildDiagram({
    events,
    // Left out: the events after `since` that the ring no longer holds.
    leftOut: Math.max(0, (log.events[0]?.seq ?? 1) - 1 - since),
  });
  ctx.io.out(
    textDiagram(d, ctx.io.columns?.() ?? 80, ctx.io.utf8 ?? false),
  );
}

/** `diagram`: the session so far as a sequence diagram, in the terminal or as SVG or HTML. */
export const diagramCommand: CommandImpl = {
  async run(ctx): Promise<CommandResult> {
    const { opts, rest } = parseOptions(ctx.args, { f: "flag" });
    arity(rest, 0, 1, this.usage);
    const teach = ctx.shell.teach;
    const arg = rest[0];
    if (!teach) return { code: 0 };
    if (!arg) {
      await showDiagram(ctx);
      return { code: 0 };
    }
    if (arg.text === "reset" && !arg.quoted) {
      teach.reset();
      ctx.io.out(say("diagramReset") + "\n");
      return { code: 0 };
    }
    const file = arg.text;
    const kind = /\.svg$/i.test(file)
      ? "svg"
      : /\.html?$/i.test(file)
      ? "html"
      : undefined;
    if (!kind) {
      throw new UsageError(t("diagram.notSvgHtml", { file: quoteText(file) }));
    }
    const { buildDiagram, htmlDiagram, svgDiagram } = await import(
      "../lib/teach/diagram.ts"
    );
    const d = buildDiagram(teach.events());
    try {
      await fileWait(
        ctx,
        ctx.shell.files.writeTextFile(
          file,
          kind === "svg" ? svgDiagram(d) : htmlDiagram(d),
          { createNew: !opts.f },
        ),
        file,
        "write",
      );
    } catch (e) {
      if (e instanceof SocketError) throw e; // Ctrl-C
      const why = fileErrorText(e);
      errorLine(
        ctx.io,
        "diagram: " +
          (why === "EEXIST"
            ? t("diagram.exists", { file, meaning: strerror("EEXIST") })
            : t("diagram.cannotWrite", { file, why })),
      );
      return { code: 1 };
    }
    ctx.io.out(say("diagramWritten", { file: escapeControls(file) }) + "\n");
    return { code: 0 };
  },
};
