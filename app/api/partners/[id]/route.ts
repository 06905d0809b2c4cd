import { getPartnerById } from "@/db/queries/partners";
import { handle } from "@/lib/http";
import { idParam, parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (_req: Request, ctx: RouteContext<"/api/partners/[id]">) => {
  const { id } = parseParams(idParam, await ctx.params);
  return Response.json(await getPartnerById({ id }));
});
