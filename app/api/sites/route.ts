// Zones, filtered, sorted and paged.
import { route } from "@/server/context";
import { listSites } from "@/server/sites";
import { siteQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ query: siteQuery }, (ctx, { query: { municipality: _m, ...query } }) => listSites(ctx, query));
