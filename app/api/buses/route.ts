// Buses by year, status and operator.
import { route } from "@/server/context";
import { listBuses } from "@/server/buses";
import { busQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ query: busQuery }, (ctx, { query: { municipality: _m, ...query } }) => listBuses(ctx, query));
