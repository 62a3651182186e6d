import { quoteText } from "../lib/shell/format.ts";
import {
  arity,
  call,
  type CommandImpl,
  targetFd,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import { fileStaysNote } from "../lib/shell/unix.ts";
import { t } from "../lib/i18n/mod.ts";

/** `close`: release a descriptor. */
export const closeCommand: CommandImpl = {
  async run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const fd = ctx.args[0] ? Number(ctx.args[0].text) : targetFd(ctx);
    if (ctx.args[0] && !/^\d+$/.test(ctx.args[0].text)) {
      return await call(ctx, `close(${ctx.args[0].text})`, () => {
        throw new SocketError(
          "EBADF",
          t("close.notNumber", { text: quoteText(ctx.args[0]!.text) }),
        );
      });
    }
    return await call(ctx, `close(${fd ?? "?"})`, () => {
      if (fd === null) {
        throw new SocketError(
          "EBADF",
          t("close.noCurrent"),
        );
      }
      const s = ctx.shell.table.get(fd);
      const notes: string[] = [];
      if (s.unread > 0) {
        notes.push(t("close.unread", { n: s.unread }));
      }
      if (s.waiting > 0) {
        notes.push(
          t("close.waiting", { n: s.waiting }),
        );
      }
      const stays = s.family === "unix" ? fileStaysNote(s) : undefined;
      if (stays) notes.push(stays);
      if (s.flushing) {
        notes.push(
          t("close.flushing"),
        );
      }
      ctx.shell.table.close(fd);
      if (ctx.scope.current === fd) ctx.scope.current = undefined;
      return Promise.resolve({ ret: "0", notes });
    });
  },
};
