import {
  arity,
  call,
  type CommandImpl,
  parseOptions,
  parsePort,
} from "../lib/shell/command.ts";
import { toSocketError } from "../lib/net/errno.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { fmtAddr, quoteText } from "../lib/shell/format.ts";
import { familyOf } from "../lib/net.ts";
import { parseServices, SERVICES_FILE } from "../lib/net/services.ts";
import { EAI_CODE } from "./getaddrinfo.ts";
import { t } from "../lib/i18n/mod.ts";

/** `getnameinfo`: the reverse of getaddrinfo, an address and port to a host and service name. */
export const getnameinfoCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(
      ctx.args,
      { d: "flag", n: "flag" },
      true,
    );
    arity(rest, 1, 2, this.usage);
    const address = rest[0]!.text;
    const family = familyOf(address);
    if (family === undefined) {
      throw new UsageError(
        t("getnameinfo.notNumeric", { text: quoteText(address) }),
      );
    }
    const port = rest[1] ? parsePort(rest[1].text) : 0;
    const flags = [
      ...(opts.n ? ["NI_NUMERICHOST", "NI_NUMERICSERV"] : []),
      ...(opts.d ? ["NI_DGRAM"] : []),
    ];
    const sa = fmtAddr({ host: address, port });
    return await call(
      ctx,
      `getnameinfo(${sa}, host, serv, ${flags.join("|") || "0"})`,
      async () => {
        const notes: string[] = [];
        let host = address;
        if (!opts.n) {
          const name = await ctx.shell.net.getnameinfo(address);
          if (name !== undefined) host = name;
          else {
            notes.push(
              t("getnameinfo.noName", { address }),
            );
          }
        }
        let serv = String(port);
        if (!opts.n) {
          try {
            const services = parseServices(
              await ctx.shell.files.readTextFile(SERVICES_FILE),
            );
            serv = services.name(port, opts.d ? "udp" : "tcp") ?? serv;
          } catch (e) {
            notes.push(
              t("getnameinfo.noServices", {
                file: SERVICES_FILE,
                errno: toSocketError(e).errno,
              }),
            );
          }
        }
        return {
          ret: "0",
          annotation: `host ${quoteText(host)}, serv ${quoteText(serv)}`,
          notes,
          value: { "": host, host, serv },
        };
      },
      (errno) => String(EAI_CODE[errno] ?? -1),
    );
  },
};
