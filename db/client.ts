import "server-only";
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

/** Both drivers are typed as the postgres.js database; their query APIs are the same. */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type RawClient =
  | { driver: "postgres"; sql: postgres.Sql; release(): void }
  | { driver: "pglite"; pg: PGlite; release(): void };

export type Database = {
  db: Db;
  raw: RawClient;
  driver: RawClient["driver"];
  /** Applies the migrations of `folder` (default: db/migrations) not yet applied. */
  migrate(folder?: string): Promise<void>;
  close(): Promise<void>;
};

export class DatabaseLockedError extends Error {}

const migrationsFolder = () => path.join(process.cwd(), "db", "migrations");

const options = { schema, casing: "snake_case" as const };

function wrap(raw: RawClient): Database {
  if (raw.driver === "postgres") {
    const db = drizzlePostgres(raw.sql, options);
    return {
      db,
      raw,
      driver: "postgres",
      migrate: (folder = migrationsFolder()) => migratePostgres(db, { migrationsFolder: folder }),
      close: async () => {
        await raw.sql.end({ timeout: 5 });
        raw.release();
      },
    };
  }
  const db = drizzlePglite(raw.pg, options);
  return {
    db: db as unknown as Db,
    raw,
    driver: "pglite",
    migrate: (folder = migrationsFolder()) => migratePglite(db, { migrationsFolder: folder }),
    close: async () => {
      if (!raw.pg.closed) await raw.pg.close();
      raw.release();
    },
  };
}

function openRaw(opts: { url?: string; dataDir?: string; poolSize?: number }): RawClient {
  if (opts.url) {
    const sql = postgres(opts.url, {
      max: opts.poolSize ?? 10,
      onnotice: () => {},
      // Recover quickly from an outage: the default back-off grows to 20 s and is shared by the
      // pool, so queries kept failing long after the server was back (STACK-NOTES).
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
      connect_timeout: 5,
      idle_timeout: 20,
    });
    return { driver: "postgres", sql, release: () => {} };
  }
  if (!opts.dataDir) return { driver: "pglite", pg: new PGlite(), release: () => {} };
  const release = lockDataDir(opts.dataDir);
  try {
    return { driver: "pglite", pg: new PGlite(opts.dataDir), release };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Opens a database: PostgreSQL when `url` is given, PGlite under `dataDir` otherwise,
 * or an in-memory PGlite when neither is given (tests).
 */
export function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  poolSize?: number;
}): Database {
  return wrap(openRaw(opts));
}

/**
 * PGlite has no lock of its own: a second process on the same directory would silently lose
 * writes. A lock file holding the owner's pid makes the second process fail loudly instead.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "portal.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, "utf8") === String(process.pid)) unlinkSync(file);
        } catch {}
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(file, "utf8"), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseLockedError(
          `The embedded database in ${dataDir} is already in use by another process (pid ${holder}). Stop that process first, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      unlinkSync(file); // stale lock left by a process that is gone
    }
  }
  throw new DatabaseLockedError(`Could not lock the embedded database in ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The app's database, one per process. The raw client lives on globalThis so that every copy
 * of this module (the start script, the Next.js server bundle) shares one connection pool or one
 * PGlite; each copy wraps it with its own drizzle instance.
 */
const globalForDb = globalThis as unknown as { __portalRawClient?: RawClient };
let appDb: Db | undefined;

export function setAppDatabase(database: Database): void {
  globalForDb.__portalRawClient = database.raw;
  appDb = undefined;
}

export function getAppDb(): Db {
  if (appDb) return appDb;
  const raw = globalForDb.__portalRawClient;
  if (!raw) throw new Error("The database is not open: start the app with `npm start`.");
  appDb =
    raw.driver === "postgres"
      ? drizzlePostgres(raw.sql, options)
      : (drizzlePglite(raw.pg, options) as unknown as Db);
  return appDb;
}

/** The rows of a raw `db.execute`: postgres.js answers an array, PGlite `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
