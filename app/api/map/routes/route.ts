// Bus routes whose line is known.
import { route } from "@/server/context";
import { listRoutes } from "@/server/map";
import { summaryQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ query: summaryQuery }, (ctx) => listRoutes(ctx));
