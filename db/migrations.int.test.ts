import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, openMemoryPglite, openPostgres, type DbHandle } from "./client";
import { adminSql, serverUrl, testEngine, withDatabase } from "./testing/engines";

async function emptyDatabase(): Promise<DbHandle & { drop: () => Promise<void> }> {
  if (testEngine() === "pglite") {
    const handle = await openMemoryPglite();
    return { ...handle, drop: () => handle.close() };
  }
  const name = `wifi_atlas_mig_${process.pid}_${Date.now()}`;
  await adminSql(`create database "${name}"`);
  const handle = openPostgres(withDatabase(serverUrl(), name), { max: 1 });
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await adminSql(`drop database if exists "${name}"`);
    },
  };
}

describe(`migrations on ${testEngine()}`, () => {
  it("apply to an empty database, create every table, and are a no-op the second time", async () => {
    const handle = await emptyDatabase();
    try {
      await handle.migrate();
      await handle.migrate();
      const { rows } = await rawRows(handle, "select table_name from information_schema.tables where table_schema = 'public' order by 1");
      expect(rows.map((r) => r.table_name)).toEqual([
        "access_points",
        "accounts",
        "ap_cell_levels",
        "ap_cells",
        "audit_entries",
        "bus_batches",
        "bus_operators",
        "bus_routes",
        "buses",
        "memberships",
        "municipalities",
        "partners",
        "plan_years",
        "planning_settings",
        "points_of_interest",
        "program_partner_roles",
        "programs",
        "rate_limits",
        "seed_steps",
        "sessions",
        "sign_in_failures",
        "sites",
        "users",
        "verifications",
        "work_items",
      ]);
      const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
      const applied = await rawRows(handle, "select count(*)::int as n from drizzle.__drizzle_migrations");
      expect(applied.rows[0]!.n).toBe(journal.entries.length);
    } finally {
      await handle.drop();
    }
  });

  it("index the coordinates so bounding-box queries can use them", async () => {
    const handle = await emptyDatabase();
    try {
      await handle.migrate();
      const { rows } = await rawRows(handle, "select indexname from pg_indexes where indexdef like '%(lat, lng)%' order by 1");
      expect(rows.map((r) => r.indexname)).toEqual(["access_points_lat_lng_idx", "poi_lat_lng_idx", "sites_lat_lng_idx"]);
    } finally {
      await handle.drop();
    }
  });
});

/** db.execute answers an array on postgres.js and `{ rows }` on PGlite: normalise. */
async function rawRows(handle: DbHandle, text: string): Promise<{ rows: Record<string, unknown>[] }> {
  const { sql } = await import("drizzle-orm");
  const result = (await handle.db.execute(sql.raw(text))) as unknown;
  return { rows: (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[] };
}
