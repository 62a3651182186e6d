/**
 * The tokenizer: quotes, escapes, `;` and `#`, variables, and the one-line
 * errors bad input gets.
 *
 * @module
 */

import assert from "node:assert/strict";
import { UsageError } from "../lib/shell/errors.ts";
import { scriptWord } from "../lib/script/words.ts";
import {
  concat,
  decodeText,
  encodeText,
  expand,
  lex,
  MAX_LINE,
  tokenize,
  type VarLookup,
} from "../lib/script/tokenize.ts";

const encoder = new TextEncoder();

/** The words of each command, as text. */
function texts(line: string, lookup?: VarLookup): string[][] {
  return tokenize(line, lookup).map((cmd) => cmd.map((w) => w.text));
}

/** The bytes of the one word of a one-word line. */
function bytesOf(line: string, lookup?: VarLookup): number[] {
  const cmds = tokenize(line, lookup);
  assert.equal(cmds.length, 1, `one command in ${line}`);
  assert.equal(cmds[0]!.length, 1, `one word in ${line}`);
  return [...cmds[0]![0]!.bytes];
}

/** Variables from a record of strings. */
function vars(v: Record<string, string>): VarLookup {
  return (name) => name in v ? encoder.encode(v[name]!) : undefined;
}

/** The message of the UsageError that tokenizing `line` throws (and that it is one line). */
function usageError(line: string, lookup?: VarLookup): string {
  try {
    tokenize(line, lookup);
  } catch (e) {
    assert.ok(e instanceof UsageError, `a UsageError, not ${e}`);
    assert.ok(!e.message.includes("\n"), `one line: ${e.message}`);
    assert.ok(e.message.length < 200, `a short message: ${e.message}`);
    return e.message;
  }
  assert.fail(`tokenizing ${JSON.stringify(line)} should fail`);
}

Deno.test("words are split on spaces and tabs, and runs of them count once", () => {
  assert.deepEqual(texts("bind   4950"), [["bind", "4950"]]);
  assert.deepEqual(texts("\tconnect\t localhost  4950 \t"), [[
    "connect",
    "localhost",
    "4950",
  ]]);
  assert.deepEqual(texts(""), []);
  assert.deepEqual(texts("   \t "), []);
});

Deno.test("a carriage return from a Windows line ending is only a separator", () => {
  assert.deepEqual(texts("listen 5\r"), [["listen", "5"]]);
});

Deno.test("double quotes keep spaces and join with what touches them", () => {
  assert.deepEqual(texts('send "hello world"'), [["send", "hello world"]]);
  assert.deepEqual(texts('send a"b c"d'), [["send", "ab cd"]]);
  assert.deepEqual(texts(`send "it's"`), [["send", "it's"]]);
});

Deno.test("single quotes are literal: no escapes and no variables", () => {
  assert.deepEqual(texts("send 'a\\nb $x ${y}'"), [[
    "send",
    "a\\nb $x ${y}",
  ]]);
  assert.deepEqual(texts(`send 'say "hi"'`), [["send", 'say "hi"']]);
});

Deno.test("empty quotes make an empty word rather than nothing", () => {
  const [cmd] = tokenize(`send "" ''`);
  assert.equal(cmd!.length, 3);
  assert.equal(cmd![1]!.bytes.length, 0);
  assert.equal(cmd![2]!.bytes.length, 0);
  assert.equal(cmd![1]!.quoted, true);
});

Deno.test("every named escape gives its byte, inside and outside double quotes", () => {
  const cases: [string, number][] = [
    ["n", 10],
    ["r", 13],
    ["t", 9],
    ["0", 0],
    ["\\", 92],
    ['"', 34],
    ["'", 39],
    ["$", 36],
  ];
  for (const [esc, byte] of cases) {
    assert.deepEqual(bytesOf(`"\\${esc}"`), [byte], `"\\${esc}" in quotes`);
    assert.deepEqual(bytesOf(`\\${esc}`), [byte], `\\${esc} bare`);
  }
  assert.deepEqual(bytesOf('"hello\\r\\n"'), [...encoder.encode("hello\r\n")]);
});

