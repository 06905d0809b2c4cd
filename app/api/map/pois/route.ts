// Reference places (markets, tourist spots, parks, parking, bus stops) in a viewport.
import { route } from "@/server/context";
import { listPois } from "@/server/map";
import { mapPoisQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ national: true, query: mapPoisQuery }, (ctx, { query }) => listPois(ctx, { bbox: query.bbox, kinds: query.kind }));
