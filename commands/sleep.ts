import { arity, type CommandImpl, parseTimeout } from "../lib/shell/command.ts";
import { EXIT } from "../lib/shell/errors.ts";
import { strerror } from "../lib/net/errno.ts";
import { after } from "../lib/shell/timer.ts";

/** `sleep`: pause, as a C program's sleep between two sends. */
export const sleepCommand: CommandImpl = {
  async run(ctx) {
    arity(ctx.args, 1, 1, this.usage);
    const ms = parseTimeout(ctx.args[0]!.text)!;
    const aborted = await new Promise<boolean>((resolve) => {
      const onAbort = () => {
        cancel();
        resolve(true);
      };
      const cancel = after(ms, () => {
        ctx.signal.removeEventListener("abort", onAbort);
        resolve(false);
      });
      if (ctx.signal.aborted) onAbort();
      else ctx.signal.addEventListener("abort", onAbort, { once: true });
    });
    if (aborted) {
      ctx.io.err(`sleep: EINTR (${strerror("EINTR")})\n`);
      return { code: EXIT.aborted };
    }
    return { code: 0 };
  },
};
