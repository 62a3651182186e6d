/**
 * The command line, end to end: sockshell run as a program with the
 * permissions of `deno task start`, in its scripted modes (`-c`, a script
 * file, commands on standard input), on real loopback sockets.
 *
 * @module
 */

import assert from "node:assert/strict";
import { builtInCommands } from "../commands/mod.ts";
import { main, VERSION } from "../lib/ui/cli.ts";
import { denoHost } from "../lib/ui/host_deno.ts";
import { denoBackend } from "../lib/net/deno.ts";
import { freePort, type PeerResult } from "./_peers.ts";
import {
  LiveShell,
  sampleSession,
  sockshell,
  sockshellArgs,
} from "./_shell.ts";

const decoder = new TextDecoder();

/** Output with the client's ephemeral port (any port but `port`) written as EPH. */
function normalize(text: string, port: number): string {
  return text.replace(
    /127\.0\.0\.1:(\d+)/g,
    (all, p) => Number(p) === port ? all : "127.0.0.1:EPH",
  );
}

/** A temporary directory, removed by `using`'s dispose. */
function tempDir(): { path: string } & Disposable {
  const path = Deno.makeTempDirSync({ prefix: "sockshell-cli-" });
  return {
    path,
    [Symbol.dispose]: () => Deno.removeSync(path, { recursive: true }),
  };
}

/** True when nothing listens on `port` any more: a fresh listener can take it. */
function portIsFree(port: number): boolean {
  try {
    Deno.listen({ hostname: "0.0.0.0", port }).close();
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.AddrInUse) return false;
    throw e;
  }
}

/**
 * Check that a failure was reported in a line, never a crash: no stack
 * frame, no "Uncaught", one message line, and at most the script runner's
 * `NAME:LINE: stopped: ...` line after it. Returns the message line.
 */
function assertOneLineError(r: PeerResult, what: string): string {
  const context = `${what}: ${JSON.stringify(r.stderr.slice(0, 500))}`;
  assert.notEqual(r.code, 0, context);
  assert.doesNotMatch(r.stderr, /^\s+at /m, `no stack frame for ${context}`);
  assert.ok(!r.stderr.includes("Uncaught"), `no uncaught error: ${context}`);
  assert.ok(r.stderr.endsWith("\n"), context);
  const lines = r.stderr.slice(0, -1).split("\n");
  const message = lines.filter((l) =>
    !/^(-c|stdin|\S+\.sock):\d+: stopped: /.test(l)
  );
  assert.equal(message.length, 1, `one message line for ${context}`);
  assert.ok(lines.length <= 2, `at most the message and where: ${context}`);
  for (const l of lines) {
    assert.ok(l.length <= 300, `a line of ${l.length} characters for ${what}`);
  }
  return message[0]!;
}

Deno.test("the sample session gives the same call lines with -c, a script file and standard input", async () => {
  using dir = tempDir();
  const port = freePort("tcp");
  const lines = sampleSession(port);
  const script = `${dir.path}/session.sock`;
  await Deno.writeTextFile(script, lines.join("\n") + "\n");

  // One after the other: all three bind the same port.
  const byC = await sockshell(["-c", lines.join("; ")]);
  const byFile = await sockshell([script]);
  const byStdin = await sockshell([], { stdin: lines.join("\n") + "\n" });

  for (
    const [how, r] of [["-c", byC], ["file", byFile], [
      "stdin",
      byStdin,
    ]] as const
  ) {
    assert.equal(r.code, 0, `${how}: ${r.stderr}`);
    assert.equal(r.stderr, "", how);
  }
  const out = normalize(byC.stdout, port);
  assert.equal(normalize(byFile.stdout, port), out);
  assert.equal(normalize(byStdin.stdout, port), out);

  const calls = out.split("\n").filter((l) => /^\w+\(.*\) = /.test(l));
  const expected = [
    /^socket\(AF_INET, SOCK_STREAM, 0\) = 3$/,
    new RegExp(`^bind\\(3, 0\\.0\\.0\\.0:${port}\\) = 0$`),
    new RegExp(`^listen\\(3, 5\\) = 0 +listening on 0\\.0\\.0\\.0:${port}$`),
    /^socket\(AF_INET, SOCK_STREAM, 0\) = 4$/,
    new RegExp(
      `^connect\\(4, 127\\.0\\.0\\.1:${port}\\) = 0 +local 127\\.0\\.0\\.1:EPH$`,
    ),
    /^send\(4, "hello\\n", 6, 0\) = 6$/,
    /^accept\(3\) = 5 +peer 127\.0\.0\.1:EPH$/,
    /^recv\(5, buf, 255, 0\) = 6 "hello\\n"$/,
  ];
  assert.equal(calls.length, expected.length, out);
  expected.forEach((re, i) => assert.match(calls[i]!, re));
  // ls: the listener, the client, and the accepted connection, which is current.
  assert.match(
    out,
    new RegExp(`^  3 +tcp +LISTEN +0\\.0\\.0\\.0:${port} +\\*$`, "m"),
  );
  assert.match(
    out,
    new RegExp(
      `^  4 +tcp +ESTABLISHED +127\\.0\\.0\\.1:EPH +127\\.0\\.0\\.1:${port}$`,
      "m",
    ),
  );
  assert.match(
    out,
    new RegExp(
      `^\\* 5 +tcp +ESTABLISHED +127\\.0\\.0\\.1:${port} +127\\.0\\.0\\.1:EPH$`,
      "m",
    ),
  );
});

