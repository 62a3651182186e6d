/**
 * The built-in replays of the handout's exercises: scripts of the shell's own
 * commands, embedded in the program so they work from the single binary too.
 * Each script is imported when it first runs: start-up loads only this list.
 *
 * @module
 */

/** A script's text from its module (`import("./x.sock", { with: { type: "text" } })`). */
export async function text(
  module: Promise<{ default: string }>,
): Promise<string> {
  return (await module).default;
}

const ageClient = () =>
  text(import("./age_client.sock", { with: { type: "text" } }));
const ageServer = () =>
  text(import("./age_server.sock", { with: { type: "text" } }));
const broadcaster = () =>
  text(import("./broadcaster.sock", { with: { type: "text" } }));
const listener = () =>
  text(import("./listener.sock", { with: { type: "text" } }));
const pollLoopback = () =>
  text(import("./poll_loopback.sock", { with: { type: "text" } }));
const pollserver = () =>
  text(import("./pollserver.sock", { with: { type: "text" } }));
const selectserver = () =>
  text(import("./selectserver.sock", { with: { type: "text" } }));
const showip = () => text(import("./showip.sock", { with: { type: "text" } }));
const streamClient = () =>
  text(import("./stream_client.sock", { with: { type: "text" } }));
const streamServer = () =>
  text(import("./stream_server.sock", { with: { type: "text" } }));
const talker = () => text(import("./talker.sock", { with: { type: "text" } }));
const tcpClient = () =>
  text(import("./tcp_client.sock", { with: { type: "text" } }));
const tcpLoopback = () =>
  text(import("./tcp_loopback.sock", { with: { type: "text" } }));
const tcpServer = () =>
  text(import("./tcp_server.sock", { with: { type: "text" } }));
const udpClient = () =>
  text(import("./udp_client.sock", { with: { type: "text" } }));
const udpLoopback = () =>
  text(import("./udp_loopback.sock", { with: { type: "text" } }));
const udpServer = () =>
  text(import("./udp_server.sock", { with: { type: "text" } }));

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
  /** The script, imported on first use. */
  load(): Promise<string>;
  /** Where it comes from, for `run`'s list: the handout (the default), or Beej's Guide. */
  group?: "handout" | "beej";
}

/** The heading of each group in `run`'s list, in its order. */
export const REPLAY_GROUPS: Readonly<Record<"handout" | "beej", string>> = {
  handout: "The handout's exercises",
  beej: "Beej's Guide to Network Programming's examples",
};

/** Every built-in replay, by name: the handout's in its order, then Beej's Guide's in the guide's. */
export const builtInReplays: Readonly<Record<string, Replay>> = Object
  .fromEntries(
    [
      {
        name: "tcp-server",
        usage: "PORT",
        summary: "3.1: the TCP server (one client)",
        trace: false,
        load: tcpServer,
      },
      {
        name: "tcp-client",
        usage: "HOST PORT",
        summary: "3.1: the TCP client",
        trace: false,
        load: tcpClient,
      },
      {
        name: "udp-server",
        usage: "[PORT]",
        summary: "3.2: the UDP listener (4950)",
        trace: false,
        load: udpServer,
      },
      {
        name: "udp-client",
        usage: "HOST MESSAGE [PORT]",
        summary: "3.2: the UDP talker",
        trace: false,
        load: udpClient,
      },
      {
        name: "age-server",
        usage: "PORT [YEAR]",
        summary: "3.3: the age dialogue, many clients at once (fork)",
        trace: false,
        load: ageServer,
      },
      {
        name: "age-client",
        usage: "HOST PORT",
        summary: "3.3: the age dialogue's client",
        trace: false,
        load: ageClient,
      },
      {
        name: "tcp-loopback",
        usage: "[PORT]",
        summary: "3.1 both sides in one shell, every call shown",
        trace: true,
        load: tcpLoopback,
      },
      {
        name: "udp-loopback",
        usage: "[PORT]",
        summary: "3.2 both sides in one shell, every call shown",
        trace: true,
        load: udpLoopback,
      },
      ...beej([
        [
          "showip",
          "HOST",
          "5.1: every address of a host (getaddrinfo)",
          showip,
        ],
        [
          "stream-server",
          "[PORT]",
          "6.1: server.c, Hello, world! to each client (fork; 3490)",
          streamServer,
        ],
        ["stream-client", "HOST [PORT]", "6.2: client.c", streamClient],
        [
          "listener",
          "[PORT]",
          "6.3: listener.c, one datagram, dual-stack (4950)",
          listener,
        ],
        ["talker", "HOST MESSAGE [PORT]", "6.3: talker.c (IPv6)", talker],
        [
          "broadcaster",
          "HOST MESSAGE [PORT]",
          "broadcaster.c: SO_BROADCAST, then sendto",
          broadcaster,
        ],
        [
          "pollserver",
          "[PORT]",
          "7.2: pollserver.c, the chat server with poll() (9034)",
          pollserver,
        ],
        [
          "selectserver",
          "[PORT]",
          "7.3: selectserver.c, the chat server with select() (9034)",
          selectserver,
        ],
      ]),
      {
        name: "poll-loopback",
        usage: "[PORT]",
        summary:
          "7.2 a chat server and three clients in one shell, poll by hand",
        trace: true,
        load: pollLoopback,
        group: "beej" as const,
      },
    ].map((r) => [r.name, r]),
  );

/** The guide's programs: they print only their own lines, as the C does. */
function beej(
  rows: Array<
    [name: string, usage: string, summary: string, load: () => Promise<string>]
  >,
): Replay[] {
  return rows.map(([name, usage, summary, load]) => ({
    name,
    usage,
    summary,
    trace: false,
    load,
    group: "beej",
  }));
}
