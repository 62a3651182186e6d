/** `view`: how received data is shown, against real peers. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import { bytes, rawListener } from "./_net.ts";
import { testCerts, wwwServer } from "./_tls.ts";

Deno.test("view lines shows an HTTPS reply from openssl s_server one line per line, endings visible", async () => {
  const c = await testCerts();
  await using srv = await wwwServer(c.cert, c.key);
  using sh = new TestShell();
  await sh.ok(
    `socket tcp; connect 127.0.0.1 ${srv.port}; starttls --ca ${c.cert} localhost`,
  );
  await sh.ok("view lines");
  assert.equal(await sh.ok("view"), "view lines\n");
  await sh.ok('send -C "GET / HTTP/1.0\\r\\n"');
  const out = await sh.ok("recv -t 5 65536");
  const lines = out.split("\n");
  assert.match(lines[0]!, /^recv\(3, buf, 65536, 0\) = \d+/);
  assert.equal(lines[1], "  | HTTP/1.0 200 ok\\r\\n");
  assert.equal(lines[2], "  | Content-type: text/html\\r\\n");
  await sh.ok("view quoted");
  assert.equal(await sh.ok("view"), "view quoted\n");
});

Deno.test("view lines escapes binary bytes and shows a last line without its ending as it is", async () => {
  using sh = new TestShell();
  using l = rawListener();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${l.addr.port}`);
  using peer = await l.accept();
  await peer.write(bytes("a\x01b\r\n\nend"));
  await sh.ok("view lines");
  const out = await sh.ok("recv -t 5 100");
  assert.equal(
    out,
    "recv(3, buf, 100, 0) = 9\n  | a\\x01b\\r\\n\n  | \\n\n  | end\n",
  );
  await peer.write(bytes("xy"));
  assert.match(await sh.ok("recv -x -t 5"), /= 2 hex 78 79/);
});

Deno.test("view hex shows every recv in hex until view quoted", async () => {
  using sh = new TestShell();
  using l = rawListener();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${l.addr.port}`);
  using peer = await l.accept();
  await sh.ok("view hex");
  await peer.write(bytes("hi"));
  assert.equal(
    await sh.ok("recv -t 5"),
    "recv(3, buf, 255, 0) = 2 hex 68 69\n",
  );
  await sh.ok("view quoted");
  await peer.write(bytes("hi"));
  assert.equal(await sh.ok("recv -t 5"), 'recv(3, buf, 255, 0) = 2 "hi"\n');
});

Deno.test("view refuses an unknown view with a usage error", async () => {
  using sh = new TestShell();
  const r = await sh.fails("view fancy");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /view takes quoted, lines or hex, not "fancy"/);
});
