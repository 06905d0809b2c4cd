// Partners with their roles and work-item tallies, and one partner's work items.
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { WorkStatus } from "../../lib/domain";
import { visibleTo, type Viewer } from "../../lib/authz";
import { AppError } from "../../lib/errors";
import { getDb } from "../index";
import * as s from "../schema";
import { findMunicipalityByCode, selectWorkItems } from "./common";

/** Partners with their roles and work-item tallies in one municipality (the default one unless named). */
export async function listPartners({ municipalityCode }: { municipalityCode?: string } = {}) {
  const [{ db }, m] = await Promise.all([getDb(), findMunicipalityByCode({ code: municipalityCode }).catch(() => null)]);
  // Counted within the municipality's programs only: another municipality's work is not shown.
  const mId = m?.id ?? -1;
  const rows = await db
    .select({
      id: s.partners.id,
      nameKo: s.partners.nameKo,
      nameEn: s.partners.nameEn,
      kind: s.partners.kind,
      roles: sql<string[]>`coalesce((select array_agg(x.role::text order by x.role) from (select distinct r.role from program_partner_roles r join programs p on p.id = r.program_id where r.partner_id = "partners"."id" and p.municipality_id = ${mId}) x), '{}')`,
      openItems: sql<number>`(select count(*)::int from work_items w join programs p on p.id = w.program_id where w.partner_id = "partners"."id" and p.municipality_id = ${mId} and w.status in ('not_started', 'in_progress'))`,
      doneItems: sql<number>`(select count(*)::int from work_items w join programs p on p.id = w.program_id where w.partner_id = "partners"."id" and p.municipality_id = ${mId} and w.status = 'done')`,
    })
    .from(s.partners)
    .orderBy(asc(s.partners.id));
  return rows;
}

/** One partner with its roles and work items in one municipality (the default one unless named). */
export async function getPartnerById({
  id,
  year,
  status,
  viewer,
  municipalityCode,
}: {
  id: number;
  year?: number;
  status?: WorkStatus;
  viewer: Viewer | null;
  municipalityCode?: string;
}) {
  const [{ db }, m] = await Promise.all([getDb(), findMunicipalityByCode({ code: municipalityCode })]);
  const [partner] = await db.select().from(s.partners).where(eq(s.partners.id, id));
  if (!partner) throw new AppError("not_found", `No partner with id ${id}`, { param: "id", value: id });
  const [roles, workItems] = await Promise.all([
    db
      .select({ role: s.programPartnerRoles.role, programId: s.programs.id, programNameKo: s.programs.nameKo, programNameEn: s.programs.nameEn })
      .from(s.programPartnerRoles)
      .innerJoin(s.programs, eq(s.programPartnerRoles.programId, s.programs.id))
      .where(and(eq(s.programPartnerRoles.partnerId, id), eq(s.programs.municipalityId, m.id)))
      .orderBy(asc(s.programs.id), sql`${s.programPartnerRoles.role}`),
    selectWorkItems(db, m.id, [
      eq(s.workItems.partnerId, id),
      year !== undefined ? eq(s.workItems.planYear, year) : undefined,
      status ? eq(s.workItems.status, status) : undefined,
    ]),
  ]);
  return visibleTo(viewer, m.id, { ...partner, roles, workItems });
}
export type PartnerDetail = Awaited<ReturnType<typeof getPartnerById>>;
