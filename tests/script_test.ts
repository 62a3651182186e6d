/**
 * The script language that the replays are written in: captures, variables,
 * arithmetic, blocks, fork, line and delimiter reads, parse errors and exit.
 * Sockets are real, on loopback; the other end is a raw Deno socket.
 */
import assert from "node:assert/strict";
import { freePort } from "./_peers.ts";
import { sockshell, TestShell } from "./_shell.ts";
import { REPLY, waitListening, Wire } from "./_wire.ts";
import { BlockReader, parseScript } from "../lib/script/script.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True if `p` has not settled yet (after letting pending callbacks run). */
async function pending(p: Promise<unknown>): Promise<boolean> {
  const marker = Symbol();
  const first = await Promise.race([p, pause(0).then(() => marker)]);
  return first === marker;
}

/** A temporary directory, removed on dispose. */
async function tempDir(): Promise<AsyncDisposable & { path: string }> {
  const path = await Deno.makeTempDir({ prefix: "sockshell_script_" });
  return {
    path,
    async [Symbol.asyncDispose]() {
      await Deno.remove(path, { recursive: true });
    },
  };
}

/** A quiet shell whose current descriptor is connected to a raw Deno socket, returned. */
async function connectedShell(): Promise<
  { sh: TestShell; peer: Deno.TcpConn }
> {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const sh = new TestShell();
  try {
    await sh.ok("trace off");
    const accepted = listener.accept();
    await sh.ok(`socket tcp -> s; connect 127.0.0.1 ${listener.addr.port}`);
    const peer = await accepted;
    peer.setNoDelay(true); // each write leaves as its own segment
    return { sh, peer };
  } catch (e) {
    sh.shell.close();
    throw e;
  } finally {
    listener.close();
  }
}

async function write(conn: Deno.Conn, text: string): Promise<void> {
  const bytes = encoder.encode(text);
  let n = 0;
  while (n < bytes.length) n += await conn.write(bytes.subarray(n));
}

Deno.test("socket tcp -> s captures the new descriptor into $s", async () => {
  using sh = new TestShell();
  await sh.ok("trace off; socket tcp -> s; socket udp -> u");
  assert.equal(await sh.ok('print "$s $u"'), "3 4\n");
});

Deno.test("recv -> m captures the data into $m, its length into $m.n and the line without its ending into $m.line", async () => {
  const { sh, peer } = await connectedShell();
  try {
    await write(peer, "hello\r\n");
    await sh.ok("recv -> m");
    assert.equal(await sh.ok('print "[$m.n][$m.line]"'), "[7][hello]\n");
    await sh.ok('expect "$m" == "hello\\r\\n"');
    // A second capture under the same name replaces every part of the first.
    await write(peer, "x");
    await sh.ok("recv -> m");
    assert.equal(await sh.ok('print "[$m][$m.n][$m.line]"'), "[x][1][x]\n");
  } finally {
    sh.shell.close();
    peer.close();
  }
});

Deno.test("accept -> c captures the connection's descriptor into $c and the client's address into $c.peer", async () => {
  using sh = new TestShell();
  await sh.ok("trace off; socket tcp -> l; bind 127.0.0.1 0; listen 5 -> on");
  const port = Number(await sh.ok("print $on.port"));
  const client = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    await sh.ok("accept @$l -> c");
    assert.equal(
      await sh.ok('print "$c $c.peer"'),
      `4 127.0.0.1:${client.localAddr.port}\n`,
    );
  } finally {
    client.close();
  }
});

Deno.test("set joins its words with one space, and variables expand inside quotes", async () => {
  using sh = new TestShell();
  await sh.ok("set greeting bonjour   le    monde");
  assert.equal(await sh.ok('print "<$greeting>"'), "<bonjour le monde>\n");
  await sh.ok('set quoted "a  b"');
  assert.equal(await sh.ok("print $quoted!"), "a  b!\n");
});

Deno.test("let computes whole numbers with + - * / % and parentheses, truncating division as C does", async () => {
  using sh = new TestShell();
  await sh.ok("let x = (2005 - 1983) * 2 % 7");
  await sh.ok("let y = -7 / 2");
  await sh.ok("let z = $x + 10 * 3");
  assert.equal(await sh.ok('print "$x $y $z"'), "2 -3 32\n");
});

