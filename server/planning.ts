// Planning: candidates and their scores, a zone's lifecycle (approval creates work items), plan years,
// the planning settings and the gaps in coverage. Each use case checks who asks and runs in one transaction.
import type { Tx } from "../db/client";
import { recordChange, type Actor } from "../db/queries/audit";
import { nationalOutline } from "../db/national-outlines";
import * as q from "../db/queries/planning";
import type * as s from "../db/schema";
import { authorize } from "../lib/authz";
import type { PoiKind, SiteCategory, SiteStatus } from "../lib/domain";
import { AppError, fieldError } from "../lib/errors";
import { asArea, containsPoint, type LatLng } from "../lib/geo";
import { allowedNext, dueDateFor, isLegalTransition, plannableYears, plannedWorkFor, type CandidateInput, type PlanningSettings } from "../lib/planning";
import { readModel } from "../lib/read-model";
import type { RequestContext } from "./context";
import { staleVersion } from "./conflicts";
import { demandAreasOf, dongAt } from "./municipalities";
import { siteModel } from "./sites";

type CandidateRow = Awaited<ReturnType<typeof q.scoredCandidates>>["items"][number];

/** The municipality's current program (the latest); planning happens in it. */
export async function currentProgram(conn: Parameters<typeof q.findCurrentProgram>[0], municipalityId: number) {
  const program = await q.findCurrentProgram(conn, { municipalityId });
  if (!program) throw new AppError("unprocessable", "This municipality has no program to plan in.");
  return program;
}

// ── settings ────────────────────────────────────────────────────────────────

/** The planning settings (radius, score weights, unit costs) for members; the version to send back. */
export async function getPlanningSettings(ctx: RequestContext) {
  authorize(ctx.viewer, ctx.municipality.id, "read");
  return q.getPlanningSettings(ctx.db, { municipalityId: ctx.municipality.id });
}

export async function updatePlanningSettings(ctx: RequestContext, { settings, version }: { settings: PlanningSettings; version: number }) {
  const municipalityId = ctx.municipality.id;
  authorize(ctx.viewer, municipalityId, "editPlan");
  return ctx.db.transaction(async (tx) => {
    const before = await q.getPlanningSettings(tx, { municipalityId: municipalityId });
    if (before.version !== version) throw staleVersion("setting", before);
    if (!(await q.savePlanningSettings(tx, { municipalityId, settings, version: before.version + 1 }))) {
      throw staleVersion("setting", await q.getPlanningSettings(tx, { municipalityId }));
    }
    const { version: _v, ...plain } = before;
    await recordChange(tx, ctx.actor, {
      action: "update",
      entityType: "planning_settings",
      entityId: municipalityId,
      municipalityId,
      before: plain,
      after: settings,
    });
    return { ...settings, version: before.version + 1 };
  });
}

// ── candidates ──────────────────────────────────────────────────────────────

export const candidateModel = readModel<CandidateRow>()({
  public: ["id", "name", "category", "status", "planYear", "plannedApCount", "lat", "lng", "version", "score"],
  readCosts: ["notes"],
});

export type CandidateSort = "score" | "name" | "planYear" | "status" | "apCount";
export type CandidateQuery = {
  status?: "candidate" | "surveyed" | "approved" | "rejected";
  year?: number;
  category?: SiteCategory;
  sort?: CandidateSort;
  dir?: "asc" | "desc";
};

/**
 * Candidates with their score and its parts, sorted by any column (score: best first), and how the
 * score is made (radius and weights: public, like the score). Unit costs are settings, not scoring.
 */
export async function listCandidates(ctx: RequestContext, { sort = "score", dir, ...filters }: CandidateQuery) {
  const dongs = await demandAreasOf(ctx.db, ctx.municipality);
  const { items, settings } = await q.scoredCandidates(ctx.db, { ...filters, municipalityId: ctx.municipality.id, dongs });
  const key: Record<CandidateSort, (r: CandidateRow) => number | string> = {
    score: (r) => r.score?.total ?? -1,
    name: (r) => r.name,
    planYear: (r) => r.planYear ?? 0,
    status: (r) => r.status,
    apCount: (r) => r.plannedApCount,
  };
  const sign = (dir ?? (sort === "score" ? "desc" : "asc")) === "asc" ? 1 : -1;
  items.sort((a, b) => {
    const [x, y] = [key[sort](a), key[sort](b)];
    const c = typeof x === "string" && typeof y === "string" ? x.localeCompare(y, "ko") : Number(x) - Number(y);
    return sign * c || a.id - b.id;
  });
  return { items: candidateModel.many(items, ctx.grants), scoring: scoringOf(settings) };
}

