/** `ls`: every descriptor and its 5-tuple. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import { bytes, parseLs, portIn, rawDatagram, untilQueued } from "./_net.ts";

Deno.test("ls with nothing open says how to start", async () => {
  using sh = new TestShell();
  assert.equal(
    await sh.ok("ls"),
    "no open descriptors: start with 'socket tcp' or 'socket udp'\n",
  );
});

Deno.test("ls shows a whole session: listener, both ends of a connection, UDP bound and connected", async () => {
  using sh = new TestShell();
  using udpPeer = rawDatagram();
  const udpPort = (udpPeer.addr as Deno.NetAddr).port;
  const out = await sh.ok("socket tcp; bind 127.0.0.1 0; listen");
  const port = portIn(/listening on (\S+)/.exec(out)![1]!);
  const conn = await sh.ok(`socket tcp; connect 127.0.0.1 ${port}`);
  const client = portIn(/local (\S+)/.exec(conn)![1]!);
  await sh.ok("accept @3 -t 3");
  await sh.ok("socket udp; bind 127.0.0.1 0");
  await sh.ok(`socket udp; connect 127.0.0.1 ${udpPort}`);
  const text = await sh.ok("ls");
  assert.match(text.split("\n")[0]!, /^fd +proto +state +local +remote$/);
  const rows = parseLs(text);
  const udp = rows.map((r) => r.local);
  assert.deepEqual(
    rows.map((r) => [r.current, r.fd, r.proto, r.state, r.local, r.remote]),
    [
      [false, 3, "tcp", "LISTEN", `127.0.0.1:${port}`, "*"],
      [
        false,
        4,
        "tcp",
        "ESTABLISHED",
        `127.0.0.1:${client}`,
        `127.0.0.1:${port}`,
      ],
      [
        false,
        5,
        "tcp",
        "ESTABLISHED",
        `127.0.0.1:${port}`,
        `127.0.0.1:${client}`,
      ],
      [false, 6, "udp", "BOUND", udp[3], "-"],
      [true, 7, "udp", "CONNECTED", udp[4], `127.0.0.1:${udpPort}`],
    ],
  );
  assert.match(udp[3]!, /^127\.0\.0\.1:\d+$/);
  // connect() set its local address: the one the route to the peer leaves from.
  assert.match(udp[4]!, /^127\.0\.0\.1:\d+$/);
});

Deno.test("ls says what is waiting: unread bytes, and that the peer closed", async () => {
  using sh = new TestShell();
  const out = await sh.ok("socket tcp; bind 127.0.0.1 0; listen");
  const port = portIn(/listening on (\S+)/.exec(out)![1]!);
  using client = await Deno.connect({ hostname: "127.0.0.1", port });
  const accepted = await sh.ok("accept -t 3");
  assert.match(accepted, /= 4 /);
  await client.write(bytes("12345"));
  await untilQueued(port, client.localAddr.port, 5);
  await client.closeWrite();
  await sh.ok("recv -t 3 2");
  assert.equal(parseLs(await sh.ok("ls"))[1]!.extra, "3 bytes unread");
  await sh.ok("recv -t 3; recv -t 3");
  const row = parseLs(await sh.ok("ls"))[1]!;
  assert.deepEqual([row.state, row.extra], ["CLOSE_WAIT", "peer closed"]);
});

Deno.test("ls takes no arguments", async () => {
  using sh = new TestShell();
  const r = await sh.fails("ls -l");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /usage: ls/);
});

Deno.test("ls lines up descriptor numbers of any width, the current one marked", async () => {
  using sh = new TestShell();
  // 3 to 102: before, 99 and 100 were aligned on different sides of the column.
  for (let i = 0; i < 100; i++) await sh.ok("socket udp");
  await sh.ok("use 99");
  const lines = (await sh.ok("ls")).split("\n");
  assert.equal(lines[1], "   3  udp    NEW    -      -");
  assert.equal(
    lines.find((l) => l.includes("99 ")),
    "* 99  udp    NEW    -      -",
  );
  assert.equal(lines[98], " 100  udp    NEW    -      -");
});
