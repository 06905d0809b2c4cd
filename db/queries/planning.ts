// Planning's SQL: programs, candidate sites and their lifecycle writes, work items, plan years and the
// planning settings. The rules (who may, which moves are legal, what approval creates) live in server/planning.
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { PartnerKind, WorkKind, WorkStatus } from "../../lib/domain";
import { plannableYears, type PlanningSettings } from "../../lib/planning";
import type { Conn, Db, Tx } from "../client";
import * as s from "../schema";
import { selectWorkItems } from "./common";
export { countZonesByCategory, getPartnerTotals } from "./rollout";
export { coverageGaps as listCoverageGaps, getPlanningSettings, proposalCandidates, scoredCandidates, yearTargetsOf } from "./coverage";

/** The municipality's current program (the latest), or undefined when it has none. */
export async function findCurrentProgram(conn: Conn, { municipalityId }: { municipalityId: number }) {
  const [program] = await conn.select().from(s.programs).where(eq(s.programs.municipalityId, municipalityId)).orderBy(desc(s.programs.startYear)).limit(1);
  return program;
}

export async function findProgramById(conn: Conn, { id }: { id: number }) {
  const [program] = await conn.select().from(s.programs).where(eq(s.programs.id, id));
  return program;
}

export async function findMunicipalityOutline(conn: Conn, { municipalityId }: { municipalityId: number }) {
  const [m] = await conn
    .select({ code: s.municipalities.code, boundary: s.municipalities.boundary, nameKo: s.municipalities.nameKo, provinceKo: s.municipalities.provinceKo })
    .from(s.municipalities)
    .where(eq(s.municipalities.id, municipalityId));
  return m;
}

// ── settings ────────────────────────────────────────────────────────────────

/**
 * Saves the settings as `version`, only over the version before it: the first save inserts unless
 * someone inserted first, a later one updates only the row still at `version - 1`. False when
 * another save won, so two planners saving at once cannot both succeed.
 */
export async function savePlanningSettings(
  tx: Tx,
  { municipalityId, settings, version }: { municipalityId: number; settings: PlanningSettings; version: number },
): Promise<boolean> {
  const saved =
    version === 1
      ? await tx.insert(s.planningSettings).values({ municipalityId, settings }).onConflictDoNothing().returning({ id: s.planningSettings.municipalityId })
      : await tx
          .update(s.planningSettings)
          .set({ settings, version, updatedAt: new Date() })
          .where(and(eq(s.planningSettings.municipalityId, municipalityId), eq(s.planningSettings.version, version - 1)))
          .returning({ id: s.planningSettings.municipalityId });
  return saved.length === 1;
}

// ── sites ───────────────────────────────────────────────────────────────────

export async function insertSite(tx: Tx, { values }: { values: typeof s.sites.$inferInsert }) {
  const [site] = await tx.insert(s.sites).values(values).returning();
  return site!;
}

/** The site, locked until the transaction ends, so two saves of one version cannot both pass. */
export async function lockSiteById(tx: Tx, { id }: { id: number }) {
  const [site] = await tx.select().from(s.sites).where(eq(s.sites.id, id)).for("update");
  return site;
}

export async function updateSiteById(tx: Tx, { id, set }: { id: number; set: Partial<typeof s.sites.$inferInsert> }) {
  const [site] = await tx
    .update(s.sites)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(s.sites.id, id))
    .returning();
  return site!;
}

export async function activatePlannedAccessPoints(tx: Tx, { siteId }: { siteId: number }) {
  await tx
    .update(s.accessPoints)
    .set({ status: "active", updatedAt: new Date() })
    .where(and(eq(s.accessPoints.siteId, siteId), eq(s.accessPoints.status, "planned")));
}

export async function deletePlannedAccessPoints(tx: Tx, { siteId }: { siteId: number }) {
  await tx.delete(s.accessPoints).where(and(eq(s.accessPoints.siteId, siteId), eq(s.accessPoints.status, "planned")));
}

