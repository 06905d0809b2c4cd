// Sites (zones): filtered, sorted pages, and one site with its APs and work items.
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import type { SiteSource } from "../../lib/domain";
import type { SiteQuery } from "../../lib/query-params";
import type { Db } from "../client";
import * as s from "../schema";
import { siteApCount, siteEstimatedApCount, siteInInventory, siteSourceIs } from "./fragments";
import { listAccessPointsByOwner } from "./access-points";
import { offsetOf, paged, withinBBox, workItemColumns, type Page } from "./common";

export type SiteRow = Pick<
  s.Site,
  | "id"
  | "name"
  | "category"
  | "categoryGiven"
  | "dong"
  | "address"
  | "lat"
  | "lng"
  | "positionEstimate"
  | "status"
  | "planYear"
  | "plannedApCount"
  | "provenance"
  | "version"
> & { apCount: number; estimatedApCount: number };

const siteColumns = {
  id: s.sites.id,
  name: s.sites.name,
  category: s.sites.category,
  categoryGiven: s.sites.categoryGiven,
  dong: s.sites.dong,
  address: s.sites.address,
  lat: s.sites.lat,
  lng: s.sites.lng,
  positionEstimate: s.sites.positionEstimate,
  status: s.sites.status,
  planYear: s.sites.planYear,
  plannedApCount: s.sites.plannedApCount,
  provenance: s.sites.provenance,
  version: s.sites.version,
  apCount: siteApCount,
  estimatedApCount: siteEstimatedApCount,
};

const SORT_COLUMNS: Record<SiteQuery["sort"], SQL | typeof s.sites.name> = {
  name: s.sites.name,
  category: sql`${s.sites.category}`,
  status: sql`${s.sites.status}`,
  planYear: sql`${s.sites.planYear}`,
  apCount: siteApCount,
  dong: sql`${s.sites.dong}`,
};

export async function listSites(db: Db, { municipalityId, ...query }: Omit<SiteQuery, "municipality"> & { municipalityId: number }): Promise<Page<SiteRow>> {
  const where = and(
    eq(s.sites.municipalityId, municipalityId),
    query.year !== undefined ? eq(s.sites.planYear, query.year) : undefined,
    // Zones a newer edition retired are counted nowhere, so they are listed only when asked for by status.
    query.status ? eq(s.sites.status, query.status) : siteInInventory,
    query.category ? eq(s.sites.category, query.category) : undefined,
    siteSourceIs(query.source),
    withinBBox(s.sites.lat, s.sites.lng, query.bbox),
    query.q ? or(ilike(s.sites.name, `%${query.q}%`), ilike(s.sites.dong, `%${query.q}%`), ilike(s.sites.address, `%${query.q}%`)) : undefined,
  );
  const order = query.dir === "desc" ? desc : asc;
  return paged(
    query,
    db.select(siteColumns).from(s.sites).where(where).orderBy(order(SORT_COLUMNS[query.sort]), asc(s.sites.id)).limit(query.pageSize).offset(offsetOf(query)),
    db.select({ n: count() }).from(s.sites).where(where),
  );
}

/** How many of the municipality's zones are the program's and how many are the rest of its inventory (the one rule of `siteSourceIs`). */
export async function countSitesBySource(db: Db, { municipalityId }: { municipalityId: number }): Promise<Record<SiteSource, number>> {
  const [row] = await db
    .select({
      program: sql<number>`(count(*) filter (where ${siteSourceIs("program")}))::int`,
      other: sql<number>`(count(*) filter (where ${siteSourceIs("other")}))::int`,
    })
    .from(s.sites)
    .where(and(eq(s.sites.municipalityId, municipalityId), siteInInventory));
  return { program: row?.program ?? 0, other: row?.other ?? 0 };
}

/** One site with its APs and its work items (with their partner), every column: the use case picks what is shown. */
export async function getSiteById(db: Db, { id }: { id: number }) {
  const [site] = await db.select().from(s.sites).where(eq(s.sites.id, id));
  if (!site) throw new AppError("not_found", `No site with id ${id}`, { path: "id", params: { value: id } });
  const [accessPoints, workItems] = await Promise.all([
    listAccessPointsByOwner(db, { siteId: id }),
    db
      .select({ ...workItemColumns, notes: s.workItems.notes, partnerId: s.partners.id, partnerNameKo: s.partners.nameKo, partnerNameEn: s.partners.nameEn })
      .from(s.workItems)
      .innerJoin(s.partners, eq(s.workItems.partnerId, s.partners.id))
      .where(eq(s.workItems.siteId, id))
      .orderBy(sql`${s.workItems.kind}`),
  ]);
  return { site, accessPoints, workItems };
}
export type SiteRecord = Awaited<ReturnType<typeof getSiteById>>;
