// Partners with their roles and work-item tallies, and one partner's work items.
import { and, asc, eq, sql } from "drizzle-orm";
import type { WorkStatus } from "../../lib/domain";
import { AppError } from "../../lib/errors";
import type { Db } from "../client";
import * as s from "../schema";
import { selectWorkItems } from "./common";

/** Partners with their roles and work-item tallies in one municipality. */
export async function listPartners(db: Db, { municipalityId }: { municipalityId: number }) {
  // Counted within the municipality's programs only: another municipality's work is not shown.
  const mId = municipalityId;
  const rows = await db
    .select({
      id: s.partners.id,
      nameKo: s.partners.nameKo,
      nameEn: s.partners.nameEn,
      kind: s.partners.kind,
      roles: sql<
        string[]
      >`coalesce((select array_agg(x.role::text order by x.role) from (select distinct r.role from program_partner_roles r join programs p on p.id = r.program_id where r.partner_id = "partners"."id" and p.municipality_id = ${mId}) x), '{}')`,
      openItems: sql<number>`(select count(*)::int from work_items w join programs p on p.id = w.program_id where w.partner_id = "partners"."id" and p.municipality_id = ${mId} and w.status in ('not_started', 'in_progress'))`,
      doneItems: sql<number>`(select count(*)::int from work_items w join programs p on p.id = w.program_id where w.partner_id = "partners"."id" and p.municipality_id = ${mId} and w.status = 'done')`,
    })
    .from(s.partners)
    .orderBy(asc(s.partners.id));
  return rows;
}

/** One partner with its roles and work items in one municipality. */
export async function getPartnerById(db: Db, { id, year, status, municipalityId }: { id: number; year?: number; status?: WorkStatus; municipalityId: number }) {
  const [partner] = await db.select().from(s.partners).where(eq(s.partners.id, id));
  if (!partner) throw new AppError("not_found", `No partner with id ${id}`, { path: "id", params: { value: id } });
  const [roles, workItems] = await Promise.all([
    db
      .select({ role: s.programPartnerRoles.role, programId: s.programs.id, programNameKo: s.programs.nameKo, programNameEn: s.programs.nameEn })
      .from(s.programPartnerRoles)
      .innerJoin(s.programs, eq(s.programPartnerRoles.programId, s.programs.id))
      .where(and(eq(s.programPartnerRoles.partnerId, id), eq(s.programs.municipalityId, municipalityId)))
      .orderBy(asc(s.programs.id), sql`${s.programPartnerRoles.role}`),
    selectWorkItems(db, {
      municipalityId,
      where: [
        eq(s.workItems.partnerId, id),
        year !== undefined ? eq(s.workItems.planYear, year) : undefined,
        status ? eq(s.workItems.status, status) : undefined,
      ],
    }),
  ]);
  return { partner, roles, workItems };
}
