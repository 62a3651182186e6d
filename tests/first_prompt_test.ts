/**
 * The Deno program's first prompt (`main.ts`, lib/ui/first_prompt.ts): drawn
 * at a terminal before the shell loads, then handed over. Driven through a
 * pseudo-terminal by python3's `pty`, which types, or sends a signal, within
 * a millisecond of the prompt: while the shell is still loading behind it.
 *
 * @module
 */

import assert from "node:assert/strict";
import { missing } from "./_peers.ts";
import { sockshellArgs } from "./_shell.ts";
import { banner, PROMPT } from "../lib/ui/banner.ts";
import { BANNERS, CANNOT_READ, LANGUAGE_CODES } from "../lib/i18n/languages.ts";

const decoder = new TextDecoder();

/**
 * Start sockshell under a pseudo-terminal; at the first prompt, type `keys`
 * or send `signal`; then read to its end. Prints one JSON line: what the
 * terminal showed, the exit status, and the terminal's canonical mode and
 * echo once the shell is gone.
 */
const DRIVER = `
import json, os, pty, select, signal, sys, termios, time
keys, sig, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
out = b""
def read(until, seconds):
    global out
    end = time.time() + seconds
    while until not in out and time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return
            if not data:
                return
            out += data
read(b"sockshell> ", 20)
if sig:
    os.kill(pid, getattr(signal, sig))
else:
    os.write(fd, keys.encode())
read(b"\\0", 10)
_, status = os.waitpid(pid, 0)
mode = termios.tcgetattr(fd)[3]
print(json.dumps({
    "screen": out.decode(errors="replace"),
    "status": os.waitstatus_to_exitcode(status),
    "canonical": bool(mode & termios.ICANON),
    "echo": bool(mode & termios.ECHO),
}))
`;

interface Seen {
  screen: string;
  status: number;
  canonical: boolean;
  echo: boolean;
}

async function atFirstPrompt(
  what: { keys?: string; signal?: string },
  env: Record<string, string> = {},
): Promise<Seen> {
  const dir = await Deno.makeTempDir({ prefix: "sockshell-first-prompt-" });
  try {
    const out = await new Deno.Command("python3", {
      args: [
        "-c",
        DRIVER,
        what.keys ?? "",
        what.signal ?? "",
        Deno.execPath(),
        ...sockshellArgs([]),
      ],
      env: {
        SOCKSHELL_HISTORY: `${dir}/history`,
        TERM: "xterm",
        LC_ALL: "",
        LC_MESSAGES: "",
        LANG: "C.UTF-8",
        ...env,
      },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(out.success, decoder.decode(out.stderr));
    return JSON.parse(decoder.decode(out.stdout));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const count = (s: string, part: string) => s.split(part).length - 1;

Deno.test({
  name:
    "lines typed at the first prompt while the shell loads run once each, each shown once, in order",
  ignore: missing("python3"),
  async fn() {
    const seen = await atFirstPrompt({ keys: "socket tcp\rls\rexit 3\r" });
    assert.equal(seen.status, 3, seen.screen);
    assert.ok(
      seen.screen.startsWith(banner("en") + "\r\n" + PROMPT),
      seen.screen,
    );
    assert.equal(count(seen.screen, banner("en")), 1, seen.screen);
    assert.equal(count(seen.screen, "socket tcp"), 1, seen.screen);
    assert.equal(
      count(seen.screen, "socket(AF_INET, SOCK_STREAM, 0) = 3"),
      1,
      seen.screen,
    );
    assert.match(seen.screen, /= 3[^]*\* 3 +tcp +NEW/);
    assert.ok(seen.canonical && seen.echo, "the terminal is given back");
  },
});

Deno.test({
  name:
    "SIGTERM at the first prompt while the shell loads leaves the terminal as it found it, status 143",
  ignore: missing("python3"),
  async fn() {
    const seen = await atFirstPrompt({ signal: "SIGTERM" });
    assert.equal(seen.status, 143, seen.screen);
    assert.ok(seen.canonical, "canonical mode back on");
    assert.ok(seen.echo, "echo back on");
  },
});

Deno.test({
  name:
    "the first prompt's banner is in the locale's language, and the shell then speaks it",
  ignore: missing("python3"),
  async fn() {
    const seen = await atFirstPrompt({ keys: "bind 3\rexit\r" }, {
      LANG: "fr_FR.UTF-8",
    });
    assert.ok(
      seen.screen.startsWith(banner("fr") + "\r\n" + PROMPT),
      seen.screen,
    );
    assert.match(seen.screen, /Mauvais descripteur de fichier/);
  },
});

Deno.test("main.ts without read access to its modules says why in one line and exits 1; read access to its folder is enough, and mod.ts needs none", async () => {
  const root = new URL("..", import.meta.url);
  const run = (
    flags: string[],
    env: Record<string, string> = {},
    entry = "main.ts",
  ) =>
    new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--quiet",
        "--no-prompt",
        "--allow-net",
        "--allow-env",
        ...flags,
        new URL(entry, root).pathname,
        "-c",
        "socket udp; ls",
      ],
      env: { LC_ALL: "", LC_MESSAGES: "", LANG: "C", ...env },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
  const denied = await run([]);
  assert.equal(denied.code, 1);
  assert.equal(decoder.decode(denied.stdout), "");
  assert.equal(
    decoder.decode(denied.stderr),
    CANNOT_READ.en.replace("{dir}", root.pathname) + "\n",
  );
  const french = await run([], { LANG: "fr_FR.UTF-8" });
  assert.equal(
    decoder.decode(french.stderr),
    CANNOT_READ.fr.replace("{dir}", root.pathname) + "\n",
  );
  const scoped = await run([`--allow-read=${root.pathname}`]);
  assert.equal(scoped.code, 0, decoder.decode(scoped.stderr));
  assert.match(decoder.decode(scoped.stdout), /\* 3 +udp +NEW/);
  // mod.ts, the shell itself, starts with no read access, in French too (its catalogue in the graph).
  const shell = await run([], { LANG: "fr_FR.UTF-8" }, "mod.ts");
  assert.equal(shell.code, 0, decoder.decode(shell.stderr));
  assert.match(decoder.decode(shell.stdout), /\* 3 +udp +NEW/);
});

Deno.test("every language has a banner with the version in it, and a line for a shell it cannot read", () => {
  assert.deepEqual(Object.keys(BANNERS).sort(), [...LANGUAGE_CODES].sort());
  assert.deepEqual(
    Object.keys(CANNOT_READ).sort(),
    [...LANGUAGE_CODES].sort(),
  );
  for (const code of LANGUAGE_CODES) {
    assert.match(banner(code), /^sockshell 0\.1\.0\b/);
    assert.ok(!banner(code).includes("{"), banner(code));
  }
});
