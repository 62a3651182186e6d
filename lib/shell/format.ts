/**
 * How the shell shows addresses, bytes and calls.
 *
 * @module
 */

import type { Addr } from "../net.ts";
import { isUnix } from "../net.ts";
import { language, t } from "../i18n/mod.ts";

/** Most bytes shown inline before the rest is summarised (never dropped silently). */
export const SHOW_MAX = 4096;

/** Most bytes of what is sent shown in the call line: the count says the rest, as strace does. */
export const PREVIEW_MAX = 64;

const fatal = new TextDecoder("utf-8", { fatal: true });

/**
 * An address as C programmers write it: `127.0.0.1:4950`, `[::1]:4950`.
 *
 * @example
 * ```ts
 * console.log(fmtAddr({ host: "::1", port: 80 })); // "[::1]:80"
 * ```
 */
export function fmtAddr(a: Addr | undefined): string {
  if (!a) return "*";
  if ("path" in a) return fmtPath(a.path);
  // No address: a peer the runtime cannot name (reset before accept).
  if (a.host === "") return "?";
  return a.host.includes(":") ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`;
}

/**
 * A socket address as strace shows it, for getsockname and getpeername.
 *
 * @example
 * ```ts
 * console.log(fmtSockaddr({ host: "0.0.0.0", port: 4950 }));
 * // {sa_family=AF_INET, sin_port=htons(4950), sin_addr=inet_addr("0.0.0.0")}, [16]
 * ```
 */
export function fmtSockaddr(a: Addr): string {
  if (isUnix(a)) {
    // sun_family, then the path and its NUL (none for an unnamed socket), as Linux counts addrlen.
    const len = a.path === "" ? 2 : 3 + new TextEncoder().encode(a.path).length;
    return `${fmtSockaddrUn(a.path)}, [${len}]`;
  }
  return a.host.includes(":")
    ? `{sa_family=AF_INET6, sin6_port=htons(${a.port}), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "${a.host}", &sin6_addr), sin6_scope_id=0}, [28]`
    : `{sa_family=AF_INET, sin_port=htons(${a.port}), sin_addr=inet_addr("${a.host}")}, [16]`;
}

/**
 * A Unix-domain path as `ls` and `ss` show it: the path, `@name` for Linux's
 * abstract namespace, `(unnamed)` for a socket that never bound.
 */
export function fmtPath(path: string): string {
  if (path === "") return "(unnamed)";
  const shown = path[0] === "\0" ? "@" + path.slice(1) : path;
  // Printable paths as they are; anything else escaped, never raw.
  return /^[ -~]*$/.test(shown) ? shown : quoteText(shown);
}

/**
 * A Unix-domain address as strace shows a sockaddr_un in a call line.
 *
 * @example
 * ```ts
 * console.log(fmtSockaddrUn("/tmp/x.sock")); // {sa_family=AF_UNIX, sun_path="/tmp/x.sock"}
 * ```
 */
export function fmtSockaddrUn(path: string): string {
  if (path === "") return "{sa_family=AF_UNIX}";
  if (path[0] === "\0") {
    return `{sa_family=AF_UNIX, sun_path=@${quoteText(path.slice(1))}}`;
  }
  return `{sa_family=AF_UNIX, sun_path=${quoteText(path)}}`;
}

/**
 * A time limit in milliseconds as seconds with the language's decimal mark,
 * for a message: `0.1` in English, `0,1` in French.
 *
 * @example
 * ```ts ignore
 * seconds(1500); // "1.5" (English)
 * ```
 */
export function seconds(ms: number): string {
  return (ms / 1000).toLocaleString(language(), {
    maximumFractionDigits: 3,
    useGrouping: false,
  });
}

/**
 * What a terminal shows other than it is, besides the controls: Unicode's format characters
 * (bidi overrides and isolates, which reorder the rest of a line; zero-width spaces, the byte
 * order mark and tags, which show as nothing) and its line and paragraph separators. Zero-width
 * joiners and non-joiners stay: they join the letters of Persian and Indic scripts, and emoji.
 */
const FORMAT = /(?![\u200c\u200d])[\p{Cf}\u2028\u2029]/u;

const CONTROL = new RegExp(
  // deno-lint-ignore no-control-regex -- matching control characters is the point
  /[\x00-\x1f\x7f-\x9f]/.source + "|" + FORMAT.source,
  "gu",
);

const encoder = new TextEncoder();

/** A character as the `\xHH` escapes of its UTF-8 bytes, which `send` reads back as those bytes. */
function utf8Escape(ch: string): string {
  let out = "";
  for (const b of encoder.encode(ch)) {
    out += "\\x" + b.toString(16).padStart(2, "0");
  }
  return out;
}

/**
 * Text in double quotes, every control character and every character that reorders or hides
 * text escaped: `"hello\n"`.
 */
export function quoteText(s: string): string {
  // Printable ASCII without " or \ needs no escape: most of what a lab sends.
  if (/^[ !#-[\]-~]*$/.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\0") out += "\\0";
    else if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (c < 0x20 || c === 0x7f) {
      out += "\\x" + c.toString(16).padStart(2, "0");
    } else if ((c >= 0x80 && c < 0xa0) || (c >= 0xad && FORMAT.test(ch))) {
      // A C1 control, or a character that reorders or hides text: its bytes, as `send` reads them.
      out += utf8Escape(ch);
    } else out += ch;
  }
  return out + '"';
}

/**
 * Text made safe for one line of a terminal: every C0 and C1 control character, DEL, line
 * break and character that reorders or hides text becomes an escape (`\n`, `\x1b`, `\xc2\x9b`,
 * `\xe2\x80\xae` for a right-to-left override, as `send` reads them back). A backslash is left
 * alone, so text that is already escaped is not escaped twice.
 *
 * @example
 * ```ts
 * console.log(escapeControls("a\x1b[2J\nb")); // a\x1b[2J\nb, on one line
 * ```
 */
export function escapeControls(s: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(s)) return s;
  return s.replace(CONTROL, (ch) => {
    const c = ch.charCodeAt(0);
    if (ch === "\n") return "\\n";
    if (ch === "\r") return "\\r";
    if (ch === "\t") return "\\t";
    if (c >= 0x80) return utf8Escape(ch);
    return "\\x" + c.toString(16).padStart(2, "0");
  });
}

/**
 * JSON text with what {@link escapeControls} escapes written as `\uXXXX` escapes, which parse
 * back to the same text: `JSON.stringify` leaves DEL, C1 and format characters (a bidi
 * override) raw, and a JSON document printed on a terminal must not act on it.
 *
 * @example
 * ```ts
 * console.log(jsonEscapeControls(JSON.stringify("a\u202eb"))); // "a\u202eb"
 * ```
 */
export function jsonEscapeControls(json: string): string {
  return json.replace(CONTROL, (ch) => {
    // A raw newline in JSON.stringify's output is its own layout: in strings it is \n already.
    if (ch === "\n") return ch;
    // Each UTF-16 unit: a tag character outside the BMP is a surrogate pair.
    let out = "";
    for (let i = 0; i < ch.length; i++) {
      out += "\\u" + ch.charCodeAt(i).toString(16).padStart(4, "0");
    }
    return out;
  });
}

/**
 * Write one error line: the text escaped (see {@link escapeControls}), then painted, then a
 * newline. Every error the shell shows goes through here, so none can span lines or carry a
 * raw control character to the terminal.
 *
 * @example
 * ```ts ignore
 * errorLine(ctx.io, `record: cannot write ${file}: ENOENT`);
 * ```
 */
export function errorLine(
  io: { err(text: string): void; readonly paint: Paint },
  text: string,
): void {
  io.err(io.paint.bad(escapeControls(text)) + "\n");
}

/** Bytes as space-separated hex pairs: `48 65 0a`. */
export function hexPairs(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join(" ");
}

/**
 * Received bytes for a one-line view: quoted text when they are UTF-8, hex otherwise.
 * `length` is that of the whole when `b` holds only its start (a send that streams).
 *
 * @example
 * ```ts
 * console.log(showBytes(new Uint8Array([104, 105, 10]))); // "hi\n" in quotes
 * console.log(showBytes(new Uint8Array([0xff, 0x00]))); // hex ff 00
 * ```
 */
export function showBytes(
  b: Uint8Array,
  max = SHOW_MAX,
  length = b.length,
): string {
  const shown = b.length > max ? b.subarray(0, max) : b;
  let text: string;
  try {
    text = quoteText(fatal.decode(shown));
  } catch {
    // A cut inside a multibyte character is still text: show the complete part as text.
    const cut = utf8Prefix(shown);
    text = cut > 0 && cut >= shown.length - 3
      ? quoteText(fatal.decode(shown.subarray(0, cut))) + " + hex " +
        hexPairs(shown.subarray(cut))
      : "hex " + hexPairs(shown);
  }
  if (length > shown.length) {
    text += ` ${
      t("shell.moreBytes", {
        n: length - shown.length,
        hint: max === SHOW_MAX ? "x" : "other",
      })
    }`;
  }
  return text;
}

/** Length of the longest prefix of `b` that is valid UTF-8, or -1 when none is. */
function utf8Prefix(b: Uint8Array): number {
  for (let n = b.length - 1; n >= Math.max(1, b.length - 3); n--) {
    try {
      fatal.decode(b.subarray(0, n));
      return n;
    } catch {
      // Try a shorter prefix.
    }
  }
  return -1;
}

/**
 * A hex dump, 16 bytes a line with offsets and printable ASCII, like `xxd`.
 *
 * @example
 * ```ts
 * console.log(hexDump(new TextEncoder().encode("hello\n")));
 * ```
 */
export function hexDump(b: Uint8Array): string {
  const lines: string[] = [];
  for (let off = 0; off < b.length; off += 16) {
    const row = b.subarray(off, off + 16);
    const ascii = Array.from(
      row,
      (x) => (x >= 0x20 && x < 0x7f ? String.fromCharCode(x) : "."),
    ).join("");
    lines.push(
      `  ${off.toString(16).padStart(6, "0")}  ${
        hexPairs(row).padEnd(47)
      }  |${ascii}|`,
    );
  }
  return lines.join("\n");
}

/** ANSI colour, applied only when the output wants it. */
export interface Paint {
  /** A successful return value. */
  ok(s: string): string;
  /** A failure. */
  bad(s: string): string;
  /** A note or annotation. */
  dim(s: string): string;
}

/** Colours for a terminal. */
export const COLOR: Paint = {
  ok: (s) => `\x1b[32m${s}\x1b[0m`,
  bad: (s) => `\x1b[31m${s}\x1b[0m`,
  dim: (s) => `\x1b[2m${s}\x1b[0m`,
};

/** No colour, for pipes, files and NO_COLOR. */
export const PLAIN: Paint = { ok: (s) => s, bad: (s) => s, dim: (s) => s };

/** The column where a call's annotation starts. */
export const NOTE_COLUMN = 38;

/** `call = ret` with an annotation aligned at {@link NOTE_COLUMN}. */
export function callLine(
  call: string,
  ret: string,
  annotation: string | undefined,
  p: Paint,
): string {
  const left = `${call} = ${ret}`;
  if (!annotation) return p.ok(left);
  return p.ok(left) + " ".repeat(Math.max(1, NOTE_COLUMN - left.length)) +
    p.dim(annotation);
}
