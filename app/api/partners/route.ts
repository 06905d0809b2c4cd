// Partners with their roles and work-item counts.
import { route } from "@/server/context";
import { listPartners } from "@/server/partners";
import { summaryQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ query: summaryQuery }, async (ctx) => ({ items: await listPartners(ctx) }));