Deno.test("a backslash keeps a space, a semicolon or a hash in the word", () => {
  assert.deepEqual(texts(String.raw`send a\ b`), [["send", "a b"]]);
  assert.deepEqual(texts(String.raw`send a\;b; ls`), [["send", "a;b"], [
    "ls",
  ]]);
  assert.deepEqual(texts(String.raw`send \#1`), [["send", "#1"]]);
});

Deno.test("\\xHH gives the raw byte, upper or lower case, even when it is not UTF-8", () => {
  assert.deepEqual(bytesOf(String.raw`"\x41\x0a"`), [0x41, 0x0a]);
  assert.deepEqual(bytesOf(String.raw`"\xFF\xfe\x00"`), [0xff, 0xfe, 0x00]);
  assert.deepEqual(bytesOf(String.raw`\xc3\xa9`), [0xc3, 0xa9]);
  // Exactly two digits: a third is an ordinary character.
  assert.deepEqual(bytesOf(String.raw`"\x414"`), [0x41, 0x34]);
});

Deno.test("a word that is not UTF-8 keeps its exact bytes and shows replacement characters as text", () => {
  const [[, w]] = tokenize(String.raw`send "a\xffb\xc3"`) as [
    [unknown, { text: string; bytes: Uint8Array }],
  ];
  assert.deepEqual([...w.bytes], [0x61, 0xff, 0x62, 0xc3]);
  assert.equal(w.text, "a\ufffdb\ufffd");
});

Deno.test("non-ASCII text is kept as its UTF-8 bytes, astral characters included", () => {
  assert.deepEqual(bytesOf('"é😀"'), [0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]);
  assert.deepEqual(bytesOf("é😀"), [0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]);
  assert.deepEqual(texts("send 日本 語"), [["send", "日本", "語"]]);
});

Deno.test("a semicolon outside quotes separates commands, and empty commands vanish", () => {
  assert.deepEqual(texts("socket tcp; listen;ls"), [["socket", "tcp"], [
    "listen",
  ], ["ls"]]);
  assert.deepEqual(texts(";; ls ;;"), [["ls"]]);
});

Deno.test("a semicolon inside quotes is part of the text", () => {
  assert.deepEqual(texts(`send "a;b"; send 'c;d'`), [["send", "a;b"], [
    "send",
    "c;d",
  ]]);
});

Deno.test("a hash at the start of a word starts a comment to the end of the line", () => {
  assert.deepEqual(texts("# a whole-line comment"), []);
  assert.deepEqual(texts("listen 5 # the backlog; ls"), [["listen", "5"]]);
  assert.deepEqual(texts("ls;# comment"), [["ls"]]);
});

Deno.test("a hash inside quotes or inside a word is text", () => {
  assert.deepEqual(texts(`send "#1" '#2' a#3`), [["send", "#1", "#2", "a#3"]]);
});

Deno.test("$name and ${name} expand to the variable's bytes, also inside double quotes", () => {
  const v = vars({ port: "4950", host: "localhost", "conn.peer": "1.2.3.4" });
  assert.deepEqual(texts("connect $host $port", v), [[
    "connect",
    "localhost",
    "4950",
  ]]);
  assert.deepEqual(texts('send "to ${host}:$port!"', v), [[
    "send",
    "to localhost:4950!",
  ]]);
  assert.deepEqual(texts("send x${port}y$conn.peer", v), [[
    "send",
    "x4950y1.2.3.4",
  ]]);
});

Deno.test("variables hold bytes: a value that is not UTF-8 is passed on exactly", () => {
  const raw = new Uint8Array([0xff, 0x00, 0x80]);
  assert.deepEqual(
    bytesOf('"<$data>"', (n) => n === "data" ? raw : undefined),
    [0x3c, 0xff, 0x00, 0x80, 0x3e],
  );
});

