import { requireReader } from "@/db/auth";
import { listPartners } from "@/db/queries/partners";
import { handle } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  await requireReader(req);
  return Response.json({ items: await listPartners() });
});
