// The rollout summary: per plan year targets against what was actually installed, totals and partner roles;
// work and costs by partner; zones by category. Used by the app and the export command, so no server-only marker.
import { and, asc, count, desc, eq, inArray, isNotNull, ne, sql, sum } from "drizzle-orm";
import type { CostRow, PartnerName } from "../../lib/cost-shares";
import type { SiteCategory, WorkKind } from "../../lib/domain";
import { AppError } from "../../lib/errors";
import { sumMoney, type MoneySum } from "../../lib/money";
import type { Db } from "../client";
import * as s from "../schema";

export type Figures = { buses: number | null; zones: number | null; accessPoints: number | null; budgetKrw: number | null };
/**
 * Targets over all years by the rule of lib/money: what the set targets add up to, and how many years
 * have none — a year nobody set a target for is unknown, not 0.
 */
export type FigureSums = Record<keyof Figures, MoneySum>;
/** What was installed: counted, so never unknown; only the money spent may be unpublished. */
export type Counted = { buses: number; zones: number; accessPoints: number; budgetKrw: number | null };
/** Counted over all years: the counts added up, the money by the rule of lib/money. */
export type CountedSums = { buses: number; zones: number; accessPoints: number; budgetKrw: MoneySum };
export type YearSummary = {
  year: number;
  targets: Figures;
  actuals: Counted;
  targetCategories: SiteCategory[];
  /** Its results are published: nothing new is planned in it. */
  closed: boolean;
  provenance: string;
  sourceNote: string | null;
  version: number;
};
export type PartnerSummary = { id: number; nameKo: string; nameEn: string | null; kind: string; roles: WorkKind[] };
export type RolloutSummary = {
  municipality: { code: string | null; nameKo: string; nameEn: string | null; provinceKo: string; provinceEn: string | null };
  program: { id: number; nameKo: string; nameEn: string | null; startYear: number; endYear: number; mouDate: string | null; sourceNote: string | null };
  years: YearSummary[];
  totals: { targets: FigureSums; actuals: CountedSums };
  partners: PartnerSummary[];
};

const INSTALLED_BUS = ["active", "retired"] as const;
const INSTALLED_SITE = ["active", "decommissioned"] as const;
const INSTALLED_AP = ["active", "faulty", "retired"] as const;

function byYear(rows: { year: number | null; n: number | string | null }[]): Map<number, number> {
  return new Map(rows.filter((r) => r.year !== null).map((r) => [r.year as number, Number(r.n ?? 0)]));
}

function countedSums(list: Counted[]): CountedSums {
  const add = (key: "buses" | "zones" | "accessPoints") => list.reduce((n, c) => n + c[key], 0);
  return { buses: add("buses"), zones: add("zones"), accessPoints: add("accessPoints"), budgetKrw: sumMoney(list.map((c) => c.budgetKrw)) };
}

function sumsOf(list: Figures[]): FigureSums {
  const sum = (key: keyof Figures) => sumMoney(list.map((f) => f[key]));
  return { buses: sum("buses"), zones: sum("zones"), accessPoints: sum("accessPoints"), budgetKrw: sum("budgetKrw") };
}

