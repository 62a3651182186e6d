/**
 * The teaching view: the session log that `diagram` draws, and `explain`,
 * which shows after each primitive the socket's 5-tuple as the handout writes
 * it, `{protocol, local port, local address, remote port, remote address}`,
 * with what the call filled in marked, and a sentence of why when it matters.
 *
 * Both hook into {@link call} (and `socket`, which makes no call through it):
 * one place for every command. With `explain` off, a call costs one small
 * record in a ring of the last {@link LOG_MAX} events, nothing formatted.
 *
 * @module
 */

import type { CallOk, Context, Output } from "../shell/command.ts";
import type { SocketError } from "../net/errno.ts";
import type { Proto, Sock } from "../shell/fdtable.ts";
import { fmtAddr, fmtPath } from "../shell/format.ts";
import type { Addr, Domain } from "../net.ts";
import { say, type TeachKey } from "./messages.ts";
import { after, type Cancel } from "../shell/timer.ts";

/** Events the session log keeps: older ones are counted, not kept. */
export const LOG_MAX = 200;

/** How long a call may run before `explain` says why it blocks, and `diagram` marks it as waited (ms). */
export const WAIT_MS = 100;

/** Bytes of data kept per event for the diagram's preview. */
const PREVIEW_BYTES = 24;
/** Received data up to this size is kept as it is, not copied. */
const KEEP_BYTES = 1024;

/** One call, as the session log keeps it. */
export interface TeachEvent {
  /** Its number in the session, from 1. */
  seq: number;
  /** The command's name (`send` for `write`). */
  name: string;
  /** The socket's identity in the log (descriptor numbers are reused; this is not). */
  id?: number;
  /** Its descriptor. */
  fd?: number;
  /** Stream or datagrams. */
  proto?: Proto;
  /** Its domain. */
  family?: Domain;
  /** Its local address after the call. */
  local?: Addr;
  /** Its remote address after the call. */
  remote?: Addr;
  /** True when the socket listens. */
  listening?: boolean;
  /** The errno of a failed call. */
  errno?: string;
  /** The call as shown (`recv(5, buf, 255, 0)`), or how to make it. */
  text?: string | (() => string);
  /** What it returned, as shown. */
  ret?: string;
  /** Bytes sent or received. */
  n?: number;
  /** The first bytes of the data received. */
  data?: Uint8Array;
  /** A datagram's sender. */
  from?: Addr;
  /** A datagram's whole size, when it was cut. */
  size?: number;
  /** True when the call waited (accept, recv). */
  waited?: boolean;
  /** close: done by the system at the program's exit, not by a call. */
  atExit?: boolean;
  /** accept: the new socket. */
  child?: { id: number; fd: number; local?: Addr; remote?: Addr };
}

/** What {@link Teach.before} notes before a call runs. */
export interface Pending {
  /** The command's name. */
  name: string;
  /** The socket the call acts on, if it is open. */
  sock?: Sock;
  /** Its 5-tuple before the call (only with explain on). */
  tuple?: string[];
  /** The peer had closed before the call. */
  eof: boolean;
  /** When the call started. */
  start: number;
  /** Stops the explain timer of a call that blocks. */
  timer?: Cancel;
  /** Set when the call waited past {@link WAIT_MS}. */
  waited?: boolean;
}

/** The session log and the explain switch of one shell. */
export class Teach {
  /** `explain on`: show the 5-tuple and why after each call. */
  explain = false;
  #ring: TeachEvent[] = [];
  #head = 0;
  #seq = 0;
  #ids = new WeakMap<Sock, number>();
  #nextId = 1;
  // Sockets whose send succeeded after the peer's FIN: the next EPIPE is explained by it.
  #sentAfterFin = new WeakSet<Sock>();