Deno.test("let reads an expression as its regular expression does: digits, operators, any other run of non-spaces, Unicode spaces between", async () => {
  const { tokensOf } = await import("../lib/script/cond.ts");
  const regex = (e: string) => e.match(/\d+|[-+*/%()]|\S+/g) ?? [];
  assert.deepEqual(tokensOf("(12+x) *3"), ["(", "12", "+", "x)", "*", "3"]);
  assert.deepEqual(tokensOf("1\u00a0+\u20032\t-\v3"), [
    "1",
    "+",
    "2",
    "-",
    "3",
  ]);
  assert.deepEqual(tokensOf("x+1 é1 ~2"), ["x+1", "é1", "~2"]);
  // Random texts of the characters that matter, from a fixed seed: the same tokens every time.
  const chars = [..."0189 \t\n\v\f\r+-*/%()x_~é\u00a0\u2003\u3000\x00\x1f\x7f"];
  let seed = 20261201;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 20_000; i++) {
    let e = "";
    for (let n = Math.floor(next() * 12); n > 0; n--) {
      e += chars[Math.floor(next() * chars.length)];
    }
    assert.deepEqual(tokensOf(e), regex(e), JSON.stringify(e));
  }
  using sh = new TestShell();
  await sh.ok("let x = 6\u00a0*\u30007 - (2)");
  assert.equal(await sh.ok("print $x"), "40\n");
});

Deno.test("let reports an expression it cannot compute with status 2 and leaves the variable as it was", async () => {
  using sh = new TestShell();
  await sh.ok("set x 7");
  for (
    const [line, message] of [
      ["let x = 1 +", 'let: cannot compute "1 +": it ends too early'],
      ["let x = 5 / 0", 'let: cannot compute "5 / 0": division by zero'],
      ["let x = 5 % 0", 'let: cannot compute "5 % 0": division by zero'],
      ["let x = (1 + 2", 'let: cannot compute "(1 + 2": a ( is never closed'],
      [
        "let x = abc + 1",
        'let: cannot compute "abc + 1": "abc" is not a whole number',
      ],
      ["let x 5", "let: usage: let <name> = <expression>"],
      ["let 9x = 1", 'let: bad variable name "9x"'],
    ]
  ) {
    const r = await sh.fails(line!);
    assert.equal(r.code, 2, line);
    assert.equal(r.stderr, message + "\n", line);
  }
  assert.equal(await sh.ok("print $x"), "7\n");
});

Deno.test("print writes its words and a newline; -n leaves the newline out; -e writes on standard error", async () => {
  using sh = new TestShell();
  await sh.run("print un  deux; print -n trois; print -e quatre; print");
  assert.deepEqual(sh.take(), {
    stdout: "un deux\ntrois\n",
    stderr: "quatre\n",
  });
});

Deno.test("read takes lines piped on standard input, showing -p's prompt", async () => {
  const r = await sockshell(
    ["-c", 'read a; read -p "? " b; print "[$a][$b]"'],
    { stdin: "un\ndeux trois\n" },
  );
  assert.deepEqual(r, { code: 0, stdout: "? [un][deux trois]\n", stderr: "" });
});

Deno.test("read fails with status 1 at the end of input, and the script stops there", async () => {
  const r = await sockshell(["-c", "read a; read b; print never"], {
    stdin: "un\n",
  });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /^read: end of input: no line for \$b$/m);
});

Deno.test("if and else choose a branch, on one line at the prompt", async () => {
  using sh = new TestShell();
  assert.equal(
    await sh.ok("if 1 == 2; print yes; else; print no; end"),
    "no\n",
  );
  assert.equal(
    await sh.ok("if abc != abd; print different; end; print after"),
    "different\nafter\n",
  );
  assert.equal(await sh.ok("if false; print never; end"), "");
});

Deno.test("while repeats its block while the condition holds, on one line at the prompt", async () => {
  using sh = new TestShell();
  assert.equal(
    await sh.ok(
      "set i 0; while $i < 3; let i = $i + 1; print -n $i; end; print",
    ),
    "123\n",
  );
  assert.equal(await sh.ok("while false; print never; end"), "");
});

Deno.test("break leaves the innermost while loop only", async () => {
  using sh = new TestShell();
  const out = await sh.ok(
    "set i 0; while $i < 3; let i = $i + 1; set j 0; " +
      "while true; let j = $j + 1; if $j == 2; break; end; end; " +
      'print -n "$i.$j "; end; print',
  );
  assert.equal(out, "1.2 2.2 3.2 \n");
});

