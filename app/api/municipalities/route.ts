// The municipality directory: every 시군구 with its code, 시도, registered voters, area, APs and zones.
import { route } from "@/server/context";
import { listMunicipalities } from "@/server/municipalities";
import { municipalitiesQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ national: true, query: municipalitiesQuery }, (ctx, { query }) => listMunicipalities(ctx, query));
