// Fresh, seeded databases for integration tests: a PGlite copy of a template, or a new Postgres database.
import fs from "node:fs";
import postgres from "postgres";
import { openMemoryPglite, openPostgres, type DbHandle } from "../client";
import { seed } from "../seed";

export type TestEngine = "pglite" | "postgres";

export function testEngine(): TestEngine {
  return process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
}

export function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must point at a Postgres server for the postgres integration tests");
  return url;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `sql` on the server's maintenance connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminSql(statement: string): Promise<void> {
  const admin = postgres(serverUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Builds the template both engines copy per test file: migrated and seeded. */
export async function buildTemplate(engine: TestEngine, target: string): Promise<void> {
  if (engine === "pglite") {
    const handle = await openMemoryPglite();
    await handle.migrate();
    await seed(handle.db);
    const dump = await handle.dumpDataDir!();
    fs.writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
    await handle.close();
    return;
  }
  await adminSql(`drop database if exists "${target}"`);
  await adminSql(`create database "${target}"`);
  const handle = openPostgres(withDatabase(serverUrl(), target), { max: 1 });
  await handle.migrate();
  await seed(handle.db);
  // Connections to a template block CREATE DATABASE ... TEMPLATE: close before copying.
  await handle.close();
}

export async function openFromTemplate(engine: TestEngine, template: string, name: string): Promise<DbHandle & { drop: () => Promise<void> }> {
  if (engine === "pglite") {
    const handle = await openMemoryPglite({ loadDataDir: new Blob([fs.readFileSync(template)]) });
    return { ...handle, drop: async () => {} };
  }
  await adminSql(`create database "${name}" template "${template}"`);
  const handle = openPostgres(withDatabase(serverUrl(), name), { max: 4 });
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await adminSql(`drop database if exists "${name}"`);
    },
  };
}
