// Planning rules: the site lifecycle, the candidate score from coverage analysis, and the work items an approval creates.
import { z } from "zod";
import { POI_KINDS, SITE_CATEGORIES, type PoiKind, type SiteCategory, type SiteStatus, type WorkKind } from "./domain";
import type { Area, LatLng } from "./geo";
import { areaIndex, pointIndex, type PointIndex } from "./spatial";
import { krw, MAX_PLANNED_APS, MAX_UNIT_COST_KRW, text } from "./limits";

/** Where a site may go from each status. Rejected sites can be reopened as candidates. */
export const SITE_TRANSITIONS: Record<SiteStatus, readonly SiteStatus[]> = {
  candidate: ["surveyed", "rejected"],
  surveyed: ["approved", "rejected"],
  approved: ["installing", "rejected"],
  installing: ["active"],
  active: ["decommissioned"],
  decommissioned: [],
  rejected: ["candidate"],
  // Only an import retires a zone, when the admin says a newer edition supersedes it.
  retired: [],
};

export function allowedNext(from: SiteStatus): readonly SiteStatus[] {
  return SITE_TRANSITIONS[from];
}

export function isLegalTransition(from: SiteStatus, to: SiteStatus): boolean {
  return SITE_TRANSITIONS[from].includes(to);
}

// ── settings ────────────────────────────────────────────────────────────────

export const scoringWeights = z.strictObject({
  /** Points for a candidate at least `distanceCapM` from the nearest active AP; linear below. */
  distance: z.number().min(0).max(1000),
  distanceCapM: z.number().int().min(50).max(20_000),
  /** Points per point of interest within the coverage radius that no active or approved AP covers. */
  poi: z.strictObject(Object.fromEntries(POI_KINDS.map((k) => [k, z.number().min(0).max(1000)])) as Record<PoiKind, z.ZodNumber>),
  /** Points when the candidate's category is a target category of its plan year. */
  priority: z.number().min(0).max(1000),
  /**
   * Points for the residents the candidate would serve: the registered voters (선거인수 2022) of its
   * 읍면동 shared by the active APs there and the candidate, full points at `residentsCap` or more.
   */
  residents: z.number().min(0).max(1000),
  residentsCap: z.number().int().min(100).max(1_000_000),
});
export type ScoringWeights = z.infer<typeof scoringWeights>;

/** Planned unit costs (KRW) an approval uses for its work items: per AP, or per site. */
export const unitCosts = z.strictObject({
  equipmentPerAp: krw(MAX_UNIT_COST_KRW),
  installationPerAp: krw(MAX_UNIT_COST_KRW),
  lineProvisionPerSite: krw(MAX_UNIT_COST_KRW),
  lineConstructionPerSite: krw(MAX_UNIT_COST_KRW),
});
export type UnitCosts = z.infer<typeof unitCosts>;

export const planningSettings = z.strictObject({
  coverageRadiusM: z.number().int().min(10).max(1000),
  weights: scoringWeights,
  unitCosts,
});
export type PlanningSettings = z.infer<typeof planningSettings>;

/** Defaults until a planner changes them: markets and bus stops weigh most, as in the 2021 targets. */
export const DEFAULT_PLANNING_SETTINGS: PlanningSettings = {
  coverageRadiusM: 50,
  weights: {
    distance: 30,
    distanceCapM: 1000,
    poi: { traditional_market: 10, bus_stop: 8, tourist_spot: 6, park: 3, parking: 1 },
    priority: 20,
    residents: 15,
    residentsCap: 5000,
  },
  unitCosts: { equipmentPerAp: 800_000, installationPerAp: 300_000, lineProvisionPerSite: 400_000, lineConstructionPerSite: 1_200_000 },
};

// ── score ───────────────────────────────────────────────────────────────────

export type Poi = { id: number; kind: PoiKind; name: string; lat: number; lng: number };
export type ScoreParts = {
  nearestActiveM: number | null;
  distancePoints: number;
  uncovered: { kind: PoiKind; count: number; points: number }[];
  poiPoints: number;
  priority: boolean;
  priorityPoints: number;
  /** The candidate's 읍면동 (where its outline is known): its voters, its active APs, the share the candidate would serve. */
  residents: { dong: string; voters: number; activeAps: number; share: number } | null;
  residentsPoints: number;
  total: number;
};

