/**
 * The command line: `sockshell [-c COMMANDS | SCRIPT [ARGS...]]`, `--help`, `--version`.
 *
 * @module
 */

import { fileErrorText } from "../net/errno.ts";
import type { Output } from "../shell/command.ts";
import { EXIT, UsageError } from "../shell/errors.ts";
import { COLOR, errorLine, PLAIN, quoteText } from "../shell/format.ts";
import {
  isLanguage,
  language,
  LANGUAGE_CODES,
  type LanguageCode,
  pickLanguage,
  t,
  useLanguage,
} from "../i18n/mod.ts";
import type { Host } from "./host.ts";
import type { NetBackend } from "../net.ts";
import {
  BlockReader,
  MAX_SCRIPT_BYTES,
  notAScript,
  runScript,
  scriptScope,
} from "../script/script.ts";
import { Shell } from "../shell/shell.ts";
import type { CommandSpec, Scope } from "../shell/command.ts";
import { banner, VERSION } from "./banner.ts";
import type { DrawnPrompt } from "./first_prompt.ts";

const encoder = new TextEncoder();

export { VERSION } from "./banner.ts";

/** `--help`, in the language in use. */
export function usage(): string {
  return t("cli.usage", { version: VERSION });
}

/** What the command line asked for. */
export interface Invocation {
  /** What to do. */
  mode:
    | "repl"
    | "command"
    | "script"
    | "stdin"
    | "run"
    | "check"
    | "help"
    | "version";
  /** `-c`'s commands, or the script's path. */
  text?: string;
  /** Script arguments. */
  args: string[];
  /** `-q`. */
  quiet: boolean;
  /** `--lang`: the language asked for, over the locale's. */
  lang?: string;
  /** `--explain`: start with explain on. */
  explain?: boolean;
}

/**
 * Parse the command line (throws UsageError).
 *
 * @example
 * ```ts
 * console.log(parseCommandLine(["-c", "socket tcp"], true).mode); // "command"
 * ```
 */
export function parseCommandLine(
  argv: string[],
  stdinIsTerminal: boolean,
): Invocation {
  let quiet = false;
  let lang: string | undefined;
  let explain = false;
  const inv = parseArgv();
  // --lang and --explain are the shell's, before the script or -c.
  return {
    ...inv,
    ...(lang === undefined ? {} : { lang }),
    ...(explain ? { explain } : {}),
  };

  function parseArgv(): Invocation {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === "--lang" || a.startsWith("--lang=")) {
        const code = a === "--lang" ? argv[++i] : a.slice("--lang=".length);
        if (!code || !isLanguage(code)) {
          const codes = new Intl.ListFormat(language(), { type: "disjunction" })
            .format(LANGUAGE_CODES);
          throw new UsageError(
            code
              ? t("cli.langTakesNot", { codes, code: quoteText(code) })
              : t("cli.langTakes", { codes }),
          );
        }
        lang = code;
        continue;
      }
      if (a === "--explain") {
        explain = true;
        continue;
      }
      if (a === "-h" || a === "--help") {
        return { mode: "help", args: [], quiet };
      }
      if (a === "-V" || a === "--version") {
        return { mode: "version", args: [], quiet };
      }
      if (a === "-q" || a === "--quiet") quiet = true;
      else if (a === "-c") {
        const text = argv[i + 1];
        if (text === undefined) {
          throw new UsageError(t("cli.cNeedsCommands"));
        }
        return { mode: "command", text, args: argv.slice(i + 2), quiet };
      } else if (a === "--") {
        return scriptOrStdin(argv.slice(i + 1), quiet, stdinIsTerminal);
      } else if (a.startsWith("-") && a !== "-") {
        throw new UsageError(t("cli.unknownOption", { option: a }));
      } else return scriptOrStdin(argv.slice(i), quiet, stdinIsTerminal);
    }
    return { mode: stdinIsTerminal ? "repl" : "stdin", args: [], quiet };
  }
}

/** The language `--lang` asks for among the options before the commands or script, if it names one. */
function langArg(argv: readonly string[]): LanguageCode | undefined {
  let code: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--lang") code = argv[++i];
    else if (a.startsWith("--lang=")) code = a.slice("--lang=".length);
    else if (a === "-c" || !a.startsWith("-") || a === "-" || a === "--") break;
  }
  return code && isLanguage(code) ? code : undefined;
}

