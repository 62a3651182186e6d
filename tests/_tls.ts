/**
 * Test certificates, made by `openssl` for each test run: a self-signed
 * certificate for localhost and 127.0.0.1, one that expired in 2020, and one
 * for another name. rustls (Deno.startTls) wants a subjectAltName and
 * `basicConstraints=critical,CA:FALSE` on a self-signed end certificate.
 *
 * @module
 */

import { freePort, runPeer, startPeer } from "./_peers.ts";

/** Paths of the PEM files, and their text. */
export interface TestCerts {
  /** The directory that holds them. */
  dir: string;
  /** localhost and 127.0.0.1, valid now. */
  cert: string;
  /** Its private key (every certificate here shares it, but the wrong-name one). */
  key: string;
  /** localhost, valid only in January 2020. */
  expired: string;
  /** example.org only. */
  wrongName: string;
  /** The key of the wrong-name certificate. */
  wrongKey: string;
  /**
   * localhost, signed with `key`, whose subject a hostile server chose: a terminal escape
   * and a right-to-left override in its CN ({@link HOSTILE_CN}).
   */
  hostile: string;
}

/** The CN of {@link TestCerts.hostile}: shown raw, it would clear the screen and reverse "exe.png". */
export const HOSTILE_CN = "evil\x1b[2Jx\u202egnp.exe";

const EXT = [
  "-addext",
  "basicConstraints=critical,CA:FALSE",
];

async function openssl(args: string[], cwd: string): Promise<void> {
  const r = await runPeer("sh", [
    "-c",
    'cd "$0" && exec openssl "$@"',
    cwd,
    ...args,
  ]);
  if (r.code !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
}

let made: Promise<TestCerts> | undefined;

/** The certificates, made once per test module in a temporary directory removed at exit. */
export function testCerts(): Promise<TestCerts> {
  return made ??= (async () => {
    const dir = await Deno.makeTempDir({ prefix: "sockshell-tls-" });
    globalThis.addEventListener("unload", () => {
      try {
        Deno.removeSync(dir, { recursive: true });
      } catch {
        // Already gone.
      }
    });
    const ec = [
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
    ];
    await openssl([
      "req",
      "-x509",
      ...ec,
      "-keyout",
      "key.pem",
      "-out",
      "cert.pem",
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      ...EXT,
    ], dir);
    await openssl([
      "req",
      "-x509",
      ...ec,
      "-keyout",
      "wrongkey.pem",
      "-out",
      "wrong.pem",
      "-days",
      "2",
      "-subj",
      "/CN=example.org",
      "-addext",
      "subjectAltName=DNS:example.org",
      ...EXT,
    ], dir);
    await openssl([
      "req",
      "-x509",
      "-new",
      "-key",
      "key.pem",
      "-out",
      "hostile.pem",
      "-days",
      "2",
      "-utf8",
      "-subj",
      `/CN=${HOSTILE_CN}`,
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      ...EXT,
    ], dir);
    // An expired certificate: `openssl ca` takes explicit dates (openssl 3.0 has no -not_after).
    await Deno.mkdir(`${dir}/ca`);
    await Deno.writeTextFile(`${dir}/ca/index.txt`, "");
    await Deno.writeTextFile(`${dir}/ca/serial`, "01\n");
    await Deno.writeTextFile(
      `${dir}/ca.cnf`,
      [
        "[ca]",
        "default_ca = d",
        "[d]",
        "database = ca/index.txt",
        "new_certs_dir = ca",
        "serial = ca/serial",
        "default_md = sha256",
        "policy = p",
        "x509_extensions = e",
        "[p]",
        "commonName = supplied",
        "[e]",
        "subjectAltName = DNS:localhost,IP:127.0.0.1",
        "basicConstraints = critical,CA:FALSE",
        "",
      ].join("\n"),
    );
    await openssl([
      "req",
      "-new",
      "-key",
      "key.pem",
      "-subj",
      "/CN=localhost",
      "-out",
      "e.csr",
    ], dir);
    await openssl([
      "ca",
      "-batch",
      "-config",
      "ca.cnf",
      "-selfsign",
      "-keyfile",
      "key.pem",
      "-in",
      "e.csr",
      "-startdate",
      "20200101000000Z",
      "-enddate",
      "20200201000000Z",
      "-out",
      "expired.pem",
    ], dir);
    return {
      dir,
      cert: `${dir}/cert.pem`,
      key: `${dir}/key.pem`,
      expired: `${dir}/expired.pem`,
      wrongName: `${dir}/wrong.pem`,
      wrongKey: `${dir}/wrongkey.pem`,
      hostile: `${dir}/hostile.pem`,
    };
  })();
}

/**
 * `openssl s_server -www` on a free port for one connection, serving `cert`
 * (with `extra` options); its stdout carries its trace.
 */
export async function wwwServer(
  cert: string,
  key: string,
  extra: string[] = [],
) {
  const port = freePort("tcp");
  const peer = startPeer("openssl", [
    "s_server",
    "-www",
    "-accept",
    String(port),
    "-cert",
    cert,
    "-key",
    key,
    "-naccept",
    "1",
    ...extra,
  ]);
  await peer.waitForPort(port);
  return {
    port,
    peer,
    [Symbol.asyncDispose]: () => peer[Symbol.asyncDispose](),
  };
}
