import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Database, type Db, openDatabase } from "@/db/client";

export type TestDatabase = {
  db: Db;
  driver: "pglite" | "postgres";
  /** The raw client too, for the job queue (server/jobs/queue.ts). */
  database: Database;
  close(): Promise<void>;
};

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or (TEST_DB=postgres) a new
 * database on the server at TEST_DATABASE_URL, dropped again by close(). `migrationsFolder`: migrate
 * only that far (a copy of db/migrations with fewer journal entries), to test a later migration.
 */
export async function createTestDatabase(
  options: { migrationsFolder?: string } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (process.env.TEST_DB !== "postgres" || !serverUrl) {
    const database = openDatabase({});
    await database.migrate(options.migrationsFolder);
    return { db: database.db, driver: "pglite", database, close: database.close };
  }
  const name = `portal_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ url: url.toString(), poolSize: 5 });
  await database.migrate(options.migrationsFolder);
  return {
    db: database.db,
    driver: "postgres",
    database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
