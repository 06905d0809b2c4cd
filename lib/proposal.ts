// Next year's rollout as a budgeted maximum coverage problem: choose zones from the candidates so that
// what they newly cover — residents of 읍면동 without enough Wi-Fi, uncovered places of interest, the
// year's target categories — is as large as possible within the budget and each installing partner's
// capacity. Pure: the server gathers the candidates, this chooses and explains.
//
// The algorithm is the one with a stated guarantee for a budget alone (Khuller, Moss and Naor 1999):
// greedy by marginal gain per won, with lazy evaluation (a candidate's gain can only fall as others are
// chosen, so a stale upper bound is re-evaluated only when it reaches the top), compared with the best
// single zone; the better of the two is within (1 − 1/e) / 2 ≈ 0.316 of the optimum. Partner capacities
// are honoured the same way (a zone that would exceed its installer's capacity is left out), but with them
// the bound is not proved: tests measure the gap to the exhaustive optimum on small instances instead.

/** One thing a zone covers; covered twice it counts once. */
export type Element = { key: string; weight: number };

export type ProposalCandidate = {
  siteId: number;
  name: string;
  costKrw: number;
  aps: number;
  /** The partner that installs it (its capacity applies) and the one that pays. */
  installerId: number | null;
  payerId: number | null;
  /** What it would cover: a 읍면동's residents, places of interest, its target category. */
  elements: Element[];
  /** The 읍면동 it serves and the registered voters there, for the residents newly covered. */
  dong: { name: string; voters: number } | null;
  /** Whether its category is one of the year's target categories. */
  target?: boolean;
};

export type LeftReason = "over_budget" | "over_capacity" | "already_covered" | "nothing_to_cover" | "pinned_out";

export type Chosen = { siteId: number; costKrw: number; gain: number; pinned: boolean; order: number };
export type Left = { siteId: number; why: LeftReason; gain: number; costKrw: number; partnerId?: number | null };
export type CurvePoint = { budgetKrw: number; gain: number };

export type Proposal = {
  chosen: Chosen[];
  left: Left[];
  totals: {
    costKrw: number;
    gain: number;
    /** Registered voters of the 읍면동 the chosen zones newly serve, each 읍면동 once. */
    residentsCovered: number;
    costByPayer: { partnerId: number | null; costKrw: number }[];
    apsByInstaller: { partnerId: number | null; aps: number }[];
  };
  /** Which rule gave the answer: the greedy, the best single zone, or the greedy's path up to the budget. */
  rule: "greedy" | "best_single" | "path";
  /** The share of the chosen zones in target categories, against the minimum asked (null: none asked); `met` false when no swap could reach it. */
  targetShare: { share: number; min: number | null; met: boolean; swapped: number };
  curve: CurvePoint[];
};

export type ProposalInput = {
  candidates: readonly ProposalCandidate[];
  budgetKrw: number;
  /** The most APs each installing partner can put up that year (absent: no limit). */
  capacity?: Readonly<Record<number, number>>;
  pinnedIn?: readonly number[];
  pinnedOut?: readonly number[];
  /** At least this share (0–1) of the chosen zones in the year's target categories, swapping zones in if needed. */
  minTargetShare?: number;
  /** The curve runs from ₩0 to this (twice the budget unless given), in `curveSteps` steps. */
  curveToKrw?: number;
  curveSteps?: number;
};

