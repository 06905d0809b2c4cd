// Server time of a proposal over Jinju with 1,000 and then 10,000 candidates: gathering the candidates
// (their places within the coverage radius and their 읍면동) and choosing, as `POST /api/plan/proposals`
// does (server/proposals.ts, called in-process), beside the score ranking of the same candidates (the
// candidate list's query) in the same run. On a fresh embedded database, migrated and seeded:
//   rm -rf .data/bench-proposal && PGLITE_DIR=.data/bench-proposal npx tsx bench/proposal-server.ts
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { withCliDb } from "../db/script";
import { seed } from "../db/seed";
import * as s from "../db/schema";
import { scoredCandidates } from "../db/queries/coverage";
import { grantsOf, type Viewer } from "../lib/authz";
import { proposeForYear } from "../server/proposals";
import { demandAreasOf } from "../server/municipalities";
import type { RequestContext } from "../server/context";

const SIZES = [1_000, 10_000];
const RUNS = Number(process.env.RUNS ?? 5);

await withCliDb(async (handle) => {
  await handle.migrate();
  await seed(handle.db);
  const db = handle.db;
  const [jinju] = await db
    .select()
    .from(s.municipalities)
    .where(sql`${s.municipalities.code} = '48170'`);
  const [program] = await db
    .select()
    .from(s.programs)
    .where(sql`${s.programs.municipalityId} = ${jinju!.id}`);
  const viewer: Viewer = {
    userId: "bench",
    email: "bench@example",
    name: "bench",
    memberships: [{ municipalityId: jinju!.id, role: "planner", partnerId: null }],
  };
  const ctx = {
    db,
    engine: handle.engine,
    viewer,
    actor: { viewer, label: "bench", requestId: randomUUID() },
    municipality: jinju!,
    role: "planner",
    grants: grantsOf(viewer, jinju!.id),
    requestId: randomUUID(),
  } as unknown as RequestContext;
  const median = async (fn: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await fn();
      ms.push(performance.now() - t);
    }
    return +ms.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!.toFixed(0);
  };
  let x = 42;
  const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let have = 0;
  const out: Record<string, unknown>[] = [];
  for (const n of SIZES) {
    // Candidates over the city's built-up area, 2–4 APs each.
    const rows = Array.from({ length: n - have }, (_, i) => ({
      municipalityId: jinju!.id,
      programId: program!.id,
      name: `벤치 후보 ${have + i + 1}`,
      category: (["traditional_market", "park", "bus_stop", "culture_tourism"] as const)[i % 4]!,
      status: "candidate" as const,
      planYear: 2021,
      plannedApCount: 2 + Math.floor(rand() * 3),
      lat: 35.15 + rand() * 0.07,
      lng: 128.04 + rand() * 0.1,
      provenance: "manual" as const,
    }));
    for (let i = 0; i < rows.length; i += 2_000) await db.insert(s.sites).values(rows.slice(i, i + 2_000));
    have = n;
    const dongs = await demandAreasOf(db, jinju!);
    out.push({
      candidates: n,
      proposalMs: await median(() => proposeForYear(ctx, { planYear: 2021, budgetKrw: n * 400_000, includePlaces: true }, "2026-11-30")),
      rankingMs: await median(() => scoredCandidates(db, { municipalityId: jinju!.id, dongs, year: 2021 })),
    });
  }
  console.log(JSON.stringify({ engine: handle.engine, runs: RUNS, results: out }, null, 2));
});