  /** Note the state a call starts from; cheap unless explain is on. */
  before(ctx: Context): Pending {
    // `write` is logged as `send` (a comparison: a table's miss walked the prototype chain on every call).
    const name = ctx.name === "write" ? "send" : ctx.name;
    let fd = ctx.fd ?? ctx.scope.current;
    if (name === "close" && ctx.args[0] && /^\d+$/.test(ctx.args[0].text)) {
      fd = Number(ctx.args[0].text);
    }
    const table = ctx.shell.table;
    const sock = fd !== undefined && table.has(fd) ? table.get(fd) : undefined;
    const blocks = name === "accept" || name === "recv" || name === "recvfrom";
    // Date.now, not performance.now: a fraction of the cost, and milliseconds are enough here.
    const p: Pending = {
      name,
      sock,
      eof: sock?.eof ?? false,
      start: blocks ? Date.now() : 0,
    };
    if (!this.explain) return p;
    if (sock) p.tuple = tupleOf(sock);
    if (blocks && sock && !sock.nonblocking) {
      p.timer = after(WAIT_MS, () => {
        p.waited = true;
        const why = name === "accept"
          ? say("acceptBlocks", { fd: sock.fd })
          : say("recvBlocks", { call: name, fd: sock.fd });
        ctx.io.out(whyLine(ctx.io, why));
      });
    }
    return p;
  }

  /** Log a call's outcome and, with explain on, show what it filled in and why. */
  after(
    ctx: Context,
    p: Pending,
    text: string | (() => string),
    ok?: CallOk,
    err?: SocketError,
  ): void {
    p.timer?.();
    const s = p.sock;
    const ev: TeachEvent = { seq: 0, name: p.name, text };
    if (s) this.#describe(ev, s);
    if (p.start) ev.waited = p.waited || Date.now() - p.start > WAIT_MS;
    let child: Sock | undefined;
    if (err) ev.errno = err.errno;
    else if (ok) {
      ev.ret = ok.ret.length > 80 ? ok.ret.slice(0, 77) + "..." : ok.ret;
      const v = ok.value?.[""];
      if (v instanceof Uint8Array) {
        ev.n = v.length;
        // Received bytes are the call's own copy (a datagram cut short: a view of a larger one).
        // A small one is kept as it is: a new typed array on every recv would cost more than the rest of the log.
        const own = !ok.datagram || ok.datagram.size === v.length;
        ev.data = own && v.length <= KEEP_BYTES ? v : v.slice(0, PREVIEW_BYTES);
      } else if (typeof v === "number") ev.n = v;
      if (ok.datagram) {
        ev.from = ok.datagram.from;
        if (ok.datagram.size > (ev.n ?? 0)) ev.size = ok.datagram.size;
      }
      if (p.name === "accept" && typeof v === "number") {
        child = ctx.shell.table.has(v) ? ctx.shell.table.get(v) : undefined;
        if (child) {
          ev.child = {
            id: this.#id(child),
            fd: child.fd,
            local: child.local,
            remote: child.remote,
          };
        }
      }
      if (p.name === "send" && s?.proto === "tcp" && p.eof) {
        this.#sentAfterFin.add(s);
      }
    }
    this.#push(ev);
    // Even where calls are not traced (a replay, -q): explain was asked for, and each sentence names its call.
    if (this.explain) {
      const out = this.#explain(ctx.io, p, ev, err, child);
      if (out) ctx.io.out(out);
    }
  }

  /** Log `socket`, which makes no call through {@link call}: `text` is the call as shown. */
  socketMade(ctx: Context, s: Sock, text: string): void {
    const ev: TeachEvent = {
      seq: 0,
      name: "socket",
      text,
      ret: String(s.fd),
    };
    this.#describe(ev, s);
    this.#push(ev);
    if (this.explain) {
      const tuple = tupleOf(s);
      ctx.io.out(
        tupleLines(ctx.io, tuple, [0]) +
          whyLine(ctx.io, say("socketMade", { fd: s.fd })),
      );
    }
  }

