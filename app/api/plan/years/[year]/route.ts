// A plan year's targets (this year and later; planners); `version` must be the one read.
import { z } from "zod";
import { getDb } from "@/db";
import { writerOf } from "@/db/auth";
import { findMunicipalityByCode } from "@/db/queries/common";
import { updatePlanYear } from "@/db/queries/planning";
import { handle } from "@/lib/http";
import { parseBody, planYearPatchInput } from "@/lib/inputs";
import { parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

const yearParam = z.strictObject({ year: z.coerce.number({ error: "expected a year" }).int().min(1990).max(2100) });

export const PATCH = handle(async (req: Request, ctx: RouteContext<"/api/plan/years/[year]">) => {
  const actor = await writerOf(req);
  const { year } = parseParams(yearParam, await ctx.params);
  const patch = await parseBody(planYearPatchInput, req);
  const [m, { db }] = await Promise.all([findMunicipalityByCode({}), getDb()]);
  return Response.json(await updatePlanYear(db, { actor, municipalityId: m.id, year, patch, today: new Date() }));
});
