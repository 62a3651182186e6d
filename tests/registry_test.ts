/**
 * Looking names up (lib/shell/registry.ts and every table keyed by what the user
 * types): a name that is JavaScript's own, such as `constructor` or
 * `__proto__`, is unknown like any other, on Deno and on real Node.
 */
import assert from "node:assert/strict";
import { bundleForNode, ROOT } from "../scripts/_bundle.ts";
import { runPeer } from "./_peers.ts";
import { TestShell } from "./_shell.ts";

const OWN_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty"];

Deno.test("names that are JavaScript's own are unknown commands, socket types, options, shutdown modes and replays", async () => {
  using sh = new TestShell();
  for (const name of OWN_NAMES) {
    const cases: [string, number, RegExp][] = [
      [name, 127, new RegExp(`^${name}: unknown command`)],
      [`help ${name}`, 127, new RegExp(`^help: no command "${name}"`)],
      [`socket ${name}`, 2, /^socket: unknown socket type/],
      [`shutdown ${name}`, 2, /^shutdown: how must be rd, wr, rdwr/],
      [`run ${name}`, 2, /^run: no replay or readable file/],
    ];
    for (const [line, code, message] of cases) {
      const r = await sh.fails(line);
      assert.equal(r.code, code, `${line}: ${r.stderr}`);
      assert.match(r.stderr, message, line);
      assert.doesNotMatch(r.stderr, /internal error|undefined/, line);
    }
  }
});

Deno.test("__proto__ and constructor are unknown commands under real Node too", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sockshell_registry_" });
  try {
    const file = `${dir}/sockshell.cjs`;
    await bundleForNode({
      entry: `${ROOT}/lib/ui/main_node.ts`,
      outfile: file,
    });
    for (const name of ["__proto__", "constructor"]) {
      const r = await runPeer("node", [file, "-c", name]);
      assert.equal(r.code, 127, r.stderr);
      assert.match(r.stderr, new RegExp(`^${name}: unknown command`));
      const help = await runPeer("node", [file, "-c", `help ${name}`]);
      assert.equal(help.code, 127, help.stderr);
      assert.equal(help.stdout, "");
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
