/**
 * `diagram`: the session log as a sequence diagram, one lifeline per socket
 * endpoint, in time order, as the handout's figures draw a TCP or UDP
 * exchange: in the terminal as text (box-drawing characters or ASCII), or as
 * an SVG or an HTML page for a lab report.
 *
 * Loaded only when `diagram` runs: nothing of it costs at start-up.
 *
 * @module
 */

import { escapeControls, fmtAddr, showBytes } from "../shell/format.ts";
import type { Addr } from "../net.ts";
import { callTarget, callText, type TeachEvent } from "./teach.ts";
import { say } from "./messages.ts";

/** One lifeline: a socket of this shell, or a peer seen only by its address. */
export interface Lane {
  /** `s3` for the log's socket 3, `p:127.0.0.1:4950` for a peer. */
  key: string;
  /** Its heading, two lines: what it is, and its address. */
  title: [string, string];
  /** A socket of this shell: its latest addresses. */
  local?: Addr;
  remote?: Addr;
  listening?: boolean;
  proto?: string;
  fd?: number;
}

/** One step of the diagram: an arrow between two lifelines, or a mark on one; with its note. */
export interface Row {
  /** The lifeline it starts from (a mark: its lifeline). */
  from: number;
  /** The lifeline it goes to; absent for a mark. */
  to?: number;
  /** Written on the arrow: SYN, ACK, 6 bytes... */
  label?: string;
  /** Said beside the diagram. */
  note: string;
  /** A failed call, or an RST. */
  bad?: boolean;
  /** Not a packet: accept making a new socket (dashed). */
  spawn?: boolean;
}

/** A session log made into lifelines and rows. */
export interface Diagram {
  /** Lifelines, left to right in order of appearance. */
  lanes: Lane[];
  /** Steps, in time order. */
  rows: Row[];
  /** Lines said above it (events left out). */
  header: string[];
  /** The calls, as shown, for the transcript. */
  transcript: string[];
}

const PREVIEW_CHARS = 16;
const ANY = new Set(["0.0.0.0", "::"]);

function addrMatches(bound: Addr | undefined, a: Addr): boolean {
  if (!bound) return false;
  if ("path" in bound || "path" in a) {
    return "path" in bound && "path" in a && bound.path === a.path;
  }
  return bound.port === a.port &&
    (bound.host === a.host || ANY.has(bound.host));
}

function sameAddr(x: Addr | undefined, y: Addr | undefined): boolean {
  if (!x || !y) return false;
  if ("path" in x || "path" in y) {
    return "path" in x && "path" in y && x.path === y.path;
  }
  return x.host === y.host && x.port === y.port;
}

/** An address typed as `host:port`, `[v6]:port` or a path, back to an Addr. */
function parseTarget(text: string): Addr | undefined {
  const m = /^\[?([^\]]*?)\]?:(\d+)$/.exec(text);
  if (m) return { host: m[1]!, port: Number(m[2]) };
  const u = /sun_path="?([^"}]*)"?\}?$/.exec(text);
  if (u) return { path: u[1]! };
  return text.startsWith("/") ? { path: text } : undefined;
}

function preview(ev: TeachEvent): string {
  let text: string;
  if (ev.data) text = showBytes(ev.data, ev.data.length);
  else {
    const m = /^\w+\(\d+, (.+?), (\d+), (?:0|MSG_\w+)(?:, .*)?\)$/.exec(
      callText(ev),
    );
    if (!m) return "";
    text = m[1]!.replace(/ \.\.\. and \d+ more bytes.*$/, "");
  }
  return text.length > PREVIEW_CHARS
    ? text.slice(0, PREVIEW_CHARS - 3) + "..."
    : text;
}

/**
 * Make the log's events into lifelines and rows.
 *
 * @example
 * ```ts ignore
 * const d = buildDiagram(shell.teach.events());
 * ```
 */
