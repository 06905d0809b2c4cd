// Time to choose a proposal (lib/proposal) for 1,000 and 10,000 candidates, beside plain score ranking
// (sort by the candidates' own gain and take them until the budget runs out) in the same run, and the
// gap to the exhaustive optimum on small instances. In-process, no database:
//   npx tsx bench/proposal.ts
import { gainOf, optimum, propose, type ProposalCandidate } from "../lib/proposal";

/** Candidates over a city: each serves one of `dongs` 읍면동 and covers a few of `places` places of interest nearby. */
function instance(n: number, seed: number, dongs = 30, places = n * 2): ProposalCandidate[] {
  let x = seed;
  const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, (_, i) => {
    const dong = Math.floor(rand() * dongs);
    const near = new Set(Array.from({ length: Math.floor(rand() * 4) }, () => Math.floor(rand() * places)));
    return {
      siteId: i + 1,
      name: `후보 ${i + 1}`,
      costKrw: (2 + Math.floor(rand() * 6)) * 1_000_000,
      aps: 1 + Math.floor(rand() * 4),
      installerId: 1,
      payerId: 2,
      elements: [
        { key: `dong:${dong}`, weight: 5 + (dong % 10) },
        ...[...near].map((p) => ({ key: `poi:${p}`, weight: 1 + (p % 10) })),
        ...(rand() < 0.3 ? [{ key: `target:${i}`, weight: 20 }] : []),
      ],
      dong: { name: `동 ${dong}`, voters: 5_000 + dong * 300 },
    };
  });
}

function ranked(candidates: ProposalCandidate[], budget: number) {
  const order = [...candidates].sort((a, b) => gainOf([b]) - gainOf([a]));
  const set: ProposalCandidate[] = [];
  let cost = 0;
  for (const c of order) {
    if (cost + c.costKrw > budget) continue;
    set.push(c);
    cost += c.costKrw;
  }
  return gainOf(set);
}

const time = (fn: () => unknown, runs = 5) => {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return +ms.sort((a, b) => a - b)[Math.floor(runs / 2)]!.toFixed(1);
};

const out: Record<string, unknown>[] = [];
for (const n of [1_000, 10_000]) {
  const candidates = instance(n, n);
  const budget = n * 400_000; // about a tenth of the candidates' total cost
  const p = propose({ candidates, budgetKrw: budget });
  out.push({
    candidates: n,
    budgetKrw: budget,
    proposeMs: time(() => propose({ candidates, budgetKrw: budget })),
    rankingMs: time(() => ranked(candidates, budget)),
    gain: p.totals.gain,
    rankingGain: ranked(candidates, budget),
    chosen: p.chosen.length,
  });
}
// The gap to the optimum where it can be computed: 40 instances of 16 candidates.
const gaps: number[] = [];
for (let seed = 1; seed <= 40; seed++) {
  const candidates = instance(16, seed, 5, 20);
  const best = optimum({ candidates, budgetKrw: 15_000_000 });
  const got = propose({ candidates, budgetKrw: 15_000_000 }).totals.gain;
  gaps.push(best === 0 ? 0 : 1 - got / best);
}
console.log(
  JSON.stringify(
    {
      runs: out,
      optimumGap: { instances: gaps.length, mean: +(gaps.reduce((a, b) => a + b, 0) / gaps.length).toFixed(4), worst: +Math.max(...gaps).toFixed(4) },
    },
    null,
    2,
  ),
);
