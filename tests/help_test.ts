/** `help`: generated from the registry, never written twice. */
import assert from "node:assert/strict";
import { builtInCommands } from "../commands/mod.ts";
import { commandNames } from "../lib/shell/registry.ts";
import type { CommandSpec } from "../lib/shell/command.ts";
import { summaryOf } from "../commands/help.ts";
import { sockshell, TestShell } from "./_shell.ts";
import { en } from "../lib/i18n/en.ts";
import { fr } from "../lib/i18n/fr.ts";

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
  assert.match(lines[0]!, /^recv \[@fd\] .*\[n:integer \[flags\]\]$/);
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

/** help's own words: its headings and the labels of one command's help. */
const HELP_WORDS = /^help\.(list\.\w+|show\.\w+|noCommand)$/;

Deno.test("every command has its summary and details in the catalogue, and no help key is left without its command", () => {
  const names = new Set<string>(Object.keys(builtInCommands));
  for (const name of names) {
    assert.ok(Object.hasOwn(en, `help.${name}.summary`), `${name}: summary`);
    assert.ok(Object.hasOwn(en, `help.${name}.details`), `${name}: details`);
  }
  for (const key of Object.keys(en).filter((k) => k.startsWith("help."))) {
    const command = /^help\.(\w+)\.(?:summary|details)$/.exec(key)?.[1];
    assert.ok(
      command ? names.has(command) : HELP_WORDS.test(key),
      `${key} names no command and is none of help's own words`,
    );
  }
});

Deno.test("a command whose name has no help in the catalogue does not type-check", () => {
  const spec: Pick<CommandSpec, "name"> = {
    // @ts-expect-error: there is no help.frobnicate.summary nor .details.
    name: "frobnicate",
  };
  assert.equal(spec.name, "frobnicate");
});

Deno.test("every command's help is translated into French, not left in English", () => {
  const catalogue: Record<string, string> = fr;
  for (const name of Object.keys(builtInCommands)) {
    for (const part of ["summary", "details"]) {
      const key = `help.${name}.${part}` as keyof typeof en;
      assert.notEqual(catalogue[key], en[key], key);
    }
  }
});

/** The lines of `help NAME` as the real command line prints them, in `lang`. */
async function helpLines(
  args: string[],
  env: Record<string, string>,
): Promise<string[]> {
  const r = await sockshell(args, { env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, "");
  return r.stdout.split("\n");
}

Deno.test("help bind under --lang fr is in French, its usage, C prototype, Deno call and example those of the English help", async () => {
  const english = await helpLines(["-c", "help bind"], { LANG: "C" });
  const french = await helpLines(["--lang", "fr", "-c", "help bind"], {
    LANG: "C",
  });
  const spec = builtInCommands.bind!;
  assert.equal(french[0], spec.usage);
  assert.equal(french[0], english[0]);
  assert.equal(
    french[1],
    "  Donner à la socket une adresse et un port locaux (0 laisse le système choisir)",
  );
  assert.equal(french[2], `  C :       ${spec.c}`);
  assert.equal(english[2], `  C:       ${spec.c}`);
  assert.equal(french[3], `  Deno :    ${spec.deno}`);
  assert.equal(french[4], `  Exemple : ${spec.example}`);
  assert.match(french[5]!, /^ {2}Sans hôte, bind attache à INADDR_ANY/);
  // The code quoted in the details is the English help's, braces and all.
  const code = (lines: string[]) =>
    lines.join("\n").match(/[\w.]+\(\{[^}]*\}\)/g);
  assert.deepEqual(code(french), code(english));
  assert.ok(code(french)!.includes('Deno.listen({ transport: "unix", path })'));
});

Deno.test("help under LANG=fr_FR.UTF-8 lists every command in French, in the English order", async () => {
  const english = await helpLines(["-c", "help"], { LANG: "C" });
  const french = await helpLines(["-c", "help"], { LANG: "fr_FR.UTF-8" });
  assert.equal(french.length, english.length);
  assert.match(french[0]!, /^Appels sur les sockets \(help COMMANDE/);
  assert.ok(french.includes("Le shell et les scripts :"));
  const name = (l: string) => /^ {2}(\S+)/.exec(l)?.[1];
  assert.deepEqual(french.map(name), english.map(name));
  assert.ok(
    french.includes(
      "  recv           Recevoir jusqu'à N octets (255 par défaut) ; 0 signifie que le pair a fermé",
    ),
  );
  assert.match(
    french.at(-2)!,
    /^Le texte accepte guillemets et échappements : send "GET/,
  );
});