Deno.test("scripted modes print no prompt and no banner", async () => {
  using dir = tempDir();
  const script = `${dir.path}/s.sock`;
  await Deno.writeTextFile(script, "socket tcp\nls\n");
  const runs = await Promise.all([
    sockshell(["-c", "socket tcp; ls"]),
    sockshell([script]),
    sockshell([], { stdin: "socket tcp\nls\n" }),
  ]);
  for (const r of runs) {
    assert.equal(r.code, 0, r.stderr);
    assert.ok(
      r.stdout.startsWith("socket(AF_INET, SOCK_STREAM, 0) = 3\n"),
      r.stdout,
    );
    assert.ok(!r.stdout.includes("sockshell>"), "no prompt");
    assert.ok(!r.stdout.includes("sockshell@"), "no prompt");
    assert.ok(!r.stdout.includes("type 'help'"), "no banner");
    assert.equal(r.stderr, "");
  }
});

Deno.test("--help prints the usage on standard output and exits 0", async () => {
  for (const flag of ["--help", "-h"]) {
    const r = await sockshell([flag]);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, "");
    assert.ok(r.stdout.startsWith(`sockshell ${VERSION}: `), r.stdout);
    for (const part of ["Usage:", "-c ", "SCRIPT", "-q", "--version", "127"]) {
      assert.ok(r.stdout.includes(part), `help mentions ${part}`);
    }
  }
});

Deno.test("--version prints the version and the network backend", async () => {
  for (const flag of ["--version", "-V"]) {
    const r = await sockshell([flag]);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, "");
    assert.equal(r.stdout, `sockshell ${VERSION} (deno backend)\n`);
  }
  assert.match(VERSION, /^\d+\.\d+\.\d+$/);
});

Deno.test("an unknown option is one line on standard error and exit status 2", async () => {
  const r = await sockshell(["--bogus"]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr, "sockshell: unknown option --bogus (try --help)\n");
  const c = await sockshell(["-c"]);
  assert.equal(c.code, 2);
  assert.equal(c.stdout, "");
  assert.match(c.stderr, /^sockshell: -c needs commands, as in -c ".*"\n$/);
});

Deno.test("a script stops at its first failed call, names the file and line, and exits 1", async () => {
  using dir = tempDir();
  const script = `${dir.path}/fail.sock`;
  await Deno.writeTextFile(script, "socket tcp\nlisten\nbind 1\nls\n");
  const r = await sockshell([script]);
  assert.equal(r.code, 1);
  const lines = r.stderr.trimEnd().split("\n");
  assert.match(
    lines[0]!,
    /^bind\(3, 0\.0\.0\.0:1\) = -1 EINVAL \(Invalid argument\)/,
  );
  assert.equal(lines[1], `${script}:3: stopped: bind 1`);
  assert.equal(lines.length, 2);
  assert.ok(!r.stdout.includes("proto"), "ls did not run");
});

Deno.test("a script stops at its first bad usage with exit status 2", async () => {
  using dir = tempDir();
  const script = `${dir.path}/usage.sock`;
  await Deno.writeTextFile(script, "# a comment\nsocket tcp\nbind 70000\nls\n");
  const r = await sockshell([script]);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    'bind: port must be a whole number from 0 to 65535, not "70000"\n' +
      `${script}:3: stopped: bind 70000\n`,
  );
  assert.equal(r.stdout, "socket(AF_INET, SOCK_STREAM, 0) = 3\n");
});

