// Work items of the municipality's program, by partner, year and status (members).
import { route } from "@/server/context";
import { listWorkItems } from "@/server/work-items";
import { workItemsQuery } from "@/lib/inputs";

export const dynamic = "force-dynamic";

export const GET = route({ query: workItemsQuery }, async (ctx, { query: { municipality: _m, open, ...filters } }) => ({
  items: await listWorkItems(ctx, { ...filters, open: open === "1" }),
}));
