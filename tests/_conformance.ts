/**
 * The conformance scenarios: the same calls on any {@link NetBackend}, with
 * the results every backend must give.
 *
 * Each scenario asserts what C and Deno do, and returns what it observed
 * (errno names, byte counts, texts; never ports or timings), so that the
 * test can also check that two backends observed exactly the same. Only the
 * backend and portable APIs are used here: `tests/_conformance_node.ts`
 * runs these same scenarios under Node 20.
 *
 * @module
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import type {
  Addr,
  DatagramSocket,
  NetBackend,
  SockAddr,
  StreamConn,
} from "../lib/net.ts";

/** What a scenario saw, keyed by step. */
export type Observations = Record<string, unknown>;

/** What the test provides to scenarios that need a peer. */
export interface ScenarioContext {
  /**
   * A loopback port whose accept queue is full (tests/peers/full_backlog.c,
   * filled by the test), so that a connect to it hangs.
   */
  fullBacklogPort?: number;
  /**
   * A loopback port where tests/peers/rst_peer.c waits for one client, to
   * close with the client's first byte unread: the kernel sends RST.
   */
  rstPeerPort?: number;
  /**
   * PEM texts made by openssl for the test: a self-signed certificate for localhost and
   * 127.0.0.1, its key, and the key of another certificate.
   */
  tls?: { cert: string; key: string; otherKey: string };
}

