// A proposal for an open plan year: the best set of candidates for a budget and the installers'
// capacity, each choice explained, with the coverage-against-budget curve. Planners and admins.
import { route } from "@/server/context";
import { proposeForYear } from "@/server/proposals";
import { proposalInput } from "@/lib/planning";
import { todayInSeoul } from "@/lib/format";

export const dynamic = "force-dynamic";

export const POST = route({ body: proposalInput }, (ctx, { body }) => proposeForYear(ctx, body, todayInSeoul()));