Deno.test("positional $1, $# and $0 expand like names", () => {
  const v = vars({ "1": "4950", "#": "1", "0": "server.sock" });
  assert.deepEqual(texts("send $0 $1 $#", v), [[
    "send",
    "server.sock",
    "4950",
    "1",
  ]]);
});

Deno.test("${x:-default} gives the default only when x is unset", () => {
  assert.deepEqual(texts("bind ${port:-4950}"), [["bind", "4950"]]);
  assert.deepEqual(texts("bind ${port:-4950}", vars({ port: "80" })), [[
    "bind",
    "80",
  ]]);
  assert.deepEqual(texts('send "${greeting:-hello world}"'), [[
    "send",
    "hello world",
  ]]);
  assert.deepEqual(texts("send ${x:-}."), [["send", "."]]);
});

Deno.test("a variable that is empty stays empty rather than taking the default", () => {
  assert.deepEqual(texts("send a${x:-default}b", vars({ x: "" })), [[
    "send",
    "ab",
  ]]);
});

Deno.test("a dollar sign that starts no name is literal, and \\$ is always literal", () => {
  assert.deepEqual(texts('send $ "5$" "a$ b" \\$x'), [[
    "send",
    "$",
    "5$",
    "a$ b",
    "$x",
  ]]);
  assert.deepEqual(texts('send "cost: \\$5"'), [["send", "cost: $5"]]);
});

Deno.test("a word that starts with a variable is marked quoted, so its value is never an option or @fd", () => {
  const [cmd] = tokenize("recv $opt @3 -x", vars({ opt: "-x" }));
  assert.deepEqual(cmd!.map((w) => [w.text, w.quoted]), [
    ["recv", false],
    ["-x", true],
    ["@3", false],
    ["-x", false],
  ]);
  const [quoted] = tokenize(`recv "@3" '-x'`);
  assert.deepEqual(quoted!.map((w) => w.quoted), [false, true, true]);
});

Deno.test("lexing once and expanding twice sees the variables' new values", () => {
  const [cmd] = lex("send $n");
  let n = "1";
  const lookup: VarLookup = (name) =>
    name === "n" ? encoder.encode(n) : undefined;
  assert.equal(expand(cmd!, lookup)[1]!.text, "1");
  n = "2";
  assert.equal(expand(cmd!, lookup)[1]!.text, "2");
});

Deno.test("an undefined variable is one clear error that names it", () => {
  assert.match(usageError("send $nope"), /^undefined variable \$nope: /);
  assert.match(usageError('send "${nope}"'), /undefined variable \$nope/);
  assert.match(
    usageError("bind $1"),
    /^undefined variable \$1: no argument 1 was given$/,
  );
});

