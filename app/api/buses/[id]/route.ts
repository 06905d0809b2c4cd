// One bus with its APs.
import { route } from "@/server/context";
import { getBus } from "@/server/buses";
import { idParam } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ params: idParam }, (ctx, { params }) => getBus(ctx, params));
