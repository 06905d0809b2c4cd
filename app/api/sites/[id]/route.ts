import { requireReader } from "@/db/auth";
import { getSiteById } from "@/db/queries/sites";
import { handle } from "@/lib/http";
import { idParam, parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: RouteContext<"/api/sites/[id]">) => {
  const { id } = parseParams(idParam, await ctx.params);
  const { viewer } = await requireReader(req);
  return Response.json(await getSiteById({ id, viewer }));
});
