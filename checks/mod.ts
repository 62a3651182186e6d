/**
 * The built-in checks of the handout's exercises: scripts of the shell's own
 * commands with `scenario` blocks, embedded like the replays so they work
 * from the single binary too. `check -p NAME` prints one.
 *
 * @module
 */

import ageClient from "./age_client.sock" with { type: "text" };
import ageServer from "./age_server.sock" with { type: "text" };
import tcpClient from "./tcp_client.sock" with { type: "text" };
import tcpServer from "./tcp_server.sock" with { type: "text" };
import udpClient from "./udp_client.sock" with { type: "text" };
import udpServer from "./udp_server.sock" with { type: "text" };

/** A built-in check. */
export interface Check {
  /** Its name, the exercise's. */
  name: string;
  /** The arguments the exercise's program takes in the handout. */
  args: string;
  /** What it checks. */
  summary: string;
  /** The script. */
  text: string;
}

/** Every built-in check, by exercise, in the handout's order. */
export const builtInChecks: Readonly<Record<string, Check>> = Object
  .fromEntries(
    [
      {
        name: "tcp-server",
        args: "PORT",
        summary: "3.1: the TCP server prints the message and acknowledges it",
        text: tcpServer,
      },
      {
        name: "tcp-client",
        args: "HOST PORT",
        summary:
          "3.1: the TCP client sends the typed line and prints the reply",
        text: tcpClient,
      },
      {
        name: "udp-server",
        args: "[PORT] (4950: --port 4950)",
        summary: "3.2: the UDP listener prints the datagram it got",
        text: udpServer,
      },
      {
        name: "udp-client",
        args: "HOST MESSAGE (4950: --port 4950)",
        summary: "3.2: the UDP talker sends its message in one datagram",
        text: udpClient,
      },
      {
        name: "age-server",
        args: "PORT",
        summary: "3.3: the age dialogue's server, many clients at once",
        text: ageServer,
      },
      {
        name: "age-client",
        args: "HOST PORT",
        summary: "3.3: the age dialogue's client, prompts shown as they come",
        text: ageClient,
      },
    ].map((c) => [c.name, c]),
  );
