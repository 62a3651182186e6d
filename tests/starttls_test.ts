/** `starttls`: TLS on a connected socket, against openssl s_server and s_client, C peers and the shell itself. */
import assert from "node:assert/strict";
import {
  type Launch,
  sockshellArgv,
  startSockshell,
  TestShell,
} from "./_shell.ts";
import { failsUnchanged, lsRow, rssKiB, until } from "./_net.ts";
import { buildPeer, freePort, runPeer, startPeer } from "./_peers.ts";
import { testCerts, wwwServer } from "./_tls.ts";

Deno.test("starttls verifies openssl s_server's certificate with --ca, then a page reads through TLS", async () => {
  const c = await testCerts();
  await using srv = await wwwServer(c.cert, c.key, ["-alpn", "http/1.1"]);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${srv.port}`);
  const out = await sh.ok(
    `starttls --ca ${c.cert} --alpn h2,http/1.1 localhost`,
  );
  assert.match(
    out,
    /^SSL_connect\(ssl\) = 1 +TLS to localhost, verified against .*cert\.pem\n/,
  );
  assert.match(
    out,
    /agreed: protocol TLSv1\.3, cipher TLS_\w+, ALPN http\/1\.1\n/,
  );
  assert.match(
    out,
    /peer certificate: subject CN=localhost; issuer CN=localhost/,
  );
  assert.equal((await lsRow(sh, 3)).proto, "tcp+tls");
  await sh.ok('send "GET / HTTP/1.0\\r\\n\\r\\n"');
  assert.match(await sh.ok("recv -l -t 5"), /= 17 "HTTP\/1\.0 200 ok\\r\\n"/);
});

Deno.test("starttls with the address as the name checks the certificate's IP address", async () => {
  const c = await testCerts();
  await using srv = await wwwServer(c.cert, c.key);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${srv.port}`);
  assert.match(
    await sh.ok(`starttls --ca ${c.cert}`),
    /TLS to 127\.0\.0\.1, verified/,
  );
});

/** A failed handshake: one line, the connection closed, and the descriptor still there. */
async function failsHandshake(sh: TestShell, line: string, reason: RegExp) {
  const r = await sh.fails(line);
  assert.equal(r.code, 1);
  assert.equal(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
  assert.match(r.stderr, /^SSL_connect\(ssl\) = -1 /);
  assert.match(r.stderr, reason);
  assert.match(r.stderr, /; the connection is closed\n$/);
  assert.equal((await lsRow(sh, 3)).state, "CLOSED");
  // What C leaves open, the runtime closed: send says so, by errno.
  assert.match(
    (await sh.fails('send "x"')).stderr,
    /= -1 ECONNABORTED \(.*failed TLS handshake/,
  );
  await sh.ok("close");
}

Deno.test("starttls refuses a self-signed certificate it was not given with SSL_ERROR_SSL", async () => {
  const c = await testCerts();
  await using srv = await wwwServer(c.cert, c.key);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${srv.port}`);
  await failsHandshake(
    sh,
    "starttls localhost",
    /SSL_ERROR_SSL \(TLS protocol error\): certificate verify failed: unable to get local issuer certificate/,
  );
});

Deno.test("starttls refuses an expired certificate", async () => {
  const c = await testCerts();
  await using srv = await wwwServer(c.expired, c.key);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${srv.port}`);
  await failsHandshake(
    sh,
    `starttls --ca ${c.expired} localhost`,
    /SSL_ERROR_SSL .*certificate verify failed: certificate has expired/,
  );
});

Deno.test("starttls refuses a certificate for another name", async () => {
  const c = await testCerts();
  await using srv = await wwwServer(c.wrongName, c.wrongKey);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${srv.port}`);
  await failsHandshake(
    sh,
    `starttls --ca ${c.wrongName} localhost`,
    // The names the certificate holds, never a JavaScript value ("[object Object]").
    /SSL_ERROR_SSL .*certificate verify failed: hostname mismatch \(the certificate names DNS:example\.org\); the connection is closed\n/,
  );
});

Deno.test("starttls -k skips verification, says so and why it would have failed, and shows what node:tls agreed", async () => {
  const c = await testCerts();
  await using srv = await wwwServer(c.cert, c.key);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${srv.port}`);
  const out = await sh.ok("starttls -k localhost");
  assert.match(out, /= 1 +TLS to localhost, NOT verified \(-k\)/);
  assert.match(
    out,
    /note: verification skipped: it would have failed: certificate verify failed: unable to get local issuer/,
  );
  assert.match(
    out,
    /agreed: protocol TLSv1\.3, cipher TLS_\w+, ALPN none agreed/,
  );
  assert.match(
    out,
    /peer certificate: subject CN=localhost; issuer CN=localhost; expires \w+ +\d+ [\d:]+ \d{4} GMT/,
  );
  await sh.ok('send "GET / HTTP/1.0\\r\\n\\r\\n"');
  assert.match(await sh.ok("recv -l -t 5"), /"HTTP\/1\.0 200 ok\\r\\n"/);
});

