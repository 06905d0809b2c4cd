import { requireReader } from "@/db/auth";
import { listAccessPoints } from "@/db/queries/access-points";
import { handle } from "@/lib/http";
import { accessPointQuery, parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  await requireReader(req);
  return Response.json(await listAccessPoints(parseParams(accessPointQuery, new URL(req.url).searchParams)));
});
