// The plan years of a municipality's programs, for year filters.
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import * as s from "../schema";

export async function listPlanYears(db: Db, { municipalityId }: { municipalityId: number }): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: s.planYears.year })
    .from(s.planYears)
    .innerJoin(s.programs, eq(s.planYears.programId, s.programs.id))
    .where(eq(s.programs.municipalityId, municipalityId))
    .orderBy(asc(s.planYears.year));
  return rows.map((r) => r.year);
}
