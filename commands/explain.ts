import { quoteText } from "../lib/shell/format.ts";
import { arity, type CommandSpec } from "../lib/shell/command.ts";
import { UsageError } from "../lib/shell/errors.ts";
import { say } from "../lib/teach/messages.ts";

/** `explain`: after each call, the socket's 5-tuple as the handout writes it, and why. */
export const explainCommand: CommandSpec = {
  name: "explain",
  kind: "shell",
  usage: "explain [on|off]",
  summary:
    "Show the socket's 5-tuple after each call, as the handout writes it, and why (on or off)",
  c: "(no call: the handout's {protocole, port local, adresse locale, port éloigné, adresse éloignée})",
  deno: "none",
  example: "explain on",
  complete: ["on", "off"],
  details: [
    "After socket, bind, listen, connect and accept (and any call that changes it, as a first sendto),",
    "the 5-tuple {protocol, local port, local address, remote port, remote address}, '-' where",
    "nothing is filled in yet, with ^ under what the call filled in: socket tcp gives {tcp, -, -, -, -},",
    "bind 4950 gives {tcp, 4950, 0.0.0.0, -, -}. accept shows the NEW socket's whole 5-tuple.",
    "AF_UNIX sockets have paths, no ports: {unix, local path, remote path}.",
    "And a sentence of why when it matters: why accept or recv blocks, why recv returned fewer",
    "bytes than asked, or 0, why a send after the peer closed succeeded and the next failed with EPIPE,",
    "ECONNREFUSED, EADDRINUSE, a datagram cut short. sockshell --explain starts with it on.",
    "It shows even where calls are not traced (trace off, -q, a replay): each sentence names its call.",
  ],
  run(ctx) {
    arity(ctx.args, 0, 1, this.usage);
    const teach = ctx.shell.teach;
    const v = ctx.args[0]?.text;
    if (v !== undefined && v !== "on" && v !== "off") {
      throw new UsageError(`explain takes on or off, not ${quoteText(v)}`);
    }
    if (teach && v !== undefined) teach.explain = v === "on";
    ctx.io.out(say(teach?.explain ? "explainOn" : "explainOff") + "\n");
    return Promise.resolve({ code: 0 });
  },
};
