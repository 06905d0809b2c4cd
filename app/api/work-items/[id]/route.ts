// A work item's status, costs, due date or notes; `version` must be the one read.
import { getDb } from "@/db";
import { writerOf } from "@/db/auth";
import { updateWorkItem } from "@/db/queries/planning";
import { handle } from "@/lib/http";
import { parseBody, workItemPatchInput } from "@/lib/inputs";
import { idParam, parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const PATCH = handle(async (req: Request, ctx: RouteContext<"/api/work-items/[id]">) => {
  const actor = await writerOf(req);
  const { id } = parseParams(idParam, await ctx.params);
  const patch = await parseBody(workItemPatchInput, req);
  const { db } = await getDb();
  return Response.json(await updateWorkItem(db, { actor, id, patch }));
});
