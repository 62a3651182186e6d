/**
 * bind() alone on TCP, read from the kernel's socket table: its listeners, and
 * which of them a bind collides with, as Linux decides.
 */
import assert from "node:assert/strict";
import { bindClash, tableListeners } from "../lib/net/tcp_bind.ts";

const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** An address as /proc/net/tcp prints it: 32-bit words in the machine's order. */
function kernelHex(bytes: number[]): string {
  let out = "";
  for (let w = 0; w < bytes.length; w += 4) {
    const word = bytes.slice(w, w + 4);
    for (const b of LITTLE ? word.reverse() : word) {
      out += b.toString(16).padStart(2, "0").toUpperCase();
    }
  }
  return out;
}

function row(addr: number[], port: number, state: string): string {
  const hex = port.toString(16).padStart(4, "0").toUpperCase();
  return `   0: ${
    kernelHex(addr)
  }:${hex} 00000000:0000 ${state} 00000000:00000000 00:00000000 00000000  1000        0 1 1 0000000000000000 100 0 0 10 0`;
}

const HEADER =
  "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
const V4_ANY = [0, 0, 0, 0];
const V4_LO = [127, 0, 0, 1];
const V6_ANY = new Array(16).fill(0);
const V6_LO = [...new Array(15).fill(0), 1];
const MAPPED_LO = [...new Array(10).fill(0), 0xff, 0xff, 127, 0, 0, 1];

Deno.test("tableListeners reads the listening sockets of /proc/net/tcp and tcp6, and only them", () => {
  const v4 = HEADER + row(V4_LO, 8080, "0A") + "\n" +
    row(V4_ANY, 4950, "01") + "\n" + row(V4_ANY, 22, "0A") + "\n";
  assert.deepEqual(
    tableListeners(v4).map((l) => [[...l.addr].join("."), l.port]),
    [["127.0.0.1", 8080], ["0.0.0.0", 22]],
  );
  const v6 = HEADER + row(V6_LO, 9034, "0A") + "\n" + row(MAPPED_LO, 80, "0A");
  assert.deepEqual(tableListeners(v6).map((l) => [[...l.addr], l.port]), [
    [V6_LO, 9034],
    [MAPPED_LO, 80],
  ]);
  assert.deepEqual(tableListeners(""), []);
  assert.deepEqual(tableListeners("garbage\n   0: zz:1 00:0 0A\n"), []);
});

Deno.test("bindClash decides as Linux does: the same port on the same address or a wildcard, across families where IPv6 is dual-stack", () => {
  const l = (addr: number[], port: number) => ({
    addr: new Uint8Array(addr),
    port,
  });
  const at = (host: string, port = 4950) => ({ host, port });
  const cases: [string, boolean, ReturnType<typeof l>[], string][] = [
    ["127.0.0.1", false, [], "free"],
    ["127.0.0.1", false, [l(V4_LO, 4951)], "free"], // another port
    ["127.0.0.1", false, [l(V4_LO, 4950)], "taken"],
    ["127.0.0.2", false, [l(V4_LO, 4950)], "free"], // another address
    ["0.0.0.0", false, [l(V4_LO, 4950)], "taken"], // my wildcard covers it
    ["127.0.0.1", false, [l(V4_ANY, 4950)], "taken"], // its wildcard covers me
    ["127.0.0.1", false, [l(MAPPED_LO, 4950)], "taken"], // ::ffff:127.0.0.1
    ["127.0.0.2", false, [l(MAPPED_LO, 4950)], "free"],
    ["127.0.0.1", false, [l(V6_LO, 4950)], "free"], // ::1 is not 127.0.0.1
    ["127.0.0.1", false, [l(V6_ANY, 4950)], "unknown"], // its IPV6_V6ONLY decides
    ["::1", false, [l(V6_LO, 4950)], "taken"],
    ["::", false, [l(V4_LO, 4950)], "taken"], // dual-stack: mine takes IPv4 too
    ["::", true, [l(V4_LO, 4950)], "free"], // IPV6_V6ONLY: it does not
    ["::1", false, [l(V4_ANY, 4950)], "free"],
    ["::ffff:127.0.0.1", false, [l(V4_LO, 4950)], "taken"],
    ["fe80::1%lo", false, [l(V6_ANY, 4950)], "taken"],
  ];
  for (const [host, v6only, listeners, want] of cases) {
    assert.equal(
      bindClash(at(host), v6only, listeners),
      want,
      `${host}${v6only ? " (v6only)" : ""}`,
    );
  }
});