/** How candidates are scored (radius and weights): public, like the scores they explain. */
const scoringOf = (settings: PlanningSettings) => ({ coverageRadiusM: settings.coverageRadiusM, weights: settings.weights });

export async function getScoring(ctx: RequestContext) {
  return scoringOf(await q.getPlanningSettings(ctx.db, { municipalityId: ctx.municipality.id }));
}
export type CandidateList = Awaited<ReturnType<typeof listCandidates>>;

/** Checks that a zone's position is inside its municipality; returns the 읍면동 that holds it (see `dongAt`). */
async function checkPlace(tx: Tx, municipalityId: number, p: LatLng): Promise<string | null | undefined> {
  const m = await q.findMunicipalityOutline(tx, { municipalityId });
  // Its own outline, else the national boundaries' (a municipality an import or the directory made).
  const outline = m ? (asArea(m.boundary) ?? nationalOutline(m.provinceKo, m.nameKo)) : null;
  if (m && outline && !containsPoint(outline, p)) {
    throw fieldError("lat", "outside_municipality", `The position ${p.lat.toFixed(5)}, ${p.lng.toFixed(5)} is outside ${m.nameKo}.`);
  }
  return m ? dongAt(tx, m, p) : undefined;
}

/** A year new work may be planned in: the program's open years and the next. */
export async function checkYear(conn: Parameters<typeof q.listClosedYears>[0], program: { id: number; startYear: number; endYear: number }, year: number) {
  const closed = await q.listClosedYears(conn, { programId: program.id });
  if (closed.includes(year)) throw fieldError("planYear", "closed_year", `The results of ${year} are published: nothing new is planned in it.`);
  const years = plannableYears(program, closed);
  if (!years.includes(year)) throw fieldError("planYear", "outside_program", `Plan year ${year} is outside the program (${years[0]}–${years.at(-1)}).`);
}

/** A planner proposes a zone in the request's municipality. */
export async function createCandidate(ctx: RequestContext, input: CandidateInput) {
  const municipalityId = ctx.municipality.id;
  authorize(ctx.viewer, municipalityId, "editPlan");
  const site = await ctx.db.transaction(async (tx) => {
    const program = await currentProgram(tx, municipalityId);
    await checkYear(tx, program, input.planYear);
    const dong = await checkPlace(tx, municipalityId, input);
    const site = await q.insertSite(tx, {
      values: {
        municipalityId,
        programId: program.id,
        name: input.name,
        category: input.category,
        dong: dong ?? null,
        planYear: input.planYear,
        plannedApCount: input.plannedApCount,
        lat: input.lat,
        lng: input.lng,
        notes: input.notes ?? null,
        status: "candidate",
        provenance: "manual",
      },
    });
    await recordChange(tx, ctx.actor, { action: "create", entityType: "site", entityId: site.id, municipalityId, after: site });
    return site;
  });
  return siteModel.one(site, ctx.grants);
}

export type SitePatch = {
  version: number;
  /** With an approval: when the new work is due (else the plan year's schedule, see dueDateFor). */
  dueDate?: string;
  status?: SiteStatus;
  statusReason?: string;
  name?: string;
  category?: SiteCategory;
  planYear?: number;
  plannedApCount?: number;
  notes?: string | null;
  lat?: number;
  lng?: number;
};

/**
 * Changes a site's fields and moves it along its lifecycle. Approving creates the year's work items
 * for the partners of the program's MOU, with planned costs, and the site's planned APs; activating
 * activates them; rejecting an approved site cancels its open work items.
 */
