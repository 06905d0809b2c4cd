// Candidate zones with their ranking score and its parts; planners propose new ones.
import { route } from "@/server/context";
import { createCandidate, listCandidates } from "@/server/planning";
import { candidatesQuery } from "@/lib/inputs";
import { candidateInput } from "@/lib/planning";

export const dynamic = "force-dynamic";

export const GET = route({ query: candidatesQuery }, (ctx, { query: { municipality: _m, ...query } }) => listCandidates(ctx, query));

export const POST = route({ write: true, body: candidateInput, status: 201 }, (ctx, { body }) => createCandidate(ctx, body));