Deno.test("a hostile certificate's subject shows escaped: no terminal escape, no right-to-left override", async () => {
  const c = await testCerts();
  await using srv = await wwwServer(c.hostile, c.key);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${srv.port}`);
  const out = await sh.ok("starttls -k localhost");
  // As openssl x509 -subject shows it, in the escapes send reads back.
  const shown = "CN=evil\\x1b[2Jx\\xe2\\x80\\xaegnp.exe";
  assert.ok(out.includes(`subject ${shown}; issuer ${shown};`), out);
  assert.ok(!out.includes("\x1b") && !out.includes("\u202e"), out);
});

Deno.test("starttls against a peer that does not speak TLS says wrong version number", async () => {
  const port = freePort("tcp");
  // nc answers the ClientHello with plain text.
  await using nc = startPeer("sh", [
    "-c",
    `printf 'HTTP/1.0 400 Bad\\r\\n\\r\\n' | exec nc -l 127.0.0.1 ${port}`,
  ]);
  await nc.waitForPort(port);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${port}`);
  await failsHandshake(
    sh,
    "starttls -t 5 localhost",
    /SSL_ERROR_SSL .*wrong version number: the peer does not speak TLS/,
  );
});

Deno.test("starttls cut by the peer's reset fails with ECONNRESET", async () => {
  const port = freePort("tcp");
  await using peer = startPeer(await buildPeer("rst_peer"), [String(port)]);
  await peer.waitForPort(port);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${port}`);
  await failsHandshake(
    sh,
    "starttls -t 5 localhost",
    /= -1 ECONNRESET \(Connection reset by peer\): the handshake was cut by a reset/,
  );
});

for (const launch of ["deno", "node"] as Launch[]) {
  Deno.test(`an alert from the peer is SSL_ERROR_SSL in OpenSSL's words: a client certificate required after the handshake, no ALPN in common (${launch})`, async () => {
    const c = await testCerts();
    // TLS 1.3: the server's demand for a client certificate comes as an alert on the first read.
    await using wants = await wwwServer(c.cert, c.key, ["-Verify", "1"]);
    const [cmd, ...args] = await sockshellArgv(
      launch,
      `socket tcp; connect 127.0.0.1 ${wants.port}; starttls -t 10 --ca ${c.cert} localhost; ` +
        'send "GET / HTTP/1.0\\r\\n\\r\\n"; try recv -t 10 -> r; print errno=$r.errno; ls',
    );
    const r = await runPeer(cmd!, args);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /^recv\(3, buf, 255, 0\) = -1 SSL_ERROR_SSL \(TLS protocol error\): the peer sent an alert: certificate required: the server asks for a client certificate, which starttls does not send\n$/,
    );
    // Not Node's code (ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED) taken for an errno.
    assert.match(r.stdout, /errno=SSL_ERROR_SSL\n/);
    await using h2 = await wwwServer(c.cert, c.key, ["-alpn", "h2"]);
    const [cmd2, ...args2] = await sockshellArgv(
      launch,
      `socket tcp; connect 127.0.0.1 ${h2.port}; starttls -t 10 --ca ${c.cert} --alpn smtp localhost`,
    );
    const alpn = await runPeer(cmd2!, args2);
    assert.equal(alpn.code, 1, alpn.stderr);
    assert.match(
      alpn.stderr,
      /^SSL_connect\(ssl\) = -1 SSL_ERROR_SSL \(TLS protocol error\): no application protocol in common \(ALPN\); the connection is closed\n/,
    );
  });
}

