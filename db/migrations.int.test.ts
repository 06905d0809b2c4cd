import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, openMemoryPglite, openPostgres, rowsOf, type DbHandle } from "./client";
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
        "ap_tallies",
        "audit_entries",
        "bus_batches",
        "bus_operators",
        "bus_routes",
        "buses",
        "dongs",
        "import_findings",
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
        "site_tallies",
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

  it("moves an old funding amount onto the work it paid for, so a zone's cost is counted once", async () => {
    const handle = await emptyDatabase();
    // The migrations before who-pays was said on the work.
    const before = migrationsBefore("0012");
    try {
      await handle.migrate(before);
      for (const statement of [
        "insert into municipalities (id, code, name_ko, province_ko) values (1, '48170', '진주시', '경상남도')",
        "insert into programs (id, municipality_id, name_ko, start_year, end_year, provenance) values (1, 1, '사업', 2019, 2021, 'manual')",
        "insert into partners (id, name_ko, kind) values (1, 'KT', 'telecom'), (2, '서경방송', 'cable_operator'), (3, '진주시', 'city')",
        `insert into sites (id, municipality_id, program_id, name, category, status, plan_year, lat, lng, provenance)
           values (1, 1, 1, '구역', 'park', 'active', 2019, 35.18, 128.1, 'manual')`,
        `insert into work_items (program_id, plan_year, partner_id, kind, site_id, status, planned_cost_krw, provenance) values
           (1, 2019, 1, 'equipment_purchase', 1, 'done', 3200000, 'manual'),
           (1, 2019, 2, 'line_construction', 1, 'done', 1600000, 'manual'),
           (1, 2019, 3, 'funding', 1, 'done', 4800000, 'manual'),
           (1, 2020, 1, 'installation', null, 'done', 500000, 'manual')`,
      ])
        await rawRows(handle, statement);
      await rawRows(handle, "select setval('municipalities_id_seq', 1)");
      await handle.migrate();
      const { rows } = await rawRows(
        handle,
        "select plan_year, partner_id, kind, planned_cost_krw::float8 as planned, paid_by_partner_id as paid_by from work_items order by plan_year, partner_id",
      );
      expect(rows.map((r) => [r.plan_year, r.partner_id, r.kind, r.planned, r.paid_by])).toEqual([
        // The city's ₩4,800,000 was the partners' work counted again: the work keeps its cost and says the city pays.
        [2019, 1, "equipment_purchase", 3_200_000, 3],
        [2019, 2, "line_construction", 1_600_000, 3],
        [2019, 3, "funding", null, null],
        // Work in a scope nobody funds is paid by the partner doing it.
        [2020, 1, "installation", 500_000, null],
      ]);
      // From now on the database refuses an amount on a funding item.
      await expect(rawRows(handle, "update work_items set planned_cost_krw = 1 where kind = 'funding'")).rejects.toThrow();
    } finally {
      fs.rmSync(before, { recursive: true, force: true });
      await handle.drop();
    }
  });

  it("loads the municipality directory, giving existing municipalities their codes without losing a record", async () => {
    const handle = await emptyDatabase();
    const before = migrationsBefore("0013");
    try {
      await handle.migrate(before);
      // Jinju as the seed made it, and a municipality an older import made, written with a space and no code.
      for (const statement of [
        "insert into municipalities (code, name_ko, name_en, province_ko) values ('48170', '진주시', 'Jinju-si', '경상남도')",
        "insert into municipalities (name_ko, province_ko) values ('수원시 장안구', '경기도')",
        `insert into sites (municipality_id, name, category, status, provenance)
           select id, '장안 시험 구역', 'park', 'active', 'import' from municipalities where name_ko = '수원시 장안구'`,
      ])
        await rawRows(handle, statement);
      await handle.migrate();
      const { rows } = await rawRows(
        handle,
        `select count(*)::int as n, count(*) filter (where code is null)::int as nameless,
                count(*) filter (where registered_voters2022 is null)::int as uncounted from municipalities`,
      );
      expect(rows[0]).toEqual({ n: 250, nameless: 0, uncounted: 0 });
      // And every 읍면동 (migration 0014), each under a 시군구 of the directory: Jinju's 30.
      const dongs = await rawRows(
        handle,
        `select count(*)::int as n, count(*) filter (where municipality_code = '48170')::int as jinju,
                count(*) filter (where municipality_code not in (select code from municipalities where code is not null))::int as orphans from dongs`,
      );
      expect(dongs.rows[0]).toEqual({ n: 3512, jinju: 30, orphans: 0 });
      const jinju = await rawRows(handle, "select name_en, registered_voters2022 as voters, sido_code from municipalities where code = '48170'");
      expect(jinju.rows).toEqual([{ name_en: "Jinju-si", voters: 292842, sido_code: "48" }]);
      // The imported one took the directory's spelling and code; its zone is still there.
      const suwon = await rawRows(
        handle,
        "select m.name_ko, m.code, count(z.id)::int as zones from municipalities m left join sites z on z.municipality_id = m.id where m.code = '41111' group by 1, 2",
      );
      expect(suwon.rows).toEqual([{ name_ko: "수원시장안구", code: "41111", zones: 1 }]);
    } finally {
      fs.rmSync(before, { recursive: true, force: true });
      await handle.drop();
    }
  });
  it("keys imported zones by their place and imported APs by place, detail and SSID, merging nothing", async () => {
    const handle = await emptyDatabase();
    const before = migrationsBefore("0015");
    try {
      await handle.migrate(before);
      // An older import of the newer release: one zone per row, keyed by 번호; and one of the older release.
      for (const statement of [
        "insert into municipalities (code, name_ko, province_ko) values ('99999', '시험시', '시험도')",
        `insert into sites (id, municipality_id, name, category, status, provenance, address, source_key)
           select v.id, m.id, v.name, 'public_office', 'active', 'import', v.address, v.source_key from municipalities m,
           (values (901, '시청', '시청로 1', 'ref:시험도|시험시|1'), (902, '시청', '시청로 1', 'ref:시험도|시험시|2'),
                   (903, '도서관', '책길 2', 'place:시험도|시험시|도서관|책길 2')) as v(id, name, address, source_key)
           where m.code = '99999'`,
        `insert into access_points (municipality_id, site_id, ssid, place_detail, status, provenance, source_ref)
           select z.municipality_id, z.id, 'Free WiFi', case z.id when 901 then '1층' when 902 then '2층' else '열람실' end, 'active', 'import', z.source_key
           from sites z where z.id in (901, 902, 903)`,
      ])
        await rawRows(handle, statement);
      await handle.migrate();
      const sites = await rawRows(handle, "select id, source_key from sites where id in (901, 902, 903) order by id");
      expect(sites.rows).toEqual([
        { id: 901, source_key: "place:시청|시청로1" },
        { id: 902, source_key: "place:시청|시청로1#902" },
        { id: 903, source_key: "place:도서관|책길2" },
      ]);
      const aps = await rawRows(handle, "select site_id, source_ref from access_points where site_id in (901, 902, 903) order by site_id");
      expect(aps.rows).toEqual([
        { site_id: 901, source_ref: "ap:시청|시청로1|1층|freewifi" },
        { site_id: 902, source_ref: "ap:시청|시청로1|2층|freewifi" },
        { site_id: 903, source_ref: "ap:도서관|책길2|열람실|freewifi" },
      ]);
    } finally {
      fs.rmSync(before, { recursive: true, force: true });
      await handle.drop();
    }
  });
});

/** A copy of the migrations folder holding only those before `tag` (e.g. "0012"). */
function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wifi-atlas-mig-"));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true, filter: (f) => !/\d{4}_[a-z_]+\.sql$/.test(f) || path.basename(f) < tag });
  const journalPath = path.join(dir, "meta/_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < tag);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

/** db.execute answers an array on postgres.js and `{ rows }` on PGlite: normalise. */
async function rawRows(handle: DbHandle, text: string): Promise<{ rows: Record<string, unknown>[] }> {
  const { sql } = await import("drizzle-orm");
  const result = (await handle.db.execute(sql.raw(text))) as unknown;
  return { rows: rowsOf(result) };
}