export class ProposalError extends Error {
  constructor(
    readonly code: "pins_over_budget" | "pins_over_capacity" | "unknown_pin",
    message: string,
    readonly siteIds: number[],
  ) {
    super(message);
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The coverage of a set: each element's weight once. */
export function gainOf(set: readonly ProposalCandidate[]): number {
  const seen = new Map<string, number>();
  for (const c of set) for (const e of c.elements) seen.set(e.key, e.weight);
  let sum = 0;
  for (const w of seen.values()) sum += w;
  return sum;
}

/** What a candidate adds to what is covered already. */
function marginal(c: ProposalCandidate, covered: ReadonlySet<string>): number {
  let g = 0;
  for (const e of c.elements) if (!covered.has(e.key)) g += e.weight;
  return g;
}

/** A state of choosing: what is covered, what is spent, each installer's APs. */
class State {
  covered = new Set<string>();
  cost = 0;
  aps = new Map<number | null, number>();
  chosen: Chosen[] = [];
  constructor(private readonly capacity: Readonly<Record<number, number>>) {}
  fits(c: ProposalCandidate, budget: number): "ok" | "over_budget" | "over_capacity" {
    if (this.cost + c.costKrw > budget) return "over_budget";
    const cap = c.installerId === null ? undefined : this.capacity[c.installerId];
    if (cap !== undefined && (this.aps.get(c.installerId) ?? 0) + c.aps > cap) return "over_capacity";
    return "ok";
  }
  add(c: ProposalCandidate, pinned: boolean) {
    const gain = marginal(c, this.covered);
    for (const e of c.elements) this.covered.add(e.key);
    this.cost += c.costKrw;
    this.aps.set(c.installerId, (this.aps.get(c.installerId) ?? 0) + c.aps);
    this.chosen.push({ siteId: c.siteId, costKrw: c.costKrw, gain: round1(gain), pinned, order: this.chosen.length + 1 });
  }
}

/**
 * Greedy by marginal gain per won with lazy evaluation, from the pinned zones on. Returns the zones in
 * the order chosen, and why each other one was left at its turn. With `budget` Infinity it is the path
 * the curve follows.
 */
function greedy(pool: readonly ProposalCandidate[], pinned: readonly ProposalCandidate[], budget: number, capacity: Readonly<Record<number, number>>) {
  const state = new State(capacity);
  for (const c of pinned) state.add(c, true);
  const left: Left[] = [];
  // Max-heap on the ratio's upper bound (the last gain computed for it).
  type Entry = { c: ProposalCandidate; gain: number };
  const ratio = (e: Entry) => e.gain / Math.max(e.c.costKrw, 1);
  const heap: Entry[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (ratio(heap[p]!) >= ratio(heap[i]!)) break;
      [heap[p], heap[i]] = [heap[i]!, heap[p]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && ratio(heap[l]!) > ratio(heap[m]!)) m = l;
      if (r < heap.length && ratio(heap[r]!) > ratio(heap[m]!)) m = r;
      if (m === i) return;
      [heap[m], heap[i]] = [heap[i]!, heap[m]!];
      i = m;
    }
  };
  const push = (e: Entry) => {
    heap.push(e);
    up(heap.length - 1);
  };
  const pop = () => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      down(0);
    }
    return top;
  };
  for (const c of pool) {
    const gain = marginal(c, state.covered);
    if (gain <= 0) left.push({ siteId: c.siteId, why: c.elements.length ? "already_covered" : "nothing_to_cover", gain: 0, costKrw: c.costKrw });
    else push({ c, gain });
  }
  while (heap.length) {
    const top = pop();
    const gain = marginal(top.c, state.covered);
    if (gain <= 0) {
      left.push({ siteId: top.c.siteId, why: "already_covered", gain: 0, costKrw: top.c.costKrw });
      continue;
    }
    // Stale: its gain fell since it was pushed; put it back at its true place unless it still leads.
    if (gain < top.gain && heap.length && gain / Math.max(top.c.costKrw, 1) < ratio(heap[0]!)) {
      push({ c: top.c, gain });
      continue;
    }
    const fit = state.fits(top.c, budget);
    if (fit === "ok") state.add(top.c, false);
    else left.push({ siteId: top.c.siteId, why: fit, gain: round1(gain), costKrw: top.c.costKrw, partnerId: top.c.installerId });
  }
  return { state, left };
}

