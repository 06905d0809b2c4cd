// The rollout summary: per plan year targets and actuals, totals and partners.
import { route } from "@/server/context";
import { getRolloutSummary } from "@/server/summary";
import { summaryQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ query: summaryQuery }, (ctx) => getRolloutSummary(ctx));
