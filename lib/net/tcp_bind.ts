/**
 * bind() alone on a TCP address, for runtimes that bind only by listening.
 *
 * Deno and Node open a TCP server socket in one step, bind and listen. To
 * answer at `bind` as C does, the shell once listened and closed at once:
 * for that instant the port took connections, and a client knocking then was
 * accepted and reset where C refuses it. Here the kernel is asked without
 * listening: the address and the port's privilege by a UDP bind of the same
 * address (bind() checks both before the port is looked up, whatever the
 * protocol), and whether a TCP socket listens there from the kernel's socket
 * table (`/proc/net/tcp`, `/proc/net/tcp6`). Only where neither table can be
 * read, or only a wildcard of the other family listens (its IPV6_V6ONLY is
 * not in the table), does the probe still listen for an instant; port 0 too,
 * a port nobody knows until bind returns it.
 *
 * @module
 */

import { SocketError, toSocketError } from "./errno.ts";
import type { NetBackend, OpenOptions, SockAddr } from "../net.ts";
import { familyOf, optValue } from "../net.ts";

/** What the probe needs of a backend: its own listen and UDP bind. */
type Opens = Pick<NetBackend, "listen" | "bindDatagram">;

/** The runtime's read of a text file (Deno's or Node's). */
type ReadText = (path: string) => Promise<string>;

/** A TCP listener in the kernel's table: its local address (4 or 16 bytes) and port. */
export interface TableListener {
  addr: Uint8Array;
  port: number;
}

/**
 * What bind() would say of a TCP address, without taking a connection: the
 * address bound (for port 0, the port the system picked), or the errno it
 * fails with (EADDRINUSE, EACCES, EADDRNOTAVAIL).
 */
export async function probeTcpBind(
  net: Opens,
  readText: ReadText,
  addr: SockAddr,
  options?: OpenOptions,
): Promise<SockAddr> {
  if (addr.port === 0) return await listenAndClose(net, addr, options);
  // First, as bind() checks them first; and a listener's answer for an address not on this
  // machine is EINVAL in Deno's node:net, where the kernel says EADDRNOTAVAIL.
  try {
    (await net.bindDatagram({ host: addr.host, port: addr.port })).close();
  } catch (e) {
    // A UDP socket on the port says nothing of TCP; the address and privilege checks came first.
    if (toSocketError(e).errno !== "EADDRINUSE") throw e;
  }
  // Sockets that share a port with SO_REUSEPORT are not told apart in the table: listen will say.
  if (optValue(options?.opts, "SO_REUSEPORT") === 1) return { ...addr };
  const tables = await socketTables(readText);
  if (!tables) return await listenAndClose(net, addr, options);
  const v6only = optValue(options?.opts, "IPV6_V6ONLY") === 1;
  const clash = bindClash(addr, v6only, tables.flatMap(tableListeners));
  if (clash === "taken") throw new SocketError("EADDRINUSE");
  if (clash === "unknown") return await listenAndClose(net, addr, options);
  return { ...addr };
}

/** Refused once (Deno without --allow-all refuses /proc): not asked again. */
let tablesRefused = false;

/** The texts of the kernel's TCP tables, or undefined where neither can be read. */
async function socketTables(
  readText: ReadText,
): Promise<string[] | undefined> {
  if (tablesRefused) return undefined;
  let refused = false;
  const texts = await Promise.all(
    ["/proc/net/tcp", "/proc/net/tcp6"].map((p) =>
      readText(p).catch((e) => {
        const name = (e as Error)?.name;
        refused ||= name === "NotCapable" || name === "PermissionDenied" ||
          (e as { code?: string })?.code === "EACCES";
        return undefined;
      })
    ),
  );
  const read = texts.filter((t) => t !== undefined);
  if (read.length === 0 && refused) tablesRefused = true;
  return read.length ? read : undefined;
}

async function listenAndClose(
  net: Opens,
  addr: SockAddr,
  options?: OpenOptions,
): Promise<SockAddr> {
  const probe = await net.listen(addr, undefined, options);
  const local = probe.local;
  probe.close();
  return local;
}

