/**
 * The message catalogues: the same keys and placeholders in every language,
 * French errno meanings as glibc's French translation words them, the
 * language picked as gettext picks it, and a whole session in French whose C
 * calls stay those of the English one.
 */
import assert from "node:assert/strict";
import { en } from "../lib/i18n/en.ts";
import { fr } from "../lib/i18n/fr.ts";
import {
  format,
  LANGUAGE_CODES,
  type MessageKey,
  pickLanguage,
  t,
  useLanguage,
} from "../lib/i18n/mod.ts";
import { freePort, missing, runPeer } from "./_peers.ts";
import { callLines, sockshell } from "./_shell.ts";

const CATALOGUES: Record<string, Record<string, string>> = { en, fr };

/**
 * The placeholders of a template: `{fd}`, and the argument of each
 * `{n, plural, ...}`, with those inside their cases (a case's text, as the
 * `backlog` of `{what, select, backlog {backlog} ...}`, is no placeholder).
 */
function placeholders(template: string): string[] {
  const names = new Set<string>();
  const walk = (s: string) => {
    let depth = 0;
    let open = -1;
    for (let i = 0; i < s.length; i++) {
      if (s[i - 1] === "'" && s[i + 1] === "'") continue;
      if (s[i] === "{" && depth++ === 0) open = i;
      else if (s[i] === "}" && --depth === 0) {
        const body = s.slice(open + 1, i);
        const [name, kind] = body.split(",", 2).map((p) => p.trim());
        names.add(name!);
        if (kind === "plural" || kind === "select") {
          const cases = body.slice(body.indexOf(kind) + kind.length + 1);
          // Each case's text, without the braces around it.
          let d = 0;
          let from = -1;
          for (let j = 0; j < cases.length; j++) {
            if (cases[j - 1] === "'" && cases[j + 1] === "'") continue;
            if (cases[j] === "{" && d++ === 0) from = j;
            else if (cases[j] === "}" && --d === 0) {
              walk(cases.slice(from + 1, j));
            }
          }
        }
      }
    }
  };
  walk(template);
  return [...names].sort();
}

Deno.test("every language has exactly the English keys, each with the same placeholders", () => {
  assert.deepEqual(Object.keys(CATALOGUES).sort(), [...LANGUAGE_CODES].sort());
  const keys = Object.keys(en).sort();
  for (const [code, catalogue] of Object.entries(CATALOGUES)) {
    assert.deepEqual(Object.keys(catalogue).sort(), keys, code);
    for (const key of keys) {
      assert.deepEqual(
        placeholders(catalogue[key]!),
        placeholders(en[key as MessageKey]),
        `${code}: ${key}`,
      );
    }
  }
});

Deno.test("every template of every language parses and fills in", () => {
  for (const [code, catalogue] of Object.entries(CATALOGUES)) {
    for (const [key, template] of Object.entries(catalogue)) {
      const values = Object.fromEntries(
        placeholders(template).map((p) => [p, 1]),
      );
      const out = format(template, values, code);
      // Only the quoted braces ('{' and '}') are left, as plain braces.
      const quoted = template.match(/'[{}]'/g)?.length ?? 0;
      assert.equal(
        out.match(/[{}]/g)?.length ?? 0,
        quoted,
        `${code}: ${key} left braces: ${out}`,
      );
    }
  }
});

Deno.test("a quoted brace is a literal brace; an apostrophe before a placeholder stays an apostrophe", () => {
  assert.equal(
    format("the 5-tuple '{'protocol, port'}'", {}, "en"),
    "the 5-tuple {protocol, port}",
  );
  assert.equal(
    format("$'{'1:-4950'}' is {n}", { n: 1 }, "en"),
    "${1:-4950} is 1",
  );
  assert.equal(format("l'{addr} d'{n}", { addr: "a", n: 2 }, "fr"), "l'a d'2");
  assert.equal(
    format("{k, select, a {'{' x '}'} other {y}}", { k: "a" }, "en"),
    "{ x }",
  );
});

Deno.test("plurals follow each language's rules: French says 0 and 1 in the singular", () => {
  const bytes = "{n, plural, =0 {no byte} one {# byte} other {# bytes}}";
  assert.equal(format(bytes, { n: 0 }, "en"), "no byte");
  assert.equal(format(bytes, { n: 1 }, "en"), "1 byte");
  assert.equal(format(bytes, { n: 2 }, "en"), "2 bytes");
  const octets = "{n, plural, one {# octet} other {# octets}}";
  assert.equal(format(octets, { n: 0 }, "fr"), "0 octet");
  assert.equal(format(octets, { n: 1 }, "fr"), "1 octet");
  assert.equal(format(octets, { n: 2 }, "fr"), "2 octets");
  const kind = "{k, select, tcp {a stream} other {a datagram}}";
  assert.equal(format(kind, { k: "tcp" }, "en"), "a stream");
  assert.equal(format(kind, { k: "udp" }, "en"), "a datagram");
});

