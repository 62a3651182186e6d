/**
 * What every blocking call shares (lib/shell/command.ts): interruption by Ctrl-C,
 * `exit` or a timeout, with one abort listener per signal however many calls
 * wait, checked under real Node, whose EventTarget warns past ten listeners.
 */
import assert from "node:assert/strict";
import { interruptible, onAbort } from "../lib/shell/command.ts";
import { bundleForNode, ROOT } from "../scripts/_bundle.ts";
import { runPeer } from "./_peers.ts";

/** The shell bundled for Node, in a temporary directory removed on dispose. */
async function nodeShell(): Promise<AsyncDisposable & { file: string }> {
  const dir = await Deno.makeTempDir({ prefix: "sockshell_command_" });
  const file = `${dir}/sockshell.cjs`;
  await bundleForNode({ entry: `${ROOT}/lib/ui/main_node.ts`, outfile: file });
  return {
    file,
    [Symbol.asyncDispose]: () => Deno.remove(dir, { recursive: true }),
  };
}

Deno.test("a thousand fork children blocked in recvfrom under real Node raise no listener-leak warning", async () => {
  await using node = await nodeShell();
  const children = 1000;
  // Every child waits on descriptor 3 and holds 4, the current one when it was forked.
  const line = "socket udp; bind 127.0.0.1 0; socket tcp; " +
    "fork; recvfrom @3 -t 1; end; ".repeat(children);
  const r = await runPeer("node", [node.file, "-c", line], {
    timeoutMs: 30000,
  });
  assert.doesNotMatch(r.stderr, /MaxListenersExceeded|memory leak/);
  // Every child's call ended by its own timeout, each said so in one line.
  const calls = r.stderr.split("\n").filter((l) => l.startsWith("recvfrom"));
  assert.equal(calls.length, children, r.stderr.slice(0, 500));
  for (const l of calls) {
    assert.match(l, /^recvfrom\(3, buf, 255, 0\) = -1 EAGAIN /);
  }
  assert.equal(r.code, 0);
});

Deno.test("onAbort keeps one listener on the signal, however many calls wait on it or come and go", () => {
  const ctl = new AbortController();
  let added = 0;
  let removed = 0;
  const signal = ctl.signal;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = (...a: Parameters<typeof add>) => {
    added++;
    add(...a);
  };
  signal.removeEventListener = (...a: Parameters<typeof remove>) => {
    removed++;
    remove(...a);
  };
  const fired: number[] = [];
  const forgets = Array.from(
    { length: 50 },
    (_, i) => onAbort(signal, () => fired.push(i)),
  );
  forgets.forEach((f) => f());
  // A loop of calls, each waiting and leaving: no listener added or removed for them.
  for (let i = 0; i < 1000; i++) onAbort(signal, () => fired.push(-1))();
  assert.equal(added, 1);
  assert.equal(removed, 0);
  // Only the waiter still there when the signal aborts is called.
  onAbort(signal, () => fired.push(99));
  ctl.abort();
  assert.deepEqual(fired, [99]);
});

Deno.test("interruptible rejects with the signal's reason when it is a socket error, else Ctrl-C's EINTR", async () => {
  const { SocketError } = await import("../lib/net/errno.ts");
  const never = new Promise<never>(() => {});
  const ctl = new AbortController();
  const p = interruptible(never, ctl.signal, undefined);
  ctl.abort(new SocketError("EINTR", "exit ended the child"));
  await assert.rejects(p, /exit ended the child/);
  const ctl2 = new AbortController();
  const q = interruptible(never, ctl2.signal, undefined);
  ctl2.abort();
  await assert.rejects(q, (e: Error & { errno?: string }) => {
    assert.equal(e.errno, "EINTR");
    assert.match(e.message, /Ctrl-C/);
    return true;
  });
});
