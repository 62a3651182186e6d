/**
 * Every sentence `explain` and `diagram` say, as whole templates with named
 * placeholders, so that a message catalogue for another language can replace
 * them one by one without breaking its word order.
 *
 * @module
 */

/** The English templates of `explain` and `diagram`. */
export const teachMessages = {
  // The five fields of the handout's quintuple, in its order.
  fieldProto: "protocol",
  fieldLocalPort: "local port",
  fieldLocalAddr: "local address",
  fieldRemotePort: "remote port",
  fieldRemoteAddr: "remote address",
  fieldLocalPath: "local path",
  fieldRemotePath: "remote path",
  listSeparator: ", ",
  /** After a call that filled in fields. */
  filledIn: "{call} filled in: {fields}",
  /** After a call that changed no field. */
  filledNothing: "{call} filled in nothing",
  socketMade:
    "socket {fd} has only its protocol so far: the first element of the 5-tuple",
  listenWaits:
    "listen: socket {fd} now waits for connections; its 5-tuple stays half full",
  listenBinds:
    "listen on a socket that was not bound: the system chose its local port",
  acceptMade:
    "accept made a new socket, {fd}, with the whole 5-tuple; socket {lfd} keeps listening",
  connectComplete: "the 5-tuple is now complete",
  implicitBind:
    "{call} bound the socket first: the system chose its local port",
  unixPaths: "an AF_UNIX socket's addresses are paths: it has no ports",
  acceptBlocks:
    "accept blocks: no connection is waiting in the listen queue of socket {fd}",
  recvBlocks:
    "{call} blocks: nothing has arrived yet on socket {fd}; it returns when data or the end comes",
  recvShort:
    "recv returned {n} of {asked} bytes: a stream keeps no message boundaries, recv returns what has arrived",
  recvZero:
    "recv returned 0: the peer closed its end (FIN): this is the end of the stream",
  sendAfterPeerClosed:
    "send succeeded although the peer had closed: the data left, and the peer's system answers it with RST",
  sendEpipe:
    "send failed with EPIPE: an earlier send's data got an RST back, so the connection is gone (C also gets SIGPIPE)",
  resetByPeer:
    "ECONNRESET: the peer's system reset the connection (RST): data sent to a socket that was closed",
  connectRefused:
    "connect failed with ECONNREFUSED: nobody listens on {addr}, so its system answered the SYN with RST",
  addrInUse: "bind failed with EADDRINUSE: another socket already holds {addr}",
  datagramTruncated:
    "the datagram was {size} bytes but only {asked} were asked for: a datagram is read in one piece, the rest is lost",
  notConnected:
    "{call} failed with ENOTCONN: socket {fd} has no connection yet (connect, or accept on a listening socket)",
  explainOn:
    "explain on: after each call, the socket's 5-tuple {protocol, local port, local address, remote port, remote address}",
  explainOff: "explain off",

  // diagram
  diagramEmpty:
    "nothing to draw yet: make some calls first (socket, connect, send...)",
  diagramLeftOut:
    "{count} earlier events left out: the log keeps the last {kept}",
  diagramLanesLeftOut:
    "{count} more endpoints left out: only the {kept} of the latest events are drawn",
  diagramReset: "diagram reset: the session log is empty",
  diagramWritten: "diagram written to {file}",
  diagramTitle: "sockshell session: {events} events",
  transcriptTitle: "Transcript",
  laneSocket: "socket {fd}",
  lanePeer: "peer",
  laneUnbound: "(no address)",
  evSocket: "socket() = {fd}",
  evBind: "bind {addr}",
  evListen: "listen: waits for connections",
  evConnect: "connect to {addr}",
  evConnectUdp: "connect: default peer {addr}",
  evAccept: "accept() = {fd}",
  evAcceptWaited: "accept() = {fd}, after waiting",
  evSend: "send {n} bytes {preview}",
  evRecv: "recv {n} bytes {preview}",
  evRecvWaited: "recv waited, then {n} bytes {preview}",
  evRecvZero: "recv() = 0: end of stream",
  evSendto: "sendto {n} bytes {preview} to {addr}",
  evRecvfrom: "recvfrom {n} bytes {preview} from {addr}",
  evRecvfromPeer: "{call} {n} bytes {preview}",
  evClose: "close()",
  evCloseAtExit: "closed at the program's exit",
  evShutdown: "shutdown({how})",
  evFailed: "{call}() = -1 {errno}",
  evOther: "{call}()",
  arrowBytes: "{n} bytes",
  arrowDatagram: "{n} bytes",
} as const;

/** The key of a template. */
export type TeachKey = keyof typeof teachMessages;

/**
 * Fill a template's `{name}` placeholders; one that has no value stays as written.
 *
 * @example
 * ```ts
 * console.log(fill("recv returned {n} of {asked} bytes", { n: 3, asked: 255 }));
 * // "recv returned 3 of 255 bytes"
 * ```
 */
export function fill(
  template: string,
  values: Record<string, string | number> = {},
): string {
  return template.replace(
    /\{(\w+)\}/g,
    (all, name: string) =>
      Object.hasOwn(values, name) ? String(values[name]) : all,
  );
}

/** A template of {@link teachMessages}, filled. */
export function say(
  key: TeachKey,
  values?: Record<string, string | number>,
): string {
  return fill(teachMessages[key], values);
}
