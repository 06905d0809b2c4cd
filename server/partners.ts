// Partners with their roles and tallies, and one partner's work items.
import { getPartnerById, listPartners as queryPartners } from "../db/queries/partners";
import type { WorkStatus } from "../lib/domain";
import { readModel } from "../lib/read-model";
import type { RequestContext } from "./context";
import { workItemModel } from "./work-items";

type PartnerRow = Awaited<ReturnType<typeof queryPartners>>[number];
/** Partners, their MOU roles and work-item counts in the municipality: public. */
export const partnerListModel = readModel<PartnerRow>()({ public: ["id", "nameKo", "nameEn", "kind", "roles", "openItems", "doneItems"] });

export async function listPartners(ctx: RequestContext) {
  return partnerListModel.many(await queryPartners(ctx.db, { municipalityId: ctx.municipality.id }), ctx.grants);
}
export type PartnerListView = Awaited<ReturnType<typeof listPartners>>;

export async function getPartner(ctx: RequestContext, { id, year, status }: { id: number; year?: number; status?: WorkStatus }) {
  const { partner, roles, workItems } = await getPartnerById(ctx.db, { id, year, status, municipalityId: ctx.municipality.id });
  return { id: partner.id, nameKo: partner.nameKo, nameEn: partner.nameEn, kind: partner.kind, roles, workItems: workItemModel.many(workItems, ctx.grants) };
}
export type PartnerView = Awaited<ReturnType<typeof getPartner>>;