/** One behaviour every backend must share. */
export interface Scenario {
  /** A sentence about the behaviour. */
  name: string;
  /** A peer the test must set up first. */
  needs?: "fullBacklog" | "rstPeer" | "tls";
  /** Run it on a backend; throws when the backend misbehaves. */
  run(net: NetBackend, ctx: ScenarioContext): Promise<Observations>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const LOOPBACK: SockAddr = { host: "127.0.0.1", port: 0 };

/** Run `f` with a fresh directory for socket files (node:fs: both runtimes have it), removed after. */
async function inTempDir<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(`${os.tmpdir()}/sockshell-conformance-`);
  try {
    return await f(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** True when `path` is a socket file. */
function isSocketFile(path: string): boolean {
  try {
    return fs.lstatSync(path).isSocket();
  } catch {
    return false;
  }
}

/** An address as observed, with the test's directory masked: the same on every run. */
function shownAddr(a: Addr, dir: string): string {
  return "path" in a ? a.path.replace(dir, "DIR") : `${a.host}`;
}

/** The outcome of a call: its value, or the errno name it failed with. */
async function outcome<T>(
  p: Promise<T>,
): Promise<{ ok: T | null } | { errno: string }> {
  try {
    // Deno's closeWrite resolves with null, Node's with undefined: both mean done.
    return { ok: (await p) ?? null };
  } catch (e) {
    const errno = (e as { errno?: unknown }).errno;
    if (typeof errno !== "string") throw e;
    return { errno };
  }
}

/** The errno name a call fails with; fails the scenario if it succeeds. */
async function errnoOf(p: Promise<unknown>): Promise<string> {
  const r = await outcome(p);
  if ("ok" in r) assert.fail(`expected a failure, got ${String(r.ok)}`);
  return r.errno;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** True while `p` has not settled after `ms`. */
async function stillPending(p: Promise<unknown>, ms = 50): Promise<boolean> {
  let settled = false;
  p.then(() => settled = true, () => settled = true);
  await sleep(ms);
  return !settled;
}

/** Take what `next()` gives while each comes within `ms`; the count. The last call is left pending. */
async function countPrompt(
  next: () => Promise<unknown>,
  max: number,
  ms = 100,
): Promise<number> {
  let n = 0;
  while (n < max) {
    const p = next();
    p.catch(() => {}); // the last one fails when its socket closes
    if (
      !await Promise.race([
        p.then(() => true),
        sleep(ms).then(() => false),
      ])
    ) {
      break;
    }
    n++;
  }
  return n;
}

/** Read once into a buffer of `size`; the text, or null at end of stream. */
async function readText(
  c: StreamConn<Addr>,
  size = 4096,
): Promise<string | null> {
  const buf = new Uint8Array(size);
  const n = await c.read(buf);
  return n === null ? null : decoder.decode(buf.subarray(0, n));
}

/** Read exactly `length` bytes, whatever the cuts. */
async function readExactly(
  c: StreamConn<Addr>,
  length: number,
): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let off = 0;
  while (off < length) {
    const n = await c.read(out.subarray(off));
    if (n === null) {
      assert.fail(`end of stream after ${off} of ${length} bytes`);
    }
    off += n;
  }
  return out;
}

/** Read until end of stream or `ms`: the byte count, and whether the end came. */
async function readToEnd(
  c: StreamConn<Addr>,
  ms: number,
): Promise<{ bytes: number; end: boolean }> {
  const buf = new Uint8Array(65536);
  const timeUp = Symbol("time up");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof timeUp>((resolve) => {
    timer = setTimeout(resolve, ms, timeUp);
  });
  let bytes = 0;
  try {
    for (;;) {
      const read = c.read(buf);
      read.catch(() => {}); // left pending at the deadline: it fails when the socket closes
      const n = await Promise.race([read, deadline]);
      if (n === timeUp) return { bytes, end: false };
      if (n === null) return { bytes, end: true };
      bytes += n;
    }
  } finally {
    clearTimeout(timer);
  }
}

/** `f` on both ends of a loopback connection upgraded to TLS, all closed after. */
async function overTls(
  net: NetBackend,
  ctx: ScenarioContext,
  f: (
    server: StreamConn<SockAddr>,
    client: StreamConn<SockAddr>,
  ) => Promise<Observations>,
): Promise<Observations> {
  const { cert, key } = ctx.tls!;
  const p = await pair(net);
  try {
    const [server, client] = await Promise.all([
      p.server.startTls({ server: true, cert, key }),
      p.client.startTls({ servername: "localhost", ca: cert }),
    ]);
    try {
      return await f(server, client);
    } finally {
      client.close();
      server.close();
    }
  } finally {
    p.close();
  }
}

/** A listener on loopback and one connection to it, both ends. */
async function pair(net: NetBackend) {
  const listener = await net.listen(LOOPBACK);
  const client = await net.connect(listener.local);
  const server = await listener.accept();
  return {
    listener,
    client,
    server,
    close() {
      client.close();
      server.close();
      listener.close();
    },
  };
}

/** A port that nothing listens on: bound by the backend, then released. */
async function closedPort(net: NetBackend): Promise<number> {
  const l = await net.listen(LOOPBACK);
  const { port } = l.local;
  l.close();
  return port;
}

/** The scenario where backends may differ: Node has no Unix datagrams and says so. */
export const UNIX_DATAGRAMS =
  "Unix datagrams go between bound paths, or the backend refuses them with EAFNOSUPPORT";

/** Every scenario, in a stable order. */
export const scenarios: Scenario[] = [
  {
    name: "a connection carries bytes both ways and knows both of its ends",
    async run(net) {
      const p = await pair(net);
      try {
        assert.equal(p.listener.local.host, "127.0.0.1");
        assert.ok(p.listener.local.port > 0, "port 0 becomes a real port");
        assert.deepEqual(p.client.remote, p.listener.local);
        assert.deepEqual(p.server.local, p.listener.local);
        assert.deepEqual(p.server.remote, p.client.local);
        const sent = await p.client.write(encoder.encode("hello\n"));
        const got = await readText(p.server);
        const back = await p.server.write(encoder.encode("J'ai reçu"));
        const reply = decoder.decode(await readExactly(p.client, back));
        return { sent, got, back, reply };
      } finally {
        p.close();
      }
    },
  },
  {
    name:
      "a megabyte arrives whole and in order, and write resolves with its length",
    async run(net) {
      const p = await pair(net);
      try {
        const data = new Uint8Array(1 << 20).map((_, i) => (i * 7) % 251);
        const [sent, got] = await Promise.all([
          p.client.write(data),
          readExactly(p.server, data.length),
        ]);
        assert.deepEqual(got, data);
        return { sent, same: true };
      } finally {
        p.close();
      }
    },
  },
  {
    name: "a read into a small buffer leaves the rest for the next read",
    async run(net) {
      const p = await pair(net);
      try {
        await p.client.write(encoder.encode("hello"));
        await p.client.closeWrite();
        const first = await readText(p.server, 3);
        const second = await readText(p.server, 3);
        const end = await readText(p.server, 3);
        assert.deepEqual([first, second, end], ["hel", "lo", null]);
        return { first, second, end };
      } finally {
        p.close();
      }
    },
  },
  {
    name: "closeWrite sends end of stream while the other direction stays open",
    async run(net) {
      const p = await pair(net);
      try {
        await p.client.write(encoder.encode("question"));
        await p.client.closeWrite();
        const again = await outcome(p.client.closeWrite());
        const question = decoder.decode(await readExactly(p.server, 8));
        const eof = await p.server.read(new Uint8Array(16));
        const eofAgain = await p.server.read(new Uint8Array(16));
        assert.equal(eof, null);
        assert.equal(eofAgain, null);
        const writeAfterShutdown = await errnoOf(
          p.client.write(encoder.encode("more")),
        );
        assert.equal(writeAfterShutdown, "EPIPE");
        await p.server.write(encoder.encode("answer"));
        const answer = decoder.decode(await readExactly(p.client, 6));
        p.server.close();
        const clientEof = await p.client.read(new Uint8Array(16));
        assert.equal(clientEof, null);
        return {
          again,
          question,
          eof,
          eofAgain,
          writeAfterShutdown,
          answer,
          clientEof,
        };
      } finally {
        p.close();
      }
    },
  },
  {
    name: "listen fails at once with EADDRINUSE when the port is taken",
    async run(net) {
      const first = await net.listen(LOOPBACK);
      const { port } = first.local;
      try {
        const same = await errnoOf(net.listen({ host: "127.0.0.1", port }));
        const any = await errnoOf(net.listen({ host: "0.0.0.0", port }));
        assert.equal(same, "EADDRINUSE");
        assert.equal(any, "EADDRINUSE");
        first.close();
        const again = await net.listen({ host: "127.0.0.1", port });
        const reused = again.local.port === port;
        again.close();
        assert.ok(reused, "the port is free again once closed");
        return { same, any, reused };
      } finally {
        first.close();
      }
    },
  },
  {
    name:
      "probeTcp answers as bind(): the port picked for 0, EADDRINUSE where a TCP socket listens, never for a UDP one, EADDRNOTAVAIL off this machine",
    async run(net) {
      const picked = (await net.probeTcp(LOOPBACK)).port !== 0;
      const first = await net.listen(LOOPBACK);
      const { port } = first.local;
      const udp = await net.bindDatagram(LOOPBACK);
      try {
        const same = await errnoOf(net.probeTcp({ host: "127.0.0.1", port }));
        const any = await errnoOf(net.probeTcp({ host: "0.0.0.0", port }));
        // 127.0.0.2 is this machine too (127/8), and nothing listens there.
        const beside = await net.probeTcp({ host: "127.0.0.2", port });
        first.close();
        // Node's server lets its port go a tick after close (under Deno's node: layer too).
        let freed = await outcome(net.probeTcp({ host: "127.0.0.1", port }));
        for (let i = 0; i < 50 && !("ok" in freed); i++) {
          await sleep(10);
          freed = await outcome(net.probeTcp({ host: "127.0.0.1", port }));
        }
        const overUdp = await net.probeTcp({
          host: "127.0.0.1",
          port: udp.local.port,
        });
        // TEST-NET-1 (RFC 5737): no interface of this machine has it; bind sends nothing.
        const away = await errnoOf(
          net.probeTcp({ host: "192.0.2.1", port: 4950 }),
        );
        const obs = {
          picked,
          same,
          any,
          beside: beside.port === port && beside.host,
          freed: "ok" in freed && (freed.ok as SockAddr).port === port,
          overUdp: overUdp.port === udp.local.port,
          away,
        };
        assert.deepEqual(obs, {
          picked: true,
          same: "EADDRINUSE",
          any: "EADDRINUSE",
          beside: "127.0.0.2",
          freed: true,
          overUdp: true,
          away: "EADDRNOTAVAIL",
        });
        return obs;
      } finally {
        first.close();
        udp.close();
      }
    },
  },
  {
    name: "bindDatagram fails at once with EADDRINUSE when the port is taken",
    async run(net) {
      const first = await net.bindDatagram(LOOPBACK);
      const { port } = first.local;
      try {
        const same = await errnoOf(
          net.bindDatagram({ host: "127.0.0.1", port }),
        );
        assert.equal(same, "EADDRINUSE");
        first.close();
        // Deno's node:dgram lets the port go a tick after close (Node and Deno at once).
        await sleep(10);
        const again = await net.bindDatagram({ host: "127.0.0.1", port });
        const reused = again.local.port === port;
        again.close();
        return { same, reused };
      } finally {
        first.close();
      }
    },
  },
  {
    name:
      "listen on an address this machine does not have fails with EADDRNOTAVAIL",
    async run(net) {
      // TEST-NET-1: never assigned to a local interface, and binding sends nothing.
      const tcp = await errnoOf(net.listen({ host: "192.0.2.1", port: 0 }));
      const udp = await errnoOf(
        net.bindDatagram({ host: "192.0.2.1", port: 0 }),
      );
      assert.equal(tcp, "EADDRNOTAVAIL");
      assert.equal(udp, "EADDRNOTAVAIL");
      return { tcp, udp };
    },
  },
  {
    name: "connect to a port nobody listens on fails with ECONNREFUSED",
    async run(net) {
      const port = await closedPort(net);
      const refused = await errnoOf(
        net.connect({ host: "127.0.0.1", port }),
      );
      assert.equal(refused, "ECONNREFUSED");
      return { refused };
    },
  },
  {
    name: "connect with an aborted signal fails and opens nothing",
    async run(net) {
      const l = await net.listen(LOOPBACK);
      try {
        const ac = new AbortController();
        ac.abort();
        const aborted = await errnoOf(net.connect(l.local, ac.signal));
        const nobody = await stillPending(l.accept().then((c) => c.close()));
        // A signal that never fires changes nothing.
        const c = await net.connect(l.local, new AbortController().signal);
        c.close();
        return { aborted, nobody };
      } finally {
        l.close();
      }
    },
  },
  {
    name: "aborting a pending connect rejects it at once",
    needs: "fullBacklog",
    async run(net, ctx) {
      const addr = { host: "127.0.0.1", port: ctx.fullBacklogPort! };
      const ac = new AbortController();
      const pending = net.connect(addr, ac.signal);
      const waiting = await stillPending(pending, 200);
      const t0 = Date.now();
      ac.abort();
      const aborted = await errnoOf(pending);
      const prompt = Date.now() - t0 < 1000;
      // A timeout signal (connect -t) ends it the same way.
      const timedOut = await errnoOf(
        net.connect(addr, AbortSignal.timeout(100)),
      );
      assert.deepEqual([waiting, prompt], [true, true]);
      return { waiting, aborted, prompt, timedOut };
    },
  },
  {
    name: "listen applies the backlog it is given, as ss shows (Send-Q)",
    async run(net) {
      /** The Send-Q column of `ss -ltn` for the listener on `port`: its backlog. */
      const ssBacklog = (port: number) => {
        const rows = execFileSync("ss", ["-ltnH", "sport", "=", String(port)])
          .toString().trim().split("\n");
        assert.equal(rows.length, 1);
        return Number(rows[0]!.split(/\s+/)[2]);
      };
      const given = await net.listen(LOOPBACK, 7);
      const unsaid = await net.listen(LOOPBACK);
      try {
        const seen = {
          given: ssBacklog(given.local.port),
          unsaid: ssBacklog(unsaid.local.port),
        };
        // Without a backlog both runtimes take 511.
        assert.deepEqual(seen, { given: 7, unsaid: 511 });
        return seen;
      } finally {
        given.close();
        unsaid.close();
      }
    },
  },
  {
    name:
      "a listener that is never asked to accept holds no more than backlog + 1 connections",
    async run(net) {
      const l = await net.listen(LOOPBACK, 2);
      const abort = new AbortController();
      // Beyond the queue, Linux drops the SYN (the connect waits); Node resets the connection.
      const connects = Array.from(
        { length: 8 },
        () => net.connect(l.local, abort.signal),
      );
      connects.forEach((p) => p.catch(() => {}));
      try {
        await sleep(300);
        const accepted: StreamConn[] = [];
        const count = await countPrompt(async () => {
          accepted.push(await l.accept());
        }, 8);
        accepted.forEach((c) => c.close());
        assert.equal(count, 3);
        return { accepted: count };
      } finally {
        abort.abort();
        l.close();
        for (const p of connects) (await p.catch(() => undefined))?.close();
      }
    },
  },
  {
    name:
      "a connection nobody reads leaves the data in the kernel: the writer stalls",
    async run(net) {
      const p = await pair(net);
      try {
        const chunk = new Uint8Array(1 << 20).fill(120);
        let sent = 0;
        // Up to 256 MiB; the kernel's buffers (a few MiB on loopback) fill long before.
        for (let i = 0; i < 256; i++) {
          const w = p.client.write(chunk);
          w.catch(() => {}); // the last write fails when the pair closes
          if (
            !await Promise.race([
              w.then(() => true),
              sleep(300).then(() => false),
            ])
          ) {
            break;
          }
          sent += chunk.length;
        }
        assert.ok(
          sent < 64 << 20,
          `${sent} bytes went into a socket nobody reads`,
        );
        return { stalled: true };
      } finally {
        p.close();
      }
    },
  },
  {
    name:
      "a datagram socket nobody reads keeps a bounded queue, as the kernel's SO_RCVBUF",
    async run(net) {
      const rx = await net.bindDatagram(LOOPBACK);
      const tx = await net.bindDatagram(LOOPBACK);
      try {
        const payload = new Uint8Array(1000).fill(120);
        for (let i = 0; i < 3000; i++) await tx.send(payload, rx.local);
        await sleep(200);
        const kept = await countPrompt(() => rx.receive(), 3000, 50);
        // Linux keeps about 200 KB (SO_RCVBUF) of a flood: about a hundred of these.
        assert.ok(kept > 10 && kept < 600, `${kept} datagrams kept`);
        return { bounded: true };
      } finally {
        rx.close();
        tx.close();
      }
    },
  },
  {
    name: "connections and their data wait for accept, in the order they came",
    async run(net) {
      const l = await net.listen(LOOPBACK);
      const clients: StreamConn[] = [];
      try {
        for (const word of ["first", "second"]) {
          const c = await net.connect(l.local);
          await c.write(encoder.encode(word));
          clients.push(c);
        }
        await sleep(50);
        const got: string[] = [];
        for (const c of clients) {
          const s = await l.accept();
          assert.deepEqual(s.remote, c.local);
          got.push(
            decoder.decode(await readExactly(s, c === clients[0] ? 5 : 6)),
          );
          s.close();
        }
        assert.deepEqual(got, ["first", "second"]);
        return { got };
      } finally {
        for (const c of clients) c.close();
        l.close();
      }
    },
  },
  {
    name:
      "close interrupts a pending read (EINTR); later calls fail with EBADF",
    async run(net) {
      const p = await pair(net);
      try {
        const pending = p.client.read(new Uint8Array(16));
        const waiting = await stillPending(pending);
        p.client.close();
        const interrupted = await errnoOf(pending);
        const read = await errnoOf(p.client.read(new Uint8Array(16)));
        const write = await errnoOf(p.client.write(encoder.encode("x")));
        const shutdown = await errnoOf(p.client.closeWrite());
        p.client.close(); // twice: never throws
        const peerEof = await p.server.read(new Uint8Array(16));
        assert.deepEqual(
          [waiting, interrupted, read, write, shutdown, peerEof],
          [true, "EINTR", "EBADF", "EBADF", "EBADF", null],
        );
        return { waiting, interrupted, read, write, shutdown, peerEof };
      } finally {
        p.close();
      }
    },
  },
  {
    name: "close cancels a pending accept; later accepts fail with EBADF",
    async run(net) {
      const l = await net.listen(LOOPBACK);
      const pending = l.accept();
      const waiting = await stillPending(pending);
      l.close();
      const cancelled = await errnoOf(pending);
      const after = await errnoOf(l.accept());
      l.close();
      assert.deepEqual([waiting, cancelled, after], [true, "EBADF", "EBADF"]);
      return { waiting, cancelled, after };
    },
  },
  {
    name:
      "after the peer closes: end of stream, then EPIPE on the second write",
    async run(net) {
      const p = await pair(net);
      try {
        p.server.close();
        const eof = await p.client.read(new Uint8Array(16));
        // The first write reaches a closed socket, which answers with a reset.
        const first = await outcome(p.client.write(encoder.encode("one")));
        await sleep(50);
        const second = await errnoOf(p.client.write(encoder.encode("two")));
        assert.deepEqual([eof, first, second], [null, { ok: 3 }, "EPIPE"]);
        return { eof, first, second };
      } finally {
        p.close();
      }
    },
  },
  {
    name: "close sends end of stream first, even with data left unread",
    async run(net) {
      const p = await pair(net);
      try {
        await p.client.write(encoder.encode("never read"));
        await sleep(50);
        // A C close() with unread data sends only RST (RFC 1122 4.2.2.13); Deno's close
        // sends FIN first, so the peer reads end of stream, and the reset shows on its write.
        p.server.close();
        await sleep(50);
        const read = await outcome(p.client.read(new Uint8Array(16)));
        const write = await errnoOf(p.client.write(encoder.encode("x")));
        assert.deepEqual([read, write], [{ ok: null }, "EPIPE"]);
        return { read, write };
      } finally {
        p.close();
      }
    },
  },
  {
    name:
      "a reset fails the pending read with ECONNRESET once, then end of stream",
    needs: "rstPeer",
    async run(net, ctx) {
      const c = await net.connect({
        host: "127.0.0.1",
        port: ctx.rstPeerPort!,
      });
      try {
        // The peer closes with this byte unread: the kernel answers with RST.
        await c.write(encoder.encode("x"));
        const reset = await errnoOf(c.read(new Uint8Array(16)));
        const then = await outcome(c.read(new Uint8Array(16)));
        const write = await errnoOf(c.write(encoder.encode("y")));
        const shutdown = await outcome(c.closeWrite());
        assert.deepEqual([reset, then, write, shutdown], [
          "ECONNRESET",
          { ok: null },
          "EPIPE",
          { ok: null },
        ]);
        return { reset, then, write, shutdown };
      } finally {
        c.close();
      }
    },
  },
  {
    name: "an IPv6 listener on :: takes IPv4 clients as mapped addresses",
    async run(net) {
      const l = await net.listen({ host: "::", port: 0 });
      try {
        const c = await net.connect({ host: "127.0.0.1", port: l.local.port });
        const s = await l.accept();
        const seen = {
          listener: l.local.host,
          local: s.local.host,
          remote: s.remote.host,
        };
        c.close();
        s.close();
        assert.deepEqual(seen, {
          listener: "::",
          local: "::ffff:127.0.0.1",
          remote: "::ffff:127.0.0.1",
        });
        return seen;
      } finally {
        l.close();
      }
    },
  },
  {
    name:
      "datagrams keep their boundaries, order and sender, empty ones included",
    async run(net) {
      const a = await net.bindDatagram(LOOPBACK);
      const b = await net.bindDatagram(LOOPBACK);
      try {
        assert.ok(a.local.port > 0);
        const sent: number[] = [];
        for (const text of ["one", "", "three"]) {
          sent.push(await b.send(encoder.encode(text), a.local));
        }
        await sleep(20);
        const got: string[] = [];
        for (let i = 0; i < 3; i++) {
          const d = await a.receive();
          assert.deepEqual(d.from, b.local);
          got.push(decoder.decode(d.data));
        }
        await a.send(encoder.encode("reply"), b.local);
        const reply = decoder.decode((await b.receive()).data);
        assert.deepEqual(sent, [3, 0, 5]);
        assert.deepEqual(got, ["one", "", "three"]);
        return { sent, got, reply };
      } finally {
        a.close();
        b.close();
      }
    },
  },
  {
    name:
      "close interrupts a pending receive (EINTR); later calls fail with EBADF",
    async run(net) {
      const a = await net.bindDatagram(LOOPBACK);
      const pending = a.receive();
      const waiting = await stillPending(pending);
      a.close();
      const interrupted = await errnoOf(pending);
      const receive = await errnoOf(a.receive());
      const send = await errnoOf(
        a.send(encoder.encode("x"), { host: "127.0.0.1", port: 9 }),
      );
      a.close();
      assert.deepEqual(
        [waiting, interrupted, receive, send],
        [true, "EINTR", "EBADF", "EBADF"],
      );
      return { waiting, interrupted, receive, send };
    },
  },
  {
    name: "sendto an IPv6 address from IPv4 is EAFNOSUPPORT, to port 0 EINVAL",
    async run(net) {
      const a = await net.bindDatagram(LOOPBACK);
      try {
        const v6 = await errnoOf(
          a.send(encoder.encode("x"), { host: "::1", port: 9 }),
        );
        const port0 = await errnoOf(
          a.send(encoder.encode("x"), { host: "127.0.0.1", port: 0 }),
        );
        assert.deepEqual([v6, port0], ["EAFNOSUPPORT", "EINVAL"]);
        return { v6, port0 };
      } finally {
        a.close();
      }
    },
  },
  {
    name: "an IPv6 datagram socket on :: reaches IPv4 peers",
    async run(net) {
      const v4 = await net.bindDatagram(LOOPBACK);
      const v6 = await net.bindDatagram({ host: "::", port: 0 });
      try {
        const sent = await v6.send(encoder.encode("mapped"), v4.local);
        const d = await v4.receive();
        assert.equal(d.from.port, v6.local.port);
        return { sent, data: decoder.decode(d.data), from: d.from.host };
      } finally {
        v4.close();
        v6.close();
      }
    },
  },
  {
    name: "lookup gives numeric addresses, and EAI_NONAME for an unknown name",
    async run(net) {
      const numeric = await net.lookup("127.0.0.1", 4);
      const localhost = (await net.lookup("localhost", 4)).includes(
        "127.0.0.1",
      );
      const unknown = await errnoOf(net.lookup("no-such-host.invalid", 4));
      assert.deepEqual(numeric, ["127.0.0.1"]);
      assert.ok(localhost);
      assert.match(unknown, /^EAI_/);
      return { numeric, localhost, unknown };
    },
  },
  {
    name: "a connection bound before connect starts from the chosen local port",
    async run(net) {
      const listener = await net.listen(LOOPBACK);
      const port = await closedPort(net);
      const client = await net.connect(listener.local, undefined, {
        local: { host: "127.0.0.1", port },
      });
      const server = await listener.accept();
      try {
        const fromChosen = client.local.port === port &&
          server.remote.port === port;
        assert.ok(fromChosen, `from ${client.local.port}, not ${port}`);
        return { fromChosen };
      } finally {
        client.close();
        server.close();
        listener.close();
      }
    },
  },
  {
    name: "SO_LINGER 1 0 set before connect makes close reset the connection",
    async run(net) {
      const listener = await net.listen(LOOPBACK);
      const client = await net.connect(listener.local, undefined, {
        opts: [{ name: "SO_LINGER", onoff: 1, seconds: 0 }],
      });
      const server = await listener.accept();
      try {
        await client.write(encoder.encode("x"));
        await readExactly(server, 1);
        client.close();
        const reset = await errnoOf(server.read(new Uint8Array(16)));
        assert.equal(reset, "ECONNRESET");
        return { reset };
      } finally {
        client.close();
        server.close();
        listener.close();
      }
    },
  },
  {
    name:
      "a listener opened with SO_LINGER 1 0 gives connections that reset at close",
    async run(net) {
      const linger = { name: "SO_LINGER" as const, onoff: 1, seconds: 0 };
      const listener = await net.listen(LOOPBACK, undefined, {
        opts: [linger],
      });
      const client = await net.connect(listener.local);
      const server = await listener.accept();
      try {
        // The shell applies the listener's options to what accept returns, as Linux inherits them.
        await server.setOption(linger);
        server.close();
        const reset = await errnoOf(client.read(new Uint8Array(16)));
        assert.equal(reset, "ECONNRESET");
        return { reset };
      } finally {
        client.close();
        server.close();
        listener.close();
      }
    },
  },
  {
    name: "TCP_NODELAY and SO_KEEPALIVE apply to an open connection",
    async run(net) {
      const p = await pair(net);
      try {
        const noDelay = await outcome(
          p.client.setOption({ name: "TCP_NODELAY", value: 1 }),
        );
        const keepAlive = await outcome(
          p.server.setOption({ name: "SO_KEEPALIVE", value: 1 }),
        );
        assert.deepEqual([noDelay, keepAlive], [{ ok: null }, { ok: null }]);
        return { noDelay, keepAlive };
      } finally {
        p.close();
      }
    },
  },
  {
    name: "a listener has SO_REUSEADDR on, as both runtimes set it",
    async run(net) {
      const l = await net.listen(LOOPBACK);
      try {
        const reuseAddr = l.getOption("SO_REUSEADDR");
        assert.equal(reuseAddr, 1);
        return { reuseAddr };
      } finally {
        l.close();
      }
    },
  },
  {
    name:
      "two UDP sockets with SO_REUSEADDR share a port, and a broadcast on 127.255.255.255 reaches both",
    async run(net) {
      const reuse = {
        opts: [{ name: "SO_REUSEADDR" as const, value: 1 }],
      };
      const a = await net.bindDatagram({ host: "0.0.0.0", port: 0 }, reuse);
      const b = await net.bindDatagram(
        { host: "0.0.0.0", port: a.local.port },
        reuse,
      );
      const sender = await net.bindDatagram({ host: "0.0.0.0", port: 0 }, {
        opts: [{ name: "SO_BROADCAST", value: 1 }],
      });
      try {
        const sent = await sender.send(encoder.encode("all"), {
          host: "127.255.255.255",
          port: a.local.port,
        });
        const got = [
          decoder.decode((await a.receive()).data),
          decoder.decode((await b.receive()).data),
        ];
        assert.deepEqual(got, ["all", "all"]);
        return { sent, got };
      } finally {
        a.close();
        b.close();
        sender.close();
      }
    },
  },
  {
    name: "options neither runtime can set are gaps on both, with a reason",
    run(net) {
      const reusePortUdp = typeof net.optionGap(
        { name: "SO_REUSEPORT", value: 1 },
        "udp",
      );
      const ttlTcp = typeof net.optionGap({ name: "IP_TTL", value: 5 }, "tcp");
      const noDelay = typeof net.optionGap(
        { name: "TCP_NODELAY", value: 1 },
        "tcp",
      );
      assert.deepEqual([reusePortUdp, ttlTcp, noDelay], [
        "string",
        "string",
        "undefined",
      ]);
      return Promise.resolve({ reusePortUdp, ttlTcp, noDelay });
    },
  },
  {
    name:
      "a Unix stream carries bytes both ways; the accepted end is unnamed; close leaves the socket file",
    run: (net) =>
      inTempDir(async (dir) => {
        const path = `${dir}/s.sock`;
        const missing = await errnoOf(net.connectUnix(`${dir}/none.sock`));
        await net.probeUnix(path);
        const probeLeftFile = isSocketFile(path);
        const listener = await net.listenUnix(path);
        let client: StreamConn<Addr> | undefined;
        let server: StreamConn<Addr> | undefined;
        try {
          const taken = await errnoOf(net.listenUnix(path));
          const probeTaken = await errnoOf(net.probeUnix(path));
          client = await net.connectUnix(path);
          server = await listener.accept();
          await client.write(encoder.encode("ping"));
          const got = decoder.decode(await readExactly(server, 4));
          await server.write(encoder.encode("pong"));
          const back = decoder.decode(await readExactly(client, 4));
          const ends = [
            client.local,
            client.remote,
            server.local,
            server.remote,
          ]
            .map((a) => shownAddr(a, dir));
          listener.close();
          const fileStays = isSocketFile(path);
          const refused = await errnoOf(net.connectUnix(path));
          const again = await errnoOf(net.listenUnix(path));
          assert.equal(missing, "ENOENT");
          assert.equal(probeLeftFile, false);
          assert.equal(taken, "EADDRINUSE");
          assert.deepEqual(ends, ["", "DIR/s.sock", "DIR/s.sock", ""]);
          assert.ok(fileStays, "close(2) leaves the socket file");
          assert.equal(refused, "ECONNREFUSED");
          return {
            missing,
            probeLeftFile,
            taken,
            probeTaken,
            got,
            back,
            ends,
            fileStays,
            refused,
            again,
          };
        } finally {
          client?.close();
          server?.close();
          listener.close();
        }
      }),
  },
  {
    name: UNIX_DATAGRAMS,
    run: (net) =>
      inTempDir(async (dir) => {
        const a = `${dir}/a.sock`;
        let sa: DatagramSocket<Addr>;
        try {
          sa = await net.bindUnixDatagram(a);
        } catch (e) {
          // Where the runtime has no Unix datagrams: a refusal, never a silent success.
          const { errno, detail } = e as { errno?: string; detail?: string };
          assert.equal(errno, "EAFNOSUPPORT");
          assert.equal(isSocketFile(a), false);
          return { refused: errno, detail };
        }
        const sb = await net.bindUnixDatagram(`${dir}/b.sock`);
        try {
          const sent = await sb.send(encoder.encode("hello"), { path: a });
          const d = await sa.receive();
          const missing = await errnoOf(
            sb.send(encoder.encode("x"), { path: `${dir}/none.sock` }),
          );
          const taken = await errnoOf(net.bindUnixDatagram(a));
          const obs = {
            sent,
            data: decoder.decode(d.data),
            from: shownAddr(d.from, dir),
            missing,
            taken,
          };
          assert.deepEqual(obs, {
            sent: 5,
            data: "hello",
            from: "DIR/b.sock",
            missing: "ENOENT",
            taken: "EADDRINUSE",
          });
          return obs;
        } finally {
          sa.close();
          sb.close();
        }
      }),
  },
  {
    name:
      "getaddrinfo gives the C library's order, EAI_NONAME for a .invalid name; getnameinfo names 127.0.0.1",
    async run(net) {
      const unspec = await net.getaddrinfo("localhost", 0);
      const v4 = await net.getaddrinfo("localhost", 4);
      const unknown = await errnoOf(net.getaddrinfo("nothere.invalid", 0));
      const name = await net.getnameinfo("127.0.0.1");
      // An address no file names: no name, the caller's numeric fallback.
      const nameless = (await net.getnameinfo("127.0.0.2")) ?? null;
      assert.ok(v4.includes("127.0.0.1"));
      assert.equal(unknown, "EAI_NONAME");
      return { unspec, v4, unknown, name, nameless };
    },
  },
  {
    name:
      "a connection its client reset while it waited is accepted, as on Linux: no peer address, ECONNRESET on the first read, then end of stream",
    async run(net) {
      const listener = await net.listen(LOOPBACK);
      try {
        // The client, python3: connect, then close with SO_LINGER {1, 0}, which sends RST. Run
        // synchronously: this runtime's event loop cannot take the connection before the reset.
        execFileSync("python3", [
          "-c",
          "import socket, struct, sys\n" +
          "s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))\n" +
          "s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))\n" +
          "s.close()",
          String(listener.local.port),
        ]);
        await sleep(100); // the reset reaches the connection in the queue
        // Deno's accept failed here with ENOTCONN: the next client's accept was the one to get it.
        const conn = await listener.accept();
        try {
          const seen = {
            peerUnknown: conn.peerUnknown === true,
            first: await errnoOf(conn.read(new Uint8Array(16))),
            then: await conn.read(new Uint8Array(16)),
          };
          assert.deepEqual(seen, {
            peerUnknown: true,
            first: "ECONNRESET",
            then: null,
          });
          return seen;
        } finally {
          conn.close();
        }
      } finally {
        listener.close();
      }
    },
  },
  {
    name:
      "TLS after plain text: both ends upgrade, carry data both ways and end with close_notify",
    needs: "tls",
    async run(net, ctx) {
      const { cert, key } = ctx.tls!;
      const p = await pair(net);
      try {
        await p.server.write(encoder.encode("220 go ahead\r\n"));
        const greeting = await readText(p.client);
        const [server, client] = await Promise.all([
          p.server.startTls({ server: true, cert, key, alpn: ["smtp"] }),
          p.client.startTls({
            servername: "localhost",
            ca: cert,
            alpn: ["smtp"],
          }),
        ]);
        try {
          await client.write(encoder.encode("MAIL FROM:<a@b>\r\n"));
          const got = decoder.decode(await readExactly(server, 17));
          await server.write(encoder.encode("250 ok\r\n"));
          const reply = decoder.decode(await readExactly(client, 8));
          await client.closeWrite();
          const serverEof = await server.read(new Uint8Array(16));
          server.close();
          const clientEof = await client.read(new Uint8Array(16));
          const agreed = {
            clientAlpn: client.tls?.alpn,
            serverAlpn: server.tls?.alpn,
            // The server's side is node:tls on both backends: it shows the version.
            serverVersion: server.tls?.version,
            plainHasNoTls: p.client.tls === undefined,
          };
          assert.deepEqual(agreed, {
            clientAlpn: "smtp",
            serverAlpn: "smtp",
            serverVersion: "TLSv1.3",
            plainHasNoTls: true,
          });
          assert.equal(serverEof, null);
          assert.equal(clientEof, null);
          return { greeting, got, reply, ...agreed, serverEof, clientEof };
        } finally {
          client.close();
          server.close();
        }
      } finally {
        p.close();
      }
    },
  },
  {
    name:
      "TLS: what the peer sent and its close, all there before the first read, are read whole, then end of stream",
    needs: "tls",
    run: (net, ctx) =>
      overTls(net, ctx, async (server, client) => {
        const data = new Uint8Array(100_000).fill(0x61);
        await client.write(data);
        await client.closeWrite();
        // Time for the server's TLS layer to take the records and the end in, unread.
        // Deno's node:tls lost that end when it came while the TLS socket was paused.
        await sleep(300);
        const got = await readToEnd(server, 5000);
        assert.deepEqual(got, { bytes: data.length, end: true });
        return got;
      }),
  },
  {
    name:
      "TLS: a peer that writes while nobody reads is held back, as by the kernel's receive buffer; once read, every byte and the end arrive",
    needs: "tls",
    run: (net, ctx) =>
      overTls(net, ctx, async (server, client) => {
        const chunk = new Uint8Array(65536).fill(0x62);
        // 1024 writes would be 64 MiB: more than the buffers on both sides hold.
        const max = 1024;
        const prompt = await countPrompt(() => client.write(chunk), max, 300);
        const closed = client.closeWrite(); // after the write left pending
        const got = await readToEnd(server, 20_000);
        await closed;
        const seen = {
          heldBack: prompt < max,
          whole: got.bytes === (prompt + 1) * chunk.length,
          end: got.end,
        };
        assert.deepEqual(seen, { heldBack: true, whole: true, end: true });
        return seen;
      }),
  },
  {
    name:
      "TLS over a Unix stream: both ends upgrade, the client checks the chain and no name unless given one, close_notify ends it",
    needs: "tls",
    run: (net, ctx) =>
      inTempDir(async (dir) => {
        const { cert, key } = ctx.tls!;
        const listener = await net.listenUnix(`${dir}/t.sock`);
        const upgraded = async (servername?: string) => {
          const client = await net.connectUnix(`${dir}/t.sock`);
          const server = await listener.accept();
          const both = await Promise.allSettled([
            server.startTls({ server: true, cert, key }),
            client.startTls({ servername, ca: cert }),
          ]);
          return { client, server, both };
        };
        try {
          // No name: the chain alone is verified (SSL_connect without SSL_set1_host).
          const ok = await upgraded();
          const [s, c] = ok.both.map((r) =>
            r.status === "fulfilled" ? r.value : assert.fail(String(r.reason))
          );
          let got: string, back: string, serverEof: number | null;
          try {
            await c!.write(encoder.encode("ping"));
            got = decoder.decode(await readExactly(s!, 4));
            await s!.write(encoder.encode("pong"));
            back = decoder.decode(await readExactly(c!, 4));
            await c!.closeWrite();
            serverEof = await s!.read(new Uint8Array(8));
          } finally {
            c!.close();
            s!.close();
          }
          const ends = [c!.local, c!.remote].map((a) => shownAddr(a, dir));
          // A name given is checked: the certificate holds localhost, not example.org.
          const named = await upgraded("example.org");
          named.both.forEach((r) =>
            r.status === "fulfilled" && r.value.close()
          );
          const refused = named.both[1]!.status === "rejected"
            ? (named.both[1]!.reason as { errno?: string }).errno
            : "accepted";
          assert.deepEqual(
            { got, back, serverEof, tls: c!.tls?.version, ends, refused },
            {
              got: "ping",
              back: "pong",
              serverEof: null,
              tls: "TLSv1.3",
              ends: ["", "DIR/t.sock"],
              refused: "SSL_ERROR_SSL",
            },
          );
          return { got, back, serverEof, ends, refused };
        } finally {
          listener.close();
        }
      }),
  },
  {
    name:
      "a TLS server given a key that does not go with its certificate refuses with EINVAL before any handshake: the connection goes on in plain text",
    needs: "tls",
    async run(net, ctx) {
      const { cert, otherKey } = ctx.tls!;
      const p = await pair(net);
      try {
        // SSL_CTX_check_private_key's failure: Deno's node:tls takes the pair and would fail
        // the handshake later, closing the connection.
        const e = await p.server.startTls({ server: true, cert, key: otherKey })
          .then(
            () => assert.fail("a mismatched key passed"),
            (e: { errno?: string; detail?: string }) => e,
          );
        await p.client.write(encoder.encode("still plain"));
        const got = decoder.decode(await readExactly(p.server, 11));
        const seen = {
          errno: e.errno,
          mismatch: /key values mismatch/.test(e.detail ?? ""),
          got,
        };
        assert.deepEqual(seen, {
          errno: "EINVAL",
          mismatch: true,
          got: "still plain",
        }, e.detail);
        return seen;
      } finally {
        p.close();
      }
    },
  },
  {
    name:
      "a TLS client refuses an untrusted certificate, a wrong name and a peer that does not speak TLS with SSL_ERROR_SSL",
    needs: "tls",
    async run(net, ctx) {
      const { cert, key } = ctx.tls!;
      const seen: Record<string, string> = {};
      for (
        const [what, opts] of [
          ["untrusted", { servername: "localhost" }],
          ["wrong name", { servername: "example.org", ca: cert }],
        ] as const
      ) {
        const p = await pair(net);
        try {
          const server = p.server.startTls({ server: true, cert, key });
          server.then((c) => c.close(), () => {});
          const e = await p.client.startTls(opts).then(
            () => assert.fail(`${what}: the handshake succeeded`),
            (e: { errno?: string; detail?: string }) => e,
          );
          assert.doesNotMatch(e.detail ?? "", /\[object /);
          seen[what] = `${e.errno}: ${e.detail?.replace(/ \(.*$/, "")}`;
          await server.catch(() => {});
        } finally {
          p.close();
        }
      }
      const p = await pair(net);
      try {
        await p.server.write(
          encoder.encode("HTTP/1.0 400 Bad Request\r\n\r\n"),
        );
        const e = await p.client.startTls({ servername: "localhost" }).then(
          () => assert.fail("a plain-text peer passed a handshake"),
          (e: { errno?: string; detail?: string }) => e,
        );
        seen["plain text"] = `${e.errno}: ${e.detail}`;
      } finally {
        p.close();
      }
      assert.deepEqual(seen, {
        untrusted:
          "SSL_ERROR_SSL: certificate verify failed: unable to get local issuer certificate",
        "wrong name":
          "SSL_ERROR_SSL: certificate verify failed: hostname mismatch",
        "plain text":
          "SSL_ERROR_SSL: wrong version number: the peer does not speak TLS",
      });
      return seen;
    },
  },
];
