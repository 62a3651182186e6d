/**
 * The built-in checks of the handout's exercises: scripts of the shell's own
 * commands with `scenario` blocks, embedded like the replays so they work
 * from the single binary too. `check -p NAME` prints one.
 *
 * @module
 */

import { text } from "../replays/mod.ts";

const ageClient = () =>
  text(import("./age_client.sock", { with: { type: "text" } }));
const ageServer = () =>
  text(import("./age_server.sock", { with: { type: "text" } }));
const tcpClient = () =>
  text(import("./tcp_client.sock", { with: { type: "text" } }));
const tcpServer = () =>
  text(import("./tcp_server.sock", { with: { type: "text" } }));
const udpClient = () =>
  text(import("./udp_client.sock", { with: { type: "text" } }));
const udpServer = () =>
  text(import("./udp_server.sock", { with: { type: "text" } }));

/** A built-in check. */
export interface Check {
  /** Its name, the exercise's. */
  name: string;
  /** The arguments the exercise's program takes in the handout. */
  args: string;
  /** What it checks. */
  summary: string;
  /** The script, imported on first use. */
  load(): Promise<string>;
}

/** Every built-in check, by exercise, in the handout's order. */
export const builtInChecks: Readonly<Record<string, Check>> = Object
  .fromEntries(
    [
      {
        name: "tcp-server",
        args: "PORT",
        summary: "3.1: the TCP server prints the message and acknowledges it",
        load: tcpServer,
      },
      {
        name: "tcp-client",
        args: "HOST PORT",
        summary:
          "3.1: the TCP client sends the typed line and prints the reply",
        load: tcpClient,
      },
      {
        name: "udp-server",
        args: "[PORT] (4950: --port 4950)",
        summary: "3.2: the UDP listener prints the datagram it got",
        load: udpServer,
      },
      {
        name: "udp-client",
        args: "HOST MESSAGE (4950: --port 4950)",
        summary: "3.2: the UDP talker sends its message in one datagram",
        load: udpClient,
      },
      {
        name: "age-server",
        args: "PORT",
        summary: "3.3: the age dialogue's server, many clients at once",
        load: ageServer,
      },
      {
        name: "age-client",
        args: "HOST PORT",
        summary: "3.3: the age dialogue's client, prompts shown as they come",
        load: ageClient,
      },
    ].map((c) => [c.name, c]),
  );
