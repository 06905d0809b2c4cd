// Work items: the responsibility matrix's rows, and changes by planners and by partners to their own.
import { recordChange } from "../db/queries/audit";
import { listWorkItems as queryWorkItems, lockWorkItemById, updateWorkItemById, type WorkItemFilters, type WorkItemRow } from "../db/queries/planning";
import type { WorkItem } from "../db/schema";
import { authorize, can, grantsOf, mayEditWorkItem } from "../lib/authz";
import { AppError } from "../lib/errors";
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
  ],
  readCosts: ["plannedCostKrw", "actualCostKrw", "notes"],
});

/** The municipality's work items (members only). */
export async function listWorkItems(ctx: RequestContext, filters: WorkItemFilters) {
  authorize(ctx.viewer, ctx.municipality.id, "read");
  return workItemModel.many(await queryWorkItems(ctx.db, { municipalityId: ctx.municipality.id, filters }), ctx.grants);
}

/** A work item as its editor gets it back after a save. */
const savedWorkItemModel = readModel<WorkItem & { overBudget: boolean }>()({
  public: ["id", "programId", "planYear", "partnerId", "kind", "siteId", "busBatchId", "status", "dueDate", "provenance", "version", "overBudget"],
  readCosts: ["plannedCostKrw", "actualCostKrw", "notes"],
});

export type WorkItemPatch = {
  version: number;
  status?: WorkItemRow["status"];
  plannedCostKrw?: number | null;
  actualCostKrw?: number | null;
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
    if (current.version !== patch.version) throw staleVersion("work item", current);
    const { version: _v, ...fields } = patch;
    const after = await updateWorkItemById(tx, { id, set: { ...fields, version: current.version + 1 } });
    await recordChange(tx, ctx.actor, { action: "update", entityType: "work_item", entityId: id, municipalityId, before: current, after });
    const overBudget = after.actualCostKrw !== null && after.plannedCostKrw !== null && after.actualCostKrw > after.plannedCostKrw;
    return savedWorkItemModel.one({ ...after, overBudget }, grantsOf(ctx.viewer, municipalityId));
  });
}