export function buildDiagram(
  log: { events: TeachEvent[]; leftOut: number },
): Diagram {
  const lanes: Lane[] = [];
  const byKey = new Map<string, number>();
  const lane = (key: string, make: () => Lane): number => {
    let i = byKey.get(key);
    if (i === undefined) {
      i = lanes.length;
      lanes.push(make());
      byKey.set(key, i);
    }
    return i;
  };
  // First pass: every socket's latest addresses, so that ends are matched whatever the order.
  const info = new Map<string, Lane>();
  const note = (
    id: number,
    fd: number,
    proto: string | undefined,
    local?: Addr,
    remote?: Addr,
    listening?: boolean,
  ) => {
    const key = `s${id}`;
    const l = info.get(key) ?? { key, title: ["", ""], fd, proto };
    l.fd = fd;
    l.local = local ?? l.local;
    l.remote = remote ?? l.remote;
    l.listening ||= listening;
    info.set(key, l);
  };
  for (const ev of log.events) {
    if (ev.id !== undefined) {
      note(ev.id, ev.fd!, ev.proto, ev.local, ev.remote, ev.listening);
    }
    if (ev.child) {
      note(ev.child.id, ev.child.fd, ev.proto, ev.child.local, ev.child.remote);
    }
  }
  const sockLane = (id: number) =>
    lane(`s${id}`, () => {
      const l = info.get(`s${id}`)!;
      l.title = [
        say("laneSocket", { fd: l.fd ?? "?" }) + (l.proto ? ` ${l.proto}` : ""),
        l.local ? fmtAddr(l.local) : say("laneUnbound"),
      ];
      return l;
    });
  const peerLane = (a: Addr) =>
    lane(`p:${fmtAddr(a)}`, () => ({
      key: `p:${fmtAddr(a)}`,
      title: [say("lanePeer"), fmtAddr(a)],
    }));
  // The other end of a connection from socket `key`: a socket of this shell if one matches, else a peer.
  const streamEnd = (key: string, local?: Addr, remote?: Addr): number => {
    if (!remote) return peerLane({ path: "?" });
    for (const l of info.values()) {
      if (l.key === key || l.listening) continue;
      if (sameAddr(l.local, remote) && sameAddr(l.remote, local)) {
        return sockLane(Number(l.key.slice(1)));
      }
    }
    return peerLane(remote);
  };
  const listenerFor = (to: Addr): number | undefined => {
    for (const l of info.values()) {
      if (l.listening && addrMatches(l.local, to)) {
        return sockLane(Number(l.key.slice(1)));
      }
    }
    return undefined;
  };
  const datagramEnd = (key: string, to: Addr): number => {
    for (const l of info.values()) {
      if (l.key !== key && l.proto === "udp" && addrMatches(l.local, to)) {
        return sockLane(Number(l.key.slice(1)));
      }
    }
    return peerLane(to);
  };
  const isPeer = (i: number) => lanes[i]!.key.startsWith("p:");

  const rows: Row[] = [];
  const transcript: string[] = [];
  const finSeen = new Set<string>();
  for (const ev of log.events) {
    const shown = escapeControls(callText(ev));
    transcript.push(
      ev.errno ? `${shown} = -1 ${ev.errno}` : `${shown} = ${ev.ret ?? ""}`,
    );
    if (ev.id === undefined) continue;
    const key = `s${ev.id}`;
    const me = sockLane(ev.id);
    const mark = (text: string, bad = false) =>
      rows.push({ from: me, note: text, bad });
    const arrow = (
      from: number,
      to: number,
      label: string,
      text = "",
      bad = false,
    ) => rows.push({ from, to, label, note: text, bad });
    const tcp = ev.proto === "tcp";
    const n = ev.n ?? 0;
    if (ev.errno) {
      const failed = say("evFailed", { call: ev.name, errno: ev.errno });
      const target = parseTarget(callTarget(ev));
      if (ev.name === "connect" && ev.errno === "ECONNREFUSED" && target) {
        const peer = peerLane(target);
        arrow(me, peer, "SYN", say("evConnect", { addr: fmtAddr(target) }));
        arrow(peer, me, "RST", failed, true);
      } else if (
        tcp && (ev.errno === "EPIPE" || ev.errno === "ECONNRESET") &&
        ev.remote
      ) {
        const peer = streamEnd(key, ev.local, ev.remote);
        arrow(peer, me, "RST", failed, true);
      } else mark(failed, true);
      continue;
    }
    switch (ev.name) {
      case "socket":
        mark(say("evSocket", { fd: ev.fd ?? "?" }));
        break;
      case "bind":
        mark(say("evBind", { addr: ev.local ? fmtAddr(ev.local) : "?" }));
        break;
      case "listen":
        mark(say("evListen"));
        break;
      case "connect": {
        if (!ev.remote) break;
        if (!tcp) {
          mark(say("evConnectUdp", { addr: fmtAddr(ev.remote) }));
          break;
        }
        const server = listenerFor(ev.remote) ??
          streamEnd(key, ev.local, ev.remote);
        arrow(
          me,
          server,
          "SYN",
          say("evConnect", { addr: fmtAddr(ev.remote) }),
        );
        arrow(server, me, "SYN-ACK");
        arrow(me, server, "ACK");
        break;
      }
      case "accept": {
        const c = ev.child;
        if (!c) break;
        const child = sockLane(c.id);
        const inShell = c.remote &&
          [...info.values()].some((l) =>
            l.key !== `s${c.id}` && sameAddr(l.local, c.remote)
          );
        if (!inShell && c.remote) {
          // The handshake happened in the kernel before accept: drawn here, where the shell learns of it.
          const peer = peerLane(c.remote);
          arrow(peer, me, "SYN");
          arrow(me, peer, "SYN-ACK");
          arrow(peer, me, "ACK");
        }
        rows.push({
          from: me,
          to: child,
          label: "",
          spawn: true,
          note: say(ev.waited ? "evAcceptWaited" : "evAccept", { fd: c.fd }),
        });
        break;
      }
      case "send":
      case "sendto": {
        const to = ev.name === "sendto"
          ? parseTarget(callTarget(ev)) ?? ev.remote
          : ev.remote;
        if (!to) {
          mark(say("evOther", { call: ev.name }));
          break;
        }
        const peer = tcp
          ? streamEnd(key, ev.local, ev.remote)
          : datagramEnd(key, to);
        const p = preview(ev);
        arrow(
          me,
          peer,
          say(tcp ? "arrowBytes" : "arrowDatagram", { n }),
          tcp || ev.name === "send"
            ? say("evSend", { n, preview: p })
            : say("evSendto", { n, preview: p, addr: fmtAddr(to) }),
        );
        break;
      }
      case "recv":
      case "recvfrom": {
        const p = preview(ev);
        if (tcp) {
          const peer = streamEnd(key, ev.local, ev.remote);
          const text = n === 0
            ? say("evRecvZero")
            : say(ev.waited ? "evRecvWaited" : "evRecv", { n, preview: p });
          // What a peer outside the shell sent is seen only now.
          // A FIN comes once: a later recv of 0 reads the same end of stream.
          if (isPeer(peer) && !(n === 0 && finSeen.has(key))) {
            arrow(peer, me, n === 0 ? "FIN" : say("arrowBytes", { n }), text);
          } else mark(text);
          if (n === 0) finSeen.add(key);
          break;
        }
        const from = ev.from;
        const text = from
          ? say("evRecvfrom", { n, preview: p, addr: fmtAddr(from) })
          : say("evRecv", { n, preview: p });
        const sender = from ? datagramEnd(key, from) : undefined;
        if (sender !== undefined && isPeer(sender)) {
          // The arrow comes from the sender's lifeline, headed with its address.
          arrow(
            sender,
            me,
            say("arrowDatagram", { n }),
            say("evRecvfromPeer", { call: ev.name, n, preview: p }),
          );
        } else mark(text);
        break;
      }
      case "shutdown":
      case "close": {
        const text = ev.name === "close"
          ? say(ev.atExit ? "evCloseAtExit" : "evClose")
          : say("evShutdown", { how: "SHUT_WR" });
        if (tcp && ev.remote && !ev.listening) {
          arrow(me, streamEnd(key, ev.local, ev.remote), "FIN", text);
        } else mark(text);
        break;
      }
    }
  }
  const header = log.leftOut > 0
    ? [say("diagramLeftOut", { count: log.leftOut, kept: log.events.length })]
    : [];
  return { lanes, rows, header, transcript };
}

