/** `getsockname`: the socket's own address as strace shows it, capturable. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import { failsUnchanged, HAS_IPV6, lsRow } from "./_net.ts";

Deno.test("getsockname of an unbound socket gives 0.0.0.0:0, as Linux does", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  assert.equal(
    await sh.ok("getsockname"),
    'getsockname(3, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, [16]) = 0\n',
  );
});

Deno.test("getsockname shows the port the system picked, and -> captures host and port", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp");
  await sh.ok("bind 127.0.0.1 0");
  const local = (await lsRow(sh, 3)).local;
  const port = local.split(":")[1];
  assert.equal(
    await sh.ok("getsockname -> a"),
    `getsockname(3, {sa_family=AF_INET, sin_port=htons(${port}), sin_addr=inet_addr("127.0.0.1")}, [16]) = 0\n`,
  );
  assert.equal(
    await sh.ok("print $a $a.host $a.port"),
    `${local} 127.0.0.1 ${port}\n`,
  );
});

Deno.test("getsockname on an IPv6 socket shows a sockaddr_in6", async () => {
  if (!HAS_IPV6) return;
  using sh = new TestShell();
  await sh.ok("socket tcp6");
  await sh.ok("bind ::1 0");
  assert.match(
    await sh.ok("getsockname"),
    /^getsockname\(3, \{sa_family=AF_INET6, sin6_port=htons\(\d+\), sin6_flowinfo=htonl\(0\), inet_pton\(AF_INET6, "::1", &sin6_addr\), sin6_scope_id=0\}, \[28\]\) = 0\n$/,
  );
});

Deno.test("getsockname on a descriptor that is not open is EBADF", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  await failsUnchanged(sh, "getsockname @7", "EBADF");
});
