// Loads a synthetic national inventory into the configured database (DATABASE_URL, or a PGlite folder
// given by PGLITE_DIR), through the app's schema, migrations and grid triggers.
//   npx tsx bench/load.ts 1000000
import { sql } from "drizzle-orm";
import { withCliDb } from "../db/script";
import * as s from "../db/schema";
import { generate, municipalities } from "./synthetic";

const count = Number(process.argv[2] ?? 1_000_000);
// Postgres takes at most 65,535 parameters per statement: 5,000 rows of 7–9 columns stay below it.
const BATCH = 5_000;
/** APs go in as arrays (unnest): a handful of parameters per statement, whatever the row count. */
const APS_BATCH = 50_000;
/** Each installing partner's provider name, so the directory's provider shares have something to count. */
const PROVIDERS = ["KT", "LG U+", "SK텔레콤"];

await withCliDb(async ({ db, engine, migrate }) => {
  await migrate();
  const existing = await db.select({ n: sql<number>`count(*)::int` }).from(s.accessPoints);
  if (existing[0]!.n > 0) throw new Error(`the database already holds ${existing[0]!.n} APs: load into a fresh one`);
  const started = performance.now();
  const munis = municipalities();
  const { sites, aps } = generate(count, munis);

  // The APs land in the directory's municipalities (by the boundaries' KOSTAT code); an outline the
  // directory has no 시군구 for gets a municipality of its own, as before the directory.
  const directory = new Map(
    (await db.select({ id: s.municipalities.id, kostat: s.municipalities.kostatCode }).from(s.municipalities)).flatMap((m) =>
      m.kostat ? [[m.kostat, m.id] as const] : [],
    ),
  );
  const missing = munis.filter((m) => !directory.has(m.code.slice(1)));
  const made = missing.length
    ? await db
        .insert(s.municipalities)
        .values(missing.map((m) => ({ code: m.code, nameKo: m.name, provinceKo: `synthetic ${m.code.slice(1, 3)}` })))
        .returning({ id: s.municipalities.id, code: s.municipalities.code })
    : [];
  const madeIds = new Map(made.map((m) => [m.code!, m.id]));
  const muniIds = munis.map((m) => ({ id: directory.get(m.code.slice(1)) ?? madeIds.get(m.code)! }));
  const partnerIds = await db
    .insert(s.partners)
    .values(["bench-telecom-a", "bench-telecom-b", "bench-telecom-c"].map((nameKo) => ({ nameKo, kind: "telecom" as const })))
    .returning({ id: s.partners.id });

  const siteIds: number[] = [];
  for (let i = 0; i < sites.length; i += BATCH) {
    const rows = await db
      .insert(s.sites)
      .values(
        sites.slice(i, i + BATCH).map((x) => ({
          municipalityId: muniIds[x.municipality]!.id,
          name: x.name,
          category: x.category,
          planYear: x.planYear,
          lat: x.lat,
          lng: x.lng,
          status: "active" as const,
          provenance: "import" as const,
        })),
      )
      .returning({ id: s.sites.id });
    siteIds.push(...rows.map((r) => r.id));
  }
  const sitesDone = performance.now();
  // One transaction: the grid triggers stand aside (wifi_atlas.bulk_load) and the grid is rebuilt once.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('wifi_atlas.bulk_load', 'on', true)`);
    for (let i = 0; i < aps.length; i += APS_BATCH) {
      const part = aps.slice(i, i + APS_BATCH);
      await tx.execute(sql`
        insert into access_points (municipality_id, site_id, lat, lng, status, provenance, installing_partner_id, provider_name, install_year)
        select m, si, la, ln, st::ap_status, pr::provenance, pa, pn, iy from unnest(
          ${sql.param(part.map((a) => muniIds[a.municipality]!.id))}::int[], ${sql.param(part.map((a) => siteIds[a.site]!))}::int[],
          ${sql.param(part.map((a) => a.lat))}::float8[], ${sql.param(part.map((a) => a.lng))}::float8[],
          ${sql.param(part.map((a) => a.status))}::text[], ${sql.param(part.map((a) => a.provenance))}::text[],
          ${sql.param(part.map((a) => partnerIds[a.partner]!.id))}::int[],
          ${sql.param(part.map((a) => PROVIDERS[a.partner]!))}::text[], ${sql.param(part.map((a) => sites[a.site]!.planYear))}::int[])
          as t(m, si, la, ln, st, pr, pa, pn, iy)`);
      if ((i / APS_BATCH) % 5 === 0) process.stderr.write(`\r${engine}: ${(i + part.length).toLocaleString()} / ${count.toLocaleString()} APs`);
    }
    await tx.execute(sql`select set_config('wifi_atlas.bulk_load', 'off', true)`);
    await tx.execute(sql`select ap_cells_rebuild()`);
    await tx.execute(sql`select inventory_tallies_rebuild()`);
  });
  const done = performance.now();
  const [cells] = await db.select({ n: sql<number>`count(*)::int` }).from(s.apCells);
  process.stderr.write("\n");
  console.log(
    JSON.stringify({
      engine,
      aps: count,
      sites: sites.length,
      sitesSeconds: +((sitesDone - started) / 1000).toFixed(1),
      apsSeconds: +((done - sitesDone) / 1000).toFixed(1),
      apsPerSecond: Math.round(count / ((done - sitesDone) / 1000)),
      gridRows: cells!.n,
    }),
  );
});
