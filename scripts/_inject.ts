/**
 * `deno run scripts/_inject.ts EXECUTABLE BLOB`: postject's injection of a
 * Node single-executable blob, in a process of its own because postject's
 * LIEF prints harmless warnings by the dozen that the build keeps out of sight.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { inject } from "postject";

/** Node's single-executable fuse: postject flips it so Node runs the blob. */
export const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

if (import.meta.main) {
  const [executable, blob] = Deno.args;
  if (!executable || !blob) {
    console.error("usage: _inject.ts EXECUTABLE BLOB");
    Deno.exit(2);
  }
  // postject checks for a Node Buffer, not any Uint8Array.
  await inject(
    executable,
    "NODE_SEA_BLOB",
    Buffer.from(Deno.readFileSync(blob)),
    {
      sentinelFuse: SEA_FUSE,
    },
  );
}
