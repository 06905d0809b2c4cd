// A plan year's targets (this year and later; planners); `version` must be the one read.
import { z } from "zod";
import { route } from "@/server/context";
import { updatePlanYear } from "@/server/planning";
import { planYearPatchInput } from "@/lib/inputs";

export const dynamic = "force-dynamic";

const yearParam = z.strictObject({ year: z.coerce.number({ error: "expected a year" }).int().min(1990).max(2100) });

export const PATCH = route({ write: true, params: yearParam, body: planYearPatchInput }, (ctx, { params, body }) =>
  updatePlanYear(ctx, { year: params.year, patch: body, today: new Date() }),
);