/** Most lifelines an SVG draws: past them, it would no longer fit a page. */
export const SVG_MAX_LANES = 8;

/**
 * Keep at most `max` lifelines: those of the latest events, in their order.
 * A row between two kept lifelines stays; one with a single end kept becomes
 * a mark on it; the others go. The header says how many were left out.
 */
export function limitLanes(d: Diagram, max: number): Diagram {
  if (d.lanes.length <= max) return d;
  const keep = new Set<number>();
  for (let k = d.rows.length - 1; k >= 0 && keep.size < max; k--) {
    const r = d.rows[k]!;
    keep.add(r.from);
    if (r.to !== undefined && keep.size < max) keep.add(r.to);
  }
  const kept = [...keep].sort((a, b) => a - b);
  const index = new Map(kept.map((old, i) => [old, i]));
  const rows: Row[] = [];
  for (const r of d.rows) {
    const from = index.get(r.from);
    const to = r.to === undefined ? undefined : index.get(r.to);
    if (from !== undefined && (r.to === undefined || to !== undefined)) {
      rows.push({ ...r, from, to });
    } else if (from !== undefined || to !== undefined) {
      if (r.note) rows.push({ from: (from ?? to)!, note: r.note, bad: r.bad });
    }
  }
  return {
    lanes: kept.map((i) => d.lanes[i]!),
    rows,
    header: [
      ...d.header,
      say("diagramLanesLeftOut", {
        count: d.lanes.length - kept.length,
        kept: kept.length,
      }),
    ],
    transcript: d.transcript,
  };
}