Deno.test("for runs its block once per word of its list, expanded then split on spaces", async () => {
  using sh = new TestShell();
  assert.equal(
    await sh.ok(
      'set r "5 7"; for fd in $r 9; print -n "[$fd]"; end; print; print $fd',
    ),
    "[5][7][9]\n9\n",
  );
  assert.equal(await sh.ok('set e ""; for x in $e; print never; end'), "");
  assert.equal(await sh.ok("for x in; print never; end"), "");
});

Deno.test("break leaves the innermost for loop only", async () => {
  using sh = new TestShell();
  assert.equal(
    await sh.ok(
      "for i in 1 2; for j in a b c; if $j == b; break; end; " +
        'print -n "$i$j "; end; end; print',
    ),
    "1a 2a \n",
  );
});

Deno.test("blocks run the same whether their commands wait or not: break, a failure and exit after a wait inside if, for and while", async () => {
  using sh = new TestShell();
  // `sleep 0` waits for a timer; `let` never waits: each block is tried both ways.
  for (const pause of ["sleep 0;", ""]) {
    assert.equal(
      await sh.ok(
        "set i 0; while $i < 3; let i = $i + 1; set j 0; " +
          `while $j < 5; ${pause} let j = $j + 1; if $j == 2; ${pause} break; end; end; ` +
          `for k in a b; ${pause} if $k == b; break; end; print -n "$i.$j$k "; end; end; print`,
      ),
      "1.2a 2.2a 3.2a \n",
      pause,
    );
    // A failure after a wait stops the loops and the line, with the command's status.
    const failed = await sh.fails(
      `set n 0; for k in a b c; while $n < 5; ${pause} let n = $n + 1; ` +
        `if $n == 2; ${pause} recv; end; end; end; print never`,
    );
    assert.equal(failed.code, 1, pause);
    assert.match(failed.stderr, /EBADF/, pause);
    assert.equal(await sh.ok("print $n"), "2\n", pause);
  }
  // exit after a wait, deep inside blocks, ends the script with its status.
  const r = await sockshell([
    "-c",
    "for k in a b; set m 0; while $m < 5; sleep 0; let m = $m + 1; if $k == a; print -n $k; exit 3; end; end; end; print never",
  ]);
  assert.equal(r.code, 3);
  assert.equal(r.stdout, "a");
});

Deno.test("$fds lists the open descriptors, unless a variable of that name is set", async () => {
  using sh = new TestShell();
  assert.equal(await sh.ok('print "[$fds]"'), "[]\n");
  await sh.ok("trace off; socket tcp; socket udp; socket tcp; close 4");
  assert.equal(await sh.ok('print "[$fds]"'), "[3 5]\n");
  assert.equal(
    await sh.ok("for fd in $fds; print -n $fd,; end; print"),
    "3,5,\n",
  );
  assert.equal(await sh.ok("set fds mine; print $fds"), "mine\n");
});

Deno.test("for without a variable and in fails to parse, and an open for asks for more lines", () => {
  assert.throws(
    () => parseScript("for x 1 2\nend"),
    /for needs a variable and a list/,
  );
  assert.throws(() => parseScript('for "x" in 1\nend'), /for needs a variable/);
  const reader = new BlockReader();
  assert.equal(reader.add("for fd in $r"), true);
  assert.equal(reader.add("  print $fd"), true);
  assert.equal(reader.add("end"), false);
});

Deno.test("comparisons: < <= > >= compare whole numbers, == != contains startswith endswith compare text", async () => {
  using sh = new TestShell();
  const holds = async (cond: string) =>
    (await sh.ok(`if ${cond}; print -n T; else; print -n F; end`)) === "T";
  // As numbers, not as text: "10" sorts before "9".
  assert.equal(await holds("10 > 9"), true);
  assert.equal(await holds("10 < 9"), false);
  assert.equal(await holds("-3 <= -3"), true);
  assert.equal(await holds("2 >= 3"), false);
  assert.equal(await holds("010 == 10"), false); // == compares text
  assert.equal(await holds('"a b" == "a b"'), true);
  assert.equal(await holds("abc != abc"), false);
  assert.equal(await holds('"Tapez q pour quitter: " endswith ": "'), true);
  assert.equal(await holds("bonjour startswith bon"), true);
  assert.equal(await holds("bonjour contains jou"), true);
  assert.equal(await holds("bonjour contains xyz"), false);
});

