// The rollout summary (per plan year targets and actuals, totals, partners) and the plan's work and costs.
import { countZonesByCategory, getCostRows, getPartnerTotals, listPartnerNames } from "../db/queries/rollout";
import { rolloutSummaryOf, type Counted, type CountedSums, type Figures, type FigureSums, type RolloutSummary, type YearSummary } from "../db/queries/rollout";
import { listPlanYears as queryPlanYears } from "../db/queries/summary";
import type { Permission } from "../lib/authz";
import { costShares, type CostShares } from "../lib/cost-shares";
import type { Db } from "../db/client";
import { readModel } from "../lib/read-model";
import type { RequestContext } from "./context";

/** Every shape of the summary's figures (targets, installed, and their totals) shows the counts to all, the money to members. */
const FIGURE_FIELDS = { public: ["buses", "zones", "accessPoints"], readCosts: ["budgetKrw"] } as const;
export const figuresModel = readModel<Figures>()(FIGURE_FIELDS);
const figureSumsModel = readModel<FigureSums>()(FIGURE_FIELDS);
const countedModel = readModel<Counted>()(FIGURE_FIELDS);
const countedSumsModel = readModel<CountedSums>()(FIGURE_FIELDS);
const yearModel = readModel<YearSummary>()({ public: ["year", "targetCategories", "closed", "provenance", "sourceNote", "version"] });
type PartnerTotalRow = Awaited<ReturnType<typeof getPartnerTotals>>["items"][number];
export const partnerTotalModel = readModel<PartnerTotalRow>()({
  public: ["partnerId", "nameKo", "nameEn", "year", "status", "items", "fundingItems"],
  readCosts: ["plannedCostKrw", "plannedUnknown", "actualCostKrw", "actualUnknown"],
});

/** The summary as a caller holding `grants` may see it: budgets only for members. */
export function shapeSummary(summary: RolloutSummary, grants: ReadonlySet<Permission>) {
  return {
    municipality: summary.municipality,
    program: summary.program,
    years: summary.years.map((y) => ({
      ...yearModel.one(y, grants),
      targets: figuresModel.one(y.targets, grants),
      actuals: countedModel.one(y.actuals, grants),
    })),
    totals: { targets: figureSumsModel.one(summary.totals.targets, grants), actuals: countedSumsModel.one(summary.totals.actuals, grants) },
    partners: summary.partners,
  };
}
export type SummaryView = ReturnType<typeof shapeSummary>;
export type YearView = SummaryView["years"][number];
export type CountedView = YearView["actuals"];

export async function getRolloutSummary(ctx: RequestContext) {
  return shapeSummary(await rolloutSummaryOf(ctx.db, { municipality: ctx.municipality }), ctx.grants);
}

/** Work by partner, year and status, with costs for members. */
export async function getPartnerWork(ctx: RequestContext) {
  const { items } = await getPartnerTotals(ctx.db, { municipalityId: ctx.municipality.id });
  return partnerTotalModel.many(items, ctx.grants);
}
export type PartnerWorkView = Awaited<ReturnType<typeof getPartnerWork>>;

/** Who does the work and who pays for it, for members: both tables are of one total. */
const sharesModel = readModel<{ shares: CostShares }>()({ public: [], readCosts: ["shares"] });

/** The program's cost shares by doer and by payer (lib/cost-shares), as `grants` may see them. */
export async function costSharesOf(db: Db, { municipalityId }: { municipalityId: number }, grants: ReadonlySet<Permission>) {
  const [rows, partners] = await Promise.all([getCostRows(db, { municipalityId }), listPartnerNames(db)]);
  return sharesModel.one({ shares: costShares(rows, partners) }, grants).shares;
}

export async function getCostShares(ctx: RequestContext) {
  return costSharesOf(ctx.db, { municipalityId: ctx.municipality.id }, ctx.grants);
}

/** The plan: the summary, work by partner, year and status, and (for members) who does and who pays. */
export async function getPlan(ctx: RequestContext) {
  const [summary, work, shares] = await Promise.all([getRolloutSummary(ctx), getPartnerWork(ctx), getCostShares(ctx)]);
  return { ...summary, work, shares };
}

/** Zones by category and plan year, active and planned (public counts). */
export async function getZonesByCategory(ctx: RequestContext) {
  return countZonesByCategory(ctx.db, { municipalityId: ctx.municipality.id });
}

export async function listPlanYears(ctx: RequestContext) {
  return queryPlanYears(ctx.db, { municipalityId: ctx.municipality.id });
}
