// Candidate zones with their ranking score and its parts; planners propose new ones.
import { getDb } from "@/db";
import { requireReader, writerOf } from "@/db/auth";
import { findMunicipalityByCode } from "@/db/queries/common";
import { createCandidate, listCandidates } from "@/db/queries/planning";
import { handle } from "@/lib/http";
import { candidatesQuery, parseBody } from "@/lib/inputs";
import { candidateInput } from "@/lib/planning";
import { parseParams } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  const { municipality, ...filters } = parseParams(candidatesQuery, new URL(req.url).searchParams);
  const [{ viewer }, m, { db }] = await Promise.all([requireReader(req), findMunicipalityByCode({ code: municipality }), getDb()]);
  return Response.json(await listCandidates(db, { viewer, municipalityId: m.id, ...filters }));
});

export const POST = handle(async (req: Request) => {
  const actor = await writerOf(req);
  const input = await parseBody(candidateInput, req);
  const [m, { db }] = await Promise.all([findMunicipalityByCode({}), getDb()]);
  return Response.json(await createCandidate(db, { actor, municipalityId: m.id, input }), { status: 201 });
});
