// Bus operators with their bus and AP counts and depots.
import { route } from "@/server/context";
import { listOperators } from "@/server/map";
import { summaryQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ query: summaryQuery }, (ctx) => listOperators(ctx));
