import {
  arity,
  call,
  type CommandImpl,
  parseOptions,
} from "../lib/shell/command.ts";
import { SocketError, toSocketError } from "../lib/net/errno.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { quoteText } from "../lib/shell/format.ts";
import { familyOf } from "../lib/net.ts";
import { parseServices, SERVICES_FILE } from "../lib/net/services.ts";
import { t } from "../lib/i18n/mod.ts";

/** glibc's return values for the EAI_ codes this command can give. */
export const EAI_CODE: Readonly<Record<string, number>> = {
  EAI_BADFLAGS: -1,
  EAI_NONAME: -2,
  EAI_AGAIN: -3,
  EAI_FAIL: -4,
  EAI_NODATA: -5,
  EAI_FAMILY: -6,
  EAI_SOCKTYPE: -7,
  EAI_SERVICE: -8,
  EAI_ADDRFAMILY: -9,
};

/** getaddrinfo's hints, as the options set them. */
export interface Hints {
  /** AF_UNSPEC (0), AF_INET (4) or AF_INET6 (6). */
  family: 0 | 4 | 6;
  /** SOCK_STREAM, SOCK_DGRAM, or 0 for every type. */
  socktype: "stream" | "dgram" | 0;
  /** AI_PASSIVE: a NULL name gives the wildcard addresses, for bind. */
  passive: boolean;
}

/** One result of getaddrinfo: one struct addrinfo. */
export interface AddrInfo {
  /** AF_INET or AF_INET6. */
  family: "AF_INET" | "AF_INET6";
  /** ai_socktype. */
  socktype: "SOCK_STREAM" | "SOCK_DGRAM" | "SOCK_RAW";
  /** ai_protocol. */
  protocol: "IPPROTO_TCP" | "IPPROTO_UDP" | "0";
  /** The numeric address. */
  address: string;
  /** The port, in host order. */
  port: number;
}

const TYPES = [
  { socktype: "SOCK_STREAM", protocol: "IPPROTO_TCP", proto: "tcp" },
  { socktype: "SOCK_DGRAM", protocol: "IPPROTO_UDP", proto: "udp" },
  { socktype: "SOCK_RAW", protocol: "0", proto: undefined },
] as const;

/** Parse `getaddrinfo`'s words: options, then NAME and SERVICE (`-` is a NULL name). */
export function parseArgs(
  words: { text: string; quoted?: boolean }[],
  usage: string,
): { hints: Hints; name: string | null; service: string | null } {
  const { opts, rest } = parseOptions(
    words as Parameters<typeof parseOptions>[0],
    { "4": "flag", "6": "flag", s: "value", P: "flag" },
    true,
  );
  arity(rest, 0, 2, usage);
  if (opts["4"] && opts["6"]) {
    throw new UsageError(t("getaddrinfo.family"));
  }
  const s = opts.s;
  if (s !== undefined && s !== "stream" && s !== "dgram") {
    throw new UsageError(
      t("getaddrinfo.socktype", { text: quoteText(String(s)) }),
    );
  }
  const hints: Hints = {
    family: opts["4"] ? 4 : opts["6"] ? 6 : 0,
    socktype: s ?? 0,
    passive: Boolean(opts.P),
  };
  let name: string | null = rest[0]?.text ?? null;
  let service: string | null = rest[1]?.text ?? null;
  // A passive lookup is most often getaddrinfo(NULL, PORT, ...): one word is then the service.
  if (hints.passive && rest.length === 1) {
    service = name;
    name = null;
  }
  if (name === "-") name = null;
  return { hints, name, service };
}

/** The hints as strace shows the struct: `{ai_flags=AI_PASSIVE, ai_family=AF_INET, ai_socktype=SOCK_STREAM}`. */
export function fmtHints(h: Hints): string {
  const parts: string[] = [];
  if (h.passive) parts.push("ai_flags=AI_PASSIVE");
  parts.push(
    `ai_family=${
      h.family === 0 ? "AF_UNSPEC" : h.family === 4 ? "AF_INET" : "AF_INET6"
    }`,
  );
  if (h.socktype) {
    parts.push(
      `ai_socktype=${h.socktype === "stream" ? "SOCK_STREAM" : "SOCK_DGRAM"}`,
    );
  }
  return `{${parts.join(", ")}}`;
}

/** A result as one line, the way the C peer tests/peers/gai.c prints it. */
export function fmtAddrInfo(a: AddrInfo): string {
  return `${a.family} ${a.socktype} ${a.protocol} ${a.address} ${a.port}`;
}

