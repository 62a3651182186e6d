/**
 * `diagram`: the handout's TCP and UDP loopback demos and a session against
 * the handout's tcp_server as sequence diagrams, in ASCII and UTF-8 text and
 * as SVG drawn by headless Chromium.
 */
import assert from "node:assert/strict";
import { buildPeer, freePort, runPeer, startPeer } from "./_peers.ts";
import { sockshell, startSockshell, TestShell } from "./_shell.ts";
import { noChromium, overlaps, renderSvg, screenshot } from "./_chromium.ts";
import { buildDiagram, svgDiagram, textDiagram } from "../lib/teach/diagram.ts";

/** The rows of a text diagram (after its two heading lines and the blank one), each with its note. */
function rows(text: string): string[] {
  return text.split("\n").slice(3).filter((l) => l.trim());
}

/** Find `patterns` in the rows, each after the previous one. */
function inOrder(lines: string[], patterns: RegExp[]): void {
  let at = 0;
  for (const p of patterns) {
    while (at < lines.length && !p.test(lines[at]!)) at++;
    assert.ok(
      at < lines.length,
      `no row matching ${p} (in order) in:\n${lines.join("\n")}`,
    );
    at++;
  }
}

const TCP_ROWS = [
  /^ *\*.*socket\(\) = 3$/,
  /bind 0\.0\.0\.0:\d+$/,
  /listen: waits for connections$/,
  /\*.*socket\(\) = 4$/,
  /<-+ SYN -+\| .*connect to 127\.0\.0\.1:\d+$/,
  /\|-+ SYN-ACK -+>\|/,
  /<-+ ACK -+\|/,
  /\|-+ 6 bytes -+>\| .*send 6 bytes "hello\\n"$/,
  /\|[.+]+>\| .*accept\(\) = 5$/,
  /\* +recv 6 bytes "hello\\n"$/,
  /<-+ 24 bytes -+\| .*send 24 bytes "J'ai re\?u/,
  /\|-+ FIN -+>\| .*close\(\)$/,
  /\* +recv\(\) = 0: end of stream$/,
  /<-+ FIN -+\| .*close\(\)$/,
];

Deno.test("diagram of run tcp-loopback: the handshake, each send and recv, and FIN, in ASCII on a pipe", async () => {
  using sh = new TestShell();
  await sh.ok("run tcp-loopback");
  const text = await sh.ok("diagram");
  assert.match(text, /^ *socket 3 tcp +socket 4 tcp +socket 5 tcp\n/);
  assert.match(
    text.split("\n")[1]!,
    /0\.0\.0\.0:\d+ +127\.0\.0\.1:\d+ +127\.0\.0\.1:\d+/,
  );
  // Plain ASCII, and 80 columns at most (no terminal: 80).
  assert.match(text, /^[\n -~]*$/);
  for (const line of text.split("\n")) assert.ok(line.length <= 80, line);
  inOrder(rows(text), TCP_ROWS);
});

