/**
 * Helpers for the per-command tests: read `ls`, check errno lines, and drive
 * raw Deno sockets on the other end of the shell's connections.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { TestShell } from "./_shell.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 bytes of a string. */
export function bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** One row of `ls`. */
export interface LsRow {
  /** True for the current descriptor (`*`). */
  current: boolean;
  /** Descriptor number. */
  fd: number;
  /** `tcp`, `udp`, `tcp6` or `udp6`. */
  proto: string;
  /** `NEW`, `BOUND`, `LISTEN`, `ESTABLISHED`... */
  state: string;
  /** Local address or `-`. */
  local: string;
  /** Remote address, `*` or `-`. */
  remote: string;
  /** The trailing remarks (`6 bytes unread, peer closed`). */
  extra: string;
}

/** Parse the output of `ls` into rows, checking its header. */
export function parseLs(text: string): LsRow[] {
  const lines = text.trimEnd().split("\n");
  if (lines[0]?.startsWith("no open descriptors")) return [];
  assert.match(lines[0] ?? "", /^fd\s+proto\s+state\s+local\s+remote$/);
  return lines.slice(1).map((line) => {
    const m = /^([* ])\s*(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*(.*)$/.exec(
      line,
    );
    assert.ok(m, `not an ls row: ${JSON.stringify(line)}`);
    return {
      current: m[1] === "*",
      fd: Number(m[2]),
      proto: m[3]!,
      state: m[4]!,
      local: m[5]!,
      remote: m[6]!,
      extra: m[7]!,
    };
  });
}

/** The `ls` row of one descriptor (fails when it is not listed). */
export async function lsRow(sh: TestShell, fd: number): Promise<LsRow> {
  const row = parseLs(await sh.ok("ls")).find((r) => r.fd === fd);
  assert.ok(row, `descriptor ${fd} is not in ls`);
  return row;
}

/**
 * Run a line that must fail with `errno`, and check that the shell still
 * answers `ls` with exactly what it showed before. Returns the stderr line.
 */
export async function failsUnchanged(
  sh: TestShell,
  line: string,
  errno: string,
  code = 1,
): Promise<string> {
  const before = await sh.ok("ls");
  const r = await sh.fails(line);
  assert.match(r.stderr, new RegExp(` = (-1|NULL) ${errno} \\(`), r.stderr);
  assert.equal(r.code, code, r.stderr);
  assert.equal(r.stderr.trimEnd().split("\n").length, 1, "one line");
  assert.equal(await sh.ok("ls"), before, `ls changed after ${line}`);
  return r.stderr;
}

/** The port at the end of `host:port` or `[v6]:port`. */
export function portIn(addr: string): number {
  const m = /:(\d+)$/.exec(addr);
  assert.ok(m, `no port in ${JSON.stringify(addr)}`);
  return Number(m[1]);
}

/** Reject with `what` if `p` takes longer than `ms`. */
export async function within<T>(p: Promise<T>, ms: number, what: string) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: nothing after ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Let a blocking call reach the point where it waits. There is no event
 * for "is now blocked in the kernel", so this is a short fixed pause.
 */
export function settle(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Poll `check` every 10 ms until it is true, for at most `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 3000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The kernel's view of the TCP connection from local port `local` to remote
 * port `remote` on loopback: its state (hex: 01 ESTABLISHED, 07 CLOSE) and
 * its unread bytes, or undefined when it is gone.
 */
export async function tcpEntry(
  local: number,
  remote: number,
): Promise<{ state: string; rxQueue: number } | undefined> {
  const hex = (p: number) =>
    ":" + p.toString(16).toUpperCase().padStart(4, "0");
  // Read with `cat`: Deno grants /proc/net only to --allow-all.
  const out = await new Deno.Command("cat", {
    args: ["/proc/net/tcp", "/proc/net/tcp6"],
    stdout: "piped",
    stderr: "null",
  }).output();
  for (const line of decoder.decode(out.stdout).split("\n")) {
    const f = line.trim().split(/\s+/);
    // Skip listeners and TIME_WAIT leftovers of earlier connections.
    if (f[3] === "0A" || f[3] === "06") continue;
    if (!f[1]?.endsWith(hex(local)) || !f[2]?.endsWith(hex(remote))) continue;
    return {
      state: f[3]!,
      rxQueue: parseInt(f[4]?.split(":")[1] ?? "", 16),
    };
  }
  return undefined;
}

/**
 * Wait until the kernel holds `n` unread bytes for the connection from local
 * port `local` to remote port `remote`. A FIN that has arrived counts as one more.
 */
export async function untilQueued(
  local: number,
  remote: number,
  n: number,
): Promise<void> {
  await until(
    async () => (await tcpEntry(local, remote))?.rxQueue === n,
    `${n} bytes queued on port ${local}`,
  );
}

/** Read from a raw connection until `n` bytes came, or end of stream. */
export async function readBytes(
  conn: Deno.Conn,
  n: number,
  ms = 3000,
): Promise<Uint8Array> {
  const out = new Uint8Array(n);
  let got = 0;
  const deadline = Date.now() + ms;
  while (got < n) {
    const r = await within(
      conn.read(out.subarray(got)),
      Math.max(1, deadline - Date.now()),
      `reading ${n} bytes (got ${got})`,
    );
    if (r === null) break;
    got += r;
  }
  return out.subarray(0, got);
}

/** Read text from a raw connection until `n` bytes came. */
export async function readText(conn: Deno.Conn, n: number): Promise<string> {
  return decoder.decode(await readBytes(conn, n));
}

/** True when the raw connection reads end of stream next (within `ms`). */
export async function readsEof(conn: Deno.Conn, ms = 3000): Promise<boolean> {
  return await within(conn.read(new Uint8Array(16)), ms, "end of stream") ===
    null;
}

/** A TCP listener on 127.0.0.1 and an ephemeral port, closed on dispose. */
export function rawListener(hostname = "127.0.0.1"): Deno.TcpListener {
  return Deno.listen({ hostname, port: 0 });
}

/** A UDP socket on 127.0.0.1 and an ephemeral port, closed on dispose. */
export function rawDatagram(
  hostname = "127.0.0.1",
): Deno.DatagramConn & Disposable {
  const sock = Deno.listenDatagram({ hostname, port: 0, transport: "udp" });
  // Deno's DatagramConn is not Disposable (2.x): add it, for `using`.
  return Object.assign(sock, {
    [Symbol.dispose]() {
      try {
        sock.close();
      } catch {
        // Already closed.
      }
    },
  });
}

/** Receive one datagram within `ms`. */
export async function receiveDatagram(
  sock: Deno.DatagramConn,
  ms = 3000,
): Promise<{ data: Uint8Array; from: Deno.NetAddr }> {
  const [data, from] = await within(sock.receive(), ms, "a datagram");
  return { data, from: from as Deno.NetAddr };
}

/** Send one datagram to 127.0.0.1 (or `hostname`). */
export async function sendDatagram(
  sock: Deno.DatagramConn,
  data: string | Uint8Array,
  port: number,
  hostname = "127.0.0.1",
): Promise<void> {
  const b = typeof data === "string" ? bytes(data) : data;
  assert.equal(
    await sock.send(b, { transport: "udp", hostname, port }),
    b.length,
  );
}

/** A socket on ::1 works here (some sandboxes have no IPv6 loopback). */
export const HAS_IPV6: boolean = (() => {
  try {
    Deno.listen({ hostname: "::1", port: 0 }).close();
    return true;
  } catch {
    return false;
  }
})();

/** A process's resident memory in KiB (ps: /proc/PID needs Deno's --allow-all). */
export async function rssKiB(pid: number): Promise<number> {
  const out = await new Deno.Command("ps", {
    args: ["-o", "rss=", "-p", String(pid)],
    stdout: "piped",
  }).output();
  return Number(new TextDecoder().decode(out.stdout).trim());
}
