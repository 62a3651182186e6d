/**
 * What the commands say as they run, in French: whole sessions through the
 * real command line, on real sockets (the shell against itself, and a
 * python3 peer), whose C calls and return values are the English session's
 * while every detail, note and annotation is in French.
 */
import assert from "node:assert/strict";
import { buildPeer, freePort, missing, startPeer } from "./_peers.ts";
import { callLines as calls, sockshell } from "./_shell.ts";

/** An output with the ports the system picked hidden (and so the padding they change). */
function portless(out: string): string {
  return out.replace(/:\d+/g, ":PORT").replace(/ {2,}/g, "  ");
}

/** Run `script` in English and in French; the calls must be the same. */
async function bothLanguages(
  script: string,
): Promise<{ en: string; fr: string }> {
  const [en, fr, locale] = await Promise.all([
    sockshell(["--lang", "en", "-c", script], { env: { LANG: "fr_FR.UTF-8" } }),
    sockshell(["--lang", "fr", "-c", script], { env: { LANG: "C" } }),
    sockshell(["-c", script], { env: { LANG: "fr_FR.UTF-8", LC_ALL: "" } }),
  ]);
  assert.equal(calls(fr.stdout), calls(en.stdout), "the same calls on stdout");
  assert.equal(calls(fr.stderr), calls(en.stderr), "the same failed call");
  assert.equal(fr.code, en.code);
  assert.equal(
    portless(locale.stdout + locale.stderr),
    portless(fr.stdout + fr.stderr),
    "LANG=fr_FR.UTF-8 speaks French as --lang fr does",
  );
  return { en: en.stdout + en.stderr, fr: fr.stdout + fr.stderr };
}

const SERVER = "socket tcp; bind 127.0.0.1 0 -> a; listen 2";
const PAIR = `${SERVER}; socket tcp; connect 127.0.0.1 $a.port`;

Deno.test("bind's EADDRINUSE names the descriptor holding the port, in French", async () => {
  const r = await bothLanguages(
    `${SERVER}; socket tcp; bind 127.0.0.1 $a.port`,
  );
  assert.match(
    r.en,
    /EADDRINUSE \(Address already in use\): descriptor 3 is bound to 127\.0\.0\.1:\d+/,
  );
  assert.match(
    r.fr,
    /EADDRINUSE \(Adresse déjà utilisée\): le descripteur 3 est attaché à 127\.0\.0\.1:\d+/,
  );
  assert.match(r.fr, /= 0 +adresse locale 127\.0\.0\.1:\d+\n/);
  assert.match(r.fr, /= 0 +en écoute sur 127\.0\.0\.1:\d+\n/);
});

Deno.test("accept on a socket that does not listen says so in French", async () => {
  const r = await bothLanguages("socket tcp; accept");
  assert.match(
    r.en,
    /EINVAL \(Invalid argument\): socket 3 is not listening: call listen first/,
  );
  assert.match(
    r.fr,
    /EINVAL \(Argument invalide\): la socket 3 n'est pas en écoute : appelez d'abord listen/,
  );
});

Deno.test("a stream's notes and annotations: accept's peer, recv's boundaries, end of stream", async () => {
  const r = await bothLanguages(
    `${PAIR}; send "hello world"; shutdown; use 3; accept; recv 5; ` +
      "recv 255; recv; close",
  );
  assert.match(
    r.en,
    /6 more bytes already received: a stream keeps no message boundaries/,
  );
  assert.match(r.fr, /= 0 +FIN envoyé : le pair lira une fin de flux\n/);
  assert.match(r.fr, /accept\(3\) = 5 +pair 127\.0\.0\.1:\d+\n/);
  assert.match(
    r.fr,
    /remarque : 6 octets de plus déjà reçus : un flux ne garde pas les limites des messages\n/,
  );
  assert.match(
    r.fr,
    /recv\(5, buf, 255, 0\) = 0 +fin de flux : le pair a fermé\n/,
  );
  assert.doesNotMatch(r.fr, /end of stream|already received|peer \d/);
});

Deno.test("close says in French what was never read and never accepted, with plural forms", async () => {
  const r = await bothLanguages(
    `${PAIR}; send "abc"; socket tcp; connect 127.0.0.1 $a.port; use 3; accept; ` +
      "poll -t 3000 3; poll -t 3000 6; close 6; close 3",
  );
  assert.match(r.en, /note: 1 pending connection was never accepted: closed\n/);
  assert.match(r.en, /note: 3 received bytes were never read: discarded\n/);
  assert.match(
    r.fr,
    /remarque : 1 connexion en attente n'a jamais été acceptée : elle est fermée\n/,
  );
  assert.match(
    r.fr,
    /remarque : 3 octets reçus n'ont jamais été lus : ils sont perdus\n/,
  );
});

