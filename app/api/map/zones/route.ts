// Zones with a position in a viewport, with their AP counts.
import { route } from "@/server/context";
import { listZones } from "@/server/map";
import { mapZonesQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ national: true, query: mapZonesQuery }, (ctx, { query }) => listZones(ctx, query));
