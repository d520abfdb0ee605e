/**
 * `npm run rotate-key`: moves every secret stored at rest to a new key
 * (docs/decisions/023-secrets-at-rest.md). With the embedded default it adds a new key to
 * DATA_DIR/data-encryption-key (the older ones stay, to read anything not yet moved); with
 * DATA_ENCRYPTION_KEY it re-encrypts under the first key listed there (put the new one first, keep
 * the old one after it until this has run). Resumable: run it again after an interruption. With the
 * embedded database, stop the portal first (one process at a time).
 */
import "./server-only";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const { env, dataDir, dataKeyFile, dataKeyring, reloadDataKeyring } = await import(
  "../server/env"
).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
const { newKeyEntry } = await import("../server/crypto/secrets");
const { openDatabase } = await import("../db/client");
const { reencryptSecrets } = await import("../server/services/secrets");

if (!env.DATA_ENCRYPTION_KEY) {
  const file = dataKeyFile();
  const before = (() => {
    try {
      dataKeyring();
      return readFileSync(file, "utf8");
    } catch {
      return "";
    }
  })();
  writeFileSync(file, `${newKeyEntry()}\n${before}`, { mode: 0o600 });
  reloadDataKeyring();
  console.log(`Added a new key to ${file}.`);
}
const ring = dataKeyring();
const database = openDatabase(
  env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.join(dataDir(), "pglite") },
);
try {
  await database.migrate();
  const moved = await reencryptSecrets(database.db, ring);
  console.log(`Re-encrypted ${moved} secret(s) under key "${ring.current}".`);
} finally {
  await database.close();
}
