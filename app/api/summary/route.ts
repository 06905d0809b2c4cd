import { requireReader } from "@/db/auth";
import { getRolloutSummary } from "@/db/queries/summary";
import { handle } from "@/lib/http";
import { parseParams, summaryQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  const { municipality } = parseParams(summaryQuery, new URL(req.url).searchParams);
  const { viewer } = await requireReader(req);
  return Response.json(await getRolloutSummary({ municipalityCode: municipality, viewer }));
});
