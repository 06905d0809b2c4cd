// Points of interest that no active AP or approved zone covers yet ("which markets still have no Wi-Fi?").
import { getDb } from "@/db";
import { requireReader } from "@/db/auth";
import { findMunicipalityByCode } from "@/db/queries/common";
import { listCoverageGaps } from "@/db/queries/planning";
import { handle } from "@/lib/http";
import { gapsQuery } from "@/lib/inputs";
import { parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  const { municipality, kind } = parseParams(gapsQuery, new URL(req.url).searchParams);
  const [, m, { db }] = await Promise.all([requireReader(req), findMunicipalityByCode({ code: municipality }), getDb()]);
  return Response.json(await listCoverageGaps(db, { municipalityId: m.id, kind }));
});
