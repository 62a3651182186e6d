import {
  arity,
  call,
  type CommandImpl,
  fdText,
  targetSock,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import type { SockOpt } from "../lib/net.ts";
import {
  checkLevel,
  optionInfo,
  optText,
  parseOption,
  setOption,
  takeLevel,
} from "../lib/shell/sockopt.ts";
import { t } from "../lib/i18n/mod.ts";

/** `setsockopt`: set a socket option, applied now or when the runtime opens the socket. */
export const setsockoptCommand: CommandImpl = {
  async run(ctx) {
    // C's order, level first (setsockopt SOL_SOCKET SO_REUSEADDR 1), or the option alone.
    const { level: typedLevel, rest } = takeLevel(ctx.args);
    arity(rest, 1, 3, this.usage);
    const words = rest.map((w) => w.text);
    let opt: SockOpt | undefined;
    let level = typedLevel ?? "?";
    const shownName = words[0]!.toUpperCase();
    const fd = fdText(ctx);
    return await call(
      ctx,
      () =>
        `setsockopt(${fd}, ${level}, ${shownName}, ${
          opt ? optText(opt) : words.slice(1).join(" ")
        })`,
      async () => {
        const s = targetSock(ctx);
        const [name, info] = optionInfo(words[0]!);
        checkLevel(name, info, typedLevel);
        level = info.level;
        try {
          opt = parseOption(name, info, words.slice(1)); // shown as strace would show it
        } catch {
          // Reported below, after the checks Linux makes first.
        }
        if (info.kind === "readonly") {
          throw new SocketError(
            "ENOPROTOOPT",
            t("setsockopt.readOnly", { name }),
          );
        }
        const misfit = info.misfit?.(s);
        if (misfit) {
          throw new SocketError(
            misfit[0],
            t("setsockopt.misfit", {
              name,
              kind: s.proto + (s.family === 6 ? "6" : ""),
            }),
          );
        }
        const parsed = parseOption(name, info, words.slice(1));
        opt = parsed;
        const notes = await setOption(ctx, s, parsed);
        return { ret: "0", notes };
      },
    );
  },
};