export async function rolloutSummaryOf(db: Db, { municipality: m }: { municipality: s.Municipality }): Promise<RolloutSummary> {
  const [program] = await db.select().from(s.programs).where(eq(s.programs.municipalityId, m.id)).orderBy(desc(s.programs.startYear)).limit(1);
  if (!program) throw new AppError("not_found", `No program for municipality ${m.code}`, { path: "municipality", params: { value: m.code } });

  const [planYears, buses, zones, aps, costs, roles] = await Promise.all([
    db.select().from(s.planYears).where(eq(s.planYears.programId, program.id)).orderBy(asc(s.planYears.year)),
    db
      .select({ year: s.busBatches.planYear, n: count() })
      .from(s.buses)
      .innerJoin(s.busBatches, eq(s.buses.batchId, s.busBatches.id))
      .where(and(eq(s.busBatches.programId, program.id), inArray(s.buses.status, INSTALLED_BUS)))
      .groupBy(s.busBatches.planYear),
    db
      .select({ year: s.sites.planYear, n: count() })
      .from(s.sites)
      .where(and(eq(s.sites.programId, program.id), inArray(s.sites.status, INSTALLED_SITE)))
      .groupBy(s.sites.planYear),
    db
      .select({ year: s.sites.planYear, n: count() })
      .from(s.accessPoints)
      .innerJoin(s.sites, eq(s.accessPoints.siteId, s.sites.id))
      .where(and(eq(s.sites.programId, program.id), inArray(s.accessPoints.status, INSTALLED_AP)))
      .groupBy(s.sites.planYear),
    db
      .select({ year: s.workItems.planYear, n: sum(s.workItems.actualCostKrw) })
      .from(s.workItems)
      .where(and(eq(s.workItems.programId, program.id), isNotNull(s.workItems.actualCostKrw)))
      .groupBy(s.workItems.planYear),
    db
      .select({ partner: s.partners, role: s.programPartnerRoles.role })
      .from(s.programPartnerRoles)
      .innerJoin(s.partners, eq(s.programPartnerRoles.partnerId, s.partners.id))
      .where(eq(s.programPartnerRoles.programId, program.id))
      .orderBy(asc(s.partners.id), sql`${s.programPartnerRoles.role}`),
  ]);

  const [busN, zoneN, apN, costN] = [byYear(buses), byYear(zones), byYear(aps), byYear(costs)];
  const years: YearSummary[] = planYears.map((y) => ({
    year: y.year,
    targets: { buses: y.targetBuses, zones: y.targetZones, accessPoints: y.targetAccessPoints, budgetKrw: y.targetBudgetKrw },
    actuals: {
      buses: busN.get(y.year) ?? 0,
      zones: zoneN.get(y.year) ?? 0,
      accessPoints: apN.get(y.year) ?? 0,
      budgetKrw: costN.get(y.year) ?? null,
    },
    targetCategories: y.targetCategories,
    closed: y.closed,
    provenance: y.provenance,
    sourceNote: y.sourceNote,
    version: y.version,
  }));

  const partners = new Map<number, PartnerSummary>();
  for (const { partner, role } of roles) {
    const entry = partners.get(partner.id) ?? { id: partner.id, nameKo: partner.nameKo, nameEn: partner.nameEn, kind: partner.kind, roles: [] };
    entry.roles.push(role);
    partners.set(partner.id, entry);
  }

  return {
    municipality: { code: m.code, nameKo: m.nameKo, nameEn: m.nameEn, provinceKo: m.provinceKo, provinceEn: m.provinceEn },
    program: {
      id: program.id,
      nameKo: program.nameKo,
      nameEn: program.nameEn,
      startYear: program.startYear,
      endYear: program.endYear,
      mouDate: program.mouDate,
      sourceNote: program.sourceNote,
    },
    years,
    totals: { targets: sumsOf(years.map((y) => y.targets)), actuals: countedSums(years.map((y) => y.actuals)) },
    partners: [...partners.values()],
  };
}

