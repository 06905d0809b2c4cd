import { requireReader } from "@/db/auth";
import { getAccessPointById } from "@/db/queries/access-points";
import { handle } from "@/lib/http";
import { idParam, parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: RouteContext<"/api/access-points/[id]">) => {
  await requireReader(req);
  const { id } = parseParams(idParam, await ctx.params);
  return Response.json(await getAccessPointById({ id }));
});
