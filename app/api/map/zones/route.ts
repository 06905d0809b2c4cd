import { requireReader } from "@/db/auth";
import { listZonesInView } from "@/db/queries/map";
import { handle } from "@/lib/http";
import { mapZonesQuery, parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  await requireReader(req);
  return Response.json(await listZonesInView(parseParams(mapZonesQuery, new URL(req.url).searchParams)));
});
