/**
 * The dialogue bench's ping-pong, run through fewer of the shell's layers, to
 * tell where a script's round trip spends its time beyond the runtime's:
 *
 * - `socket`: the socket layer alone, in a TypeScript loop: the descriptor's
 *   `writeStream` and `takeUntil` (what `send` and `recv -l` call), each
 *   awaited through `interruptible` as a command's is (Ctrl-C), no command;
 * - `commands`: the `send "ping\n"` and `recv -l` commands, lexed once and run
 *   by the shell (expansion, options, the C call's text, the session log),
 *   in a TypeScript loop instead of a script's `while`.
 *
 * Prints the ms of `N` round trips from a cold start, then of `N` more, as
 * the raw client of `bench.ts` does.
 *
 * ```sh
 * deno run --allow-net=127.0.0.1 --allow-read --allow-env bench/ping_layers.ts socket PORT N
 * ```
 *
 * @module
 */

import { builtInCommands } from "../commands/mod.ts";
import { denoBackend } from "../lib/net/deno.ts";
import { Shell } from "../lib/shell/shell.ts";
import { interruptible } from "../lib/shell/command.ts";
import { PLAIN } from "../lib/shell/format.ts";
import { lex } from "../lib/script/tokenize.ts";
import { denoHost } from "../lib/ui/host_deno.ts";

const [mode, portText, nText] = Deno.args;
const port = Number(portText);
const n = Number(nText);
if (mode !== "socket" && mode !== "commands" || !(port > 0) || !(n > 0)) {
  console.error("usage: ping_layers.ts socket|commands PORT N");
  Deno.exit(2);
}

const failed: string[] = [];
const shell = new Shell(denoBackend, builtInCommands, {
  out: () => {},
  err: (text) => void failed.push(text),
  paint: PLAIN,
}, denoHost);
const scope = shell.newScope();
scope.trace = false; // as -q
const signal = new AbortController().signal;
for (const line of ["socket tcp", `connect 127.0.0.1 ${port}`]) {
  if ((await shell.runLine(line, scope, signal)).code !== 0) {
    throw new Error(`${line}: ${failed.join("")}`);
  }
}

let half: () => Promise<void>;
if (mode === "socket") {
  const sock = shell.table.get(3);
  const ping = new TextEncoder().encode("ping\n");
  const newline = new Uint8Array([10]);
  const wait = <T>(p: Promise<T>) => interruptible(p, signal, undefined);
  half = async () => {
    for (let i = 0; i < n; i++) {
      await sock.writeStream(ping, wait);
      await sock.takeUntil(newline, 65536, wait);
    }
  };
} else {
  const [send] = lex('send "ping\\n"');
  const [recv] = lex("recv -l");
  half = async () => {
    for (let i = 0; i < n; i++) {
      if (
        (await shell.runLexed(send!, scope, signal)).code !== 0 ||
        (await shell.runLexed(recv!, scope, signal)).code !== 0
      ) throw new Error(failed.join(""));
    }
  };
}
const timed = async () => {
  const t0 = performance.now();
  await half();
  return performance.now() - t0;
};
const cold = await timed();
const warm = await timed();
console.log(`${cold} ${warm}`);
shell.close();