  /** Log the close the system does when a program (a `run`) ends with `s` still open. */
  closedAtExit(s: Sock): void {
    const ev: TeachEvent = {
      seq: 0,
      name: "close",
      text: `close(${s.fd})`,
      ret: "0",
      atExit: true,
    };
    this.#describe(ev, s);
    this.#push(ev);
  }

  /** The events kept, oldest first, and how many older ones were left out. */
  events(): { events: TeachEvent[]; leftOut: number } {
    const events = this.#ring.length < LOG_MAX
      ? [...this.#ring]
      : [...this.#ring.slice(this.#head), ...this.#ring.slice(0, this.#head)];
    return { events, leftOut: this.#seq - events.length };
  }

  /** Forget the log (`diagram reset`). */
  reset(): void {
    this.#ring = [];
    this.#head = 0;
    this.#seq = 0;
  }

  #push(ev: TeachEvent): void {
    ev.seq = ++this.#seq;
    if (this.#ring.length < LOG_MAX) this.#ring.push(ev);
    else {
      this.#ring[this.#head] = ev;
      this.#head = (this.#head + 1) % LOG_MAX;
    }
  }

  #id(s: Sock): number {
    let id = this.#ids.get(s);
    if (id === undefined) this.#ids.set(s, id = this.#nextId++);
    return id;
  }

  #describe(ev: TeachEvent, s: Sock): void {
    ev.id = this.#id(s);
    ev.fd = s.fd;
    ev.proto = s.proto;
    ev.family = s.family;
    ev.local = s.local;
    ev.remote = s.remote;
    if (s.listener) ev.listening = true;
  }

  #explain(
    io: Output,
    p: Pending,
    ev: TeachEvent,
    err: SocketError | undefined,
    child: Sock | undefined,
  ): string {
    const s = p.sock;
    let out = "";
    const why = (key: TeachKey, values?: Record<string, string | number>) => {
      out += whyLine(io, say(key, values));
    };
    if (err) {
      const target = callTarget(ev);
      switch (err.errno) {
        case "ECONNREFUSED":
          if (p.name === "connect") why("connectRefused", { addr: target });
          break;
        case "EADDRINUSE":
          why("addrInUse", { addr: target });
          break;
        case "EPIPE":
          why(s && this.#sentAfterFin.has(s) ? "sendEpipe" : "resetByPeer");
          break;
        case "ECONNRESET":
          why("resetByPeer");
          break;
        case "ENOTCONN":
          why("notConnected", { call: p.name, fd: s?.fd ?? "?" });
          break;
      }
      return out;
    }
    if (p.name === "accept" && child) {
      const tuple = tupleOf(child);
      out += tupleLines(io, tuple, tuple.map((_, i) => i));
      why("acceptMade", { fd: child.fd, lfd: s?.fd ?? "?" });
      return out;
    }
    if (!s) return out;
    const tuple = tupleOf(s);
    const changed = tuple.flatMap((f, i) => f !== p.tuple?.[i] ? [i] : []);
    const primitive = ["bind", "listen", "connect"].includes(p.name);
    if (primitive || changed.length) {
      out += tupleLines(io, tuple, changed);
      out += whyLine(
        io,
        changed.length
          ? say("filledIn", {
            call: p.name,
            fields: changed.map((i) => fieldName(s, i)).join(
              say("listSeparator"),
            ),
          })
          : say("filledNothing", { call: p.name }),
      );
      if (s.family === "unix" && primitive) why("unixPaths");
    }
    if (p.name === "listen") {
      why("listenWaits", { fd: s.fd });
      if (changed.length) why("listenBinds");
    }
    if (p.name === "connect" && s.proto === "tcp") why("connectComplete");
    if (
      (p.name === "sendto" || p.name === "connect") && s.proto === "udp" &&
      changed.includes(1) && p.tuple?.[1] === "-"
    ) {
      why("implicitBind", { call: p.name });
    }
    if (p.name === "send" && s.proto === "tcp" && p.eof) {
      why("sendAfterPeerClosed");
    }
    if (p.name === "recv" || p.name === "recvfrom") {
      const asked = askedOf(ev);
      if (ev.size !== undefined) {
        why("datagramTruncated", { size: ev.size, asked: asked ?? "?" });
      } else if (s.proto === "tcp" && ev.n === 0) why("recvZero");
      else if (
        s.proto === "tcp" && ev.n !== undefined && asked !== undefined &&
        ev.n < asked
      ) {
        why("recvShort", { n: ev.n, asked });
      }
    }
    return out;
  }
}

/**
 * A socket's 5-tuple as the handout writes it: protocol, local port, local
 * address, remote port, remote address; `-` where nothing is filled in yet.
 * AF_UNIX: protocol, local path, remote path.
 *
 * @example
 * ```ts ignore
 * tupleOf(sock); // ["tcp", "4950", "0.0.0.0", "-", "-"]
 * ```
 */
export function tupleOf(s: Sock): string[] {
  if (s.family === "unix") {
    const path = (a: Addr | undefined) =>
      a && "path" in a && a.path !== "" ? fmtPath(a.path) : "-";
    return [
      s.proto === "tcp" ? "unix" : "unix-dgram",
      path(s.local),
      path(s.remote),
    ];
  }
  const port = (a: Addr | undefined) => a && "port" in a ? String(a.port) : "-";
  const host = (a: Addr | undefined) => a && "host" in a ? a.host : "-";
  return [
    s.proto,
    port(s.local),
    host(s.local),
    port(s.remote),
    host(s.remote),
  ];
}

/** The tuple as `{tcp, 4950, 0.0.0.0, -, -}`, and a line of `^` under the fields in `marked`. */
export function tupleText(
  tuple: string[],
  marked: number[],
): [string, string] {
  let text = "{";
  let marks = " ";
  tuple.forEach((f, i) => {
    if (i > 0) {
      text += ", ";
      marks += "  ";
    }
    text += f;
    marks += (marked.includes(i) ? "^" : " ").repeat(f.length);
  });
  return [text + "}", marks.trimEnd()];
}

function tupleLines(io: Output, tuple: string[], marked: number[]): string {
  const [text, marks] = tupleText(tuple, marked);
  return `  ${io.paint.ok(text)}\n` + (marks ? `  ${marks}\n` : "");
}

function whyLine(io: Output, text: string): string {
  return io.paint.dim(`  ${text}`) + "\n";
}

function fieldName(s: Sock, i: number): string {
  const keys: TeachKey[] = s.family === "unix"
    ? ["fieldProto", "fieldLocalPath", "fieldRemotePath"]
    : [
      "fieldProto",
      "fieldLocalPort",
      "fieldLocalAddr",
      "fieldRemotePort",
      "fieldRemoteAddr",
    ];
  return say(keys[i]!);
}

/** The call's text, made now if it was deferred. */
export function callText(ev: TeachEvent): string {
  if (typeof ev.text !== "function") return ev.text ?? ev.name;
  // Made later than the call, the text no longer knows the task's current descriptor: the log does.
  const text = ev.text();
  return ev.fd === undefined
    ? text
    : text.replace(/^(\w+)\(\?,/, `$1(${ev.fd},`);
}

/** The address a call named, its last argument: `bind(3, 0.0.0.0:4950)` gives `0.0.0.0:4950`. */
export function callTarget(ev: TeachEvent): string {
  const m = /, ([^,()]+)\)$/.exec(callText(ev));
  return m ? m[1]! : ev.remote ? fmtAddr(ev.remote) : "?";
}

/** The bytes a recv asked for: `recv(5, buf, 255, 0)` gives 255. */
export function askedOf(ev: TeachEvent): number | undefined {
  const m = /^\w+\(\d+, buf, (\d+),/.exec(callText(ev));
  return m ? Number(m[1]) : undefined;
}
