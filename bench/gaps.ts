// Server time of the gap view (`/gaps`: places no AP covers) and of the candidate list's scores, over
// Jinju as seeded and then over Jinju grown to 10,000 active APs and 1,000 candidates, each beside a
// floor measured in the same run: reading the same rows (active APs, approved zones, places,
// candidates) with nothing computed. The server functions are called in-process, as the routes do.
//   rm -rf .data/bench-gaps && PGLITE_DIR=.data/bench-gaps npx tsx bench/gaps.ts
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<fresh database> npx tsx bench/gaps.ts
import { and, eq, inArray, sql } from "drizzle-orm";
import { withCliDb } from "../db/script";
import * as s from "../db/schema";
import { listCandidates, listCoverageGaps } from "../server/planning";
import { medianMs, seededJinju, seededRandom } from "./jinju";

const RUNS = Number(process.env.RUNS ?? 7);
const APS = 10_000;
const CANDIDATES = 1_000;

await withCliDb(async (handle) => {
  const { db, jinju, program, ctx } = await seededJinju(handle);
  const median = (fn: () => Promise<unknown>) => medianMs(RUNS, fn);
  const m = jinju.id;
  /** The floor: the rows both views read, fetched and nothing more. */
  const readRows = () =>
    Promise.all([
      db
        .select({ lat: s.accessPoints.lat, lng: s.accessPoints.lng })
        .from(s.accessPoints)
        .where(and(eq(s.accessPoints.municipalityId, m), eq(s.accessPoints.status, "active"))),
      db
        .select({ lat: s.sites.lat, lng: s.sites.lng })
        .from(s.sites)
        .where(and(eq(s.sites.municipalityId, m), inArray(s.sites.status, ["approved", "installing"]))),
      db.select().from(s.pointsOfInterest).where(eq(s.pointsOfInterest.municipalityId, m)),
      db
        .select()
        .from(s.sites)
        .where(and(eq(s.sites.municipalityId, m), inArray(s.sites.status, ["candidate", "surveyed", "approved", "rejected"]))),
    ]);
  const measure = async (label: string) => {
    const [aps] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.accessPoints)
      .where(and(eq(s.accessPoints.municipalityId, m), eq(s.accessPoints.status, "active")));
    const [cands] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.sites)
      .where(and(eq(s.sites.municipalityId, m), inArray(s.sites.status, ["candidate", "surveyed"])));
    const floorMs = await median(readRows);
    const gapsMs = await median(() => listCoverageGaps(ctx, {}));
    const candidatesMs = await median(() => listCandidates(ctx, {}));
    return {
      label,
      activeAps: aps!.n,
      candidates: cands!.n,
      floorMs,
      gapsMs,
      candidatesMs,
      gapsRatio: +(gapsMs / floorMs).toFixed(1),
      candidatesRatio: +(candidatesMs / floorMs).toFixed(1),
    };
  };
  const out = [await measure("Jinju as seeded")];

  const rand = seededRandom();
  const inCity = () => ({ lat: 35.15 + rand() * 0.07, lng: 128.04 + rand() * 0.1 });
  // Active zones of four APs each until the city has 10,000 active APs, then the candidates.
  const zones = Array.from({ length: Math.ceil((APS - out[0]!.activeAps) / 4) }, (_, i) => ({
    municipalityId: m,
    name: `벤치 구역 ${i + 1}`,
    category: "bus_stop" as const,
    status: "active" as const,
    plannedApCount: 4,
    provenance: "manual" as const,
    ...inCity(),
  }));
  for (let i = 0; i < zones.length; i += 2_000) {
    const made = await db
      .insert(s.sites)
      .values(zones.slice(i, i + 2_000))
      .returning({ id: s.sites.id, lat: s.sites.lat, lng: s.sites.lng });
    const aps = made.flatMap((z) =>
      Array.from({ length: 4 }, () => ({
        municipalityId: m,
        siteId: z.id,
        status: "active" as const,
        provenance: "manual" as const,
        lat: z.lat! + (rand() - 0.5) * 1e-4,
        lng: z.lng! + (rand() - 0.5) * 1e-4,
      })),
    );
    for (let j = 0; j < aps.length; j += 2_000) await db.insert(s.accessPoints).values(aps.slice(j, j + 2_000));
  }
  const candidates = Array.from({ length: CANDIDATES - out[0]!.candidates }, (_, i) => ({
    municipalityId: m,
    programId: program.id,
    name: `벤치 후보 ${i + 1}`,
    category: (["traditional_market", "park", "bus_stop", "culture_tourism"] as const)[i % 4]!,
    status: "candidate" as const,
    planYear: 2021,
    plannedApCount: 2,
    provenance: "manual" as const,
    ...inCity(),
  }));
  await db.insert(s.sites).values(candidates);
  out.push(await measure(`Jinju with ${APS.toLocaleString("en")} active APs and ${CANDIDATES.toLocaleString("en")} candidates`));
  console.log(JSON.stringify({ engine: handle.engine, runs: RUNS, results: out }, null, 2));
});
