import { isUnix } from "../lib/net.ts";
import {
  arity,
  call,
  type CallOk,
  type CommandImpl,
  type Context,
  fileWait,
  interruptible,
  parseTimeout,
  targetSock,
} from "../lib/shell/command.ts";
import {
  fileErrorText,
  SocketError,
  strerror,
  toSocketError,
} from "../lib/net/errno.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { t } from "../lib/i18n/mod.ts";
import type { TlsInfo, TlsOptions } from "../lib/net.ts";
import type { Word } from "../lib/script/tokenize.ts";

/** What `starttls` was asked, its words parsed. */
export interface StartTlsArgs {
  /** SSL_accept rather than SSL_connect. */
  server: boolean;
  /** Skip verification (client). */
  insecure: boolean;
  /** Files named by --ca, --cert, --key. */
  ca?: string;
  cert?: string;
  key?: string;
  /** ALPN protocols, in order (--alpn, repeated or comma-separated). */
  alpn: string[];
  /** -t SECONDS. */
  timeout?: string;
  /** The name to verify and send as SNI. */
  servername?: string;
}

const LONG = new Set(["--ca", "--alpn", "--cert", "--key"]);

/** Parse `starttls`'s words; throws a usage error that says what is wrong. */
export function parseStartTls(words: Word[], usage: string): StartTlsArgs {
  const a: StartTlsArgs = { server: false, insecure: false, alpn: [] };
  const rest: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.quoted) {
      rest.push(w);
      continue;
    }
    if (LONG.has(w.text) || w.text === "-t") {
      const v = words[++i]?.text;
      if (v === undefined || v === "") {
        throw new UsageError(t("starttls.needsValue", { option: w.text }));
      }
      if (w.text === "--alpn") a.alpn.push(...v.split(",").filter(Boolean));
      else if (w.text === "-t") a.timeout = v;
      else a[w.text.slice(2) as "ca" | "cert" | "key"] = v;
    } else if (w.text === "-k") a.insecure = true;
    else if (w.text === "-s") a.server = true;
    else if (/^-/.test(w.text)) {
      throw new UsageError(t("starttls.unknownOption", { option: w.text }));
    } else rest.push(w);
  }
  arity(rest, 0, 1, usage);
  a.servername = rest[0]?.text;
  if (a.server) {
    if (!a.cert || !a.key) {
      throw new UsageError(t("starttls.serverNeedsCert"));
    }
    if (a.insecure || a.ca || a.servername) {
      throw new UsageError(t("starttls.clientOnly"));
    }
  } else if (a.cert || a.key) {
    throw new UsageError(t("starttls.serverOnly"));
  }
  return a;
}

/** The labels of a PEM text's blocks (`CERTIFICATE`, `PRIVATE KEY`...), in order. */
export function pemLabels(text: string): string[] {
  return [...text.matchAll(/^-----BEGIN ([A-Z0-9 ]+)-----\s*$/gm)].map((m) =>
    m[1]!
  );
}

/** A private key's PEM labels: PKCS#8, and OpenSSL's older RSA and EC ones. */
const KEY_LABELS = new Set([
  "PRIVATE KEY",
  "RSA PRIVATE KEY",
  "EC PRIVATE KEY",
]);

/**
 * What `--ca`, `--cert` or `--key` names must hold, checked before the
 * socket is touched, as SSL_CTX_use_certificate_file and its kin fail before
 * any handshake: certificates in PEM, or an unencrypted private key. A wrong
 * file is a usage error that names it, never a handshake that fails and
 * closes the connection.
 */
export function checkPem(opt: string, file: string, text: string): void {
  const labels = pemLabels(text);
  const key = opt === "--key";
  const named = JSON.stringify(file);
  const want = key ? "key" : "certificate";
  if (text.trim() === "") {
    throw new UsageError(t("starttls.pemEmpty", { option: opt, file: named }));
  }
  if (!labels.length) {
    throw new UsageError(
      t("starttls.notPem", {
        option: opt,
        file: named,
        convert: key
          ? `openssl pkey -inform DER -in ${file} -out key.pem`
          : `openssl x509 -inform DER -in ${file} -out cert.pem`,
      }),
    );
  }
  if (
    key && (labels.includes("ENCRYPTED PRIVATE KEY") ||
      /^Proc-Type: *4, *ENCRYPTED/m.test(text))
  ) {
    throw new UsageError(
      t("starttls.keyEncrypted", { option: opt, file: named, path: file }),
    );
  }
  const ok = key
    ? labels.some((l) => KEY_LABELS.has(l))
    : labels.includes("CERTIFICATE");
  if (!ok) {
    throw new UsageError(
      t("starttls.pemHolds", {
        option: opt,
        file: named,
        want,
        found: [...new Set(labels)].join(", "),
      }),
    );
  }
}

async function readPem(ctx: Context, opt: string, file: string) {
  let text: string;
  try {
    text = await fileWait(
      ctx,
      ctx.shell.files.readTextFile(file),
      file,
      "read",
    );
  } catch (e) {
    if (e instanceof SocketError) throw e; // Ctrl-C
    throw new UsageError(
      t("starttls.cannotRead", {
        option: opt,
        file: JSON.stringify(file),
        error: fileErrorText(e),
      }),
    );
  }
  checkPem(opt, file, text);
  return text;
}

