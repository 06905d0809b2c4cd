import { getDb } from "@/db";
import { requireReader, writerOf } from "@/db/auth";
import { updateSite } from "@/db/queries/planning";
import { getSiteById } from "@/db/queries/sites";
import { handle } from "@/lib/http";
import { parseBody, sitePatchInput } from "@/lib/inputs";
import { idParam, parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: RouteContext<"/api/sites/[id]">) => {
  const { id } = parseParams(idParam, await ctx.params);
  const { viewer } = await requireReader(req);
  return Response.json(await getSiteById({ id, viewer }));
});

/** Changes a zone's fields or status; `version` must be the one read (409 with the current record when stale). */
export const PATCH = handle(async (req: Request, ctx: RouteContext<"/api/sites/[id]">) => {
  const actor = await writerOf(req);
  const { id } = parseParams(idParam, await ctx.params);
  const patch = await parseBody(sitePatchInput, req);
  const { db } = await getDb();
  return Response.json(await updateSite(db, { actor, id, patch }));
});
