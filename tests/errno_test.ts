/** `toSocketError`: what a runtime threw, as the errno a C call would have set. */
import assert from "node:assert/strict";
import { toSocketError } from "../lib/net/errno.ts";

const coded = (code: string, message = "") =>
  Object.assign(new Error(message), { code });

Deno.test("an errno name stays itself; Node's own ERR_ codes are never taken for one", () => {
  const seen = Object.fromEntries(
    [
      coded("ECONNRESET"),
      coded("EADDRINUSE", "listen EADDRINUSE"),
      coded("ERR_STREAM_WRITE_AFTER_END", "write after end"),
      coded("ERR_SOCKET_DGRAM_NOT_RUNNING", "Not running"),
      coded(
        "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED",
        "tlsv13 alert certificate required",
      ),
      coded("ERR_INVALID_ARG_TYPE", "The argument must be a string"),
    ].map((e) => [e.code, toSocketError(e).errno]),
  );
  assert.deepEqual(seen, {
    ECONNRESET: "ECONNRESET",
    EADDRINUSE: "EADDRINUSE",
    ERR_STREAM_WRITE_AFTER_END: "EPIPE",
    ERR_SOCKET_DGRAM_NOT_RUNNING: "EBADF",
    ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: "SSL_ERROR_SSL",
    // No errno for a wrong argument's own code: EINVAL, with Node's words as the detail.
    ERR_INVALID_ARG_TYPE: "EINVAL",
  });
  assert.equal(
    toSocketError(
      coded("ERR_INVALID_ARG_TYPE", "The argument must be a string"),
    )
      .detail,
    "The argument must be a string",
  );
  assert.equal(
    toSocketError(new Error("Connection refused (os error 111)")).errno,
    "ECONNREFUSED",
  );
});
