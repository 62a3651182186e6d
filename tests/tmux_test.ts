/**
 * The REPL in a real terminal: sockshell started in a private tmux server,
 * typed at with `send-keys`, read back with `capture-pane`, as a student
 * would use it. Ignored, saying why, where tmux is not installed (not in CI).
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  freePort,
  missing,
  pythonServer,
  slowSink,
  slowSource,
} from "./_peers.ts";
import { sampleSession, sockshellArgs } from "./_shell.ts";

const decoder = new TextDecoder();

/** Ignored where tmux is missing, saying so; never in CI, which installs it. */
const SKIP = missing("tmux");

/** sockshell's REPL in its own tmux server, killed on dispose. */
class Terminal implements AsyncDisposable {
  readonly dir = Deno.makeTempDirSync({ prefix: "sockshell-tmux-" });
  /** The server's socket, in the temporary directory so that it goes with it. */
  readonly socket = `${this.dir}/tmux.sock`;
  readonly historyFile = `${this.dir}/history`;

  /**
   * Start sockshell in a 160×50 terminal; `env` is added to its environment, and `after` is a
   * shell command run in the pane once sockshell has exited (`stty -a`).
   */
  async start(env: Record<string, string> = {}, after = ""): Promise<void> {
    const vars = Object.entries({ SOCKSHELL_HISTORY: this.historyFile, ...env })
      .map(([k, v]) => `${k}=${v}`);
    // The pane stays after sockshell exits, with its exit status printed last.
    await this.tmux(
      "new-session",
      "-d",
      "-s",
      "t",
      "-x",
      "160",
      "-y",
      "50",
      "sh",
      "-c",
      `env "$@"; echo "[sockshell exited with status $?]"; ${after}`,
      "sh",
      ...vars,
      Deno.execPath(),
      ...sockshellArgs([]),
      ";",
      "set-option",
      "-t",
      "t",
      "remain-on-exit",
      "on",
    );
  }

