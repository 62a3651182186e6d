/** `getpeername`: the peer's address, or ENOTCONN. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import { failsUnchanged, lsRow, portIn } from "./_net.ts";

Deno.test("getpeername is ENOTCONN on a new, a listening and an unconnected UDP socket", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  await failsUnchanged(sh, "getpeername", "ENOTCONN");
  await sh.ok("listen");
  await failsUnchanged(sh, "getpeername", "ENOTCONN");
  await sh.ok("socket udp");
  await failsUnchanged(sh, "getpeername", "ENOTCONN");
});

Deno.test("getpeername shows both ends of a connection and a UDP default peer, capturable", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  await sh.ok("bind 127.0.0.1 0");
  await sh.ok("listen");
  const server = portIn((await lsRow(sh, 3)).local);
  await sh.ok("socket tcp");
  await sh.ok(`connect 127.0.0.1 ${server}`);
  const client = portIn((await lsRow(sh, 4)).local);
  assert.equal(
    await sh.ok("getpeername -> p"),
    `getpeername(4, {sa_family=AF_INET, sin_port=htons(${server}), sin_addr=inet_addr("127.0.0.1")}, [16]) = 0\n`,
  );
  assert.equal(await sh.ok("print $p.host $p.port"), `127.0.0.1 ${server}\n`);
  await sh.ok("accept @3");
  assert.match(
    await sh.ok("getpeername @5"),
    new RegExp(`htons\\(${client}\\)`),
  );
  await sh.ok("socket udp");
  await sh.ok("connect 127.0.0.1 9");
  assert.match(
    await sh.ok("getpeername"),
    /htons\(9\), sin_addr=inet_addr\("127\.0\.0\.1"\)/,
  );
});