// Python's ssl as a server that writes without end: how much it could send before the
// shell's side held it back (a send waiting 1 s), 256 MiB at most.
const TLS_FLOOD = `
import socket, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[2], sys.argv[3])
s = socket.create_server(("127.0.0.1", int(sys.argv[1])))
c, _ = s.accept()
t = ctx.wrap_socket(c, server_side=True)
t.settimeout(1.0)
chunk, sent = b"z" * 65536, 0
try:
    while sent < 256 << 20:
        t.sendall(chunk)
        sent += len(chunk)
    print(sent, "never held back", flush=True)
except socket.timeout:
    print(sent, "held back", flush=True)
`;

for (const launch of ["deno", "node"] as Launch[]) {
  Deno.test(`a TLS peer that writes while the shell does not read is held back by TCP, as a plain one is: the shell's memory stays put (${launch})`, async () => {
    // It used to take in everything, decrypted, as fast as the peer sent: 1.4 GB in 8 s (on
    // Node, once a first recv had run).
    const c = await testCerts();
    const port = freePort("tcp");
    await using flood = startPeer("python3", [
      "-c",
      TLS_FLOOD,
      String(port),
      c.cert,
      c.key,
    ]);
    await flood.waitForPort(port);
    const [cmd, ...args] = await sockshellArgv(
      launch,
      `socket tcp; connect 127.0.0.1 ${port}; starttls -t 10 --ca ${c.cert} localhost; recv -t 5 5; sleep 4; ls`,
    );
    await using sh = startPeer(cmd!, args);
    const [sent, how] = (await flood.stdout(15_000)).trim().split(" ", 2);
    const rss = await rssKiB(sh.process.pid) / 1024;
    assert.equal(how, "held", `the peer sent ${sent} bytes, never held back`);
    assert.ok(Number(sent) < 64 << 20, `the peer sent ${sent} bytes`);
    assert.ok(rss < 200, `the shell holds ${rss.toFixed(0)} MiB`);
    assert.match(await sh.stdout(15_000), /\n\* 3 +tcp\+tls +ESTABLISHED /);
  });
}

