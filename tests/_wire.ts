/**
 * A raw Deno TCP client for the replay tests: it sends text and reads until
 * a given ending, whatever way the server's bytes are cut, with a deadline.
 *
 * @module
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The handout's section 3.3 transcript (ali, 1983, q, reference year 2005), as a client prints it. */
export const TRANSCRIPT = "Veuillez entrer votre nom: " +
  "Bonjour, ali\nVeuillez entrer votre année de naissance: " +
  "Votre âge approximatif est 22.\nTapez q pour quitter: ";

/** The reply of the handout's TCP server: write(..., "J'ai reçu votre message\n", 24) leaves out the newline. */
export const REPLY = "J'ai reçu votre message";

/** One raw TCP connection on loopback. */
export class Wire implements Disposable {
  readonly #conn: Deno.TcpConn;
  #pending = new Uint8Array(0);
  #eof = false;
  #closed = false;

  private constructor(conn: Deno.TcpConn) {
    this.#conn = conn;
  }

  /** Connect to 127.0.0.1:`port`. */
  static async connect(port: number): Promise<Wire> {
    const conn = await Deno.connect({ hostname: "127.0.0.1", port });
    conn.setNoDelay(true); // each send leaves as its own segment
    return new Wire(conn);
  }

  /** True once the server closed its side. */
  get eof(): boolean {
    return this.#eof;
  }

  /** Write all of `data`. */
  async send(data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === "string" ? encoder.encode(data) : data;
    let sent = 0;
    while (sent < bytes.length) {
      sent += await this.#conn.write(bytes.subarray(sent));
    }
  }

