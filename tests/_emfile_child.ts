/**
 * Run by tests/limits_test.ts under `prlimit --nofile=N`: a shell in this
 * process, commands run one after another as typed at the prompt (a failure
 * does not stop the next), until `listen` meets the descriptor limit; then the
 * same again, and after a `close`. One JSON line with what each step printed.
 *
 * @module
 */
import { TestShell } from "./_shell.ts";

using sh = new TestShell();
const seen: Record<string, string> = {};
let fd = 0;
for (let i = 0; i < 200 && !seen.first; i++) {
  await sh.run("socket tcp");
  fd = Number(/= (\d+)/.exec(sh.take().stdout)?.[1]);
  const r = await sh.run("listen");
  const out = sh.take();
  if (r.code !== 0) seen.first = out.stderr;
}
await sh.run("ls");
seen.lsBefore = sh.take().stdout;
await sh.run("listen");
seen.again = sh.take().stderr;
await sh.run("ls");
seen.lsAfter = sh.take().stdout;
await sh.run("close 3");
seen.close = sh.take().stdout;
await sh.run(`listen @${fd}`);
seen.freed = sh.take().stdout;
console.log(JSON.stringify({ fd, ...seen }));