for (const launch of ["deno", "node"] as Launch[]) {
  Deno.test(`setsockopt on a TLS connection sets the TCP socket's option: ss shows its keepalive timer (${launch})`, async () => {
    // Given to node:tls, which holds no socket of its own, it was said done and set nothing.
    const c = await testCerts();
    await using srv = await wwwServer(c.cert, c.key);
    const [cmd, ...args] = await sockshellArgv(
      launch,
      `socket tcp; connect 127.0.0.1 ${srv.port}; starttls -t 10 --ca ${c.cert} localhost; ` +
        "setsockopt SO_KEEPALIVE 1; sleep 10",
    );
    await using sh = startPeer(cmd!, args);
    let seen = "";
    await until(
      async () => {
        seen = (await runPeer("ss", ["-tnoH", `dport = :${srv.port}`])).stdout;
        return /timer:\(keepalive/.test(seen);
      },
      `no keepalive timer on the TLS connection (ss: ${seen})`,
      5000,
    );
    sh.kill();
  });
}

Deno.test("starttls refuses sockets it cannot upgrade, leaving ls unchanged", async () => {
  using sh = new TestShell();
  await sh.ok("socket tcp");
  await failsUnchanged(sh, "starttls", "ENOTCONN");
  await sh.ok("socket udp");
  await failsUnchanged(sh, "starttls", "EOPNOTSUPP");
  await failsUnchanged(sh, "starttls @9", "EBADF");
  // Usage errors: one line, status 2.
  assert.match(
    (await sh.fails("starttls -s")).stderr,
    /-s needs --cert FILE and --key FILE/,
  );
  assert.match(
    (await sh.fails("starttls --ca /nonexistent/ca.pem")).stderr,
    /--ca "\/nonexistent\/ca\.pem" cannot be read \(ENOENT\)/,
  );
});

Deno.test("starttls names a wrong --ca, --cert or --key in one line before touching the socket, which goes on in plain text", async () => {
  const c = await testCerts();
  const dir = await Deno.makeTempDir({ prefix: "sockshell-pem-" });
  try {
    // What a student hands over by mistake: a DER certificate, an empty file, a key
    // locked by a passphrase, one file for the other.
    const der = `${dir}/cert.der`;
    const locked = `${dir}/locked.pem`;
    const empty = `${dir}/empty.pem`;
    await Deno.writeTextFile(empty, "");
    for (
      const args of [
        ["x509", "-in", c.cert, "-outform", "DER", "-out", der],
        ["pkey", "-in", c.key, "-aes128", "-passout", "pass:x", "-out", locked],
      ]
    ) {
      const r = await runPeer("openssl", args);
      assert.equal(r.code, 0, r.stderr);
    }
    using sh = new TestShell();
    const port = freePort("tcp");
    await sh.ok(
      `socket tcp; bind 127.0.0.1 ${port}; listen; socket tcp; connect 127.0.0.1 ${port}; accept @3`,
    );
    const before = await sh.ok("ls");
    const server = `starttls @5 -s --cert`;
    for (
      const [line, said] of [
        [
          `${server} ${der} --key ${c.key}`,
          /--cert ".*cert\.der" is not PEM .*openssl x509 -inform DER -in .*cert\.der -out cert\.pem converts it/,
        ],
        [`${server} ${empty} --key ${c.key}`, /--cert ".*empty\.pem" is empty/],
        [
          `${server} ${c.key} --key ${c.key}`,
          /--cert ".*" holds PRIVATE KEY, not a certificate/,
        ],
        [
          `${server} ${c.cert} --key ${c.cert}`,
          /--key ".*" holds CERTIFICATE, not a private key/,
        ],
        [
          `${server} ${c.cert} --key ${locked}`,
          /--key ".*locked\.pem": the key is encrypted .*openssl pkey -in .*locked\.pem -out key\.pem/,
        ],
        [`starttls @4 --ca ${der} localhost`, /--ca ".*cert\.der" is not PEM/],
        [
          `starttls @4 --ca ${c.key} localhost`,
          /--ca ".*" holds PRIVATE KEY, not a certificate/,
        ],
      ] as const
    ) {
      const r = await sh.fails(line);
      assert.match(r.stderr, said);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
      assert.equal(await sh.ok("ls"), before, `ls changed after ${line}`);
    }
    // A key that is not the certificate's: SSL_CTX_check_private_key's failure, before the
    // handshake (Deno's node:tls took the pair and failed the handshake, closing the socket).
    const e = await failsUnchanged(
      sh,
      `${server} ${c.cert} --key ${c.wrongKey}`,
      "EINVAL",
    );
    assert.match(e, /key values mismatch/);
    await sh.ok('send @4 "still plain"');
    assert.match(await sh.ok("recv @5 -t 5 64"), /"still plain"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("starttls refuses while plain bytes are unread, and they stay readable", async () => {
  const c = await testCerts();
  using sh = new TestShell();
  // The shell serves (descriptor 5) and connects (4) to itself: a plain greeting first.
  const port = freePort("tcp");
  await sh.ok(
    `socket tcp; bind 127.0.0.1 ${port}; listen; socket tcp; connect 127.0.0.1 ${port}; accept @3`,
  );
  await sh.ok('send @5 "220 ready\\r\\n"');
  await sh.ok("recv @4 -p -t 5 1");
  await failsUnchanged(sh, `starttls @4 --ca ${c.cert} localhost`, "EINVAL");
  assert.match(await sh.ok("recv @4 -l"), /"220 ready\\r\\n"/);
});

Deno.test("openssl s_client -starttls smtp talks to a sockshell SMTP greeting, verified, and reads its reply", async () => {
  const c = await testCerts();
  const port = freePort("tcp");
  await using shell = startSockshell([
    "-c",
    [
      `socket tcp; bind 127.0.0.1 ${port}; listen; accept`,
      'send "220 sockshell ESMTP\\r\\n"; recv -l -t 10',
      'send "250-sockshell\\r\\n250 STARTTLS\\r\\n"; recv -l -t 10',
      'send "220 go ahead\\r\\n"',
      `starttls -t 10 -s --cert ${c.cert} --key ${c.key}`,
      'ls; recv -l -t 10; send "250 ok\\r\\n"; close',
    ].join("; "),
  ]);
  await shell.waitForPort(port);
  const client = await runPeer("openssl", [
    "s_client",
    "-connect",
    `127.0.0.1:${port}`,
    "-starttls",
    "smtp",
    "-CAfile",
    c.cert,
    "-verify_hostname",
    "localhost",
    "-verify_return_error",
    "-crlf",
    "-ign_eof",
  ], { stdin: "MAIL FROM:<a@example.org>\n", timeoutMs: 15000 });
  assert.match(client.stdout, /Verify return code: 0 \(ok\)/);
  assert.match(client.stdout, /250 ok/);
  const out = await shell.stdout();
  assert.match(out, /recv\(4, buf, 65536, 0\) = \d+ "EHLO [^"]*\\r\\n"/);
  assert.match(out, /SSL_accept\(ssl\) = 1 +TLS server/);
  assert.match(out, /agreed: protocol TLSv1\.3, cipher TLS_\w+/);
  assert.match(out, /\* 4 +tcp\+tls +ESTABLISHED/);
  assert.match(out, /"MAIL FROM:<a@example\.org>\\r\\n"/);
});

Deno.test("a sockshell client upgrades after a plain SMTP dialogue with a sockshell server", async () => {
  const c = await testCerts();
  const port = freePort("tcp");
  await using server = startSockshell([
    "-c",
    [
      `socket tcp; bind 127.0.0.1 ${port}; listen; accept`,
      'send "220 smtp\\r\\n"; recv -l -t 10; send "220 go ahead\\r\\n"',
      `starttls -t 10 -s --cert ${c.cert} --key ${c.key} --alpn smtp`,
      'recv -l -t 10; send "250 ok\\r\\n"; shutdown; recv -t 10',
    ].join("; "),
  ]);
  await server.waitForPort(port);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${port}`);
  assert.match(await sh.ok("recv -l -t 10"), /"220 smtp\\r\\n"/);
  await sh.ok('send "STARTTLS\\r\\n"');
  assert.match(await sh.ok("recv -l -t 10"), /"220 go ahead\\r\\n"/);
  assert.match(
    await sh.ok(`starttls --alpn smtp --ca ${c.cert} localhost`),
    /agreed: .*ALPN smtp\n/,
  );
  await sh.ok('send "MAIL FROM:<a@b>\\r\\n"');
  assert.match(await sh.ok("recv -l -t 10"), /"250 ok\\r\\n"/);
  // The server's shutdown sends close_notify and FIN: end of stream here.
  assert.match(await sh.ok("recv -t 10"), / = 0 +end of stream/);
  await sh.ok("close");
  const out = await server.stdout();
  assert.match(out, /shutdown\(4, SHUT_WR\) = 0 +close_notify and FIN sent/);
  assert.match(out, /"MAIL FROM:<a@b>\\r\\n"/);
  // Our close sent close_notify: the server read a clean end of stream, not an error.
  assert.match(out, /recv\(4, buf, 255, 0\) = 0 +end of stream/);
});

Deno.test("shutdown and close on a TLS socket send close_notify to openssl s_server", async () => {
  const c = await testCerts();
  await using srv = await wwwServer(c.cert, c.key, ["-msg"]);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${srv.port}`);
  await sh.ok(`starttls --ca ${c.cert} localhost`);
  await sh.ok('send "GET / HTTP/1.0\\r\\n\\r\\n"');
  assert.match(await sh.ok("shutdown"), /close_notify and FIN sent/);
  await sh.ok("recv -t 5");
  await sh.ok("close");
  assert.match(
    await srv.peer.stdout(),
    /<<< TLS 1\.3, Alert \[length 0002\], warning close_notify/,
  );
});

Deno.test("starttls given up by its timeout leaves no error behind when the handshake then fails", async () => {
  const port = freePort("tcp");
  // A peer that accepts, says nothing, and leaves: the abandoned handshake then fails.
  await using peer = startPeer("socat", [
    `TCP-LISTEN:${port},bind=127.0.0.1`,
    "SYSTEM:sleep 0.3",
  ]);
  await peer.waitForPort(port);
  using sh = new TestShell();
  await sh.ok(`socket tcp; connect 127.0.0.1 ${port}`);
  const r = await sh.fails("starttls -t 0 localhost");
  assert.match(r.stderr, /^SSL_connect\(ssl\) = -1 ETIMEDOUT /);
  await new Promise((resolve) => setTimeout(resolve, 600));
  // The shell goes on; an uncaught error would have failed this test.
  assert.match(await sh.ok("ls"), /CLOSED/);
});

Deno.test("starttls on a Unix stream socket: openssl s_server -unix verified by its chain, no name checked unless one is given", async () => {
  const c = await testCerts();
  // Short: openssl 3.0's s_server -unix fails on a path of 32 bytes or more ("unknown:error").
  const dir = await Deno.makeTempDir({ prefix: "st" });
  const path = `${dir}/t.sock`;
  try {
    await using _server = startPeer("openssl", [
      "s_server",
      "-www",
      "-unix",
      path,
      "-cert",
      c.cert,
      "-key",
      c.key,
      "-naccept",
      "2",
    ]);
    await until(
      async () => (await Deno.lstat(path).catch(() => null)) !== null,
      "openssl s_server's socket file",
    );
    using sh = new TestShell();
    await sh.ok(`socket unix; connect ${path}`);
    const out = await sh.ok(`starttls --ca ${c.cert}`);
    assert.match(
      out,
      /^SSL_connect\(ssl\) = 1 +TLS to the Unix socket's peer, verified against .*cert\.pem\n {2}note: no name checked: the certificate's chain alone was verified/,
    );
    assert.equal((await lsRow(sh, 3)).proto, "unix+tls");
    await sh.ok('send "GET / HTTP/1.0\\r\\n\\r\\n"');
    assert.match(await sh.ok("recv -l -t 5"), /= 17 "HTTP\/1\.0 200 ok\\r\\n"/);
    await sh.ok("close");
    // Given a name, it is checked: the certificate holds localhost, not example.org.
    await sh.ok(`socket unix; connect ${path}`);
    await failsHandshake(
      sh,
      `starttls --ca ${c.cert} example.org`,
      /hostname mismatch \(the certificate names DNS:localhost, IP Address:127\.0\.0\.1\)/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a sockshell server upgrades an accepted Unix stream with starttls -s, and openssl s_client -unix verifies it", async () => {
  const c = await testCerts();
  const dir = await Deno.makeTempDir({ prefix: "sockshell_tls_unix_" });
  const path = `${dir}/srv.sock`;
  try {
    await using shell = startSockshell([
      "-c",
      `socket unix; bind ${path}; listen; accept -t 10; ` +
      `starttls -t 10 -s --cert ${c.cert} --key ${c.key}; ` +
      'ls; recv -l -t 10; send "pong\\n"; close',
    ]);
    await until(
      async () => (await Deno.lstat(path).catch(() => null)) !== null,
      "the shell's socket file",
      10_000,
    );
    const client = await runPeer("openssl", [
      "s_client",
      "-unix",
      path,
      "-CAfile",
      c.cert,
      "-verify_hostname",
      "localhost",
      "-verify_return_error",
      "-ign_eof",
    ], { stdin: "ping\n", timeoutMs: 15000 });
    assert.match(client.stdout, /Verify return code: 0 \(ok\)/);
    assert.match(client.stdout, /^pong$/m);
    const out = await shell.stdout();
    assert.match(out, /SSL_accept\(ssl\) = 1 +TLS server/);
    assert.match(out, /\* 4 +unix\+tls +ESTABLISHED/);
    assert.match(out, /= 5 "ping\\n"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
