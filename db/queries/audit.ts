// The audit trail: one entry per change, written in the change's transaction; read by planners and admins.
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { decide, type Permission, type Viewer } from "../../lib/authz";
import { AppError } from "../../lib/errors";
import type { Db } from "../client";
import * as s from "../schema";

/** Who is making a change, and the id that groups one request's changes. */
export type Actor = { viewer: Viewer | null; label: string; requestId: string };

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Writer = Db | Tx;

export type Change = {
  action: "create" | "update" | "delete" | "import";
  entityType: string;
  entityId: string | number;
  municipalityId: number | null;
  before?: unknown;
  after?: unknown;
};

export async function recordChange(tx: Writer, actor: Actor, change: Change): Promise<void> {
  await tx.insert(s.auditEntries).values({
    actor: actor.label,
    action: change.action,
    entityType: change.entityType,
    entityId: String(change.entityId),
    municipalityId: change.municipalityId,
    before: change.before ?? null,
    after: change.after ?? null,
    requestId: actor.requestId,
  });
}

/** Throws the answer the caller gets when they may not: 401, 404 (another municipality) or 403. */
export function requirePermission(viewer: Viewer | null, municipalityId: number, permission: Permission): Viewer {
  const verdict = decide(viewer, municipalityId, permission);
  if (verdict === "unauthorized") throw new AppError("unauthorized", "Sign in first.");
  if (verdict === "not_found") throw new AppError("not_found", "Not found.");
  if (verdict === "forbidden") throw new AppError("forbidden", `Your role may not do this (${permission}).`);
  return viewer!;
}

export type AuditFilters = {
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  limit: number;
};

export async function listAuditEntries(
  db: Db,
  { viewer, municipalityId, filters }: { viewer: Viewer | null; municipalityId: number; filters: AuditFilters },
): Promise<s.AuditEntry[]> {
  requirePermission(viewer, municipalityId, "readAudit");
  const where: (SQL | undefined)[] = [
    eq(s.auditEntries.municipalityId, municipalityId),
    filters.entityType ? eq(s.auditEntries.entityType, filters.entityType) : undefined,
    filters.entityId ? eq(s.auditEntries.entityId, filters.entityId) : undefined,
    filters.actor ? eq(s.auditEntries.actor, filters.actor) : undefined,
    filters.from ? gte(s.auditEntries.at, filters.from) : undefined,
    filters.to ? lt(s.auditEntries.at, filters.to) : undefined,
  ];
  return db
    .select()
    .from(s.auditEntries)
    .where(and(...where))
    .orderBy(desc(s.auditEntries.at), desc(s.auditEntries.id))
    .limit(filters.limit);
}
