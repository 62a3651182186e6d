/**
 * Small byte arrays carved out of a shared block (lib/net/bytes.ts): each is
 * its own, zeroed, and never overlaps another, across blocks too; what a
 * script keeps of many small receives stays as it came.
 *
 * @module
 */

import assert from "node:assert/strict";
import { copyBytes, newBytes } from "../lib/net/bytes.ts";
import { TestShell } from "./_shell.ts";

Deno.test("newBytes gives zeroed arrays of the size asked, none overlapping another, over several blocks", () => {
  // 3,000 arrays of 1 to 40 bytes: some twenty blocks of 4 KiB.
  const arrays = Array.from({ length: 3000 }, (_, i) => newBytes(1 + i % 40));
  arrays.forEach((a, i) => {
    assert.equal(a.length, 1 + i % 40);
    assert.ok(a.every((b) => b === 0), `array ${i} is not zeroed`);
    a.fill(i % 251);
  });
  arrays.forEach((a, i) => {
    assert.ok(a.every((b) => b === i % 251), `array ${i} was overwritten`);
  });
  // Small ones share a block; a large one has its own buffer.
  assert.equal(newBytes(8).buffer, newBytes(8).buffer);
  const big = newBytes(4096);
  assert.equal(big.buffer.byteLength, 4096);
  assert.equal(newBytes(0).length, 0);
});

Deno.test("copyBytes copies: the copy does not change with its source, nor the source with it", () => {
  const src = new Uint8Array([1, 2, 3]);
  const copy = copyBytes(src);
  src[0] = 9;
  copy[1] = 8;
  assert.deepEqual([...copy], [1, 8, 3]);
  assert.deepEqual([...src], [9, 2, 3]);
  const long = new Uint8Array(1000).fill(7);
  assert.deepEqual(copyBytes(long), long);
});

Deno.test("600 lines received one by one into 600 variables are each still the line that came", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  const lines = Array.from(
    { length: 600 },
    (_, i) => `line-${i}-${"x".repeat(i % 30)}\n`,
  );
  const server = (async () => {
    const conn = await listener.accept();
    // In pieces that cut lines, so that receives split and join buffered bytes.
    const all = new TextEncoder().encode(lines.join(""));
    for (let off = 0; off < all.length; off += 997) {
      await conn.write(all.subarray(off, off + 997));
    }
    conn.close();
  })();
  using ts = new TestShell();
  try {
    await ts.ok(`socket tcp; connect 127.0.0.1 ${port}`);
    await ts.ok(
      "let i = 0; while $i < 600; recv -l -> l; set line$i $l; let i = $i + 1; end",
    );
    for (const [i, line] of lines.entries()) {
      assert.equal(await ts.ok(`print -n $line${i}`), line);
    }
  } finally {
    await server;
    listener.close();
  }
});
