/**
 * How the shell shows addresses, bytes and calls.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  callLine,
  COLOR,
  errorLine,
  escapeControls,
  fmtAddr,
  hexDump,
  hexPairs,
  jsonEscapeControls,
  NOTE_COLUMN,
  PLAIN,
  quoteText,
  SHOW_MAX,
  showBytes,
} from "../lib/shell/format.ts";
import { tokenize } from "../lib/script/tokenize.ts";

const encoder = new TextEncoder();
// deno-lint-ignore no-control-regex -- matching escapes is the point
const ANSI_SGR = /\x1b\[\d+m/g;
const bytes = (...b: number[]) => new Uint8Array(b);

Deno.test("fmtAddr writes IPv4 as host:port and IPv6 in brackets", () => {
  assert.equal(fmtAddr({ host: "127.0.0.1", port: 4950 }), "127.0.0.1:4950");
  assert.equal(fmtAddr({ host: "0.0.0.0", port: 0 }), "0.0.0.0:0");
  assert.equal(fmtAddr({ host: "::1", port: 4950 }), "[::1]:4950");
  assert.equal(fmtAddr({ host: "::", port: 80 }), "[::]:80");
  assert.equal(fmtAddr({ host: "fe80::1", port: 65535 }), "[fe80::1]:65535");
});

Deno.test("fmtAddr shows a missing address as *", () => {
  assert.equal(fmtAddr(undefined), "*");
});

Deno.test("quoteText wraps text in double quotes and escapes C's way", () => {
  assert.equal(quoteText("hello\n"), '"hello\\n"');
  assert.equal(quoteText("a\r\n\tb"), '"a\\r\\n\\tb"');
  assert.equal(quoteText("nul\0"), '"nul\\0"');
  assert.equal(quoteText('say "hi" \\o/'), '"say \\"hi\\" \\\\o/"');
  assert.equal(quoteText(""), '""');
});

Deno.test("quoteText shows every other control character as \\xHH", () => {
  assert.equal(quoteText("\x01\x1b[31m\x7f"), '"\\x01\\x1b[31m\\x7f"');
  for (let c = 0; c < 0x20; c++) {
    const q = quoteText(String.fromCharCode(c));
    assert.match(q, /^"\\(x[0-9a-f]{2}|[nrt0])"$/, `0x${c.toString(16)}`);
  }
});

Deno.test("quoteText shows a C1 control as its two UTF-8 bytes, the way send would take them", () => {
  assert.equal(quoteText("\u0085"), '"\\xc2\\x85"');
  assert.equal(quoteText("a\u009bb"), '"a\\xc2\\x9bb"');
});

Deno.test("quoteText keeps printable non-ASCII text as it is", () => {
  assert.equal(quoteText("déjà vu 😀 日本"), '"déjà vu 😀 日本"');
  assert.equal(quoteText("\u00a0"), '"\u00a0"');
});

Deno.test("what quoteText shows, typed back into the shell, gives the same bytes", () => {
  const samples = [
    "hello\n",
    "GET / HTTP/1.0\r\n\r\n",
    'a "quoted" \\ back\tslash',
    "\0\x01\x1b\x7f",
    "\u0080\u0085\u009f é 😀",
    "# not a comment; not a separator",
  ];
  for (const s of samples) {
    const word = tokenize(quoteText(s))[0]![0]!;
    assert.deepEqual(word.bytes, encoder.encode(s), JSON.stringify(s));
  }
});

Deno.test("hexPairs writes bytes as lower-case hex pairs separated by spaces", () => {
  assert.equal(hexPairs(bytes(0x48, 0x65, 0x0a, 0xff, 0)), "48 65 0a ff 00");
  assert.equal(hexPairs(bytes()), "");
});

Deno.test("showBytes shows UTF-8 data as quoted, escaped text", () => {
  assert.equal(showBytes(encoder.encode("hello\n")), '"hello\\n"');
  assert.equal(showBytes(encoder.encode("é\0")), '"é\\0"');
  assert.equal(showBytes(bytes()), '""');
});

Deno.test("showBytes shows data that is not UTF-8 as hex", () => {
  assert.equal(showBytes(bytes(0xff, 0x00, 0x41)), "hex ff 00 41");
  assert.equal(showBytes(bytes(0x80)), "hex 80");
  assert.equal(
    showBytes(bytes(0x61, 0xff, 0x62, 0x63, 0x64)),
    "hex 61 ff 62 63 64",
  );
});

Deno.test("showBytes shows text cut inside a multibyte character as the text plus the cut bytes", () => {
  // "hé" cut after the first byte of é, as a recv of 2 bytes would.
  assert.equal(showBytes(bytes(0x68, 0xc3)), '"h" + hex c3');
  // The first three bytes of a four-byte emoji.
  assert.equal(
    showBytes(bytes(0x6f, 0x6b, 0xf0, 0x9f, 0x98)),
    '"ok" + hex f0 9f 98',
  );
});

Deno.test("showBytes shows the first 4096 bytes and says exactly how many more there are", () => {
  const data = encoder.encode("a".repeat(SHOW_MAX + 10));
  const shown = showBytes(data);
  assert.ok(
    shown.startsWith('"' + "a".repeat(SHOW_MAX) + '"'),
    "the first SHOW_MAX bytes as text",
  );
  assert.ok(shown.endsWith(" ... and 10 more bytes (shown with -x)"), shown);
  assert.equal(
    showBytes(data.subarray(0, SHOW_MAX)),
    `"${"a".repeat(SHOW_MAX)}"`,
  );
});

Deno.test("hexDump writes 16 bytes a line with offsets and printable ASCII, like xxd", () => {
  const dump = hexDump(encoder.encode("hello world, this is\n\0\xff"));
  assert.equal(
    dump,
    "  000000  68 65 6c 6c 6f 20 77 6f 72 6c 64 2c 20 74 68 69  |hello world, thi|\n" +
      "  000010  73 20 69 73 0a 00 c3 bf                          |s is....|",
  );
});

Deno.test("hexDump shows every byte exactly once and non-printables as dots", () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  const lines = hexDump(all).split("\n");
  assert.equal(lines.length, 16);
  const hex = lines.map((l) => l.slice(10, 57).trim()).join(" ");
  assert.equal(hex, hexPairs(all));
  assert.equal(
    lines[0],
    "  000000  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f  |................|",
  );
  assert.equal(
    lines[4],
    "  000040  40 41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f  |@ABCDEFGHIJKLMNO|",
  );
  assert.equal(lines[7]!.slice(-18), "|pqrstuvwxyz{|}~.|");
  assert.equal(lines[15]!.slice(-18), "|................|");
});

Deno.test("hexDump of nothing is empty", () => {
  assert.equal(hexDump(bytes()), "");
});

Deno.test("callLine aligns the annotation at the note column", () => {
  const line = callLine(
    "listen(3, 5)",
    "0",
    "listening on 0.0.0.0:4950",
    PLAIN,
  );
  assert.equal(line.indexOf("listening"), NOTE_COLUMN);
  assert.equal(
    line,
    "listen(3, 5) = 0" + " ".repeat(NOTE_COLUMN - 16) +
      "listening on 0.0.0.0:4950",
  );
});

Deno.test("callLine keeps one space before the annotation when the call is longer than the column", () => {
  const call = "connect(4, 127.0.0.1:4950, sizeof(struct sockaddr_in))";
  assert.equal(callLine(call, "0", "local x", PLAIN), `${call} = 0 local x`);
});

Deno.test("callLine without an annotation is just the call and its value", () => {
  assert.equal(
    callLine("socket(AF_INET, SOCK_STREAM, 0)", "3", undefined, PLAIN),
    "socket(AF_INET, SOCK_STREAM, 0) = 3",
  );
});

Deno.test("colours paint with ANSI escapes and PLAIN leaves text alone", () => {
  assert.equal(COLOR.ok("x"), "\x1b[32mx\x1b[0m");
  assert.equal(COLOR.bad("x"), "\x1b[31mx\x1b[0m");
  assert.equal(COLOR.dim("x"), "\x1b[2mx\x1b[0m");
  for (const p of [PLAIN.ok, PLAIN.bad, PLAIN.dim]) assert.equal(p("x"), "x");
  assert.ok(!callLine("a", "0", "note", PLAIN).includes("\x1b"));
  // Padding is counted on the text, not on the escapes around it.
  assert.equal(
    callLine("a", "0", "note", COLOR).replace(ANSI_SGR, ""),
    callLine("a", "0", "note", PLAIN),
  );
});

Deno.test("escapeControls escapes C0, DEL, C1 and line breaks, and leaves backslashes and other text alone", () => {
  assert.equal(
    escapeControls("a\x1b[2J\n\r\t\x00\x7f\x9b\u2028é\\x1b"),
    "a\\x1b[2J\\n\\r\\t\\x00\\x7f\\xc2\\x9b\\xe2\\x80\\xa8é\\x1b",
  );
  assert.equal(escapeControls("plain text"), "plain text");
  // Already escaped text is not escaped twice.
  assert.equal(escapeControls(escapeControls("x\ny")), "x\\ny");
});

/** A peer's text with every kind of character that reorders a line or shows as nothing. */
const DISGUISED =
  "a\u202eb \u2066c\u2069 \u200bd \ufeffe \u{e0041}f \u00adg \u2029h \u061ci";
