// The plan: per year targets and actuals, and work by partner and year with costs and shares.
import { getDb } from "@/db";
import { requireReader } from "@/db/auth";
import { findMunicipalityByCode } from "@/db/queries/common";
import { getPartnerTotals } from "@/db/queries/planning";
import { getRolloutSummary } from "@/db/queries/summary";
import { handle } from "@/lib/http";
import { parseParams, summaryQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  const { municipality } = parseParams(summaryQuery, new URL(req.url).searchParams);
  const [{ viewer }, m, { db }] = await Promise.all([requireReader(req), findMunicipalityByCode({ code: municipality }), getDb()]);
  const [summary, partners] = await Promise.all([getRolloutSummary({ municipalityCode: municipality, viewer }), getPartnerTotals(db, { viewer, municipalityId: m.id })]);
  return Response.json({ ...summary, work: partners.items });
});
