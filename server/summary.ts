// The rollout summary (per plan year targets and actuals, totals, partners) and the plan's work and costs.
import { countZonesByCategory, getPartnerTotals } from "../db/queries/rollout";
import { rolloutSummaryOf, type Figures, type RolloutSummary, type YearSummary } from "../db/queries/rollout";
import { listPlanYears as queryPlanYears } from "../db/queries/summary";
import type { Permission } from "../lib/authz";
import { readModel } from "../lib/read-model";
import type { RequestContext } from "./context";

export const figuresModel = readModel<Figures>()({ public: ["buses", "zones", "accessPoints"], readCosts: ["budgetKrw"] });
const yearModel = readModel<YearSummary>()({ public: ["year", "targetCategories", "closed", "provenance", "sourceNote", "version"] });
type PartnerTotalRow = Awaited<ReturnType<typeof getPartnerTotals>>["items"][number];
export const partnerTotalModel = readModel<PartnerTotalRow>()({
  public: ["partnerId", "nameKo", "nameEn", "year", "status", "items"],
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
      actuals: figuresModel.one(y.actuals, grants),
    })),
    totals: { targets: figuresModel.one(summary.totals.targets, grants), actuals: figuresModel.one(summary.totals.actuals, grants) },
    partners: summary.partners,
  };
}
export type SummaryView = ReturnType<typeof shapeSummary>;
export type YearView = SummaryView["years"][number];
export type FiguresView = YearView["targets"];

export async function getRolloutSummary(ctx: RequestContext) {
  return shapeSummary(await rolloutSummaryOf(ctx.db, { municipality: ctx.municipality }), ctx.grants);
}

/** Work by partner, year and status, with costs for members. */
export async function getPartnerWork(ctx: RequestContext) {
  const { items } = await getPartnerTotals(ctx.db, { municipalityId: ctx.municipality.id });
  return partnerTotalModel.many(items, ctx.grants);
}
export type PartnerWorkView = Awaited<ReturnType<typeof getPartnerWork>>;

/** The plan: the summary plus work by partner, year and status. */
export async function getPlan(ctx: RequestContext) {
  const [summary, work] = await Promise.all([getRolloutSummary(ctx), getPartnerWork(ctx)]);
  return { ...summary, work };
}

/** Zones by category and plan year, active and planned (public counts). */
export async function getZonesByCategory(ctx: RequestContext) {
  return countZonesByCategory(ctx.db, { municipalityId: ctx.municipality.id });
}

export async function listPlanYears(ctx: RequestContext) {
  return queryPlanYears(ctx.db, { municipalityId: ctx.municipality.id });
}