Deno.test("a script stops at an unknown command with exit status 127", async () => {
  using dir = tempDir();
  const script = `${dir.path}/unknown.sock`;
  await Deno.writeTextFile(script, "socket tcp\n\nfrobnicate\nls\n");
  const r = await sockshell([script]);
  assert.equal(r.code, 127);
  const lines = r.stderr.trimEnd().split("\n");
  assert.match(lines[0]!, /^frobnicate: unknown command/);
  assert.equal(lines[1], `${script}:3: stopped: frobnicate`);
  assert.ok(!r.stdout.includes("proto"), "ls did not run");
});

Deno.test("-c and standard input name themselves in the stopped line", async () => {
  const [c, stdin] = await Promise.all([
    sockshell(["-c", "socket tcp; bind abc"]),
    sockshell([], { stdin: "socket tcp\nls\nbind abc\nls\n" }),
  ]);
  assert.equal(c.code, 2);
  assert.match(c.stderr, /\n-c:1: stopped: bind abc\n$/);
  assert.equal(stdin.code, 2);
  assert.match(stdin.stderr, /\nstdin:3: stopped: bind abc\n$/);
});

Deno.test("a missing script file is one line on standard error and exit status 2", async () => {
  using dir = tempDir();
  const path = `${dir.path}/no-such.sock`;
  const r = await sockshell([path]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr.split("\n").length, 2, r.stderr);
  assert.ok(
    r.stderr.startsWith(`sockshell: cannot read script ${path}`),
    r.stderr,
  );
});

Deno.test("-q hides the calls that succeed but not the errors", async () => {
  const r = await sockshell(["-q", "-c", "socket tcp; listen; bind 1"]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /^bind\(3, 0\.0\.0\.0:1\) = -1 EINVAL/);
  const loud = await sockshell(["-c", "socket tcp; listen"]);
  assert.match(loud.stdout, /^socket\(AF_INET, SOCK_STREAM, 0\) = 3\n/);
});

Deno.test("exit 3 exits with status 3 and runs nothing after it", async () => {
  const r = await sockshell(["-c", "exit 3; socket tcp"]);
  assert.equal(r.code, 3);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr, "");
  const stdin = await sockshell([], { stdin: "exit 3\nsocket tcp\n" });
  assert.equal(stdin.code, 3);
  assert.equal(stdin.stdout, "");
});

