import { requireReader } from "@/db/auth";
import { listPoisInView } from "@/db/queries/map";
import { handle } from "@/lib/http";
import { mapPoisQuery, parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  await requireReader(req);
  const { bbox, kind } = parseParams(mapPoisQuery, new URL(req.url).searchParams);
  return Response.json(await listPoisInView({ bbox, kinds: kind }));
});
