// Access points: the list across zones and buses, the APs of one owner, and one AP for the map's panel.
import { getAccessPointById, listAccessPoints as queryAccessPoints, listAccessPointsByOwner, type AccessPointRow } from "../db/queries/access-points";
import type { AccessPointQuery } from "../lib/query-params";
import { readModel } from "../lib/read-model";
import type { RequestContext } from "./context";

type OwnedAp = Awaited<ReturnType<typeof listAccessPointsByOwner>>[number];
type ApDetail = Awaited<ReturnType<typeof getAccessPointById>>;

/** An AP as a zone's or a bus's page lists it; all of it is public inventory. */
export const accessPointOfOwner = readModel<OwnedAp>()({
  public: ["id", "ssid", "model", "serial", "lat", "lng", "installYear", "installMonth", "status", "provenance", "installingPartner"],
});

export const accessPointDetail = readModel<ApDetail>()({
  public: [
    "id",
    "ssid",
    "model",
    "serial",
    "mac",
    "lat",
    "lng",
    "status",
    "provenance",
    "sourceNote",
    "installYear",
    "installMonth",
    "roadAddress",
    "installingPartnerId",
    "installingPartner",
    "siteId",
    "siteName",
    "category",
    "planYear",
    "busId",
  ],
});

/** An AP as the list shows it: public inventory. */
export const accessPointListModel = readModel<AccessPointRow>()({
  public: [
    "id",
    "ssid",
    "status",
    "lat",
    "lng",
    "installYear",
    "installMonth",
    "provenance",
    "siteId",
    "siteName",
    "category",
    "busId",
    "vehicleNumber",
    "planYear",
  ],
});

export async function listAccessPoints(ctx: RequestContext, query: Omit<AccessPointQuery, "municipality">) {
  const page = await queryAccessPoints(ctx.db, { ...query, municipalityId: ctx.municipality.id });
  return { ...page, items: accessPointListModel.many(page.items, ctx.grants) };
}

export async function getAccessPoint(ctx: RequestContext, { id }: { id: number }) {
  return accessPointDetail.one(await getAccessPointById(ctx.db, { id }), ctx.grants);
}
export type AccessPointView = Awaited<ReturnType<typeof getAccessPoint>>;
