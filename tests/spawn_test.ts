/** `spawn`: a program started from the shell, named by its pid, not a descriptor. */
import assert from "node:assert/strict";
import { buildPeer, freePort } from "./_peers.ts";
import { TestShell } from "./_shell.ts";

Deno.test("spawn starts a program, gives its pid, and ls shows no descriptor for it", async () => {
  using sh = new TestShell();
  const out = await sh.ok("spawn /bin/echo bonjour -> p");
  assert.match(
    out,
    /^execvp\("\/bin\/echo", \["\/bin\/echo", "bonjour"\]\) = (\d+)/,
  );
  const pid = /= (\d+)/.exec(out)![1];
  assert.equal(await sh.ok('print "$p"'), `${pid}\n`);
  assert.match(await sh.ok("ls"), /no open descriptors/);
  await sh.ok("wait -t 2 $p -> p");
  assert.equal(await sh.ok('print -n "$p.out"'), "bonjour\n");
});

Deno.test("spawn reports ENOENT for a program that does not exist, and the shell goes on", async () => {
  using sh = new TestShell();
  const r = await sh.fails("spawn /nonexistent/a.out 4950");
  assert.match(r.stderr, /= -1 ENOENT \(No such file or directory\)/);
  assert.equal(await sh.ok("print ok"), "ok\n");
});

Deno.test("spawn -i writes the program's standard input at once", async () => {
  using sh = new TestShell();
  await sh.ok(
    'spawn -i "ali\\n" /bin/head -n 1 -> p; input -c $p; wait -t 2 $p -> p',
  );
  assert.equal(await sh.ok('print -n "$p.out"'), "ali\n");
});

Deno.test("spawn runs a real server that the shell then talks to", async () => {
  using sh = new TestShell();
  const bin = await buildPeer("age_server");
  const port = freePort("tcp");
  await sh.ok(`spawn ${bin} ${port} 2005 -> p`);
  await sh.ok(`socket tcp; connect -w 3 127.0.0.1 ${port}`);
  await sh.ok(
    'recv -t 2 -u ": " -> q; expect "$q" == "Veuillez entrer votre nom: "',
  );
  sh.shell.close();
  const { killAll } = await import("../lib/check/proc.ts");
  killAll();
});

Deno.test("input to a program that does not read blocks as write() does, until Ctrl-C: EINTR, one line, and the shell goes on", async () => {
  using sh = new TestShell();
  await sh.ok("spawn sleep 30 -> p");
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), 300);
  // 1.6 MB: far more than a pipe holds. Before, Ctrl-C did not reach the write: it hung.
  const r = await Promise.race([
    sh.run("input -r 200000 $p abcdefgh", ctl.signal),
    new Promise<"hung">((ok) => setTimeout(() => ok("hung"), 5000)),
  ]);
  clearTimeout(timer);
  assert.notEqual(r, "hung", "input did not give way to Ctrl-C");
  const { stderr } = sh.take();
  assert.match(
    stderr,
    /^write\(stdin of \d+, .*, 1600000\) = -1 EINTR \(Interrupted system call\): interrupted by Ctrl-C: the program was not reading its input, whose pipe is full; what it has not read stays queued for it\n$/,
  );
  assert.equal(await sh.ok("print usable"), "usable\n");
  await sh.run("exit");
});
