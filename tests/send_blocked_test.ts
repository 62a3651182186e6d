/**
 * A TCP send to a peer that does not read: Ctrl-C and `-t` stop it, with
 * the partial count C's send returns, and not one byte is lost or reordered.
 * The peer is a raw Deno socket on loopback that reads only at the end.
 */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import { settle, within } from "./_net.ts";

/** A quiet shell whose descriptor 3 is connected to a peer that reads nothing until asked. */
async function blockedPair(): Promise<
  { sh: TestShell; peer: Deno.TcpConn; listener: Deno.TcpListener }
> {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${listener.addr.port}`);
  const peer = await listener.accept();
  return { sh, peer, listener };
}

/** Everything the peer can read until end of stream. */
async function readAll(conn: Deno.TcpConn): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const buf = new Uint8Array(1 << 20);
  let total = 0;
  for (let i = 0; i < 100000; i++) {
    const n = await conn.read(buf);
    if (n === null) break;
    parts.push(buf.slice(0, n));
    total += n;
  }
  const all = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    all.set(p, off);
    off += p.length;
  }
  return all;
}

/** The count a send line shows: `send(3, ...) = N`. */
function count(stdout: string): number {
  const m = /^send\(3, .*\) = (\d+)/m.exec(stdout);
  assert.ok(m, stdout);
  return Number(m[1]);
}

Deno.test("Ctrl-C stops a send the peer does not read: the partial count, and those bytes arrive in order with what follows", async () => {
  const { sh, peer, listener } = await blockedPair();
  try {
    sh.take();
    const ctl = new AbortController();
    const line = sh.run("send -r 1600000 0123456789", ctl.signal);
    await settle(200);
    ctl.abort();
    const r = await within(line, 3000, "the interrupted send");
    const { stdout } = sh.take();
    const n = count(stdout);
    assert.ok(n > 0 && n < 16000000, stdout);
    assert.match(
      stdout,
      new RegExp(
        `note: interrupted by Ctrl-C after ${n} of 16000000 bytes: C's send returns this partial count`,
      ),
    );
    // The line stopped after the call, as at the prompt.
    assert.equal(r.code, 0);
    // The next send waits for what the first left in flight, then the FIN follows both.
    const reading = readAll(peer);
    await sh.ok("send END; shutdown");
    const got = await within(reading, 20000, "the peer's read");
    assert.equal(got.length, n + 3);
    for (let i = 0; i < n; i++) {
      if (got[i] !== 48 + (i % 10)) {
        assert.fail(`byte ${i} is ${got[i]}, not ${48 + (i % 10)}`);
      }
    }
    assert.equal(new TextDecoder().decode(got.subarray(n)), "END");
  } finally {
    sh.shell.close();
    peer.close();
    listener.close();
  }
});

Deno.test("send -t gives up as SO_SNDTIMEO does: a partial count, then EAGAIN when nothing more goes", async () => {
  const { sh, peer, listener } = await blockedPair();
  try {
    sh.take();
    const first = await within(
      sh.run("send -t 0.3 -r 1600000 0123456789"),
      5000,
      "the first send",
    );
    assert.equal(first.code, 0);
    const out = sh.take().stdout;
    const n = count(out);
    assert.match(
      out,
      /the peer took nothing within 0\.3 s \(SO_SNDTIMEO\) after/,
    );
    const second = await within(sh.run("send -t 0.3 x"), 5000, "the second");
    assert.equal(second.code, 1);
    assert.match(
      sh.take().stderr,
      /^send\(3, "x", 1, 0\) = -1 EAGAIN \(Resource temporarily unavailable\): the peer took nothing within 0\.3 s \(SO_SNDTIMEO\)$/m,
    );
    // Nothing of the refused send went: the peer reads the partial count exactly.
    const reading = readAll(peer);
    assert.match(
      await sh.ok("close"),
      /note: the last piece of an interrupted send is still on its way: it goes out before the FIN/,
    );
    assert.equal((await within(reading, 20000, "the peer's read")).length, n);
  } finally {
    sh.shell.close();
    peer.close();
    listener.close();
  }
});

Deno.test("a send cut short by exit in a fork child says so, and the shell leaves", async () => {
  const { sh, peer, listener } = await blockedPair();
  try {
    sh.take();
    const r = await within(
      sh.run("fork; send -r 1600000 0123456789; end; exit 5"),
      5000,
      "exit",
    );
    assert.equal(r.code, 5);
    assert.match(
      sh.take().stdout,
      /note: exit ended the child after \d+ of 16000000 bytes/,
    );
  } finally {
    sh.shell.close();
    peer.close();
    listener.close();
  }
});

Deno.test("a send blocked in a fork child ends when another task closes the socket, with the partial count", async () => {
  const { sh, peer, listener } = await blockedPair();
  try {
    sh.take();
    const line = sh.run("fork; send -r 1600000 0123456789; end");
    await settle(200);
    // The parent closes the socket while the child waits for the peer.
    assert.equal((await sh.run("close 3")).code, 0);
    const r = await within(line, 5000, "the child's send");
    assert.equal(r.code, 0);
    assert.match(
      sh.take().stdout,
      /note: socket 3 was closed while the call waited after \d+ of 16000000 bytes/,
    );
    await sh.ok("socket tcp");
  } finally {
    sh.shell.close();
    peer.close();
    listener.close();
  }
});
