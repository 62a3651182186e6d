import { quoteText } from "../lib/shell/format.ts";
import {
  arity,
  call,
  type CommandImpl,
  fdText,
  targetSock,
} from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { t } from "../lib/i18n/mod.ts";

/** Linux's O_RDWR: what F_GETFL shows for every socket. */
const O_RDWR = 0o2;
/** Linux's O_NONBLOCK. */
const O_NONBLOCK = 0o4000;

/** `fcntl`: read or set a socket's file status flags (O_NONBLOCK). */
export const fcntlCommand: CommandImpl = {
  async run(ctx) {
    const words = ctx.args.map((w) => w.text);
    const cmd = words[0];
    if (cmd === "F_GETFL") {
      arity(ctx.args, 1, 1, this.usage);
      return await call(ctx, `fcntl(${fdText(ctx)}, F_GETFL)`, () => {
        const s = targetSock(ctx);
        const flags = O_RDWR | (s.nonblocking ? O_NONBLOCK : 0);
        const names = s.nonblocking ? "O_RDWR|O_NONBLOCK" : "O_RDWR";
        return Promise.resolve({
          ret: `0x${flags.toString(16)} (flags ${names})`,
          value: { "": flags, flags: names },
        });
      });
    }
    if (cmd === "F_SETFL") {
      arity(ctx.args, 2, 2, this.usage);
      const arg = words[1]!;
      const parts = arg.split("|");
      if (
        arg !== "0" && !parts.every((p) => p === "O_NONBLOCK" || p === "O_RDWR")
      ) {
        throw new UsageError(
          t("fcntl.badFlags", { text: quoteText(arg) }),
        );
      }
      const on = parts.includes("O_NONBLOCK");
      return await call(ctx, `fcntl(${fdText(ctx)}, F_SETFL, ${arg})`, () => {
        targetSock(ctx).nonblocking = on;
        return Promise.resolve({ ret: "0" });
      });
    }
    throw new UsageError(
      cmd === undefined
        ? t("fcntl.missing", { usage: this.usage })
        : t("fcntl.unknown", { cmd: quoteText(cmd), usage: this.usage }),
    );
  },
};
