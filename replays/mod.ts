/**
 * The built-in replays of the handout's exercises: scripts of the shell's own
 * commands, embedded in the program so they work from the single binary too.
 *
 * @module
 */

import ageClient from "./age_client.sock" with { type: "text" };
import ageServer from "./age_server.sock" with { type: "text" };
import tcpClient from "./tcp_client.sock" with { type: "text" };
import tcpLoopback from "./tcp_loopback.sock" with { type: "text" };
import tcpServer from "./tcp_server.sock" with { type: "text" };
import udpClient from "./udp_client.sock" with { type: "text" };
import udpLoopback from "./udp_loopback.sock" with { type: "text" };
import udpServer from "./udp_server.sock" with { type: "text" };

/** A built-in replay. */
export interface Replay {
  /** Its name for `run`. */
  name: string;
  /** Its arguments. */
  usage: string;
  /** What it replays. */
  summary: string;
  /** Show each call by default: the one-shell demos do; the handout's programs print only their own lines. */
  trace: boolean;
  /** The script. */
  text: string;
}

/** Every built-in replay, by name, in the handout's order. */
export const builtInReplays: Readonly<Record<string, Replay>> = Object
  .fromEntries(
    [
      {
        name: "tcp-server",
        usage: "PORT",
        summary: "3.1: the TCP server (one client)",
        trace: false,
        text: tcpServer,
      },
      {
        name: "tcp-client",
        usage: "HOST PORT",
        summary: "3.1: the TCP client",
        trace: false,
        text: tcpClient,
      },
      {
        name: "udp-server",
        usage: "[PORT]",
        summary: "3.2: the UDP listener (4950)",
        trace: false,
        text: udpServer,
      },
      {
        name: "udp-client",
        usage: "HOST MESSAGE [PORT]",
        summary: "3.2: the UDP talker",
        trace: false,
        text: udpClient,
      },
      {
        name: "age-server",
        usage: "PORT [YEAR]",
        summary: "3.3: the age dialogue, many clients at once (fork)",
        trace: false,
        text: ageServer,
      },
      {
        name: "age-client",
        usage: "HOST PORT",
        summary: "3.3: the age dialogue's client",
        trace: false,
        text: ageClient,
      },
      {
        name: "tcp-loopback",
        usage: "[PORT]",
        summary: "3.1 both sides in one shell, every call shown",
        trace: true,
        text: tcpLoopback,
      },
      {
        name: "udp-loopback",
        usage: "[PORT]",
        summary: "3.2 both sides in one shell, every call shown",
        trace: true,
        text: udpLoopback,
      },
    ].map((r) => [r.name, r]),
  );