/** `getaddrinfo`: every address of a name and service, in the C library's order. */
export const getaddrinfoCommand: CommandImpl = {
  async run(ctx) {
    const { hints, name, service } = parseArgs(ctx.args, this.usage);
    const text = `getaddrinfo(${name === null ? "NULL" : quoteText(name)}, ${
      service === null ? "NULL" : quoteText(service)
    }, ${fmtHints(hints)}, &res)`;
    return await call(
      ctx,
      text,
      async () => {
        const notes: string[] = [];
        const { port, types } = await resolveService(
          ctx.shell.files.readTextFile,
          service,
          hints,
          notes,
        );
        const addresses = await resolveName(ctx, name, service, hints);
        const results: AddrInfo[] = [];
        for (const address of addresses) {
          for (const t of types) {
            results.push({
              family: address.includes(":") ? "AF_INET6" : "AF_INET",
              socktype: t.socktype,
              protocol: t.protocol,
              address,
              port,
            });
          }
        }
        const value: Record<string, string | number> = {
          "": results[0]!.address,
          n: results.length,
          all: results.map((r) => r.address).join(" "),
          port,
        };
        results.forEach((r, i) => value[String(i + 1)] = r.address);
        return {
          ret: "0",
          annotation: t("getaddrinfo.results", { n: results.length }),
          notes,
          extra: results.map((r) => "  " + fmtAddrInfo(r)).join("\n"),
          value,
        };
      },
      (errno) => String(EAI_CODE[errno] ?? -1),
    );
  },
};

/** The service's port and the socket types it comes with; EAI_SERVICE when it has none. */
async function resolveService(
  read: (path: string) => Promise<string>,
  service: string | null,
  hints: Hints,
  notes: string[],
): Promise<{ port: number; types: (typeof TYPES)[number][] }> {
  const wanted = TYPES.filter((t) =>
    hints.socktype === 0 ||
    t.socktype === (hints.socktype === "stream" ? "SOCK_STREAM" : "SOCK_DGRAM")
  );
  if (service === null) return { port: 0, types: wanted };
  if (/^\d+$/.test(service)) {
    // glibc reads the number with strtoul and keeps the low 16 bits (htons).
    const port = Number(service) % 65536;
    if (Number(service) > 65535) {
      notes.push(
        t("getaddrinfo.wrapped", { service, port }),
      );
    }
    return { port, types: wanted };
  }
  let text: string;
  try {
    text = await read(SERVICES_FILE);
  } catch (e) {
    throw new SocketError(
      "EAI_SERVICE",
      t("getaddrinfo.noServices", {
        file: SERVICES_FILE,
        errno: toSocketError(e).errno,
      }),
    );
  }
  const services = parseServices(text);
  let port: number | undefined;
  const types = wanted.filter((t) => {
    if (!t.proto) return false; // A named service has no raw socket.
    const p = services.port(service, t.proto);
    port ??= p;
    return p !== undefined;
  });
  if (port === undefined || types.length === 0) {
    throw new SocketError(
      "EAI_SERVICE",
      t("getaddrinfo.unknownService", {
        service: quoteText(service),
        file: SERVICES_FILE,
        proto: hints.socktype === "stream"
          ? "tcp"
          : hints.socktype
          ? "udp"
          : "any",
      }),
    );
  }
  return { port, types };
}

/** The addresses of the name, in the C library's order. */
async function resolveName(
  ctx: {
    shell: { net: { getaddrinfo(n: string, f: 0 | 4 | 6): Promise<string[]> } };
  },
  name: string | null,
  service: string | null,
  hints: Hints,
): Promise<string[]> {
  const keep = (all: string[]) =>
    all.filter((a) =>
      hints.family === 0 || (hints.family === 6) === a.includes(":")
    );
  if (name === null) {
    if (service === null) {
      throw new SocketError(
        "EAI_NONAME",
        t("getaddrinfo.neither"),
      );
    }
    // glibc's answers for a NULL name: the wildcards to bind, else loopback (::1 sorted first).
    return keep(hints.passive ? ["0.0.0.0", "::"] : ["::1", "127.0.0.1"]);
  }
  const literal = familyOf(name);
  if (literal !== undefined) {
    if (hints.family !== 0 && literal !== hints.family) {
      throw new SocketError(
        "EAI_ADDRFAMILY",
        t("getaddrinfo.wrongFamily", {
          name,
          literal,
          family: hints.family,
        }),
      );
    }
    return [name];
  }
  const found = keep(await ctx.shell.net.getaddrinfo(name, hints.family));
  if (found.length === 0) {
    throw new SocketError(
      "EAI_NONAME",
      t("gethostbyname.none", { name, family: hints.family || "" }),
    );
  }
  return found;
}
