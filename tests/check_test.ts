/**
 * `sockshell check` against real programs: the handout's own C programs and
 * deliberately broken ones (tests/peers/broken_*.c), one per classic mistake,
 * each failing exactly the scenarios that show its mistake.
 */
import assert from "node:assert/strict";
import { programArgs } from "../lib/check/args.ts";
import { splitCheck, tapLines } from "../lib/check/check.ts";
import { keyedText } from "../lib/check/keyed.ts";
import { buildPeer, freePort, runPeer } from "./_peers.ts";
import { SHELL_FLAGS, sockshell, TestShell } from "./_shell.ts";

const ROOT = new URL("../", import.meta.url).pathname.replace(/\/$/, "");

/** sockshell check, run as a program with --allow-run on top of the shell's own permissions. */
function check(args: string[], stdin = "", lang = "en") {
  return runPeer(
    Deno.execPath(),
    [
      "run",
      "--quiet",
      ...SHELL_FLAGS,
      "--allow-run",
      `${ROOT}/mod.ts`,
      "--lang",
      lang,
      "check",
      ...args,
    ],
    { stdin, timeoutMs: 60000 },
  );
}

/** The numbers of the scenarios that failed, from TAP. */
function failed(tap: string): number[] {
  return [...tap.matchAll(/^not ok (\d+) - /gm)].map((m) => Number(m[1]));
}

/** How many scenarios ran, from the plan. */
function planned(tap: string): number {
  const m = /^1\.\.(\d+)$/m.exec(tap);
  assert.ok(m, `no TAP plan in:\n${tap}`);
  return Number(m[1]);
}

/** Check EXERCISE against tests/peers/PEER.c; the failing scenarios must be `expected`. */
async function expectFailures(
  exercise: string,
  peer: string,
  expected: number[],
): Promise<string> {
  const bin = await buildPeer(peer);
  const r = await check([exercise, bin]);
  assert.ok(r.stdout.startsWith("TAP version 13\n"), r.stdout + r.stderr);
  assert.ok(planned(r.stdout) >= 4);
  assert.deepEqual(failed(r.stdout), expected, r.stdout);
  assert.equal(r.code, expected.length ? 1 : 0, r.stdout + r.stderr);
  return r.stdout;
}

Deno.test("check age-server passes the handout's server in every scenario", async () => {
  const tap = await expectFailures("age-server", "age_server", []);
  assert.match(tap, /^ok 10 - 50 clients at once/m);
});

Deno.test("check age-server fails a server that takes one read as one line on segmentation only, with its hint", async () => {
  const tap = await expectFailures("age-server", "broken_read_once", [2, 3]);
  assert.match(
    tap,
    /hint: 'your server answered after the first read, but each line arrived in several segments: read until the newline'/,
  );
  assert.match(
    tap,
    /expected: '"Bonjour, ali\\nVeuillez entrer votre année de naissance: "'\n {2}got: '"Bonjour, a\\nVeuillez entrer votre année de naissance: "'/,
  );
  assert.match(tap, /send\(3, "i", 1, 0\) = 1/);
});

