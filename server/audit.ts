// The audit trail of a municipality, for planners and admins.
import { listAuditEntries as queryAudit, listAuditReferenceNames, type AuditFilters, type AuditReferenceNames } from "../db/queries/audit";
import type { AuditEntry } from "../db/schema";
import { referenceIds } from "../lib/audit-diff";
import { authorize } from "../lib/authz";
import { readModel } from "../lib/read-model";
import type { RequestContext } from "./context";

export const auditEntryModel = readModel<AuditEntry>()({
  public: [],
  readAudit: ["id", "at", "actor", "action", "entityType", "entityId", "municipalityId", "before", "after", "requestId"],
});
export type AuditEntryView = Awaited<ReturnType<typeof listAuditEntries>>[number];
export type { AuditReferenceNames };

/** Entries about users and their roles carry email addresses: only those who manage users read them. */
const USER_RECORDS = ["user", "membership"];

export async function listAuditEntries(ctx: RequestContext, filters: AuditFilters) {
  authorize(ctx.viewer, ctx.municipality.id, "readAudit");
  const excludeTypes = ctx.grants.has("manageUsers") ? [] : USER_RECORDS;
  return auditEntryModel.manyWith(
    await queryAudit(ctx.db, { municipalityId: ctx.municipality.id, filters: { ...filters, excludeTypes } }),
    ctx.grants,
    "readAudit",
  );
}

/**
 * The names of the zones, partners, programs and 시군구 these entries refer to by id, for wording them:
 * entries of `municipalityId`'s trail (the request's unless a page shows another's, as a zone's page does).
 */
export async function auditReferenceNames(ctx: RequestContext, entries: AuditEntryView[], municipalityId = ctx.municipality.id): Promise<AuditReferenceNames> {
  authorize(ctx.viewer, municipalityId, "readAudit");
  const ids = referenceIds(entries);
  // Users are named (by email) only to those who manage them, as only they see the entries about them.
  return listAuditReferenceNames(ctx.db, { municipalityId, ids: { ...ids, user: ctx.grants.has("manageUsers") ? ids.user : [] } });
}
