// postgres.js 3.4.9 (the newest release) throws from a timer when a connection closes with a
// small write still buffered: `socket.write` on a null socket, an uncaught exception that ends
// the process, and the buffered write left behind stops every later connection on that slot
// from starting (porsager/postgres#1154, #1208; fixes proposed in #1168, #1209, not released).
// Our fault test (server/services/outage.fault.test.ts) crashes PostgreSQL and meets it. Until a
// release fixes it, `npm install` / `npm ci` apply the guard of #1209 here: a write after the
// close settles its queries with CONNECTION_CLOSED, and a close drops the buffered write.
// A second guard: a connection that closes while it fetches the array types (the first query of
// every new connection) left that promise rejected with no handler, an unhandled rejection that
// ends the process (seen in the fault test). The close already settles the queued queries, and
// the next connection fetches the types again, so the rejection is caught and dropped.
// Idempotent (each edit is skipped once made); stops the install if the driver's code is not the
// one this was written for.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "postgres");
const MARK = "/* guarded by scripts/patch-postgres.mjs */";
const edits = [
  [
    "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)",
    `  function nextWrite(fn) {\n    ${MARK}\n    if (!socket) {\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
    1,
  ],
  [
    "\n    clearImmediate(nextWriteTimer)\n",
    "\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n",
    2,
  ],
  [
    "        return fetchArrayTypes()\n",
    "        return fetchArrayTypes().catch(() => {}) /* guarded by scripts/patch-postgres.mjs */\n",
    1,
  ],
];

for (const build of ["src", "cjs/src", "cf/src"]) {
  const file = join(root, build, "connection.js");
  if (!existsSync(file)) continue;
  let code = readFileSync(file, "utf8");
  for (const [from, to, times] of edits) {
    if (code.includes(to)) continue;
    const found = code.split(from).length - 1;
    if (found !== times) {
      throw new Error(
        `patch-postgres: ${file} is not postgres.js 3.4.9 as expected (${found} of ${times} places); check whether the release fixes porsager/postgres#1208 and remove this script`,
      );
    }
    code = code.replaceAll(from, to);
  }
  writeFileSync(file, code);
}