Deno.test("int tells a whole number from other text, and not inverts a condition", async () => {
  using sh = new TestShell();
  const holds = async (cond: string) =>
    (await sh.ok(`if ${cond}; print -n T; else; print -n F; end`)) === "T";
  assert.equal(await holds("int 1983"), true);
  assert.equal(await holds('int " 1983 "'), true);
  assert.equal(await holds("int -5"), true);
  assert.equal(await holds("int 19a3"), false);
  assert.equal(await holds('int ""'), false);
  assert.equal(await holds("not int abc"), true);
  assert.equal(await holds("not 1 == 1"), false);
  assert.equal(await holds("not not true"), true);
});

Deno.test("a condition that cannot be read, or a number that is not one, fails with status 2", async () => {
  using sh = new TestShell();
  let r = await sh.fails("if a b c d; print never; end");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^if: cannot read the condition "a b c d"/);
  r = await sh.fails("while abc < 3; print never; end");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^while: "abc" is not a whole number/);
});

Deno.test("expect that fails names the script line, stops the script and exits with status 1", async () => {
  await using dir = await tempDir();
  const file = `${dir.path}/check.sock`;
  await Deno.writeTextFile(
    file,
    "print avant\nset x 3\nexpect $x == 4\nprint après\n",
  );
  const r = await sockshell(["-q", file]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, "avant\n");
  assert.equal(
    r.stderr,
    `expect: failed: "3" == 4\n${file}:3: stopped: expect $x == 4\n`,
  );
  // The same at the prompt with run.
  using sh = new TestShell();
  const f = await sh.fails(`run ${file}`);
  assert.equal(f.code, 1);
  assert.match(
    f.stderr,
    new RegExp(`^${file}:3: stopped: expect \\$x == 4$`, "m"),
  );
  // An expect that holds is silent.
  assert.equal(await sh.ok("set x 3; expect $x == 3"), "");
});

Deno.test("fork runs its block for each client while the parent goes on: two children serve at once", async () => {
  await using dir = await tempDir();
  const file = `${dir.path}/fork.sock`;
  await Deno.writeTextFile(
    file,
    [
      "socket tcp -> server",
      "bind 127.0.0.1 $1",
      "listen 5",
      "accept @$server -> c1",
      "fork",
      "  recv -l -> m",
      '  send "un: $m.line\\n"',
      '  print "child 1 done"',
      "end",
      "accept @$server -> c2",
      "fork",
      "  recv -l -> m",
      '  send "deux: $m.line\\n"',
      '  print "child 2 done"',
      "end",
      'print "parent continues"',
      "",
    ].join("\n"),
  );
  using sh = new TestShell();
  await sh.ok("trace off");
  const port = freePort("tcp");
  const run = sh.run(`run ${file} ${port}`);
  const wires: Wire[] = [];
  let out = "";
  try {
    await waitListening(port);
    wires.push(await Wire.connect(port), await Wire.connect(port));
    const [first, second] = wires as [Wire, Wire];
    // The parent got past both forks while both children wait for a line.
    const deadline = Date.now() + 5000;
    while (!out.includes("parent continues\n") && Date.now() < deadline) {
      out += sh.take().stdout;
      await pause(10);
    }
    assert.equal(out, "parent continues\n");
    assert.ok(await pending(run), "run waits for its children");
    // The second child answers while the first still waits.
    await second.send("b\n");
    assert.equal(await second.until("\n"), "deux: b\n");
    await first.send("a\n");
    assert.equal(await first.until("\n"), "un: a\n");
    assert.equal((await run).code, 0);
    out += sh.take().stdout;
    assert.equal(out, "parent continues\nchild 2 done\nchild 1 done\n");
    // Each child closed its connection; the run closed the listener.
    assert.equal((await first.rest()).length, 0);
    assert.equal((await second.rest()).length, 0);
    assert.equal(sh.shell.table.list().length, 0);
  } finally {
    wires.forEach((w) => w.close());
    sh.shell.close();
    await run.catch(() => {});
  }
});