/** Chooses the zones for the budget, explains what was left, and draws the gain against the budget. */
export function propose(input: ProposalInput): Proposal {
  const capacity = input.capacity ?? {};
  const byId = new Map(input.candidates.map((c) => [c.siteId, c]));
  const unknown = [...(input.pinnedIn ?? []), ...(input.pinnedOut ?? [])].filter((id) => !byId.has(id));
  if (unknown.length) throw new ProposalError("unknown_pin", `No candidate of this year has the id ${unknown.join(", ")}.`, unknown);
  const out = new Set(input.pinnedOut ?? []);
  const pinned = (input.pinnedIn ?? []).filter((id) => !out.has(id)).map((id) => byId.get(id)!);
  const pinnedCost = pinned.reduce((n, c) => n + c.costKrw, 0);
  if (pinnedCost > input.budgetKrw) {
    throw new ProposalError(
      "pins_over_budget",
      `The zones pinned in cost ₩${pinnedCost}, over the budget of ₩${input.budgetKrw}.`,
      pinned.map((c) => c.siteId),
    );
  }
  const check = new State(capacity);
  for (const c of pinned) {
    if (check.fits(c, Infinity) === "over_capacity") {
      throw new ProposalError("pins_over_capacity", `The zones pinned in need more APs than partner ${c.installerId} can install.`, [c.siteId]);
    }
    check.add(c, true);
  }
  const pinnedIds = new Set(pinned.map((c) => c.siteId));
  const pool = input.candidates.filter((c) => !pinnedIds.has(c.siteId) && !out.has(c.siteId));

  const byGreedy = greedy(pool, pinned, input.budgetKrw, capacity);
  // The greedy's path with no budget: the curve, and its prefix that fits the budget as a third answer.
  const path = greedy(pool, pinned, Infinity, capacity).state.chosen;
  const prefixAt = (budget: number) => {
    const set: Chosen[] = [];
    let cost = 0;
    for (const c of path) {
      if (cost + c.costKrw > budget) break;
      cost += c.costKrw;
      set.push(c);
    }
    return set;
  };
  // The best single zone that fits beside the pins.
  let single: ProposalCandidate | null = null;
  let singleGain = -1;
  for (const c of pool) {
    if (check.fits(c, input.budgetKrw - pinnedCost) !== "ok") continue;
    const g = marginal(c, check.covered);
    if (g > singleGain) {
      single = c;
      singleGain = g;
    }
  }

  const value = (ids: readonly number[]) => gainOf(ids.map((id) => byId.get(id)!));
  const options: { rule: Proposal["rule"]; ids: number[] }[] = [
    { rule: "greedy", ids: byGreedy.state.chosen.map((c) => c.siteId) },
    { rule: "best_single", ids: [...pinned.map((c) => c.siteId), ...(single ? [single.siteId] : [])] },
    { rule: "path", ids: prefixAt(input.budgetKrw).map((c) => c.siteId) },
  ];
  const best = options.reduce((a, b) => (value(b.ids) > value(a.ids) + 1e-9 ? b : a));
  const share = withTargetShare(best.ids, { byId, pool, pinnedIds, budget: input.budgetKrw, capacity, min: input.minTargetShare });
  best.ids = share.ids;

  // The answer again as a state, for the marginal gains in order and the totals.
  const final = new State(capacity);
  for (const id of best.ids) final.add(byId.get(id)!, pinnedIds.has(id));
  const chosenIds = new Set(best.ids);
  const leftById = new Map(byGreedy.left.map((l) => [l.siteId, l]));
  const left: Left[] = [
    ...[...out].filter((id) => byId.has(id)).map((id) => ({ siteId: id, why: "pinned_out" as const, gain: 0, costKrw: byId.get(id)!.costKrw })),
    ...pool
      .filter((c) => !chosenIds.has(c.siteId))
      .map((c): Left => {
        const gain = round1(marginal(c, final.covered));
        const atItsTurn = leftById.get(c.siteId);
        if (gain <= 0) return { siteId: c.siteId, why: c.elements.length ? "already_covered" : "nothing_to_cover", gain: 0, costKrw: c.costKrw };
        const fit = final.fits(c, input.budgetKrw);
        return { siteId: c.siteId, why: fit === "ok" ? (atItsTurn?.why ?? "over_budget") : fit, gain, costKrw: c.costKrw, partnerId: c.installerId };
      }),
  ];

  const curveTo = input.curveToKrw ?? input.budgetKrw * 2;
  const steps = input.curveSteps ?? 20;
  const curve: CurvePoint[] = Array.from({ length: steps + 1 }, (_, i) => {
    const budgetKrw = Math.round((curveTo * i) / steps);
    return { budgetKrw, gain: round1(value(prefixAt(budgetKrw).map((c) => c.siteId))) };
  });

  const chosen = final.chosen;
  const sumBy = <K>(key: (c: ProposalCandidate) => K, amount: (c: ProposalCandidate) => number) => {
    const m = new Map<K, number>();
    for (const c of chosen) {
      const z = byId.get(c.siteId)!;
      m.set(key(z), (m.get(key(z)) ?? 0) + amount(z));
    }
    return [...m];
  };
  const dongs = new Map<string, number>();
  for (const c of chosen) {
    const d = byId.get(c.siteId)!.dong;
    if (d) dongs.set(d.name, d.voters);
  }
  return {
    chosen,
    left,
    rule: best.rule,
    targetShare: { share: share.share, min: input.minTargetShare ?? null, met: share.met, swapped: share.swapped },
    totals: {
      costKrw: final.cost,
      gain: round1(value(best.ids)),
      residentsCovered: [...dongs.values()].reduce((n, v) => n + v, 0),
      costByPayer: sumBy(
        (c) => c.payerId,
        (c) => c.costKrw,
      ).map(([partnerId, costKrw]) => ({ partnerId, costKrw })),
      apsByInstaller: sumBy(
        (c) => c.installerId,
        (c) => c.aps,
      ).map(([partnerId, aps]) => ({ partnerId, aps })),
    },
    curve,
  };
}

