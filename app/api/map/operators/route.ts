import { requireReader } from "@/db/auth";
import { listBusOperatorsForMap } from "@/db/queries/map";
import { handle } from "@/lib/http";
import { parseParams, summaryQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  await requireReader(req);
  const { municipality } = parseParams(summaryQuery, new URL(req.url).searchParams);
  return Response.json({ items: await listBusOperatorsForMap({ municipality }) });
});
