// Work items: the responsibility matrix's rows, and changes by planners and by partners to their own.
import { recordChange } from "../db/queries/audit";
import {
  listProgramRoles,
  listWorkItems as queryWorkItems,
  lockWorkItemById,
  updateWorkItemById,
  type WorkItemFilters,
  type WorkItemRow,
} from "../db/queries/planning";
import type { WorkItem } from "../db/schema";
import { authorize, can, grantsOf, mayEditWorkItem } from "../lib/authz";
import { AppError, fieldError } from "../lib/errors";
import { readModel } from "../lib/read-model";
import type { RequestContext } from "./context";
import { staleVersion } from "./conflicts";

/** A work item as lists show it: what, who and when for everyone; costs and notes for members. */
export const workItemModel = readModel<WorkItemRow>()({
  public: [
    "id",
    "planYear",
    "kind",
    "status",
    "dueDate",
    "version",
    "provenance",
    "partnerId",
    "partnerNameKo",
    "partnerNameEn",
    "siteId",
    "siteName",
    "busBatchId",
    "busBatchLabel",
    "paidByPartnerId",
  ],
  readCosts: ["plannedCostKrw", "actualCostKrw", "funds", "notes"],
});

/** The municipality's work items (members only). */
export async function listWorkItems(ctx: RequestContext, filters: WorkItemFilters) {
  authorize(ctx.viewer, ctx.municipality.id, "read");
  return workItemModel.many(await queryWorkItems(ctx.db, { municipalityId: ctx.municipality.id, filters }), ctx.grants);
}

/** A work item as its editor gets it back after a save. */
const savedWorkItemModel = readModel<WorkItem & { overBudget: boolean }>()({
  public: [
    "id",
    "programId",
    "planYear",
    "partnerId",
    "kind",
    "siteId",
    "busBatchId",
    "status",
    "dueDate",
    "provenance",
    "version",
    "overBudget",
    "paidByPartnerId",
  ],
  readCosts: ["plannedCostKrw", "actualCostKrw", "notes"],
});

export type WorkItemPatch = {
  version: number;
  status?: WorkItemRow["status"];
  plannedCostKrw?: number | null;
  actualCostKrw?: number | null;
  paidByPartnerId?: number | null;
  dueDate?: string | null;
  notes?: string | null;
};

/** Planners change any work item; a partner user only its own company's, and not its planned cost. */
export async function updateWorkItem(ctx: RequestContext, { id, patch }: { id: number; patch: WorkItemPatch }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockWorkItemById(tx, { id });
    if (!row) throw new AppError("not_found", `No work item with id ${id}`);
    const { item: current, municipalityId } = row;
    authorize(ctx.viewer, municipalityId, "editOwnWorkItems");
    if (!mayEditWorkItem(ctx.viewer, { municipalityId, partnerId: current.partnerId })) {
      throw new AppError("forbidden", "A partner may change only its own company's work items.");
    }
    if (patch.plannedCostKrw !== undefined && !can(ctx.viewer, municipalityId, "editPlan")) {
      throw new AppError("forbidden", "Only planners set planned costs.", { issues: [{ code: "planner_only", path: "plannedCostKrw" }] });
    }
    if (patch.paidByPartnerId !== undefined && !can(ctx.viewer, municipalityId, "editPlan")) {
      throw new AppError("forbidden", "Only planners say who pays.", { issues: [{ code: "planner_only", path: "paidByPartnerId" }] });
    }
    if (current.kind === "funding") {
      // A funding item pays for others' work: an amount or payer of its own would count that work twice.
      const own = (["plannedCostKrw", "actualCostKrw", "paidByPartnerId"] as const).find((k) => patch[k] != null);
      if (own) throw fieldError(own, "funding_has_no_cost", "A funding item has no amount of its own.");
    }
    if (patch.paidByPartnerId != null && patch.paidByPartnerId !== current.partnerId) {
      const roles = await listProgramRoles(tx, { programId: current.programId });
      if (!roles.some((r) => r.partnerId === patch.paidByPartnerId && r.role === "funding")) {
        throw fieldError("paidByPartnerId", "not_a_funder", `Partner ${patch.paidByPartnerId} does not fund this program.`);
      }
    }
    if (current.version !== patch.version) throw staleVersion("work item", current);
    const { version: _v, ...fields } = patch;
    // The partner doing the work paying for it is said as null, so there is one way to say it.
    if (fields.paidByPartnerId === current.partnerId) fields.paidByPartnerId = null;
    const after = await updateWorkItemById(tx, { id, set: { ...fields, version: current.version + 1 } });
    await recordChange(tx, ctx.actor, { action: "update", entityType: "work_item", entityId: id, municipalityId, before: current, after });
    const overBudget = after.actualCostKrw !== null && after.plannedCostKrw !== null && after.actualCostKrw > after.plannedCostKrw;
    return savedWorkItemModel.one({ ...after, overBudget }, grantsOf(ctx.viewer, municipalityId));
  });
}
