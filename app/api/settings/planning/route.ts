// The planning settings (coverage radius, score weights, unit costs): read by members, changed by planners.
import { z } from "zod";
import { route } from "@/server/context";
import { getPlanningSettings, updatePlanningSettings } from "@/server/planning";
import { planningSettings } from "@/lib/planning";
import { summaryQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ query: summaryQuery }, (ctx) => getPlanningSettings(ctx));

const body = z.strictObject({ version: z.number().int().min(0), settings: planningSettings });

export const PUT = route({ write: true, body }, (ctx, { body }) => updatePlanningSettings(ctx, body));