/** A 읍면동 a candidate may lie in: its outline, its registered voters and the active APs inside it. */
export type DemandArea = { name: string; area: Area; voters: number; activeAps: number };

const round1 = (n: number) => Math.round(n * 10) / 10;

/** What a candidate is scored against, indexed once for every candidate of a request. */
export type ScoringGround = {
  /** Active APs. */
  activeAps: PointIndex<LatLng>;
  /** Points of interest, and which of them are already covered. */
  pois: PointIndex<Poi>;
  coveredPoiIds: ReadonlySet<number>;
  /** The 읍면동 holding a point, with voters, where the app knows their outlines. */
  dongAt?: (p: LatLng) => DemandArea | undefined;
  settings: PlanningSettings;
};

export function scoringGround(args: {
  activeAps: readonly LatLng[];
  pois: readonly Poi[];
  coveredPoiIds: ReadonlySet<number>;
  demand?: readonly DemandArea[];
  settings: PlanningSettings;
}): ScoringGround {
  return {
    activeAps: pointIndex(args.activeAps),
    pois: pointIndex(args.pois),
    coveredPoiIds: args.coveredPoiIds,
    dongAt: args.demand ? areaIndex(args.demand) : undefined,
    settings: args.settings,
  };
}

/**
 * The score of a candidate position: how far it is from the nearest active AP (capped), how many
 * points of interest it would newly cover by kind, whether its category is a priority of its year,
 * and the residents of its 읍면동 per AP.
 */
export function scoreOn(ground: ScoringGround, c: { at: LatLng; category: SiteCategory; priorityCategories: readonly SiteCategory[] }): ScoreParts {
  const { weights, coverageRadiusM } = ground.settings;
  const nearest = ground.activeAps.nearest(c.at)?.distanceM ?? null;
  const distancePoints = round1(weights.distance * Math.min(1, (nearest ?? weights.distanceCapM) / weights.distanceCapM));
  const counts = new Map<PoiKind, number>();
  for (const poi of ground.pois.within(c.at, coverageRadiusM)) {
    if (ground.coveredPoiIds.has(poi.id)) continue;
    counts.set(poi.kind, (counts.get(poi.kind) ?? 0) + 1);
  }
  const uncovered = POI_KINDS.filter((k) => counts.has(k)).map((kind) => ({
    kind,
    count: counts.get(kind)!,
    points: round1(counts.get(kind)! * weights.poi[kind]),
  }));
  const poiPoints = round1(uncovered.reduce((s, u) => s + u.points, 0));
  const priority = c.priorityCategories.includes(c.category);
  const priorityPoints = priority ? weights.priority : 0;
  // The voters of its 읍면동, shared by the APs there and the new zone: one person counted once.
  const dong = ground.dongAt?.(c.at);
  const residents = dong ? { dong: dong.name, voters: dong.voters, activeAps: dong.activeAps, share: Math.round(dong.voters / (dong.activeAps + 1)) } : null;
  const residentsPoints = residents ? round1(weights.residents * Math.min(1, residents.share / weights.residentsCap)) : 0;
  return {
    nearestActiveM: nearest === null ? null : Math.round(nearest),
    distancePoints,
    uncovered,
    poiPoints,
    priority,
    priorityPoints,
    residents,
    residentsPoints,
    total: round1(distancePoints + poiPoints + priorityPoints + residentsPoints),
  };
}

/** One candidate's score, its ground indexed for it alone. */
export function scoreCandidate(
  args: Parameters<typeof scoringGround>[0] & { at: LatLng; category: SiteCategory; priorityCategories: readonly SiteCategory[] },
): ScoreParts {
  return scoreOn(scoringGround(args), args);
}

/** Which points of interest lie within `radiusM` of any coverage point (active APs, approved sites). */
export function coveredPois(pois: readonly Poi[], coverage: readonly LatLng[], radiusM: number): Set<number> {
  const index = pointIndex(coverage);
  return new Set(pois.filter((poi) => index.anyWithin(poi, radiusM)).map((poi) => poi.id));
}

// ── approval ────────────────────────────────────────────────────────────────

export type PlannedWork = { kind: WorkKind; plannedCostKrw: number | null };

