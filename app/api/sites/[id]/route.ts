// One zone with its APs and work items; planners change its fields and status.
import { route } from "@/server/context";
import { updateSite } from "@/server/planning";
import { getSite } from "@/server/sites";
import { sitePatchInput } from "@/lib/inputs";
import { idParam } from "@/lib/query-params";
import { todayInSeoul } from "@/lib/format";

export const dynamic = "force-dynamic";

export const GET = route({ params: idParam }, async (ctx, { params }) => {
  const { history: _h, ...site } = await getSite(ctx, params);
  return site;
});

/** Changes a zone's fields or status; `version` must be the one read (409 with the current record when stale). */
export const PATCH = route({ write: true, params: idParam, body: sitePatchInput }, (ctx, { params, body }) =>
  updateSite(ctx, { id: params.id, patch: body, today: todayInSeoul() }),
);
