// Rows for exports: access points and sites of a municipality, with what a report needs.
// Used by the command line as well as the server, so it does not carry the server-only marker.
import { and, asc, eq, sql } from "drizzle-orm";
import type { SiteSource } from "../../lib/domain";
import type { Db } from "../client";
import * as s from "../schema";
import { apSourceIs, siteApCount, siteEstimatedApCount, siteSourceIs } from "./fragments";

export async function listAccessPointsForExport(db: Db, { municipalityId: mId, source }: { municipalityId: number; source?: SiteSource }) {
  return db
    .select({
      id: s.accessPoints.id,
      ssid: s.accessPoints.ssid,
      status: s.accessPoints.status,
      provenance: s.accessPoints.provenance,
      lat: s.accessPoints.lat,
      lng: s.accessPoints.lng,
      installYear: s.accessPoints.installYear,
      installMonth: s.accessPoints.installMonth,
      site: s.sites.name,
      category: s.sites.category,
      bus: s.buses.vehicleNumber,
      provider: s.accessPoints.providerName,
      address: sql<string | null>`coalesce(${s.accessPoints.roadAddress}, ${s.accessPoints.lotAddress}, ${s.sites.address})`,
    })
    .from(s.accessPoints)
    .leftJoin(s.sites, eq(s.accessPoints.siteId, s.sites.id))
    .leftJoin(s.buses, eq(s.accessPoints.busId, s.buses.id))
    .where(and(eq(s.accessPoints.municipalityId, mId), apSourceIs(source)))
    .orderBy(asc(s.accessPoints.id));
}

export async function listSitesForExport(db: Db, { municipalityId: mId, source }: { municipalityId: number; source?: SiteSource }) {
  return db
    .select({
      id: s.sites.id,
      name: s.sites.name,
      category: s.sites.category,
      categoryGiven: s.sites.categoryGiven,
      status: s.sites.status,
      planYear: s.sites.planYear,
      dong: s.sites.dong,
      address: s.sites.address,
      lat: s.sites.lat,
      lng: s.sites.lng,
      positionEstimate: s.sites.positionEstimate,
      provenance: s.sites.provenance,
      apCount: siteApCount,
      estimatedApCount: siteEstimatedApCount,
    })
    .from(s.sites)
    .where(and(eq(s.sites.municipalityId, mId), siteSourceIs(source)))
    .orderBy(asc(s.sites.id));
}

/**
 * The rows of the national standard file, where a row is an access point: every active AP of an
 * imported zone, and one row for each zone this app made (its first active AP), with the names of its
 * province and municipality.
 */
export async function listStandardRecords(db: Db, { municipalityId: mId }: { municipalityId: number }) {
  return db
    .select({
      siteId: s.sites.id,
      sourceKey: s.sites.sourceKey,
      name: s.sites.name,
      category: s.sites.category,
      categoryGiven: s.sites.categoryGiven,
      address: s.sites.address,
      lat: s.sites.lat,
      lng: s.sites.lng,
      /** An estimate when the zone or the AP the row shows is one. */
      estimate: sql<boolean>`(${s.sites.provenance} = 'estimate' or ${s.accessPoints.provenance} = 'estimate')`,
      provinceKo: s.municipalities.provinceKo,
      municipalityKo: s.municipalities.nameKo,
      ssid: s.accessPoints.ssid,
      placeDetail: s.accessPoints.placeDetail,
      provider: sql<string | null>`coalesce(${s.accessPoints.providerName}, ${s.partners.nameKo})`,
      installYear: s.accessPoints.installYear,
      installMonth: s.accessPoints.installMonth,
      roadAddress: s.accessPoints.roadAddress,
      lotAddress: s.accessPoints.lotAddress,
      managerName: s.accessPoints.managerName,
      managerPhone: s.accessPoints.managerPhone,
      dataDate: s.accessPoints.dataDate,
    })
    .from(s.sites)
    .innerJoin(s.municipalities, eq(s.sites.municipalityId, s.municipalities.id))
    .innerJoin(
      s.accessPoints,
      sql`${s.accessPoints.siteId} = ${s.sites.id} and ${s.accessPoints.status} = 'active' and (${s.sites.sourceKey} is not null or ${s.accessPoints.id} = (select a.id from access_points a where a.site_id = ${s.sites.id} and a.status = 'active' order by a.id limit 1))`,
    )
    .leftJoin(s.partners, eq(s.accessPoints.installingPartnerId, s.partners.id))
    .where(eq(s.sites.municipalityId, mId))
    .orderBy(asc(s.sites.id), asc(s.accessPoints.id));
}
export type StandardRow = Awaited<ReturnType<typeof listStandardRecords>>[number];
