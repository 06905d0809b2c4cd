// The names of the seed's steps, apart from the steps themselves, so a server can tell whether the
// seed has run without loading it: the seed brings the importer, the CSV parser and Jinju's files.
import { inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import * as s from "../schema";

export const SEED_STEP_NAMES = [
  "jinju-program-v1",
  "jinju-poi-v1",
  "jinju-standard-2016-v1",
  "jinju-reported-years-closed-v1",
  "jinju-zone-positions-estimated-v1",
  "zone-dongs-from-positions-v1",
] as const;
export type SeedStepName = (typeof SEED_STEP_NAMES)[number];

/** Whether any step of the seed has not run on this database yet. */
export async function seedPending(db: Db): Promise<boolean> {
  const [done] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(s.seedSteps)
    .where(inArray(s.seedSteps.name, [...SEED_STEP_NAMES]));
  return (done?.n ?? 0) < SEED_STEP_NAMES.length;
}