Deno.test("bad input on the command line is one line on standard error, never a stack trace", async () => {
  const cases: [string, RegExp][] = [
    ["rcv", /^rcv: unknown command: did you mean "recv"\?/],
    ["socket", /^socket: missing argument/],
    ["socket tcp udp x", /^socket: too many arguments/],
    ["socket tcp; bind 70000", /^bind: port must be .*"70000"/],
    ["socket tcp; bind -1", /^bind: port must be .*"-1"/],
    ["socket tcp; bind abc", /^bind: port must be .*"abc"/],
    ['socket tcp; send "abc', /unterminated quote: a " is never closed/],
    ["socket tcp; use 9", /^use: EBADF/],
    ["recv @9", /^recv\(9, .*\) = -1 EBADF/],
    // One argument can be at most 128 KiB (MAX_ARG_STRLEN): 100 KB here, 200 KB on stdin below.
    ["send " + "x".repeat(100_000), /line too long: over 65536 bytes/],
  ];
  const runs = await Promise.all(cases.map(([c]) => sockshell(["-c", c])));
  cases.forEach(([c, re], i) => {
    const message = assertOneLineError(runs[i]!, c.slice(0, 40));
    assert.match(message, re, c.slice(0, 40));
  });
});

Deno.test("an enormous line on standard input is one line on standard error", async () => {
  const r = await sockshell([], {
    stdin: "socket tcp\nsend " + "x".repeat(200_000) + "\nls\n",
  });
  assert.equal(r.code, 2);
  assert.match(assertOneLineError(r, "200 KB line"), /line too long/);
  assert.ok(!r.stdout.includes("proto"), "nothing after it ran");
});

Deno.test("binary garbage on standard input is one line on standard error, with no raw control bytes", async () => {
  // Fixed garbage, so a failure can be replayed: every byte value, shuffled.
  const garbage = new Uint8Array(3000);
  let x = 12345;
  for (let i = 0; i < garbage.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    garbage[i] = x >> 16 & 0xff;
  }
  const child = new Deno.Command(Deno.execPath(), {
    args: sockshellArgs([]),
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(garbage).catch(() => {});
  await writer.close().catch(() => {});
  const out = await child.output();
  const r = {
    code: out.code,
    stdout: decoder.decode(out.stdout),
    stderr: decoder.decode(out.stderr),
  };
  assertOneLineError(r, "binary garbage");
  // An escape sequence from the input must not reach the terminal.
  // deno-lint-ignore no-control-regex -- finding control bytes is the point
  assert.doesNotMatch(r.stderr.slice(0, -1), /[\x00-\x08\x0b-\x1f\x7f]/);
});

Deno.test("output through pipes has no ANSI escapes, with or without NO_COLOR", async () => {
  const port = freePort("tcp");
  const commands = [...sampleSession(port), "bind 1"].join("; ");
  // Without NO_COLOR in the environment at all: pipes alone turn colour off.
  const env: Record<string, string> = { PATH: Deno.env.get("PATH") ?? "" };
  const home = Deno.env.get("HOME");
  if (home) env.HOME = home;
  const plain = await sockshell(["-c", commands], { env, clearEnv: true });
  const noColor = await sockshell(["-c", commands], {
    env: { ...env, NO_COLOR: "1" },
    clearEnv: true,
  });
  for (const r of [plain, noColor]) {
    assert.equal(r.code, 1, r.stderr);
    assert.ok(r.stdout.includes("recv(5, buf, 255, 0) = 6"), r.stdout);
    assert.ok(r.stderr.includes("EINVAL"), r.stderr);
    assert.ok(!r.stdout.includes("\x1b"), "no escape on stdout");
    assert.ok(!r.stderr.includes("\x1b"), "no escape on stderr");
  }
});

Deno.test("SIGINT while a script is blocked in accept prints EINTR, exits 124 and frees the port", async () => {
  const port = freePort("tcp");
  await using sh = new LiveShell([
    "-c",
    `socket tcp; bind ${port}; listen 5; accept; ls`,
  ]);
  await sh.until(/^listen\(3, 5\) = 0/m, "stdout", 5000);
  sh.child.kill("SIGINT");
  const status = await sh.status();
  assert.equal(status.code, 124);
  const stderr = sh.stderr;
  assert.equal(
    stderr,
    "accept(3) = -1 EINTR (Interrupted system call): interrupted by Ctrl-C\n" +
      "-c:1: stopped: accept\n",
  );
  assert.ok(!sh.stdout.includes("proto"), "ls did not run");
  assert.ok(portIsFree(port), `port ${port} is free again`);
});

Deno.test("SIGINT while a script is blocked in recv prints EINTR, exits 124 and frees the port", async () => {
  using dir = tempDir();
  const port = freePort("tcp");
  const script = `${dir.path}/recv.sock`;
  await Deno.writeTextFile(
    script,
    [
      "socket tcp",
      `bind ${port}`,
      "listen 5",
      "socket tcp",
      `connect 127.0.0.1 ${port}`,
      "use 3",
      "accept",
      "recv",
      "ls",
    ].join("\n"),
  );
  await using sh = new LiveShell([script]);
  await sh.until(/^accept\(3\) = 5 /m, "stdout", 5000);
  sh.child.kill("SIGINT");
  const status = await sh.status();
  assert.equal(status.code, 124);
  const stderr = sh.stderr;
  assert.match(
    stderr,
    /^recv\(5, buf, 255, 0\) = -1 EINTR \(Interrupted system call\): interrupted by Ctrl-C\n/,
  );
  assert.ok(stderr.endsWith(`${script}:8: stopped: recv\n`), stderr);
  assert.equal(stderr.split("\n").length, 3);
  assert.ok(portIsFree(port), `port ${port} is free again`);
});

Deno.test("every socket is closed when a script ends, in the same process", async () => {
  const port = freePort("tcp");
  const out: string[] = [];
  const code = await main(
    {
      ...denoHost,
      args: [
        "-c",
        `socket tcp; bind ${port}; listen 5; socket tcp; connect 127.0.0.1 ${port}`,
      ],
      isTerminal: () => false,
      write: (_fd, text) => void out.push(text),
    },
    denoBackend,
    builtInCommands,
  );
  assert.equal(code, 0, out.join(""));
  assert.ok(portIsFree(port), "the listener was closed");
});

Deno.test("a block of 20,000 lines piped on standard input runs once it ends, each line read once", async () => {
  // Parsing the whole block again at each line took 120 s for 8,000 lines; 20,000 would take
  // many minutes. Read line by line it is well within sockshell()'s own 10 s limit.
  const body = Array.from({ length: 20_000 }, (_, i) => `print ${i}`);
  const stdin = ["if false", ...body, "end", "print done"].join("\n") + "\n";
  const r = await sockshell([], { stdin });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, "done\n");
  assert.equal(r.stderr, "");
});

Deno.test("a line of 16 MB on standard input is refused in one line, gathered in time linear in its length", async () => {
  // Joining the pieces again at every read took 6 s for 4 MB: 16 MB would take about 100 s,
  // far over sockshell()'s own 10 s limit.
  const r = await sockshell([], { stdin: "x".repeat(16 << 20) + "\n" });
  assert.equal(r.code, 2);
  assert.equal(r.stderr, "stdin:1: line too long: over 65536 bytes\n");
});

Deno.test("read of a line over the line bound on standard input fails in one line, as a command line that long does", async () => {
  const stdin = "y".repeat(200_000) + "\nhello\n";
  const failed = await sockshell(["-c", "read a"], { stdin });
  assert.equal(failed.code, 1);
  assert.equal(
    failed.stderr,
    "read: line too long: over 65536 bytes: no line for $a\n" +
      "-c:1: stopped: read a\n",
  );
  // A command line that long is refused the same way.
  const shell = await sockshell([], {
    stdin: "print " + "y".repeat(200_000) + "\nprint after\n",
  });
  assert.equal(shell.code, 2);
  assert.equal(shell.stderr, "stdin:1: line too long: over 65536 bytes\n");
});

Deno.test("--help is French under --lang fr or LANG=fr_FR.UTF-8, and English under LANG=C or --lang en", async () => {
  const [english, flag, locale, forced] = await Promise.all([
    sockshell(["--help"], { env: { LANG: "C" } }),
    sockshell(["--lang", "fr", "--help"], { env: { LANG: "C" } }),
    sockshell(["--help"], { env: { LANG: "fr_FR.UTF-8" } }),
    sockshell(["--lang", "en", "--help"], { env: { LANG: "fr_FR.UTF-8" } }),
  ]);
  assert.ok(
    english.stdout.startsWith(
      `sockshell ${VERSION}: an interactive socket shell for learning BSD sockets\n`,
    ),
    english.stdout,
  );
  assert.equal(forced.stdout, english.stdout);
  assert.equal(locale.stdout, flag.stdout);
  assert.ok(
    flag.stdout.startsWith(
      `sockshell ${VERSION} : un shell interactif de sockets pour apprendre les sockets BSD\n`,
    ),
    flag.stdout,
  );
  assert.match(flag.stdout, /^Usage :$/m);
  assert.match(
    flag.stdout,
    /^ {2}-q, --quiet {4}n'affiche pas les appels qui réussissent/m,
  );
  // Options and commands are the same words in both languages.
  for (const word of ["-c COMMANDES", "--lang CODE", "-V, --version"]) {
    assert.ok(flag.stdout.includes(word), word);
  }
  assert.equal(flag.code, 0);
});

Deno.test("a bad command line is said in the locale's language, or in --lang's given before it", async () => {
  const [french, flag, english] = await Promise.all([
    sockshell(["--bogus"], { env: { LANG: "fr_FR.UTF-8" } }),
    sockshell(["--lang", "fr", "-c"], { env: { LANG: "C" } }),
    sockshell(["--bogus"], { env: { LANG: "C" } }),
  ]);
  assert.equal(
    french.stderr,
    "sockshell: option --bogus inconnue (essayez --help)\n",
  );
  assert.equal(french.code, 2);
  assert.equal(
    flag.stderr,
    'sockshell: -c attend des commandes, par exemple -c "socket tcp; listen"\n',
  );
  assert.equal(
    english.stderr,
    "sockshell: unknown option --bogus (try --help)\n",
  );
});
