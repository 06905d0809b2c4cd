// Opens the database: PGlite in a folder this process owns, or a Postgres server when DATABASE_URL is set.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { acquireDataDirLock } from "../lib/data-dir-lock";
import { copyAppTemplate, readTemplate, type AppTemplate } from "./pglite-template";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = "pglite" | "postgres";
/** A transaction handed to `db.transaction`'s callback. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Where a query runs: the database, or a transaction in progress. */
export type Conn = Db | Tx;

/** The rows of `db.execute`: postgres.js answers an array of them, PGlite `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export type DbHandle = {
  db: Db;
  engine: Engine;
  /** Applies the migrations of a folder (the app's own unless named). */
  migrate: (folder?: string) => Promise<void>;
  close: () => Promise<void>;
  /** PGlite only: the whole data folder as a tarball, to start other instances from. */
  dumpDataDir?: () => Promise<Blob>;
};

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "db/migrations");

/**
 * Opens PGlite in `dataDir`, taking the folder lock first. `loadDataDir` starts from a dumped template;
 * without one, a folder that holds no cluster yet starts from the install's empty cluster when there is one,
 * or, with `appTemplate` (the app's own folder), as a copy of the install's migrated and seeded app
 * database when there is one for this code.
 */
export async function openPglite(dataDir: string, opts: { loadDataDir?: Blob | File; appTemplate?: AppTemplate } = {}): Promise<DbHandle> {
  const release = acquireDataDirLock(dataDir);
  try {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    const copied = () => opts.appTemplate !== undefined && !opts.loadDataDir && copyAppTemplate(dataDir, opts.appTemplate);
    const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION")) && !copied();
    const loadDataDir = opts.loadDataDir ?? (fresh ? readTemplate() : undefined);
    const client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
    const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
    return {
      db,
      engine: "pglite",
      migrate: (folder = MIGRATIONS_DIR) => migratePglite(db as never, { migrationsFolder: folder }),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** An in-memory PGlite (tests and templates): no folder, no lock. */
export async function openMemoryPglite(opts: { loadDataDir?: Blob | File } = {}): Promise<DbHandle> {
  const client = await PGlite.create(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    migrate: (folder = MIGRATIONS_DIR) => migratePglite(db as never, { migrationsFolder: folder }),
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir("gzip"),
  };
}

export function openPostgres(url: string, opts: { max?: number } = {}): DbHandle {
  const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    engine: "postgres",
    migrate: (folder = MIGRATIONS_DIR) => migratePostgres(db as never, { migrationsFolder: folder }),
    close: () => client.end({ timeout: 5 }),
  };
}
