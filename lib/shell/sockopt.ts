/**
 * Socket options: the names setsockopt and getsockopt know, the levels strace
 * shows them at, the errors Linux gives for the wrong socket, and the rules
 * for when the runtime can apply one (now, or when it opens the socket).
 *
 * @module
 */

import type { Context } from "./command.ts";
import { errnoNumber, SocketError } from "../net/errno.ts";
import type { Sock } from "./fdtable.ts";
import { quoteText } from "./format.ts";
import type { OptName, SockOpt } from "../net.ts";
import { UsageError } from "./errors.ts";
import { own } from "./registry.ts";
import { t } from "../i18n/mod.ts";

/** One option as the shell knows it. */
interface OptInfo {
  /** The level strace names (`SOL_SOCKET`, `SOL_TCP`, `SOL_IP`, `SOL_IPV6`). */
  level: string;
  /** The value's shape. */
  kind: "int" | "linger" | "mreq" | "readonly";
  /** Linux's start value, where one applies. */
  initial?: number;
  /** Smallest and largest value setsockopt takes (EINVAL outside). */
  range?: [number, number];
  /** The errno Linux gives on a socket it does not fit: [on setsockopt, on getsockopt]. */
  misfit?(s: Sock): [string, string] | undefined;
}

const tcpOnly = (s: Sock): [string, string] | undefined =>
  s.proto === "tcp" ? undefined : ["ENOPROTOOPT", "EOPNOTSUPP"];
const v6Only = (s: Sock): [string, string] | undefined =>
  s.family === 6 ? undefined : ["ENOPROTOOPT", "EOPNOTSUPP"];

/** Every option, by name, in the order help lists them. */
export const OPTIONS: Readonly<Record<string, OptInfo>> = {
  SO_REUSEADDR: { level: "SOL_SOCKET", kind: "int", initial: 0 },
  SO_REUSEPORT: { level: "SOL_SOCKET", kind: "int", initial: 0 },
  SO_BROADCAST: { level: "SOL_SOCKET", kind: "int", initial: 0 },
  SO_KEEPALIVE: { level: "SOL_SOCKET", kind: "int", initial: 0 },
  SO_LINGER: { level: "SOL_SOCKET", kind: "linger" },
  SO_RCVBUF: { level: "SOL_SOCKET", kind: "int", range: [0, 2 ** 31 - 1] },
  SO_SNDBUF: { level: "SOL_SOCKET", kind: "int", range: [0, 2 ** 31 - 1] },
  SO_TYPE: { level: "SOL_SOCKET", kind: "readonly" },
  SO_ERROR: { level: "SOL_SOCKET", kind: "readonly" },
  SO_ACCEPTCONN: { level: "SOL_SOCKET", kind: "readonly" },
  TCP_NODELAY: { level: "SOL_TCP", kind: "int", initial: 0, misfit: tcpOnly },
  IP_TTL: { level: "SOL_IP", kind: "int", initial: 64, range: [1, 255] },
  IP_MULTICAST_TTL: {
    level: "SOL_IP",
    kind: "int",
    initial: 1,
    range: [0, 255],
    misfit: (s) => s.proto === "udp" ? undefined : ["EINVAL", "EINVAL"],
  },
  IP_MULTICAST_LOOP: { level: "SOL_IP", kind: "int", initial: 1 },
  IP_ADD_MEMBERSHIP: {
    level: "SOL_IP",
    kind: "mreq",
    misfit: (s) => s.proto === "udp" ? undefined : ["EPROTO", "ENOPROTOOPT"],
  },
  IP_DROP_MEMBERSHIP: {
    level: "SOL_IP",
    kind: "mreq",
    misfit: (s) => s.proto === "udp" ? undefined : ["EPROTO", "ENOPROTOOPT"],
  },
  IPV6_V6ONLY: { level: "SOL_IPV6", kind: "int", initial: 0, misfit: v6Only },
};