Deno.test("check age-server fails a reply length counted by hand on the handout's dialogue only", async () => {
  const tap = await expectFailures("age-server", "broken_reply_len", [1]);
  assert.match(tap, /got: '"\\nTapez q pour quitter:" and then nothing more'/);
  assert.match(tap, /cut: 'nothing more came: recv\(/);
});

Deno.test("check age-server fails a server that serves one client where another client comes", async () => {
  const tap = await expectFailures(
    "age-server",
    "broken_one_client",
    [4, 5, 8, 10],
  );
  assert.match(tap, /keep serving the others/);
});

Deno.test("check age-server fails a year read with atoi on the bad-year scenario only", async () => {
  const tap = await expectFailures("age-server", "broken_atoi", [6]);
  assert.match(
    tap,
    /got: '"Votre âge approximatif est 2005\.\\nTapez q pour quitter: "'/,
  );
  assert.match(tap, /condition: 'not contains'/);
});

Deno.test("check age-client passes the handout's client in every scenario", async () => {
  await expectFailures("age-client", "age_client", []);
});

Deno.test("check age-client fails a client that prints the question after answering it", async () => {
  const tap = await expectFailures("age-client", "broken_prompt_after", [1]);
  assert.match(tap, /expected: '"Veuillez entrer votre nom: "'\n {2}got: '""'/);
});

Deno.test("check age-client fails a client that spins at end of stream, and kills it", async () => {
  const tap = await expectFailures("age-client", "broken_no_eof", [3]);
  assert.match(tap, /waitpid\(\d+, &status, 0\) = -1 ETIMEDOUT/);
  assert.match(tap, /still running at the end of the scenario: killed/);
});

Deno.test("check tcp-server: the handout's server passes its exchange and fails the newline it cuts and one read taken as the message", async () => {
  const tap = await expectFailures("tcp-server", "tcp_server", [2, 3]);
  assert.match(tap, /^ok 1 - /m);
  assert.match(tap, /counts ç as one byte/);
  assert.match(tap, /got: '"J''ai reçu votre message"'/);
});

Deno.test("check tcp-client: the handout's client passes its exchange and fails one read taken as the answer and exit(0) on an error", async () => {
  const tap = await expectFailures("tcp-client", "tcp_client", [2, 9]);
  assert.match(tap, /your client printed the first read/);
});

Deno.test("check udp-server and udp-client pass the handout's UDP programs", async () => {
  await expectFailures("udp-server", "udp_listener", []);
  await expectFailures("udp-client", "udp_talker", []);
});

Deno.test("check --json gives one JSON document with each scenario", async () => {
  const bin = await buildPeer("broken_atoi");
  const r = await check(["--json", "age-server", bin]);
  assert.equal(r.code, 1);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.check, "age-server");
  assert.equal(doc.ok, false);
  assert.equal(doc.failed, 1);
  const bad = doc.scenarios.find((s: { ok: boolean }) => !s.ok);
  assert.match(bad.details.hint, /atoi/);
});

Deno.test("check runs a teacher's check file, with the ARGS before the exercise's and {port} placed", async () => {
  const bin = await buildPeer("age_server");
  const file = await Deno.makeTempFile({ suffix: ".sock" });
  try {
    await Deno.writeTextFile(
      file,
      [
        "set who bob",
        'scenario "the year given on the command line is the reference"',
        "  spawn $program -> p",
        "  socket tcp",
        "  connect -w 3 127.0.0.1 $port",
        '  send "$who\\n1990\\n"',
        '  recv -t 2 -u "est " -> a',
        '  recv -t 2 -u "." -> age',
        "  expect $age.before == 10",
        "end",
        'scenario "a failing one"',
        '  hint "this one fails on purpose"',
        "  expect 1 == 2",
        "end",
      ].join("\n"),
    );
    const r = await check([file, bin, "{port}", "2000"]);
    assert.deepEqual(failed(r.stdout), [2], r.stdout);
    assert.match(r.stdout, /hint: 'this one fails on purpose'/);
    assert.equal(r.code, 1);
  } finally {
    await Deno.remove(file);
  }
});

