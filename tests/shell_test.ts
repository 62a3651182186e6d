/**
 * The shell's error lines: whatever the user typed, an error is one line on
 * standard error, with every control character and line break escaped.
 */
import assert from "node:assert/strict";
import { callLines, sockshell, TestShell } from "./_shell.ts";
import { settle, within } from "./_net.ts";
import { Shell } from "../lib/shell/shell.ts";
import { builtInCommands } from "../commands/mod.ts";
import { denoBackend } from "../lib/net/deno.ts";
import { denoHost } from "../lib/ui/host_deno.ts";
import { PLAIN } from "../lib/shell/format.ts";

/** What the fuzzer found reaching the terminal raw: ESC sequences, BEL, CSI (C1), DEL, line breaks. */
const NASTY = "\x1b[2J\x07\x9b\x7f\u202e\u2066";

/**
 * A raw control character (C0, DEL, C1), a line separator, or a format character that
 * reorders a line or shows as nothing (a right-to-left override, a zero-width space).
 */
const RAW = new RegExp(
  // deno-lint-ignore no-control-regex -- looking for control characters is the point
  /[\x00-\x1f\x7f-\x9f]/.source +
    "|(?![\\u200c\\u200d])[\\p{Cf}\\u2028\\u2029]",
  "u",
);

/**
 * Lines that fail, each through another command's error path, with raw control characters
 * typed into the line or made by escapes and variables (`\n`, `\x1b`, `$v`).
 */
const FAILING = [
  `frob${NASTY}`,
  `expect =x< ${NASTY}`,
  `expect "a\\nb" == "c\\x1b"`,
  `socket ${NASTY}`,
  `bind "h\\x1b[2J\\nx" 80`,
  `bind 127.0.0.1 ${NASTY}`,
  `connect "a\\nb\\x9b" 80`,
  `listen ${NASTY}`,
  `accept -t ${NASTY}`,
  `recv -${NASTY}`,
  `recvfrom @${NASTY}`,
  `send @9 "x\\ny"`,
  `sendto "x\\ny\\x1b" 1 a`,
  `shutdown ${NASTY}`,
  `close ${NASTY}`,
  `use ${NASTY}`,
  `set ${NASTY} x`,
  `set v "\\x1b[2J\\r\\n"; use $v`,
  `let x = ${NASTY}`,
  `let "\\n" = 1`,
  `read -p x "\\x1b"`,
  `if ${NASTY}; end`,
  `while "\\n" ==; end`,
  `help ${NASTY}`,
  `run "/nonexistent/\\x1b[2J\\n"`,
  `record "/nonexistent/\\x1b[2J\\n"`,
  `gethostbyname "a\\x1b\\nb"`,
  `print \${${NASTY}}`,
  `print "\\x1"`,
  `print "\\${NASTY}"`,
  `ls ${NASTY}`,
  `trace ${NASTY}`,
  `exit ${NASTY}`,
  `print "${NASTY}`,
  `end${NASTY}`,
  `socket tcp -> ${NASTY}`,
];

Deno.test("every error line escapes control characters and line breaks, whichever command fails", async () => {
  using sh = new TestShell();
  for (const line of FAILING) {
    const r = await sh.run(line);
    const { stdout, stderr } = sh.take();
    const what = JSON.stringify(line);
    assert.notEqual(r.code, 0, what);
    assert.ok(stderr.endsWith("\n"), `${what}: ${JSON.stringify(stderr)}`);
    const lines = stderr.slice(0, -1).split("\n");
    assert.equal(lines.length, 1, `${what}: ${JSON.stringify(stderr)}`);
    assert.doesNotMatch(lines[0]!, RAW, `${what}: ${JSON.stringify(stderr)}`);
    assert.doesNotMatch(stdout, RAW, what);
    assert.equal(sh.shell.exitCode, undefined, what);
  }
  sh.shell.close();
});

Deno.test("print escapes control characters on a terminal, newlines and tabs aside, and writes the bytes as they are elsewhere", async () => {
  const line = 'print "a\\x1b[2Jb\\tc\\nd\\re\\xe2\\x80\\xaef"';
  {
    using sh = new TestShell(builtInCommands, { out: true, err: false });
    assert.equal(await sh.ok(line), "a\\x1b[2Jb\tc\nd\\re\\xe2\\x80\\xaef\n");
    // Standard error is not the terminal here: its bytes go as they are.
    assert.equal((await sh.run(line.replace("print", "print -e"))).code, 0);
    assert.equal(sh.take().stderr, "a\x1b[2Jb\tc\nd\re\u202ef\n");
  }
  using sh = new TestShell();
  assert.equal(await sh.ok(line), "a\x1b[2Jb\tc\nd\re\u202ef\n");
});

