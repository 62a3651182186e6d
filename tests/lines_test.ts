/** Standard input split into lines, whatever pieces the bytes come in. */
import assert from "node:assert/strict";
import { LineBuffer } from "../lib/ui/lines.ts";

const encoder = new TextEncoder();

Deno.test("LineBuffer gives the same lines however the bytes are cut, \\r\\n and a last line without newline included", () => {
  const text = "socket tcp\r\nprint é界\n\nlong " + "y".repeat(5000) +
    "\nlast";
  const bytes = encoder.encode(text);
  for (const size of [1, 2, 3, 7, 4096, bytes.length]) {
    const lines = new LineBuffer();
    const got: string[] = [];
    for (let i = 0; i < bytes.length; i += size) {
      lines.push(bytes.subarray(i, i + size));
      for (let l = lines.take(); typeof l === "string"; l = lines.take()) {
        got.push(l);
      }
    }
    assert.equal(lines.take(), undefined, "the last line waits for the end");
    lines.end();
    got.push(lines.take() as string);
    assert.equal(lines.take(), null);
    assert.deepEqual(
      got,
      ["socket tcp", "print é界", "", "long " + "y".repeat(5000), "last"],
      `pieces of ${size}`,
    );
  }
});

Deno.test("LineBuffer keeps the first max bytes of a longer line and drops the rest up to its newline; the next line is whole", () => {
  const lines = new LineBuffer(10);
  const long = encoder.encode("0123456789abcdefghij".repeat(1000));
  for (let i = 0; i < long.length; i += 7) lines.push(long.subarray(i, i + 7));
  assert.equal(lines.take(), undefined);
  lines.push(encoder.encode("tail\nnext line\nlast"));
  assert.equal(lines.take(), "0123456789");
  assert.equal(lines.take(), "next line");
  lines.end();
  assert.equal(lines.take(), "last");
  assert.equal(lines.take(), null);
});