/** The characters of a text diagram: box drawing on a UTF-8 terminal, ASCII otherwise. */
interface Glyphs {
  life: string;
  line: string;
  dash: string;
  right: string;
  left: string;
  cross: string;
  mark: string;
  bad: string;
  ellipsis: string;
}

const UTF8: Glyphs = {
  life: "│",
  line: "─",
  dash: "┄",
  right: "▶",
  left: "◀",
  cross: "┼",
  mark: "●",
  bad: "✗",
  ellipsis: "…",
};
const ASCII: Glyphs = {
  life: "|",
  line: "-",
  dash: ".",
  right: ">",
  left: "<",
  cross: "+",
  mark: "*",
  bad: "X",
  ellipsis: "...",
};

function cut(text: string, max: number, g: Glyphs): string {
  if (max <= 0) return "";
  if (text.length <= max) return text;
  return max <= g.ellipsis.length
    ? text.slice(0, max)
    : text.slice(0, max - g.ellipsis.length) + g.ellipsis;
}

/** Most lines a note takes in the terminal; past them it is cut, with an ellipsis. */
const NOTE_LINES = 3;

/** Split `text` into lines of at most `width`, at spaces where it can. */
function wrap(text: string, width: number, g: Glyphs): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width && lines.length < NOTE_LINES - 1) {
    const space = rest.lastIndexOf(" ", width);
    const at = space > width / 2 ? space : width;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  lines.push(cut(rest, width, g));
  return lines;
}

function ascii(text: string): string {
  // deno-lint-ignore no-control-regex
  return text.replace(/[^\x00-\x7e]/g, "?");
}

/** Most lifelines drawn, and the narrowest column. */
const MIN_COLUMN = 12;
const MAX_COLUMN = 24;
const MIN_NOTES = 32;

/**
 * The diagram as text for a terminal `width` columns wide.
 *
 * @example
 * ```ts ignore
 * io.out(textDiagram(buildDiagram(teach.events()), 80, true));
 * ```
 */
