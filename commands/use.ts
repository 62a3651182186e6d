import { arity, type CommandImpl, parseInteger } from "../lib/shell/command.ts";
import { strerror } from "../lib/net/errno.ts";
import { errorLine } from "../lib/shell/format.ts";
import { t } from "../lib/i18n/mod.ts";

/** `use`: pick the current descriptor. */
export const useCommand: CommandImpl = {
  run(ctx) {
    const words = ctx.fd === undefined ? 1 : 0;
    arity(ctx.args, words, words, this.usage);
    const fd = ctx.fd ?? parseInteger(
      ctx.args[0]!.text.replace(/^@/, ""),
      "descriptor",
      0,
      1 << 20,
    );
    if (!ctx.shell.table.has(fd)) {
      const open = ctx.shell.table.list().map((s) => s.fd);
      errorLine(
        ctx.io,
        `use: EBADF (${strerror("EBADF")}): ${
          open.length
            ? t("use.noSocket", { fd, open: open.join(", ") })
            : t("use.noneOpen", { fd })
        }`,
      );
      return { code: 1 };
    }
    ctx.scope.current = fd;
    return { code: 0, value: { "": fd } };
  },
};