Deno.test("recv -l reads one line however the bytes are cut, and leaves the rest for the next read", async () => {
  const { sh, peer } = await connectedShell();
  try {
    const first = sh.run("recv -l -> a");
    await write(peer, "hel");
    await pause(30);
    assert.ok(await pending(first), "no line yet: recv -l still waits");
    await write(peer, "lo\nwor");
    assert.equal((await first).code, 0);
    const second = sh.run("recv -l -> b");
    await pause(30);
    assert.ok(await pending(second), "only half a line: recv -l still waits");
    await write(peer, "ld\r\n");
    assert.equal((await second).code, 0);
    assert.equal(
      await sh.ok('print "[$a][$a.n][$a.line] [$b][$b.n][$b.line]"'),
      "[hello\n][6][hello] [world\r\n][7][world]\n",
    );
  } finally {
    sh.shell.close();
    peer.close();
  }
});

Deno.test('recv -u ": " reads up to a delimiter cut across segments, then what is left at the end of stream', async () => {
  const { sh, peer } = await connectedShell();
  try {
    const prompt = sh.run('recv -u ": " -> p');
    await write(peer, "Veuillez entrer votre n");
    await pause(30);
    await write(peer, "om:");
    await pause(30);
    assert.ok(await pending(prompt), "the delimiter is not complete yet");
    // The space completes the delimiter: it belongs to the prompt.
    await write(peer, " Bonjour, ");
    assert.equal((await prompt).code, 0);
    assert.equal(
      await sh.ok('print "[$p][$p.n]"'),
      "[Veuillez entrer votre nom: ][27]\n",
    );
    // The peer closes without another ": ": recv -u gives what there is, then 0.
    await write(peer, "ali");
    peer.close();
    await sh.ok('recv -u ": " -> p');
    assert.equal(await sh.ok('print "[$p][$p.n]"'), "[Bonjour, ali][12]\n");
    await sh.ok('recv -u ": " -> p');
    assert.equal(await sh.ok('print "[$p][$p.n]"'), "[][0]\n");
  } finally {
    sh.shell.close();
    try {
      peer.close();
    } catch {
      // Closed above.
    }
  }
});

Deno.test("send -n 24 sends only the first 24 bytes, as C's len argument", async () => {
  const { sh, peer } = await connectedShell();
  try {
    await sh.ok(`send -n 24 "${REPLY}\\n"`);
    await sh.ok("close");
    const chunks: Uint8Array[] = [];
    const buf = new Uint8Array(64);
    for (let i = 0; i < 10; i++) {
      const n = await peer.read(buf);
      if (n === null) break;
      chunks.push(buf.slice(0, n));
    }
    const got = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
    let off = 0;
    for (const c of chunks) got.set(c, (off += c.length) - c.length);
    assert.equal(got.length, 24);
    assert.equal(decoder.decode(got), REPLY);
    // A length beyond the text is a usage error.
    const r = await sh.fails('send -n 99 "abc"');
    assert.equal(r.code, 2);
  } finally {
    sh.shell.close();
    peer.close();
  }
});

Deno.test("a script that cannot be parsed is reported with its line number, and nothing of it runs", async () => {
  await using dir = await tempDir();
  const cases: [string, number, string][] = [
    ["while true\n  recv\n", 3, "while is never closed: add end"],
    ["if true\n  print x\n", 3, "if is never closed: add end"],
    ["fork\n  recv\n", 3, "fork is never closed: add end"],
    ["end\n", 3, "end without an if, while, for or fork"],
    ["while true\nelse\nend\n", 4, "else without an if"],
    ["if true\nelse\nelse\nend\n", 5, "else without an if"],
    ["if true\n  break\nend\n", 4, "break outside a while or for loop"],
    ["fork x\nend\n", 3, "fork takes nothing: the block under it is the child"],
    [
      "while true\nend extra\n",
      4,
      "end takes nothing after it (use ; between commands)",
    ],
    [
      "if true\nelse if\nend\n",
      4,
      "else takes nothing after it (use ; between commands)",
    ],
  ];
  using sh = new TestShell();
  for (const [i, [body, line, message]] of cases.entries()) {
    const file = `${dir.path}/bad${i}.sock`;
    await Deno.writeTextFile(file, `socket tcp\nprint started\n${body}`);
    const r = await sh.run(`run ${file}`);
    assert.equal(r.code, 2, body);
    assert.deepEqual(
      sh.take(),
      { stdout: "", stderr: `${file}:${line}: ${message}\n` },
      body,
    );
    assert.equal(sh.shell.table.list().length, 0, "socket tcp did not run");
  }
  // At the prompt too, a line with an unclosed block runs nothing.
  const r = await sh.run("print started; while true; print x");
  assert.equal(r.code, 2);
  assert.deepEqual(sh.take(), {
    stdout: "",
    stderr: "while is never closed: add end\n",
  });
});