Deno.test("an error line keeps what is already escaped as it is", async () => {
  using sh = new TestShell();
  const r = await sh.fails('expect "\\\\x1b" == "\\x1b"');
  // The backslash typed stays one backslash; the raw ESC becomes \x1b.
  assert.equal(r.stderr, 'expect: failed: "\\\\x1b" == "\\x1b"\n');
});

Deno.test("a script's stopped line and the command line's own errors are escaped too", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sockshell-shell-" });
  try {
    const file = `${dir}/s.sock`;
    await Deno.writeTextFile(file, `print ok\nexpect =x< ${NASTY}\n`);
    for (
      const args of [[file], ["-c", `expect =x< ${NASTY}`], [`-${NASTY}`]]
    ) {
      const r = await sockshell(args);
      const what = JSON.stringify(args);
      assert.notEqual(r.code, 0, what);
      assert.ok(r.stderr.endsWith("\n"), what);
      assert.doesNotMatch(r.stderr.slice(0, -1).replaceAll("\n", ""), RAW);
      assert.doesNotMatch(r.stdout.replaceAll("\n", ""), RAW, what);
    }
    const viaStdin = await sockshell([], {
      stdin: `expect =x< ${NASTY}\n`,
    });
    const escaped =
      "=x< \\x1b[2J\\x07\\xc2\\x9b\\x7f\\xe2\\x80\\xae\\xe2\\x81\\xa6";
    assert.equal(
      viaStdin.stderr,
      `expect: cannot read the condition "${escaped}": write true, false, int X, not ..., or A OP B with OP one of == != < <= > >= contains startswith endswith (quote words with spaces)\n` +
        `stdin:1: stopped: expect ${escaped}\n`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("an unknown command with its suggestion, a usage error and a bad descriptor are French under LANG=fr_FR.UTF-8; the C calls are the English ones", async () => {
  const lines = [
    "socket tcp; bind 127.0.0.1 0; listen; rcv",
    "socket tcp; bind 99999",
    "socket tcp; ls @x",
    "listen",
  ];
  const run = (LANG: string) =>
    Promise.all(lines.map((l) => sockshell(["-c", l], { env: { LANG } })));
  const [english, french] = await Promise.all([
    run("C"),
    run("fr_FR.UTF-8"),
  ]);
  english.forEach((e, i) => {
    assert.equal(callLines(french[i]!.stdout), callLines(e.stdout), lines[i]);
    assert.equal(french[i]!.code, e.code, lines[i]);
  });
  assert.equal(
    english[0]!.stderr,
    'rcv: unknown command: did you mean "recv"? (help lists them)\n' +
      "-c:1: stopped: rcv\n",
  );
  assert.equal(
    french[0]!.stderr,
    'rcv: commande inconnue : vouliez-vous dire "recv" ? (help les liste toutes)\n' +
      "-c:1: arrêté : rcv\n",
  );
  assert.equal(english[0]!.code, 127);
  assert.equal(
    french[1]!.stderr,
    'bind: le port doit être un nombre entier de 0 à 65535, pas "99999"\n' +
      "-c:1: arrêté : bind 99999\n",
  );
  assert.equal(
    french[2]!.stderr,
    "ls: ls ne prend pas de descripteur (@x)\n-c:1: arrêté : ls @x\n",
  );
  // The call and its errno name stay C's; strerror and the detail are French.
  assert.equal(
    french[3]!.stderr,
    "listen(?, 4096) = -1 EBADF (Mauvais descripteur de fichier): " +
      "pas de descripteur courant : créez-en un avec 'socket tcp' ou choisissez-en un avec 'use FD'\n" +
      "-c:1: arrêté : listen\n",
  );
});

Deno.test("a line of standard input that comes after its read was interrupted is kept for the next read", async () => {
  // Standard input whose one line the test hands over when it chooses.
  let give: (line: string | null) => void = () => {};
  const files = {
    ...denoHost,
    readLine: () => new Promise<string | null>((r) => give = r),
  };
  let out = "";
  const io = {
    out: (t: string) => void (out += t),
    err: (t: string) => void (out += t),
    paint: PLAIN,
  };
  const shell = new Shell(denoBackend, builtInCommands, io, files);
  try {
    const scope = shell.newScope();
    const ctrlC = new AbortController();
    const first = shell.runLine("read a", scope, ctrlC.signal);
    await settle();
    ctrlC.abort();
    assert.equal((await within(first, 5000, "read after Ctrl-C")).code, 124);
    give("hello");
    const second = shell.runLine(
      'read b; print "[$b]"',
      scope,
      new AbortController().signal,
    );
    assert.equal((await within(second, 5000, "the next read")).code, 0);
    assert.ok(out.includes("[hello]\n"), out);
  } finally {
    shell.close();
  }
});
