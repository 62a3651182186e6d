/** `sendto`: one datagram to an address; an unbound socket is bound first. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import {
  failsUnchanged,
  HAS_IPV6,
  lsRow,
  portIn,
  rawDatagram,
  rawListener,
  readText,
  receiveDatagram,
} from "./_net.ts";

const decoder = new TextDecoder();

Deno.test("sendto on an unbound socket binds an ephemeral port first and shows it", async () => {
  using sh = new TestShell();
  using peer = rawDatagram();
  const port = (peer.addr as Deno.NetAddr).port;
  await sh.ok("socket udp");
  const out = await sh.ok(`sendto 127.0.0.1 ${port} "hello"`);
  const m = new RegExp(
    `^sendto\\(3, "hello", 5, 0, 127\\.0\\.0\\.1:${port}\\) = 5 +local 0\\.0\\.0\\.0:(\\d+)\\n  note: bound to ephemeral port (\\d+) first, as the kernel does\\n$`,
  ).exec(out);
  assert.ok(m, out);
  assert.equal(m[1], m[2]);
  const d = await receiveDatagram(peer);
  assert.equal(decoder.decode(d.data), "hello");
  assert.equal(d.from.port, Number(m[1]));
  const row = await lsRow(sh, 3);
  assert.deepEqual([row.state, row.local, row.remote], [
    "BOUND",
    `0.0.0.0:${m[1]}`,
    "-",
  ]);
});

Deno.test("sendto on a bound socket sends from its port, with no note", async () => {
  using sh = new TestShell();
  using peer = rawDatagram();
  const port = (peer.addr as Deno.NetAddr).port;
  const bound = await sh.ok("socket udp; bind 127.0.0.1 0");
  const local = portIn(/local (\S+)/.exec(bound)![1]!);
  assert.match(
    await sh.ok(`sendto localhost ${port} a b`),
    new RegExp(
      `^sendto\\(3, "a b", 3, 0, 127\\.0\\.0\\.1:${port}\\) = 3 +local 127\\.0\\.0\\.1:${local}\\n$`,
    ),
  );
  const d = await receiveDatagram(peer);
  assert.equal(decoder.decode(d.data), "a b");
  assert.equal(d.from.port, local);
});

Deno.test("sendto -r repeats the text into one datagram", async () => {
  using sh = new TestShell();
  using peer = rawDatagram();
  const port = (peer.addr as Deno.NetAddr).port;
  await sh.ok("socket udp");
  assert.match(
    await sh.ok(`sendto -r 1000 127.0.0.1 ${port} ab`),
    /, 2000, 0, .*\) = 2000 /,
  );
  assert.equal((await receiveDatagram(peer)).data.length, 2000);
});

Deno.test("sendto reports EMSGSIZE for a datagram over 65507 bytes, and the socket stays unbound", async () => {
  using sh = new TestShell();
  using peer = rawDatagram();
  const port = (peer.addr as Deno.NetAddr).port;
  await sh.ok("socket udp");
  const err = await failsUnchanged(
    sh,
    `sendto -r 70000 127.0.0.1 ${port} x`,
    "EMSGSIZE",
  );
  assert.match(
    err,
    new RegExp(
      `, 70000, 0, 127\\.0\\.0\\.1:${port}\\) = -1 EMSGSIZE \\(Message too long\\)\\n$`,
    ),
  );
  assert.equal((await lsRow(sh, 3)).state, "NEW");
  // A bound socket stays bound, and the largest datagram goes through.
  await sh.ok("bind 127.0.0.1 0");
  await failsUnchanged(sh, `sendto -r 65508 127.0.0.1 ${port} x`, "EMSGSIZE");
  assert.match(await sh.ok(`sendto -r 65507 127.0.0.1 ${port} x`), / = 65507 /);
  assert.equal((await receiveDatagram(peer)).data.length, 65507);
});

Deno.test("sendto on a TCP connection ignores the address, as Linux does", async () => {
  using sh = new TestShell();
  using l = rawListener();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${l.addr.port}`);
  using peer = await l.accept();
  assert.equal(
    await sh.ok("sendto 127.0.0.1 9 tcp"),
    'sendto(3, "tcp", 3, 0, 127.0.0.1:9) = 3\n  note: TCP ignores the address: the bytes went to the connected peer\n',
  );
  assert.equal(await readText(peer, 3), "tcp");
});

Deno.test("sendto reports ENOTCONN on an unconnected TCP socket", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  await failsUnchanged(sh, "sendto 127.0.0.1 9 x", "ENOTCONN");
});

Deno.test("sendto reports EAFNOSUPPORT for an IPv6 address on AF_INET, and EAI_NONAME for an unknown host", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  await failsUnchanged(sh, "sendto ::1 9 x", "EAFNOSUPPORT");
  await failsUnchanged(sh, "sendto nosuch.invalid 9 x", "EAI_NONAME");
  assert.equal((await lsRow(sh, 3)).state, "NEW");
});

Deno.test("sendto reports EBADF for a descriptor that is not open", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  const err = await failsUnchanged(sh, "sendto @9 127.0.0.1 9 x", "EBADF");
  assert.match(err, /^sendto\(9, "x", 1, 0, 127\.0\.0\.1:9\) = -1 EBADF/);
});

Deno.test("sendto takes options before the words: a later -r is text", async () => {
  using sh = new TestShell();
  using peer = rawDatagram();
  const port = (peer.addr as Deno.NetAddr).port;
  await sh.ok("socket udp");
  assert.match(
    await sh.ok(`sendto 127.0.0.1 ${port} -r 2`),
    /^sendto\(3, "-r 2", 4, 0, /,
  );
  assert.equal(decoder.decode((await receiveDatagram(peer)).data), "-r 2");
  const r = await sh.fails("sendto 127.0.0.1 9");
  assert.equal(r.code, 2);
});

Deno.test({
  name: "sendto on udp6 reaches ::1 and binds [::]",
  ignore: !HAS_IPV6,
  async fn() {
    using sh = new TestShell();
    using peer = rawDatagram("::1");
    const port = (peer.addr as Deno.NetAddr).port;
    await sh.ok("socket udp6");
    const out = await sh.ok(`sendto ::1 ${port} v6`);
    const m = new RegExp(
      `^sendto\\(3, "v6", 2, 0, \\[::1\\]:${port}\\) = 2 +local \\[::\\]:(\\d+)\\n`,
    ).exec(out);
    assert.ok(m, out);
    const d = await receiveDatagram(peer);
    assert.equal(decoder.decode(d.data), "v6");
    assert.equal(d.from.port, Number(m[1]));
    await failsUnchanged(sh, `sendto 127.0.0.1 ${port} x`, "EAFNOSUPPORT");
  },
});
