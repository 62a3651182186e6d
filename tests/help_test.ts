/** `help`: generated from the registry, never written twice. */
import assert from "node:assert/strict";
import { builtInCommands } from "../commands/mod.ts";
import { commandNames } from "../lib/shell/registry.ts";
import { summaryOf } from "../commands/help.ts";
import { TestShell } from "./_shell.ts";

Deno.test("help lists every command with its summary, in the order of a session", async () => {
  using sh = new TestShell();
  const out = await sh.ok("help");
  const lines = out.trimEnd().split("\n");
  assert.match(lines[0]!, /^Socket calls \(help COMMAND for one/);
  // The shell's own commands come after the socket calls, under their own heading.
  const split = lines.indexOf("Shell and scripts:");
  assert.ok(split > 0, "a Shell and scripts heading");
  for (const s of Object.values(builtInCommands)) {
    const at = lines.findIndex((l) => l.startsWith(`  ${s.name} `));
    assert.equal(at > split, s.kind === "shell", `${s.name} is in its group`);
  }
  const listed = lines.slice(1).filter((l) => /^ {2}\S/.test(l)).map((l) =>
    l.trim().split(/\s+/)[0]
  );
  const specs = Object.values(builtInCommands);
  assert.deepEqual(listed, specs.map((s) => s.name));
  for (const s of specs) {
    assert.ok(out.includes(`  ${summaryOf(s)}`), `summary of ${s.name}`);
  }
  for (
    const name of [
      "socket",
      "bind",
      "listen",
      "accept",
      "connect",
      "send",
      "recv",
      "sendto",
      "recvfrom",
      "shutdown",
      "close",
      "gethostbyname",
      "ls",
      "use",
      "help",
      "exit",
    ]
  ) {
    assert.ok((listed as string[]).includes(name), `${name} is listed`);
  }
});

Deno.test("help COMMAND shows its usage, C prototype, Deno call and example", async () => {
  using sh = new TestShell();
  const out = await sh.ok("help recv");
  const lines = out.split("\n");
  assert.match(lines[0]!, /^recv \[@fd\] .*\[n:integer\]$/);
  assert.ok(
    out.includes(
      "  C:       int recv(int socket, char *buffer, int len, int flags);",
    ),
  );
  assert.match(out, /\n {2}Deno: +Conn\.read\(buffer\)/);
  assert.match(out, /\n {2}Example: recv\n/);
});

Deno.test("help answers for every command and for an alias", async () => {
  using sh = new TestShell();
  for (const spec of Object.values(builtInCommands)) {
    const out = await sh.ok(`help ${spec.name}`);
    assert.ok(out.startsWith(spec.usage), spec.name);
    assert.ok(out.includes(`  C:       ${spec.c}\n`), spec.name);
    assert.ok(out.includes(`  Example: ${spec.example}\n`), spec.name);
  }
  assert.equal(await sh.ok("help write"), await sh.ok("help send"));
});

Deno.test("help for an unknown command fails with 127 and suggests a near name", async () => {
  using sh = new TestShell();
  const r = await sh.fails("help recvv");
  assert.equal(r.code, 127);
  assert.match(r.stderr, /^help: no command "recvv": did you mean "recv"\?\n$/);
  const far = await sh.fails("help zzzzzz");
  assert.equal(far.code, 127);
});

Deno.test("help takes at most one command", async () => {
  using sh = new TestShell();
  const r = await sh.fails("help recv send");
  assert.equal(r.code, 2);
});

Deno.test("read has one meaning, the script's read: it is no alias of recv, and completion lists it once", async () => {
  using sh = new TestShell();
  assert.ok(!(await sh.ok("help recv")).includes("also: read"));
  assert.match(await sh.ok("help read"), /^read \[-p prompt\] \[-e\] <name>/);
  const names = commandNames(builtInCommands);
  assert.equal(names.filter((n) => n === "read").length, 1);
  assert.equal(new Set(names).size, names.length, "no name twice");
});