function scriptOrStdin(
  rest: string[],
  quiet: boolean,
  stdinIsTerminal: boolean,
): Invocation {
  if (!rest.length) {
    return { mode: stdinIsTerminal ? "repl" : "stdin", args: [], quiet };
  }
  if (rest[0] === "run") return { mode: "run", args: rest.slice(1), quiet };
  if (rest[0] === "check") return { mode: "check", args: rest.slice(1), quiet };
  if (rest[0] === "-") return { mode: "stdin", args: rest.slice(1), quiet };
  return { mode: "script", text: rest[0], args: rest.slice(1), quiet };
}

/** Output on a host: colour only for a terminal that is not TERM=dumb, and never with NO_COLOR set. */
export function hostOutput(h: Host): Output {
  const noColor = h.env("NO_COLOR");
  const color = h.isTerminal(1) && h.env("TERM") !== "dumb" &&
    (noColor === undefined || noColor === "");
  let tail = "";
  return {
    out: (t) => {
      h.write(1, t);
      const nl = t.lastIndexOf("\n");
      tail = nl < 0 ? tail + t : t.slice(nl + 1);
    },
    err: (t) => h.write(2, t),
    paint: color ? COLOR : PLAIN,
    partialLine: () => tail,
    columns: () => h.columns?.() ?? (Number(h.env("COLUMNS")) || 80),
    utf8: /utf-?8/i.test(
      h.env("LC_ALL") || h.env("LC_CTYPE") || h.env("LANG") || "",
    ),
    terminal: { out: h.isTerminal(1), err: h.isTerminal(2) },
    // Only where it can be rewritten in place: a pipe or a file gets none of it.
    progress: h.isTerminal(1)
      ? (text) =>
        h.write(1, text === undefined ? "\r\x1b[K" : `\r${text}\x1b[K`)
      : undefined,
  };
}

/**
 * Run sockshell on a host and a network backend; resolves with the exit status.
 *
 * @example
 * ```ts ignore
 * Deno.exit(await main(await host(), await backend(), builtInCommands));
 * ```
 */
export async function main(
  h: Host,
  net: NetBackend,
  commands: Readonly<Record<string, CommandSpec>>,
  drawn?: DrawnPrompt,
): Promise<number> {
  const io = hostOutput(h);
  // Before anything is said, even about a bad command line: only the catalogue of the language in use is loaded.
  await useLanguage(pickLanguage(langArg(h.args), (name) => h.env(name)));
  let inv: Invocation;
  try {
    inv = parseCommandLine(h.args, h.isTerminal(0));
  } catch (e) {
    errorLine(io, `sockshell: ${(e as Error).message}`);
    return EXIT.usage;
  }
  if (inv.mode === "help") {
    io.out(usage() + "\n");
    return EXIT.ok;
  }
  if (inv.mode === "version") {
    io.out(`sockshell ${VERSION} (${net.name} backend)\n`);
    return EXIT.ok;
  }
  const shell = new Shell(net, commands, io, h);
  if (inv.explain) shell.teach.explain = true;
  try {
    if (inv.mode === "repl") {
      const { promptFor, repl } = await import("./repl.ts");
      const home = h.env("HOME");
      const historyFile = h.env("SOCKSHELL_HISTORY") ??
        (home ? `${home}/.sockshell_history` : undefined);
      const scope = shell.newScope();
      scope.trace = !inv.quiet;
      // Killed (SIGTERM) or hung up (SIGHUP): Deno would leave the terminal raw, with no echo.
      const offTerminate = h.onTerminate((signal) => {
        h.setRaw?.(false);
        h.write(1, "\n"); // off the prompt's line
        shell.close();
        h.exit(128 + signal);
      });
      const text = banner(language());
      // The banner and the first prompt are drawn before the line editor loads (node:process and
      // node:readline: some 30 ms under Deno), or were before the shell did (`drawn`, by main.ts).
      // Keys typed meanwhile wait in the terminal, raw so that they are not echoed twice; the
      // line editor redraws the prompt in place and reads them.
      const early = drawn !== undefined ||
        (h.setRaw !== undefined && h.isTerminal(1) &&
          h.env("TERM") !== "dumb");
      if (drawn) drawn.handOver();
      else if (early) {
        h.setRaw!(true);
        h.write(1, text + "\n" + promptFor(scope));
      }
      try {
        const process = (await import("node:process")).default;
        return await repl(shell, scope, {
          input: process.stdin,
          output: process.stdout,
          terminal: true,
          historyFile,
          host: h,
          banner: early ? undefined : text,
        });
      } finally {
        // The line editor restores the terminal when it closes; this is for a start that failed before it.
        if (early) h.setRaw?.(false);
        offTerminate();
      }
    }
    const scope = scriptScope(shell, inv.text ?? "sockshell", inv.args);
    scope.trace = !inv.quiet;
    const interrupt = new AbortController();
    const off = h.onInterrupt(() => interrupt.abort());
    try {
      if (inv.mode === "run") {
        // run's own options (-p, -v) before the replay's name stay options; the rest are literal words.
        const name = inv.args.findIndex((a) => !a.startsWith("-"));
        const words = ["run", ...inv.args].map((text, i) => ({
          text,
          bytes: encoder.encode(text),
          quoted: !(i > 0 && (name < 0 || i - 1 < name)),
        }));
        return (await shell.execute(words, scope, interrupt.signal)).code;
      }
      if (inv.mode === "check") {
        return await runCheckMode(shell, h, inv.args, scope, interrupt.signal);
      }
      if (inv.mode === "stdin") {
        return await runStdin(shell, scope, interrupt.signal);
      }
      let text = inv.text!;
      if (inv.mode === "script") {
        try {
          text = await h.readTextFile(inv.text!, { limit: MAX_SCRIPT_BYTES });
        } catch (e) {
          const why = fileErrorText(e);
          errorLine(
            io,
            `sockshell: ${t("cli.cannotReadScript", { file: inv.text!, why })}`,
          );
          return EXIT.usage;
        }
        const why = notAScript(text, commands);
        if (why) {
          errorLine(
            io,
            `sockshell: ${t("cli.notAScript", { file: inv.text!, why })}`,
          );
          return EXIT.usage;
        }
      }
      const name = inv.mode === "command" ? "-c" : inv.text!;
      const code = await runScript(shell, name, text, scope, interrupt.signal);
      return shell.exitCode ?? code;
    } finally {
      off();
    }
  } finally {
    await shell.exit();
  }
}

