// APs across zones and buses, filtered, sorted and paged.
import { route } from "@/server/context";
import { listAccessPoints } from "@/server/access-points";
import { accessPointQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ query: accessPointQuery }, (ctx, { query: { municipality: _m, ...query } }) => listAccessPoints(ctx, query));
