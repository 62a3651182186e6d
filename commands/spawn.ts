import {
  arity,
  call,
  type CommandImpl,
  parseOptions,
} from "../lib/shell/command.ts";
import { programArgs } from "../lib/check/args.ts";
import { checkState } from "../lib/check/state.ts";
import { quoteText } from "../lib/shell/format.ts";
import { remember } from "../lib/check/procs.ts";
import { spawnProcess } from "../lib/check/proc.ts";
import { t } from "../lib/i18n/mod.ts";

/** `spawn`: start a program, its output captured and its input writable. */
export const spawnCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, { i: "value" });
    arity(rest, 1, 64, this.usage);
    const path = rest[0]!.text;
    let args = rest.slice(1).map((w) => w.text);
    const state = checkState(ctx.shell);
    if (state?.program && path === state.program.path) {
      const port = ctx.scope.vars.get("port");
      args = programArgs(
        state.program.args,
        args,
        port ? new TextDecoder().decode(port) : undefined,
        state.program.fixedPort,
      );
    }
    const argv = [path, ...args].map(quoteText).join(", ");
    return await call(
      ctx,
      `execvp(${quoteText(path)}, [${argv}])`,
      async () => {
        const p = await spawnProcess(path, args);
        remember(ctx.shell, p);
        state?.procs.push(p);
        if (typeof opts.i === "string") {
          const w = ctx.args.find((w) => w.text === opts.i);
          await p.write(w?.bytes ?? new TextEncoder().encode(opts.i));
        }
        return {
          ret: String(p.pid),
          annotation: t("spawn.started", { pid: p.pid }),
          value: { "": p.pid, pid: p.pid },
        };
      },
    );
  },
};