/** The option named `text` (any case), or ENOPROTOOPT with the list of names. */
/** C's level names for setsockopt and getsockopt, as strace names each level. */
const LEVELS: Readonly<Record<string, string>> = {
  SOL_SOCKET: "SOL_SOCKET",
  IPPROTO_TCP: "SOL_TCP",
  SOL_TCP: "SOL_TCP",
  IPPROTO_IP: "SOL_IP",
  SOL_IP: "SOL_IP",
  IPPROTO_IPV6: "SOL_IPV6",
  SOL_IPV6: "SOL_IPV6",
};

/**
 * The words of `setsockopt`/`getsockopt` with C's level in front taken off
 * (`setsockopt SOL_SOCKET SO_REUSEADDR 1`, as C writes the call): the level
 * typed, as strace names it, or undefined when none was.
 */
export function takeLevel<W extends { text: string }>(
  words: W[],
): { level?: string; rest: W[] } {
  const level = words.length > 1
    ? own(LEVELS, words[0]!.text.toUpperCase())
    : undefined;
  return level ? { level, rest: words.slice(1) } : { rest: words };
}

/**
 * An option at the level typed for it: at another level, C's number names
 * another option, or none; here it is ENOPROTOOPT, saying where it belongs.
 */
export function checkLevel(
  name: string,
  info: OptInfo,
  typed: string | undefined,
): void {
  if (typed !== undefined && typed !== info.level) {
    throw new SocketError(
      "ENOPROTOOPT",
      t("setsockopt.level", { name, level: info.level, typed }),
    );
  }
}

export function optionInfo(text: string): [string, OptInfo] {
  const name = text.toUpperCase();
  const info = OPTIONS[name];
  if (!info) {
    throw new SocketError(
      "ENOPROTOOPT",
      t("setsockopt.unknown", {
        text: quoteText(text),
        known: Object.keys(OPTIONS).join(" "),
      }),
    );
  }
  return [name, info];
}

function int(text: string | undefined, what: string): number {
  if (text === undefined || !/^-?\d+$/.test(text)) {
    throw new UsageError(
      t("setsockopt.notInteger", { what, text: quoteText(text ?? "") }),
    );
  }
  return Number(text);
}

function ipv4(text: string | undefined, what: string): string {
  if (text === undefined || !/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    throw new UsageError(
      t("setsockopt.notIpv4", { what, text: quoteText(text ?? "") }),
    );
  }
  return text;
}

/** setsockopt's value words as the option they set; EINVAL where Linux refuses the value. */
export function parseOption(
  name: string,
  info: OptInfo,
  words: string[],
): SockOpt {
  const want = info.kind === "int" ? 1 : 2;
  const max = info.kind === "mreq" ? 2 : want;
  if (words.length < (info.kind === "mreq" ? 1 : want)) {
    throw new UsageError(
      t("setsockopt.needs", { name, kind: info.kind }),
    );
  }
  if (words.length > max) {
    throw new UsageError(t("setsockopt.tooMany", { name }));
  }
  if (info.kind === "linger") {
    return {
      name: "SO_LINGER",
      onoff: int(words[0], "l_onoff"),
      seconds: int(words[1], "l_linger"),
    };
  }
  if (info.kind === "mreq") {
    const group = ipv4(words[0], "group");
    const first = Number(group.split(".")[0]);
    if (first < 224 || first > 239) {
      throw new SocketError(
        "EINVAL",
        t("setsockopt.notGroup", { group }),
      );
    }
    return {
      name: name as "IP_ADD_MEMBERSHIP" | "IP_DROP_MEMBERSHIP",
      group,
      iface: words[1] === undefined ? "0.0.0.0" : ipv4(words[1], "interface"),
    };
  }
  const value = int(words[0], name);
  const [lo, hi] = info.range ?? [-(2 ** 31), 2 ** 31 - 1];
  if (value < lo || value > hi) {
    throw new SocketError(
      "EINVAL",
      t("setsockopt.range", { name, lo, hi }),
    );
  }
  return { name: name as "IP_TTL", value };
}

