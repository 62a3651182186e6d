/**
 * Looking names up (lib/shell/registry.ts and every table keyed by what the user
 * types): a name that is JavaScript's own, such as `constructor` or
 * `__proto__`, is unknown like any other, on Deno and on real Node.
 */
import assert from "node:assert/strict";
import { bundleForNode, ROOT } from "../scripts/_bundle.ts";
import { runPeer } from "./_peers.ts";
import { sockshellArgs, TestShell } from "./_shell.ts";
import type { CommandImpl } from "../lib/shell/command.ts";
import { type CommandEntry, lazyCommands } from "../lib/shell/registry.ts";
import { runScript } from "../lib/script/script.ts";

const OWN_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty"];

Deno.test("a command typed in capitals, or by its alias, runs each time as its name does", async () => {
  using sh = new TestShell();
  await sh.ok(
    "SOCKET udp; Bind 127.0.0.1 0; getsockname -> a; connect 127.0.0.1 $a.port",
  );
  for (let i = 0; i < 3; i++) {
    // Looked up once and kept, or looked up each time: the same command, the same name in its line.
    assert.match(
      await sh.ok(`WRITE x${i}`),
      new RegExp(`^send\\(3, "x${i}", 2, 0\\) = 2\n$`),
    );
    assert.match(
      await sh.ok(`write y${i}`),
      new RegExp(`^send\\(3, "y${i}", 2, 0\\) = 2\n$`),
    );
    assert.match(
      await sh.ok("Recv"),
      new RegExp(`^recv\\(3, buf, 255, 0\\) = 2 "x${i}"`),
    );
    assert.match(
      await sh.ok("recv"),
      new RegExp(`^recv\\(3, buf, 255, 0\\) = 2 "y${i}"`),
    );
  }
  const r = await sh.fails("SENDX hi");
  assert.equal(r.code, 127);
  assert.match(r.stderr, /^SENDX: unknown command/);
});

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

/** The modules under `dir` (relative to the root) that a run of sockshell with `args` evaluated, by V8's coverage. */
async function evaluated(args: string[], dir: string): Promise<string[]> {
  const cov = await Deno.makeTempDir({ prefix: "sockshell_loads_" });
  try {
    const [run, ...rest] = sockshellArgs(args);
    const r = await runPeer(Deno.execPath(), [
      run!,
      `--coverage=${cov}`,
      ...rest,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const urls: string[] = [];
    for await (const e of Deno.readDir(cov)) {
      if (!e.name.endsWith(".json")) continue;
      const { url } = JSON.parse(await Deno.readTextFile(`${cov}/${e.name}`));
      urls.push(url);
    }
    const prefix = `file://${ROOT}/${dir}/`;
    return urls.filter((u) => u.startsWith(prefix)).map((u) =>
      u.slice(prefix.length)
    ).sort();
  } finally {
    await Deno.remove(cov, { recursive: true });
  }
}

Deno.test("start-up loads no command's module: each is loaded on its first run, once", async () => {
  assert.deepEqual(await evaluated(["-c", "exit"], "commands"), [
    "exit.ts",
    "mod.ts",
  ]);
  assert.deepEqual(
    await evaluated(["-c", "socket tcp; ls; socket udp; ls"], "commands"),
    ["ls.ts", "mod.ts", "socket.ts"],
  );
});

Deno.test("a script file's commands are loaded together before its first statement runs; a typed line's at its run", async () => {
  const loaded: string[] = [];
  let seenByFirst: string[] | undefined;
  const entry = (
    name: CommandEntry["name"],
    impl: CommandImpl,
  ): CommandEntry => ({
    name,
    usage: name,
    c: "",
    deno: "",
    example: name,
    load: () => {
      loaded.push(name);
      return Promise.resolve(impl);
    },
  });
  const commands = lazyCommands([
    entry("print", {
      run: () => {
        seenByFirst ??= [...loaded];
        return { code: 0 };
      },
    }),
    entry("ls", { run: () => ({ code: 0 }) }),
    entry("help", { run: () => ({ code: 0 }) }),
  ]);
  using t = new TestShell(commands);
  const script = "print\nif true\n  while false\n    ls\n  end\nend\n";
  assert.equal(
    await runScript(
      t.shell,
      "x.sock",
      script,
      t.scope,
      new AbortController().signal,
    ),
    0,
  );
  assert.deepEqual(seenByFirst?.sort(), ["ls", "print"]);
  assert.deepEqual(loaded.sort(), ["ls", "print"]);

  // A line typed at the prompt (no script name) loads a command at its first run only.
  loaded.length = 0;
  const typed = lazyCommands([
    entry("print", { run: () => ({ code: 0 }) }),
    entry("ls", { run: () => ({ code: 0 }) }),
  ]);
  using u = new TestShell(typed);
  await u.run("print; while false; ls; end");
  assert.deepEqual(loaded, ["print"]);
});

Deno.test("a command whose module fails to load ahead of a script is tried again at its run, and its failure is one line", async () => {
  let tries = 0;
  const commands = lazyCommands([{
    name: "ls",
    usage: "ls",
    c: "",
    deno: "",
    example: "ls",
    load: () => {
      tries++;
      return Promise.reject(new Error("Too many open files (os error 24)"));
    },
  }]);
  using t = new TestShell(commands);
  const code = await runScript(
    t.shell,
    "x.sock",
    "ls\n",
    t.scope,
    new AbortController().signal,
  );
  assert.equal(code, 1);
  const { stderr } = t.take();
  assert.match(
    stderr,
    /^ls: internal error: Error: Too many open files \(os error 24\)\n/,
  );
  assert.equal(tries, 2);
});
