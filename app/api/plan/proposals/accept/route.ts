// Accepts a proposal: its zones approved for the year with their work items, in one transaction.
import { route } from "@/server/context";
import { acceptProposal } from "@/server/proposals";
import { acceptProposalInput } from "@/lib/planning";
import { todayInSeoul } from "@/lib/format";

export const dynamic = "force-dynamic";

export const POST = route({ write: true, body: acceptProposalInput }, (ctx, { body }) => acceptProposal(ctx, body, todayInSeoul()));
