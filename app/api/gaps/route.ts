// Points of interest that no active AP or approved zone covers yet ("which markets still have no Wi-Fi?").
import { route } from "@/server/context";
import { listCoverageGaps } from "@/server/planning";
import { gapsQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ query: gapsQuery }, (ctx, { query: { kind, page, pageSize } }) => listCoverageGaps(ctx, { kind, page, pageSize }));
