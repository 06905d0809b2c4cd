import { requireReader } from "@/db/auth";
import { listSites } from "@/db/queries/sites";
import { handle } from "@/lib/http";
import { parseParams, siteQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  await requireReader(req);
  return Response.json(await listSites(parseParams(siteQuery, new URL(req.url).searchParams)));
});