export function textDiagram(
  full: Diagram,
  width: number,
  utf8: boolean,
): string {
  const g = utf8 ? UTF8 : ASCII;
  const fix = utf8 ? (s: string) => s : ascii;
  if (full.rows.length === 0) {
    return [...full.header, say("diagramEmpty")].map((h) =>
      cut(fix(h), width, g)
    )
      .join("\n") + "\n";
  }
  // The lifelines take what the notes leave, within bounds.
  const notesMin = Math.max(16, Math.min(MIN_NOTES, Math.floor(width * 0.4)));
  const room = Math.max(width - notesMin, MIN_COLUMN);
  const d = limitLanes(full, Math.max(1, Math.floor(room / MIN_COLUMN)));
  const out: string[] = d.header.map((h) => cut(fix(h), width, g));
  const shownLanes = d.lanes.length;
  // As wide as the longest heading needs, no wider: the rest is for the notes.
  const titles = d.lanes.flatMap((l) => l.title);
  const cw = Math.min(
    MAX_COLUMN,
    Math.max(
      MIN_COLUMN,
      ...titles.map((t) => t.length + 2),
      ...d.rows.map((r) => (r.label?.length ?? 0) + 6),
    ),
    Math.floor(room / shownLanes),
  );
  const center = (i: number) => i * cw + Math.floor(cw / 2);
  const lanesWidth = shownLanes * cw;
  const noteWidth = Math.max(0, width - lanesWidth - 1);
  const blank = () => {
    const chars = Array<string>(lanesWidth).fill(" ");
    for (let i = 0; i < shownLanes; i++) chars[center(i)] = g.life;
    return chars;
  };
  for (const line of [0, 1] as const) {
    const chars = Array<string>(lanesWidth).fill(" ");
    for (let i = 0; i < shownLanes; i++) {
      const t = cut(fix(d.lanes[i]!.title[line]), cw - 1, g);
      const start = Math.max(
        i * cw,
        Math.min(center(i) - Math.floor(t.length / 2), (i + 1) * cw - t.length),
      );
      for (let k = 0; k < t.length; k++) chars[start + k] = t[k]!;
    }
    out.push(chars.join("").trimEnd());
  }
  out.push(blank().join("").trimEnd());
  for (const r of d.rows) {
    const chars = blank();
    const visible = (i: number | undefined) =>
      i !== undefined && i < shownLanes;
    if (r.to !== undefined && visible(r.from) && visible(r.to)) {
      const a = center(r.from);
      const b = center(r.to);
      const [lo, hi] = a < b ? [a, b] : [b, a];
      for (let x = lo + 1; x < hi; x++) {
        chars[x] = chars[x] === g.life ? g.cross : r.spawn ? g.dash : g.line;
      }
      if (a < b) chars[hi - 1] = g.right;
      else chars[lo + 1] = g.left;
      // The label sits in the gap next to where the arrow starts: never over a lifeline it crosses.
      const next = center(r.from + (a < b ? 1 : -1));
      const [gl, gh] = a < b ? [a, next] : [next, a];
      const span = gh - gl - 3;
      const label = cut(fix(r.label ?? ""), span - 2, g);
      if (label) {
        const start = gl + 2 + Math.floor((span - label.length - 2) / 2);
        chars[start] = " ";
        for (let k = 0; k < label.length; k++) chars[start + 1 + k] = label[k]!;
        chars[start + 1 + label.length] = " ";
      }
    } else if (visible(r.from) || visible(r.to)) {
      const at = visible(r.from) ? r.from : r.to!;
      chars[center(at)] = r.bad ? g.bad : g.mark;
    } else continue;
    // A long note goes on over the next lines, beside the lifelines alone.
    const [first, ...more] = wrap(fix(r.note), noteWidth, g);
    out.push((chars.join("") + " " + (first ?? "")).trimEnd());
    for (const line of more) out.push(blank().join("") + " " + line);
  }
  return out.join("\n") + "\n";
}

/** Text escaped for XML. */
function xml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
    // deno-lint-ignore no-control-regex
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, "");
}

/** Layout of the SVG, in pixels; the font is monospace, so a character's width is known. */
const FONT = 13;
const CHAR = FONT * 0.62;
const LANE = 170;
const ROW = 30;
const TOP = 84;

/**
 * The diagram as a self-contained SVG: lifelines, arrows with labels, notes beside.
 *
 * @example
 * ```ts ignore
 * await Deno.writeTextFile("session.svg", svgDiagram(buildDiagram(teach.events())));
 * ```
 */
