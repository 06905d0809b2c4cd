// Users of a municipality (admins only): list them, or create one with a role.
import { getDb } from "@/db";
import { readerOf, writerOf } from "@/db/auth";
import { findMunicipalityByCode } from "@/db/queries/common";
import { createUser, listUsers } from "@/db/queries/users";
import { handle } from "@/lib/http";
import { newUserInput, parseBody } from "@/lib/inputs";
import { parseParams, summaryQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = handle(async (req: Request) => {
  const { municipality } = parseParams(summaryQuery, new URL(req.url).searchParams);
  const [actor, m, { db }] = await Promise.all([readerOf(req), findMunicipalityByCode({ code: municipality }), getDb()]);
  return Response.json({ items: await listUsers(db, { viewer: actor.viewer, municipalityId: m.id }) });
});

export const POST = handle(async (req: Request) => {
  const actor = await writerOf(req);
  const { municipality, ...input } = await parseBody(newUserInput, req);
  const [m, { db }] = await Promise.all([findMunicipalityByCode({ code: municipality }), getDb()]);
  return Response.json(await createUser(db, { actor, municipalityId: m.id, input }), { status: 201 });
});
