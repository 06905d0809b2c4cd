import { requireReader } from "@/db/auth";
import { getPartnerById } from "@/db/queries/partners";
import { handle } from "@/lib/http";
import { idParam, parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: RouteContext<"/api/partners/[id]">) => {
  const { id } = parseParams(idParam, await ctx.params);
  const { viewer } = await requireReader(req);
  return Response.json(await getPartnerById({ id, viewer }));
});
