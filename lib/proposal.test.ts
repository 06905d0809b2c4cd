import { describe, expect, it } from "vitest";
import { gainOf, GUARANTEE, optimum, propose, ProposalError, type ProposalCandidate } from "./proposal";

/** A candidate covering the given elements (weight 1 each unless given as [key, weight]). */
const zone = (siteId: number, costKrw: number, elements: (string | [string, number])[], extra: Partial<ProposalCandidate> = {}): ProposalCandidate => ({
  siteId,
  name: `구역 ${siteId}`,
  costKrw,
  aps: 1,
  installerId: 1,
  payerId: 9,
  elements: elements.map((e) => (typeof e === "string" ? { key: e, weight: 1 } : { key: e[0], weight: e[1] })),
  dong: null,
  ...extra,
});

/** A deterministic random instance: zones covering random places of a small town (each place with its own weight), at random costs. */
function instance(seed: number, n: number) {
  let x = seed;
  const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, (_, i) => {
    const places = new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => Math.floor(rand() * 25)));
    return zone(
      i + 1,
      (1 + Math.floor(rand() * 9)) * 1_000_000,
      [...places].map((p) => [`p${p}`, 1 + (p % 5)] as [string, number]),
      { installerId: 1 + Math.floor(rand() * 2), aps: 1 + Math.floor(rand() * 3) },
    );
  });
}