Deno.test("a script's arguments are $1, $2..., ${N:-default} when missing, $# their count and $0 its name", async () => {
  await using dir = await tempDir();
  const file = `${dir.path}/args.sock`;
  await Deno.writeTextFile(
    file,
    'print "$# [${1:-none}] [${2:-none}] [$0]"\n' +
      'if $# >= 2\n  print "[$1] [$2]"\nend\n',
  );
  using sh = new TestShell();
  assert.equal(
    await sh.ok(`run ${file} a "b c"`),
    `2 [a] [b c] [${file}]\n[a] [b c]\n`,
  );
  assert.equal(await sh.ok(`run ${file}`), `0 [none] [none] [${file}]\n`);
  // From the command line the same.
  assert.deepEqual(await sockshell([file, "x"]), {
    code: 0,
    stdout: `1 [x] [none] [${file}]\n`,
    stderr: "",
  });
  // A missing argument without a default is an error, not an empty word.
  await Deno.writeTextFile(file, "print [$1]\n");
  const r = await sh.fails(`run ${file}`);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^undefined variable \$1: no argument 1 was given$/m);
});

Deno.test("exit inside run ends only the replay: the shell goes on", async () => {
  await using dir = await tempDir();
  const file = `${dir.path}/exit.sock`;
  await Deno.writeTextFile(
    file,
    "socket tcp\nprint avant\nwhile true\n  exit $1\nend\nprint après\n",
  );
  using sh = new TestShell();
  await sh.ok("trace off");
  const r = await sh.run(`run ${file} 3`);
  assert.equal(r.code, 3);
  assert.deepEqual(sh.take(), { stdout: "avant\n", stderr: "" });
  assert.equal(sh.shell.exitCode, undefined);
  // What the replay opened is closed, as when a program exits.
  assert.equal(sh.shell.table.list().length, 0);
  assert.equal(await sh.ok("print encore"), "encore\n");
  // At the prompt, exit leaves the shell.
  assert.equal((await sh.run("exit 5")).code, 5);
  assert.equal(sh.shell.exitCode, 5);
  // The program goes on after a replay that exits 0.
  const p = await sockshell(["-q", "-c", `run ${file} 0; print après run`]);
  assert.deepEqual(p, { code: 0, stdout: "avant\naprès run\n", stderr: "" });
});

Deno.test("BlockReader waits for a block's end exactly when parseScript finds a block never closed", () => {
  const texts = [
    "while true",
    "while true\nprint x",
    "while true\nprint x\nend",
    "if true; print a; else",
    "if true\nelse\nelse",
    "fork\nwhile true\nbreak",
    "fork\nbreak",
    "while true; fork; recv -> x",
    "while true\nrecv -> 1x",
    "while true\nrecv -> x -> y",
    "while true\nend\nend",
    "if\nwhile true",
    "while true\nprint 'unterminated",
    "while true\nend extra",
    "fork now",
    "# if true",
    "print 'if true'",
    "",
  ];
  for (const text of texts) {
    let expected: boolean;
    try {
      parseScript(text);
      expected = false;
    } catch (e) {
      expected = (e as Error).message.endsWith("is never closed: add end");
    }
    const reader = new BlockReader();
    let open = false;
    for (const line of text.split("\n")) open = reader.add(line);
    assert.equal(open, expected, JSON.stringify(text));
  }
});

