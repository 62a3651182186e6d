/**
 * The Node entry point, which esbuild bundles for the single executable and
 * the npm package: the same shell as `mod.ts`, on Node's host and network.
 *
 * No top-level await: Node 20's single executables run CommonJS only.
 *
 * @example
 * ```sh
 * deno task build && node dist/npm/sockshell.cjs -c "socket tcp; listen; ls"
 * ```
 *
 * @module
 */

import process from "node:process";
import { builtInCommands } from "../../commands/mod.ts";
import { main } from "./cli.ts";
import { useHost } from "./host.ts";
import { nodeHost } from "./host_node.ts";
import { useBackend } from "../net.ts";
import { nodeBackend } from "../net/node.ts";
import { t } from "../i18n/mod.ts";

useBackend(nodeBackend);
useHost(nodeHost);
main(nodeHost, nodeBackend, builtInCommands).then(
  (code) => {
    // Node closes sockets asynchronously: leave once their last FINs are out, as Deno's
    // synchronous close has them by now, and at most a second later whatever still runs.
    process.exitCode = code;
    setTimeout(() => nodeHost.exit(code), 1000).unref();
  },
  (e: unknown) => {
    nodeHost.write(
      2,
      `sockshell: ${
        t("shell.internalError", { message: String((e as Error)?.stack ?? e) })
      }\n`,
    );
    nodeHost.exit(70);
  },
);
