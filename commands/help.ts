import { quoteText } from "../lib/shell/format.ts";
import {
  arity,
  type CommandImpl,
  type CommandSpec,
} from "../lib/shell/command.ts";
import { UnknownCommandError } from "../lib/shell/errors.ts";
import { findCommand, nearest } from "../lib/shell/registry.ts";
import { t } from "../lib/i18n/mod.ts";

/** A command's one line of help, in the language in use. */
export function summaryOf(spec: CommandSpec): string {
  return t(`help.${spec.name}.summary`);
}

/** A command's longer help, line by line, in the language in use. */
export function detailsOf(spec: CommandSpec): string[] {
  return t(`help.${spec.name}.details`, spec.helpValues).split("\n");
}

/** `help`: what each command does, its C call and its Deno call, from the registry and the catalogue. */
export const helpCommand: CommandImpl = {
  run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const commands = ctx.shell.commands;
    const p = ctx.io.paint;
    if (!ctx.args[0]) {
      const specs = Object.values(commands);
      const width = Math.max(...specs.map((s) => s.name.length));
      const list = (shell: boolean) =>
        specs.filter((s) => (s.kind === "shell") === shell)
          .map((s) => `  ${s.name.padEnd(width)}  ${summaryOf(s)}`);
      ctx.io.out(
        [
          t("help.list.socketCalls"),
          ...list(false),
          t("help.list.shellCommands"),
          ...list(true),
          t("help.list.quoting"),
        ].join("\n") + "\n",
      );
      return { code: 0 };
    }
    const name = ctx.args[0].text;
    const spec = findCommand(commands, name);
    if (!spec) {
      const best = nearest(commands, name);
      throw new UnknownCommandError(
        t("help.noCommand", {
          name: quoteText(name),
          hasBest: best ? "yes" : "no",
          best: best ?? "",
        }),
      );
    }
    const usage = p.ok(spec.usage);
    const out = [
      spec.aliases
        ? t("help.show.aliases", { usage, aliases: spec.aliases.join(", ") })
        : usage,
      `  ${summaryOf(spec)}`,
      `  ${t("help.show.c", { c: spec.c })}`,
      `  ${t("help.show.deno", { deno: spec.deno })}`,
      `  ${t("help.show.example", { example: spec.example })}`,
      ...detailsOf(spec).map((d) => `  ${d}`),
    ];
    ctx.io.out(out.join("\n") + "\n");
    return { code: 0 };
  },
};
