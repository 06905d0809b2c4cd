// The audit trail of a municipality, for planners and admins.
import { listAuditEntries as queryAudit, type AuditFilters } from "../db/queries/audit";
import type { AuditEntry } from "../db/schema";
import { authorize } from "../lib/authz";
import { readModel } from "../lib/read-model";
import type { RequestContext } from "./context";

export const auditEntryModel = readModel<AuditEntry>()({
  public: [],
  readAudit: ["id", "at", "actor", "action", "entityType", "entityId", "municipalityId", "before", "after", "requestId"],
});
export type AuditEntryView = Awaited<ReturnType<typeof listAuditEntries>>[number];

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
