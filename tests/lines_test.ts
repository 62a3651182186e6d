/** Standard input split into lines, whatever pieces the bytes come in. */
import assert from "node:assert/strict";
import { LineBuffer } from "../lib/lines.ts";

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
