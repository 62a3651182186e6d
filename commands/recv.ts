import type { CommandImpl } from "../lib/shell/command.ts";
import { receive } from "../lib/shell/receive.ts";

/** `recv`: read what has arrived, up to N bytes. */
export const recvCommand: CommandImpl = {
  run(ctx) {
    return receive(ctx, this.usage, false);
  },
};
