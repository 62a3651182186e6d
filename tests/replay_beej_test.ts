/**
 * The replays of Beej's Guide's example programs (`run showip`, `run
 * stream-server`, ... `run pollserver`), each against C programs written for
 * these tests from the guide's description (tests/peers/beej_*.c), and against
 * nc, socat, Python's socket module and raw sockets: the same lines, the same
 * exit status, the same bytes on the wire.
 */
import assert from "node:assert/strict";
import {
  buildPeer,
  freePort,
  missing,
  type PeerResult,
  runPeer,
  startPeer,
} from "./_peers.ts";
import {
  sockshell,
  sockshellArgs,
  startSockshell,
  TestShell,
} from "./_shell.ts";
import { waitListening } from "./_wire.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

type Side = "c" | "sockshell";

/** Run one of the guide's programs to its end: the C peer, or its replay. */
async function program(
  side: Side,
  peer: string,
  replay: string,
  args: string[],
): Promise<PeerResult> {
  return side === "c"
    ? await runPeer(await buildPeer(peer), args)
    : await sockshell(["run", replay, ...args]);
}

/** Start a server: the C peer, or its replay. */
async function server(
  side: Side,
  peer: string,
  replay: string,
  args: string[],
  env?: Record<string, string>,
) {
  return side === "c"
    ? startPeer(await buildPeer(peer), args, { env })
    : startSockshell(["run", replay, ...args]);
}

/** Run python3 with a program, to its end. */
async function python(code: string, args: string[]): Promise<PeerResult> {
  return await runPeer("python3", ["-c", code, ...args]);
}

// ---------------------------------------------------------------- showip

Deno.test("showip prints every address as the C showip does, line for line, and fails as it does", async () => {
  for (
    const args of [
      ["localhost"],
      ["127.0.0.1"],
      ["::1"],
      ["nothing.invalid"],
      ["-6"], // a name, never an option
      [],
      ["a", "b"],
    ]
  ) {
    const c = await program("c", "beej_showip", "showip", args);
    const s = await program("sockshell", "beej_showip", "showip", args);
    assert.deepEqual(s, c, `showip ${args.join(" ")}`);
  }
  const local = await program("sockshell", "beej_showip", "showip", [
    "localhost",
  ]);
  assert.match(
    local.stdout,
    /^IP addresses for localhost:\n\n( {2}IPv[46]: \S+\n)+$/,
  );
  const bad = await program("sockshell", "", "showip", ["nothing.invalid"]);
  assert.deepEqual(bad, {
    code: 2,
    stdout: "",
    stderr: "getaddrinfo: Name or service not known\n",
  });
});

// ---------------------------------------------------------------- stream server and client

const HELLO = "client: received 'Hello, world!'\n";

Deno.test("stream-server and stream-client pair with the C server and client, printing the guide's lines", async () => {
  for (
    const [srv, cli] of [
      ["c", "c"],
      ["sockshell", "c"],
      ["c", "sockshell"],
      ["sockshell", "sockshell"],
    ] as const
  ) {
    const port = freePort("tcp");
    await using s = await server(srv, "beej_server", "stream-server", [
      String(port),
    ]);
    await s.waitForPort(port);
    for (const host of ["localhost", "127.0.0.1"]) {
      const r = await program(cli, "beej_client", "stream-client", [
        host,
        String(port),
      ]);
      assert.deepEqual(r, {
        code: 0,
        stdout: "client: attempting connection to 127.0.0.1\n" +
          "client: connected to 127.0.0.1\n" + HELLO,
        stderr: "",
      }, `${srv} server, ${cli} client, ${host}`);
    }
    s.kill("SIGTERM");
    assert.equal(
      await s.stdout(),
      "server: waiting for connections...\n" +
        "server: got connection from 127.0.0.1\n".repeat(2),
      `${srv} server`,
    );
    assert.equal(await s.stderr(), "");
  }
});

