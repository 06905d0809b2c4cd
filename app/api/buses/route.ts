import { requireReader } from "@/db/auth";
import { listBuses } from "@/db/queries/buses";
import { handle } from "@/lib/http";
import { busQuery, parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  await requireReader(req);
  return Response.json(await listBuses(parseParams(busQuery, new URL(req.url).searchParams)));
});
