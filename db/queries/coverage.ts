// Coverage analysis of a municipality: its planning settings, which places are covered, and the
// candidates' scores. Used by the app and the export command, so no server-only marker.
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { POI_KINDS, type PoiKind, type SiteCategory, type SiteStatus } from "../../lib/domain";
import type { LatLng } from "../../lib/geo";
import { areaIndex, countWithin, pointIndex } from "../../lib/spatial";
import {
  coveredPois,
  DEFAULT_PLANNING_SETTINGS,
  GAP_CATEGORY,
  planningSettings as settingsSchema,
  scoreOn,
  scoringGround,
  type DemandArea,
  type PlanningSettings,
  type Poi,
  type ScoreParts,
} from "../../lib/planning";
import type { Conn, Db } from "../client";
import * as s from "../schema";

export async function getPlanningSettings(db: Conn, { municipalityId }: { municipalityId: number }): Promise<PlanningSettings & { version: number }> {
  const [row] = await db.select().from(s.planningSettings).where(eq(s.planningSettings.municipalityId, municipalityId));
  if (!row) return { ...DEFAULT_PLANNING_SETTINGS, version: 0 };
  // Settings saved before a weight existed take its default, instead of falling back to all defaults.
  const saved = row.settings as { weights?: object } | null;
  const parsed = settingsSchema.safeParse({ ...saved, weights: { ...DEFAULT_PLANNING_SETTINGS.weights, ...saved?.weights } });
  return { ...(parsed.success ? parsed.data : DEFAULT_PLANNING_SETTINGS), version: row.version };
}

/** Places that count as covered: active APs and the positions of approved or installing zones. */
async function coveragePoints(db: Db, { municipalityId }: { municipalityId: number }): Promise<{ active: LatLng[]; planned: LatLng[] }> {
  const [active, planned] = await Promise.all([
    db
      .select({ lat: sql<number>`${s.accessPoints.lat}`, lng: sql<number>`${s.accessPoints.lng}` })
      .from(s.accessPoints)
      .where(and(eq(s.accessPoints.municipalityId, municipalityId), eq(s.accessPoints.status, "active"), isNotNull(s.accessPoints.lat))),
    db
      .select({ lat: sql<number>`${s.sites.lat}`, lng: sql<number>`${s.sites.lng}` })
      .from(s.sites)
      .where(and(eq(s.sites.municipalityId, municipalityId), inArray(s.sites.status, ["approved", "installing"]), isNotNull(s.sites.lat))),
  ]);
  return { active, planned };
}

async function poisOf(db: Db, { municipalityId }: { municipalityId: number }): Promise<Poi[]> {
  return db
    .select({
      id: s.pointsOfInterest.id,
      kind: s.pointsOfInterest.kind,
      name: s.pointsOfInterest.name,
      lat: sql<number>`${s.pointsOfInterest.lat}`,
      lng: sql<number>`${s.pointsOfInterest.lng}`,
    })
    .from(s.pointsOfInterest)
    .where(and(eq(s.pointsOfInterest.municipalityId, municipalityId), isNotNull(s.pointsOfInterest.lat)));
}

/** What scoring and proposing start from: the settings, the places, which are covered, and the 읍면동 with their active APs. */
async function coverageOf(db: Db, { municipalityId, dongs }: { municipalityId: number; dongs?: readonly Omit<DemandArea, "activeAps">[] }) {
  const [{ version: _v, ...settings }, pois, coverage] = await Promise.all([
    getPlanningSettings(db, { municipalityId }),
    poisOf(db, { municipalityId }),
    coveragePoints(db, { municipalityId }),
  ]);
  const covered = coveredPois(pois, [...coverage.active, ...coverage.planned], settings.coverageRadiusM);
  const apsIn = dongs ? countWithin(dongs, coverage.active) : undefined;
  const demand = dongs?.map((d) => ({ ...d, activeAps: apsIn!.get(d)! }));
  return { settings, pois, coverage, covered, demand };
}

