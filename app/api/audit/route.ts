// The audit trail of a municipality (planners and admins), as JSON or as a CSV download.
import { getDb } from "@/db";
import { readerOf } from "@/db/auth";
import { findMunicipalityByCode } from "@/db/queries/common";
import { listAuditEntries } from "@/db/queries/audit";
import { toCsv } from "@/lib/export-formats";
import { handle } from "@/lib/http";
import { auditQuery } from "@/lib/inputs";
import { parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  const q = parseParams(auditQuery, new URL(req.url).searchParams);
  const [actor, m, { db }] = await Promise.all([readerOf(req), findMunicipalityByCode({ code: q.municipality }), getDb()]);
  const [entityType, entityId] = q.object?.split(":") ?? [];
  const items = await listAuditEntries(db, {
    viewer: actor.viewer,
    municipalityId: m.id,
    filters: { entityType, entityId, actor: q.actor, from: q.from, to: q.to, limit: q.limit },
  });
  if (q.format === "json") return Response.json({ items });
  const csv = toCsv(
    ["id", "at", "actor", "action", "object_type", "object_id", "request_id", "before", "after"],
    items.map((e) => [e.id, e.at.toISOString(), e.actor, e.action, e.entityType, e.entityId, e.requestId, JSON.stringify(e.before), JSON.stringify(e.after)]),
  );
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${m.code ?? m.id}-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  });
});
