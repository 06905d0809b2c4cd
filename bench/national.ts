// Latency of the municipality directory (GET /api/municipalities, which the national view reads)
// at the loaded inventory, beside two baselines measured in the same run:
//   - floor: the same 250 municipalities read with nothing counted (what any answer costs);
//   - live counts: the same figures counted from access_points and sites per request (no kept tallies).
// Run against a loaded database (bench/load.ts):
//   DATABASE_URL=postgres://… node --conditions=react-server --import tsx bench/national.ts
//   PGLITE_DIR=.data/bench-pglite node --conditions=react-server --import tsx bench/national.ts
import { sql } from "drizzle-orm";
import { GET } from "../app/api/municipalities/route";
import { getDb } from "../server/database";
import { rowsOf } from "../db/client";

const RUNS = Number(process.env.RUNS ?? 100);
const WARMUP = 10;
/** The live baseline reads the whole inventory per request: fewer runs of it. */
const LIVE_RUNS = Number(process.env.LIVE_RUNS ?? 10);

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +s[s.length - 1]!.toFixed(1) };
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return ms;
}

const { db, engine } = await getDb();
const [{ n: total }] = rowsOf(await db.execute(sql`select count(*)::int as n from access_points`)) as [{ n: number }];

const directory = () => GET(new Request("http://bench/api/municipalities")).then((r) => r.text());
const floor = () =>
  db.execute(sql`select id, code, name_ko, province_ko, registered_voters2022, boundary from municipalities where code is not null order by code`);
const live = () =>
  db.execute(sql`
    select m.id,
      (select count(*)::int from access_points a where a.municipality_id = m.id and a.status <> 'retired') as aps,
      (select count(*)::int from sites z where z.municipality_id = m.id and z.status::text <> 'retired') as sites,
      (select min(a.install_year) from access_points a where a.municipality_id = m.id and a.status <> 'retired') as first_year,
      (select max(a.install_year) from access_points a where a.municipality_id = m.id and a.status <> 'retired') as last_year,
      (select json_agg(p) from (select a.provider_name, count(*) from access_points a
         where a.municipality_id = m.id and a.provider_name is not null and a.status <> 'retired' group by 1) p) as providers
    from municipalities m where m.code is not null order by m.code`);

await timed(WARMUP, directory);
await timed(WARMUP, floor);
const ours = stats(await timed(RUNS, directory));
const base = stats(await timed(RUNS, floor));
const liveStats = stats(await timed(LIVE_RUNS, live));
const body = JSON.parse(await directory()) as { items: { accessPoints: number }[] };
console.log(
  JSON.stringify(
    {
      engine,
      aps: total,
      municipalities: body.items.length,
      apsListed: body.items.reduce((n, m) => n + m.accessPoints, 0),
      directory: ours,
      floor: base,
      liveCounts: liveStats,
      ratio: { p95OverFloor: +(ours.p95 / base.p95).toFixed(2), liveOverOurs: +(liveStats.p95 / ours.p95).toFixed(1) },
    },
    null,
    2,
  ),
);
process.exit(0);