Deno.test("stream-server sends exactly the 13 bytes Hello, world! and closes, to nc, socat and 20 Python clients at once", async () => {
  const port = freePort("tcp");
  await using s = startSockshell(["run", "stream-server", String(port)]);
  await s.waitForPort(port);
  if (!missing("nc")) {
    const nc = await runPeer("nc", ["127.0.0.1", String(port)]);
    assert.equal(nc.stdout, "Hello, world!");
  }
  if (!missing("socat")) {
    const so = await runPeer("socat", ["-u", `TCP:127.0.0.1:${port}`, "-"]);
    assert.equal(so.stdout, "Hello, world!");
  }
  const py = await python(
    `
import socket, sys, threading
port = int(sys.argv[1]); got = [None] * 20
def one(i):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    data = b""
    while True:
        b = s.recv(100)
        if not b: break
        data += b
    got[i] = data
    s.close()
ts = [threading.Thread(target=one, args=(i,)) for i in range(20)]
[t.start() for t in ts]; [t.join() for t in ts]
print(sum(g == b"Hello, world!" for g in got))
`,
    [String(port)],
  );
  assert.equal(py.stdout, "20\n", py.stderr);
  s.kill("SIGTERM");
  const lines = (await s.stdout()).split("\n");
  assert.equal(lines[0], "server: waiting for connections...");
  assert.equal(
    lines.filter((l) => l === "server: got connection from 127.0.0.1").length,
    20 + (missing("nc") ? 0 : 1) + (missing("socat") ? 0 : 1),
  );
});