  /** Run tmux on this server; its standard output. */
  async tmux(...args: string[]): Promise<string> {
    const out = await new Deno.Command("tmux", {
      args: ["-S", this.socket, ...args],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!out.success) {
      throw new Error(`tmux ${args.join(" ")}: ${decoder.decode(out.stderr)}`);
    }
    return decoder.decode(out.stdout);
  }

  /** Type text literally, then Enter if `enter`. */
  async type(text: string, enter = true): Promise<void> {
    await this.tmux("send-keys", "-t", "t", "-l", text);
    if (enter) await this.tmux("send-keys", "-t", "t", "Enter");
  }

  /** Press a key by tmux's name for it: C-c, C-d. */
  async key(name: string): Promise<void> {
    await this.tmux("send-keys", "-t", "t", name);
  }

  /** The whole pane, history included, wrapped lines joined; `-e` keeps colours. */
  screen(colours = false): Promise<string> {
    return this.tmux(
      "capture-pane",
      "-p",
      "-J",
      "-S",
      "-",
      "-t",
      "t",
      ...(colours ? ["-e"] : []),
    );
  }

  /** Wait until the screen satisfies `ready` (a terminal gives no events: polled, bounded). */
  async until(
    what: string,
    ready: (screen: string) => boolean,
    timeoutMs = 10_000,
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = await this.screen();
      if (ready(screen)) return screen;
      if (Date.now() > deadline) {
        throw new Error(
          `no ${what} within ${timeoutMs} ms; screen:\n${screen}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Type a line and wait for the prompt after it; the screen then. */
  async line(text: string): Promise<string> {
    const before = count(await this.screen(), PROMPT);
    await this.type(text);
    return await this.until(
      `the prompt after ${JSON.stringify(text)}`,
      (s) => count(s, PROMPT) > before,
    );
  }

  /** The exit status once sockshell has exited. */
  async exitStatus(): Promise<number> {
    const screen = await this.until(
      "sockshell's exit",
      (s) => EXITED.test(s),
    );
    return Number(EXITED.exec(screen)![1]);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.tmux("kill-server").catch(() => {});
    Deno.removeSync(this.dir, { recursive: true });
  }
}

const EXITED = /^\[sockshell exited with status (\d+)\]$/m;

/** A prompt at the start of a line: `sockshell> ` or `sockshell@3> `. */
const PROMPT = /^sockshell(@\d+)?> /gm;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** The lines of the screen, without trailing blanks and empty lines. */
function linesOf(screen: string): string[] {
  return screen.split("\n").map((l) => l.trimEnd()).filter((l) => l);
}

Deno.test({
  name:
    "the sample session typed at a terminal shows each call, and the prompt follows the current descriptor",
  ignore: SKIP,
  async fn() {
    await using term = new Terminal();
    const port = freePort("tcp");
    await term.start({ NO_COLOR: "1" });
    await term.until("the banner and prompt", (s) => s.includes("sockshell> "));
    const session = sampleSession(port);
    for (const l of session) await term.line(l);
    const lines = linesOf(await term.screen());
    const expected: RegExp[] = [
      /^sockshell \d+\.\d+\.\d+: type 'help' for the commands, Ctrl-D to leave$/,
      /^sockshell> socket tcp$/,
      /^socket\(AF_INET, SOCK_STREAM, 0\) = 3$/,
      new RegExp(`^sockshell@3> bind ${port}$`),
      new RegExp(`^bind\\(3, 0\\.0\\.0\\.0:${port}\\) = 0$`),
      /^sockshell@3> listen 5$/,
      new RegExp(`^listen\\(3, 5\\) = 0 +listening on 0\\.0\\.0\\.0:${port}$`),
      /^sockshell@3> socket tcp$/,
      /^socket\(AF_INET, SOCK_STREAM, 0\) = 4$/,
      new RegExp(`^sockshell@4> connect localhost ${port}$`),
      new RegExp(
        `^connect\\(4, 127\\.0\\.0\\.1:${port}\\) = 0 +local 127\\.0\\.0\\.1:\\d+$`,
      ),
      /^sockshell@4> send "hello\\n"$/,
      /^send\(4, "hello\\n", 6, 0\) = 6$/,
      /^sockshell@4> use 3$/,
      /^sockshell@3> accept$/,
      /^accept\(3\) = 5 +peer 127\.0\.0\.1:\d+$/,
      /^sockshell@5> recv$/,
      /^recv\(5, buf, 255, 0\) = 6 "hello\\n"$/,
      /^sockshell@5> ls$/,
    ];
    // Notes (indented) may follow a call; everything else is in this order.
    const shown = lines.filter((l) => !l.startsWith("  note:"));
    expected.forEach((re, i) => assert.match(shown[i] ?? "", re, `line ${i}`));
    assert.match(shown.at(-1)!, /^sockshell@5>$/);
    assert.ok(
      !(await term.screen(true)).includes("\x1b[3"),
      "NO_COLOR: no colours",
    );

    await term.key("C-d");
    assert.equal(await term.exitStatus(), 0);
    const history = await Deno.readTextFile(term.historyFile);
    assert.equal(history, session.join("\n") + "\n");
  },
});

Deno.test({
  name:
    "Ctrl-C at a terminal interrupts a pending accept, and the next accept takes the client that came later",
  ignore: SKIP,
  async fn() {
    await using term = new Terminal();
    const port = freePort("tcp");
    await term.start({ NO_COLOR: "1" });
    await term.until("the prompt", (s) => s.includes("sockshell> "));
    for (const l of ["socket tcp", `bind 127.0.0.1 ${port}`, "listen 5"]) {
      await term.line(l);
    }
    await term.type("accept");
    // The Enter has reached the shell once the cursor sits on the empty line below it.
    await term.until(
      "accept to start",
      (s) => /^sockshell@3> accept\n/m.test(s),
    );
    const prompts = count(await term.screen(), PROMPT);
    await term.key("C-c");
    const screen = await term.until(
      "the prompt after Ctrl-C",
      (s) => count(s, PROMPT) > prompts,
    );
    assert.match(
      screen,
      /^accept\(3\) = -1 EINTR \(Interrupted system call\): interrupted by Ctrl-C$/m,
    );

    using client = await Deno.connect({ hostname: "127.0.0.1", port });
    const after = await term.line("accept");
    assert.match(
      after,
      new RegExp(
        `^accept\\(3\\) = 4 +peer 127\\.0\\.0\\.1:${client.localAddr.port}$`,
        "m",
      ),
    );

    await term.key("C-c");
    await term.until(
      "the exit hint",
      (s) => s.includes("(To exit, press Ctrl+C again or Ctrl+D or type exit)"),
    );
    await term.key("C-c");
    assert.equal(await term.exitStatus(), 0);
  },
});

Deno.test({
  name: "a terminal gets colours, and NO_COLOR turns them off",
  ignore: SKIP,
  async fn() {
    for (const noColor of [false, true]) {
      await using term = new Terminal();
      await term.start(noColor ? { NO_COLOR: "1" } : {});
      await term.until("the prompt", (s) => s.includes("sockshell> "));
      await term.line("socket tcp");
      await term.line("bind 70000");
      const screen = await term.screen(true);
      const green = screen.includes("\x1b[32m");
      const red = screen.includes("\x1b[31m");
      assert.equal(green, !noColor, `green ${noColor ? "off" : "on"}`);
      assert.equal(red, !noColor, `red ${noColor ? "off" : "on"}`);
      await term.type("exit 4");
      assert.equal(await term.exitStatus(), 4);
    }
  },
});

Deno.test({
  name:
    "a long line pasted at a terminal is taken at once, not character by character",
  ignore: SKIP,
  async fn() {
    await using term = new Terminal();
    await term.start({ NO_COLOR: "1" });
    await term.until("the prompt", (s) => s.includes("sockshell> "));
    await term.line("socket udp");
    const start = Date.now();
    // Readline once measured the whole line per key: 5000 characters took 14 s.
    await term.line(`send ${"x".repeat(5000)}`);
    const spent = Date.now() - start;
    assert.ok(spent < 4000, `5000 characters took ${spent} ms`);
    assert.match(await term.screen(), /^send\(3, .* = -1 E[A-Z]+ /m);
    await term.key("C-d");
    assert.equal(await term.exitStatus(), 0);
  },
});

Deno.test({
  name:
    "SIGTERM at the prompt leaves the terminal as it found it: canonical mode and echo back on",
  ignore: SKIP,
  async fn() {
    await using term = new Terminal();
    await term.start({ NO_COLOR: "1" }, "stty -a");
    await term.until("the prompt", (s) => s.includes("sockshell> "));
    await term.line("socket tcp");
    // The pane runs sh, whose one child is sockshell.
    const sh = (await term.tmux("list-panes", "-t", "t", "-F", "#{pane_pid}"))
      .trim();
    const ps = await new Deno.Command("ps", {
      args: ["-o", "pid=", "--ppid", sh],
      stdout: "piped",
    }).output();
    const children = decoder.decode(ps.stdout).trim().split(/\s+/);
    assert.equal(children.length, 1, `one child of sh: ${children}`);
    Deno.kill(Number(children[0]), "SIGTERM");
    assert.equal(await term.exitStatus(), 143);
    const screen = await term.until(
      "stty's settings",
      (s) => /\bicanon\b/.test(s),
    );
    assert.match(screen, /(^|\s)icanon(\s|$)/m, "canonical mode");
    assert.match(screen, /(^|\s)echo(\s|$)/m, "echo");
    assert.doesNotMatch(screen, /-icanon|(^|\s)-echo(\s|$)/m);
  },
});

Deno.test({
  name: "TERM=dumb gets no colour, as NO_COLOR",
  ignore: SKIP,
  async fn() {
    await using term = new Terminal();
    await term.start({ TERM: "dumb" });
    await term.until("the prompt", (s) => s.includes("sockshell> "));
    await term.line("socket tcp");
    await term.line("bind 70000");
    const screen = await term.screen(true);
    assert.match(screen, /port must be a whole number/);
    assert.ok(!screen.includes("\x1b[31m"), "no red");
    assert.ok(!screen.includes("\x1b[32m"), "no green");
    await term.type("exit 4");
    assert.equal(await term.exitStatus(), 4);
  },
});

Deno.test({
  name:
    "at a terminal with LANG=fr_FR.UTF-8 the banner, a parse error, a usage error, Ctrl-C and its exit hint are French, the calls C's",
  ignore: SKIP,
  async fn() {
    await using term = new Terminal();
    await term.start({ NO_COLOR: "1", LANG: "fr_FR.UTF-8" });
    const first = await term.until(
      "the banner and prompt",
      (s) => s.includes("sockshell> "),
    );
    assert.match(
      first,
      /^sockshell \d+\.\d+\.\d+ : tapez 'help' pour la liste des commandes, Ctrl-D pour quitter$/m,
    );
    assert.match(await term.line("end"), /^end sans if, while, for ni fork$/m);
    await term.line("socket tcp");
    assert.match(
      await term.screen(),
      /^socket\(AF_INET, SOCK_STREAM, 0\) = 3$/m,
    );
    assert.match(
      await term.line("bind 70000"),
      /^bind: le port doit être un nombre entier de 0 à 65535, pas "70000"$/m,
    );
    assert.match(
      await term.line("lisen"),
      /^lisen: commande inconnue : vouliez-vous dire "listen" \? \(help les liste toutes\)$/m,
    );
    await term.key("C-c");
    await term.until(
      "the exit hint",
      (s) =>
        s.includes(
          "(Pour quitter, appuyez de nouveau sur Ctrl+C, ou sur Ctrl+D, ou tapez exit)",
        ),
    );
    await term.key("C-c");
    assert.equal(await term.exitStatus(), 0);
  },
});

/** A python3 line server: `220 ready` first, then `250 ok LINE` for each line (after EHLO, a line of its own), until the client closes. */
function lineServer(port: number) {
  return pythonServer(
    port,
    `c.sendall(b"220 ready\\r\\n")
f = c.makefile("rb")
for line in f:
    c.sendall(b"250 ok " + line.rstrip(b"\\r\\n") + b"\\r\\n")
    if line.startswith(b"EHLO"):
        time.sleep(0.5)
        c.sendall(b"* unprompted\\r\\n")`,
  );
}

Deno.test({
  name:
    "talk at a terminal: a typed line is sent, the reply shows under it with the prompt redrawn, Ctrl-C and Ctrl-D go back to the shell's prompt",
  ignore: SKIP || missing("python3"),
  async fn() {
    const port = freePort("tcp");
    await using peer = lineServer(port);
    await peer.waitForPort(port);
    await using term = new Terminal();
    await term.start({ NO_COLOR: "1" });
    await term.until("the prompt", (s) => s.includes("sockshell> "));
    await term.line(`socket tcp; connect 127.0.0.1 ${port}`);
    await term.type("talk");
    await term.until(
      "the greeting under talk's prompt",
      (s) => /"220 ready\\r\\n"\ntalk 3> $/m.test(s.trimEnd() + " "),
    );
    await term.type("EHLO me");
    let screen = await term.until(
      "the reply, and the prompt drawn again under it",
      (s) =>
        s.includes('= 16 "250 ok EHLO me\\r\\n"') &&
        linesOf(s).at(-1) === "talk 3>",
    );
    let lines = linesOf(screen);
    const at = lines.indexOf("talk 3> EHLO me");
    assert.ok(at > 0, screen);
    assert.deepEqual(lines.slice(at, at + 4), [
      "talk 3> EHLO me",
      'send(3, "EHLO me\\n", 8, 0) = 8',
      'recv(3, buf, 4096, 0) = 16 "250 ok EHLO me\\r\\n"',
      "talk 3>",
    ]);
    // Half a line typed when the peer speaks: its line shows above, the half line is drawn again.
    await term.type("NO", false);
    // The line above first, then the prompt drawn again: wait for both, not the first alone.
    screen = await term.until(
      "the unprompted line, and the half line drawn again under it",
      (s) =>
        s.includes('"* unprompted\\r\\n"') &&
        linesOf(s).at(-1) === "talk 3> NO",
    );
    assert.deepEqual(linesOf(screen).slice(-2), [
      'recv(3, buf, 4096, 0) = 14 "* unprompted\\r\\n"',
      "talk 3> NO",
    ]);
    await term.type("OP");
    await term.until(
      "the rest of the line sent with it",
      (s) => s.includes('"250 ok NOOP\\r\\n"'),
    );
    assert.ok(
      (await term.screen()).includes('send(3, "NOOP\\n", 5, 0) = 5'),
    );
    await term.key("C-c");
    screen = await term.until(
      "the shell's prompt",
      (s) => linesOf(s).at(-1) === "sockshell@3>",
    );
    await term.line("ls");
    assert.match(await term.screen(), /^\* 3 +tcp +ESTABLISHED/m);
    // Ctrl-D leaves talk, not the shell; history brings the line back.
    await term.type("talk");
    await term.until("talk's prompt", (s) => linesOf(s).at(-1) === "talk 3>");
    await term.key("C-d");
    screen = await term.until(
      "the shell's prompt again",
      (s) => linesOf(s).at(-1) === "sockshell@3>",
    );
    lines = linesOf(screen);
    assert.ok(!lines.some((l) => l.startsWith("[sockshell exited")), screen);
    await term.key("C-d");
    assert.equal(await term.exitStatus(), 0);
  },
});

/** The progress line of a transfer: bytes so far and the rate. */
const PROGRESS = /^ +\d+(\.\d)? (B|KiB|MiB) +\d+(\.\d)? (B|KiB|MiB)\/s$/m;

Deno.test({
  name:
    "recv -f and send -f show a progress line on a terminal during a long transfer, replaced by the call line",
  ignore: SKIP || missing("python3"),
  async fn() {
    await using term = new Terminal();
    const file = `${term.dir}/got.bin`;
    const port = freePort("tcp");
    await using source = slowSource(port);
    await source.waitForPort(port);
    await term.start({ NO_COLOR: "1" });
    await term.until("the prompt", (s) => s.includes("sockshell> "));
    await term.line(`socket tcp; connect 127.0.0.1 ${port}`);
    await term.type(`recv -f ${file} -a`);
    await term.until("recv -f's progress line", (s) => PROGRESS.test(s));
    let screen = await term.until(
      "recv -f's call line",
      (s) => /^recv\(3, buf, 262144, 0\) = 4915200 /m.test(s),
    );
    assert.ok(!PROGRESS.test(screen), screen);
    assert.match(linesOf(screen).at(-1)!, /^sockshell@3>$/);
    assert.equal(Deno.statSync(file).size, 75 * 65536);

    // Larger than what the kernel's buffers take at once (a few MiB), so that the sink sets the pace.
    const big = `${term.dir}/big.bin`;
    Deno.writeFileSync(big, new Uint8Array(16 << 20));
    const port2 = freePort("tcp");
    await using sink = slowSink(port2);
    await sink.waitForPort(port2);
    await term.line(`close 3; socket tcp; connect 127.0.0.1 ${port2}`);
    await term.type(`send -f ${big}`);
    await term.until("send -f's progress line", (s) => PROGRESS.test(s));
    screen = await term.until(
      "send -f's call line",
      (s) => /^send\(3, <.*big\.bin>, 16777216, 0\) = 16777216 /m.test(s),
    );
    assert.ok(!PROGRESS.test(screen), screen);
    await term.line("close 3");
    assert.equal((await sink.stdout()).trim(), String(16 << 20));
  },
});

Deno.test({
  name:
    "at a terminal, print shows a client's escape sequences escaped instead of letting them clear the screen",
  ignore: SKIP,
  async fn() {
    await using term = new Terminal();
    const port = freePort("tcp");
    await term.start({ NO_COLOR: "1" });
    await term.until("the banner and prompt", (s) => s.includes("sockshell> "));
    await term.line(`socket tcp; bind 127.0.0.1 ${port}; listen`);
    await term.type("accept; recv -> m; print got: $m");
    const conn = await Deno.connect({ hostname: "127.0.0.1", port });
    try {
      await conn.write(new TextEncoder().encode("\x1b[2J\x1b]0;pwned\x07hi"));
      // A line of its own: the typed command holds "got: " too.
      const screen = await term.until(
        "what print showed",
        (s) => /^got: /m.test(s),
      );
      // Raw, the sequence would have cleared the screen, the session above with it.
      assert.ok(
        screen.includes("got: \\x1b[2J\\x1b]0;pwned\\x07hi"),
        screen,
      );
      assert.match(screen, /listen\(3, \d+\) = 0/);
    } finally {
      conn.close();
    }
  },
});
