/** `socket`: descriptors from 3, the lowest free one, NEW until something opens them. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import { lsRow, parseLs } from "./_net.ts";
import { complete } from "../lib/ui/repl.ts";

Deno.test("socket tcp prints the C call, returns descriptor 3 and shows it NEW in ls", async () => {
  using sh = new TestShell();
  assert.equal(
    await sh.ok("socket tcp"),
    "socket(AF_INET, SOCK_STREAM, 0) = 3\n",
  );
  assert.deepEqual(await lsRow(sh, 3), {
    current: true,
    fd: 3,
    proto: "tcp",
    state: "NEW",
    local: "-",
    remote: "-",
    extra: "",
  });
});

Deno.test("socket maps udp, tcp6 and udp6 to their domain and type", async () => {
  using sh = new TestShell();
  assert.equal(
    await sh.ok("socket udp"),
    "socket(AF_INET, SOCK_DGRAM, 0) = 3\n",
  );
  assert.equal(
    await sh.ok("socket tcp6"),
    "socket(AF_INET6, SOCK_STREAM, 0) = 4\n",
  );
  assert.equal(
    await sh.ok("socket UDP6"),
    "socket(AF_INET6, SOCK_DGRAM, 0) = 5\n",
  );
  const rows = parseLs(await sh.ok("ls"));
  assert.deepEqual(rows.map((r) => [r.fd, r.proto, r.state, r.current]), [
    [3, "udp", "NEW", false],
    [4, "tcp6", "NEW", false],
    [5, "udp6", "NEW", true],
  ]);
});

Deno.test("socket reuses the lowest descriptor that close freed, as the kernel does", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp; socket tcp; socket tcp; close 4");
  assert.equal(
    await sh.ok("socket udp"),
    "socket(AF_INET, SOCK_DGRAM, 0) = 4\n",
  );
  assert.equal(
    await sh.ok("socket udp"),
    "socket(AF_INET, SOCK_DGRAM, 0) = 6\n",
  );
  assert.deepEqual(parseLs(await sh.ok("ls")).map((r) => r.fd), [3, 4, 5, 6]);
});

Deno.test("socket opens nothing on the network: a new socket has no address", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp; socket udp");
  for (const fd of [3, 4]) {
    const row = await lsRow(sh, fd);
    assert.equal(row.local, "-");
    assert.equal(row.remote, "-");
  }
});

Deno.test("socket rejects an unknown type with a usage error and opens nothing", async () => {
  using sh = new TestShell();
  const r = await sh.fails("socket raw");
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /^socket: unknown socket type "raw": choose tcp, udp, tcp6, udp6, unix or unix-dgram\n$/,
  );
  const none = await sh.fails("socket");
  assert.equal(none.code, 2);
  assert.match(
    none.stderr,
    /missing argument: usage: socket <tcp\|udp\|tcp6\|udp6\|unix\|unix-dgram>/,
  );
  assert.match(await sh.ok("ls"), /^no open descriptors/);
});

Deno.test("socket takes C's own words: domain, type and protocol, and fails as C does on a protocol the type does not carry", async () => {
  using sh = new TestShell();
  assert.equal(
    await sh.ok(
      "socket AF_INET SOCK_STREAM 0; socket pf_inet6 sock_dgram; socket AF_UNIX SOCK_STREAM; " +
        "socket AF_INET SOCK_STREAM IPPROTO_TCP; socket AF_INET SOCK_DGRAM 17",
    ),
    "socket(AF_INET, SOCK_STREAM, 0) = 3\n" +
      "socket(AF_INET6, SOCK_DGRAM, 0) = 4\n" +
      "socket(AF_UNIX, SOCK_STREAM, 0) = 5\n" +
      "socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 6\n" +
      "socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP) = 7\n",
  );
  assert.deepEqual(
    (await parseLs(await sh.ok("ls"))).map((r) => r.proto),
    ["tcp", "udp6", "unix", "tcp", "udp"],
  );
  const before = await sh.ok("ls");
  // socket(2)'s EPROTONOSUPPORT: a call that fails, its errno for try, no descriptor.
  for (
    const [line, why] of [
      [
        "socket AF_INET SOCK_STREAM IPPROTO_UDP",
        'protocol "IPPROTO_UDP" does not go with that type',
      ],
      [
        "socket AF_UNIX SOCK_DGRAM 17",
        'a Unix socket takes protocol 0, not "17"',
      ],
    ] as const
  ) {
    const r = await sh.fails(line);
    assert.equal(r.code, 1);
    assert.ok(
      r.stderr.startsWith(
        `${
          line.replace(
            /^socket (\S+) (\S+) (\S+)$/,
            "socket($1, $2, $3)",
          )
        } = -1 EPROTONOSUPPORT (Protocol not supported): ${why}`,
      ),
      r.stderr,
    );
  }
  assert.match(
    await sh.ok(
      "try socket AF_INET SOCK_DGRAM IPPROTO_TCP -> s; print $s.errno",
    ),
    /^EPROTONOSUPPORT\n$/,
  );
  // Words the shell does not have: usage errors, one line each.
  for (
    const [line, said] of [
      [
        "socket AF_INET SOCK_RAW 0",
        /unknown socket type "SOCK_RAW": the shell has SOCK_STREAM and SOCK_DGRAM/,
      ],
      [
        "socket AF_PACKET SOCK_DGRAM 0",
        /unknown domain "AF_PACKET": choose AF_INET, AF_INET6 or AF_UNIX/,
      ],
      [
        "socket AF_INET",
        /socket AF_INET needs its type too: socket AF_INET SOCK_STREAM \(or SOCK_DGRAM\)/,
      ],
    ] as const
  ) {
    const r = await sh.fails(line);
    assert.equal(r.code, 2);
    assert.match(r.stderr, said);
  }
  assert.equal(await sh.ok("ls"), before);
});

Deno.test("Tab completes socket's Unix types and the name commands", () => {
  using t = new TestShell();
  assert.deepEqual(complete(t.shell, "socket un"), [
    ["unix", "unix-dgram"],
    "un",
  ]);
  assert.deepEqual(complete(t.shell, "getadd"), [["getaddrinfo"], "getadd"]);
  assert.deepEqual(complete(t.shell, "getn"), [["getnameinfo"], "getn"]);
});
