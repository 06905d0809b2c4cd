// The app's database, opened once per process. The embedded one is migrated and seeded on first open.
import "server-only";
import { openPglite, openPostgres, type DbHandle } from "../db/client";
import { seedPending } from "../db/seed/steps";
import { readAuthEnv, readEnv } from "../lib/env";

declare global {
  // Kept on globalThis so module reloads in development do not open the folder twice.
  var __wifiAtlasDb: Promise<DbHandle> | undefined;
}
const holder = globalThis;

async function open(): Promise<DbHandle> {
  const env = readEnv();
  if (env.databaseUrl) return openPostgres(env.databaseUrl);
  // A new folder starts as the install's migrated and seeded copy when there is one for this code, with
  // the demo logins exactly when the environment asks for them.
  const handle = await openPglite(env.pgliteDir, { appTemplate: readAuthEnv().demoUsers ? "demo" : "plain" });
  try {
    await handle.migrate();
    // The seed (the importer, the CSV parser, Jinju's files) is loaded only when a step of it has not
    // run yet; a server restarting on a seeded folder, or on Postgres, never loads it.
    if (await seedPending(handle.db)) {
      const { seed } = await import("../db/seed");
      await seed(handle.db);
    } else {
      const { seedUsers } = await import("../db/seed/users");
      await seedUsers(handle.db);
    }
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}

/** The shared handle; kept on globalThis so module reloads in development do not open the folder twice. */
export function getDb(): Promise<DbHandle> {
  holder.__wifiAtlasDb ??= open().catch((err: unknown) => {
    holder.__wifiAtlasDb = undefined;
    throw err;
  });
  return holder.__wifiAtlasDb;
}

/** Lets integration tests run the app's use cases and handlers against a database they made. */
export function useDbHandle(handle: DbHandle | undefined): void {
  holder.__wifiAtlasDb = handle ? Promise.resolve(handle) : undefined;
}

export type { Db, DbHandle, Engine } from "../db/client";
