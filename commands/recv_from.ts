import type { CommandImpl } from "../lib/shell/command.ts";
import { receive } from "../lib/shell/receive.ts";

/** `recvfrom`: receive one datagram and learn who sent it. */
export const recvFromCommand: CommandImpl = {
  run(ctx) {
    return receive(ctx, this.usage, true);
  },
};
