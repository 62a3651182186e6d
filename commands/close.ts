import { quoteText } from "../lib/shell/format.ts";
import {
  arity,
  call,
  type CommandSpec,
  targetFd,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import { fileStaysNote } from "../lib/shell/unix.ts";

/** `close`: release a descriptor. */
export const closeCommand: CommandSpec = {
  name: "close",
  usage: "close [@fd | fd]",
  c: "int close(int socket);",
  deno: "Conn.close() / Listener.close() / DatagramConn.close()",
  example: "close",
  takesFd: true,
  async run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const fd = ctx.args[0] ? Number(ctx.args[0].text) : targetFd(ctx);
    if (ctx.args[0] && !/^\d+$/.test(ctx.args[0].text)) {
      return await call(ctx, `close(${ctx.args[0].text})`, () => {
        throw new SocketError(
          "EBADF",
          `${quoteText(ctx.args[0]!.text)} is not a descriptor number`,
        );
      });
    }
    return await call(ctx, `close(${fd ?? "?"})`, () => {
      if (fd === null) {
        throw new SocketError(
          "EBADF",
          "no current descriptor: name one, as in close 3",
        );
      }
      const s = ctx.shell.table.get(fd);
      const notes: string[] = [];
      if (s.unread > 0) {
        notes.push(`${s.unread} received bytes were never read: discarded`);
      }
      if (s.waiting > 0) {
        notes.push(
          `${s.waiting} pending connections were never accepted: closed`,
        );
      }
      const stays = s.family === "unix" ? fileStaysNote(s) : undefined;
      if (stays) notes.push(stays);
      if (s.flushing) {
        notes.push(
          "the last piece of an interrupted send is still on its way: it goes out before the FIN",
        );
      }
      ctx.shell.table.close(fd);
      if (ctx.scope.current === fd) ctx.scope.current = undefined;
      return Promise.resolve({ ret: "0", notes });
    });
  },
};
