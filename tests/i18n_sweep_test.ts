/**
 * The last English leftovers, in French: TLS (starttls's lines and
 * failures, against openssl s_server), view, send -f and recv -f, try,
 * a non-blocking EAGAIN, an integer out of range, explain's and diagram's
 * usage errors. Whole sessions through the real command line, the C calls
 * identical to the English session's.
 */
import assert from "node:assert/strict";
import { callLines, sockshell } from "./_shell.ts";
import { testCerts, wwwServer } from "./_tls.ts";

/** Run `script` (made for each run: a TLS peer serves one connection) in English and in French. */
async function bothLanguages(
  script: () => Promise<string> | string,
): Promise<{ en: string; fr: string }> {
  const en = await sockshell(["--lang", "en", "-c", await script()]);
  const fr = await sockshell(["-c", await script()], {
    env: { LANG: "fr_FR.UTF-8", LC_ALL: "" },
  });
  assert.equal(callLines(fr.stdout), callLines(en.stdout), "the same calls");
  assert.equal(callLines(fr.stderr), callLines(en.stderr), "the same failures");
  assert.equal(fr.code, en.code);
  return { en: en.stdout + en.stderr, fr: fr.stdout + fr.stderr };
}

/** openssl s_server -www for one connection; the script connects to it. */
async function tlsPeer(stack: AsyncDisposableStack): Promise<number> {
  const c = await testCerts();
  return stack.use(await wwwServer(c.cert, c.key)).port;
}

Deno.test("starttls -k in French: not verified, why it would have failed, what the handshake agreed", async () => {
  await using stack = new AsyncDisposableStack();
  const r = await bothLanguages(async () =>
    `socket tcp; connect 127.0.0.1 ${await tlsPeer(
      stack,
    )}; starttls -t 5 -k localhost; try starttls`
  );
  assert.match(r.en, /= 1 +TLS to localhost, NOT verified \(-k\)\n/);
  assert.match(r.fr, /= 1 +TLS vers localhost, NON vérifié \(-k\)\n/);
  assert.match(
    r.fr,
    /\n {2}remarque : vérification sautée : elle aurait échoué : certificate verify failed : unable to get local issuer certificate \(certificat auto-signé/,
  );
  assert.match(
    r.fr,
    /\n {2}négocié : protocole TLSv1\.3, chiffrement TLS_\w+, ALPN aucun négocié\n/,
  );
  assert.match(
    r.fr,
    /\n {2}certificat du pair : sujet CN=localhost ; émetteur CN=localhost ; expire le /,
  );
  assert.match(
    r.fr,
    /SSL_connect\(ssl\) = -1 EISCONN \([^)]+\): la socket 3 parle déjà TLS\n/,
  );
});

Deno.test("starttls in French: verified with --ca, what was agreed and the certificate; a refused certificate closes the connection", async () => {
  const c = await testCerts();
  await using stack = new AsyncDisposableStack();
  const ok = await bothLanguages(async () =>
    `socket tcp; connect 127.0.0.1 ${await tlsPeer(
      stack,
    )}; starttls -t 5 --ca ${c.cert} localhost`
  );
  assert.match(ok.fr, /= 1 +TLS vers localhost, vérifié avec .*cert\.pem\n/);
  assert.match(
    ok.fr,
    /\n {2}négocié : protocole TLSv1\.3, chiffrement TLS_\w+, ALPN aucun négocié\n/,
  );
  assert.match(
    ok.fr,
    /\n {2}certificat du pair : sujet CN=localhost ; émetteur CN=localhost ; expire le /,
  );
  const refused = await bothLanguages(async () =>
    `socket tcp; connect 127.0.0.1 ${await tlsPeer(
      stack,
    )}; try starttls -t 5 localhost; starttls`
  );
  assert.match(
    refused.en,
    /SSL_ERROR_SSL \(.*\): certificate verify failed: unable to get local issuer certificate .*; the connection is closed\n/,
  );
  assert.match(
    refused.fr,
    /SSL_connect\(ssl\) = -1 SSL_ERROR_SSL \(.*\): certificate verify failed : unable to get local issuer certificate \(certificat auto-signé ou non signé par une autorité de confiance : --ca FICHIER lui fait confiance, -k saute la vérification\) ; la connexion est fermée\n/,
  );
  assert.match(
    refused.fr,
    /SSL_connect\(ssl\) = -1 ECONNABORTED \(.*\): la poignée de main TLS a échoué et a fermé la connexion\n/,
  );
});

