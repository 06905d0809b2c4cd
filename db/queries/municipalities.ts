// The municipality directory: every 시군구 with its code, 시도, registered voters and what the
// inventory holds there (APs, zones).
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import * as s from "../schema";
import { siteInInventory } from "./fragments";

export async function listDirectory(db: Db, { sidoCode }: { sidoCode?: string }) {
  return db
    .select({
      id: s.municipalities.id,
      code: sql<string>`${s.municipalities.code}`,
      sidoCode: s.municipalities.sidoCode,
      kostatCode: s.municipalities.kostatCode,
      provinceKo: s.municipalities.provinceKo,
      provinceEn: s.municipalities.provinceEn,
      nameKo: s.municipalities.nameKo,
      nameEn: s.municipalities.nameEn,
      registeredVoters2022: s.municipalities.registeredVoters2022,
      boundary: s.municipalities.boundary,
      // From the kept tallies (ap_tallies, site_tallies): a few rows per municipality, not its APs.
      accessPoints: sql<number>`(select coalesce(sum(t.n), 0)::int from ap_tallies t where t.municipality_id = "municipalities"."id")`,
      sites: sql<number>`coalesce((select t.n from site_tallies t where t.municipality_id = "municipalities"."id"), 0)`,
      firstYear: sql<number | null>`(select min(t.install_year) from ap_tallies t where t.municipality_id = "municipalities"."id" and t.n > 0)`,
      lastYear: sql<number | null>`(select max(t.install_year) from ap_tallies t where t.municipality_id = "municipalities"."id" and t.n > 0)`,
      /** APs by provider (those whose provider is known), for the top provider's share here and in its 시도. */
      providers: sql<
        { name: string; n: number }[] | null
      >`(select json_agg(json_build_object('name', p.provider_name, 'n', p.n) order by p.n desc, p.provider_name)
        from (select t.provider_name, sum(t.n)::int as n from ap_tallies t
              where t.municipality_id = "municipalities"."id" and t.provider_name is not null group by t.provider_name having sum(t.n) > 0) p)`,
      /**
       * Whether the app holds anything for it: a zone or an AP (retired ones too), a program, or an
       * import (even one that left nothing). Without any, its inventory is unknown, not empty.
       */
      recorded: sql<boolean>`(exists (select 1 from sites x where x.municipality_id = "municipalities"."id")
        or exists (select 1 from access_points x where x.municipality_id = "municipalities"."id")
        or exists (select 1 from programs x where x.municipality_id = "municipalities"."id")
        or exists (select 1 from import_findings x where x.municipality_id = "municipalities"."id"))`,
      /** What the latest import here found. */
      findings: sql<{ rows: number; outsideBoundary: number; blankInstallDates: number; at: string } | null>`(select json_build_object(
          'rows', f.rows, 'outsideBoundary', f.outside_boundary, 'blankInstallDates', f.blank_install_dates, 'at', f.created_at)
        from import_findings f where f.municipality_id = "municipalities"."id" order by f.created_at desc, f.id desc limit 1)`,
    })
    .from(s.municipalities)
    .where(sidoCode ? eq(s.municipalities.sidoCode, sidoCode) : isNotNull(s.municipalities.code))
    .orderBy(asc(s.municipalities.code));
}
export type DirectoryRow = Awaited<ReturnType<typeof listDirectory>>[number];

/** A municipality's zones by source and category, and its APs by source (the program's: on its zones or buses). */
export async function inventoryOf(db: Db, { municipalityId }: { municipalityId: number }) {
  const [zones, aps] = await Promise.all([
    db
      .select({
        category: s.sites.category,
        program: sql<number>`(count(*) filter (where ${s.sites.programId} is not null))::int`,
        other: sql<number>`(count(*) filter (where ${s.sites.programId} is null))::int`,
      })
      .from(s.sites)
      .where(and(eq(s.sites.municipalityId, municipalityId), siteInInventory))
      .groupBy(s.sites.category)
      .orderBy(asc(s.sites.category)),
    db
      .select({
        program: sql<number>`(count(*) filter (where ${s.accessPoints.busId} is not null or ${s.sites.programId} is not null))::int`,
        other: sql<number>`(count(*) filter (where ${s.accessPoints.busId} is null and ${s.sites.programId} is null))::int`,
      })
      .from(s.accessPoints)
      .leftJoin(s.sites, eq(s.accessPoints.siteId, s.sites.id))
      .where(eq(s.accessPoints.municipalityId, municipalityId)),
  ]);
  return { zones, aps: aps[0] ?? { program: 0, other: 0 } };
}

/** The 읍면동 of a municipality with their registered voters. */
export async function listDongs(db: Db, { municipalityCode }: { municipalityCode: string }) {
  return db.select().from(s.dongs).where(eq(s.dongs.municipalityCode, municipalityCode)).orderBy(asc(s.dongs.code));
}

/** The positions of a municipality's active APs (to place them in their 읍면동). */
export async function activeApPositions(db: Db, { municipalityId }: { municipalityId: number }) {
  return db
    .select({ lat: sql<number>`${s.accessPoints.lat}`, lng: sql<number>`${s.accessPoints.lng}` })
    .from(s.accessPoints)
    .where(and(eq(s.accessPoints.municipalityId, municipalityId), eq(s.accessPoints.status, "active"), isNotNull(s.accessPoints.lat)));
}