Deno.test("a malformed ${...} is one clear error showing how to write it", () => {
  const m = usageError("send ${bad name}");
  assert.match(m, /^bad variable reference "\$\{bad name\}/);
  assert.match(m, /\$\{name:-default\}/);
  assert.match(usageError('send "${"'), /^bad variable reference/);
});

Deno.test("an unterminated quote is one clear error naming the quote", () => {
  assert.equal(
    usageError('send "hello'),
    'unterminated quote: a " is never closed',
  );
  assert.equal(
    usageError("send 'hello"),
    "unterminated quote: a ' is never closed",
  );
  assert.equal(
    usageError(`send "it's`),
    'unterminated quote: a " is never closed',
  );
});

Deno.test("an unknown escape is one clear error listing the escapes there are", () => {
  const m = usageError(String.raw`send "\q"`);
  assert.match(m, /^unknown escape "\\q": use /);
  for (const e of ["\\n", "\\r", "\\t", "\\0", "\\xHH"]) {
    assert.ok(m.includes(e), `${m} lists ${e}`);
  }
  assert.match(usageError(String.raw`send \q`), /^unknown escape "\\q"/);
});

Deno.test("an escape of a control or astral character shows it visibly in the error", () => {
  const m = usageError('send "\\\x1b[31m"');
  assert.ok(!m.includes("\x1b"), `no raw ESC in ${JSON.stringify(m)}`);
  assert.match(m, /unknown escape "\\\\x1b"/);
  assert.match(usageError("send \\😀"), /unknown escape "\\😀"/);
});

Deno.test("\\x without two hex digits is one clear error", () => {
  assert.equal(
    usageError(String.raw`send \x4`),
    String.raw`bad escape "\x4": \x takes two hex digits, as in \x0a`,
  );
  assert.match(usageError(String.raw`send "\x4"`), /two hex digits/);
  assert.match(
    usageError(String.raw`send "\xzz"`),
    /^bad escape "\\xzz": \\x takes two hex digits, as in \\x0a$/,
  );
  assert.match(usageError(String.raw`send \x`), /^bad escape "\\x"/);
});

Deno.test("a backslash at the very end of the line is one clear error", () => {
  assert.equal(usageError("send abc\\"), "line ends with a lone backslash");
  assert.equal(usageError("\\"), "line ends with a lone backslash");
  assert.equal(usageError('send "abc\\'), "line ends with a lone backslash");
});

Deno.test("a line of exactly 64 KiB is accepted and one byte more is refused", () => {
  assert.equal(MAX_LINE, 65536);
  const at = "send " + "a".repeat(MAX_LINE - 5);
  assert.equal(tokenize(at)[0]![1]!.bytes.length, MAX_LINE - 5);
  assert.equal(
    usageError(at + "a"),
    "line too long: over 65536 bytes",
  );
});

Deno.test("the line limit counts UTF-8 bytes, not characters", () => {
  // 32769 two-byte characters: under the limit in characters, over it in bytes.
  assert.match(usageError("é".repeat(32769)), /^line too long/);
  assert.equal(tokenize("é".repeat(32768))[0]![0]!.bytes.length, 65536);
});

Deno.test("a 200 KB line is refused quickly, with a message that does not repeat it", () => {
  const start = performance.now();
  const m = usageError("send " + "x".repeat(200_000));
  assert.ok(performance.now() - start < 1000, "refused within a second");
  assert.equal(m, "line too long: over 65536 bytes");
});

Deno.test("concat joins byte arrays in order", () => {
  assert.deepEqual(
    [...concat([
      new Uint8Array([1]),
      new Uint8Array([]),
      new Uint8Array([2, 3]),
    ])],
    [1, 2, 3],
  );
  assert.deepEqual([...concat([])], []);
});

Deno.test("decodeText and encodeText agree with TextDecoder and TextEncoder, ASCII or not, short or long", () => {
  const texts = [
    "",
    "42",
    "127.0.0.1",
    "a".repeat(32),
    "a".repeat(33),
    "é",
    "€uro",
    "x\u0000y",
    "\x7f\x80",
  ];
  for (const s of texts) {
    const bytes = new TextEncoder().encode(s);
    assert.deepEqual(encodeText(s), bytes);
    assert.equal(decodeText(bytes), new TextDecoder().decode(bytes));
  }
  // Bytes that are not UTF-8 decode as the runtime's decoder does (replacement characters).
  const bad = new Uint8Array([0x61, 0xff, 0x62]);
  assert.equal(decodeText(bad), new TextDecoder().decode(bad));
});

Deno.test("scriptWord gives a word the tokenizer reads back as exactly its text's bytes", () => {
  const texts = [
    "HELO x",
    "price: $5 and ${HOME} $1",
    'say "hi" \\ back\\slash',
    "tab\there\r\nnul\0esc\x1b del\x7f",
    "c1 \u009b csi",
    "é漢🙂 ; # not a comment",
    "  spaces around  ",
    "",
  ];
  for (const text of texts) {
    const [cmd] = lex(`send ${scriptWord(text)}`);
    const words = expand(cmd!, () => undefined);
    assert.equal(words.length, 2, scriptWord(text));
    assert.deepEqual(words[1]!.bytes, new TextEncoder().encode(text), text);
  }
});