export async function updateSite(ctx: RequestContext, { id, patch, today }: { id: number; patch: SitePatch; today: string }) {
  const after = await ctx.db.transaction(async (tx) => {
    const current = await q.lockSiteById(tx, { id });
    if (!current) throw new AppError("not_found", `No site with id ${id}`);
    authorize(ctx.viewer, current.municipalityId, "editPlan");
    if (current.version !== patch.version) throw staleVersion("zone", current);
    const { version: _v, statusReason, dueDate, ...fields } = patch;
    if (dueDate !== undefined && dueDate < today) throw fieldError("dueDate", "past", `The due date ${dueDate} has passed.`);
    const to = fields.status;
    const moving = to !== undefined && to !== current.status;
    if (moving && !isLegalTransition(current.status, to)) {
      const allowed = allowedNext(current.status);
      throw new AppError("unprocessable", `A ${current.status} zone cannot become ${to}; it can become: ${allowed.join(", ") || "nothing"}.`, {
        path: "status",
        params: { from: current.status, to, allowed },
      });
    }
    if (moving && to === "rejected" && !statusReason?.trim()) throw fieldError("statusReason", "required", "Say why the zone is rejected.");
    const planYear = fields.planYear ?? current.planYear;
    const program = current.programId ? (await q.findProgramById(tx, { id: current.programId }))! : await currentProgram(tx, current.municipalityId);
    if (fields.planYear !== undefined || (moving && to === "approved")) {
      if (planYear === null) throw fieldError("planYear", "required", "Choose the plan year to approve the zone for.");
      await checkYear(tx, program, planYear);
    }
    // A zone a planner places stands where they put it: its 읍면동 follows, and its position is no longer an estimate.
    // Where no 읍면동 outlines are shipped, the 읍면동 it had is kept: nothing here can tell it changed.
    let placed: { dong?: string | null; positionEstimate: false } | undefined;
    if (fields.lat !== undefined || fields.lng !== undefined) {
      const [lat, lng] = [fields.lat ?? current.lat, fields.lng ?? current.lng];
      if (lat === null || lng === null) throw fieldError("lat", "required", "Give both latitude and longitude.");
      const dong = await checkPlace(tx, current.municipalityId, { lat, lng });
      if (lat !== current.lat || lng !== current.lng) placed = { ...(dong === undefined ? {} : { dong }), positionEstimate: false };
    }
    const after = await q.updateSiteById(tx, {
      id,
      set: { ...fields, ...placed, programId: program.id, ...(moving ? { statusReason: statusReason?.trim() || null } : {}), version: current.version + 1 },
    });
    await recordChange(tx, ctx.actor, { action: "update", entityType: "site", entityId: id, municipalityId: current.municipalityId, before: current, after });

    if (moving && to === "approved") await approve(tx, ctx.actor, after, { programId: program.id, dueDate: dueDate ?? dueDateFor(after.planYear!, today) });
    if (moving && to === "active") await q.activatePlannedAccessPoints(tx, { siteId: id });
    if (moving && to === "rejected" && current.status === "approved") {
      const open = await q.cancelOpenWorkItems(tx, { siteId: id });
      for (const w of open) {
        await recordChange(tx, ctx.actor, {
          action: "update",
          entityType: "work_item",
          entityId: w.id,
          municipalityId: current.municipalityId,
          before: { status: "open" },
          after: { status: "cancelled" },
        });
      }
      await q.deletePlannedAccessPoints(tx, { siteId: id });
    }
    return after;
  });
  return siteModel.one(after, ctx.grants);
}

export async function approve(tx: Tx, actor: Actor, site: s.Site, { programId, dueDate }: { programId: number; dueDate: string }) {
  const settings = await q.getPlanningSettings(tx, { municipalityId: site.municipalityId });
  const roles = await q.listProgramRoles(tx, { programId });
  const partnerFor = new Map(roles.map((r) => [r.role, r.partnerId]));
  const items = plannedWorkFor(site.plannedApCount, settings.unitCosts).filter((w) => partnerFor.has(w.kind));
  const created = await q.insertWorkItems(tx, {
    rows: items.map((w) => ({
      programId,
      planYear: site.planYear!,
      partnerId: partnerFor.get(w.kind)!,
      kind: w.kind,
      siteId: site.id,
      status: "not_started" as const,
      dueDate,
      plannedCostKrw: w.plannedCostKrw,
      // The program's funder pays for the work; without one, each partner pays for its own.
      paidByPartnerId: w.kind === "funding" ? null : (partnerFor.get("funding") ?? null),
      provenance: "manual" as const,
    })),
  });
  for (const w of created)
    await recordChange(tx, actor, { action: "create", entityType: "work_item", entityId: w.id, municipalityId: site.municipalityId, after: w });
  const missing = site.plannedApCount - (await q.countSiteAccessPoints(tx, { siteId: site.id }));
  if (missing > 0) {
    await q.insertAccessPoints(tx, {
      rows: Array.from({ length: missing }, () => ({
        municipalityId: site.municipalityId,
        siteId: site.id,
        lat: site.lat,
        lng: site.lng,
        status: "planned" as const,
        installYear: site.planYear,
        installingPartnerId: partnerFor.get("installation") ?? null,
        provenance: "manual" as const,
        sourceNote: "승인 시 계획된 AP",
      })),
    });
  }
}

