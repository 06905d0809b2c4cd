// Zones (sites): the list, one zone with its APs and work, and a planner's changes to a zone.
import { countSitesBySource, getSiteById, listSites as querySites, type SiteRecord, type SiteRow } from "../db/queries/sites";
import { listAuditEntries } from "../db/queries/audit";
import { can, grantsOf } from "../lib/authz";
import type { SiteQuery } from "../lib/query-params";
import { readModel } from "../lib/read-model";
import type { RequestContext } from "./context";
import { accessPointOfOwner } from "./access-points";
import { auditEntryModel } from "./audit";

type Site = SiteRecord["site"];
type SiteWorkItem = SiteRecord["workItems"][number];

export const siteModel = readModel<Site>()({
  public: [
    "id",
    "municipalityId",
    "name",
    "category",
    "categoryGiven",
    "dong",
    "address",
    "lat",
    "lng",
    "positionEstimate",
    "extent",
    "status",
    "planYear",
    "plannedApCount",
    "provenance",
    "sourceNote",
    "version",
  ],
  readCosts: ["notes", "statusReason"],
});

/** A work item as a zone's page lists it: what and who for everyone, costs and notes for members. */
export const siteWorkItemModel = readModel<SiteWorkItem>()({
  public: ["id", "planYear", "kind", "status", "dueDate", "provenance", "partnerId", "partnerNameKo", "partnerNameEn", "paidByPartnerId"],
  readCosts: ["plannedCostKrw", "actualCostKrw", "funds", "notes"],
});

/** A zone as the list shows it: all public (names, places, status, counts). */
export const siteListModel = readModel<SiteRow>()({
  public: [
    "id",
    "name",
    "category",
    "categoryGiven",
    "dong",
    "address",
    "lat",
    "lng",
    "positionEstimate",
    "status",
    "planYear",
    "plannedApCount",
    "provenance",
    "version",
    "apCount",
    "estimatedApCount",
  ],
});

export async function listSites(ctx: RequestContext, query: Omit<SiteQuery, "municipality">) {
  const page = await querySites(ctx.db, { ...query, municipalityId: ctx.municipality.id });
  return { ...page, items: siteListModel.many(page.items, ctx.grants) };
}

/** The municipality's zones counted by where they belong (the program, or the rest of the inventory); public figures. */
export const sitesBySource = (ctx: RequestContext) => countSitesBySource(ctx.db, { municipalityId: ctx.municipality.id });

/** One zone as the caller may see it; its change history only for those who read the audit trail. */
export async function getSite(ctx: RequestContext, { id, withHistory = false }: { id: number; withHistory?: boolean }) {
  const { site, accessPoints, workItems } = await getSiteById(ctx.db, { id });
  // A zone of another municipality is shown with that municipality's permissions, not the request's.
  const grants = site.municipalityId === ctx.municipality.id ? ctx.grants : grantsOf(ctx.viewer, site.municipalityId);
  const history =
    withHistory && can(ctx.viewer, site.municipalityId, "readAudit")
      ? auditEntryModel.manyWith(
          await listAuditEntries(ctx.db, { municipalityId: site.municipalityId, filters: { entityType: "site", entityId: String(id), limit: 100 } }),
          grants,
          "readAudit",
        )
      : null;
  return {
    ...siteModel.one(site, grants),
    accessPoints: accessPointOfOwner.many(accessPoints, grants),
    workItems: siteWorkItemModel.many(workItems, grants),
    history,
  };
}
export type SiteView = Awaited<ReturnType<typeof getSite>>;
/** `GET /api/sites/:id`: the zone without its history (the page shows that). */
export type SiteApiView = Omit<SiteView, "history">;