/** A candidate's own fields, as the list and a proposal read them. */
const candidateColumns = {
  id: s.sites.id,
  name: s.sites.name,
  category: s.sites.category,
  status: s.sites.status,
  planYear: s.sites.planYear,
  plannedApCount: s.sites.plannedApCount,
  lat: s.sites.lat,
  lng: s.sites.lng,
  version: s.sites.version,
};

export type CandidateFilters = { status?: "candidate" | "surveyed" | "approved" | "rejected"; year?: number; category?: SiteCategory };
export type CandidateRow = {
  id: number;
  name: string;
  category: SiteCategory;
  status: SiteStatus;
  planYear: number | null;
  plannedApCount: number;
  lat: number | null;
  lng: number | null;
  notes: string | null;
  version: number;
  score: ScoreParts | null;
};

/** The candidates (all of them unless a status is asked for) with their scores, best first, and the settings used. */
export async function scoredCandidates(
  db: Db,
  {
    municipalityId,
    dongs,
    ...filters
  }: CandidateFilters & {
    municipalityId: number;
    /** The municipality's 읍면동 with outline and registered voters, where known: the residents part of the score. */
    dongs?: readonly Omit<DemandArea, "activeAps">[];
  },
): Promise<{ items: CandidateRow[]; settings: PlanningSettings }> {
  const where: (SQL | undefined)[] = [
    eq(s.sites.municipalityId, municipalityId),
    // No status asked for ("전체"): every candidate, decided or not, so an approved one stays listed.
    filters.status ? eq(s.sites.status, filters.status) : inArray(s.sites.status, ["candidate", "surveyed", "approved", "rejected"]),
    filters.year !== undefined ? eq(s.sites.planYear, filters.year) : undefined,
    filters.category ? eq(s.sites.category, filters.category) : undefined,
  ];
  const [rows, { settings, pois, coverage, covered, demand }, years] = await Promise.all([
    db
      .select({ ...candidateColumns, notes: s.sites.notes })
      .from(s.sites)
      .where(and(...where))
      .orderBy(asc(s.sites.id)),
    coverageOf(db, { municipalityId, dongs }),
    db
      .select({ year: s.planYears.year, categories: s.planYears.targetCategories })
      .from(s.planYears)
      .innerJoin(s.programs, eq(s.planYears.programId, s.programs.id))
      .where(eq(s.programs.municipalityId, municipalityId)),
  ]);
  const priorities = new Map(years.map((y) => [y.year, y.categories]));
  const ground = scoringGround({ activeAps: coverage.active, pois, coveredPoiIds: covered, demand, settings });
  const items = rows.map((r) => ({
    ...r,
    score:
      r.lat === null || r.lng === null
        ? null
        : scoreOn(ground, { at: { lat: r.lat, lng: r.lng }, category: r.category, priorityCategories: priorities.get(r.planYear ?? -1) ?? [] }),
  }));
  items.sort((a, b) => (b.score?.total ?? -1) - (a.score?.total ?? -1) || a.id - b.id);
  return { items, settings };
}

/**
 * Points of interest no active AP or approved zone covers: the count by kind (every kind, whatever
 * the filter) and one page of the places of the kind asked for, by kind in the order the screen's
 * counts show them (markets first, as in `POI_KINDS`) and then name.
 */
export async function coverageGaps(
  db: Db,
  { municipalityId, kind, page = 1, pageSize = 50 }: { municipalityId: number; kind?: PoiKind; page?: number; pageSize?: number },
) {
  const { settings, pois, covered } = await coverageOf(db, { municipalityId });
  const byKind: Partial<Record<PoiKind, { total: number; uncovered: number }>> = {};
  for (const p of pois) {
    const k = (byKind[p.kind] ??= { total: 0, uncovered: 0 });
    k.total++;
    if (!covered.has(p.id)) k.uncovered++;
  }
  const byName = new Intl.Collator("ko");
  const gaps = pois
    .filter((p) => !covered.has(p.id) && (!kind || p.kind === kind))
    .sort((a, b) => POI_KINDS.indexOf(a.kind) - POI_KINDS.indexOf(b.kind) || byName.compare(a.name, b.name) || a.id - b.id);
  return { radiusM: settings.coverageRadiusM, byKind, total: gaps.length, page, pageSize, items: gaps.slice((page - 1) * pageSize, page * pageSize) };
}

