/**
 * The shell's timers (lib/shell/timer.ts): Deno's web timers, so that no
 * session pays for loading the Node layer's `setTimeout`.
 */
import assert from "node:assert/strict";
import { after, delay, every } from "../lib/shell/timer.ts";
import { freePort } from "./_peers.ts";
import { SHELL_FLAGS } from "./_shell.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const decoder = new TextDecoder();

Deno.test("after calls once, no sooner than asked; a cancelled one never calls", async () => {
  const t0 = performance.now();
  let fired = 0;
  let late = 0;
  const cancelLate = after(40, () => late++);
  await new Promise<void>((resolve) =>
    after(20, () => {
      fired++;
      resolve();
    })
  );
  assert.ok(performance.now() - t0 >= 19, "fired too soon");
  cancelLate();
  cancelLate();
  await delay(60);
  assert.equal(fired, 1);
  assert.equal(late, 0);
});

Deno.test("after takes a delay that is not a number as none, and one beyond 2^31 - 1 ms as never", async () => {
  let soon = 0;
  let never = 0;
  after(NaN, () => soon++);
  after(-5, () => soon++);
  const cancelNever = after(Infinity, () => never++);
  after(2 ** 31, () => never++);
  await delay(30);
  assert.equal(soon, 2);
  assert.equal(never, 0);
  cancelNever();
});

Deno.test("every calls again and again until cancelled", async () => {
  let n = 0;
  const stop = every(5, () => n++);
  await delay(100);
  stop();
  const seen = n;
  assert.ok(seen >= 3, `only ${seen} calls in 100 ms`);
  await delay(30);
  assert.equal(n, seen, "called after it was cancelled");
});

/** Run `code` in a Deno process of its own: its standard output, and how long it took. */
async function evalCode(code: string): Promise<{ ms: number; out: string }> {
  const t0 = performance.now();
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", code],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, decoder.decode(out.stderr));
  return { ms: performance.now() - t0, out: decoder.decode(out.stdout) };
}

Deno.test("a cancelled timer does not keep the process alive; a pending one does", async () => {
  const timer = JSON.stringify(`${ROOT}lib/shell/timer.ts`);
  const cancelled = await evalCode(
    `import { after } from ${timer}; after(10000, () => console.log("fired"))();`,
  );
  assert.ok(cancelled.ms < 5000, `exited after ${cancelled.ms} ms`);
  assert.equal(cancelled.out, "");
  const pending = await evalCode(
    `import { after } from ${timer}; after(300, () => console.log("fired"));`,
  );
  assert.equal(pending.out, "fired\n");
});

Deno.test("timers of many deadlines, made in any order, fire in deadline order, equal ones in the order made; a cancelled one among them never fires", async () => {
  const fired: string[] = [];
  const cancels = new Map<string, () => void>();
  for (
    const [name, ms] of [
      ["c60", 60],
      ["a10", 10],
      ["d60", 60],
      ["b30", 30],
      ["x20", 20],
      ["e90", 90],
    ] as const
  ) {
    cancels.set(name, after(ms, () => fired.push(name)));
  }
  cancels.get("x20")!();
  // Earlier than the deadline the runtime's timer is armed for: it still fires first.
  after(1, () => fired.push("now"));
  // A timer too, made last: the others are due before it, however late it fires.
  await delay(150);
  assert.deepEqual(fired, ["now", "a10", "b30", "c60", "d60", "e90"]);
});

Deno.test("a timer's callback that throws is reported, and the timers due with it still fire", async () => {
  const fired: string[] = [];
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => {
    e.preventDefault();
    errors.push(e.error);
  };
  globalThis.addEventListener("error", onError);
  try {
    after(10, () => {
      throw new Error("boom");
    });
    after(10, () => fired.push("next"));
    await delay(40);
  } finally {
    globalThis.removeEventListener("error", onError);
  }
  assert.deepEqual(fired, ["next"]);
  assert.equal((errors[0] as Error)?.message, "boom");
});

Deno.test("20,000 timers made and cancelled (a loop of recv -t) make a few runtime timers, not one each", async () => {
  const timer = JSON.stringify(`${ROOT}lib/shell/timer.ts`);
  // Each AbortSignal.timeout fires in the end, even unlistened, at some 8 µs (a DOMException).
  const code = `
    let made = 0;
    const timeout = AbortSignal.timeout;
    AbortSignal.timeout = (ms) => { made++; return timeout.call(AbortSignal, ms); };
    const { after } = await import(${timer});
    for (let i = 0; i < 20000; i++) after(300, () => console.log("fired"))();
    await new Promise((resolve) => after(20, resolve));
    console.log(made);
  `;
  const made = Number((await evalCode(code)).out.trim());
  assert.ok(made >= 1 && made <= 3, `${made} runtime timers`);
});

Deno.test("a session with sockets, timeouts, sleep and a burst of fork children never calls the global setTimeout (Deno loads Node's timers on its first call)", async () => {
  const trap = await Deno.makeTempFile({ suffix: ".ts" });
  try {
    // Run before the shell: each timer global, called, says so on stderr.
    await Deno.writeTextFile(
      trap,
      `for (const name of ["setTimeout", "setInterval", "clearTimeout", "clearInterval"]) {
        const g = globalThis as unknown as Record<string, unknown>;
        const f = g[name] as (...a: unknown[]) => unknown;
        g[name] = (...a: unknown[]) => {
          Deno.stderr.writeSync(new TextEncoder().encode("TIMER " + name + "\\n"));
          return f(...a);
        };
      }\n`,
    );
    const port = freePort("tcp");
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--quiet",
        ...SHELL_FLAGS,
        "--preload",
        trap,
        `${ROOT}mod.ts`,
        "-q",
        "-c",
        `socket tcp; bind 127.0.0.1 ${port}; listen; socket tcp; ` +
        `connect -t 2 127.0.0.1 ${port}; accept @3 -t 2; send @4 -t 1 hello; ` +
        `try recv @4 -t 0.05 -> r; recv @5 -t 1 5; sleep 0.01; ` +
        `socket udp; try recvfrom -t 0.02 -> d; close 3; close 4; close 5; close 6; ` +
        // A burst of fork children arms the memory reducer's timer (lib/shell/memory.ts).
        `let k = 0; while $k < 120; fork; let z = 1; end; let k = $k + 1; end; sleep 0.01`,
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const err = decoder.decode(out.stderr);
    assert.equal(out.code, 0, err);
    assert.doesNotMatch(err, /TIMER/);
  } finally {
    await Deno.remove(trap);
  }
});
