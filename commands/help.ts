import { quoteText } from "../lib/shell/format.ts";
import { arity, type CommandSpec } from "../lib/shell/command.ts";
import { UnknownCommandError } from "../lib/shell/errors.ts";
import { findCommand, suggest } from "../lib/shell/registry.ts";

/** `help`: what each command does, its C call and its Deno call, from the registry. */
export const helpCommand: CommandSpec = {
  name: "help",
  kind: "shell",
  usage: "help [command]",
  summary:
    "List the commands, or show one: usage, C prototype, Deno call, example",
  c: "(no call: man 2 socket, man 2 bind, ...)",
  deno: "none",
  example: "help recv",
  run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const commands = ctx.shell.commands;
    const p = ctx.io.paint;
    if (!ctx.args[0]) {
      const specs = Object.values(commands);
      const width = Math.max(...specs.map((s) => s.name.length));
      const list = (shell: boolean) =>
        specs.filter((s) => (s.kind === "shell") === shell)
          .map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`);
      ctx.io.out(
        [
          "Socket calls (help COMMAND for one; @FD names the descriptor, as in recv @5):",
          ...list(false),
          "Shell and scripts:",
          ...list(true),
          'Text takes quotes and escapes: send "GET / HTTP/1.0\\r\\n\\r\\n". Blocking calls: Ctrl-C interrupts.',
        ].join("\n") + "\n",
      );
      return Promise.resolve({ code: 0 });
    }
    const name = ctx.args[0].text;
    const spec = findCommand(commands, name);
    if (!spec) {
      throw new UnknownCommandError(
        `no command ${quoteText(name)}${suggest(commands, name)}`,
      );
    }
    const out = [
      `${p.ok(spec.usage)}${
        spec.aliases ? `   (also: ${spec.aliases.join(", ")})` : ""
      }`,
      `  ${spec.summary}`,
      `  C:       ${spec.c}`,
      `  Deno:    ${spec.deno}`,
      `  Example: ${spec.example}`,
      ...(spec.details ?? []).map((d) => `  ${d}`),
    ];
    ctx.io.out(out.join("\n") + "\n");
    return Promise.resolve({ code: 0 });
  },
};