/**
 * The listening sockets of a `/proc/net/tcp` or `/proc/net/tcp6` text.
 *
 * @example
 * ```ts
 * const text = "  sl  local_address rem_address   st\n" +
 *   "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000 0 1\n";
 * console.log(tableListeners(text)[0]?.port); // 8080
 * ```
 */
export function tableListeners(text: string): TableListener[] {
  const out: TableListener[] = [];
  for (const line of text.split("\n")) {
    const f = line.trim().split(/\s+/);
    if (f[3] !== "0A") continue;
    const m = /^([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})$/.exec(
      f[1] ?? "",
    );
    if (!m) continue;
    out.push({ addr: kernelWords(m[1]!), port: parseInt(m[2]!, 16) });
  }
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The table prints an address as 32-bit words in the machine's byte order. */
function kernelWords(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let w = 0; w < out.length; w += 4) {
    for (let i = 0; i < 4; i++) {
      const byte = parseInt(hex.slice((w + i) * 2, (w + i) * 2 + 2), 16);
      out[LITTLE_ENDIAN ? w + 3 - i : w + i] = byte;
    }
  }
  return out;
}

/**
 * Whether binding `addr` (with SO_REUSEADDR, as both runtimes' listeners have
 * it) collides with a listener in the table, as the kernel decides: the same
 * port on the same address, or a wildcard on either side, across families
 * through IPv4-mapped addresses and dual-stack IPv6 wildcards. "unknown" when
 * only an IPv6 wildcard listens and its IPV6_V6ONLY decides.
 *
 * @example
 * ```ts
 * const any = { addr: new Uint8Array(4), port: 80 };
 * console.log(bindClash({ host: "127.0.0.1", port: 80 }, false, [any])); // "taken"
 * ```
 */
export function bindClash(
  addr: SockAddr,
  v6only: boolean,
  listeners: readonly TableListener[],
): "taken" | "free" | "unknown" {
  const mine = addrBytes(addr.host);
  if (!mine) return "unknown";
  let unknown = false;
  for (const l of listeners) {
    if (l.port !== addr.port) continue;
    const theirs = l.addr;
    if (mine.length === theirs.length) {
      if (isAny(mine) || isAny(theirs) || same(mine, theirs)) return "taken";
      continue;
    }
    if (mine.length === 4) {
      // An IPv6 listener and my IPv4 address: its mapped address, or its dual-stack wildcard.
      const mapped = v4Mapped(theirs);
      if (mapped && (isAny(mine) || same(mapped, mine))) return "taken";
      if (isAny(theirs)) unknown = true;
    } else if (!v6only) {
      // My IPv6 address, dual-stack, and an IPv4 listener.
      if (isAny(mine)) return "taken";
      const mapped = v4Mapped(mine);
      if (mapped && (isAny(theirs) || same(mapped, theirs))) return "taken";
    }
  }
  return unknown ? "unknown" : "free";
}

/** A numeric address's bytes: 4 for IPv4, 16 for IPv6; undefined for anything else. */
function addrBytes(host: string): Uint8Array | undefined {
  const family = familyOf(host);
  host = host.split("%")[0]!; // a zone (fe80::1%lo) says which link, not which address
  if (family === 4) return new Uint8Array(host.split(".").map(Number));
  if (family !== 6) return undefined;
  const [head, tail] = host.includes("::")
    ? host.split("::") as [string, string]
    : [host, undefined];
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const words = (s: string): number[] =>
    groups(s).flatMap((g) =>
      g.includes(".")
        ? (([a, b, c, d]) => [(a! << 8) | b!, (c! << 8) | d!])(
          g.split(".").map(Number),
        )
        : [parseInt(g, 16)]
    );
  const left = words(head);
  const right = tail === undefined ? [] : words(tail);
  const all = tail === undefined
    ? left
    : [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  if (all.length !== 8) return undefined;
  const out = new Uint8Array(16);
  all.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}

function isAny(a: Uint8Array): boolean {
  return a.every((b) => b === 0);
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:a.b.c.d), or undefined. */
function v4Mapped(a: Uint8Array): Uint8Array | undefined {
  if (a.length !== 16) return undefined;
  for (let i = 0; i < 10; i++) if (a[i] !== 0) return undefined;
  return a[10] === 0xff && a[11] === 0xff ? a.subarray(12) : undefined;
}
