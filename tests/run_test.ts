/**
 * `run FILE`: what is not a script is refused in one line, and the bounds on
 * a script's size and on runs nested inside one another.
 */
import assert from "node:assert/strict";
import { sockshell, TestShell } from "./_shell.ts";
import { MAX_RUN_DEPTH, MAX_SCRIPT_BYTES } from "../lib/script/script.ts";

function tempDir(): { path: string } & Disposable {
  const path = Deno.makeTempDirSync({ prefix: "sockshell-run-" });
  return {
    path,
    [Symbol.dispose]: () => Deno.removeSync(path, { recursive: true }),
  };
}

/** No raw C0/C1 control character, DEL or line break inside the text (its final newline aside). */
function assertOneCleanLine(text: string, what: string): void {
  assert.ok(text.endsWith("\n"), what);
  // deno-lint-ignore no-control-regex -- looking for control characters is the point
  assert.doesNotMatch(text.slice(0, -1), /[\x00-\x1f\x7f-\x9f]/, what);
}

Deno.test("run on a file that is not a script says so in one line, quoting only its first word, escaped", async () => {
  using dir = tempDir();
  using sh = new TestShell();
  const passwd = `${dir.path}/passwd`;
  await Deno.writeTextFile(
    passwd,
    "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n",
  );
  const r = await sh.fails(`run ${passwd}`);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    `run: ${passwd} is not a sockshell script: line 1 starts with "root:x:0:0:root:/root:/bin/bash", no command\n`,
  );
  // run -p prints no more of it.
  assert.equal((await sh.fails(`run -p ${passwd}`)).stderr, r.stderr);

  // A long first word is cut short; its control characters are escaped.
  const odd = `${dir.path}/odd`;
  await Deno.writeTextFile(odd, "\x1b[2J" + "y".repeat(100) + " more\n");
  const o = await sh.fails(`run ${odd}`);
  assertOneCleanLine(o.stderr, "odd");
  assert.equal(
    o.stderr,
    `run: ${odd} is not a sockshell script: line 1 starts with "\\x1b[2J${
      "y".repeat(28)
    }...", no command\n`,
  );

  // Binary content: named as such, nothing of it shown.
  const binary = `${dir.path}/binary`;
  await Deno.writeFile(binary, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1]));
  const b = await sh.fails(`run ${binary}`);
  assert.equal(
    b.stderr,
    `run: ${binary} is not a sockshell script: binary content (a NUL byte, or bytes that are not UTF-8)\n`,
  );
  assert.equal(await sh.ok("print still here"), "still here\n");
});

Deno.test("a script whose first command is a near-miss is still a script, stopped by the unknown command", async () => {
  using dir = tempDir();
  using sh = new TestShell();
  const file = `${dir.path}/typo.sock`;
  await Deno.writeTextFile(file, "# a comment first\n\nsokcet tcp\n");
  const r = await sh.fails(`run ${file}`);
  assert.equal(r.code, 127);
  assert.match(r.stderr, /^sokcet: unknown command: did you mean "socket"\?/);
});

Deno.test("sockshell FILE on a file that is not a script says so in one line and exits 2", async () => {
  using dir = tempDir();
  const file = `${dir.path}/notes.txt`;
  await Deno.writeTextFile(file, "Hello world, these are notes\n");
  const r = await sockshell([file]);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    `sockshell: ${file} is not a sockshell script: line 1 starts with "Hello", no command\n`,
  );
  assert.equal(r.stdout, "");
});

Deno.test("run reads at most MAX_SCRIPT_BYTES of a file: /dev/zero and a larger file are EFBIG, one line", async () => {
  using dir = tempDir();
  using sh = new TestShell();
  const z = await sh.fails("run /dev/zero");
  assert.equal(
    z.stderr,
    `run: cannot run /dev/zero: EFBIG: /dev/zero is over ${MAX_SCRIPT_BYTES} bytes (a script is at most ${MAX_SCRIPT_BYTES} bytes)\n`,
  );
  const big = `${dir.path}/big.sock`;
  const line = "print x\n";
  await Deno.writeTextFile(
    big,
    line.repeat(Math.floor(MAX_SCRIPT_BYTES / line.length) + 1),
  );
  assert.match((await sh.fails(`run ${big}`)).stderr, /: EFBIG: /);
  // Exactly at the limit is a script.
  const filler = MAX_SCRIPT_BYTES - line.length;
  const comment = "#".repeat(1023) + "\n";
  await Deno.writeTextFile(
    big,
    comment.repeat(Math.floor(filler / 1024)) +
      "#".repeat(filler % 1024 - 1) + "\n" + line,
  );
  assert.equal((await Deno.stat(big)).size, MAX_SCRIPT_BYTES);
  assert.equal(await sh.ok(`run ${big}`), "x\n");
  // The command line reads scripts within the same bound.
  const c = await sockshell(["/dev/zero"]);
  assert.equal(c.code, 2);
  assert.match(c.stderr, /^sockshell: cannot read script \/dev\/zero: EFBIG: /);
});

Deno.test("a script that runs itself stops at MAX_RUN_DEPTH with one line, and the shell goes on", async () => {
  using dir = tempDir();
  using sh = new TestShell();
  const file = `${dir.path}/self.sock`;
  await Deno.writeTextFile(
    file,
    `let n = \${1:-0} + 1\nprint -n "$n "\nrun ${file} $n\n`,
  );
  const r = await sh.run(`run ${file}`);
  const { stdout, stderr } = sh.take();
  assert.equal(r.code, 1);
  assert.equal(stderr, `run: too deeply nested (limit ${MAX_RUN_DEPTH})\n`);
  const levels = stdout.trim().split(" ");
  assert.equal(levels.length, MAX_RUN_DEPTH);
  assert.equal(levels.at(-1), String(MAX_RUN_DEPTH));
  // Reported again the next time, not silenced for good.
  const again = await sh.run(`run ${file}`);
  assert.equal(again.code, 1);
  assert.equal(
    sh.take().stderr,
    `run: too deeply nested (limit ${MAX_RUN_DEPTH})\n`,
  );
  assert.equal(sh.shell.table.list().length, 0);
});
