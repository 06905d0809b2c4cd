// Extends the program by one plan year (planners).
import { getDb } from "@/db";
import { writerOf } from "@/db/auth";
import { findMunicipalityByCode } from "@/db/queries/common";
import { addPlanYear } from "@/db/queries/planning";
import { handle } from "@/lib/http";

export const dynamic = "force-dynamic";

export const POST = handle(async (req: Request) => {
  const actor = await writerOf(req);
  const [m, { db }] = await Promise.all([findMunicipalityByCode({}), getDb()]);
  return Response.json(await addPlanYear(db, { actor, municipalityId: m.id }), { status: 201 });
});
