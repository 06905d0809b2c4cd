import { listPartners } from "@/db/queries/partners";
import { handle } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = handle(async () => Response.json({ items: await listPartners() }));
