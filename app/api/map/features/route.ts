import { requireReader } from "@/db/auth";
import { getMapFeatures } from "@/db/queries/map";
import { handle } from "@/lib/http";
import { mapFeaturesQuery, parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

/** GeoJSON of the APs in a viewport: clusters with counts, or single points when few enough. */
export const GET = handle(async (req: Request) => {
  await requireReader(req);
  const features = await getMapFeatures(parseParams(mapFeaturesQuery, new URL(req.url).searchParams));
  return Response.json(features, { headers: { "content-type": "application/geo+json" } });
});
