/**
 * The registry: every command, by name. Help, completion and "did you mean"
 * are generated from it.
 *
 * @module
 */

import type { CommandSpec } from "../lib/shell/command.ts";
import { acceptCommand } from "./accept.ts";
import { bindCommand } from "./bind.ts";
import { closeCommand } from "./close.ts";
import { connectCommand } from "./connect.ts";
import { exitCommand } from "./exit.ts";
import { gethostbynameCommand } from "./gethostbyname.ts";
import { getaddrinfoCommand } from "./getaddrinfo.ts";
import { getnameinfoCommand } from "./getnameinfo.ts";
import { helpCommand } from "./help.ts";
import { listenCommand } from "./listen.ts";
import { lsCommand } from "./ls.ts";
import { recvCommand } from "./recv.ts";
import { recvFromCommand } from "./recv_from.ts";
import { sendCommand } from "./send.ts";
import { sendToCommand } from "./send_to.ts";
import { shutdownCommand } from "./shutdown.ts";
import { socketCommand } from "./socket.ts";
import { starttlsCommand } from "./starttls.ts";
import { useCommand } from "./use.ts";
import { setCommand } from "./set.ts";
import { letCommand } from "./let.ts";
import { printCommand } from "./print.ts";
import { readCommand } from "./read.ts";
import { expectCommand } from "./expect.ts";
import { traceCommand } from "./trace.ts";
import { viewCommand } from "./view.ts";
import { talkCommand } from "./talk.ts";
import { runCommand } from "./run.ts";
import { recordCommand } from "./record.ts";
import { setsockoptCommand } from "./setsockopt.ts";
import { getsockoptCommand } from "./getsockopt.ts";
import { getsocknameCommand } from "./getsockname.ts";
import { getpeernameCommand } from "./getpeername.ts";
import { pollCommand } from "./poll.ts";
import { selectCommand } from "./select.ts";
import { fcntlCommand } from "./fcntl.ts";
import { checkCommand } from "./check.ts";
import { spawnCommand } from "./spawn.ts";
import { waitCommand } from "./wait.ts";
import { inputCommand } from "./input.ts";
import { outputCommand } from "./output.ts";
import { sleepCommand } from "./sleep.ts";
import { hintCommand } from "./hint.ts";
import { explainCommand } from "./explain.ts";
import { diagramCommand } from "./diagram.ts";

/** Every built-in command, in the order `help` lists them (the order of a session). */
export const builtInCommands: Readonly<Record<string, CommandSpec>> = Object
  .fromEntries(
    [
      socketCommand,
      bindCommand,
      listenCommand,
      acceptCommand,
      connectCommand,
      starttlsCommand,
      sendCommand,
      recvCommand,
      talkCommand,
      sendToCommand,
      recvFromCommand,
      pollCommand,
      selectCommand,
      fcntlCommand,
      shutdownCommand,
      closeCommand,
      setsockoptCommand,
      getsockoptCommand,
      getsocknameCommand,
      getpeernameCommand,
      gethostbynameCommand,
      getaddrinfoCommand,
      getnameinfoCommand,
      lsCommand,
      useCommand,
      runCommand,
      checkCommand,
      spawnCommand,
      waitCommand,
      inputCommand,
      outputCommand,
      sleepCommand,
      hintCommand,
      recordCommand,
      setCommand,
      letCommand,
      printCommand,
      readCommand,
      expectCommand,
      traceCommand,
      explainCommand,
      diagramCommand,
      viewCommand,
      helpCommand,
      exitCommand,
    ].map((c) => [c.name, c]),
  );