Deno.test("a UDP socket's failures are French: listen, send without a peer, recv unbound", async () => {
  for (
    const [line, fr] of [
      [
        "listen",
        /EOPNOTSUPP \(Opération non supportée\): listen est pour TCP : UDP n'a pas de connexions/,
      ],
      [
        "send x",
        /EDESTADDRREQ \(Adresse de destination requise\): socket UDP non connectée : utilisez sendto, ou d'abord connect/,
      ],
      [
        "recv",
        /ENOTCONN \(.*\): la socket UDP 3 n'est pas attachée : rien ne peut arriver/,
      ],
      ["shutdown", /ENOTCONN \(.*\): la socket UDP 3 n'est pas connectée/],
    ] as const
  ) {
    const r = await bothLanguages(`socket udp; ${line}`);
    assert.match(r.fr, fr, line);
  }
});

Deno.test("getpeername, select, setsockopt and sendto explain themselves in French", async () => {
  const peer = await bothLanguages("socket tcp; getpeername");
  assert.match(peer.fr, /ENOTCONN \(.*\): la socket 3 n'est pas connectée/);
  const select = await bothLanguages("socket tcp; select 3 9");
  assert.match(
    select.fr,
    /EBADF \(Mauvais descripteur de fichier\): le descripteur 9 n'est pas ouvert : select échoue en entier/,
  );
  const opt = await bothLanguages("socket tcp; setsockopt SO_FOO 1");
  assert.match(
    opt.fr,
    /ENOPROTOOPT \(Protocole non disponible\): pas d'option "SO_FOO" : options connues : SO_REUSEADDR/,
  );
  const recorded = await bothLanguages("socket tcp; setsockopt TCP_NODELAY 1");
  assert.match(
    recorded.fr,
    /remarque : enregistrée : appliquée quand le runtime ouvre la socket \(au connect, ou héritée à l'accept\)\n/,
  );
  const sendto = await bothLanguages(`${PAIR}; sendto 127.0.0.1 9 x`);
  assert.match(
    sendto.fr,
    /remarque : TCP ignore l'adresse : les octets sont allés au pair connecté\n/,
  );
});

Deno.test("ls speaks French: its headers and what is waiting; the states stay TCP's", async () => {
  const r = await bothLanguages(
    `${PAIR}; send "abcd"; use 3; accept; poll -t 3000 5; ls`,
  );
  assert.match(r.en, /^ *fd +proto +state +local +remote *$/m);
  assert.match(r.fr, /^ *fd +proto +état +local +distant *$/m);
  assert.match(r.fr, /tcp +ESTABLISHED .*4 octets non lus/);
  const empty = await bothLanguages("ls");
  assert.equal(
    empty.fr,
    "aucun descripteur ouvert : commencez par 'socket tcp' ou 'socket udp'\n",
  );
});

Deno.test("a session with a python3 server that sends and closes: the same calls, French annotations", async () => {
  if (missing("python3")) return;
  const port = freePort("tcp");
  const code = [
    "import socket, sys",
    "s = socket.socket()",
    "s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(3)",
    "for _ in range(3):",
    "    c, _ = s.accept(); c.sendall(b'bonjour'); c.close()",
  ].join("\n");
  await using server = startPeer("python3", ["-c", code, String(port)]);
  await server.waitForPort(port);
  const r = await bothLanguages(
    `socket tcp; connect 127.0.0.1 ${port}; recv; recv; close`,
  );
  assert.match(r.fr, /recv\(3, buf, 255, 0\) = 7 "bonjour"\n/);
  assert.match(
    r.fr,
    /recv\(3, buf, 255, 0\) = 0 +fin de flux : le pair a fermé\n/,
  );
  assert.match(
    r.fr,
    /connect\(3, 127\.0\.0\.1:\d+\) = 0 +adresse locale 127\.0\.0\.1:\d+\n/,
  );
});

Deno.test("a C peer that resets the connection: getpeername says so in French, the calls unchanged", async () => {
  const rstPeer = await buildPeer("rst_peer");
  const run = async (lang: string) => {
    const port = freePort("tcp");
    await using peer = startPeer(rstPeer, [String(port)]);
    await peer.waitForPort(port);
    return await sockshell([
      "--lang",
      lang,
      "-c",
      `socket tcp; connect 127.0.0.1 ${port}; send x; poll -t 5000 3; getpeername`,
    ]);
  };
  const en = await run("en");
  const fr = await run("fr");
  assert.equal(calls(fr.stdout), calls(en.stdout));
  assert.equal(calls(fr.stderr), calls(en.stderr));
  assert.match(
    en.stderr,
    /^getpeername\(3, \?\) = -1 ENOTCONN \(.*\): socket 3 is reset by its peer$/m,
  );
  assert.match(
    fr.stderr,
    /^getpeername\(3, \?\) = -1 ENOTCONN \(.*\): la socket 3 a été réinitialisée \(RST\) par son pair$/m,
  );
});