export async function countSiteAccessPoints(tx: Tx, { siteId }: { siteId: number }): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(s.accessPoints)
    .where(eq(s.accessPoints.siteId, siteId));
  return row?.n ?? 0;
}

export async function insertAccessPoints(tx: Tx, { rows }: { rows: (typeof s.accessPoints.$inferInsert)[] }) {
  if (rows.length) await tx.insert(s.accessPoints).values(rows);
}

export async function listProgramRoles(conn: Conn, { programId }: { programId: number }) {
  return conn.select().from(s.programPartnerRoles).where(eq(s.programPartnerRoles.programId, programId));
}

/** One place of interest (for a zone proposed at it). */
export async function findPoiById(conn: Conn, { id }: { id: number }) {
  const [poi] = await conn.select().from(s.pointsOfInterest).where(eq(s.pointsOfInterest.id, id));
  return poi;
}

/** The program's partners with their names, one row per role. */
export async function listProgramPartners(conn: Conn, { programId }: { programId: number }) {
  return conn
    .select({ partnerId: s.partners.id, nameKo: s.partners.nameKo, nameEn: s.partners.nameEn, role: s.programPartnerRoles.role })
    .from(s.programPartnerRoles)
    .innerJoin(s.partners, eq(s.programPartnerRoles.partnerId, s.partners.id))
    .where(eq(s.programPartnerRoles.programId, programId));
}

// ── work items ──────────────────────────────────────────────────────────────

/** Inserts work items, skipping any the program already has for the same scope; returns those made. */
export async function insertWorkItems(tx: Tx, { rows }: { rows: (typeof s.workItems.$inferInsert)[] }) {
  if (!rows.length) return [];
  return tx.insert(s.workItems).values(rows).onConflictDoNothing().returning();
}

/** Cancels a site's open work items; returns those cancelled. */
export async function cancelOpenWorkItems(tx: Tx, { siteId }: { siteId: number }) {
  return tx
    .update(s.workItems)
    .set({ status: "cancelled", updatedAt: new Date(), version: sql`${s.workItems.version} + 1` })
    .where(and(eq(s.workItems.siteId, siteId), inArray(s.workItems.status, ["not_started", "in_progress"])))
    .returning();
}

export type WorkItemFilters = { partner?: number; year?: number; status?: WorkStatus; open?: boolean };

export async function listWorkItems(db: Db, { municipalityId, filters }: { municipalityId: number; filters: WorkItemFilters }) {
  return selectWorkItems(db, {
    municipalityId,
    where: [
      filters.partner !== undefined ? eq(s.workItems.partnerId, filters.partner) : undefined,
      filters.year !== undefined ? eq(s.workItems.planYear, filters.year) : undefined,
      filters.status ? eq(s.workItems.status, filters.status) : undefined,
      filters.open ? inArray(s.workItems.status, ["not_started", "in_progress"]) : undefined,
    ],
  });
}
export type WorkItemRow = Awaited<ReturnType<typeof listWorkItems>>[number];

/** The work item and its program's municipality, locked until the transaction ends. */
export async function lockWorkItemById(tx: Tx, { id }: { id: number }) {
  const [row] = await tx
    .select({ item: s.workItems, municipalityId: s.programs.municipalityId })
    .from(s.workItems)
    .innerJoin(s.programs, eq(s.workItems.programId, s.programs.id))
    .where(eq(s.workItems.id, id))
    .for("update", { of: s.workItems });
  return row;
}

export async function updateWorkItemById(tx: Tx, { id, set }: { id: number; set: Partial<typeof s.workItems.$inferInsert> }) {
  const [item] = await tx
    .update(s.workItems)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(s.workItems.id, id))
    .returning();
  return item!;
}

// ── plan years ──────────────────────────────────────────────────────────────

export async function lockPlanYear(tx: Tx, { programId, year }: { programId: number; year: number }) {
  const [row] = await tx
    .select()
    .from(s.planYears)
    .where(and(eq(s.planYears.programId, programId), eq(s.planYears.year, year)))
    .for("update");
  return row;
}

