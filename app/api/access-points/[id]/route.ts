// One AP with its zone, partner and provenance.
import { route } from "@/server/context";
import { getAccessPoint } from "@/server/access-points";
import { idParam } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ params: idParam }, (ctx, { params }) => getAccessPoint(ctx, params));