/** What the handshake agreed, as lines under the call; what the runtime hides, as a note. */
function agreed(
  info: TlsInfo | undefined,
  a: StartTlsArgs,
  name: string,
): CallOk {
  const value: Record<string, string | number> = { "": 1 };
  const lines: string[] = [];
  const notes: string[] = [];
  if (info?.version) value.version = info.version;
  if (info?.cipher) value.cipher = info.cipher;
  value.alpn = info?.alpn ?? "";
  lines.push(
    "  " + t("starttls.agreed", {
      hasVersion: info?.version ? "yes" : "no",
      version: info?.version ?? "",
      hasCipher: info?.cipher ? "yes" : "no",
      cipher: info?.cipher ?? "",
      hasAlpn: info?.alpn ? "yes" : "no",
      alpn: info?.alpn ?? "",
    }),
  );
  if (info?.peer) {
    Object.assign(value, {
      subject: info.peer.subject,
      issuer: info.peer.issuer,
      expires: info.peer.validTo,
    });
    lines.push(
      "  " + t("starttls.peerCertificate", {
        subject: info.peer.subject,
        issuer: info.peer.issuer,
        expires: info.peer.validTo,
      }),
    );
  }
  let annotation: string;
  const peer = name;
  name ||= t("starttls.unixPeer");
  if (a.server) annotation = t("starttls.server");
  else if (a.insecure) {
    annotation = t("starttls.unverified", { name });
    notes.push(
      info?.unverified
        ? t("starttls.skippedFailed", { why: info.unverified })
        : t("starttls.skippedPassed"),
    );
  } else {
    annotation = a.ca
      ? t("starttls.verifiedCa", { name, ca: a.ca })
      : t("starttls.verifiedRoots", { name });
  }
  if (!a.server && !a.insecure && !peer) notes.push(t("starttls.noName"));
  return {
    ret: "1",
    annotation,
    notes,
    value,
    extra: lines.join("\n"),
  };
}

/** `starttls`: the TLS handshake on a connected socket, client or server. */
export const starttlsCommand: CommandImpl = {
  async run(ctx) {
    const a = parseStartTls(ctx.args, this.usage);
    const timeout = parseTimeout(a.timeout);
    const opts: TlsOptions = {
      server: a.server,
      insecure: a.insecure,
      alpn: a.alpn.length ? a.alpn : undefined,
    };
    if (a.ca) opts.ca = await readPem(ctx, "--ca", a.ca);
    if (a.cert) opts.cert = await readPem(ctx, "--cert", a.cert);
    if (a.key) opts.key = await readPem(ctx, "--key", a.key);
    let name = a.servername ?? "";
    return await call(
      ctx,
      `${a.server ? "SSL_accept" : "SSL_connect"}(ssl)`,
      async () => {
        const s = targetSock(ctx);
        if (s.proto !== "tcp") {
          throw new SocketError("EOPNOTSUPP", t("starttls.overTcp"));
        }
        if (s.broken) throw s.broken;
        if (!s.conn) {
          throw new SocketError(
            "ENOTCONN",
            s.listener
              ? t("starttls.listening", { fd: s.fd })
              : t("fd.notConnected", { fd: s.fd }),
          );
        }
        if (s.conn.tls) {
          throw new SocketError(
            "EISCONN",
            t("starttls.alreadyTls", { fd: s.fd }),
          );
        }
        if (s.wrShut) {
          throw new SocketError("EPIPE", t("fd.writeShut"));
        }
        if (s.unread > 0) {
          throw new SocketError(
            "EINVAL",
            t("starttls.unread", { n: s.unread }),
          );
        }
        if (s.reading) {
          throw new SocketError("EBUSY", t("starttls.readPending"));
        }
        // A Unix socket has no host: without a name given, none is checked (SSL_connect's way).
        if (!name && !isUnix(s.conn.remote)) name = s.conn.remote.host;
        opts.servername = name || undefined;
        const plain = s.conn;
        const handshake = plain.startTls(opts);
        try {
          s.conn = await interruptible(
            handshake,
            ctx.signal,
            timeout,
            "ETIMEDOUT",
          );
        } catch (e) {
          const se = toSocketError(e);
          // Checks made before the handshake leave the connection as it was.
          if (["EINVAL", "EISCONN", "EBADF"].includes(se.errno)) throw se;
          if (se.errno === "EINTR" || se.errno === "ETIMEDOUT") {
            // The handshake cannot be stopped halfway: whatever it brings is closed.
            handshake.then((c) => c.close(), () => {});
          }
          plain.close();
          s.broken = new SocketError(
            "ECONNABORTED",
            t("starttls.failedClosed"),
          );
          throw new SocketError(
            se.errno,
            t("starttls.closed", {
              detail: se.detail ?? strerror(se.errno),
            }),
            { cause: se },
          );
        }
        return agreed(s.conn.tls, a, name);
      },
    );
  },
};