// ── plan years ──────────────────────────────────────────────────────────────

export type PlanYearPatch = {
  version: number;
  targetBuses?: number | null;
  targetZones?: number | null;
  targetAccessPoints?: number | null;
  targetBudgetKrw?: number | null;
  targetCategories?: SiteCategory[];
};

/** A plan year as its editor gets it back: the budget target for those who may read costs. */
const planYearModel = readModel<s.PlanYear>()({
  public: ["id", "programId", "year", "targetBuses", "targetZones", "targetAccessPoints", "targetCategories", "provenance", "sourceNote", "version"],
  readCosts: ["targetBudgetKrw"],
});

/** Whether a plan year's targets may still change: this year and later, and any year the city has not published. */
export function isEditableYear(y: { year: number; provenance: string; closed: boolean }, today: Date): boolean {
  return !y.closed && (y.year >= today.getFullYear() || y.provenance !== "press_release");
}

/** Targets can be changed for years still being planned; published past years stay as published. */
export async function updatePlanYear(ctx: RequestContext, { year, patch, today }: { year: number; patch: PlanYearPatch; today: Date }) {
  const municipalityId = ctx.municipality.id;
  authorize(ctx.viewer, municipalityId, "editPlan");
  return ctx.db.transaction(async (tx) => {
    const program = await currentProgram(tx, municipalityId);
    const current = await q.lockPlanYear(tx, { programId: program.id, year });
    if (!current) throw new AppError("not_found", `No plan year ${year}`);
    if (!isEditableYear(current, today))
      throw new AppError("unprocessable", `The targets of ${year} were published and stay as they are.`, { issues: [{ code: "published", path: "year" }] });
    if (current.version !== patch.version) throw staleVersion("plan year", current);
    const { version: _v, ...fields } = patch;
    const after = await q.updatePlanYearById(tx, { id: current.id, set: { ...fields, provenance: "manual", version: current.version + 1 } });
    await recordChange(tx, ctx.actor, { action: "update", entityType: "plan_year", entityId: year, municipalityId, before: current, after });
    return planYearModel.one(after, ctx.grants);
  });
}

/** Extends the program by its next year (targets to be set). */
export async function addPlanYear(ctx: RequestContext) {
  const municipalityId = ctx.municipality.id;
  authorize(ctx.viewer, municipalityId, "editPlan");
  return ctx.db.transaction(async (tx) => {
    const program = await currentProgram(tx, municipalityId);
    const row = await q.insertPlanYear(tx, { programId: program.id, year: program.endYear + 1 });
    await recordChange(tx, ctx.actor, { action: "create", entityType: "plan_year", entityId: row.year, municipalityId, after: row });
    return planYearModel.one(row, ctx.grants);
  });
}

/** The years a new candidate or an approval may name: the current program's years and the next. */
export async function listPlannableYears(ctx: RequestContext) {
  return q.listPlannableYears(ctx.db, { municipalityId: ctx.municipality.id });
}

/** The matrix's columns: each partner with each kind of work the program's MOU gives it. */
export async function listResponsibilityColumns(ctx: RequestContext) {
  const program = await currentProgram(ctx.db, ctx.municipality.id);
  return q.listResponsibilityColumns(ctx.db, { programId: program.id });
}

// ── gaps ────────────────────────────────────────────────────────────────────

/** Places of interest no active AP or approved zone covers (public reference data). */
export async function listCoverageGaps(ctx: RequestContext, query: { kind?: PoiKind; page?: number; pageSize?: number }) {
  return q.listCoverageGaps(ctx.db, { municipalityId: ctx.municipality.id, ...query });
}