Deno.test("try lets a script go on after a failed call, with its errno in $name.errno and strerror's text in $name.error", async () => {
  using sh = new TestShell();
  const port = freePort("tcp"); // nothing listens there
  sh.scope.trace = false;
  const r = await sh.run(
    `socket tcp; try connect 127.0.0.1 ${port} -> c; print "$c $c.n $c.errno $c.error"; print after`,
  );
  assert.equal(r.code, 0);
  assert.deepEqual(sh.take(), {
    stdout: "-1 -1 ECONNREFUSED Connection refused\nafter\n",
    stderr: "",
  });
  // A call that succeeds under try: its values, and an empty errno.
  await sh.ok("socket udp; try bind 127.0.0.1 0 -> b");
  assert.equal(await sh.ok('print "[$b.errno][$b.error]"'), "[][]\n");
  assert.match(await sh.ok('print "$b.port"'), /^\d+\n$/);
  // The same name, failing then succeeding then failing: each capture's fields, no other.
  await sh.ok(`socket tcp; try connect 127.0.0.1 ${port} -> b`);
  assert.equal(
    await sh.ok('print "$b.n $b.errno ${b.port:-none}"'),
    "-1 ECONNREFUSED none\n",
  );
  await sh.ok("socket udp; try bind 127.0.0.1 0 -> b");
  assert.match(
    await sh.ok('print "[$b.errno][$b.error][${b.n:-none}] $b.port"'),
    /^\[\]\[\]\[none\] \d+\n$/,
  );
});

Deno.test("try shows the failed call when tracing, and never hides a usage error or an unknown command", async () => {
  using sh = new TestShell();
  const port = freePort("tcp");
  sh.scope.trace = true;
  await sh.ok("socket tcp");
  const traced = await sh.run(`try connect 127.0.0.1 ${port} -> c`);
  assert.equal(traced.code, 0);
  assert.match(sh.take().stderr, /= -1 ECONNREFUSED \(Connection refused\)/);
  const usage = await sh.fails("try connect 127.0.0.1 notaport -> c");
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /port must be a whole number/);
  const unknown = await sh.fails("try bogus");
  assert.equal(unknown.code, 127);
  const alone = await sh.fails("try");
  assert.match(alone.stderr, /try needs a command after it/);
});

Deno.test("try in a script run from the command line: it goes on after a failed recv and prints its own perror line", async () => {
  const r = await sockshell([
    "-c",
    'trace off; socket tcp; try recv -> m; if $m.n < 0; print -e "recv: $m.error"; end; print still running',
  ]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /still running\n$/);
  assert.match(r.stderr, /^recv: Transport endpoint is not connected\n$/);
});

Deno.test("parse errors are French under --lang fr, with the file and line as in English", async () => {
  const cases: Array<[string, string, string]> = [
    [
      "end",
      "-c:1: end without an if, while, for or fork\n",
      "-c:1: end sans if, while, for ni fork\n",
    ],
    [
      "if",
      "-c:1: if needs a condition, as in: if $n.n == 0\n",
      "-c:1: if attend une condition, par exemple : if $n.n == 0\n",
    ],
    [
      'print "abc',
      '-c:1: unterminated quote: a " is never closed\n',
      "-c:1: guillemet non terminé : un \" n'est jamais fermé\n",
    ],
    [
      "let x = (1",
      'let: cannot compute "(1": a ( is never closed\n-c:1: stopped: let x = (1\n',
      'let: impossible de calculer "(1" : une ( n\'est jamais fermée\n-c:1: arrêté : let x = (1\n',
    ],
  ];
  for (const [text, english, french] of cases) {
    const [en, fr] = await Promise.all([
      sockshell(["-c", text]),
      sockshell(["--lang", "fr", "-c", text]),
    ]);
    assert.equal(en.stderr, english, text);
    assert.equal(fr.stderr, french, text);
    assert.equal(fr.code, en.code, text);
  }
});

Deno.test("a capture drops the fields an earlier one of the same name left, in a loop as at once", async () => {
  using t = new TestShell();
  await t.ok("socket udp; bind 127.0.0.1 0; getsockname -> me");
  await t.ok(
    "let i = 0; while $i < 3; sendto 127.0.0.1 $me.port hi$i; recvfrom -> x; let i = $i + 1; end",
  );
  const fields = (out: string) =>
    out.split("\n").filter((l) => /^x[.=]/.test(l)).map((l) => l.split("=")[0])
      .sort();
  const afterRecv = await t.ok("set");
  assert.deepEqual(fields(afterRecv), [
    "x",
    "x.from",
    "x.host",
    "x.line",
    "x.n",
    "x.port",
  ]);
  assert.match(afterRecv, /^x="hi2"$/m);
  await t.ok("getsockname -> x");
  assert.deepEqual(fields(await t.ok("set")), ["x", "x.host", "x.port"]);
});
