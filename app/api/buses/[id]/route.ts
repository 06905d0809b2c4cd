import { requireReader } from "@/db/auth";
import { getBusById } from "@/db/queries/buses";
import { handle } from "@/lib/http";
import { idParam, parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request, ctx: RouteContext<"/api/buses/[id]">) => {
  await requireReader(req);
  const { id } = parseParams(idParam, await ctx.params);
  return Response.json(await getBusById({ id }));
});