/**
 * What a proposal for `year` chooses from: the undecided candidates of that year (or of none) with a
 * position, each with the uncovered places of interest within the coverage radius, its 읍면동 (voters
 * and active APs) and whether its category is a target of the year; and the settings that weigh them.
 */
export async function proposalCandidates(
  db: Db,
  { municipalityId, year, dongs }: { municipalityId: number; year: number; dongs?: readonly Omit<DemandArea, "activeAps">[] },
) {
  const [rows, { settings, pois, covered, demand }, years] = await Promise.all([
    db
      .select({ ...candidateColumns, lat: sql<number>`${s.sites.lat}`, lng: sql<number>`${s.sites.lng}` })
      .from(s.sites)
      .where(
        and(
          eq(s.sites.municipalityId, municipalityId),
          inArray(s.sites.status, ["candidate", "surveyed"]),
          sql`(${s.sites.planYear} = ${year} or ${s.sites.planYear} is null)`,
          isNotNull(s.sites.lat),
        ),
      )
      .orderBy(asc(s.sites.id)),
    coverageOf(db, { municipalityId, dongs }),
    db
      .select({ categories: s.planYears.targetCategories })
      .from(s.planYears)
      .innerJoin(s.programs, eq(s.planYears.programId, s.programs.id))
      .where(and(eq(s.programs.municipalityId, municipalityId), eq(s.planYears.year, year))),
  ]);
  const uncovered = pois.filter((p) => !covered.has(p.id));
  const targets = years[0]?.categories ?? [];
  const uncoveredNear = pointIndex(uncovered);
  const dongAt = demand ? areaIndex(demand) : undefined;
  /** What a zone at `at` would cover: the uncovered places within the radius, and its 읍면동. */
  const around = (at: LatLng) => ({
    pois: uncoveredNear.within(at, settings.coverageRadiusM).sort((a, b) => a.id - b.id),
    dong: dongAt?.(at) ?? null,
  });
  const candidates = rows.map((r) => ({ ...r, ...around(r), target: targets.includes(r.category) }));
  const candidatesNear = pointIndex(candidates);
  return {
    settings,
    targets,
    candidates,
    /** Places without Wi-Fi and with no candidate near them yet, each as a zone there would cover. */
    places: uncovered
      .filter((p) => !candidatesNear.anyWithin(p, settings.coverageRadiusM))
      .map((p) => ({ poi: p, category: GAP_CATEGORY[p.kind], ...around(p), target: targets.includes(GAP_CATEGORY[p.kind]) })),
  };
}

/** A plan year's targets, and the zones (with their planned APs) already approved or further for it. */
export async function yearTargetsOf(db: Db, { municipalityId, year }: { municipalityId: number; year: number }) {
  const [targets] = await db
    .select({ zones: s.planYears.targetZones, accessPoints: s.planYears.targetAccessPoints, budgetKrw: s.planYears.targetBudgetKrw })
    .from(s.planYears)
    .innerJoin(s.programs, eq(s.planYears.programId, s.programs.id))
    .where(and(eq(s.programs.municipalityId, municipalityId), eq(s.planYears.year, year)));
  const [planned] = await db
    .select({ zones: sql<number>`count(*)::int`, accessPoints: sql<number>`coalesce(sum(${s.sites.plannedApCount}), 0)::int` })
    .from(s.sites)
    .where(and(eq(s.sites.municipalityId, municipalityId), eq(s.sites.planYear, year), inArray(s.sites.status, ["approved", "installing", "active"])));
  return { targets: targets ?? { zones: null, accessPoints: null, budgetKrw: null }, planned: planned ?? { zones: 0, accessPoints: 0 } };
}
