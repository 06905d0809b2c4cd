// Server time of a proposal over Jinju with 1,000 and then 10,000 candidates: gathering the candidates
// (their places within the coverage radius and their 읍면동) and choosing, as `POST /api/plan/proposals`
// does (server/proposals.ts, called in-process), beside the score ranking of the same candidates (the
// candidate list's query) in the same run. On a fresh embedded database, migrated and seeded:
//   rm -rf .data/bench-proposal && PGLITE_DIR=.data/bench-proposal npx tsx bench/proposal-server.ts
import { withCliDb } from "../db/script";
import * as s from "../db/schema";
import { scoredCandidates } from "../db/queries/coverage";
import { proposeForYear } from "../server/proposals";
import { demandAreasOf } from "../server/municipalities";
import { medianMs, seededJinju, seededRandom } from "./jinju";

const SIZES = [1_000, 10_000];
const RUNS = Number(process.env.RUNS ?? 5);

await withCliDb(async (handle) => {
  const { db, jinju, program, ctx } = await seededJinju(handle);
  const median = (fn: () => Promise<unknown>) => medianMs(RUNS, fn, 0);
  const rand = seededRandom();
  let have = 0;
  const out: Record<string, unknown>[] = [];
  for (const n of SIZES) {
    // Candidates over the city's built-up area, 2–4 APs each.
    const rows = Array.from({ length: n - have }, (_, i) => ({
      municipalityId: jinju.id,
      programId: program.id,
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
    const dongs = await demandAreasOf(db, jinju);
    out.push({
      candidates: n,
      proposalMs: await median(() => proposeForYear(ctx, { planYear: 2021, budgetKrw: n * 400_000, includePlaces: true }, "2026-11-30")),
      rankingMs: await median(() => scoredCandidates(db, { municipalityId: jinju.id, dongs, year: 2021 })),
    });
  }
  console.log(JSON.stringify({ engine: handle.engine, runs: RUNS, results: out }, null, 2));
});