Deno.test("the language is --lang, else the first of LC_ALL, LC_MESSAGES and LANG that is set", () => {
  const env = (vars: Record<string, string>) => (n: string) => vars[n];
  assert.equal(pickLanguage(undefined, env({})), "en");
  assert.equal(pickLanguage(undefined, env({ LANG: "fr_FR.UTF-8" })), "fr");
  assert.equal(pickLanguage(undefined, env({ LANG: "fr" })), "fr");
  assert.equal(
    pickLanguage(undefined, env({ LC_ALL: "C.UTF-8", LANG: "fr_FR.UTF-8" })),
    "en",
  );
  assert.equal(
    pickLanguage(undefined, env({ LC_MESSAGES: "fr_CA", LANG: "en_US" })),
    "fr",
  );
  // An empty variable is not set, as gettext reads it.
  assert.equal(
    pickLanguage(undefined, env({ LC_ALL: "", LANG: "fr_BE" })),
    "fr",
  );
  assert.equal(pickLanguage(undefined, env({ LANG: "de_DE.UTF-8" })), "en");
  assert.equal(pickLanguage("en", env({ LANG: "fr_FR.UTF-8" })), "en");
});

Deno.test("French errno meanings are glibc's French translations, word for word", async () => {
  // glibc's own strerror and gai_strerror in the fr_FR.UTF-8 locale, through python3's ctypes.
  const code = [
    "import ctypes, ctypes.util, errno, locale, socket, sys",
    "locale.setlocale(locale.LC_ALL, 'fr_FR.UTF-8')",
    "libc = ctypes.CDLL(ctypes.util.find_library('c'))",
    "libc.strerror.restype = ctypes.c_char_p",
    "libc.gai_strerror.restype = ctypes.c_char_p",
    "for name in sys.argv[1:]:",
    "    gai = name.startswith('EAI_')",
    "    f = libc.gai_strerror if gai else libc.strerror",
    "    print(name + '\\t' + f(getattr(socket if gai else errno, name)).decode())",
  ].join("\n");
  // errno and EAI_ names: glibc words them (SSL_ERROR_SSL is OpenSSL's, translated here).
  const names = Object.keys(fr).filter((k) => /^errno\.E/.test(k))
    .map((k) => k.slice("errno.".length));
  if (missing("python3")) return;
  const probe = await runPeer("python3", ["-c", code, ...names]);
  if (probe.code !== 0 && !Deno.env.get("CI")) {
    console.log(
      "ignored: no fr_FR.UTF-8 locale with glibc's translations here (CI installs them)",
    );
    return;
  }
  assert.equal(probe.code, 0, probe.stderr);
  for (const line of probe.stdout.trim().split("\n")) {
    const [name, glibc] = line.split("\t");
    assert.equal(fr[`errno.${name}` as MessageKey], glibc, name);
  }
});

Deno.test("t() speaks the language in use, English by default", async () => {
  try {
    assert.equal(t("errno.ECONNREFUSED"), "Connection refused");
    await useLanguage("fr");
    assert.equal(t("errno.ECONNREFUSED"), "Connexion refusée");
    assert.equal(t("errno.EADDRINUSE"), "Adresse déjà utilisée");
    assert.equal(t("errno.EAGAIN"), "Ressource temporairement non disponible");
  } finally {
    await useLanguage("en");
  }
  await assert.rejects(() => useLanguage("xx"), RangeError);
});

Deno.test("a session with LANG=fr_FR.UTF-8 fails in French; its C calls are the English session's", async () => {
  const port = freePort("tcp");
  const args = [
    "-c",
    `socket tcp; bind 127.0.0.1 0; listen; socket tcp; connect 127.0.0.1 ${port}`,
  ];
  const english = await sockshell(args, { env: { LANG: "C" } });
  const french = await sockshell(args, { env: { LANG: "fr_FR.UTF-8" } });
  const forced = await sockshell(["--lang", "en", ...args], {
    env: { LANG: "fr_FR.UTF-8" },
  });
  // Annotations after a call are prose, said in the language: only `call = ret` is compared.
  assert.equal(
    callLines(french.stdout),
    callLines(english.stdout),
    "the same calls",
  );
  assert.equal(forced.stderr, english.stderr, "--lang en overrides the locale");
  assert.match(english.stderr, /ECONNREFUSED \(Connection refused\)/);
  assert.match(french.stderr, /ECONNREFUSED \(Connexion refusée\)/);
  assert.equal(french.code, english.code);
});

Deno.test("--lang with a language the shell does not speak is bad usage, in one line", async () => {
  const r = await sockshell(["--lang", "xx", "-c", "ls"]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'sockshell: --lang takes en or fr, not "xx"\n');
});
