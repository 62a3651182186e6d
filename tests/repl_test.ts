/**
 * The REPL driven in-process, as Node's own REPL tests do it: keystrokes go
 * into a PassThrough with `terminal: true`, the prompt and echo come out of
 * another, and command output is captured by the shell's Output. Sockets are
 * real, on loopback.
 *
 * @module
 */

import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { builtInCommands } from "../commands/mod.ts";
import type { CommandResult } from "../lib/shell/command.ts";
import { denoHost } from "../lib/ui/host_deno.ts";
import { commandNames } from "../lib/shell/registry.ts";
import {
  complete,
  HISTORY_SIZE,
  MAX_HISTORY_BYTES,
  measureIncrementally,
  promptFor,
  repl,
} from "../lib/ui/repl.ts";
import { useLanguage } from "../lib/i18n/mod.ts";
import { freePort, missing } from "./_peers.ts";
import { TestShell, Waiters } from "./_shell.ts";

const CTRL_C = "\x03";
const CTRL_D = "\x04";
const CTRL_U = "\x15";
const UP = "\x1b[A";
const PROMPT = /sockshell(@\d+)?> /;

/** One line the REPL handed to the shell, and how it ended. */
interface Ran {
  line: string;
  result?: CommandResult;
  /** How much of the screen had been written when the command ended. */
  screenAtEnd?: number;
}

/**
 * A REPL on in-memory streams over a {@link TestShell}: type keys, wait for
 * what they cause, read the screen and the captured output.
 */
class ReplSession implements AsyncDisposable {
  readonly t = new TestShell();
  readonly input = new PassThrough();
  readonly output = new PassThrough();
  /** Everything the REPL wrote to its output stream: prompts and echo. */
  screen = "";
  /** Every line the REPL ran, in order. */
  readonly ran: Ran[] = [];
  /** Resolves with the REPL's exit status. */
  readonly done: Promise<number>;
  #exited = false;
  readonly #waiters = new Waiters();

  constructor(opts: { historyFile?: string } = {}) {
    this.output.on("data", (d: Uint8Array) => {
      this.screen += new TextDecoder().decode(d);
      this.#waiters.notify();
    });
    const shell = this.t.shell;
    const runLine = shell.runLine.bind(shell);
    shell.runLine = (line, scope, signal) => {
      // A typed line reaches the shell with its newline (blocks span lines).
      const ran: Ran = { line: line.replace(/\n$/, "") };
      this.ran.push(ran);
      this.#waiters.notify();
      const p = runLine(line, scope, signal);
      p.then((r) => {
        ran.result = r;
        ran.screenAtEnd = this.screen.length;
        this.#waiters.notify();
      }, () => this.#waiters.notify());
      return p;
    };
    this.done = repl(shell, this.t.scope, {
      input: this.input,
      output: this.output,
      terminal: true,
      historyFile: opts.historyFile,
      host: denoHost,
    });
    this.done.finally(() => {
      this.#exited = true;
      this.#waiters.notify();
    });
  }

  /** Resolve once `ready()` holds; checked on every write and every command start and end. */
  until(what: string, ready: () => boolean, timeoutMs = 5000): Promise<void> {
    return this.#waiters.until(ready, timeoutMs, () =>
      new Error(
        `no ${what} within ${timeoutMs} ms; screen: ${
          JSON.stringify(this.screen.slice(-400))
        }`,
      ));
  }

  /** Type keys. */
  type(keys: string | Uint8Array): void {
    this.input.write(keys);
  }

  /** Type keys that end a line, and wait until the REPL has started running it. */
  async start(keys: string): Promise<Ran> {
    const n = this.ran.length;
    this.type(keys);
    await this.until("command start", () => this.ran.length > n);
    return this.ran[n]!;
  }

  /** Wait until a command has finished and the next prompt is shown; its result. */
  async finish(ran: Ran): Promise<CommandResult> {
    await this.until(`end of ${JSON.stringify(ran.line)}`, () => !!ran.result);
    const mark = ran.screenAtEnd!;
    await this.until(
      "the next prompt",
      () => this.#exited || PROMPT.test(this.screen.slice(mark)),
    );
    return ran.result!;
  }

  /** Type a line and Enter, and wait for the next prompt; its result and output. */
  async line(
    text: string,
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    this.t.take();
    const result = await this.finish(await this.start(text + "\r"));
    return { code: result.code, ...this.t.take() };
  }