describe("a proposal for next year's zones", () => {
  it("credits two zones that cover the same people once, and picks the one that adds more", () => {
    const twins = [
      zone(1, 1_000_000, [["dong:가좌동", 10], "poi:1"]),
      zone(2, 1_000_000, [["dong:가좌동", 10], "poi:2"]),
      zone(3, 1_000_000, [["dong:상대동", 8]]),
    ];
    const p = propose({ candidates: twins, budgetKrw: 2_000_000 });
    expect(p.chosen.map((c) => c.siteId)).toEqual([1, 3]);
    expect(p.totals.gain).toBe(19);
    // The twin left out says why: what it covers is mostly covered already, and no money is left.
    expect(p.left).toEqual([expect.objectContaining({ siteId: 2, why: "over_budget", gain: 1 })]);
    expect(gainOf(twins)).toBe(20);
  });

  it("never goes over the budget or an installer's capacity, and says which bound left a zone out", () => {
    const zones = [
      zone(1, 5_000_000, ["a", "b", "c"], { aps: 4, installerId: 1 }),
      zone(2, 1_000_000, ["d", "e"], { aps: 4, installerId: 1 }),
      zone(3, 1_000_000, ["f"], { aps: 1, installerId: 2 }),
    ];
    const p = propose({ candidates: zones, budgetKrw: 7_000_000, capacity: { 1: 4 } });
    expect(p.totals.costKrw).toBeLessThanOrEqual(7_000_000);
    expect(p.totals.apsByInstaller.find((a) => a.partnerId === 1)!.aps).toBeLessThanOrEqual(4);
    expect(p.left.map((l) => [l.siteId, l.why])).toEqual([[1, "over_capacity"]]);
  });

  it("honours zones pinned in and out, and refuses pins over the budget", () => {
    const zones = [zone(1, 1_000_000, ["a", "b", "c"]), zone(2, 1_000_000, ["d"]), zone(3, 1_000_000, ["e", "f"])];
    const p = propose({ candidates: zones, budgetKrw: 2_000_000, pinnedIn: [2], pinnedOut: [1] });
    expect(p.chosen.map((c) => [c.siteId, c.pinned])).toEqual([
      [2, true],
      [3, false],
    ]);
    expect(p.left).toEqual([expect.objectContaining({ siteId: 1, why: "pinned_out" })]);
    expect(() => propose({ candidates: zones, budgetKrw: 1_500_000, pinnedIn: [1, 2] })).toThrow(ProposalError);
    expect(() => propose({ candidates: zones, budgetKrw: 1_500_000, pinnedIn: [99] })).toThrow(/99/);
  });

  it("takes the best single zone when the greedy's cheap picks are worth less", () => {
    // The classic trap: a cheap zone with the best ratio uses the budget the valuable one needed.
    const zones = [zone(1, 1_000_000, [["a", 2]]), zone(2, 10_000_000, [["b", 15]])];
    const p = propose({ candidates: zones, budgetKrw: 10_000_000 });
    expect(p.rule).toBe("best_single");
    expect(p.chosen.map((c) => c.siteId)).toEqual([2]);
  });

  it("stays within its guarantee of the exhaustive optimum on random instances, and reports the gap", () => {
    const gaps: number[] = [];
    for (let seed = 1; seed <= 30; seed++) {
      const candidates = instance(seed, 14);
      for (const budgetKrw of [5_000_000, 15_000_000]) {
        const best = optimum({ candidates, budgetKrw });
        const p = propose({ candidates, budgetKrw });
        expect(p.totals.costKrw).toBeLessThanOrEqual(budgetKrw);
        expect(p.totals.gain).toBeLessThanOrEqual(best + 1e-9);
        expect(p.totals.gain).toBeGreaterThanOrEqual(GUARANTEE * best - 1e-9);
        gaps.push(best === 0 ? 0 : 1 - p.totals.gain / best);
      }
    }
    // Far better in practice than the bound: on these instances the mean gap is small.
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(mean).toBeLessThan(0.1);
  });

  it("with capacities too, never exceeds them and stays near the optimum on the same instances", () => {
    for (let seed = 31; seed <= 45; seed++) {
      const candidates = instance(seed, 12);
      const capacity = { 1: 6, 2: 5 };
      const best = optimum({ candidates, budgetKrw: 20_000_000, capacity });
      const p = propose({ candidates, budgetKrw: 20_000_000, capacity });
      for (const a of p.totals.apsByInstaller) expect(a.aps).toBeLessThanOrEqual(capacity[a.partnerId as 1 | 2]);
      expect(p.totals.gain).toBeLessThanOrEqual(best + 1e-9);
      expect(p.totals.gain).toBeGreaterThanOrEqual(0.5 * best);
    }
  });

  it("meets a least share of target-category zones by swapping them in, and says when it cannot", () => {
    const zones = [
      zone(1, 1_000_000, [["a", 10]]),
      zone(2, 1_000_000, [["b", 9]]),
      zone(3, 1_000_000, [["c", 3]], { target: true }),
      zone(4, 1_000_000, [["d", 2]], { target: true }),
    ];
    const free = propose({ candidates: zones, budgetKrw: 2_000_000 });
    expect(free.chosen.map((c) => c.siteId)).toEqual([1, 2]);
    expect(free.targetShare).toEqual({ share: 0, min: null, met: true, swapped: 0 });
    // Half the zones in target categories: the zone that costs least coverage gives way to the best target zone.
    const half = propose({ candidates: zones, budgetKrw: 2_000_000, minTargetShare: 0.5 });
    expect(half.chosen.map((c) => c.siteId).sort()).toEqual([1, 3]);
    expect(half.targetShare).toMatchObject({ share: 0.5, met: true, swapped: 1 });
    expect(half.totals.costKrw).toBeLessThanOrEqual(2_000_000);
    // Two thirds: a second swap.
    expect(
      propose({ candidates: zones, budgetKrw: 3_000_000, minTargetShare: 0.6 })
        .chosen.map((c) => c.siteId)
        .sort(),
    ).toEqual([1, 3, 4]);
    // Without target candidates enough, it says so rather than pretending.
    const none = propose({ candidates: zones.slice(0, 2), budgetKrw: 2_000_000, minTargetShare: 0.5 });
    expect(none.targetShare).toMatchObject({ share: 0, met: false });
  });

  it("draws the gain against the budget from ₩0 to twice it: never falling, and the proposal at or above it", () => {
    const candidates = instance(7, 40);
    const p = propose({ candidates, budgetKrw: 20_000_000 });
    expect(p.curve[0]).toEqual({ budgetKrw: 0, gain: 0 });
    expect(p.curve.at(-1)!.budgetKrw).toBe(40_000_000);
    for (let i = 1; i < p.curve.length; i++) expect(p.curve[i]!.gain).toBeGreaterThanOrEqual(p.curve[i - 1]!.gain);
    const atBudget = p.curve.find((c) => c.budgetKrw === 20_000_000)!;
    expect(p.totals.gain).toBeGreaterThanOrEqual(atBudget.gain);
  });
});
