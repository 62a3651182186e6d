/** `getaddrinfo`: side by side with C's getaddrinfo (tests/peers/gai.c), line for line. */
import assert from "node:assert/strict";
import { TestShell } from "./_shell.ts";
import { buildPeer, runPeer } from "./_peers.ts";

/** What C's getaddrinfo answers for these options and words: one line per result, or the EAI_ line. */
async function cAnswer(args: string[]): Promise<string[]> {
  const gai = await buildPeer("gai");
  const r = await runPeer(gai, args);
  return r.stdout.trimEnd().split("\n");
}

/** The shell's answer for the same words: its result lines, or its EAI_ name and text. */
async function shellAnswer(sh: TestShell, args: string[]): Promise<string[]> {
  const r = await sh.run(`getaddrinfo ${args.join(" ")}`);
  const out = sh.take();
  if (r.code !== 0) {
    const m = / = -\d+ (EAI_\w+) \(([^)]*)\)/.exec(out.stderr);
    assert.ok(m, out.stderr);
    return [`${m[1]} ${m[2]}`];
  }
  return out.stdout.split("\n").filter((l) => l.startsWith("  AF_")).map((l) =>
    l.trim()
  );
}

// Every case a student meets: the handout's name, each family, a passive lookup for bind,
// a service by number and by name, a name that cannot exist, numeric addresses of each family.
const CASES: string[][] = [
  ["localhost"],
  ["-4", "localhost"],
  ["-6", "localhost"],
  ["localhost", "4950"],
  ["-s", "stream", "localhost", "4950"],
  ["-s", "dgram", "localhost", "4950"],
  ["-P", "-", "4950"],
  ["-P", "-4", "-", "4950"],
  ["-P", "-6", "-", "4950"],
  ["-", "4950"],
  ["localhost", "http"],
  ["localhost", "domain"],
  ["-s", "dgram", "localhost", "http"],
  ["localhost", "no-such-service"],
  ["nothere.invalid"],
  ["127.0.0.1"],
  ["::1", "80"],
  ["-4", "::1"],
  ["-6", "127.0.0.1"],
];

Deno.test("getaddrinfo gives C's results line for line, in C's order, or C's EAI_ error", async () => {
  using sh = new TestShell();
  for (const args of CASES) {
    assert.deepEqual(
      await shellAnswer(sh, args),
      await cAnswer(args),
      `getaddrinfo ${args.join(" ")}`,
    );
  }
});

Deno.test("getaddrinfo -P with one word takes it as the service, as getaddrinfo(NULL, PORT) for bind", async () => {
  using sh = new TestShell();
  assert.deepEqual(
    await shellAnswer(sh, ["-P", "4950"]),
    await cAnswer(["-P", "-", "4950"]),
  );
  const out = await sh.ok("getaddrinfo -P -4 4950");
  assert.match(
    out,
    /^getaddrinfo\(NULL, "4950", \{ai_flags=AI_PASSIVE, ai_family=AF_INET\}, &res\) = 0/,
  );
});

Deno.test("getaddrinfo shows the call with its hints as C writes them", async () => {
  using sh = new TestShell();
  const out = await sh.ok("getaddrinfo -4 -s stream localhost 4950");
  assert.equal(
    out.split("\n")[0]!.replace(/\s+1 result$/, ""),
    'getaddrinfo("localhost", "4950", {ai_family=AF_INET, ai_socktype=SOCK_STREAM}, &res) = 0',
  );
  assert.equal(
    out.split("\n")[1],
    "  AF_INET SOCK_STREAM IPPROTO_TCP 127.0.0.1 4950",
  );
});

Deno.test("getaddrinfo reports EAI_NONAME for a .invalid name in one line, and the shell is unchanged", async () => {
  using sh = new TestShell();
  await sh.ok("socket udp; bind 127.0.0.1 0");
  const before = await sh.ok("ls");
  // getaddrinfo returns the EAI_ code itself: glibc's EAI_NONAME is -2.
  const r = await sh.fails("getaddrinfo nothere.invalid 4950");
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr,
    'getaddrinfo("nothere.invalid", "4950", {ai_family=AF_UNSPEC}, &res) = -2 EAI_NONAME (Name or service not known)\n',
  );
  assert.equal(await sh.ok("ls"), before);
  assert.match(await sh.ok("getaddrinfo -4 localhost"), /= 0/);
});

Deno.test("getaddrinfo reports EAI_SERVICE for a service /etc/services does not list", async () => {
  using sh = new TestShell();
  const before = await sh.ok("ls");
  const r = await sh.fails("getaddrinfo localhost no-such-service");
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /^getaddrinfo\("localhost", "no-such-service", \{ai_family=AF_UNSPEC\}, &res\) = -8 EAI_SERVICE \(Servname not supported for ai_socktype\): /,
  );
  assert.equal(r.stderr.trimEnd().split("\n").length, 1);
  assert.equal(await sh.ok("ls"), before);
});

Deno.test("getaddrinfo -> r captures the first address, the count, each address and the list", async () => {
  using sh = new TestShell();
  const c = await cAnswer(["localhost", "4950"]);
  const addresses = c.map((l) => l.split(" ")[3]!);
  await sh.ok("getaddrinfo localhost 4950 -> r");
  assert.equal(
    await sh.ok('print "$r|$r.n|$r.1|$r.all|$r.port"'),
    `${addresses[0]}|${addresses.length}|${addresses[0]}|${
      addresses.join(" ")
    }|4950\n`,
  );
});

Deno.test("getaddrinfo refuses bad options as usage errors", async () => {
  using sh = new TestShell();
  for (
    const line of [
      "getaddrinfo -4 -6 localhost",
      "getaddrinfo -s raw localhost",
      "getaddrinfo a b c",
    ]
  ) {
    const r = await sh.fails(line);
    assert.equal(r.code, 2, line);
  }
});

Deno.test("a name with colons and a control character is a name, not an IPv6 address: EAI_NONAME, escaped (found by the fuzzer)", async () => {
  using sh = new TestShell();
  const r = await sh.fails("getaddrinfo \u009b2J::ffff:127.0.0.1");
  assert.match(r.stderr, /= -2 EAI_NONAME \(Name or service not known\)/);
  // deno-lint-ignore no-control-regex
  assert.ok(!/[\u0080-\u009f\u001b]/.test(r.stderr), r.stderr);
  // A real IPv6 address with an IPv4 tail or a zone is still numeric.
  assert.match(
    await sh.ok("getaddrinfo -s stream ::ffff:127.0.0.1"),
    /AF_INET6 SOCK_STREAM IPPROTO_TCP ::ffff:127\.0\.0\.1 0/,
  );
});
