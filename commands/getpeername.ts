import {
  arity,
  call,
  type CommandImpl,
  fdText,
  targetSock,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import { fmtSockaddr } from "../lib/shell/format.ts";
import type { Addr } from "../lib/net.ts";
import { named } from "./getsockname.ts";
import { t } from "../lib/i18n/mod.ts";

/** `getpeername`: the address of the connected peer. */
export const getpeernameCommand: CommandImpl = {
  async run(ctx) {
    arity(ctx.args, 0, 0, this.usage);
    let a: Addr | undefined;
    const fd = fdText(ctx);
    return await call(
      ctx,
      () => `getpeername(${fd}, ${a ? fmtSockaddr(a) : "?"})`,
      () => {
        const s = targetSock(ctx);
        a = s.reset ? undefined : s.remote;
        if (!a) {
          throw new SocketError(
            "ENOTCONN",
            t("getpeername.none", {
              fd: s.fd,
              state: s.reset ? "reset" : s.listener ? "listening" : "none",
            }),
          );
        }
        return Promise.resolve(named(a));
      },
    );
  },
};