  /** The REPL's exit status, waiting at most `timeoutMs`. */
  async exit(timeoutMs = 5000): Promise<number> {
    await this.until("exit", () => this.#exited, timeoutMs);
    return await this.done;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (!this.#exited) {
      this.input.end();
      await this.exit().catch(() => {});
    }
    this.t[Symbol.dispose]();
  }
}

/** A listening socket on a free port, made through the REPL; the port. */
async function listening(r: ReplSession): Promise<number> {
  const port = freePort("tcp");
  for (const l of ["socket tcp", `bind 127.0.0.1 ${port}`, "listen 5"]) {
    assert.equal((await r.line(l)).code, 0, l);
  }
  return port;
}

Deno.test("the prompt shows no descriptor at first, then the current one", async () => {
  await using r = new ReplSession();
  await r.until("the first prompt", () => r.screen.includes("sockshell> "));
  assert.ok(!r.screen.includes("sockshell@"));
  await r.line("socket tcp");
  assert.match(
    r.screen.slice(r.screen.lastIndexOf("sockshell")),
    /^sockshell@3> /,
  );
  await r.line("socket udp");
  assert.match(
    r.screen.slice(r.screen.lastIndexOf("sockshell")),
    /^sockshell@4> /,
  );
  await r.line("use 3");
  assert.match(
    r.screen.slice(r.screen.lastIndexOf("sockshell")),
    /^sockshell@3> /,
  );
});

Deno.test("promptFor shows the current descriptor or none", () => {
  using t = new TestShell();
  const scope = t.shell.newScope();
  assert.equal(promptFor(scope), "sockshell> ");
  scope.current = 5;
  assert.equal(promptFor(scope), "sockshell@5> ");
});

Deno.test("command output goes to the shell's output, the prompt and echo to the terminal stream", async () => {
  await using r = new ReplSession();
  const out = await r.line("socket tcp");
  assert.equal(out.stdout, "socket(AF_INET, SOCK_STREAM, 0) = 3\n");
  assert.equal(out.stderr, "");
  assert.ok(r.screen.includes("socket tcp"), "the typed line is echoed");
  assert.ok(
    !r.screen.includes("SOCK_STREAM"),
    "no call output on the terminal stream",
  );
});

/** The longest prefix that all of `words` share. */
function commonPrefix(words: string[]): string {
  let p = words[0] ?? "";
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/**
 * Type `text` then Tab (one chunk, as a keystroke: readline does not complete
 * inside a paste), wait until `expected` is on the line, then press Enter.
 */
async function tabThenEnter(
  r: ReplSession,
  text: string,
  expected: string,
): Promise<Ran> {
  const mark = r.screen.length;
  r.type(text + "\t");
  await r.until(
    `completion to ${expected}`,
    () => r.screen.slice(mark).includes(expected),
  );
  return await r.start("\r");
}

Deno.test("Tab completes a command name from its first letters", async () => {
  await using r = new ReplSession();
  const ran = await tabThenEnter(r, "lis", "listen");
  assert.equal(ran.line, "listen");
  await r.finish(ran);
});

Deno.test("Tab completes as far as several commands agree", async () => {
  const names = commandNames(builtInCommands).filter((n) =>
    n.startsWith("sen")
  );
  assert.ok(names.length > 1, `several commands start with sen: ${names}`);
  const expected = commonPrefix(names);
  assert.ok(expected.length > 3, "they agree beyond what is typed");
  await using r = new ReplSession();
  const ran = await tabThenEnter(r, "sen", expected);
  assert.equal(ran.line, expected);
  await r.finish(ran);
});

Deno.test("Tab completes @ to the one open descriptor", async () => {
  await using r = new ReplSession();
  await r.line("socket tcp");
  const ran = await tabThenEnter(r, "listen @", "listen @3");
  assert.equal(ran.line, "listen @3");
  assert.equal((await r.finish(ran)).code, 0);
});

Deno.test("Tab completes a command after a semicolon", async () => {
  await using r = new ReplSession();
  const ran = await tabThenEnter(r, "socket tcp; lis", "listen");
  assert.equal(ran.line, "socket tcp; listen");
  await r.finish(ran);
});

Deno.test("Tab inside pasted text is not a completion", async () => {
  await using r = new ReplSession();
  const ran = await r.start("send lis\tx\r");
  assert.equal(ran.line, "send lis\tx");
  await r.finish(ran);
});

Deno.test("complete offers every command name for an empty line", () => {
  using t = new TestShell();
  const [hits, word] = complete(t.shell, "");
  assert.deepEqual(hits, commandNames(builtInCommands));
  assert.equal(word, "");
  assert.ok(hits.includes("socket") && hits.includes("recv"));
});

Deno.test("complete offers the commands that start with what is typed", () => {
  using t = new TestShell();
  assert.deepEqual(
    complete(t.shell, "rec"),
    [commandNames(builtInCommands).filter((n) => n.startsWith("rec")), "rec"],
  );
  assert.deepEqual(complete(t.shell, "  acc"), [["accept"], "acc"]);
  assert.deepEqual(complete(t.shell, "zzz"), [[], "zzz"]);
});

Deno.test("complete offers @FD for every open descriptor after a command that takes one", async () => {
  using t = new TestShell();
  assert.deepEqual(complete(t.shell, "recv @"), [[], "@"]);
  await t.ok("socket tcp; socket udp");
  assert.deepEqual(complete(t.shell, "recv @"), [["@3", "@4"], "@"]);
  assert.deepEqual(complete(t.shell, "send @4"), [["@4"], "@4"]);
  assert.deepEqual(complete(t.shell, "recv @3 "), [[], ""]);
  assert.deepEqual(complete(t.shell, "socket @"), [[], "@"]);
});

Deno.test("complete offers bare descriptors to use and close", async () => {
  using t = new TestShell();
  await t.ok("socket tcp; socket tcp");
  assert.deepEqual(complete(t.shell, "use "), [["3", "4"], ""]);
  assert.deepEqual(complete(t.shell, "close 4"), [["4"], "4"]);
});

Deno.test("complete offers a command's own words and command names after help", () => {
  using t = new TestShell();
  assert.deepEqual(complete(t.shell, "socket t"), [["tcp", "tcp6"], "t"]);
  assert.deepEqual(complete(t.shell, "socket tcp u"), [[], "u"]);
  assert.deepEqual(complete(t.shell, "help so"), [["socket"], "so"]);
});

Deno.test("Ctrl-C interrupts a pending accept, and the listening socket still accepts the next client", async () => {
  await using r = new ReplSession();
  const port = await listening(r);
  r.t.take();
  const ran = await r.start("accept\r");
  r.type(CTRL_C);
  assert.equal((await r.finish(ran)).code, 124);
  const { stdout, stderr } = r.t.take();
  assert.equal(stdout, "");
  assert.equal(
    stderr,
    "accept(3) = -1 EINTR (Interrupted system call): interrupted by Ctrl-C\n",
  );
  assert.match(r.screen.slice(-30), /sockshell@3> /);

  using client = await Deno.connect({ hostname: "127.0.0.1", port });
  const next = await r.line("accept");
  assert.equal(next.code, 0, next.stderr);
  assert.match(
    next.stdout,
    new RegExp(
      `^accept\\(3\\) = 4 +peer 127\\.0\\.0\\.1:${client.localAddr.port}\\n$`,
    ),
  );
});

Deno.test("Ctrl-C interrupts a pending recv, and the data sent afterwards is received", async () => {
  await using r = new ReplSession();
  const port = await listening(r);
  using client = await Deno.connect({ hostname: "127.0.0.1", port });
  assert.equal((await r.line("accept")).code, 0);
  const ran = await r.start("recv\r");
  r.type(CTRL_C);
  assert.equal((await r.finish(ran)).code, 124);
  assert.match(
    r.t.take().stderr,
    /^recv\(4, .*\) = -1 EINTR \(Interrupted system call\).*\n$/,
  );

  await client.write(new TextEncoder().encode("hello\n"));
  const next = await r.line("recv");
  assert.equal(next.code, 0, next.stderr);
  assert.match(next.stdout, /^recv\(4, buf, 255, 0\) = 6 "hello\\n"\n$/);
});

Deno.test("Ctrl-C at an empty prompt prints the hint, and a second one exits", async () => {
  await using r = new ReplSession();
  await r.line("socket tcp");
  r.type(CTRL_C);
  await r.until(
    "the hint",
    () =>
      r.screen.includes("(To exit, press Ctrl+C again or Ctrl+D or type exit)"),
  );
  r.type(CTRL_C);
  assert.equal(await r.exit(), 0);
});

Deno.test("Ctrl-C on a half-typed line clears it without running it or arming the exit", async () => {
  await using r = new ReplSession();
  r.type("socket tc");
  await r.until("the echo", () => r.screen.includes("socket tc"));
  r.type(CTRL_C);
  await r.until("^C", () => r.screen.includes("^C"));
  r.type(CTRL_C);
  await r.until("the hint", () => r.screen.includes("To exit"));
  assert.equal(r.ran.length, 0, "nothing ran");
  // The shell is still there and the cleared text is gone.
  const out = await r.line("ls");
  assert.equal(out.code, 0);
  assert.equal(r.ran.at(-1)!.line, "ls");
});

Deno.test("a command between two Ctrl-Cs disarms the exit", async () => {
  await using r = new ReplSession();
  r.type(CTRL_C);
  await r.until("the hint", () => r.screen.includes("To exit"));
  await r.line("ls");
  const hints = r.screen.split("To exit").length;
  r.type(CTRL_C);
  await r.until(
    "a second hint",
    () => r.screen.split("To exit").length > hints,
  );
  const out = await r.line("ls");
  assert.equal(out.code, 0, "still running");
});

Deno.test("Ctrl-D at an empty prompt exits with status 0", async () => {
  await using r = new ReplSession();
  await r.line("socket tcp");
  r.type(CTRL_D);
  assert.equal(await r.exit(), 0);
});

Deno.test("the end of input exits with status 0", async () => {
  await using r = new ReplSession();
  await r.line("socket tcp");
  r.input.end();
  assert.equal(await r.exit(), 0);
});

Deno.test("exit leaves the REPL with its status", async () => {
  await using r = new ReplSession();
  await r.start("exit 3\r");
  assert.equal(await r.exit(), 3);
});

Deno.test("the end of input during a pending accept exits once the accept returns, without an error", async () => {
  await using r = new ReplSession();
  const port = await listening(r);
  const ran = await r.start("accept\r");
  r.input.end();
  using _client = await Deno.connect({ hostname: "127.0.0.1", port });
  assert.equal(await r.exit(), 0);
  assert.equal(ran.result?.code, 0);
});

Deno.test("lines typed before the end of input still run", async () => {
  await using r = new ReplSession();
  r.type("socket tcp\rsocket udp\r");
  r.input.end();
  assert.equal(await r.exit(), 0);
  assert.deepEqual(r.ran.map((x) => x.line), ["socket tcp", "socket udp"]);
});

Deno.test("bad input gives one line on the error output and the REPL goes on", async () => {
  await using r = new ReplSession();
  await r.line("socket tcp");
  const bad: [string, RegExp][] = [
    ["rcv", /^rcv: unknown command: did you mean "recv"\?/],
    ["socket", /^socket: missing argument/],
    ["socket tcp udp x", /^socket: too many arguments/],
    ["bind 70000", /^bind: port must be .*"70000"/],
    ["bind -1", /^bind: port must be .*"-1"/],
    ["bind abc", /^bind: port must be .*"abc"/],
    ['send "abc', /^unterminated quote/],
    ["use 99", /EBADF/],
    ["recv @99", /EBADF/],
  ];
  for (const [line, message] of bad) {
    const out = await r.line(line);
    const what = line.slice(0, 30);
    assert.notEqual(out.code, 0, what);
    const lines = out.stderr.split("\n");
    assert.equal(
      lines.length,
      2,
      `one line for ${what}: ${out.stderr.slice(0, 300)}`,
    );
    assert.equal(lines[1], "");
    assert.match(lines[0]!, message, what);
    assert.ok(lines[0]!.length < 300, `a short message for ${what}`);
    assert.doesNotMatch(out.stderr, /^\s+at /m, "no stack frame");
    assert.ok(!out.stderr.includes("Uncaught"), what);
  }
  const ls = await r.line("ls");
  assert.equal(ls.code, 0);
  assert.match(ls.stdout, /^\* +3 +tcp/m);
});

Deno.test("an enormous pasted line is refused with one error line, without the REPL stalling", async () => {
  await using r = new ReplSession();
  await r.line("socket tcp");
  // Readline measures the whole line per key: pasted in 1000-character pieces
  // with a time budget, a regression to O(n²) fails here instead of hanging.
  const line = "send " + "x".repeat(200_000);
  const start = performance.now();
  for (let i = 0; i < line.length; i += 1000) {
    const piece = line.slice(i, i + 1000);
    const mark = r.screen.length;
    r.type(piece);
    await r.until("the echo", () => r.screen.length >= mark + piece.length);
    const spent = performance.now() - start;
    assert.ok(spent < 10_000, `${i} characters took ${spent} ms`);
  }
  const ran = await r.start("\r");
  assert.equal((await r.finish(ran)).code, 2);
  assert.equal(r.t.take().stderr, "line too long: over 65536 bytes\n");
  assert.equal((await r.line("ls")).code, 0, "the REPL goes on");
});

Deno.test("bytes that are not UTF-8 typed at the prompt give one error line and the REPL goes on", async () => {
  await using r = new ReplSession();
  r.t.take();
  const ran = await r.start(
    new Uint8Array([0xff, 0xfe, 0x80, 0x41, 0x0d]) as unknown as string,
  );
  const result = await r.finish(ran);
  assert.equal(result.code, 127);
  assert.equal(r.t.take().stderr.split("\n").length, 2);
  assert.equal((await r.line("ls")).code, 0);
});

Deno.test("history is written to the history file and recalled with Up next time", async () => {
  const dir = await Deno.makeTempDir();
  const historyFile = `${dir}/history`;
  try {
    {
      await using r = new ReplSession({ historyFile });
      await r.line("socket tcp");
      await r.line("   ");
      await r.line("listen");
      r.type(CTRL_D);
      assert.equal(await r.exit(), 0);
    }
    assert.equal(await Deno.readTextFile(historyFile), "socket tcp\nlisten\n");
    await using r = new ReplSession({ historyFile });
    const ran = await r.start(UP + UP + "\r");
    assert.equal(ran.line, "socket tcp");
    await r.finish(ran);
    const again = await r.start(UP + "\r");
    assert.equal(again.line, "socket tcp", "the line just run is the newest");
    await r.finish(again);
    const older = await r.start(UP + UP + "\r");
    assert.equal(older.line, "listen");
    await r.finish(older);
    r.type(CTRL_D);
    await r.exit();
    assert.equal(
      await Deno.readTextFile(historyFile),
      "socket tcp\nlisten\nsocket tcp\nsocket tcp\nlisten\n",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a history file that cannot be written does not stop the REPL", async () => {
  await using r = new ReplSession({
    historyFile: "/nonexistent-dir-for-sockshell/history",
  });
  assert.equal((await r.line("socket tcp")).code, 0);
  assert.equal((await r.line("ls")).code, 0);
  r.type(CTRL_D);
  assert.equal(await r.exit(), 0);
});

Deno.test("Ctrl-C at the prompt after clearing with Ctrl-U still needs a second press to exit", async () => {
  await using r = new ReplSession();
  r.type("ls" + CTRL_U);
  r.type(CTRL_C);
  await r.until("the hint", () => r.screen.includes("To exit"));
  assert.equal((await r.line("ls")).code, 0, "the REPL is still running");
});

Deno.test("a history file over twice HISTORY_SIZE lines is cut back to the newest HISTORY_SIZE", async () => {
  const dir = await Deno.makeTempDir();
  const historyFile = `${dir}/history`;
  try {
    const lines = Array.from(
      { length: 2 * HISTORY_SIZE + 1 },
      (_, i) => `print ${i}`,
    );
    await Deno.writeTextFile(historyFile, lines.join("\n") + "\n");
    await using r = new ReplSession({ historyFile });
    const ran = await r.start(UP + "\r");
    assert.equal(
      ran.line,
      `print ${2 * HISTORY_SIZE}`,
      "the newest line is kept",
    );
    await r.finish(ran);
    r.type(CTRL_D);
    await r.exit();
    const kept = (await Deno.readTextFile(historyFile)).trimEnd().split("\n");
    assert.equal(
      kept.length,
      HISTORY_SIZE + 1,
      "the kept lines, then the one just run",
    );
    assert.equal(kept[0], `print ${HISTORY_SIZE + 1}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("Ctrl-C inside an open block cancels the block without arming the exit", async () => {
  await using r = new ReplSession();
  r.type("while true\r");
  await r.until("the continuation prompt", () => r.screen.includes("...> "));
  r.type("print never\r");
  await r.until(
    "a second continuation prompt",
    () => r.screen.split("...> ").length > 2,
  );
  r.type(CTRL_C);
  await r.until("^C", () => r.screen.includes("^C"));
  assert.ok(!r.screen.includes("To exit"), "the exit is not armed");
  // The block is gone: end now is an error of its own, not the block's end.
  const end = await r.line("end");
  assert.equal(end.code, 2);
  assert.equal(end.stderr, "end without an if, while, for or fork\n");
  assert.ok(!r.ran.some((x) => x.line.includes("never")), "nothing ran");
  // A Ctrl-C at the empty prompt then arms the exit, and a second one leaves.
  r.type(CTRL_C);
  await r.until("the hint", () => r.screen.includes("To exit"));
  r.type(CTRL_C);
  assert.equal(await r.exit(), 0);
});

/** Count the characters readline's display walk goes through while `f` runs. */
async function displayWork(f: () => Promise<void>): Promise<number> {
  const readline = await import("node:readline");
  // Every method readline names _getDisplayPos, on each prototype that has one.
  const patched: Array<[object, symbol | string, PropertyDescriptor]> = [];
  let work = 0;
  for (
    let proto: object | null = readline.Interface.prototype;
    proto;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const key of Reflect.ownKeys(proto)) {
      const name = typeof key === "symbol" ? key.description : key;
      if (name !== "_getDisplayPos") continue;
      const d = Object.getOwnPropertyDescriptor(proto, key)!;
      const original = (d.get ? d.get.call(proto) : d.value) as (
        this: unknown,
        s: string,
      ) => unknown;
      if (typeof original !== "function" || !d.configurable) continue;
      patched.push([proto, key, d]);
      Object.defineProperty(proto, key, {
        configurable: true,
        writable: true,
        value: function (this: unknown, s: string) {
          work += s.length;
          return original.call(this, s);
        },
      });
    }
  }
  assert.ok(patched.length > 0, "readline has a display walk");
  try {
    await f();
  } finally {
    for (const [proto, key, d] of patched) {
      Object.defineProperty(proto, key, d);
    }
  }
  return work;
}

Deno.test("a pasted line of 8,000 non-ASCII characters costs work linear in its length", async () => {
  await using r = new ReplSession();
  await r.line("socket udp");
  const text = "é界😀".repeat(2667).slice(0, 8000);
  const work = await displayWork(async () => {
    for (let i = 0; i < text.length; i += 500) {
      const piece = text.slice(i, i + 500);
      const mark = r.screen.length;
      r.type(piece);
      await r.until("the echo", () => r.screen.length >= mark + piece.length);
    }
  });
  // Measuring the whole line per key walks n²/2 = 32,000,000 characters.
  assert.ok(work > 0 && work < 20 * text.length, `${work} characters walked`);
  const ran = await r.start("\r");
  assert.equal((await r.finish(ran)).code, 127);
  assert.equal((await r.line("ls")).code, 0, "the REPL goes on");
});

Deno.test("measureIncrementally gives the cursor positions readline would, with wide, combining and ASCII characters on narrow rows", async () => {
  const readline = await import("node:readline");
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), { columns: 7 });
  const rl = readline.createInterface({ input, output, terminal: true });
  const truth = rl.getCursorPos.bind(rl);
  measureIncrementally(rl, input);
  const fast = rl.getCursorPos;
  let checked = 0;
  const wrong: string[] = [];
  rl.getCursorPos = () => {
    const got = fast();
    const want = truth();
    if (got.cols !== want.cols || got.rows !== want.rows) {
      wrong.push(`${JSON.stringify(rl.line)}: ${JSON.stringify(got)}`);
    }
    checked++;
    return got;
  };
  try {
    rl.setPrompt("> ");
    rl.prompt();
    for (const ch of "ab界界c😀e\u0301xyz界界界abc") {
      input.write(ch);
      await new Promise((r) => setTimeout(r, 0));
    }
    assert.ok(checked >= 19, `${checked} positions checked`);
    assert.deepEqual(wrong, []);
  } finally {
    rl.close();
  }
});

Deno.test("a history file that is not a regular file is skipped: SOCKSHELL_HISTORY=/dev/zero still gives a prompt", async () => {
  await using r = new ReplSession({ historyFile: "/dev/zero" });
  await r.until("the prompt", () => PROMPT.test(r.screen));
  assert.equal((await r.line("ls")).code, 0);
});

Deno.test("a history file over MAX_HISTORY_BYTES is read from its newest lines only, and cut back", async () => {
  const dir = await Deno.makeTempDir();
  const historyFile = `${dir}/history`;
  try {
    // Few lines, long ones: over the byte bound long before the line bound.
    const lines = Array.from(
      { length: 40 },
      (_, i) => `print ${i} ${"x".repeat(60_000)}`,
    );
    await Deno.writeTextFile(historyFile, lines.join("\n") + "\n");
    assert.ok((await Deno.stat(historyFile)).size > 2 * MAX_HISTORY_BYTES);
    await using r = new ReplSession({ historyFile });
    const ran = await r.start(UP + "\r");
    assert.equal(ran.line, lines.at(-1), "the newest line is there");
    await r.finish(ran);
    r.type(CTRL_D);
    await r.exit();
    const size = (await Deno.stat(historyFile)).size;
    assert.ok(size <= MAX_HISTORY_BYTES + 70_000, `${size} bytes kept`);
    const kept = (await Deno.readTextFile(historyFile)).trimEnd().split("\n");
    assert.equal(kept.at(-1), lines.at(-1), "the line just run, last");
    assert.ok(kept.every((l) => lines.includes(l)), "whole lines only");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** An `nc` client: what it prints is collected; `say` writes a line to it. */
function ncClient(port: number) {
  const child = new Deno.Command("nc", {
    args: ["-N", "127.0.0.1", String(port)],
    stdin: "piped",
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const writer = child.stdin.getWriter();
  let heard = "";
  const reading = (async () => {
    for await (const chunk of child.stdout) {
      heard += new TextDecoder().decode(chunk);
    }
  })();
  return {
    heard: () => heard,
    say: (text: string) => writer.write(new TextEncoder().encode(text)),
    async [Symbol.asyncDispose]() {
      await writer.close().catch(() => {});
      try {
        child.kill();
      } catch {
        // Already gone.
      }
      await child.status;
      await reading.catch(() => {});
    },
  };
}

/** Wait until `check` holds, for at most 5 s. */
async function eventually(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i > 500) throw new Error(`${what}: not after 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

Deno.test(
  "the poll loop of a relay server typed at the prompt relays each nc client's lines to the others until Ctrl-C",
  {
    ignore: missing("nc"),
  },
  async () => {
    await using r = new ReplSession();
    const port = await listening(r);
    assert.equal((await r.line("trace off")).code, 0);
    // Beej's pollserver.c, line by line: poll every descriptor, accept on the listener, relay the rest.
    const loop = [
      "while true",
      "  poll -> r",
      "  for fd in $r",
      "    if $fd == 3",
      "      accept @3",
      "    else",
      "      recv @$fd -> m",
      "      if $m.n == 0",
      "        close $fd",
      "      else",
      "        for dest in $fds",
      "          if $dest != 3",
      "            if $dest != $fd",
      "              send @$dest $m",
      "            end",
      "          end",
      "        end",
      "      end",
      "    end",
      "  end",
      "end",
    ];
    for (const l of loop.slice(0, -1)) r.type(l + "\r");
    const ran = await r.start(loop.at(-1)! + "\r");
    await using a = ncClient(port);
    await eventually("a accepted", () => r.t.shell.table.list().length === 2);
    await using b = ncClient(port);
    await eventually("b accepted", () => r.t.shell.table.list().length === 3);
    await using c = ncClient(port);
    await eventually("c accepted", () => r.t.shell.table.list().length === 4);
    await a.say("one from a\n");
    await eventually(
      "b and c hear a",
      () => b.heard() === "one from a\n" && c.heard() === "one from a\n",
    );
    await b.say("two from b\n");
    await c.say("three from c\n");
    await eventually(
      "a hears b and c",
      () =>
        a.heard().includes("two from b\n") &&
        a.heard().includes("three from c\n"),
    );
    await eventually("c hears b", () => c.heard().includes("two from b\n"));
    await eventually("b hears c", () => b.heard().includes("three from c\n"));
    // a leaves: the loop reads end of stream and closes its descriptor.
    await a[Symbol.asyncDispose]();
    await eventually("a closed", () => r.t.shell.table.list().length === 3);
    await b.say("four from b\n");
    await eventually("c hears four", () => c.heard().endsWith("four from b\n"));
    assert.deepEqual(a.heard().split("\n").filter(Boolean).sort(), [
      "three from c",
      "two from b",
    ]);
    assert.equal(c.heard(), "one from a\ntwo from b\nfour from b\n");
    assert.ok(!b.heard().includes("from b"), "nobody hears themselves");
    r.type(CTRL_C);
    assert.equal((await r.finish(ran)).code, 124);
    assert.match(
      r.t.take().stderr,
      /poll\(\[.*\], 3, -1\) = -1 EINTR \(Interrupted system call\)/,
    );
  },
);

Deno.test("a line of blocks nested thousands deep is one error at the prompt, and the REPL goes on", async () => {
  await using r = new ReplSession();
  const deep = "if true;".repeat(4000) + "end;".repeat(4000);
  const out = await r.line(deep);
  assert.equal(out.code, 2);
  assert.equal(out.stderr, "nesting too deep (limit 100)\n");
  assert.equal((await r.line("print still here")).stdout, "still here\n");
});

Deno.test("Ctrl-C interrupts a send the peer does not read, with the partial count", async () => {
  await using r = new ReplSession();
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  try {
    await r.line(`socket tcp; connect 127.0.0.1 ${listener.addr.port}`);
    using _peer = await listener.accept();
    r.t.take();
    const ran = await r.start("send -r 1600000 0123456789\r");
    await new Promise((resolve) => setTimeout(resolve, 200));
    r.type(CTRL_C);
    await r.finish(ran);
    assert.match(
      r.t.take().stdout,
      /^send\(3, .*, 16000000, 0\) = \d+\n {2}note: interrupted by Ctrl-C after \d+ of 16000000 bytes/,
    );
    assert.equal((await r.line("print still here")).stdout, "still here\n");
  } finally {
    listener.close();
  }
});

Deno.test("in French the REPL's exit hint and a parse error at the prompt are French, and the calls stay C's", async () => {
  await useLanguage("fr");
  try {
    await using r = new ReplSession();
    const call = await r.line("socket tcp");
    assert.equal(call.stdout, "socket(AF_INET, SOCK_STREAM, 0) = 3\n");
    const parse = await r.line("else");
    assert.equal(parse.code, 2);
    assert.equal(parse.stderr, "else sans if\n");
    r.type(CTRL_C);
    await r.until(
      "the hint",
      () =>
        r.screen.includes(
          "(Pour quitter, appuyez de nouveau sur Ctrl+C, ou sur Ctrl+D, ou tapez exit)",
        ),
    );
    r.type(CTRL_C);
    assert.equal(await r.exit(), 0);
  } finally {
    await useLanguage("en");
  }
});

Deno.test("a line pasted after read is read's answer, not the next command", async () => {
  await using r = new ReplSession();
  // One paste: the command, its answer, then a command.
  r.type("read name\rworld\rprint hello $name\r");
  await r.until("the print", () => r.ran.length >= 2 && !!r.ran[1]!.result);
  assert.deepEqual(r.ran.map((x) => x.line), [
    "read name",
    "print hello $name",
  ]);
  assert.equal(r.ran[1]!.result!.code, 0);
  assert.match(r.t.take().stdout, /hello world\n/);
});

Deno.test("lines pasted after talk are talk's, up to ~.; the lines after it are commands", async () => {
  const port = freePort("tcp");
  using l = Deno.listen({ hostname: "127.0.0.1", port });
  await using r = new ReplSession();
  assert.equal((await r.line(`socket tcp; connect 127.0.0.1 ${port}`)).code, 0);
  using peer = await l.accept();
  r.type("talk\rHELO x\rQUIT\r~.\rprint after\r");
  const got = new Uint8Array(64);
  let n = 0;
  const deadline = Date.now() + 5000;
  while (n < "HELO x\nQUIT\n".length && Date.now() < deadline) {
    const k = await Promise.race([
      peer.read(got.subarray(n)),
      new Promise<null>((resolve) =>
        setTimeout(resolve, deadline - Date.now(), null)
      ),
    ]);
    if (k === null) break;
    n += k;
  }
  assert.equal(new TextDecoder().decode(got.subarray(0, n)), "HELO x\nQUIT\n");
  await r.until("the print", () => r.ran.length >= 3 && !!r.ran[2]!.result);
  assert.deepEqual(r.ran.slice(1).map((x) => x.line), ["talk", "print after"]);
});