/**
 * The work items approving a site for a year creates, with planned costs from the unit costs.
 * The work carries the cost; the funding item is the funder's task and has none of its own
 * (who pays for the work is said on the work, so the zone's cost is counted once).
 */
export function plannedWorkFor(apCount: number, costs: UnitCosts): PlannedWork[] {
  return [
    { kind: "equipment_purchase", plannedCostKrw: apCount * costs.equipmentPerAp },
    { kind: "installation", plannedCostKrw: apCount * costs.installationPerAp },
    { kind: "line_provision", plannedCostKrw: costs.lineProvisionPerSite },
    { kind: "line_construction", plannedCostKrw: costs.lineConstructionPerSite },
    { kind: "funding", plannedCostKrw: null },
  ];
}

// ── inputs ──────────────────────────────────────────────────────────────────

/** A new candidate as the form and `POST /api/candidates` send it; the year and position are checked against the program and outline by the server. */
export const candidateInput = z.strictObject({
  name: text({ max: 200, required: true }),
  category: z.enum(SITE_CATEGORIES, { error: "unknown category" }),
  planYear: z.number({ error: "expected a year" }).int("expected a year"),
  plannedApCount: z.number().int().min(1).max(MAX_PLANNED_APS),
  lat: z.number({ error: "expected a latitude" }).min(-90).max(90),
  lng: z.number({ error: "expected a longitude" }).min(-180).max(180),
  notes: text({ max: 2000, multiline: true }).optional(),
});
export type CandidateInput = z.infer<typeof candidateInput>;

/** Zone ids; a place without Wi-Fi proposed as a new zone goes by its place's id made negative. */
const siteIds = z
  .array(
    z
      .number()
      .int()
      .refine((n) => n !== 0, "expected a zone id"),
    { error: "expected zone ids" },
  )
  .max(10_000);

/** `POST /api/plan/proposals`: the year, the budget, and optionally each installer's capacity (APs, by partner id) and pins. */
export const proposalInput = z.strictObject({
  planYear: z.number({ error: "expected a year" }).int("expected a year"),
  budgetKrw: krw(),
  partnerCapacity: z.record(z.string().regex(/^\d+$/, "expected a partner id"), z.number().int().min(0).max(1_000_000)).optional(),
  pinnedIn: siteIds.optional(),
  pinnedOut: siteIds.optional(),
  includePlaces: z.boolean().optional(),
  minTargetShare: z.number().min(0).max(1).optional(),
});

/** `POST /api/plan/proposals/accept`: the year and the zones of the proposal accepted. */
export const acceptProposalInput = z.strictObject({ planYear: z.number({ error: "expected a year" }).int("expected a year"), siteIds: siteIds.min(1) });

/** The zone category a candidate proposed from a place of each kind starts with. */
export const GAP_CATEGORY: Record<PoiKind, SiteCategory> = {
  traditional_market: "traditional_market",
  tourist_spot: "culture_tourism",
  park: "park",
  parking: "transport",
  bus_stop: "bus_stop",
};

/** Years a candidate may be planned for: the program's years and the one after. */
/**
 * The years new work may be planned in: the program's years and the next, less the closed ones
 * (their results are published). The first of them is the one a form offers first.
 */
export function plannableYears(program: { startYear: number; endYear: number }, closed: readonly number[] = []): number[] {
  const years: number[] = [];
  for (let y = program.startYear; y <= program.endYear + 1; y++) if (!closed.includes(y)) years.push(y);
  return years;
}

/** Days a partner is given, at least, for work planned in a year whose end has already passed. */
export const LATE_YEAR_LEAD_DAYS = 90;

/**
 * When new work of `year` is due (YYYY-MM-DD): at the year's end, as the plan schedules it; for a
 * year still open whose end has passed, LATE_YEAR_LEAD_DAYS from `today`, so new work never starts overdue.
 */
export function dueDateFor(year: number, today: string): string {
  const yearEnd = `${year}-12-31`;
  if (yearEnd >= today) return yearEnd;
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + LATE_YEAR_LEAD_DAYS);
  return d.toISOString().slice(0, 10);
}

/** Whether a work item is overdue on `today` (YYYY-MM-DD): past its due date and not done or cancelled. */
export function isOverdue(item: { dueDate: string | null; status: string }, today: string): boolean {
  return item.dueDate !== null && item.dueDate < today && item.status !== "done" && item.status !== "cancelled";
}