export async function updatePlanYearById(tx: Tx, { id, set }: { id: number; set: Partial<typeof s.planYears.$inferInsert> }) {
  const [row] = await tx.update(s.planYears).set(set).where(eq(s.planYears.id, id)).returning();
  return row!;
}

/** Adds `year` to the program and moves the program's end to it. */
export async function insertPlanYear(tx: Tx, { programId, year }: { programId: number; year: number }) {
  const [row] = await tx.insert(s.planYears).values({ programId, year, provenance: "manual" }).returning();
  await tx
    .update(s.programs)
    .set({ endYear: year })
    .where(and(eq(s.programs.id, programId), ne(s.programs.endYear, year)));
  return row!;
}

/** The closed years of a program: their results are published, nothing new is planned in them. */
export async function listClosedYears(conn: Conn, { programId }: { programId: number }): Promise<number[]> {
  const rows = await conn
    .select({ year: s.planYears.year })
    .from(s.planYears)
    .where(and(eq(s.planYears.programId, programId), eq(s.planYears.closed, true)));
  return rows.map((r) => r.year);
}

/** The years the current program can plan for (its open years and the next), for forms. */
export async function listPlannableYears(db: Db, { municipalityId }: { municipalityId: number }): Promise<number[]> {
  const program = await findCurrentProgram(db, { municipalityId });
  return program ? plannableYears(program, await listClosedYears(db, { programId: program.id })) : [];
}

/** The matrix's columns: each partner with each kind of work the program's MOU gives it. */
export async function listResponsibilityColumns(db: Db, { programId }: { programId: number }) {
  return db
    .select({ partnerId: s.partners.id, nameKo: s.partners.nameKo, nameEn: s.partners.nameEn, kind: s.programPartnerRoles.role })
    .from(s.programPartnerRoles)
    .innerJoin(s.partners, eq(s.programPartnerRoles.partnerId, s.partners.id))
    .where(eq(s.programPartnerRoles.programId, programId))
    .orderBy(asc(s.partners.id), sql`${s.programPartnerRoles.role}`);
}

// ── programs ────────────────────────────────────────────────────────────────

/** A municipality's programs whose years overlap these. */
export async function findOverlappingPrograms(
  conn: Conn,
  { municipalityId, startYear, endYear }: { municipalityId: number; startYear: number; endYear: number },
) {
  return conn
    .select()
    .from(s.programs)
    .where(and(eq(s.programs.municipalityId, municipalityId), sql`${s.programs.startYear} <= ${endYear} and ${s.programs.endYear} >= ${startYear}`));
}

/**
 * Starts a program: the program, a plan year for each of its years, and its partners with their roles
 * (a partner the app does not know yet is added by name; the same company may serve several programs).
 */
export async function insertProgram(
  tx: Tx,
  {
    municipalityId,
    program,
    partners,
  }: {
    municipalityId: number;
    program: { nameKo: string; nameEn?: string | null; startYear: number; endYear: number; mouDate?: string | null };
    partners: { nameKo: string; kind: PartnerKind; roles: WorkKind[] }[];
  },
) {
  const [row] = await tx
    .insert(s.programs)
    .values({ municipalityId, ...program, provenance: "manual" })
    .returning();
  const years = Array.from({ length: program.endYear - program.startYear + 1 }, (_, i) => program.startYear + i);
  const planYears = await tx
    .insert(s.planYears)
    .values(years.map((year) => ({ programId: row!.id, year, provenance: "manual" as const })))
    .returning();
  const partnerRows: (typeof s.partners.$inferSelect)[] = [];
  for (const p of partners) {
    await tx.insert(s.partners).values({ nameKo: p.nameKo, kind: p.kind }).onConflictDoNothing({ target: s.partners.nameKo });
    const [partner] = await tx.select().from(s.partners).where(eq(s.partners.nameKo, p.nameKo));
    partnerRows.push(partner!);
    await tx
      .insert(s.programPartnerRoles)
      .values([...new Set(p.roles)].map((role) => ({ programId: row!.id, partnerId: partner!.id, role, provenance: "manual" as const })));
  }
  return { program: row!, planYears, partners: partnerRows };
}