/**
 * `sockshell check ...`: the check command, its options before the exercise
 * kept as options and every word after literal. Under Deno without
 * --allow-run, a terminal gets Deno's own prompt for it; a batch (no
 * terminal) gets one line saying how to run, and status 2.
 */
async function runCheckMode(
  shell: Shell,
  h: Host,
  args: string[],
  scope: Scope,
  signal: AbortSignal,
): Promise<number> {
  const { runPermission, requestRunPermission } = await import(
    "../check/proc.ts"
  );
  if (runPermission() === "prompt" && h.isTerminal(0) && args.length > 1) {
    await requestRunPermission();
  }
  let target = args.findIndex((a) => !a.startsWith("-"));
  // --port's value is not the exercise.
  while (target > 0 && args[target - 1] === "--port") {
    const next = args.slice(target + 1).findIndex((a) => !a.startsWith("-"));
    target = next < 0 ? -1 : target + 1 + next;
  }
  const words = ["check", ...args].map((text, i) => ({
    text,
    bytes: encoder.encode(text),
    quoted: !(i > 0 && (target < 0 || i - 1 < target)),
  }));
  return (await shell.execute(words, scope, signal)).code;
}

/**
 * Commands on standard input, run as soon as each is complete (a block waits for its end),
 * so a program feeding the shell line by line sees each answer before sending the next.
 */
async function runStdin(
  shell: Shell,
  scope: Scope,
  signal: AbortSignal,
): Promise<number> {
  let chunk = "";
  let first = 1;
  let lineNo = 0;
  let reader = new BlockReader();
  shell.commandsOnStdin();
  for (;;) {
    const line = await shell.input.readLine("");
    if (line !== null) {
      lineNo++;
      chunk += line + "\n";
      if (reader.add(line)) continue;
    }
    if (chunk) {
      const code = await runScript(shell, "stdin", chunk, scope, signal, first);
      if (shell.exitCode !== undefined) return shell.exitCode;
      if (code !== 0) return code;
    }
    if (line === null) return EXIT.ok;
    chunk = "";
    reader = new BlockReader();
    first = lineNo + 1;
  }
}
