/**
 * The callbacks a call adds and removes on every run (lib/shell/callbacks.ts):
 * in the order added, each once, whether one or many.
 */
import assert from "node:assert/strict";
import { Callbacks } from "../lib/shell/callbacks.ts";

Deno.test("callbacks are called in the order added, each once, one or many, and a deleted one is not called", () => {
  const c = new Callbacks();
  const seen: string[] = [];
  const f = (name: string) => () => void seen.push(name);
  const [a, b, d] = [f("a"), f("b"), f("d")];
  c.call();
  assert.deepEqual(seen, []);
  c.add(a);
  c.add(a);
  assert.equal(c.size, 1);
  c.call();
  assert.deepEqual(seen, ["a"]);
  // A second moves the first into the set: the order stays.
  c.add(b);
  c.add(d);
  c.add(b);
  assert.equal(c.size, 3);
  c.call();
  assert.deepEqual(seen, ["a", "a", "b", "d"]);
  c.delete(a);
  c.delete(d);
  c.call();
  assert.deepEqual(seen, ["a", "a", "b", "d", "b"]);
  // Down to none, then one again, then two: still in the order added.
  c.delete(b);
  assert.equal(c.size, 0);
  c.add(d);
  c.add(a);
  c.call();
  assert.deepEqual(seen.slice(5), ["d", "a"]);
});

Deno.test("a callback that removes itself or adds another while they are called: those added wait for the next call", () => {
  const c = new Callbacks();
  const seen: string[] = [];
  const late = () => void seen.push("late");
  const once = () => {
    seen.push("once");
    c.delete(once);
    c.add(late);
  };
  c.add(once);
  c.call();
  assert.deepEqual(seen, ["once"]);
  c.call();
  assert.deepEqual(seen, ["once", "late"]);
  const other = () => void seen.push("other");
  const first = () => {
    seen.push("first");
    c.delete(other);
  };
  c.delete(late);
  c.add(first);
  c.add(other);
  // What was there when the call began is called, as a copy of a Set would be.
  c.call();
  assert.deepEqual(seen.slice(2), ["first", "other"]);
  c.call();
  assert.deepEqual(seen.slice(4), ["first"]);
});

Deno.test("a thousand waits on one signal, forgotten in any order, leave none and wake the rest", async () => {
  const { onAbort } = await import("../lib/shell/command.ts");
  const ctl = new AbortController();
  let woken = 0;
  const forget = Array.from(
    { length: 1000 },
    () => onAbort(ctl.signal, () => woken++),
  );
  for (let i = 0; i < 1000; i += 2) forget[i]!();
  ctl.abort();
  assert.equal(woken, 500);
  // A loop of one wait at a time, on a signal that lives on.
  const live = new AbortController();
  for (let i = 0; i < 10_000; i++) onAbort(live.signal, () => woken++)();
  live.abort();
  assert.equal(woken, 500);
});
