import {
  arity,
  call,
  type CommandImpl,
  fdText,
  targetSock,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import {
  checkLevel,
  getOption,
  optionInfo,
  takeLevel,
} from "../lib/shell/sockopt.ts";
import { t } from "../lib/i18n/mod.ts";

/** `getsockopt`: read a socket option. */
export const getsockoptCommand: CommandImpl = {
  async run(ctx) {
    // C's order, level first (getsockopt SOL_SOCKET SO_ERROR), or the option alone.
    const { level: typedLevel, rest } = takeLevel(ctx.args);
    arity(rest, 1, 1, this.usage);
    const typed = rest[0]!.text.toUpperCase();
    let level = typedLevel ?? "?";
    let shown = "?";
    const fd = fdText(ctx);
    return await call(
      ctx,
      () => `getsockopt(${fd}, ${level}, ${typed}, ${shown})`,
      () => {
        const s = targetSock(ctx);
        const [name, info] = optionInfo(typed);
        checkLevel(name, info, typedLevel);
        level = info.level;
        const misfit = info.misfit?.(s);
        if (misfit) {
          throw new SocketError(
            misfit[1],
            t("setsockopt.misfit", {
              name,
              kind: s.proto + (s.family === 6 ? "6" : ""),
            }),
          );
        }
        const got = getOption(ctx, s, name, info);
        shown = got.text;
        return Promise.resolve({
          ret: "0",
          annotation: got.meaning,
          notes: got.notes,
          value: {
            "": got.value,
            ...(got.meaning ? { name: got.meaning } : {}),
          },
        });
      },
    );
  },
};