Deno.test("check keeps a program's first MiB and last 64 KiB of output when it prints without end, and says how much it wrote", async () => {
  const file = await Deno.makeTempFile({ suffix: ".sock" });
  try {
    await Deno.writeTextFile(
      file,
      [
        'scenario "a client stuck printing in a loop"',
        "  spawn $program -> p",
        "  sleep 0.5",
        "  output $p -> o",
        // What output gives is what was kept: never more than the bounds.
        `  expect $o.n <= ${1024 * 1024 + 2 * 64 * 1024}`,
        "  expect 1 == 2",
        "end",
      ].join("\n"),
    );
    // yes(1) writes its arguments as a line, again and again, as fast as the pipe takes them.
    const r = await check([file, "yes"]);
    assert.deepEqual(failed(r.stdout), [1], r.stdout);
    const m =
      /stdout: (\d+) bytes written in all: the (\d+) between its first MiB and its last 64 KiB were not kept/
        .exec(r.stdout);
    assert.ok(m, r.stdout);
    const [total, dropped] = [Number(m[1]), Number(m[2])];
    assert.ok(total > 4 * 1024 * 1024, `only ${total} bytes written`);
    assert.ok(total - dropped <= 1024 * 1024 + 2 * 64 * 1024);
    // The report ends with what it printed last.
    assert.match(r.stdout, /stdout: "[^']*\\n"'/);
  } finally {
    await Deno.remove(file);
  }
});

Deno.test("check -p prints a built-in check, and check alone lists them", async () => {
  const printed = await sockshell(["check", "-p", "age-server"]);
  assert.equal(printed.code, 0);
  // The built-in checks name their scenarios and hints by catalogue key.
  assert.match(
    printed.stdout,
    /^scenario -t 20 -k checks\.ageServer\.clients50AtOnce$/m,
  );
  assert.match(printed.stdout, /^ {2}hint -k checks\.ageServer\.\w+Hint$/m);
  const list = await sockshell(["check"]);
  assert.match(list.stdout, /age-client {2}3\.3/);
});

Deno.test("check without --allow-run says in one line how to run, with status 2, and starts nothing", async () => {
  const r = await sockshell(["check", "age-server", "/bin/true"]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /--allow-run/);
});

/** Stop a check with `signal` while a forking server holds two clients: nothing of the server's group may outlive it. */
async function stopCheck(signal: Deno.Signal, code: number): Promise<void> {
  const bin = await buildPeer("age_server");
  const file = await Deno.makeTempFile({ suffix: ".sock" });
  await Deno.writeTextFile(
    file,
    [
      'scenario "clients held open"',
      "  spawn $program $port -> p",
      "  socket tcp",
      "  connect -w 3 127.0.0.1 $port",
      "  socket tcp",
      "  connect -w 3 127.0.0.1 $port",
      "  sleep 30",
      "end",
    ].join("\n"),
  );
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      ...SHELL_FLAGS,
      "--allow-run",
      `${ROOT}/mod.ts`,
      "check",
      file,
      bin,
    ],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  try {
    // The server and its two forked children are up once their group has 3 processes.
    let group = "";
    for (let i = 0; i < 100 && !group; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const ps = new TextDecoder().decode(
        (await new Deno.Command("ps", { args: ["-eo", "pgid=,args="] })
          .output()).stdout,
      );
      const mine = ps.split("\n").map((l) => l.trim().split(/\s+/))
        .filter((f) => f[1] === bin);
      if (mine.length >= 3) group = mine[0]![0]!;
    }
    assert.ok(group, "the server and its children never all started");
    child.kill(signal);
    const out = await child.output();
    assert.equal(out.code, code);
    // A killed process is gone once reaped: give init a moment to reap the orphans.
    let left: string[] = [];
    for (let i = 0; i < 20; i++) {
      const ps = new TextDecoder().decode(
        (await new Deno.Command("ps", { args: ["-eo", "pgid=,stat=,args="] })
          .output()).stdout,
      );
      left = ps.split("\n").filter((l) => l.trim().split(/\s+/)[0] === group);
      if (!left.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(
      left,
      [],
      "a process of the program's group outlived the check",
    );
  } finally {
    try {
      child.kill("SIGKILL");
    } catch {
      // Already gone.
    }
    await Deno.remove(file);
  }
}

/** A fresh directory, removed with what it holds when the test's `await using` ends. */
async function tempDir(prefix: string) {
  const path = await Deno.makeTempDir({ prefix });
  return {
    path,
    [Symbol.asyncDispose]: () => Deno.remove(path, { recursive: true }),
  };
}

/** An executable file at `path` holding `text` (a script). */
async function executable(path: string, text: string): Promise<string> {
  await Deno.writeTextFile(path, text);
  await Deno.chmod(path, 0o755);
  return path;
}

let sleeps = 0;

/** `sleep N`, N unique to the test run: a process left behind, found by its command line. */
function uniqueSleep(): string {
  return `sleep ${
    86400 + ++sleeps * 1000000 + (Deno.pid * 1000 + Date.now()) % 1000000
  }`;
}

/** sockshell from source with --allow-run, running `line` as `-c` does. */
function shellWithRun(line: string) {
  return runPeer(Deno.execPath(), [
    "run",
    "--quiet",
    ...SHELL_FLAGS,
    "--allow-run",
    `${ROOT}/mod.ts`,
    "-c",
    line,
  ]);
}

/**
 * A copy of the handout's TCP server that first leaves a process in a session of its own, as
 * daemon() does: `sleep N`, N unique to the test. Returns the script and that process's args.
 */
async function daemonizingServer(dir: string): Promise<[string, string]> {
  const bin = await buildPeer("tcp_server");
  const left = uniqueSleep();
  const script = await executable(
    `${dir}/daemonizing_server`,
    `#!/bin/sh\nsetsid ${left} </dev/null >/dev/null 2>&1 &\nexec ${bin} "$@"\n`,
  );
  return [script, left];
}

/** The processes whose command line is `args`, once killed ones had a moment to go. */
async function stillThere(args: string): Promise<string[]> {
  let found: string[] = [];
  for (let i = 0; i < 20; i++) {
    const ps = new TextDecoder().decode(
      (await new Deno.Command("ps", { args: ["-eo", "pid=,args="] }).output())
        .stdout,
    );
    found = ps.split("\n").filter((l) =>
      l.trim().replace(/^\d+\s+/, "") === args
    );
    if (!found.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return found;
}

Deno.test("check kills what a server left outside its group (daemon(), setsid()), and says so in a TAP comment", async () => {
  await using tmp = await tempDir("sockshell-check-");
  const dir = tmp.path;
  const [script, left] = await daemonizingServer(dir);
  const r = await check(["tcp-server", script]);
  // The scenarios the handout's server fails, and no other.
  assert.deepEqual(failed(r.stdout), [2, 3], r.stdout);
  assert.match(
    r.stdout,
    /^ok 1 - .*\n# .*daemonizing_server \d+: it left 1 process behind, in a session of its own \(daemon\(\), setsid\(\)\): sleep \(pid \d+\): killed$/m,
  );
  assert.match(
    r.stdout,
    /^ {4}- ' {2}it left 1 process behind, in a session of its own/m,
  );
  assert.deepEqual(
    await stillThere(left),
    [],
    "a process outlived the check",
  );
});

Deno.test("check shows a program's path escaped when a student's directory name holds an escape sequence", async () => {
  await using tmp = await tempDir("sockshell-check-");
  const dir = tmp.path;
  // `for f in */a.out; do sockshell check ... "$f"`: the directory is the student's to name.
  const evil = `${dir}/evil\x1b[2J\u202edir`;
  await Deno.mkdir(evil);
  const [script, left] = await daemonizingServer(evil);
  const r = await check(["tcp-server", script]);
  assert.deepEqual(failed(r.stdout), [2, 3], r.stdout);
  // In the failures' programs, the transcripts and the passing scenarios' comments alike.
  assert.match(
    r.stdout,
    /^# .*evil\\x1b\[2J\\xe2\\x80\\xaedir\/daemonizing_server \d+: it left/m,
  );
  assert.match(
    r.stdout,
    /^ {4}- '.*evil\\x1b\[2J\\xe2\\x80\\xaedir\/daemonizing_server \d+: /m,
  );
  const all = r.stdout + r.stderr;
  assert.ok(!all.includes("\x1b") && !all.includes("\u202e"), r.stdout);
  // --json too: escaped as JSON escapes, the same path once parsed.
  const json = await check(["--json", "tcp-server", script]);
  assert.ok(
    // deno-lint-ignore no-control-regex -- looking for raw control characters is the point
    !/[\x1b\x7f-\x9f\u202e]/.test(json.stdout),
    "a raw control or bidi character in --json",
  );
  assert.deepEqual(JSON.parse(json.stdout).program, [script]);
  assert.deepEqual(await stillThere(left), []);
});

Deno.test("a program a script spawned: what it left outside its group dies when the shell leaves", async () => {
  await using tmp = await tempDir("sockshell-spawn-");
  const dir = tmp.path;
  const [script, left] = await daemonizingServer(dir);
  const port = freePort("tcp");
  const r = await shellWithRun(
    `spawn ${script} ${port}; socket tcp; connect -w 5 127.0.0.1 ${port}; exit`,
  );
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    await stillThere(left),
    [],
    "a process outlived the shell",
  );
});

Deno.test("check takes a client's exit when a child it forked still holds its output open, says so, and kills the child", async () => {
  await using tmp = await tempDir("sockshell-check-");
  const dir = tmp.path;
  // The handout's client, after starting a child that keeps the client's standard output
  // (a reader child of fork() that does not exit): `sleep N`, N unique to the test.
  const bin = await buildPeer("tcp_client");
  const left = uniqueSleep();
  const script = await executable(
    `${dir}/forking_client`,
    `#!/bin/sh\n${left} &\nexec ${bin} "$@"\n`,
  );
  const r = await check(["tcp-client", script]);
  // The handout's client's own failures, and no scenario lost waiting for the child.
  assert.deepEqual(failed(r.stdout), [2, 9], r.stdout);
  assert.match(
    r.stdout,
    /^# .*forking_client 127\.0\.0\.1 \d+: exit status 0, but a process it started still holds its output open/m,
  );
  assert.deepEqual(
    await stillThere(left),
    [],
    "the child outlived the check",
  );
});

Deno.test("wait gives a program's status at its exit, its output so far, while a child holds the output open", async () => {
  await using tmp = await tempDir("sockshell-spawn-");
  const dir = tmp.path;
  const left = uniqueSleep();
  const script = await executable(
    `${dir}/lingering`,
    `#!/bin/sh\necho before\n${left} &\nexit 7\n`,
  );
  const r = await shellWithRun(
    `spawn ${script} -> p; wait -t 5 $p -> w; print "status=$w.status out=$w.out"`,
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /= \d+ +exit status 7, but a process it started still holds its output open/,
  );
  assert.match(r.stdout, /^status=7 out=before\n$/m);
  assert.deepEqual(
    await stillThere(left),
    [],
    "the child outlived the shell",
  );
});

Deno.test("check with Ctrl-C kills the program and what it forked, and exits 124", async () => {
  await stopCheck("SIGINT", 124);
});

Deno.test("check killed with SIGTERM kills the program and what it forked first", async () => {
  await stopCheck("SIGTERM", 143);
});

Deno.test("programArgs puts the command line's ARGS first, the port at {port}, and none for a fixed port", () => {
  assert.deepEqual(programArgs([], ["4321"], "4321"), ["4321"]);
  assert.deepEqual(programArgs(["-v"], ["4321"], "4321"), ["-v", "4321"]);
  assert.deepEqual(programArgs(["-p", "{port}"], ["4321"], "4321"), [
    "-p",
    "4321",
  ]);
  assert.deepEqual(
    programArgs([], ["127.0.0.1", "hi", "4950"], "4950", true),
    ["127.0.0.1", "hi"],
  );
});

Deno.test("splitCheck finds scenarios around nested blocks and set-up between them", () => {
  const parts = splitCheck(
    [
      "set a 1",
      'scenario -t 3 "one"',
      "  while true",
      "    if $a == 1",
      "      break",
      "    end",
      "  end",
      "end",
      "set b 2",
      'scenario "two"; expect 1 == 1',
      "end",
    ].join("\n"),
  );
  assert.deepEqual(parts.map((p) => [p.kind, p.name, p.line]), [
    ["stmts", "", 1],
    ["scenario", "one", 3],
    ["stmts", "", 9],
    ["scenario", "two", 11],
  ]);
  assert.equal(parts[1]!.seconds, 3);
});

Deno.test("tapLines writes a failure's YAML block with single-quoted values", () => {
  const text = tapLines({
    n: 4,
    name: "x",
    ok: false,
    seconds: 1,
    details: { hint: "it's bad", sent: ['send(3, "a", 1, 0) = 1'] },
  });
  assert.equal(
    text,
    "not ok 4 - x\n  ---\n  hint: 'it''s bad'\n  sent:\n    - 'send(3, \"a\", 1, 0) = 1'\n  ...\n",
  );
});

Deno.test("check says in one line, with status 2, that a program cannot be run, before any scenario", async () => {
  const missing = await check(["age-server", "a.out"]);
  assert.equal(missing.code, 2);
  assert.equal(missing.stdout, "");
  assert.match(
    missing.stderr,
    /^check: cannot run a\.out: ENOENT \(not in PATH: write \.\/a\.out for a program in this directory\)\n$/,
  );
  const file = await Deno.makeTempFile();
  try {
    const r = await check(["age-server", file]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /EACCES \(not executable: chmod \+x /);
  } finally {
    await Deno.remove(file);
  }
});

Deno.test("a script saved with Windows line endings: check and spawn say its #! line ends with \\r, not that it is missing", async () => {
  await using tmp = await tempDir("sockshell-check-");
  const dir = tmp.path;
  // The classic: #!/bin/sh\r, which execve(2) reports as ENOENT though the script is there.
  const crlf = await executable(
    `${dir}/server.sh`,
    "#!/bin/sh\r\nexec true\r\n",
  );
  const missing = await executable(
    `${dir}/other.sh`,
    "#!/no/such/interpreter\ntrue\n",
  );
  const r = await check(["tcp-server", crlf]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "", "no scenario runs");
  assert.match(
    r.stderr,
    /^check: cannot run .*\/server\.sh: ENOENT \(the script is there, but its #! line ends with \\r, Windows line endings: \/bin\/sh\\r does not exist \(dos2unix .*\/server\.sh, /,
  );
  assert.match(
    (await check(["tcp-server", missing])).stderr,
    /ENOENT \(the script is there, but the interpreter its #! line names is not: \/no\/such\/interpreter\)\n$/,
  );
  assert.match(
    (await check(["tcp-server", dir])).stderr,
    /^check: cannot run .*: EACCES \(a directory, not a program\)\n$/,
  );
  using sh = new TestShell();
  const spawned = await sh.fails(`spawn ${crlf}`);
  assert.match(
    spawned.stderr,
    /= -1 ENOENT \(No such file or directory\): cannot start .*\/server\.sh: the script is there, but its #! line ends with \\r/,
  );
});

Deno.test("check under --lang fr reports in French around TAP's own English words, and still finds the failing line", async () => {
  const bin = await buildPeer("broken_read_once");
  const r = await runPeer(
    Deno.execPath(),
    [
      "run",
      "--quiet",
      ...SHELL_FLAGS,
      "--allow-run",
      `${ROOT}/mod.ts`,
      "--lang",
      "fr",
      "check",
      "age-server",
      bin,
    ],
    { timeoutMs: 60000 },
  );
  assert.ok(r.stdout.startsWith("TAP version 13\n"), r.stdout + r.stderr);
  assert.deepEqual(failed(r.stdout), [2, 3], r.stdout);
  const total = planned(r.stdout);
  assert.match(
    r.stdout,
    new RegExp(
      `\\n# ${total - 2} scénarios réussis sur ${total} en \\d+,\\d s\\n$`,
    ),
  );
  // The YAML keys are TAP's; the failing line is found in the French transcript.
  assert.match(
    r.stdout,
    /\n {2}at: 'age-server:\d+: arrêté : expect "\$q" == /,
  );
  assert.match(r.stdout, /: toujours en cours à la fin du scénario : tué'/);
  assert.equal(r.code, 1);
});

/** Each scenario's number and whether it passed, from TAP. */
function outcomes(tap: string): string[] {
  return [...tap.matchAll(/^(ok|not ok) (\d+) - /gm)].map((m) =>
    `${m[1]} ${m[2]}`
  );
}

Deno.test("check age-server under --lang fr names each scenario in French and passes the handout's server in every one", async () => {
  const bin = await buildPeer("age_server");
  const r = await check(["age-server", bin], "", "fr");
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(failed(r.stdout).length, 0, r.stdout);
  assert.equal(planned(r.stdout), 11, r.stdout);
  assert.match(r.stdout, /^ok 1 - le dialogue du polycopié : ali, 1983, q$/m);
  assert.match(
    r.stdout,
    /^ok 2 - chaque ligne en segments d'un octet, à 50 ms d'intervalle$/m,
  );
  assert.match(r.stdout, /^ok 10 - 50 clients à la fois : /m);
  assert.doesNotMatch(r.stdout, /^ok \d+ - (the|each|a|an|no) /m);
});

Deno.test("check age-server under --lang fr fails the same scenarios as in English on a server that reads once, with French hints", async () => {
  const bin = await buildPeer("broken_read_once");
  const [en, fr] = await Promise.all([
    check(["age-server", bin]),
    check(["age-server", bin], "", "fr"),
  ]);
  assert.deepEqual(outcomes(fr.stdout), outcomes(en.stdout), fr.stdout);
  assert.deepEqual(failed(fr.stdout), [2, 3], fr.stdout);
  assert.match(
    fr.stdout,
    /^not ok 3 - le nom, l'année et q réunis dans un seul segment$/m,
  );
  assert.match(
    fr.stdout,
    /\n {2}hint: 'votre serveur a répondu après le premier recv, mais chaque ligne est arrivée en plusieurs segments : lisez jusqu''au saut de ligne'\n/,
  );
  assert.doesNotMatch(fr.stdout, /hint: 'your /);
  // The C side stays as C shows it.
  assert.match(fr.stdout, /send\(3, "i", 1, 0\) = 1/);
  assert.equal(fr.code, 1);
});

Deno.test("a teacher's check with plain-text scenarios and hints reads the same in English and French, beside a catalogue key", async () => {
  const file = await Deno.makeTempFile({ suffix: ".sock" });
  try {
    await Deno.writeTextFile(
      file,
      [
        'scenario "my own words"',
        '  hint "my own hint"',
        "  expect 1 == 2",
        "end",
        "scenario -k checks.tcpServer.emptyLine",
        "  hint -k checks.tcpServer.emptyLineStillHint",
        "  expect 1 == 2",
        "end",
        'scenario "-k" is quoted, so plain text',
        "  expect 1 == 1",
        "end",
      ].join("\n"),
    );
    const en = await check([file, "/bin/true"]);
    const fr = await check([file, "/bin/true"], "", "fr");
    for (const r of [en, fr]) {
      assert.deepEqual(failed(r.stdout), [1, 2], r.stdout + r.stderr);
      assert.match(r.stdout, /^not ok 1 - my own words$/m);
      assert.match(r.stdout, /hint: 'my own hint'/);
      assert.match(r.stdout, /^ok 3 - -k is quoted, so plain text$/m);
      assert.equal(r.code, 1);
    }
    assert.match(en.stdout, /^not ok 2 - an empty line$/m);
    assert.match(
      en.stdout,
      /hint: 'an empty line is still a message: acknowledge it'/,
    );
    assert.match(fr.stdout, /^not ok 2 - une ligne vide$/m);
    assert.match(
      fr.stdout,
      /hint: 'une ligne vide est encore un message : accusez-en réception'/,
    );
  } finally {
    await Deno.remove(file);
  }
});

Deno.test("a check whose scenario -k names no message is refused in one line with status 2, before any scenario", async () => {
  const file = await Deno.makeTempFile({ suffix: ".sock" });
  try {
    await Deno.writeTextFile(
      file,
      'scenario "fine"\nend\nscenario -k checks.nope\nend\n',
    );
    const r = await check([file, "/bin/true"]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.equal(
      r.stderr,
      "check: scenario -k: no message is named checks.nope\n",
    );
  } finally {
    await Deno.remove(file);
  }
});

Deno.test("a hint -k that names no message fails its scenario with one line saying so", async () => {
  const file = await Deno.makeTempFile({ suffix: ".sock" });
  try {
    await Deno.writeTextFile(
      file,
      "scenario -k checks.tcpServer.emptyLine\n  hint -k checks.nope\nend\n",
    );
    const r = await check([file, "/bin/true"]);
    assert.deepEqual(failed(r.stdout), [1], r.stdout);
    assert.match(r.stdout, /hint -k: no message is named checks\.nope/);
    assert.equal(r.code, 1);
  } finally {
    await Deno.remove(file);
  }
});

Deno.test("keyedText fills a message's placeholders from name=value words, and refuses other words", () => {
  assert.deepEqual(keyedText("hint", "check.timedOut", ["seconds=3"]), {
    text: "the scenario did not finish within 3 s: it was stopped",
  });
  assert.deepEqual(keyedText("hint", "checks.tcpServer.emptyLine", ["3"]), {
    error:
      "hint -k: 3 is not name=value (a value for the message's placeholders)",
  });
  assert.deepEqual(keyedText("scenario", undefined, []), {
    error: "scenario -k: no message is named ",
  });
});