/** The value as strace shows it, with its length: `[1], 4`. */
export function optText(opt: SockOpt): string {
  if (opt.name === "SO_LINGER") {
    return `{l_onoff=${opt.onoff}, l_linger=${opt.seconds}}, 8`;
  }
  if ("group" in opt) {
    return `{imr_multiaddr=inet_addr("${opt.group}"), imr_interface=inet_addr("${opt.iface}")}, 8`;
  }
  return `[${opt.value}], 4`;
}

/** The key an option is recorded under on its socket: a group joined is one per group. */
function key(opt: SockOpt): string {
  return "group" in opt ? `IP_ADD_MEMBERSHIP ${opt.group}` : opt.name;
}

/** Options the runtime takes only when it opens the socket. */
const AT_OPEN = new Set<string>(["SO_REUSEADDR", "SO_REUSEPORT"]);

/**
 * setsockopt(): apply `opt` now if the socket is open and the runtime can,
 * else record it for when it opens; the notes say which.
 */
export async function setOption(
  ctx: Context,
  s: Sock,
  opt: SockOpt,
): Promise<string[]> {
  const notes: string[] = [];
  const gap = ctx.shell.net.optionGap(opt, s.proto);
  if (gap) throw new SocketError("EOPNOTSUPP", `${opt.name}: ${gap}`);
  if (opt.name === "SO_LINGER" && opt.onoff !== 0 && opt.seconds !== 0) {
    throw new SocketError(
      "EOPNOTSUPP",
      t("setsockopt.linger"),
    );
  }
  if (opt.name === "IP_ADD_MEMBERSHIP" && s.opts.has(key(opt))) {
    throw new SocketError(
      "EADDRINUSE",
      t("setsockopt.member", { group: opt.group }),
    );
  }
  if (opt.name === "IP_DROP_MEMBERSHIP" && !s.opts.has(key(opt))) {
    throw new SocketError(
      "EADDRNOTAVAIL",
      t("setsockopt.notMember", { group: opt.group }),
    );
  }
  if (opt.name === "IP_ADD_MEMBERSHIP" && s.family === 6) {
    throw new SocketError(
      "EOPNOTSUPP",
      t("setsockopt.v4Only"),
    );
  }
  if (opt.name === "IPV6_V6ONLY" && s.local) {
    throw new SocketError("EINVAL", t("setsockopt.v6OnlyLate"));
  }
  const open = s.proto === "tcp" ? s.conn ?? s.listener : s.dgram;
  if (
    open && AT_OPEN.has(opt.name) &&
    !(s.proto === "tcp" && opt.name === "SO_REUSEADDR")
  ) {
    throw new SocketError(
      "EOPNOTSUPP",
      t("setsockopt.atOpen", {
        name: opt.name,
        call: s.proto === "tcp" ? "listen" : "bind",
      }),
    );
  }
  if (s.conn && opt.name !== "SO_REUSEADDR") {
    if (["TCP_NODELAY", "SO_KEEPALIVE", "SO_LINGER"].includes(opt.name)) {
      await s.conn.setOption(opt);
    }
  } else if (s.dgram && !AT_OPEN.has(opt.name)) {
    if (opt.name !== "SO_KEEPALIVE" && opt.name !== "SO_LINGER") {
      await s.dgram.setOption(opt);
    }
  } else if (s.listener) {
    if (["TCP_NODELAY", "SO_KEEPALIVE", "SO_LINGER"].includes(opt.name)) {
      notes.push(t("setsockopt.inherited"));
    }
  } else if (!open) {
    notes.push(
      t("setsockopt.recorded", {
        at: s.proto === "udp"
          ? "bind"
          : ["SO_REUSEPORT", "SO_REUSEADDR", "IPV6_V6ONLY"].includes(opt.name)
          ? "listen"
          : "connect",
      }),
    );
  }
  if (opt.name === "IP_DROP_MEMBERSHIP") {
    s.opts.delete(`IP_ADD_MEMBERSHIP ${opt.group}`);
  } else {
    s.opts.delete(key(opt)); // set again: moves to the end, as applied last
    s.opts.set(key(opt), opt);
  }
  const real = runtimeValue(s, opt.name);
  if ("value" in opt && real !== undefined && real !== opt.value) {
    notes.push(
      opt.name === "SO_RCVBUF" || opt.name === "SO_SNDBUF"
        ? t("setsockopt.doubled", { real })
        : t("setsockopt.runtimeKeeps", {
          runtime: ctx.shell.net.name,
          name: opt.name,
          real,
        }),
    );
  }
  return notes;
}

