// Points of interest that no active AP or approved zone covers yet ("which markets still have no Wi-Fi?").
import { route } from "@/server/context";
import { listCoverageGaps } from "@/server/planning";
import { gapsQuery } from "@/lib/inputs";

export const dynamic = "force-dynamic";

export const GET = route({ query: gapsQuery }, (ctx, { query }) => listCoverageGaps(ctx, { kind: query.kind }));
