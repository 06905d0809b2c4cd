// The audit trail of a municipality (planners and admins), as JSON or as a CSV download.
import { route } from "@/server/context";
import { listAuditEntries } from "@/server/audit";
import { toCsv } from "@/lib/export-formats";
import { auditQuery } from "@/lib/inputs";

export const dynamic = "force-dynamic";

export const GET = route({ query: auditQuery }, async (ctx, { query: q }) => {
  const [entityType, entityId] = q.object?.split(":") ?? [];
  const items = await listAuditEntries(ctx, { entityType, entityId, actor: q.actor, from: q.from, to: q.to, limit: q.limit });
  if (q.format === "json") return { items };
  const csv = toCsv(
    ["id", "at", "actor", "action", "object_type", "object_id", "request_id", "before", "after"],
    items.map((e) => [e.id, e.at?.toISOString(), e.actor, e.action, e.entityType, e.entityId, e.requestId, JSON.stringify(e.before), JSON.stringify(e.after)]),
  );
  const m = ctx.municipality;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${m.code ?? m.id}-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  });
});
