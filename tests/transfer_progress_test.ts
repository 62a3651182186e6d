/** `recv -f` and `send -f`'s progress line (lib/shell/transfer.ts): on a terminal only (see tmux_test.ts), never on a pipe. */
import assert from "node:assert/strict";
import { freePort, slowSink, slowSource } from "./_peers.ts";
import { sockshell } from "./_shell.ts";

Deno.test("recv -f and send -f write no progress bytes to a pipe, however long they last", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sockshell-progress-" });
  try {
    const [p1, p2] = [freePort("tcp"), freePort("tcp")];
    await using source = slowSource(p1);
    await using sink = slowSink(p2);
    await source.waitForPort(p1);
    await sink.waitForPort(p2);
    await Deno.writeFile(`${dir}/big.bin`, new Uint8Array(16 << 20));
    const r = await sockshell([
      "-c",
      `socket tcp; connect 127.0.0.1 ${p1}; recv -f ${dir}/got.bin -a; close 3; ` +
      `socket tcp; connect 127.0.0.1 ${p2}; send -f ${dir}/big.bin; close 3`,
    ], { timeoutMs: 30_000 });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^recv\(3, buf, 262144, 0\) = 4915200 /m);
    assert.match(
      r.stdout,
      /^send\(3, <.*big\.bin>, 16777216, 0\) = 16777216 /m,
    );
    const all = r.stdout + r.stderr;
    assert.ok(
      !all.includes("\r") && !all.includes("\x1b"),
      JSON.stringify(all),
    );
    assert.ok(!/\/s\b/.test(r.stdout), r.stdout);
    assert.equal((await sink.stdout()).trim(), String(16 << 20));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
