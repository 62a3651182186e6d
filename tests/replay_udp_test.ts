/**
 * The replays of the handout's section 3.2 (`run udp-server`, `run udp-client`)
 * against the handout's C listener and talker built with gcc, and against
 * each other: each prints what the C program prints for the same datagram.
 */
import assert from "node:assert/strict";
import {
  buildPeer,
  freePort,
  type PeerResult,
  runPeer,
  startPeer,
} from "./_peers.ts";
import { sockshell, startSockshell, TestShell } from "./_shell.ts";

type Side = "c" | "sockshell";

/** What the listener and the talker printed for one datagram. */
interface Exchange {
  listener: PeerResult;
  talker: PeerResult;
}

/** One exchange on a fresh port: a listener, then a talker sending `message`. */
async function exchange(
  listener: Side,
  talker: Side,
  message: string,
): Promise<Exchange> {
  const port = String(freePort("udp"));
  await using l = listener === "c"
    ? startPeer(await buildPeer("udp_listener"), [port])
    : startSockshell(["run", "udp-server", port]);
  await l.waitForUdpBound(Number(port));
  const t = talker === "c"
    ? await runPeer(await buildPeer("udp_talker"), ["127.0.0.1", message, port])
    : await sockshell(["run", "udp-client", "127.0.0.1", message, port]);
  const status = await l.status;
  return {
    listener: {
      code: status.code,
      stdout: await l.stdout(),
      stderr: await l.stderr(),
    },
    talker: t,
  };
}

function listenerLines(n: number, text: string): string {
  return `got packet from 127.0.0.1\npacket is ${n} bytes long\n` +
    `packet contains "${text}"\n`;
}

function assertClean(x: Exchange): void {
  assert.equal(x.listener.code, 0, x.listener.stderr);
  assert.equal(x.talker.code, 0, x.talker.stderr);
  assert.equal(x.listener.stderr, "");
  assert.equal(x.talker.stderr, "");
}

Deno.test("udp-server receives the C talker's datagram and prints the handout's three lines", async () => {
  const x = await exchange("sockshell", "c", "bonjour le monde");
  assertClean(x);
  assert.equal(x.listener.stdout, listenerLines(16, "bonjour le monde"));
  assert.equal(x.talker.stdout, "sent 16 bytes to 127.0.0.1\n");
});

Deno.test("udp-client sends to the C listener and prints the handout's line", async () => {
  const x = await exchange("c", "sockshell", "bonjour le monde");
  assertClean(x);
  assert.equal(x.talker.stdout, "sent 16 bytes to 127.0.0.1\n");
  assert.equal(x.listener.stdout, listenerLines(16, "bonjour le monde"));
});

Deno.test("udp-client sends to udp-server: sockshell with itself prints the same lines", async () => {
  const x = await exchange("sockshell", "sockshell", "hello");
  assertClean(x);
  assert.equal(x.listener.stdout, listenerLines(5, "hello"));
  assert.equal(x.talker.stdout, "sent 5 bytes to 127.0.0.1\n");
});

Deno.test("udp replays print exactly what the C programs print, in every pairing and for awkward messages", async () => {
  const messages = [
    "année", // bytes, not characters: 6
    'a$b "c" \\n %s ${1:-x}', // printed as sent, nothing expanded
    "x".repeat(120), // more than MAXBUFLEN-1: the listener keeps 99 bytes
  ];
  for (const message of messages) {
    const reference = await exchange("c", "c", message);
    assertClean(reference);
    for (
      const [listener, talker] of [
        ["sockshell", "c"],
        ["c", "sockshell"],
        ["sockshell", "sockshell"],
      ] as const
    ) {
      const x = await exchange(listener, talker, message);
      assertClean(x);
      assert.deepEqual(
        { listener: x.listener.stdout, talker: x.talker.stdout },
        {
          listener: reference.listener.stdout,
          talker: reference.talker.stdout,
        },
        `${listener} listener with ${talker} talker, ${
          JSON.stringify(message)
        }`,
      );
    }
  }
  // The long one, spelled out: 120 bytes sent, 99 received, as in C.
  const long = await exchange("sockshell", "sockshell", "x".repeat(120));
  assert.equal(long.talker.stdout, "sent 120 bytes to 127.0.0.1\n");
  assert.equal(long.listener.stdout, listenerLines(99, "x".repeat(99)));
});

Deno.test("udp-client resolves a host name as the talker's gethostbyname does", async () => {
  const port = String(freePort("udp"));
  await using l = startPeer(await buildPeer("udp_listener"), [port]);
  await l.waitForUdpBound(Number(port));
  const t = await sockshell(["run", "udp-client", "localhost", "hi", port]);
  assert.equal(t.code, 0, t.stderr);
  assert.equal(t.stdout, "sent 2 bytes to 127.0.0.1\n");
  assert.equal(await l.stdout(), listenerLines(2, "hi"));
});

Deno.test("the udp replays document the handout's default port 4950", async () => {
  const list = await sockshell(["run"]);
  assert.match(list.stdout, /^ {2}udp-server \[PORT\] +3\.2: .*4950/m);
  assert.match(list.stdout, /^ {2}udp-client HOST MESSAGE \[PORT\] +3\.2: /m);
  using sh = new TestShell();
  assert.match(await sh.ok("run -p udp-server"), /^bind \$\{1:-4950\} /m);
  assert.match(
    await sh.ok("run -p udp-client"),
    /^sendto \$he \$\{3:-4950\} "\$2"/m,
  );
});

Deno.test("udp-client with too few arguments prints the talker's usage and exits 1, as the C talker does", async () => {
  const theirs = await runPeer(await buildPeer("udp_talker"), ["127.0.0.1"]);
  const ours = await sockshell(["run", "udp-client", "127.0.0.1"]);
  assert.deepEqual(ours, {
    code: 1,
    stdout: "",
    stderr: "usage: talker hostname message\n",
  });
  assert.deepEqual(ours, theirs);
});
