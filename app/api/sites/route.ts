import { listSites } from "@/db/queries/sites";
import { handle } from "@/lib/http";
import { parseParams, siteQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  return Response.json(await listSites(parseParams(siteQuery, new URL(req.url).searchParams)));
});