Deno.test("stream-client keeps at most 99 bytes of one recv, as MAXDATASIZE 100 does in C", async () => {
  const serve = `
import socket, sys
l = socket.socket(); l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
l.bind(("127.0.0.1", 0)); l.listen(5); print(l.getsockname()[1], flush=True)
for _ in range(2):
    c, _ = l.accept(); c.sendall(b"x" * 150); c.close()
`;
  const py = new Deno.Command("python3", {
    args: ["-c", serve],
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const reader = py.stdout.pipeThrough(new TextDecoderStream()).getReader();
  try {
    const port = (await reader.read()).value!.trim();
    const c = await program("c", "beej_client", "stream-client", [
      "127.0.0.1",
      port,
    ]);
    const s = await program("sockshell", "beej_client", "stream-client", [
      "127.0.0.1",
      port,
    ]);
    assert.deepEqual(s, c);
    assert.match(
      s.stdout,
      new RegExp(`client: received '${"x".repeat(99)}'\n$`),
    );
  } finally {
    reader.releaseLock();
    await py.stdout.cancel().catch(() => {});
    try {
      py.kill("SIGKILL");
    } catch { /* it ended */ }
    await py.status;
  }
});

Deno.test("stream-client tries each address, says why each fails, and fails as the C client does", async () => {
  const port = String(freePort("tcp")); // nothing listens there
  for (
    const args of [
      ["127.0.0.1", port],
      ["::1", port],
      ["nothing.invalid", port],
      [],
      ["a", "b", "c"],
    ]
  ) {
    const c = await program("c", "beej_client", "stream-client", args);
    const s = await program("sockshell", "beej_client", "stream-client", args);
    assert.deepEqual(s, c, `client ${args.join(" ")}`);
  }
  const refused = await program("sockshell", "", "stream-client", [
    "::1",
    port,
  ]);
  assert.deepEqual(refused, {
    code: 2,
    stdout: "client: attempting connection to ::1\n",
    stderr: "client: connect: Connection refused\nclient: failed to connect\n",
  });
});

// ---------------------------------------------------------------- listener and talker

/** A listener (either side) and what it printed for one datagram sent by `send`. */
async function datagram(
  listener: Side,
  send: (port: string) => Promise<PeerResult>,
): Promise<{ listener: PeerResult; sender: PeerResult }> {
  const port = String(freePort("udp"));
  await using l = await server(listener, "beej_listener", "listener", [port]);
  await l.waitForUdpBound(Number(port));
  const sender = await send(port);
  const status = await l.status;
  return {
    listener: {
      code: status.code,
      stdout: await l.stdout(),
      stderr: await l.stderr(),
    },
    sender,
  };
}

function listenerLines(from: string, text: string): string {
  return `listener: waiting to recvfrom...\nlistener: got packet from ${from}\n` +
    `listener: packet is ${encoder.encode(text).length} bytes long\n` +
    `listener: packet contains "${text}"\n`;
}

Deno.test("listener and talker pair with the C listener and talker over IPv6, printing the guide's lines", async () => {
  for (const message of ["hello", "année", "x".repeat(99)]) {
    for (
      const [l, t] of [
        ["c", "c"],
        ["sockshell", "c"],
        ["c", "sockshell"],
        ["sockshell", "sockshell"],
      ] as const
    ) {
      const x = await datagram(
        l,
        (port) => program(t, "beej_talker", "talker", ["::1", message, port]),
      );
      assert.deepEqual(x.listener, {
        code: 0,
        stdout: listenerLines("::1", message),
        stderr: "",
      }, `${l} listener, ${t} talker`);
      assert.deepEqual(x.sender, {
        code: 0,
        stdout: `talker: sent ${encoder.encode(message).length} bytes to ::1\n`,
        stderr: "",
      });
    }
  }
});

Deno.test("listener binds dual-stack: an IPv4 sender shows as ::ffff:127.0.0.1, as in the C listener", async () => {
  const send = (port: string) =>
    python(
      `import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(b"x" * 120, ("127.0.0.1", int(sys.argv[1])))`,
      [port],
    );
  const c = await datagram("c", send);
  const s = await datagram("sockshell", send);
  assert.deepEqual(s.listener, c.listener);
  // 120 bytes sent, 99 kept: MAXBUFLEN - 1.
  assert.equal(
    s.listener.stdout,
    listenerLines("::ffff:127.0.0.1", "x".repeat(99)),
  );
});

Deno.test("talker fails as the C talker does: usage, a name with no IPv6 address, an IPv4 address", async () => {
  const port = String(freePort("udp"));
  for (
    const args of [
      [],
      ["::1"],
      ["::1", "m", port, "extra"],
      ["localhost", "m", port],
      ["127.0.0.1", "m", port],
      ["nothing.invalid", "m", port],
    ]
  ) {
    const c = await program("c", "beej_talker", "talker", args);
    const s = await program("sockshell", "beej_talker", "talker", args);
    assert.deepEqual(s, c, `talker ${args.join(" ")}`);
    assert.notEqual(s.code, 0);
  }
});

// ---------------------------------------------------------------- broadcaster

Deno.test("broadcaster reaches every socket on the port through 127.255.255.255 and prints what the C broadcaster prints", async () => {
  const receive = `
import socket, sys
port = int(sys.argv[1]); socks = []
for _ in range(2):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("0.0.0.0", port)); s.settimeout(5); socks.append(s)
print("ready", flush=True)
for s in socks:
    data, addr = s.recvfrom(100)
    print(data.decode(), addr[0], flush=True)
`;
  for (const side of ["c", "sockshell"] as const) {
    const port = String(freePort("udp"));
    await using rx = startPeer("python3", ["-c", receive, port]);
    await rx.waitForUdpBound(Number(port));
    const r = await program(side, "beej_broadcaster", "broadcaster", [
      "127.255.255.255",
      "to all",
      port,
    ]);
    assert.deepEqual(r, {
      code: 0,
      stdout: "sent 6 bytes to 127.255.255.255\n",
      stderr: "",
    }, side);
    assert.equal(
      await rx.stdout(),
      "ready\n" + "to all 127.0.0.1\n".repeat(2),
      `${side}: both sockets got it`,
    );
  }
  // And the guide's own listener, dual-stack, hears it from the replay.
  const x = await datagram(
    "c",
    (port) => sockshell(["run", "broadcaster", "127.255.255.255", "hi", port]),
  );
  assert.equal(x.listener.stdout, listenerLines("::ffff:127.0.0.1", "hi"));
});

Deno.test("run -v broadcaster shows SO_BROADCAST set before the sendto to 127.255.255.255", async () => {
  const port = String(freePort("udp"));
  const r = await sockshell([
    "run",
    "-v",
    "broadcaster",
    "127.255.255.255",
    "hi",
    port,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const set = r.stdout.indexOf(
    "setsockopt(3, SOL_SOCKET, SO_BROADCAST, [1], 4) = 0",
  );
  const sent = r.stdout.indexOf(
    `sendto(3, "hi", 2, 0, 127.255.255.255:${port})`,
  );
  assert.ok(set >= 0 && sent > set, r.stdout);
  assert.match(r.stdout, /^sent 2 bytes to 127\.255\.255\.255\n/m);
});

Deno.test("broadcaster fails as the C broadcaster does on wrong arguments and an unknown host", async () => {
  for (
    const args of [[], ["127.255.255.255"], ["nothing.invalid", "m", "4950"]]
  ) {
    const c = await program("c", "beej_broadcaster", "broadcaster", args);
    const s = await program(
      "sockshell",
      "beej_broadcaster",
      "broadcaster",
      args,
    );
    assert.deepEqual(s, c, `broadcaster ${args.join(" ")}`);
    assert.equal(s.code, 1);
  }
});

// ---------------------------------------------------------------- the chat servers

/** A chat server whose stdout is read line by line while it runs. */
class Chat implements AsyncDisposable {
  readonly lines: string[] = [];
  #stderr: Promise<string>;
  #waiters: Array<() => void> = [];
  #done: Promise<void>;

  private constructor(readonly child: Deno.ChildProcess) {
    this.#stderr = new Response(child.stderr).text();
    this.#done = (async () => {
      let rest = "";
      for await (
        const chunk of child.stdout.pipeThrough(new TextDecoderStream())
      ) {
        rest += chunk;
        const parts = rest.split("\n");
        rest = parts.pop()!;
        this.lines.push(...parts);
        for (const w of this.#waiters.splice(0)) w();
      }
    })();
  }

  /** Start the C server (SELECT=1 for select) or the replay, and wait until it listens. */
  static async start(
    side: Side,
    kind: "pollserver" | "selectserver",
    port: number,
  ): Promise<Chat> {
    const child = side === "c"
      ? new Deno.Command(await buildPeer("beej_pollserver"), {
        args: [String(port)],
        env: kind === "selectserver" ? { SELECT: "1" } : {},
        stdout: "piped",
        stderr: "piped",
        stdin: "null",
      }).spawn()
      : new Deno.Command(Deno.execPath(), {
        args: sockshellArgs(["run", kind, String(port)]),
        stdout: "piped",
        stderr: "piped",
        stdin: "null",
      }).spawn();
    await waitListening(port);
    return new Chat(child);
  }

  /** Wait until `count` lines match `re` (bounded in time). */
  async until(re: RegExp, count = 1, timeoutMs = 10000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.lines.filter((l) => re.test(l)).length < count) {
      if (Date.now() > deadline) {
        throw new Error(
          `no ${count} lines like ${re}: ${this.lines.join("|")}`,
        );
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 100);
        this.#waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Stop the server; its stdout and stderr. */
  async stop(): Promise<{ stdout: string; stderr: string }> {
    try {
      this.child.kill("SIGTERM");
    } catch { /* it ended */ }
    await this.child.status;
    await this.#done;
    return {
      stdout: this.lines.map((l) => l + "\n").join(""),
      stderr: await this.#stderr,
    };
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}

/** Connect a raw client to `chat` on `port` and wait until the server has taken it. */
async function join(chat: Chat, port: number): Promise<Deno.TcpConn> {
  const before = chat.lines.filter((l) => / new connection /.test(l)).length;
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  await chat.until(/ new connection /, before + 1);
  return conn;
}

/** Read exactly `n` bytes from `conn`, or fail after a while. */
async function readExactly(
  conn: Deno.TcpConn,
  n: number,
  timeoutMs = 10000,
): Promise<string> {
  const out = new Uint8Array(n);
  let got = 0;
  const timer = setTimeout(() => conn.close(), timeoutMs);
  try {
    while (got < n) {
      const k = await conn.read(out.subarray(got));
      if (k === null) break;
      got += k;
    }
  } finally {
    clearTimeout(timer);
  }
  assert.equal(got, n, `expected ${n} bytes, got ${got}`);
  return decoder.decode(out);
}

/** A Python client that resets its connection (SO_LINGER 1 0, then close) when told to on stdin. */
function resetter(port: number) {
  const child = new Deno.Command("python3", {
    args: [
      "-c",
      `import socket, struct, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
sys.stdin.readline()
s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
s.close()`,
      String(port),
    ],
    stdin: "piped",
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  const stdin = child.stdin.getWriter();
  return {
    async reset(): Promise<void> {
      await stdin.write(encoder.encode("reset\n"));
      await stdin.close();
      await child.status;
    },
    async [Symbol.asyncDispose](): Promise<void> {
      await stdin.close().catch(() => {});
      await child.status;
    },
  };
}

/** Four clients talk, one leaves, one resets; every byte is checked; the server's lines are returned. */
async function conversation(
  side: Side,
  kind: "pollserver" | "selectserver",
): Promise<{ stdout: string; stderr: string }> {
  const port = freePort("tcp");
  const chat = await Chat.start(side, kind, port);
  const clients: Deno.TcpConn[] = [];
  try {
    const a = await join(chat, port);
    clients.push(a);
    await using b = resetter(port);
    await chat.until(/ new connection /, 2);
    const c = await join(chat, port);
    const d = await join(chat, port);
    clients.push(c, d);
    await a.write(encoder.encode("hello from a\n"));
    for (const other of [c, d]) {
      assert.equal(await readExactly(other, 13), "hello from a\n");
    }
    // c leaves with a FIN: "hung up".
    c.close();
    await chat.until(/ hung up$/);
    // b resets: the server's recv fails with ECONNRESET, perror says so.
    await b.reset();
    await new Promise((r) => setTimeout(r, 300));
    // The others keep talking, both ways.
    await a.write(encoder.encode("still here\n"));
    assert.equal(await readExactly(d, 11), "still here\n");
    await d.write(encoder.encode("me too\n"));
    assert.equal(await readExactly(a, 7), "me too\n");
    return await chat.stop();
  } finally {
    await chat.stop();
    for (const conn of clients) {
      try {
        conn.close();
      } catch { /* closed above */ }
    }
  }
}

for (const kind of ["pollserver", "selectserver"] as const) {
  Deno.test(`${kind} prints the guide's lines, as the C server does, through joins, a hang-up and a reset`, async () => {
    const c = await conversation("c", kind);
    const s = await conversation("sockshell", kind);
    assert.equal(
      s.stdout,
      [4, 5, 6, 7].map((fd) =>
        `${kind}: new connection from 127.0.0.1 on socket ${fd}\n`
      ).join("") + `${kind}: socket 6 hung up\n`,
    );
    assert.deepEqual(s, c);
    assert.equal(s.stderr, "recv: Connection reset by peer\n");
  });

  Deno.test(`${kind} relays one message from each of 100 concurrent clients to the 99 others, and not back`, async () => {
    const port = freePort("tcp");
    await using chat = await Chat.start("sockshell", kind, port);
    const clients: Deno.TcpConn[] = [];
    try {
      for (let i = 0; i < 100; i++) clients.push(await join(chat, port));
      const line = (i: number) => `client ${String(i).padStart(3, "0")}\n`;
      const size = line(0).length;
      const reads = clients.map((conn) => readExactly(conn, 99 * size, 30000));
      await Promise.all(
        clients.map((conn, i) => conn.write(encoder.encode(line(i)))),
      );
      const got = await Promise.all(reads);
      got.forEach((text, i) => {
        const lines = text.split("\n").filter((l) => l).sort();
        const want = clients.map((_, j) => line(j).trim()).filter((_, j) =>
          j !== i
        );
        assert.deepEqual(lines, want, `client ${i}`);
      });
    } finally {
      for (const conn of clients) conn.close();
    }
  });

  Deno.test(`${kind} relays a message cut into 30 segments without losing or reordering a byte`, async () => {
    const port = freePort("tcp");
    await using chat = await Chat.start("sockshell", kind, port);
    const a = await join(chat, port);
    const b = await join(chat, port);
    try {
      // Python's socket module, Nagle off, one segment every 5 ms.
      const py = new Deno.Command("python3", {
        args: [
          "-c",
          `import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
sys.stdin.readline()
for i in range(30):
    s.sendall(bytes((i * 100 + k) % 251 for k in range(100))); time.sleep(0.005)
sys.stdin.readline()`,
          String(port),
        ],
        stdin: "piped",
        stdout: "null",
        stderr: "inherit",
      }).spawn();
      const stdin = py.stdin.getWriter();
      try {
        await chat.until(/ new connection /, 3);
        await stdin.write(encoder.encode("go\n"));
        const want = Array.from({ length: 3000 }, (_, k) => k % 251);
        for (const conn of [a, b]) {
          const got = new Uint8Array(3000);
          let n = 0;
          while (n < 3000) {
            const k = await conn.read(got.subarray(n));
            if (k === null) break;
            n += k;
          }
          assert.deepEqual([...got.subarray(0, n)], want);
        }
      } finally {
        await stdin.write(encoder.encode("done\n")).catch(() => {});
        await stdin.close().catch(() => {});
        await py.status;
      }
    } finally {
      a.close();
      b.close();
    }
  });
}

Deno.test("pollserver run at the prompt keeps to its own descriptors: the shell's socket is not in its poll or its relay", async () => {
  using sh = new TestShell();
  sh.scope.trace = false;
  await sh.ok("socket udp; bind 127.0.0.1 0"); // descriptor 3: the shell's, not the replay's
  const port = freePort("tcp");
  const ctl = new AbortController();
  const running = sh.run(`run pollserver ${port}`, ctl.signal);
  const a = await (async () => {
    await waitListening(port);
    return await Deno.connect({ hostname: "127.0.0.1", port });
  })();
  const b = await Deno.connect({ hostname: "127.0.0.1", port });
  let out = "";
  try {
    for (
      let i = 0;
      i < 200 && (out.match(/new connection/g) ?? []).length < 2;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 25));
      out += sh.take().stdout;
    }
    assert.equal(
      out,
      "pollserver: new connection from 127.0.0.1 on socket 5\n" +
        "pollserver: new connection from 127.0.0.1 on socket 6\n",
    );
    await a.write(encoder.encode("hi\n"));
    assert.equal(await readExactly(b, 3), "hi\n");
  } finally {
    a.close();
    b.close();
    ctl.abort();
    await running;
  }
  // Nothing was sent to descriptor 3 (a UDP socket would fail with EDESTADDRREQ), and it is still open.
  assert.doesNotMatch(sh.take().stderr, /send/);
  assert.match(await sh.ok("ls"), /^\*? *3 +udp +BOUND/m);
});

Deno.test("each server fails as its C program does when its port is taken, both address families tried", async () => {
  // Python holds an IPv4 TCP port and an IPv4 UDP port; the servers' :: binds are dual-stack, so taken too.
  const hold = new Deno.Command("python3", {
    args: [
      "-u",
      "-c",
      `import socket, sys
t = socket.socket(); t.bind(("0.0.0.0", 0)); t.listen()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("0.0.0.0", 0))
print(t.getsockname()[1], u.getsockname()[1], flush=True)
sys.stdin.readline()`,
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = hold.stdout.pipeThrough(new TextDecoderStream()).getReader();
  try {
    const [tcp, udp] = (await reader.read()).value!.trim().split(" ") as [
      string,
      string,
    ];
    const cases: Array<[string, string, string[], Record<string, string>?]> = [
      ["beej_server", "stream-server", [tcp]],
      ["beej_pollserver", "pollserver", [tcp]],
      ["beej_pollserver", "selectserver", [tcp], { SELECT: "1" }],
      ["beej_listener", "listener", [udp]],
    ];
    for (const [peer, replay, args, env] of cases) {
      const c = await runPeer(await buildPeer(peer), args, { env });
      const s = await sockshell(["run", replay, ...args]);
      assert.deepEqual(s, c, replay);
      assert.notEqual(s.code, 0, replay);
    }
  } finally {
    reader.releaseLock();
    await hold.stdout.cancel().catch(() => {});
    await hold.stdin.close().catch(() => {});
    await hold.status;
  }
});

// ---------------------------------------------------------------- the one-shell demo and the listing

Deno.test("poll-loopback runs the poll loop by hand: the relay reaches the two others, and a leaver reads as 0", async () => {
  const r = await sockshell(["run", "poll-loopback"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, "");
  assert.match(r.stdout, /poll\(\[\{fd=3, events=POLLIN\}\], 1, -1\) = 1/);
  assert.equal(
    r.stdout.match(/recv\(\d+, buf, 256, 0\) = 17 "hello from alice\\n"/g)
      ?.length,
    3,
  );
  assert.match(r.stdout, /recv\(9, buf, 256, 0\) = 0/);
});

Deno.test("run lists the handout's replays, then Beej's Guide's, and run -p prints each script", async () => {
  const r = await sockshell(["run"]);
  const lines = r.stdout.split("\n");
  const handout = lines.indexOf("The handout's exercises:");
  const beej = lines.indexOf("Beej's Guide to Network Programming's examples:");
  assert.ok(handout > 0 && beej > handout, r.stdout);
  assert.match(lines[handout + 1]!, /^ {2}tcp-server /);
  for (
    const name of [
      "showip",
      "stream-server",
      "stream-client",
      "listener",
      "talker",
      "broadcaster",
      "pollserver",
      "selectserver",
      "poll-loopback",
    ]
  ) {
    const at = lines.findIndex((l) => l.startsWith(`  ${name} `));
    assert.ok(at > beej, name);
    const p = await sockshell(["run", "-p", name]);
    assert.equal(p.code, 0);
    assert.match(p.stdout, /^# /);
  }
});
