// The rollout summary for the app's pages and API: the default (or named) municipality's, as the viewer may see it.
import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Viewer } from "../../lib/authz";
import { getDb } from "../index";
import * as s from "../schema";
import { findMunicipalityByCode } from "./common";
import { rolloutSummaryOf, type RolloutSummary } from "./rollout";

export type { Figures, PartnerSummary, RolloutSummary, YearSummary } from "./rollout";

export async function getRolloutSummary({ municipalityCode, viewer }: { municipalityCode?: string; viewer: Viewer | null }): Promise<RolloutSummary> {
  const [{ db }, m] = await Promise.all([getDb(), findMunicipalityByCode({ code: municipalityCode })]);
  return rolloutSummaryOf(db, m, viewer);
}

/** The plan years of all the municipality's programs, for year filters. */
export async function listPlanYears({ municipalityCode }: { municipalityCode?: string }): Promise<number[]> {
  const { db } = await getDb();
  const m = await findMunicipalityByCode({ code: municipalityCode });
  const rows = await db
    .selectDistinct({ year: s.planYears.year })
    .from(s.planYears)
    .innerJoin(s.programs, eq(s.planYears.programId, s.programs.id))
    .where(eq(s.programs.municipalityId, m.id))
    .orderBy(asc(s.planYears.year));
  return rows.map((r) => r.year);
}
