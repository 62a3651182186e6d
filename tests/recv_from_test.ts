/** `recvfrom`: one datagram and who sent it. */
import assert from "node:assert/strict";
import { freePort } from "./_peers.ts";
import { TestShell } from "./_shell.ts";
import {
  bytes,
  failsUnchanged,
  HAS_IPV6,
  lsRow,
  rawDatagram,
  rawListener,
  sendDatagram,
  settle,
  until,
} from "./_net.ts";

/** A shell with descriptor 3 bound to 127.0.0.1 on a free UDP port. */
async function boundUdp(sh: TestShell): Promise<number> {
  const port = freePort("udp");
  await sh.ok(`socket udp; bind 127.0.0.1 ${port}`);
  return port;
}

Deno.test("recvfrom returns one datagram and the sender's address", async () => {
  using sh = new TestShell();
  using sender = rawDatagram();
  const port = await boundUdp(sh);
  await sendDatagram(sender, "hello\n", port);
  const from = (sender.addr as Deno.NetAddr).port;
  assert.match(
    await sh.ok("recvfrom -t 3"),
    new RegExp(
      `^recvfrom\\(3, buf, 255, 0\\) = 6 "hello\\\\n" +from 127\\.0\\.0\\.1:${from}\\n$`,
    ),
  );
  assert.equal((await lsRow(sh, 3)).state, "BOUND");
});

Deno.test("recvfrom keeps datagram boundaries: two datagrams, two calls", async () => {
  using sh = new TestShell();
  using sender = rawDatagram();
  const port = await boundUdp(sh);
  await sendDatagram(sender, "one", port);
  await sendDatagram(sender, "two", port);
  assert.match(await sh.ok("recvfrom -t 3"), / = 3 "one" +from /);
  assert.match(await sh.ok("recvfrom -t 3"), / = 3 "two" +from /);
});

Deno.test("recvfrom N cuts a longer datagram and says the rest is lost, as in C", async () => {
  using sh = new TestShell();
  using sender = rawDatagram();
  const port = await boundUdp(sh);
  await sendDatagram(sender, "0123456789", port);
  const out = await sh.ok("recvfrom -t 3 4");
  assert.match(
    out,
    /^recvfrom\(3, buf, 4, 0\) = 4 "0123" +from 127\.0\.0\.1:\d+\n {2}note: datagram was 10 bytes: the last 6 are discarded, as in C\n$/,
  );
  // The rest is not another datagram.
  await failsUnchanged(sh, "recvfrom -t 0.1", "EAGAIN");
});

Deno.test("recvfrom -p peeks: the datagram stays; -x shows it in hex", async () => {
  using sh = new TestShell();
  using sender = rawDatagram();
  const port = await boundUdp(sh);
  await sendDatagram(sender, new Uint8Array([0xca, 0xfe]), port);
  assert.match(
    await sh.ok("recvfrom -t 3 -p"),
    /^recvfrom\(3, buf, 255, MSG_PEEK\) = 2 hex ca fe +from /,
  );
  assert.equal((await lsRow(sh, 3)).extra, "2 bytes unread");
  assert.match(
    await sh.ok("recvfrom -x"),
    /^recvfrom\(3, buf, 255, 0\) = 2 hex ca fe +from /,
  );
  assert.equal((await lsRow(sh, 3)).extra, "");
});

Deno.test("recvfrom -t gives up with EAGAIN when no datagram comes", async () => {
  using sh = new TestShell();
  await boundUdp(sh);
  const err = await failsUnchanged(sh, "recvfrom -t 0.2", "EAGAIN");
  assert.match(
    err,
    /^recvfrom\(3, buf, 255, 0\) = -1 EAGAIN \(Resource temporarily unavailable\): no answer within 0\.2 s/,
  );
});

Deno.test("recvfrom interrupted by Ctrl-C reports EINTR, and a datagram that comes afterwards is returned by the next recvfrom", async () => {
  using sh = new TestShell();
  using sender = rawDatagram();
  const port = await boundUdp(sh);
  const before = await sh.ok("ls");
  const ctrlC = new AbortController();
  const pending = sh.run("recvfrom", ctrlC.signal);
  await settle();
  ctrlC.abort();
  assert.equal((await pending).code, 124);
  assert.equal(
    sh.take().stderr,
    "recvfrom(3, buf, 255, 0) = -1 EINTR (Interrupted system call): interrupted by Ctrl-C\n",
  );
  assert.equal(await sh.ok("ls"), before);
  await sendDatagram(sender, "after ^C", port);
  await until(
    async () => (await lsRow(sh, 3)).extra === "8 bytes unread",
    "the datagram in the shell's queue",
  );
  assert.match(
    await sh.ok("recvfrom -t 3"),
    /^recvfrom\(3, buf, 255, 0\) = 8 "after \^C" +from 127\.0\.0\.1:/,
  );
});

Deno.test("recvfrom reports ENOTCONN on a UDP socket that is not bound: nothing can arrive", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  const err = await failsUnchanged(sh, "recvfrom", "ENOTCONN");
  assert.match(err, /UDP socket 3 is not bound/);
});

Deno.test("recvfrom reports EBADF for a descriptor that is not open", async () => {
  using sh = new TestShell();
  await boundUdp(sh);
  await failsUnchanged(sh, "recvfrom @9", "EBADF");
});

Deno.test("recvfrom on a TCP connection returns the bytes and the connected peer", async () => {
  using sh = new TestShell();
  using l = rawListener();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${l.addr.port}`);
  using peer = await l.accept();
  await peer.write(bytes("tcp"));
  assert.match(
    await sh.ok("recvfrom -t 3"),
    new RegExp(
      `^recvfrom\\(3, buf, 255, 0\\) = 3 "tcp" +from 127\\.0\\.0\\.1:${l.addr.port}\\n$`,
    ),
  );
});

Deno.test({
  name: "recvfrom on udp6 gives an IPv6 sender in brackets",
  ignore: !HAS_IPV6,
  async fn() {
    using sh = new TestShell();
    using sender = rawDatagram("::1");
    const out = await sh.ok("socket udp6; bind ::1 0");
    const port = Number(/local \[::1\]:(\d+)/.exec(out)![1]);
    await sendDatagram(sender, "v6", port, "::1");
    assert.match(
      await sh.ok("recvfrom -t 3"),
      new RegExp(
        `= 2 "v6" +from \\[::1\\]:${(sender.addr as Deno.NetAddr).port}\\n$`,
      ),
    );
  },
});
