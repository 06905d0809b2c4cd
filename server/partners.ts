// Partners with their roles and tallies, and one partner's work items.
import { getPartnerById, listPartners as queryPartners } from "../db/queries/partners";
import type { WorkStatus } from "../lib/domain";
import type { RequestContext } from "./context";
import { workItemModel } from "./work-items";

/** Partners, their MOU roles and work-item counts in the municipality (public). */
export async function listPartners(ctx: RequestContext) {
  return queryPartners(ctx.db, { municipalityId: ctx.municipality.id });
}
export type PartnerListView = Awaited<ReturnType<typeof listPartners>>;

export async function getPartner(ctx: RequestContext, { id, year, status }: { id: number; year?: number; status?: WorkStatus }) {
  const { partner, roles, workItems } = await getPartnerById(ctx.db, { id, year, status, municipalityId: ctx.municipality.id });
  return { id: partner.id, nameKo: partner.nameKo, nameEn: partner.nameEn, kind: partner.kind, roles, workItems: workItemModel.many(workItems, ctx.grants) };
}
export type PartnerView = Awaited<ReturnType<typeof getPartner>>;
