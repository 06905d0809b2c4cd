// The plan: per year targets and actuals, and work by partner and year with costs for members.
import { route } from "@/server/context";
import { getPlan } from "@/server/summary";
import { summaryQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ query: summaryQuery }, (ctx) => getPlan(ctx));
