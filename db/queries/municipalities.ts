// The municipality directory: every 시군구 with its code, 시도, registered voters and what the
// inventory holds there (APs, zones).
import { asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import * as s from "../schema";

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
      accessPoints: sql<number>`(select count(*)::int from access_points a where a.municipality_id = "municipalities"."id")`,
      sites: sql<number>`(select count(*)::int from sites z where z.municipality_id = "municipalities"."id")`,
    })
    .from(s.municipalities)
    .where(sidoCode ? eq(s.municipalities.sidoCode, sidoCode) : isNotNull(s.municipalities.code))
    .orderBy(asc(s.municipalities.code));
}
export type DirectoryRow = Awaited<ReturnType<typeof listDirectory>>[number];
