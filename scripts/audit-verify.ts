/**
 * `npm run audit:verify`: checks the audit trail's hash chain (docs/decisions/024-audit-hash-chain.md)
 * and names the first row where it breaks; exits 1 when it does. With the embedded database, stop
 * the portal first (one process at a time); the admin's audit page shows the same check.
 */
import "./server-only";
import path from "node:path";

const { env, dataDir } = await import("../server/env").catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
const { openDatabase } = await import("../db/client");
const { chainBreakWords, verifyAuditChain } = await import("../server/services/audit-chain");

const database = openDatabase(
  env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.join(dataDir(), "pglite") },
);
let broken = false;
try {
  await database.migrate();
  const { rows, firstBreak } = await verifyAuditChain(database.db);
  if (!firstBreak) {
    console.log(`The audit trail is intact: ${rows} rows, each chained to the one before.`);
  } else {
    broken = true;
    console.error(
      `The audit trail is broken at row ${firstBreak.seq ?? "(outside the chain)"} (id ${firstBreak.id}, ${firstBreak.at}): ${chainBreakWords[firstBreak.reason]}.`,
    );
  }
} finally {
  await database.close();
}
process.exit(broken ? 1 : 0);
