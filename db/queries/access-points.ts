// Access points across sites and buses, filtered by the owning site's year/category or the bus batch's year.
import { and, asc, count, desc, eq, ilike, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import type { AccessPointQuery } from "../../lib/query-params";
import type { Db } from "../client";
import * as s from "../schema";
import { offsetOf, paged, withinBBox, type Page } from "./common";

const planYear = sql<number | null>`coalesce(${s.sites.planYear}, ${s.busBatches.planYear})`;

const apColumns = {
  id: s.accessPoints.id,
  ssid: s.accessPoints.ssid,
  status: s.accessPoints.status,
  lat: s.accessPoints.lat,
  lng: s.accessPoints.lng,
  installYear: s.accessPoints.installYear,
  installMonth: s.accessPoints.installMonth,
  provenance: s.accessPoints.provenance,
  siteId: s.accessPoints.siteId,
  siteName: s.sites.name,
  category: s.sites.category,
  busId: s.accessPoints.busId,
  vehicleNumber: s.buses.vehicleNumber,
  planYear,
};

const SORT_COLUMNS: Record<AccessPointQuery["sort"], SQL | typeof s.accessPoints.id> = {
  id: s.accessPoints.id,
  ssid: sql`${s.accessPoints.ssid}`,
  status: sql`${s.accessPoints.status}`,
  installed: sql`(${s.accessPoints.installYear}, ${s.accessPoints.installMonth})`,
  owner: sql`coalesce(${s.sites.name}, ${s.buses.vehicleNumber})`,
};

export type AccessPointRow = {
  id: number;
  ssid: string | null;
  status: s.AccessPoint["status"];
  lat: number | null;
  lng: number | null;
  installYear: number | null;
  installMonth: number | null;
  provenance: s.AccessPoint["provenance"];
  siteId: number | null;
  siteName: string | null;
  category: s.Site["category"] | null;
  busId: number | null;
  vehicleNumber: string | null;
  planYear: number | null;
};

export async function listAccessPoints(
  db: Db,
  { municipalityId, ...query }: Omit<AccessPointQuery, "municipality"> & { municipalityId: number },
): Promise<Page<AccessPointRow>> {
  const where = and(
    eq(s.accessPoints.municipalityId, municipalityId),
    query.year !== undefined ? sql`${planYear} = ${query.year}` : undefined,
    query.status ? eq(s.accessPoints.status, query.status) : undefined,
    query.category ? eq(s.sites.category, query.category) : undefined,
    query.kind === "site" ? isNotNull(s.accessPoints.siteId) : query.kind === "bus" ? isNotNull(s.accessPoints.busId) : undefined,
    query.site ? eq(s.accessPoints.siteId, query.site) : undefined,
    query.bus ? eq(s.accessPoints.busId, query.bus) : undefined,
    withinBBox(s.accessPoints.lat, s.accessPoints.lng, query.bbox),
    query.q ? or(ilike(s.accessPoints.ssid, `%${query.q}%`), ilike(s.sites.name, `%${query.q}%`), ilike(s.buses.vehicleNumber, `%${query.q}%`)) : undefined,
  );
  const order = query.dir === "desc" ? desc : asc;
  return paged(
    query,
    db
      .select(apColumns)
      .from(s.accessPoints)
      .leftJoin(s.sites, eq(s.accessPoints.siteId, s.sites.id))
      .leftJoin(s.buses, eq(s.accessPoints.busId, s.buses.id))
      .leftJoin(s.busBatches, eq(s.buses.batchId, s.busBatches.id))
      .where(where)
      .orderBy(order(SORT_COLUMNS[query.sort]), asc(s.accessPoints.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db
      .select({ n: count() })
      .from(s.accessPoints)
      .leftJoin(s.sites, eq(s.accessPoints.siteId, s.sites.id))
      .leftJoin(s.buses, eq(s.accessPoints.busId, s.buses.id))
      .leftJoin(s.busBatches, eq(s.buses.batchId, s.busBatches.id))
      .where(where),
  );
}

/** The APs of one site or one bus, with the partner that installed them. */
export async function listAccessPointsByOwner(db: Db, owner: { siteId: number } | { busId: number }) {
  return db
    .select({
      id: s.accessPoints.id,
      ssid: s.accessPoints.ssid,
      model: s.accessPoints.model,
      serial: s.accessPoints.serial,
      lat: s.accessPoints.lat,
      lng: s.accessPoints.lng,
      installYear: s.accessPoints.installYear,
      installMonth: s.accessPoints.installMonth,
      status: s.accessPoints.status,
      provenance: s.accessPoints.provenance,
      installingPartner: s.partners.nameKo,
    })
    .from(s.accessPoints)
    .leftJoin(s.partners, eq(s.accessPoints.installingPartnerId, s.partners.id))
    .where("siteId" in owner ? eq(s.accessPoints.siteId, owner.siteId) : eq(s.accessPoints.busId, owner.busId))
    .orderBy(asc(s.accessPoints.id));
}

/** One AP with its owner and the work items of its site, for the map's detail panel. */
export async function getAccessPointById(db: Db, { id }: { id: number }) {
  const [ap] = await db
    .select({
      id: s.accessPoints.id,
      ssid: s.accessPoints.ssid,
      model: s.accessPoints.model,
      serial: s.accessPoints.serial,
      mac: s.accessPoints.mac,
      lat: s.accessPoints.lat,
      lng: s.accessPoints.lng,
      status: s.accessPoints.status,
      provenance: s.accessPoints.provenance,
      sourceNote: s.accessPoints.sourceNote,
      installYear: s.accessPoints.installYear,
      installMonth: s.accessPoints.installMonth,
      roadAddress: s.accessPoints.roadAddress,
      installingPartnerId: s.partners.id,
      installingPartner: s.partners.nameKo,
      siteId: s.sites.id,
      siteName: s.sites.name,
      category: s.sites.category,
      planYear: s.sites.planYear,
      busId: s.accessPoints.busId,
      municipalityId: s.accessPoints.municipalityId,
    })
    .from(s.accessPoints)
    .leftJoin(s.sites, eq(s.accessPoints.siteId, s.sites.id))
    .leftJoin(s.partners, eq(s.accessPoints.installingPartnerId, s.partners.id))
    .where(eq(s.accessPoints.id, id));
  if (!ap) throw new AppError("not_found", `No access point with id ${id}`, { path: "id", params: { value: id } });
  return ap;
}
