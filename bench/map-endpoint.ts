// Latency of the map viewport endpoint at zoom 7, 11 and 15 over random viewports where the data is,
// beside two baselines measured in the same run on the same viewports:
//   - live grid: one GROUP BY over the (lat, lng) index per request (no precomputed grid);
//   - all points: every AP of the viewport sent as JSON (what client-side clustering needs).
// Run against a loaded database (bench/load.ts):
//   DATABASE_URL=postgres://… node --conditions=react-server --import tsx bench/map-endpoint.ts
//   PGLITE_DIR=.data/bench-pglite node --conditions=react-server --import tsx bench/map-endpoint.ts
import { sql } from "drizzle-orm";
import { GET } from "../app/api/map/features/route";
import { getDb } from "../server/database";
import { rowsOf } from "../db/client";
import { LEVEL_SIZES, levelForZoom } from "../lib/map-grid";

const ZOOMS = [7, 11, 15];
const RUNS = Number(process.env.RUNS ?? 200);
const WARMUP = 20;
/** The baselines are slow at national zoom (a million rows per request): fewer runs of them. */
const BASELINE_RUNS = Number(process.env.BASELINE_RUNS ?? 20);
const VIEW_PX = { w: 1280, h: 800 };

function viewport(lat: number, lng: number, zoom: number) {
  const degPerPx = 360 / (256 * 2 ** zoom);
  const halfW = (VIEW_PX.w / 2) * degPerPx;
  const halfH = (VIEW_PX.h / 2) * degPerPx * Math.cos((lat * Math.PI) / 180);
  return { minLng: lng - halfW, minLat: lat - halfH, maxLng: lng + halfW, maxLat: lat + halfH };
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +s[s.length - 1]!.toFixed(1) };
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

const { db, engine } = await getDb();
const [{ n: total }] = rowsOf(await db.execute(sql`select count(*)::int as n from access_points`)) as [{ n: number }];
// Viewports centred on random APs: people look where the data is.
const centres = rowsOf(await db.execute(sql`select lat, lng from access_points where lat is not null order by random() limit ${RUNS + WARMUP}`)) as {
  lat: number;
  lng: number;
}[];

const results: Record<string, unknown>[] = [];
for (const zoom of ZOOMS) {
  const ours: number[] = [];
  const live: number[] = [];
  const all: number[] = [];
  let features = 0;
  let bytes = 0;
  let allBytes = 0;
  let allRows = 0;
  const modes: Record<string, number> = {};
  const size = LEVEL_SIZES[levelForZoom(zoom)]!;
  const cellSize = sql.raw(String(size));
  for (const [i, c] of centres.entries()) {
    const b = viewport(Number(c.lat), Number(c.lng), zoom);
    const bbox = [b.minLng, b.minLat, b.maxLng, b.maxLat].map((v) => v.toFixed(5)).join(",");
    const baseline = i >= WARMUP && i < WARMUP + BASELINE_RUNS;
    const [ms, body] = await time(async () => (await GET(new Request(`http://bench/api/map/features?bbox=${bbox}&zoom=${zoom}`))).text());
    if (i < WARMUP) continue;
    ours.push(ms);
    const parsed = JSON.parse(body) as { features: unknown[]; mode: string };
    features += parsed.features.length;
    modes[parsed.mode] = (modes[parsed.mode] ?? 0) + 1;
    bytes += body.length;
    if (!baseline) continue;
    const [liveMs] = await time(() =>
      db.execute(sql`select floor(lng / ${cellSize})::int as cx, floor(lat / ${cellSize})::int as cy, count(*)::int as n, avg(lat) as lat, avg(lng) as lng
        from access_points where lat between ${b.minLat} and ${b.maxLat} and lng between ${b.minLng} and ${b.maxLng} group by 1, 2`),
    );
    const [allMs, allJson] = await time(async () =>
      JSON.stringify(
        rowsOf(
          await db.execute(sql`select id, lat, lng, status, provenance from access_points
            where lat between ${b.minLat} and ${b.maxLat} and lng between ${b.minLng} and ${b.maxLng}`),
        ),
      ),
    );
    live.push(liveMs);
    all.push(allMs);
    allBytes += allJson.length;
    allRows += (JSON.parse(allJson) as unknown[]).length;
  }
  const o = stats(ours);
  const l = stats(live);
  const a = stats(all);
  results.push({
    engine,
    aps: total,
    zoom,
    runs: ours.length,
    endpoint: { ...o, meanFeatures: Math.round(features / ours.length), meanKB: +(bytes / ours.length / 1024).toFixed(1), modes },
    liveGridBaseline: { runs: live.length, ...l, p95Ratio: +(l.p95 / o.p95).toFixed(1) },
    allPointsBaseline: {
      runs: all.length,
      ...a,
      meanPoints: Math.round(allRows / all.length),
      meanKB: +(allBytes / all.length / 1024).toFixed(1),
      p95Ratio: +(a.p95 / o.p95).toFixed(1),
    },
  });
}
for (const r of results) console.log(JSON.stringify(r));
await (await getDb()).close();
