import { quoteText } from "../lib/shell/format.ts";
import {
  arity,
  call,
  type CommandImpl,
  parseOptions,
} from "../lib/shell/command.ts";
import { SocketError } from "../lib/net/errno.ts";
import { t } from "../lib/i18n/mod.ts";

/** `gethostbyname`: resolve a name as the handout's clients do. */
export const gethostbynameCommand: CommandImpl = {
  async run(ctx) {
    const { opts, rest } = parseOptions(ctx.args, {
      "6": "flag",
      "4": "flag",
    }, true);
    arity(rest, 1, 1, this.usage);
    const name = rest[0]!.text;
    const family = opts["6"] ? 6 : 4;
    return await call(
      ctx,
      `gethostbyname(${quoteText(name)})`,
      async () => {
        const all = await ctx.shell.net.lookup(name, family);
        if (!all.length) {
          throw new SocketError(
            "EAI_NODATA",
            t("gethostbyname.none", { name: quoteText(name), family }),
          );
        }
        return {
          ret: all[0]!,
          annotation: all.length > 1
            ? `h_addr_list: ${all.join(", ")}`
            : undefined,
          value: { "": all[0]!, all: all.join(" ") },
        };
      },
      "NULL",
    );
  },
};
