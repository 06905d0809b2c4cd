// Work items of the municipality's program, by partner, year and status (signed-in users).
import { getDb } from "@/db";
import { readerOf } from "@/db/auth";
import { findMunicipalityByCode } from "@/db/queries/common";
import { listWorkItems } from "@/db/queries/planning";
import { visibleTo } from "@/lib/authz";
import { handle } from "@/lib/http";
import { workItemsQuery } from "@/lib/inputs";
import { parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  const { municipality, open, ...filters } = parseParams(workItemsQuery, new URL(req.url).searchParams);
  const [{ viewer }, m, { db }] = await Promise.all([readerOf(req), findMunicipalityByCode({ code: municipality }), getDb()]);
  const items = await listWorkItems(db, { viewer, municipalityId: m.id, filters: { ...filters, open: open === "1" } });
  return Response.json(visibleTo(viewer, m.id, { items }));
});