/** What the runtime set itself on the open socket, where it did. */
function runtimeValue(s: Sock, name: OptName): number | undefined {
  return s.listener?.getOption(name) ?? s.dgram?.getOption(name);
}

/** The last value set for an integer option, or undefined. */
export function recorded(s: Sock, name: OptName): number | undefined {
  const o = s.opts.get(name);
  return o && "value" in o ? o.value : undefined;
}

/** What getsockopt returns: the value, how strace shows it, and what it means. */
export interface GotOption {
  /** The number (SO_LINGER: l_onoff). */
  value: number;
  /** As strace shows it, with the length: `[1], [4]`. */
  text: string;
  /** A readable meaning: `SOCK_STREAM`, `ECONNREFUSED`. */
  meaning?: string;
  /** Where the runtime differs. */
  notes: string[];
}

/** getsockopt(): the option as the kernel holds it, as far as the runtime lets the shell know. */
export function getOption(
  ctx: Context,
  s: Sock,
  name: string,
  info: OptInfo,
): GotOption {
  const int = (value: number, meaning?: string, notes: string[] = []) => ({
    value,
    text: `[${value}], [4]`,
    meaning,
    notes,
  });
  if (info.kind === "mreq") {
    throw new SocketError(
      "ENOPROTOOPT",
      t("getsockopt.setOnly", { name }),
    );
  }
  if (name === "SO_TYPE") {
    return s.proto === "tcp" ? int(1, "SOCK_STREAM") : int(2, "SOCK_DGRAM");
  }
  if (name === "SO_ACCEPTCONN") return int(s.listener ? 1 : 0);
  if (name === "SO_ERROR") {
    const e = s.takeError();
    return e ? int(errnoNumber(e.errno), e.errno) : int(0);
  }
  if (name === "SO_LINGER") {
    const o = s.opts.get(name);
    const [on, secs] = o && "onoff" in o ? [o.onoff, o.seconds] : [0, 0];
    return {
      value: on,
      text: `{l_onoff=${on}, l_linger=${secs}}, [8]`,
      notes: [],
    };
  }
  const n = name as OptName;
  const set = recorded(s, n);
  const real = runtimeValue(s, n);
  if (name === "SO_RCVBUF" || name === "SO_SNDBUF") {
    const gap = ctx.shell.net.optionGap(
      { name: n, value: 0 } as SockOpt,
      s.proto,
    );
    if (gap) throw new SocketError("EOPNOTSUPP", `${name}: ${gap}`);
    if (real !== undefined) return int(real);
    throw new SocketError(
      "EOPNOTSUPP",
      t("getsockopt.unbound", { name }),
    );
  }
  if (real !== undefined && real !== (set ?? info.initial)) {
    return int(real, undefined, [
      set === undefined
        ? t("getsockopt.runtimeSet", {
          runtime: ctx.shell.net.name,
          name,
          real,
          initial: info.initial ?? 0,
        })
        : t("getsockopt.runtimeSetOver", {
          runtime: ctx.shell.net.name,
          name,
          real,
          initial: info.initial ?? 0,
          set,
        }),
    ]);
  }
  return int(set ?? info.initial ?? 0);
}

/** The options set on a socket, compactly, for `ls`: `SO_BROADCAST=1 linger=1,0 group=239.1.2.3`. */
export function optionsShown(s: Sock): string {
  return [...s.opts.values()].map((o) =>
    o.name === "SO_LINGER"
      ? `SO_LINGER=${o.onoff},${o.seconds}`
      : "group" in o
      ? `group=${o.group}`
      : `${o.name}=${o.value}`
  ).join(" ");
}

/** True for an address only a socket with SO_BROADCAST may send to: the limited and loopback broadcasts. */
export function isBroadcast(host: string): boolean {
  return host === "255.255.255.255" || host === "127.255.255.255";
}
