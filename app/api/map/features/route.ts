// GeoJSON of the APs in a viewport: clusters with counts, or single points when few enough.
import { route } from "@/server/context";
import { getMapFeatures } from "@/server/map";
import { mapFeaturesQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ national: true, query: mapFeaturesQuery }, async (ctx, { query }) =>
  Response.json(await getMapFeatures(ctx, query), { headers: { "content-type": "application/geo+json" } }),
);
