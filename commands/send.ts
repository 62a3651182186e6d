import {
  call,
  type CommandResult,
  type CommandSpec,
  type Context,
  fdText,
  parseInteger,
  parseOptions,
  parseTimeout,
  targetSock,
} from "../lib/command.ts";
import { SocketError } from "../lib/errno.ts";
import { PREVIEW_MAX, showBytes } from "../lib/format.ts";
import { payload } from "../lib/payload.ts";

/** `send`: write bytes on a connected socket. */
export const sendCommand: CommandSpec = {
  name: "send",
  aliases: ["write"],
  usage: "send [@fd] [-r count] [-n len] [-c size [-d seconds]] <text...>",
  summary:
    "Send bytes on a connected socket, exactly as written (no newline added)",
  c: "int send(int socket, char *buffer, int len, int flags);",
  deno: "Conn.write(bytes) (UDP: DatagramConn.send to the connected peer)",
  example: 'send "hello\\n"',
  takesFd: true,
  details: [
    "Words are joined by one space; quote to keep spaces, escape with \\n \\r \\t \\\\ \\xHH.",
    "-n LEN sends only the first LEN bytes, as C's len argument. -r COUNT repeats the text. TCP sends all bytes (a blocking send); a stream keeps no boundaries,",
    "so the peer's recv may get them in other pieces. MSG_OOB has no Deno equivalent.",
    "-c SIZE sends in SIZE-byte send() calls, -d SECONDS apart (with a pause, each leaves as a",
    "segment of its own): what a slow or distant client does to a server that reads once.",
  ],
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, {
      r: "value",
      o: "flag",
      n: "value",
      c: "value",
      d: "value",
    });
    const text = payload(rest, opts.r);
    // -n LEN is C's len argument: only the first LEN bytes of the text go out.
    const data = opts.n === undefined ? text : text.subarray(
      0,
      parseInteger(String(opts.n), "length", 0, text.length),
    );
    if (opts.c !== undefined) {
      const size = parseInteger(String(opts.c), "segment size", 1, 65536);
      const pause = parseTimeout(opts.d) ?? 0;
      let r = { code: 0 } as Awaited<ReturnType<typeof sendOnce>>;
      for (let off = 0; off < data.length; off += size) {
        if (off > 0 && pause > 0) {
          const stopped = await new Promise<boolean>((resolve) => {
            const onAbort = () => {
              clearTimeout(timer);
              resolve(true);
            };
            const timer = setTimeout(() => {
              ctx.signal.removeEventListener("abort", onAbort);
              resolve(false);
            }, pause);
            ctx.signal.addEventListener("abort", onAbort, { once: true });
          });
          if (stopped) {
            ctx.io.err(`${this.name}: EINTR (Interrupted system call)\n`);
            return { code: 124 };
          }
        }
        r = await sendOnce(
          ctx,
          this.name,
          data.subarray(off, off + size),
          opts.o === true,
        );
        if (r.code !== 0) return r;
      }
      return { code: r.code, value: { "": data.length } };
    }
    return await sendOnce(ctx, this.name, data, opts.o === true);
  },
};

/** One send() call of `data`. */
function sendOnce(
  ctx: Context,
  name: string,
  data: Uint8Array,
  oob: boolean,
): Promise<CommandResult> {
  const flags = oob ? "MSG_OOB" : "0";
  return call(
    ctx,
    `${name}(${fdText(ctx)}, ${
      showBytes(data, PREVIEW_MAX)
    }, ${data.length}, ${flags})`,
    async () => {
      const s = targetSock(ctx);
      if (oob) {
        throw new SocketError(
          "EOPNOTSUPP",
          "MSG_OOB (urgent data) has no Deno equivalent",
        );
      }
      if (s.proto === "udp") {
        if (!s.peer || !s.dgram) {
          throw new SocketError(
            "EDESTADDRREQ",
            "UDP socket not connected: use sendto, or connect first",
          );
        }
        const n = await s.dgram.send(data, s.peer);
        return { ret: String(n), value: { "": n } };
      }
      const n = await s.writeStream(data);
      return { ret: String(n), value: { "": n } };
    },
  );
}
