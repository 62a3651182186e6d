import {
  anyAddr,
  arity,
  call,
  type CallOk,
  type CommandImpl,
  fdText,
  targetSock,
} from "../lib/shell/command.ts";
import { fmtSockaddr } from "../lib/shell/format.ts";
import { type Addr, isUnix } from "../lib/net.ts";

/** `getsockname`: the socket's own address. */
export const getsocknameCommand: CommandImpl = {
  async run(ctx) {
    arity(ctx.args, 0, 0, this.usage);
    let a: Addr | undefined;
    const fd = fdText(ctx);
    return await call(
      ctx,
      () => `getsockname(${fd}, ${a ? fmtSockaddr(a) : "?"})`,
      () => {
        const s = targetSock(ctx);
        a = s.local ??
          (s.family === "unix"
            ? { path: "" }
            : { host: anyAddr(s.family), port: 0 });
        return Promise.resolve(named(a));
      },
    );
  },
};

/** The result of getsockname and getpeername: 0, with the address to capture. */
export function named(a: Addr): CallOk {
  if (isUnix(a)) return { ret: "0", value: { "": a.path, path: a.path } };
  return {
    ret: "0",
    value: { "": `${a.host}:${a.port}`, host: a.host, port: a.port },
  };
}
