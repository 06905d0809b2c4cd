// The rollout summary: per plan year targets against what was actually installed, totals and partner roles.
import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, sql, sum } from "drizzle-orm";
import type { SiteCategory, WorkKind } from "../../lib/domain";
import { visibleTo, type Viewer } from "../../lib/authz";
import { AppError } from "../../lib/errors";
import { getDb } from "../index";
import * as s from "../schema";
import { findMunicipalityByCode } from "./common";

export type Figures = { buses: number | null; zones: number | null; accessPoints: number | null; budgetKrw: number | null };
export type YearSummary = {
  year: number;
  targets: Figures;
  actuals: Figures;
  targetCategories: SiteCategory[];
  provenance: string;
  sourceNote: string | null;
  version: number;
};
export type PartnerSummary = { id: number; nameKo: string; nameEn: string | null; kind: string; roles: WorkKind[] };
export type RolloutSummary = {
  municipality: { code: string | null; nameKo: string; nameEn: string | null; provinceKo: string; provinceEn: string | null };
  program: { id: number; nameKo: string; nameEn: string | null; startYear: number; endYear: number; mouDate: string | null; sourceNote: string | null };
  years: YearSummary[];
  totals: { targets: Figures; actuals: Figures };
  partners: PartnerSummary[];
};

const INSTALLED_BUS = ["active", "retired"] as const;
const INSTALLED_SITE = ["active", "decommissioned"] as const;
const INSTALLED_AP = ["active", "faulty", "retired"] as const;

function byYear(rows: { year: number | null; n: number | string | null }[]): Map<number, number> {
  return new Map(rows.filter((r) => r.year !== null).map((r) => [r.year as number, Number(r.n ?? 0)]));
}

function addUp(list: Figures[]): Figures {
  const add = (key: keyof Figures) =>
    list.some((f) => f[key] !== null) ? list.reduce((acc, f) => acc + (f[key] ?? 0), 0) : null;
  return { buses: add("buses"), zones: add("zones"), accessPoints: add("accessPoints"), budgetKrw: add("budgetKrw") };
}

export async function getRolloutSummary({ municipalityCode, viewer }: { municipalityCode?: string; viewer: Viewer | null }): Promise<RolloutSummary> {
  const { db } = await getDb();
  const m = await findMunicipalityByCode({ code: municipalityCode });
  const [program] = await db
    .select()
    .from(s.programs)
    .where(eq(s.programs.municipalityId, m.id))
    .orderBy(desc(s.programs.startYear))
    .limit(1);
  if (!program) throw new AppError("not_found", `No program for municipality ${m.code}`, { param: "municipality", value: m.code });

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

  return visibleTo(viewer, m.id, {
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
    totals: { targets: addUp(years.map((y) => y.targets)), actuals: addUp(years.map((y) => y.actuals)) },
    partners: [...partners.values()],
  });
}

/** The plan years of all the municipality's programs, for year filters. */
export async function listPlanYears({ municipalityCode }: { municipalityCode?: string }): Promise<number[]> {
  const { db } = await getDb();
  const m = await findMunicipalityByCode({ code: municipalityCode });
  const rows = await db
    .selectDistinct({ year: s.planYears.year })
    .from(s.planYears)
    .innerJoin(s.programs, eq(s.planYears.programId, s.programs.id))
    .where(eq(s.programs.municipalityId, m.id))
    .orderBy(asc(s.planYears.year));
  return rows.map((r) => r.year);
}