/** Work by partner, year and status: items, and planned and actual cost as the known sum and the count of unknown amounts. */
export async function getPartnerTotals(db: Db, { municipalityId }: { municipalityId: number }) {
  const rows = await db
    .select({
      partnerId: s.partners.id,
      nameKo: s.partners.nameKo,
      nameEn: s.partners.nameEn,
      year: s.workItems.planYear,
      status: s.workItems.status,
      items: sql<number>`count(*)::int`,
      // Funding items pay for others' work and have no amount of its own.
      fundingItems: sql<number>`(count(*) filter (where ${s.workItems.kind} = 'funding'))::int`,
      // The known amounts' sum, and how many amounts are unknown: an unknown cost is never added as 0.
      plannedCostKrw: sql<string>`coalesce(sum(${s.workItems.plannedCostKrw}), 0)::numeric`,
      plannedUnknown: sql<number>`(count(*) filter (where ${s.workItems.kind} <> 'funding' and ${s.workItems.plannedCostKrw} is null))::int`,
      actualCostKrw: sql<string>`coalesce(sum(${s.workItems.actualCostKrw}), 0)::numeric`,
      actualUnknown: sql<number>`(count(*) filter (where ${s.workItems.kind} <> 'funding' and ${s.workItems.actualCostKrw} is null))::int`,
    })
    .from(s.workItems)
    .innerJoin(s.programs, eq(s.workItems.programId, s.programs.id))
    .innerJoin(s.partners, eq(s.workItems.partnerId, s.partners.id))
    .where(eq(s.programs.municipalityId, municipalityId))
    .groupBy(s.partners.id, s.partners.nameKo, s.partners.nameEn, s.workItems.planYear, s.workItems.status)
    .orderBy(asc(s.partners.id), asc(s.workItems.planYear));
  const items = rows.map((r) => ({ ...r, plannedCostKrw: Number(r.plannedCostKrw), actualCostKrw: Number(r.actualCostKrw) }));
  return { items };
}

/**
 * The cost of the program's work by the partner doing it, the partner paying for it and plan year:
 * the rows both share tables (lib/cost-shares) are built from. Funding items carry no cost and are left out.
 */
export async function getCostRows(db: Db, { municipalityId }: { municipalityId: number }): Promise<CostRow[]> {
  const payer = sql<number>`coalesce(${s.workItems.paidByPartnerId}, ${s.workItems.partnerId})`;
  const rows = await db
    .select({
      partnerId: s.workItems.partnerId,
      payerId: payer,
      year: s.workItems.planYear,
      plannedKnown: sql<string>`coalesce(sum(${s.workItems.plannedCostKrw}), 0)::numeric`,
      plannedUnknown: sql<number>`(count(*) filter (where ${s.workItems.plannedCostKrw} is null))::int`,
      actualKnown: sql<string>`coalesce(sum(${s.workItems.actualCostKrw}), 0)::numeric`,
      actualUnknown: sql<number>`(count(*) filter (where ${s.workItems.actualCostKrw} is null))::int`,
    })
    .from(s.workItems)
    .innerJoin(s.programs, eq(s.workItems.programId, s.programs.id))
    .where(and(eq(s.programs.municipalityId, municipalityId), ne(s.workItems.kind, "funding")))
    .groupBy(s.workItems.partnerId, payer, s.workItems.planYear);
  return rows.map((r) => ({
    partnerId: r.partnerId,
    payerId: Number(r.payerId),
    year: r.year,
    planned: { known: Number(r.plannedKnown), unknown: r.plannedUnknown },
    actual: { known: Number(r.actualKnown), unknown: r.actualUnknown },
  }));
}

/** Every partner's names, in id order (the share tables' row order). */
export async function listPartnerNames(db: Db): Promise<PartnerName[]> {
  return db.select({ id: s.partners.id, nameKo: s.partners.nameKo, nameEn: s.partners.nameEn }).from(s.partners).orderBy(asc(s.partners.id));
}

/** Zones by category and plan year: how many are active (or decommissioned) and how many are still planned. */
export async function countZonesByCategory(db: Db, { municipalityId }: { municipalityId: number }) {
  const rows = await db
    .select({
      category: s.sites.category,
      year: s.sites.planYear,
      active: sql<number>`count(*) filter (where ${s.sites.status} in ('active', 'decommissioned'))::int`,
      planned: sql<number>`count(*) filter (where ${s.sites.status} in ('approved', 'installing'))::int`,
    })
    .from(s.sites)
    .where(and(eq(s.sites.municipalityId, municipalityId), isNotNull(s.sites.programId)))
    .groupBy(s.sites.category, s.sites.planYear)
    .orderBy(asc(s.sites.category));
  return rows;
}
