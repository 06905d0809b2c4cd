// Planning: candidate sites and their scores, lifecycle changes (approval creates work items), work items,
// plan years and the planning settings. Every change checks the caller's role and the record's version.
import "server-only";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { can, mayEditWorkItem, visibleTo, type Viewer } from "../../lib/authz";
import type { SiteCategory, SiteStatus, WorkStatus } from "../../lib/domain";
import { AppError } from "../../lib/errors";
import { containsPoint, type Area, type LatLng } from "../../lib/geo";
import { allowedNext, isLegalTransition, plannableYears, plannedWorkFor, type CandidateInput, type PlanningSettings } from "../../lib/planning";
import type { Db } from "../client";
import * as s from "../schema";
import { recordChange, requirePermission, type Actor } from "./audit";
import { getPlanningSettings, scoredCandidates, coverageGaps, type CandidateFilters, type CandidateRow } from "./coverage";
import { selectWorkItems } from "./common";
export { countZonesByCategory, getPartnerTotals } from "./rollout";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const fieldError = (field: string, reason: string, message: string) => new AppError("bad_request", message, [{ field, reason }]);

/** The municipality's current program (the latest); planning happens in it. */
async function currentProgram(db: Db | Tx, municipalityId: number) {
  const [program] = await db.select().from(s.programs).where(eq(s.programs.municipalityId, municipalityId)).orderBy(desc(s.programs.startYear)).limit(1);
  if (!program) throw new AppError("unprocessable", "This municipality has no program to plan in.");
  return program;
}

/** A conflict answer: the record as it is now, so the client can show the newer values. */
function staleVersion(kind: string, current: unknown): AppError {
  return new AppError("conflict", `This ${kind} was changed by someone else since you opened it. Review the current values and save again.`, { current });
}

// ── settings ────────────────────────────────────────────────────────────────

export async function updatePlanningSettings(
  db: Db,
  { actor, municipalityId, settings, version }: { actor: Actor; municipalityId: number; settings: PlanningSettings; version: number },
) {
  requirePermission(actor.viewer, municipalityId, "editPlan");
  return db.transaction(async (tx) => {
    const before = await getPlanningSettings(tx, municipalityId);
    if (before.version !== version) throw staleVersion("setting", before);
    if (before.version === 0) await tx.insert(s.planningSettings).values({ municipalityId, settings });
    else await tx.update(s.planningSettings).set({ settings, version: before.version + 1, updatedAt: new Date() }).where(eq(s.planningSettings.municipalityId, municipalityId));
    const { version: _v, ...plain } = before;
    await recordChange(tx, actor, { action: "update", entityType: "planning_settings", entityId: municipalityId, municipalityId, before: plain, after: settings });
    return { ...settings, version: before.version + 1 };
  });
}

// ── candidates ──────────────────────────────────────────────────────────────

async function checkPlace(tx: Db | Tx, municipalityId: number, p: LatLng) {
  const [m] = await tx.select({ boundary: s.municipalities.boundary, nameKo: s.municipalities.nameKo }).from(s.municipalities).where(eq(s.municipalities.id, municipalityId));
  if (m?.boundary && !containsPoint(m.boundary as Area, p)) {
    throw fieldError("lat", "outside_municipality", `The position ${p.lat.toFixed(5)}, ${p.lng.toFixed(5)} is outside ${m.nameKo}.`);
  }
}

function checkYear(program: { startYear: number; endYear: number }, year: number) {
  const years = plannableYears(program);
  if (!years.includes(year)) throw fieldError("planYear", "outside_program", `Plan year ${year} is outside the program (${years[0]}–${years.at(-1)}).`);
}

export async function createCandidate(db: Db, { actor, municipalityId, input }: { actor: Actor; municipalityId: number; input: CandidateInput }) {
  requirePermission(actor.viewer, municipalityId, "editPlan");
  return db.transaction(async (tx) => {
    const program = await currentProgram(tx, municipalityId);
    checkYear(program, input.planYear);
    await checkPlace(tx, municipalityId, input);
    const [site] = await tx
      .insert(s.sites)
      .values({
        municipalityId,
        programId: program.id,
        name: input.name,
        category: input.category,
        planYear: input.planYear,
        plannedApCount: input.plannedApCount,
        lat: input.lat,
        lng: input.lng,
        notes: input.notes ?? null,
        status: "candidate",
        provenance: "manual",
      })
      .returning();
    await recordChange(tx, actor, { action: "create", entityType: "site", entityId: site!.id, municipalityId, after: site });
    return site!;
  });
}