const DISGUISED_ESCAPED =
  "a\\xe2\\x80\\xaeb \\xe2\\x81\\xa6c\\xe2\\x81\\xa9 \\xe2\\x80\\x8bd " +
  "\\xef\\xbb\\xbfe \\xf3\\xa0\\x81\\x81f \\xc2\\xadg \\xe2\\x80\\xa9h \\xd8\\x9ci";
/** Text that only looks unusual: accents, a right-to-left script, emoji joined by ZWJ, a ZWNJ. */
const GENUINE = "café سلام 👨\u200d👩 می\u200cخواهم";

Deno.test("escapeControls and quoteText escape what reorders a line or shows as nothing, as send reads it back", () => {
  assert.equal(escapeControls(DISGUISED), DISGUISED_ESCAPED);
  assert.equal(quoteText(DISGUISED), `"${DISGUISED_ESCAPED}"`);
  // The escapes are the character's bytes: the tokenizer reads them back as the same text.
  assert.deepEqual(
    tokenize(quoteText(DISGUISED))[0]![0]!.bytes,
    encoder.encode(DISGUISED),
  );
  // Real text is left as it is.
  assert.equal(escapeControls(GENUINE), GENUINE);
  assert.equal(quoteText(GENUINE), `"${GENUINE}"`);
  assert.equal(
    showBytes(encoder.encode("x\u202ey")),
    '"x\\xe2\\x80\\xaey"',
  );
});

Deno.test("errorLine escapes before it paints: the shell's colours stay, the user's escapes do not", () => {
  const written: string[] = [];
  errorLine(
    { err: (t) => void written.push(t), paint: COLOR },
    "bad \x1b[2J\nx",
  );
  assert.deepEqual(written, ["\x1b[31mbad \\x1b[2J\\nx\x1b[0m\n"]);
});

Deno.test("jsonEscapeControls escapes what a terminal acts on as \\u escapes, keeps JSON's own newlines, and parses back the same", () => {
  const value = { a: "x\u202ey\u0085z\x7f\u{E0041}", b: ["\n\x1b"] };
  const json = jsonEscapeControls(JSON.stringify(value, null, 2));
  assert.ok(!/[\x7f-\x9f\u202e\u{E0041}]/u.test(json), json);
  assert.match(json, /"x\\u202ey\\u0085z\\u007f\\udb40\\udc41"/);
  assert.equal(json.split("\n").length, 6, "the layout's newlines stay");
  assert.deepEqual(JSON.parse(json), value);
});