export function svgDiagram(full: Diagram): string {
  const d = limitLanes(full, SVG_MAX_LANES);
  const notes = d.rows.map((r) => r.note);
  const longest = Math.max(
    20,
    ...notes.map((n) => n.length),
    ...d.header.map((h) => h.length),
  );
  const notesX = d.lanes.length * LANE + 16;
  const width = Math.ceil(Math.max(notesX + longest * CHAR + 16, 320));
  const headerY = 20 + d.header.length * 18;
  const top = TOP + d.header.length * 18;
  const height = top + (d.rows.length + 1) * ROW;
  const cx = (i: number) => i * LANE + LANE / 2 + 8;
  const el: string[] = [];
  el.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="${FONT}">`,
    `<title>${
      xml(say("diagramTitle", { events: d.transcript.length }))
    }</title>`,
    `<defs>${marker("head", "#000")}${marker("head-bad", "#c00000")}</defs>`,
    `<rect width="100%" height="100%" fill="white"/>`,
  );
  d.header.forEach((h, i) =>
    el.push(
      `<text class="header" x="8" y="${18 + i * 18}" fill="#555">${
        xml(h)
      }</text>`,
    )
  );
  const maxTitle = Math.floor((LANE - 16) / CHAR);
  // Every other row shaded, under the lifelines, so that a note reads with its arrow.
  for (let k = 0; k < d.rows.length; k += 2) {
    el.push(
      `<rect class="stripe" x="0" y="${
        top + k * ROW
      }" width="${width}" height="${ROW}" fill="#f2f5fa"/>`,
    );
  }
  d.lanes.forEach((l, i) => {
    const x = cx(i);
    const peer = l.key.startsWith("p:");
    el.push(
      `<g class="lane"><rect x="${x - LANE / 2 + 6}" y="${headerY}" width="${
        LANE - 12
      }" height="40" rx="4" fill="${
        peer ? "#f3f3f3" : "#eef4ff"
      }" stroke="#333"/>`,
      `<text class="title" x="${x}" y="${
        headerY + 16
      }" text-anchor="middle" font-weight="bold">${
        xml(cutPlain(l.title[0], maxTitle))
      }</text>`,
      `<text class="title" x="${x}" y="${headerY + 33}" text-anchor="middle">${
        xml(cutPlain(l.title[1], maxTitle))
      }</text>`,
      `<line class="lifeline" x1="${x}" y1="${headerY + 40}" x2="${x}" y2="${
        height - 8
      }" stroke="#333" stroke-dasharray="4 3"/></g>`,
    );
  });
  d.rows.forEach((r, k) => {
    const y = top + k * ROW + ROW / 2;

    const colour = r.bad ? "#c00000" : "#000";
    if (r.to !== undefined) {
      const a = cx(r.from);
      const b = cx(r.to);
      el.push(
        `<line class="arrow" x1="${a}" y1="${y}" x2="${b}" y2="${y}" stroke="${colour}" stroke-width="1.5"${
          r.spawn ? ' stroke-dasharray="6 4"' : ""
        } marker-end="url(#${r.bad ? "head-bad" : "head"})"/>`,
      );
      // The label sits in the gap next to where the arrow starts: never over a lifeline it crosses.
      const next = cx(r.from + (a < b ? 1 : -1));
      const room = Math.floor((LANE - 12) / CHAR);
      const label = cutPlain(r.label ?? "", room);
      if (label) {
        el.push(
          `<text class="label" x="${(a + next) / 2}" y="${
            y - 5
          }" text-anchor="middle" fill="${colour}">${xml(label)}</text>`,
        );
      }
    } else {
      const x = cx(r.from);
      el.push(
        r.bad
          ? `<path class="mark" d="M${x - 5},${y - 5} L${x + 5},${y + 5} M${
            x - 5
          },${y + 5} L${x + 5},${y - 5}" stroke="${colour}" stroke-width="2"/>`
          : `<circle class="mark" cx="${x}" cy="${y}" r="4" fill="${colour}"/>`,
      );
    }
    if (!r.note) return;
    el.push(
      `<text class="note" x="${notesX}" y="${y + 4}" fill="${colour}">${
        xml(r.note)
      }</text>`,
    );
  });
  el.push("</svg>");
  return el.join("\n") + "\n";
}

function marker(id: string, colour: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;
}

function cutPlain(text: string, max: number): string {
  if (max <= 0) return "";
  return text.length <= max ? text : text.slice(0, Math.max(0, max - 1)) + "…";
}

/**
 * A page with the SVG and the transcript of the calls beside it.
 *
 * @example
 * ```ts ignore
 * await Deno.writeTextFile("session.html", htmlDiagram(buildDiagram(teach.events())));
 * ```
 */
export function htmlDiagram(d: Diagram): string {
  const title = xml(say("diagramTitle", { events: d.transcript.length }));
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:sans-serif;margin:1em}main{display:flex;flex-wrap:wrap;gap:2em;align-items:flex-start}
pre{font-size:13px;background:#f7f7f7;padding:1em;white-space:pre-wrap;max-width:60em}</style></head>
<body><h1>${title}</h1><main><div>
${svgDiagram(d)}</div>
<section><h2>${xml(say("transcriptTitle"))}</h2><pre>${
    xml(d.transcript.join("\n"))
  }</pre></section></main></body></html>
`;
}