Deno.test("run -d tcp-loopback ends with the diagram in box-drawing characters on a UTF-8 locale, as wide as COLUMNS, in the locale's language", async () => {
  const r = await sockshell(["-c", "run -d tcp-loopback"], {
    env: { LANG: "fr_FR.UTF-8", COLUMNS: "100" },
  });
  assert.equal(r.code, 0, r.stderr);
  const text = r.stdout.slice(r.stdout.indexOf("close(3) = 0\n") + 13);
  assert.match(text, /│◀─+ SYN ─+│/);
  assert.match(text, /│─+ SYN-ACK ─+▶│/);
  // A French student's locale: the diagram speaks French, the calls stay C's.
  assert.match(text, /│─+ 6 octets ─+▶│ +send 6 octets "hello\\n"/);
  assert.match(text, /●.*recv 24 octets "J'ai reçu/);
  assert.match(text, /recv\(\) = 0 : fin du flux/);
  assert.match(text, /│┄+┼┄+▶│ +accept\(\) = 5/);
  for (const line of text.split("\n")) {
    assert.ok([...line].length <= 100, line);
  }
});

Deno.test("diagram of run udp-loopback: each datagram with its byte count, and who sent it", async () => {
  using sh = new TestShell();
  await sh.ok("run udp-loopback");
  const text = await sh.ok("diagram");
  assert.match(text, /^ *socket 3 udp +socket 4 udp\n/);
  const talker = /127\.0\.0\.1:\d+ +0\.0\.0\.0:(\d+)/.exec(
    text.split("\n")[1]!,
  );
  assert.ok(talker, text);
  inOrder(rows(text), [
    /bind 127\.0\.0\.1:\d+$/,
    /<-+ 5 bytes -+\| .*sendto 5 bytes "hello" to 127\.0\.0\.1/,
    new RegExp(
      `\\* +\\| +recvfrom 5 bytes "hello" from 127\\.0\\.0\\.1:${talker[1]}`,
    ),
    /<-+ 2 bytes -+\| .*"un"/,
    /<-+ 4 bytes -+\| .*"deux"/,
    /recvfrom 2 bytes "un" from/,
    /recvfrom 4 bytes "deux" from/,
  ]);
});

Deno.test("diagram of a session with the handout's tcp_server: its lifeline by address, the handshake, its reply and its FIN", async () => {
  const port = freePort("tcp");
  await using server = startPeer(await buildPeer("tcp_server"), [
    String(port),
  ]);
  await server.waitForPort(port);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${port}; send "hello\\n"`);
  let got = "";
  for (let i = 0; i < 5 && !/ = 0 /.test(got); i++) {
    got += await sh.ok("recv -t 5");
  }
  // A second end of stream is the same FIN: no second arrow.
  await sh.ok("recv -t 5; close");
  const text = await sh.ok("diagram");
  assert.match(text, /^ *socket 3 tcp +peer\n/);
  assert.match(text.split("\n")[1]!, new RegExp(`127\\.0\\.0\\.1:${port}$`));
  inOrder(rows(text), [
    /\|-+ SYN -+>\| .*connect to/,
    /<-+ SYN-ACK -+\|/,
    /\|-+ ACK -+>\|/,
    /\|-+ 6 bytes -+>\| .*send 6 bytes "hello\\n"/,
    /<-+ 24 bytes -+\| .*recv 24 bytes "J'ai re\?u/,
    /<-+ FIN -+\| .*recv\(\) = 0: end of stream/,
    /\* +\| +recv\(\) = 0: end of stream/,
    /\|-+ FIN -+>\| .*close\(\)/,
  ]);
  assert.equal(text.match(/FIN/g)?.length, 2);
  assert.match(await server.stdout(), /hello/);
});

Deno.test("diagram of datagrams from the handout's udp_talker: a lifeline for the talker by its address, each datagram from it", async () => {
  using sh = new TestShell();
  const port = freePort("udp");
  await sh.ok(`socket udp; bind 127.0.0.1 ${port}`);
  for (const word of ["un", "deux"]) {
    const talker = await runPeer(await buildPeer("udp_talker"), [
      "127.0.0.1",
      word,
      String(port),
    ]);
    assert.equal(talker.code, 0, talker.stderr);
    await sh.ok("recvfrom -t 5");
  }
  const text = await sh.ok("diagram");
  // Each run of the talker is a new socket, so a new port: one lifeline each.
  assert.match(text, /^ *socket 3 udp +peer +peer\n/);
  inOrder(rows(text), [
    /bind 127\.0\.0\.1:\d+$/,
    /<-+ 2 bytes -+\| .*recvfrom 2 bytes "un"$/,
    /<-+\+-+ 4 bytes -+\| .*recvfrom 4 bytes "deux"$/,
  ]);
});

Deno.test("run -d tcp-server serving the handout's tcp_client ends with its diagram, the close at the program's end included", async () => {
  const port = freePort("tcp");
  await using shell = startSockshell(["-c", `run -d tcp-server ${port}`], {
    env: { LANG: "C", LC_ALL: "" },
  });
  await shell.waitForPort(port);
  const client = await runPeer(await buildPeer("tcp_client"), [
    "127.0.0.1",
    String(port),
  ], { stdin: "bonjour\n" });
  assert.equal(client.code, 0, client.stderr);
  const out = await shell.stdout();
  assert.equal((await shell.status).code, 0);
  const text = out.slice(out.indexOf("  socket 3 tcp"));
  assert.match(text, /^ *socket 3 tcp +socket 4 tcp +peer\n/);
  inOrder(rows(text), [
    /listen: waits for connections$/,
    /<-+\+-+ SYN -+\|/,
    /\|-+ SYN-ACK -+\+-+>\|/,
    /<-+\+-+ ACK -+\|/,
    /\|\.+>\| +\| +accept\(\) = 4/,
    /<-+ 8 bytes -+\| .*recv 8 bytes "bonjour\\n"$/,
    /\|-+ 24 bytes -+>\| .*send 24 bytes/,
    /\* +\| +\| +closed at the program's exit$/,
    /\|-+ FIN -+>\| .*closed at the program's exit$/,
  ]);
});

Deno.test("diagram marks a failed call with its errno: a refused connect is SYN then RST", async () => {
  using sh = new TestShell();
  const free = freePort("tcp");
  await sh.ok("socket tcp");
  await sh.run(`connect 127.0.0.1 ${free}`);
  sh.take();
  const text = await sh.ok("diagram");
  inOrder(rows(text), [
    new RegExp(`\\|-+ SYN -+>\\| .*connect to 127\\.0\\.0\\.1:${free}$`),
    /<-+ RST -+\| .*connect\(\) = -1 ECONNREFUSED$/,
  ]);
});

Deno.test("diagram keeps the last 200 events and says how many were left out; diagram reset empties it", async () => {
  using sh = new TestShell();
  await sh.ok(Array(120).fill("socket udp; close").join("; "));
  const text = await sh.ok("diagram");
  assert.match(
    text,
    /^40 earlier events left out: the log keeps the last 200\n/,
  );
  assert.equal(
    await sh.ok("diagram reset"),
    "diagram reset: the session log is empty\n",
  );
  assert.equal(
    await sh.ok("diagram"),
    "nothing to draw yet: make some calls first (socket, connect, send...)\n",
  );
});

Deno.test("a narrow terminal keeps every line within its width, leaving out the lifelines that do not fit", () => {
  const log = {
    events: Array.from({ length: 6 }, (_, i) => ({
      seq: i + 1,
      name: "socket",
      id: i + 1,
      fd: i + 3,
      proto: "udp" as const,
      family: 4 as const,
      ret: String(i + 3),
    })),
    leftOut: 0,
  };
  const text = textDiagram(buildDiagram(log), 50, true);
  for (const line of text.split("\n")) assert.ok([...line].length <= 50, line);
  assert.match(text, /^4 more endpoints left out: only the 2 of the late/);
  // The lifelines of the latest events stay.
  assert.match(text, /^ *socket 7 udp +socket 8 udp\n/m);
});

Deno.test("diagram FILE.svg and FILE.html refuse an existing file (EEXIST) unless -f, and other names are a usage error", async () => {
  const dir = await Deno.makeTempDir();
  try {
    using sh = new TestShell();
    await sh.ok("socket tcp");
    assert.equal(
      await sh.ok(`diagram ${dir}/a.svg`),
      `diagram written to ${dir}/a.svg\n`,
    );
    const svg = await Deno.readTextFile(`${dir}/a.svg`);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /<text class="note"[^>]*>socket\(\) = 3<\/text>/);
    let r = await sh.fails(`diagram ${dir}/a.svg`);
    assert.equal(
      r.stderr,
      `diagram: cannot write ${dir}/a.svg: EEXIST (File exists): diagram -f ${dir}/a.svg overwrites it\n`,
    );
    await sh.ok(`diagram -f ${dir}/a.svg`);
    await sh.ok(`diagram ${dir}/a.html`);
    const html = await Deno.readTextFile(`${dir}/a.html`);
    assert.match(html, /<svg [^]*<\/svg>/);
    assert.match(html, /<pre>socket\(AF_INET|<pre>socket/);
    r = await sh.fails(`diagram ${dir}/a.png`);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is neither \.svg nor \.html/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the transcript beside an HTML diagram names each call's own descriptor, after another became the current one", async () => {
  const dir = await Deno.makeTempDir();
  try {
    using sh = new TestShell();
    await sh.ok(
      "socket tcp; bind 127.0.0.1 0; listen; getsockname -> a; socket tcp; connect 127.0.0.1 $a.port",
    );
    // Each call made on 4, 5 or 3, then another one current when the diagram is written.
    await sh.ok(
      "send hi; getsockname; getpeername; use 3; accept; recv 2; send -C yo; use 3",
    );
    await sh.ok(`diagram ${dir}/a.html`);
    const html = await Deno.readTextFile(`${dir}/a.html`);
    // The calls after socket, bind, listen, getsockname and socket, without what they returned.
    const calls = html.slice(html.indexOf("<pre>") + 5, html.indexOf("</pre>"))
      .replaceAll("&#34;", '"').split("\n").slice(5)
      .map((l) => l.replace(/ = .*$/, ""));
    assert.match(calls[0]!, /^connect\(4, 127\.0\.0\.1:\d+\)$/);
    assert.equal(calls[1], 'send(4, "hi", 2, 0)');
    assert.match(calls[2]!, /^getsockname\(4, /);
    assert.match(calls[3]!, /^getpeername\(4, /);
    assert.deepEqual(calls.slice(4), [
      "accept(3)",
      "recv(5, buf, 2, 0)",
      'send(5, "yo\\r\\n", 4, 0)',
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** Check what Chromium drew of `svg`: texts inside the viewBox and apart, labels within their arrows, ink along each line. */
async function checkDrawn(svg: string, arrows: number): Promise<void> {
  const r = await renderSvg(svg);
  assert.equal(r.arrows.length, arrows);
  assert.ok(r.texts.length > 0);
  for (const t of r.texts) {
    assert.ok(t.length > 0, `${t.text} has no width: no font?`);
    const b = t.box;
    assert.ok(
      b.x >= r.view.x && b.y >= r.view.y &&
        b.x + b.width <= r.view.x + r.view.width &&
        b.y + b.height <= r.view.y + r.view.height,
      `${t.text} (${JSON.stringify(b)}) is outside the viewBox ${
        JSON.stringify(r.view)
      }`,
    );
  }
  for (let i = 0; i < r.texts.length; i++) {
    for (let j = i + 1; j < r.texts.length; j++) {
      const [a, b] = [r.texts[i]!, r.texts[j]!];
      assert.ok(
        !overlaps(a.box, b.box),
        `"${a.text}" overlaps "${b.text}"`,
      );
    }
  }
  for (const label of r.texts.filter((t) => t.cls === "label")) {
    const mid = label.box.x + label.box.width / 2;
    const arrow = r.arrows.find((a) =>
      Math.min(a.x1, a.x2) < mid && mid < Math.max(a.x1, a.x2) &&
      a.y > label.box.y && a.y - (label.box.y + label.box.height) < 10
    );
    assert.ok(arrow, `label "${label.text}" is on no arrow`);
    assert.ok(
      label.box.x > Math.min(arrow.x1, arrow.x2) &&
        label.box.x + label.box.width < Math.max(arrow.x1, arrow.x2),
      `label "${label.text}" runs past its arrow`,
    );
    for (const l of r.lifelines) {
      assert.ok(
        !(label.box.x < l.x && l.x < label.box.x + label.box.width),
        `label "${label.text}" is drawn over the lifeline at x=${l.x}`,
      );
    }
  }
  for (const a of r.arrows) {
    // Solid arrows are inked all along; accept's dashed one at least in part.
    assert.ok(a.inked / a.total > 0.5, `arrow at y=${a.y} is not drawn`);
  }
  for (const l of r.lifelines) {
    assert.ok(l.inked / l.total > 0.3, `lifeline at x=${l.x} is not drawn`);
  }
}

Deno.test(
  "the SVG of run tcp-loopback, drawn by Chromium: labels apart and inside, arrows and lifelines drawn",
  {
    ignore: noChromium(),
  },
  async () => {
    using sh = new TestShell();
    await sh.ok("run tcp-loopback");
    const svg = svgDiagram(buildDiagram(sh.shell.teach.events()));
    // SYN, SYN-ACK, ACK, 6 bytes, accept, 24 bytes, FIN, FIN.
    await checkDrawn(svg, 8);
    // A student looks at it: a screenshot, kept when SOCKSHELL_KEEP_PNG names a file.
    const keep = Deno.env.get("SOCKSHELL_KEEP_PNG");
    if (keep) {
      const file = await Deno.makeTempFile({ suffix: ".svg" });
      await Deno.writeTextFile(file, svg);
      await screenshot(file, keep);
      await Deno.remove(file);
    }
  },
);

Deno.test(
  "the SVG of a long session keeps the latest lifelines and events, says what it left out, and is drawn by Chromium",
  {
    ignore: noChromium(),
  },
  async () => {
    using sh = new TestShell();
    await sh.ok(Array(120).fill("socket udp; close").join("; "));
    await sh.ok("socket tcp; bind 127.0.0.1 0 -> b; listen; socket tcp");
    await sh.ok("connect 127.0.0.1 $b.port");
    const svg = svgDiagram(buildDiagram(sh.shell.teach.events()));
    assert.match(
      svg,
      />45 earlier events left out: the log keeps the last 200</,
    );
    assert.match(
      svg,
      />\d+ more endpoints left out: only the 8 of the latest events are drawn</,
    );
    assert.equal(svg.match(/class="lifeline"/g)?.length, 8);
    // SYN, SYN-ACK, ACK between the last two sockets.
    await checkDrawn(svg, 3);
  },
);

Deno.test("the SVG of run udp-loopback, drawn by Chromium", {
  ignore: noChromium(),
}, async () => {
  using sh = new TestShell();
  await sh.ok("run udp-loopback");
  // Three datagrams from the talker to the listener.
  await checkDrawn(svgDiagram(buildDiagram(sh.shell.teach.events())), 3);
});

Deno.test(
  "the SVG of a session with the handout's tcp_server, written by diagram FILE.svg and drawn by Chromium",
  {
    ignore: noChromium(),
  },
  async () => {
    const port = freePort("tcp");
    await using server = startPeer(await buildPeer("tcp_server"), [
      String(port),
    ]);
    await server.waitForPort(port);
    const dir = await Deno.makeTempDir();
    try {
      using sh = new TestShell();
      await sh.ok(`socket tcp; connect 127.0.0.1 ${port}; send "hello\\n"`);
      let got = "";
      for (let i = 0; i < 5 && !/ = 0 /.test(got); i++) {
        got += await sh.ok("recv -t 5");
      }
      await sh.ok(`close; diagram ${dir}/rapport.svg`);
      // SYN, SYN-ACK, ACK, 6 bytes, 24 bytes, FIN in, FIN out.
      await checkDrawn(await Deno.readTextFile(`${dir}/rapport.svg`), 7);
      await server.stdout();
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
);