export type SitePatch = {
  version: number;
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
export async function updateSite(db: Db, { actor, id, patch }: { actor: Actor; id: number; patch: SitePatch }) {
  return db.transaction(async (tx) => {
    // Read once and locked for the checks and the write, so two saves of one version cannot both pass.
    const [current] = await tx.select().from(s.sites).where(eq(s.sites.id, id)).for("update");
    if (!current) throw new AppError("not_found", `No site with id ${id}`);
    requirePermission(actor.viewer, current.municipalityId, "editPlan");
    if (current.version !== patch.version) throw staleVersion("zone", current);
    const { version: _v, statusReason, ...fields } = patch;
    const to = fields.status;
    const moving = to !== undefined && to !== current.status;
    if (moving && !isLegalTransition(current.status, to)) {
      const allowed = allowedNext(current.status);
      throw new AppError("unprocessable", `A ${current.status} zone cannot become ${to}; it can become: ${allowed.join(", ") || "nothing"}.`, { field: "status", from: current.status, to, allowed });
    }
    if (moving && to === "rejected" && !statusReason?.trim()) throw fieldError("statusReason", "required", "Say why the zone is rejected.");
    const planYear = fields.planYear ?? current.planYear;
    const program = current.programId ? (await tx.select().from(s.programs).where(eq(s.programs.id, current.programId)))[0]! : await currentProgram(tx, current.municipalityId);
    if (fields.planYear !== undefined || (moving && to === "approved")) {
      if (planYear === null) throw fieldError("planYear", "required", "Choose the plan year to approve the zone for.");
      checkYear(program, planYear);
    }
    if (fields.lat !== undefined || fields.lng !== undefined) {
      const p = { lat: fields.lat ?? current.lat, lng: fields.lng ?? current.lng };
      if (p.lat === null || p.lng === null) throw fieldError("lat", "required", "Give both latitude and longitude.");
      await checkPlace(tx, current.municipalityId, p as LatLng);
    }
    const [after] = await tx
      .update(s.sites)
      .set({ ...fields, programId: program.id, ...(moving ? { statusReason: statusReason?.trim() || null } : {}), version: current.version + 1, updatedAt: new Date() })
      .where(eq(s.sites.id, id))
      .returning();
    await recordChange(tx, actor, { action: "update", entityType: "site", entityId: id, municipalityId: current.municipalityId, before: current, after });

    if (moving && to === "approved") await approve(tx, actor, after!, program.id);
    if (moving && to === "active") {
      await tx.update(s.accessPoints).set({ status: "active", updatedAt: new Date() }).where(and(eq(s.accessPoints.siteId, id), eq(s.accessPoints.status, "planned")));
    }
    if (moving && to === "rejected" && current.status === "approved") {
      const open = await tx
        .update(s.workItems)
        .set({ status: "cancelled", updatedAt: new Date(), version: sql`${s.workItems.version} + 1` })
        .where(and(eq(s.workItems.siteId, id), inArray(s.workItems.status, ["not_started", "in_progress"])))
        .returning();
      for (const w of open) await recordChange(tx, actor, { action: "update", entityType: "work_item", entityId: w.id, municipalityId: current.municipalityId, before: { status: "open" }, after: { status: "cancelled" } });
      await tx.delete(s.accessPoints).where(and(eq(s.accessPoints.siteId, id), eq(s.accessPoints.status, "planned")));
    }
    return after!;
  });
}

async function approve(tx: Tx, actor: Actor, site: s.Site, programId: number) {
  const settings = await getPlanningSettings(tx, site.municipalityId);
  const roles = await tx.select().from(s.programPartnerRoles).where(eq(s.programPartnerRoles.programId, programId));
  const partnerFor = new Map(roles.map((r) => [r.role, r.partnerId]));
  const items = plannedWorkFor(site.plannedApCount, settings.unitCosts).filter((w) => partnerFor.has(w.kind));
  const created = await tx
    .insert(s.workItems)
    .values(
      items.map((w) => ({
        programId,
        planYear: site.planYear!,
        partnerId: partnerFor.get(w.kind)!,
        kind: w.kind,
        siteId: site.id,
        status: "not_started" as const,
        dueDate: `${site.planYear}-12-31`,
        plannedCostKrw: w.plannedCostKrw,
        provenance: "manual" as const,
      })),
    )
    .onConflictDoNothing()
    .returning();
  for (const w of created) await recordChange(tx, actor, { action: "create", entityType: "work_item", entityId: w.id, municipalityId: site.municipalityId, after: w });
  const existing = await tx.select({ n: sql<number>`count(*)::int` }).from(s.accessPoints).where(eq(s.accessPoints.siteId, site.id));
  const missing = site.plannedApCount - (existing[0]?.n ?? 0);
  if (missing > 0) {
    await tx.insert(s.accessPoints).values(
      Array.from({ length: missing }, () => ({
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
    );
  }
}

/** Candidates with their score and its parts, sorted by any column (score: best first). */
export async function listCandidates(
  db: Db,
  {
    viewer,
    municipalityId,
    sort = "score",
    dir,
    ...filters
  }: CandidateFilters & {
    viewer: Viewer | null;
    municipalityId: number;
    sort?: "score" | "name" | "planYear" | "status" | "apCount";
    dir?: "asc" | "desc";
  },
): Promise<{ items: CandidateRow[]; settings: PlanningSettings }> {
  const { items, settings } = await scoredCandidates(db, municipalityId, filters);
  const key: Record<typeof sort, (r: CandidateRow) => number | string> = {
    score: (r) => r.score?.total ?? -1,
    name: (r) => r.name,
    planYear: (r) => r.planYear ?? 0,
    status: (r) => r.status,
    apCount: (r) => r.plannedApCount,
  };
  const sign = (dir ?? (sort === "score" ? "desc" : "asc")) === "asc" ? 1 : -1;
  items.sort((a, b) => {
    const [x, y] = [key[sort](a), key[sort](b)];
    const c = typeof x === "string" ? x.localeCompare(y as string, "ko") : x - (y as number);
    return sign * c || a.id - b.id;
  });
  return visibleTo(viewer, municipalityId, { items, settings });
}

export { coverageGaps as listCoverageGaps, getPlanningSettings };

// ── work items ──────────────────────────────────────────────────────────────

export type WorkItemFilters = { partner?: number; year?: number; status?: WorkStatus; open?: boolean };

export async function listWorkItems(db: Db, { viewer, municipalityId, filters }: { viewer: Viewer | null; municipalityId: number; filters: WorkItemFilters }) {
  requirePermission(viewer, municipalityId, "read");
  return selectWorkItems(db, municipalityId, [
    filters.partner !== undefined ? eq(s.workItems.partnerId, filters.partner) : undefined,
    filters.year !== undefined ? eq(s.workItems.planYear, filters.year) : undefined,
    filters.status ? eq(s.workItems.status, filters.status) : undefined,
    filters.open ? inArray(s.workItems.status, ["not_started", "in_progress"]) : undefined,
  ]);
}

export type WorkItemPatch = { version: number; status?: WorkStatus; plannedCostKrw?: number | null; actualCostKrw?: number | null; dueDate?: string | null; notes?: string | null };

/** Planners change any work item; a partner user only its own company's, and not its planned cost. */
export async function updateWorkItem(db: Db, { actor, id, patch }: { actor: Actor; id: number; patch: WorkItemPatch }) {
  return db.transaction(async (tx) => {
    // Read once and locked for the checks and the write.
    const [row] = await tx
      .select({ item: s.workItems, municipalityId: s.programs.municipalityId })
      .from(s.workItems)
      .innerJoin(s.programs, eq(s.workItems.programId, s.programs.id))
      .where(eq(s.workItems.id, id))
      .for("update", { of: s.workItems });
    if (!row) throw new AppError("not_found", `No work item with id ${id}`);
    const { item: current, municipalityId } = row;
    requirePermission(actor.viewer, municipalityId, "editOwnWorkItems");
    if (!mayEditWorkItem(actor.viewer, { municipalityId, partnerId: current.partnerId })) {
      throw new AppError("forbidden", "A partner may change only its own company's work items.");
    }
    if (patch.plannedCostKrw !== undefined && !can(actor.viewer, municipalityId, "editPlan")) {
      throw new AppError("forbidden", "Only planners set planned costs.", [{ field: "plannedCostKrw", reason: "planner only" }]);
    }
    if (current.version !== patch.version) throw staleVersion("work item", current);
    const { version: _v, ...fields } = patch;
    const [after] = await tx
      .update(s.workItems)
      .set({ ...fields, version: current.version + 1, updatedAt: new Date() })
      .where(eq(s.workItems.id, id))
      .returning();
    await recordChange(tx, actor, { action: "update", entityType: "work_item", entityId: id, municipalityId, before: current, after });
    return { ...after!, overBudget: after!.actualCostKrw !== null && after!.plannedCostKrw !== null && after!.actualCostKrw > after!.plannedCostKrw };
  });
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

/** Whether a plan year's targets may still change: this year and later, and any year the city has not published. */
export function isEditableYear(y: { year: number; provenance: string }, today: Date): boolean {
  return y.year >= today.getFullYear() || y.provenance !== "press_release";
}

/** Targets can be changed for years still being planned; published past years stay as published. */
export async function updatePlanYear(db: Db, { actor, municipalityId, year, patch, today }: { actor: Actor; municipalityId: number; year: number; patch: PlanYearPatch; today: Date }) {
  requirePermission(actor.viewer, municipalityId, "editPlan");
  return db.transaction(async (tx) => {
    const program = await currentProgram(tx, municipalityId);
    const [current] = await tx.select().from(s.planYears).where(and(eq(s.planYears.programId, program.id), eq(s.planYears.year, year))).for("update");
    if (!current) throw new AppError("not_found", `No plan year ${year}`);
    if (!isEditableYear(current, today)) throw new AppError("unprocessable", `The targets of ${year} were published and stay as they are.`, [{ field: "year", reason: "published" }]);
    if (current.version !== patch.version) throw staleVersion("plan year", current);
    const { version: _v, ...fields } = patch;
    const [after] = await tx.update(s.planYears).set({ ...fields, provenance: "manual", version: current.version + 1 }).where(eq(s.planYears.id, current.id)).returning();
    await recordChange(tx, actor, { action: "update", entityType: "plan_year", entityId: year, municipalityId, before: current, after });
    return after!;
  });
}

/** Extends the program by its next year (targets to be set). */
export async function addPlanYear(db: Db, { actor, municipalityId }: { actor: Actor; municipalityId: number }) {
  requirePermission(actor.viewer, municipalityId, "editPlan");
  return db.transaction(async (tx) => {
    const program = await currentProgram(tx, municipalityId);
    const year = program.endYear + 1;
    const [row] = await tx.insert(s.planYears).values({ programId: program.id, year, provenance: "manual" }).returning();
    await tx.update(s.programs).set({ endYear: year }).where(and(eq(s.programs.id, program.id), ne(s.programs.endYear, year)));
    await recordChange(tx, actor, { action: "create", entityType: "plan_year", entityId: year, municipalityId, after: row });
    return row!;
  });
}

/** The years the current program can plan for (its years and the next), for forms. */
export async function listPlannableYears(db: Db, municipalityId: number): Promise<number[]> {
  const [program] = await db.select().from(s.programs).where(eq(s.programs.municipalityId, municipalityId)).orderBy(desc(s.programs.startYear)).limit(1);
  return program ? plannableYears(program) : [];
}

/** The matrix's columns: each partner with each kind of work the program's MOU gives it. */
export async function listResponsibilityColumns(db: Db, municipalityId: number) {
  const program = await currentProgram(db, municipalityId);
  return db
    .select({ partnerId: s.partners.id, nameKo: s.partners.nameKo, nameEn: s.partners.nameEn, kind: s.programPartnerRoles.role })
    .from(s.programPartnerRoles)
    .innerJoin(s.partners, eq(s.programPartnerRoles.partnerId, s.partners.id))
    .where(eq(s.programPartnerRoles.programId, program.id))
    .orderBy(asc(s.partners.id), sql`${s.programPartnerRoles.role}`);
}
