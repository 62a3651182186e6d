/**
 * /etc/services, read as getaddrinfo(3) and getnameinfo(3) read it: service
 * names and their aliases to ports, per protocol.
 *
 * @module
 */

/** One protocol's view of /etc/services. */
export interface Services {
  /** Port of a name or alias, by protocol ("tcp", "udp"). */
  port(name: string, proto: "tcp" | "udp"): number | undefined;
  /** First name listed for a port, by protocol. */
  name(port: number, proto: "tcp" | "udp"): string | undefined;
}

/** The file the C library reads. */
export const SERVICES_FILE = "/etc/services";

/**
 * Parse the text of /etc/services: `name port/proto [aliases...] [# comment]`.
 *
 * @example
 * ```ts
 * const s = parseServices("http 80/tcp www\n");
 * console.log(s.port("www", "tcp"), s.name(80, "tcp")); // 80 "http"
 * ```
 */
export function parseServices(text: string): Services {
  const byName = new Map<string, number>();
  const byPort = new Map<string, string>();
  for (const raw of text.split("\n")) {
    const words = raw.replace(/#.*/, "").trim().split(/\s+/);
    const m = /^(\d+)\/(\w+)$/.exec(words[1] ?? "");
    if (!m || !words[0]) continue;
    const port = Number(m[1]);
    const proto = m[2]!;
    // The first line for a name or a port wins, as the C library's linear scan finds it.
    for (const name of [words[0], ...words.slice(2)]) {
      if (!byName.has(`${name}/${proto}`)) byName.set(`${name}/${proto}`, port);
    }
    if (!byPort.has(`${port}/${proto}`)) {
      byPort.set(`${port}/${proto}`, words[0]);
    }
  }
  return {
    port: (name, proto) => byName.get(`${name}/${proto}`),
    name: (port, proto) => byPort.get(`${port}/${proto}`),
  };
}
