// A work item's status, costs, due date or notes; `version` must be the one read.
import { route } from "@/server/context";
import { updateWorkItem } from "@/server/work-items";
import { workItemPatchInput } from "@/lib/inputs";
import { idParam } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const PATCH = route({ write: true, params: idParam, body: workItemPatchInput }, (ctx, { params, body }) =>
  updateWorkItem(ctx, { id: params.id, patch: body }),
);
