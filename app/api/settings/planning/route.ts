// The planning settings (coverage radius, score weights, unit costs): read by anyone who plans, changed by planners.
import { z } from "zod";
import { getDb } from "@/db";
import { readerOf, writerOf } from "@/db/auth";
import { findMunicipalityByCode } from "@/db/queries/common";
import { getPlanningSettings, updatePlanningSettings } from "@/db/queries/planning";
import { requirePermission } from "@/db/queries/audit";
import { handle } from "@/lib/http";
import { parseBody } from "@/lib/inputs";
import { planningSettings } from "@/lib/planning";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  const [{ viewer }, m, { db }] = await Promise.all([readerOf(req), findMunicipalityByCode({}), getDb()]);
  requirePermission(viewer, m.id, "read");
  return Response.json(await getPlanningSettings(db, m.id));
});

const body = z.strictObject({ version: z.number().int().min(0), settings: planningSettings });

export const PUT = handle(async (req: Request) => {
  const actor = await writerOf(req);
  const { version, settings } = await parseBody(body, req);
  const [m, { db }] = await Promise.all([findMunicipalityByCode({}), getDb()]);
  return Response.json(await updatePlanningSettings(db, { actor, municipalityId: m.id, settings, version }));
});
