// One partner with its roles and work items in the municipality.
import { route } from "@/server/context";
import { getPartner } from "@/server/partners";
import { idParam } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ params: idParam }, (ctx, { params }) => getPartner(ctx, params));
