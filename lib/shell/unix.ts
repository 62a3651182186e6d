/**
 * What the commands share for Unix-domain sockets (`socket unix`,
 * `socket unix-dgram`): paths as addresses, the checks C's calls make, and
 * the socket file that close(2) leaves behind.
 *
 * Each command keeps its Unix branch apart from its IP code: it asks
 * {@link unixSock} first and hands a Unix socket to the functions here.
 *
 * @module
 */

import type { CallOk, Context } from "./command.ts";
import { targetFd } from "./command.ts";
import { SocketError } from "../net/errno.ts";
import { UsageError } from "./errors.ts";
import type { Sock } from "./fdtable.ts";
import { fmtAddr } from "./format.ts";
import type { Addr, DatagramSocket, UnixAddr } from "../net.ts";
import { t } from "../i18n/mod.ts";

/** sun_path holds 108 bytes: a path and its final NUL. */
export const SUN_PATH_MAX = 107;

const encoder = new TextEncoder();

/**
 * The socket a command acts on when it is AF_UNIX, else undefined. Never
 * throws: a missing descriptor is left to the command's own EBADF.
 */
export function unixSock(ctx: Context): Sock | undefined {
  const fd = targetFd(ctx);
  if (fd === null || !ctx.shell.table.has(fd)) return undefined;
  const s = ctx.shell.table.get(fd);
  return s.family === "unix" ? s : undefined;
}

/**
 * A path typed for bind, connect or sendto: a usage error when empty,
 * EINVAL past sun_path's 107 bytes: the kernel's answer to an address longer
 * than struct sockaddr_un (a C program cannot even build one: strcpy would overflow sun_path).
 */
export function unixPath(text: string | undefined, usage: string): string {
  if (!text) throw new UsageError(t("bind.missingPath", { usage }));
  const n = encoder.encode(text).length;
  if (n > SUN_PATH_MAX) {
    throw new SocketError(
      "EINVAL",
      t("bind.pathTooLong", { n, max: SUN_PATH_MAX }),
    );
  }
  return text;
}

/** The note close gives for a socket that made a file: it stays, as in C. */
export function fileStaysNote(s: Sock): string | undefined {
  const local = s.listener?.local ?? s.dgram?.local;
  if (!local || !("path" in local) || local.path === "") return undefined;
  if (local.path[0] === "\0") return undefined;
  return t("close.fileStays", { path: fmtAddr(local) });
}

/** Captured values for an address: `host` and `port`, or `path`. */
export function addrValue(a: Addr): Record<string, string | number> {
  return "path" in a ? { path: a.path } : { host: a.host, port: a.port };
}

/**
 * The socket an unbound AF_UNIX datagram socket sends from. C sends from an
 * unnamed socket, which can get no reply; Deno sends only from a bound one,
 * so the shell binds a name in Linux's abstract namespace (as Linux's
 * autobind names one: no file is made) and says so.
 */
export async function autobind(
  ctx: Context,
  s: Sock,
  notes: string[],
): Promise<DatagramSocket<Addr>> {
  if (s.dgram) return s.dgram;
  let last: unknown;
  for (let i = 0; i < 5; i++) {
    const name = "\0" +
      Math.floor(Math.random() * 0x100000).toString(16).padStart(5, "0");
    try {
      const d = await ctx.shell.net.bindUnixDatagram(name);
      // Bound meanwhile by a fork child's call on this descriptor: its socket is the one.
      if (s.dgram) {
        d.close();
        return s.dgram;
      }
      notes.push(
        t("send.autobind", { name: fmtAddr(d.local) }),
      );
      return d;
    } catch (e) {
      last = e;
      if ((e as SocketError).errno !== "EADDRINUSE") throw e;
    }
  }
  throw last;
}

/**
 * send() or sendto() of one datagram on an AF_UNIX datagram socket: an
 * unbound socket is given an abstract name first ({@link autobind}); a failed
 * first send leaves it unbound, as it was.
 */
export async function sendUnixDatagram(
  ctx: Context,
  s: Sock,
  data: Uint8Array,
  to: UnixAddr,
): Promise<CallOk> {
  const notes: string[] = [];
  const sock = await autobind(ctx, s, notes);
  const fresh = sock !== s.dgram;
  let n: number;
  try {
    n = await sock.send(data, to);
  } catch (e) {
    if (fresh) sock.close();
    throw e;
  }
  // Closed while the datagram went (by a fork child): it was sent, the socket stays closed.
  // Bound meanwhile by a fork child's call: its socket is the one.
  if (fresh) {
    if (s.closed || (s.dgram && s.dgram !== sock)) sock.close();
    else s.dgram = sock;
  }
  return { ret: String(n), notes, value: { "": n } };
}
