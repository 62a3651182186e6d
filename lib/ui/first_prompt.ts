/**
 * The Deno program's first prompt, drawn before the shell loads.
 *
 * At a terminal with no arguments, `main.ts` draws the banner and the
 * prompt with this module alone (no message catalogue: the banner is in
 * lib/i18n/languages.ts), then loads the shell: the prompt comes nearly as
 * soon as an empty Deno program's would, some 15 ms sooner than after the
 * shell's modules. Keys typed meanwhile wait in the terminal, raw so that
 * they are not echoed twice; the line editor redraws the prompt in place and
 * reads them, as it does for those typed while it loads itself
 * (lib/ui/cli.ts). Until the shell takes over, a SIGTERM or SIGHUP here
 * restores the terminal before the process ends.
 *
 * @module
 */

import {
  CANNOT_READ,
  type LanguageCode,
  pickLanguage,
} from "../i18n/languages.ts";
import { banner, PROMPT } from "./banner.ts";

/** A prompt drawn before the shell loaded: the shell takes the terminal over from it. */
export interface DrawnPrompt {
  /** The shell answers SIGTERM and SIGHUP itself from now on. */
  handOver(): void;
  /** Leave raw mode and stop answering signals (a start that failed, or the end). */
  restore(): void;
}

/** The host's env() (lib/ui/host_deno.ts), which is not imported: it loads the catalogue. */
function env(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined; // not permitted: as if unset, as the shell's host reads it
  }
}

/** The locale's language, before any catalogue loads. */
function localeLanguage(): LanguageCode {
  return pickLanguage(undefined, env);
}

/**
 * Whether the shell's modules in `dir` may be read, asking once at the
 * terminal when Deno asks for permissions (`main.ts` imports them out of
 * sight of Deno's graph, which needs read access: without it, Deno would ask
 * for each of them). When they may not, one line says why on the error
 * output.
 */
export function mayReadShell(dir: URL): { asked: boolean; granted: boolean } {
  const read = { name: "read", path: dir } as const;
  if (Deno.permissions.querySync(read).state === "granted") {
    return { asked: false, granted: true };
  }
  if (Deno.permissions.requestSync(read).state === "granted") {
    return { asked: true, granted: true };
  }
  const line = CANNOT_READ[localeLanguage()].replace(
    "{dir}",
    decodeURIComponent(dir.pathname),
  );
  Deno.stderr.writeSync(new TextEncoder().encode(line + "\n"));
  return { asked: true, granted: false };
}

/**
 * Draw the banner and the first prompt when sockshell is started with no
 * arguments at a terminal (not TERM=dumb); undefined, drawing nothing,
 * otherwise.
 */
export function drawFirstPrompt(): DrawnPrompt | undefined {
  if (
    Deno.args.length > 0 || !Deno.stdin.isTerminal() ||
    !Deno.stdout.isTerminal() || env("TERM") === "dumb"
  ) return undefined;
  const ended = (signal: number) => () => {
    restore();
    Deno.stdout.writeSync(new TextEncoder().encode("\n")); // off the prompt's line
    Deno.exit(128 + signal);
  };
  const term = ended(15);
  const hup = ended(1);
  let listening = true;
  const handOver = () => {
    if (!listening) return;
    listening = false;
    Deno.removeSignalListener("SIGTERM", term);
    Deno.removeSignalListener("SIGHUP", hup);
  };
  const restore = () => {
    handOver();
    Deno.stdin.setRaw(false);
  };
  Deno.addSignalListener("SIGTERM", term);
  Deno.addSignalListener("SIGHUP", hup);
  Deno.stdin.setRaw(true);
  const text = new TextEncoder().encode(
    banner(localeLanguage()) + "\n" + PROMPT,
  );
  for (let off = 0; off < text.length;) {
    off += Deno.stdout.writeSync(text.subarray(off));
  }
  return { handOver, restore };
}