  /** Read once more; false at end of stream. Closes the connection after `deadline`. */
  async #more(deadline: number, what: string): Promise<boolean> {
    const buf = new Uint8Array(4096);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(
        () => resolve("timeout"),
        Math.max(0, deadline - Date.now()),
      );
    });
    try {
      const n = await Promise.race([this.#conn.read(buf), timeout]);
      if (n === "timeout") {
        this.close(); // makes the pending read settle
        throw new Error(
          `${what}: nothing more after the deadline; got ${
            JSON.stringify(decoder.decode(this.#pending))
          }`,
        );
      }
      if (n === null) {
        this.#eof = true;
        return false;
      }
      const all = new Uint8Array(this.#pending.length + n);
      all.set(this.#pending);
      all.set(buf.subarray(0, n), this.#pending.length);
      this.#pending = all;
      return true;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Read until the text received (since the last take) ends with `ending`,
   * and take it. Rejects at end of stream or after `timeoutMs`.
   */
  async until(ending: string, timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const want = encoder.encode(ending);
    while (!endsWith(this.#pending, want)) {
      if (
        !await this.#more(deadline, `waiting for ${JSON.stringify(ending)}`)
      ) {
        throw new Error(
          `end of stream before ${JSON.stringify(ending)}; got ${
            JSON.stringify(decoder.decode(this.#pending))
          }`,
        );
      }
    }
    return decoder.decode(this.#take());
  }

  /** Read up to end of stream and take everything. */
  async rest(timeoutMs = 5000): Promise<Uint8Array> {
    const deadline = Date.now() + timeoutMs;
    while (await this.#more(deadline, "waiting for end of stream"));
    return this.#take();
  }

  #take(): Uint8Array {
    const out = this.#pending;
    this.#pending = new Uint8Array(0);
    return out;
  }

  /** Close the connection (once). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#conn.close();
    } catch {
      // Already closed.
    }
  }

  /** Same as {@link close}. */
  [Symbol.dispose](): void {
    this.close();
  }
}

function endsWith(data: Uint8Array, end: Uint8Array): boolean {
  if (data.length < end.length) return false;
  const off = data.length - end.length;
  return end.every((b, i) => data[off + i] === b);
}

/**
 * Hold the age dialogue as the handout's client does: answer each prompt (text
 * ending in ": ") with the next answer, then read to the end. Returns all the
 * text received.
 */
export async function converse(
  port: number,
  answers: string[],
  timeoutMs = 5000,
): Promise<string> {
  using wire = await Wire.connect(port);
  let text = "";
  for (const answer of answers) {
    text += await wire.until(": ", timeoutMs);
    await wire.send(answer);
  }
  return text + decoder.decode(await wire.rest(timeoutMs));
}

/**
 * Resolves once a TCP socket listens on `port`, read from the kernel's table
 * (for a shell in this process, which has no {@link startPeer} handle).
 */
export async function waitListening(
  port: number,
  timeoutMs = 5000,
): Promise<void> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = await new Deno.Command("cat", {
      args: ["/proc/net/tcp", "/proc/net/tcp6"],
      stdout: "piped",
      stderr: "null",
    }).output();
    const listening = decoder.decode(out.stdout).split("\n").some((line) => {
      const [, local, , state] = line.trim().split(/\s+/);
      return local?.endsWith(`:${hexPort}`) && state === "0A";
    });
    if (listening) return;
    if (Date.now() > deadline) {
      throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What {@link ageCrowd} saw. */
export interface CrowdResult {
  /** Clients greeted ("nom: ") before any answered. */
  greeted: number;
  /** Clients whose whole dialogue was exactly right (their own name and age), ended by the server. */
  correct: number;
  /** From the first connect to the last end of stream, in ms. */
  ms: number;
  /** The first few failures, one line each. */
  failures: string[];
}

/**
 * `clients` raw clients of an age server at once: all connect and are greeted
 * before any answers; then each gives its own name and year (1800 + i) and
 * checks its own age (`year` - birth), answers q and reads to the end. Every
 * connection is closed after `timeoutMs`, so a client never greeted counts as
 * a failure, never a hang.
 */
export async function ageCrowd(
  port: number,
  clients: number,
  year = 2005,
  timeoutMs = 120000,
): Promise<CrowdResult> {
  const conns: Deno.TcpConn[] = [];
  const failures: string[] = [];
  let greeted = 0;
  let correct = 0;
  const closeAll = () => {
    for (const c of conns) {
      try {
        c.close();
      } catch {
        // Closed already.
      }
    }
  };
  const timer = setTimeout(closeAll, timeoutMs);
  // Each client's text since its last prompt.
  const read = async (c: Deno.TcpConn, ending: string | null) => {
    const buf = new Uint8Array(1024);
    let text = "";
    const dec = new TextDecoder();
    for (;;) {
      if (ending !== null && text.endsWith(ending)) return text;
      const n = await c.read(buf);
      if (n === null) {
        if (ending === null) return text;
        throw new Error(`end of stream before ${JSON.stringify(ending)}`);
      }
      text += dec.decode(buf.subarray(0, n), { stream: true });
    }
  };
  const send = async (c: Deno.TcpConn, text: string) => {
    const bytes = encoder.encode(text);
    let off = 0;
    while (off < bytes.length) off += await c.write(bytes.subarray(off));
  };
  let release!: () => void;
  const allGreeted = new Promise<void>((resolve) => release = resolve);
  let settledGreeting = 0;
  const greetingDone = () => {
    if (++settledGreeting === clients) release();
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, i) => {
    let step = "connect";
    try {
      let c: Deno.TcpConn;
      try {
        c = await Deno.connect({ hostname: "127.0.0.1", port });
        conns.push(c);
        step = "greeting";
        const hello = await read(c, ": ");
        if (hello !== "Veuillez entrer votre nom: ") {
          throw new Error(`greeted with ${JSON.stringify(hello)}`);
        }
        greeted++;
      } finally {
        greetingDone();
      }
      await allGreeted;
      const name = `élève-${i}`;
      const birth = 1800 + i % 200;
      step = "name";
      await send(c, `${name}\n`);
      const hi = await read(c, ": ");
      if (
        hi !== `Bonjour, ${name}\nVeuillez entrer votre année de naissance: `
      ) {
        throw new Error(`answered ${JSON.stringify(hi)}`);
      }
      step = "year";
      await send(c, `${birth}\n`);
      const age = await read(c, ": ");
      if (
        age !==
          `Votre âge approximatif est ${year - birth}.\nTapez q pour quitter: `
      ) throw new Error(`answered ${JSON.stringify(age)}`);
      step = "q";
      await send(c, "q\n");
      const rest = await read(c, null);
      if (rest !== "") throw new Error(`after q: ${JSON.stringify(rest)}`);
      correct++;
    } catch (e) {
      if (failures.length < 5) {
        failures.push(`client ${i} at ${step}: ${(e as Error).message}`);
      }
    }
  }));
  const ms = performance.now() - t0;
  clearTimeout(timer);
  closeAll();
  return { greeted, correct, ms, failures };
}