/**
 * Meets a minimum share of target-category zones by swapping: while the share is short, the chosen
 * zone outside the targets whose removal costs least coverage gives way to the target candidate that
 * adds most per won and fits (budget and capacity after the removal); or, when the budget allows, the
 * target candidate is simply added. Stops when met or when no target candidate fits.
 */
function withTargetShare(
  ids: number[],
  {
    byId,
    pool,
    pinnedIds,
    budget,
    capacity,
    min,
  }: {
    byId: ReadonlyMap<number, ProposalCandidate>;
    pool: readonly ProposalCandidate[];
    pinnedIds: ReadonlySet<number>;
    budget: number;
    capacity: Readonly<Record<number, number>>;
    min: number | undefined;
  },
): { ids: number[]; share: number; met: boolean; swapped: number } {
  const shareOf = (list: number[]) => (list.length ? list.filter((id) => byId.get(id)!.target).length / list.length : 0);
  let current = [...ids];
  let swapped = 0;
  const fits = (list: number[]) => {
    const st = new State(capacity);
    for (const id of list) {
      const c = byId.get(id)!;
      if (st.fits(c, budget) !== "ok") return false;
      st.add(c, false);
    }
    return true;
  };
  while (min !== undefined && current.length && shareOf(current) + 1e-9 < min) {
    const chosen = new Set(current);
    const targets = pool.filter((c) => c.target && !chosen.has(c.siteId));
    const ratio = (c: ProposalCandidate, list: number[]) =>
      (gainOf([...list.map((id) => byId.get(id)!), c]) - gainOf(list.map((id) => byId.get(id)!))) / Math.max(c.costKrw, 1);
    // Adding a target zone, if it fits beside the others.
    const addable = targets.filter((c) => fits([...current, c.siteId])).sort((a, b) => ratio(b, current) - ratio(a, current))[0];
    if (addable) {
      current = [...current, addable.siteId];
      swapped++;
      continue;
    }
    // Else swapping out the non-target zone whose loss costs least.
    const loss = (id: number) => gainOf(current.map((x) => byId.get(x)!)) - gainOf(current.filter((x) => x !== id).map((x) => byId.get(x)!));
    const outs = current.filter((id) => !byId.get(id)!.target && !pinnedIds.has(id)).sort((a, b) => loss(a) - loss(b));
    let done = false;
    for (const out of outs) {
      const rest = current.filter((id) => id !== out);
      const swapIn = targets.filter((c) => fits([...rest, c.siteId])).sort((a, b) => ratio(b, rest) - ratio(a, rest))[0];
      if (swapIn) {
        current = [...rest, swapIn.siteId];
        swapped++;
        done = true;
        break;
      }
    }
    if (!done) break;
  }
  const share = Math.round(shareOf(current) * 1000) / 1000;
  return { ids: current, share, met: min === undefined || share + 1e-9 >= min, swapped };
}

/**
 * The optimum by trying every set that fits (for tests and the benchmark on small instances): the
 * candidates in order, each in or out, pruned by budget and capacity.
 */
export function optimum(input: Pick<ProposalInput, "candidates" | "budgetKrw" | "capacity">): number {
  const { candidates, budgetKrw } = input;
  const capacity = input.capacity ?? {};
  let best = 0;
  const set: ProposalCandidate[] = [];
  const aps = new Map<number | null, number>();
  const walk = (i: number, cost: number) => {
    if (i === candidates.length) {
      best = Math.max(best, gainOf(set));
      return;
    }
    const c = candidates[i]!;
    walk(i + 1, cost);
    const cap = c.installerId === null ? undefined : capacity[c.installerId];
    const used = aps.get(c.installerId) ?? 0;
    if (cost + c.costKrw <= budgetKrw && (cap === undefined || used + c.aps <= cap)) {
      set.push(c);
      aps.set(c.installerId, used + c.aps);
      walk(i + 1, cost + c.costKrw);
      aps.set(c.installerId, used);
      set.pop();
    }
  };
  walk(0, 0);
  return round1(best);
}

/** The guarantee of the rule used when only the budget binds. */
export const GUARANTEE = (1 - 1 / Math.E) / 2;
