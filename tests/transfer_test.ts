/** `send -f` and `recv -f` (lib/shell/transfer.ts): files through a socket, byte-exact, against socat. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { freePort, startPeer } from "./_peers.ts";
import { TestShell } from "./_shell.ts";
import { failsUnchanged, lsRow } from "./_net.ts";

/** A file of `size` random bytes in a fresh directory, and that directory. */
async function randomFile(size: number) {
  const dir = await Deno.makeTempDir({ prefix: "sockshell-transfer-" });
  const data = new Uint8Array(size);
  for (let off = 0; off < size; off += 65536) {
    crypto.getRandomValues(data.subarray(off, Math.min(size, off + 65536)));
  }
  await Deno.writeFile(`${dir}/in.bin`, data);
  return {
    dir,
    path: `${dir}/in.bin`,
    data,
    [Symbol.asyncDispose]: () => Deno.remove(dir, { recursive: true }),
  };
}

function sha256(...parts: Uint8Array[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest("hex");
}

Deno.test("send -f streams a file into socat byte for byte", async () => {
  await using f = await randomFile(3 * 1024 * 1024 + 17);
  const port = freePort("tcp");
  await using sink = startPeer("socat", [
    "-u",
    `TCP-LISTEN:${port},bind=127.0.0.1`,
    `CREATE:${f.dir}/out.bin`,
  ]);
  await sink.waitForPort(port);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${port}`);
  assert.match(
    await sh.ok(`send -f ${f.path}`),
    new RegExp(
      `^send\\(3, <${f.path}>, ${f.data.length}, 0\\) = ${f.data.length} +the whole file, in 49 sends of up to 65536\\n$`,
    ),
  );
  await sh.ok("close");
  assert.equal((await sink.status).code, 0);
  const out = await Deno.readFile(`${f.dir}/out.bin`);
  assert.equal(sha256(out), sha256(f.data));
});

Deno.test("recv -f -a writes everything socat sends until end of stream", async () => {
  await using f = await randomFile(2 * 1024 * 1024 + 5);
  const port = freePort("tcp");
  await using source = startPeer("socat", [
    "-u",
    `OPEN:${f.path}`,
    `TCP-LISTEN:${port},bind=127.0.0.1`,
  ]);
  await source.waitForPort(port);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${port}`);
  assert.match(
    await sh.ok(`recv -f ${f.dir}/head.bin -t 10 1000`),
    /^recv\(3, buf, 65536, 0\) = 1000 +written to .*head\.bin in \d+ recv calls?, 1000 bytes asked\n$/,
  );
  assert.match(
    await sh.ok(`recv -f ${f.dir}/rest.bin -a -t 10`),
    new RegExp(
      `= ${
        f.data.length - 1000
      } +written to .*rest\\.bin in \\d+ recv calls?, until end of stream`,
    ),
  );
  assert.equal((await lsRow(sh, 3)).state, "CLOSE_WAIT");
  const head = await Deno.readFile(`${f.dir}/head.bin`);
  const rest = await Deno.readFile(`${f.dir}/rest.bin`);
  assert.equal(
    sha256(head, rest),
    sha256(f.data),
  );
});

Deno.test("send -f and recv -f carry a file through TLS, shell to shell, byte-exact", async () => {
  await using f = await randomFile(1024 * 1024 + 3);
  const { testCerts } = await import("./_tls.ts");
  const c = await testCerts();
  const port = freePort("tcp");
  // The receiving shell is its own program: both handshakes run at once.
  const { startSockshell } = await import("./_shell.ts");
  await using receiver = startSockshell([
    "-c",
    [
      `socket tcp; bind 127.0.0.1 ${port}; listen; accept`,
      `starttls -t 10 -s --cert ${c.cert} --key ${c.key}`,
      `recv -f ${f.dir}/out.bin -a -t 10`,
    ].join("; "),
  ]);
  await receiver.waitForPort(port);
  using sh = new TestShell();
  await sh.ok(
    `socket tcp; connect 127.0.0.1 ${port}; starttls --ca ${c.cert} localhost`,
  );
  await sh.ok(`send -f ${f.path}; close`);
  assert.match(
    await receiver.stdout(),
    new RegExp(`= ${f.data.length} +written to`),
  );
  assert.equal(
    sha256(await Deno.readFile(`${f.dir}/out.bin`)),
    sha256(f.data),
  );
});

Deno.test("send -f and recv -f refuse what they cannot do, one line each, ls unchanged", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  const missing = await sh.fails("send -f /nonexistent/file");
  assert.equal(missing.code, 2);
  assert.match(
    missing.stderr,
    /^send: -f "\/nonexistent\/file" cannot be read \(ENOENT\)\n$/,
  );
  await failsUnchanged(sh, "send -f /etc/hostname", "ENOTCONN");
  await failsUnchanged(sh, "recv -f /tmp/x -a", "ENOTCONN");
  assert.match(
    (await sh.fails("send -f /etc/hostname text")).stderr,
    /-f FILE sends the file alone/,
  );
  assert.match((await sh.fails("recv -a")).stderr, /-a goes with -f FILE/);
});