Deno.test("starttls's refusals and usage errors in French", async () => {
  const r = await bothLanguages(() =>
    "socket tcp; try starttls; socket udp; try starttls; starttls -s"
  );
  assert.match(
    r.fr,
    /SSL_connect\(ssl\) = -1 ENOTCONN \(.*\): la socket 3 n'est pas connectée\n/,
  );
  assert.match(
    r.fr,
    /SSL_connect\(ssl\) = -1 EOPNOTSUPP \(.*\): TLS fonctionne sur TCP \(DTLS n'a pas d'équivalent dans Deno\)\n/,
  );
  assert.match(r.fr, /starttls: -s attend --cert FICHIER et --key FICHIER\n/);
  const unread = await bothLanguages(() =>
    "socket tcp; starttls --ca /nonexistent/ca.pem"
  );
  assert.match(
    unread.fr,
    /starttls: --ca "\/nonexistent\/ca\.pem" ne peut pas être lu \(ENOENT\)\n/,
  );
});

Deno.test("send -f and recv -f in French: a file through the shell to itself, and their errors", async () => {
  const dir = await Deno.makeTempDir({ prefix: "sockshell-sweep-" });
  try {
    const src = `${dir}/src.txt`;
    await Deno.writeTextFile(src, "bonjour\n");
    const r = await bothLanguages(() =>
      `socket tcp; bind 127.0.0.1 0 -> a; listen 1; socket tcp; ` +
      `connect 127.0.0.1 $a.port; send -f ${src}; shutdown; use 3; accept; ` +
      `recv -f ${dir}/out.txt -a; socket udp; try send -f ${src}; ` +
      `recv -a`
    );
    assert.equal(await Deno.readTextFile(`${dir}/out.txt`), "bonjour\n");
    assert.match(
      r.en,
      /= 8 +the whole file, in 1 send of up to 65536\n/,
    );
    assert.match(
      r.fr,
      /send\(4, <.*src\.txt>, 8, 0\) = 8 +le fichier entier, en 1 send d'au plus 65536\n/,
    );
    assert.match(
      r.fr,
      /recv\(5, buf, 262144, 0\) = 8 +écrit dans .*out\.txt en 2 appels à recv, jusqu'à la fin de flux\n/,
    );
    assert.match(
      r.fr,
      /= -1 EOPNOTSUPP \(.*\): -f est pour les flux : envoyez un datagramme avec son texte\n/,
    );
    assert.match(r.fr, /recv: -a va avec -f FICHIER\n/);
    const unwritable = await bothLanguages(() =>
      "socket tcp; bind 127.0.0.1 0 -> a; listen 1; socket tcp; " +
      "connect 127.0.0.1 $a.port; recv -f /nonexistent/dir/x"
    );
    assert.match(
      unwritable.fr,
      /recv: -f "\/nonexistent\/dir\/x" ne peut pas être écrit \(ENOENT\)\n/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("try, a non-blocking EAGAIN, a time limit's decimal mark and an integer out of range in French", async () => {
  const r = await bothLanguages(() =>
    "socket tcp; bind 127.0.0.1 0 -> a; listen 2; fcntl F_SETFL O_NONBLOCK; " +
    "try accept; socket tcp; connect 127.0.0.1 $a.port; " +
    "fcntl F_SETFL O_NONBLOCK; try recv; fcntl F_SETFL 0; try recv -t 0.25; " +
    "listen 70000"
  );
  assert.match(
    r.fr,
    /accept\(3\) = -1 EAGAIN \(.*\): aucune connexion en attente sur une socket non bloquante \(O_NONBLOCK\) ; EWOULDBLOCK est le même errno\n/,
  );
  assert.match(
    r.fr,
    /recv\(4, buf, 255, 0\) = -1 EAGAIN \(.*\): rien à lire sur une socket non bloquante/,
  );
  // A time limit with the language's decimal mark.
  assert.match(
    r.en,
    /recv\(4, buf, 255, 0\) = -1 EAGAIN \(.*\): no answer within 0\.25 s/,
  );
  assert.match(
    r.fr,
    /recv\(4, buf, 255, 0\) = -1 EAGAIN \(.*\): pas de réponse en 0,25 s \(SO_RCVTIMEO\)\n/,
  );
  assert.match(
    r.en,
    /listen: backlog must be a whole number from 0 to 65535, not "70000"\n/,
  );
  assert.match(
    r.fr,
    /listen: la taille de la file d'attente doit être un nombre entier de 0 à 65535, pas "70000"\n/,
  );
  const tried = await bothLanguages(() => "try");
  assert.match(
    tried.fr,
    /try attend une commande après lui, comme dans : try recv -> m\n/,
  );
});

Deno.test("view, explain and diagram usage errors in French", async () => {
  for (
    const [cmd, fr] of [
      ["view bogus", /view: view prend quoted, lines ou hex, pas "bogus"\n/],
      ["explain maybe", /explain: explain prend on ou off, pas "maybe"\n/],
      [
        "diagram x.txt",
        /diagram: "x\.txt" n'est ni un \.svg ni un \.html : diagram écrit FICHIER\.svg ou FICHIER\.html\n/,
      ],
    ] as const
  ) {
    const r = await bothLanguages(() => cmd);
    assert.match(r.fr, fr);
  }
});
