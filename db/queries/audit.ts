// The audit trail: one entry per change, written in the change's transaction; read through server/audit.
import { and, desc, eq, gte, inArray, lt, notInArray, sql, type SQL } from "drizzle-orm";
import type { ReferenceIds, ReferenceKind } from "../../lib/audit-diff";
import type { Viewer } from "../../lib/authz";
import type { Conn, Db } from "../client";
import * as s from "../schema";
import { arr } from "./common";

/** Who is making a change, and the id that groups one request's changes. */
export type Actor = { viewer: Viewer | null; label: string; requestId: string };

export type Change = {
  action: "create" | "update" | "delete" | "import";
  entityType: string;
  entityId: string | number;
  municipalityId: number | null;
  before?: unknown;
  after?: unknown;
};

/** Who wrote a batch of changes: the label the trail shows and the request that grouped them. */
export type Author = Pick<Actor, "label" | "requestId">;

/** Rows per statement when recording many changes at once. */
const CHANGES_PER_STATEMENT = 20_000;
const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * The one writer of audit entries, for a batch (an import's thousands of zones): the same rows as
 * `recordChange`, a few statements however many changes. Called inside the changes' own transaction.
 */
export async function recordChanges(tx: Conn, author: Author, changes: Change[]): Promise<void> {
  for (let i = 0; i < changes.length; i += CHANGES_PER_STATEMENT) {
    const part = changes.slice(i, i + CHANGES_PER_STATEMENT);
    await tx.execute(sql`
      insert into audit_entries (actor, action, entity_type, entity_id, municipality_id, before, after, request_id)
      select ${author.label}, action, entity_type, entity_id, municipality_id, before, after, ${author.requestId}
      from unnest(${arr(
        part.map((c) => c.action),
        "text",
      )}, ${arr(
        part.map((c) => c.entityType),
        "text",
      )}, ${arr(
        part.map((c) => String(c.entityId)),
        "text",
      )},
                  ${arr(
                    part.map((c) => c.municipalityId),
                    "int",
                  )}, ${arr(
                    part.map((c) => json(c.before)),
                    "jsonb",
                  )}, ${arr(
                    part.map((c) => json(c.after)),
                    "jsonb",
                  )})
        as t(action, entity_type, entity_id, municipality_id, before, after)`);
  }
}

/**
 * The audit rows of records created by the same statement, as its last part: `insert … select … from
 * <rows>`, where `rows` (a CTE of the statement) has `id`, `municipality_id` and the columns `after` names.
 * A national import creates a million zones: their entries are written with them, not sent back and forth.
 */
export function recordCreatesOf(author: Author, { rows, entityType, after }: { rows: string; entityType: string; after: readonly string[] }): SQL {
  // Column names are the code's own, never input: written into the statement as they are.
  const fields = sql.raw(after.map((c) => `'${c}', ${c}`).join(", "));
  return sql`insert into audit_entries (actor, action, entity_type, entity_id, municipality_id, after, request_id)
    select ${author.label}, 'create', ${entityType}, id::text, municipality_id, jsonb_build_object(${fields}), ${author.requestId} from ${sql.identifier(rows)}`;
}

/** The one writer of audit entries: every change calls it inside the change's own transaction. */
export async function recordChange(tx: Conn, actor: Actor, change: Change): Promise<void> {
  await tx.insert(s.auditEntries).values({
    actor: actor.label,
    action: change.action,
    entityType: change.entityType,
    entityId: String(change.entityId),
    municipalityId: change.municipalityId,
    before: change.before ?? null,
    after: change.after ?? null,
    requestId: actor.requestId,
  });
}

export type AuditFilters = {
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  /** Object types left out (the users' own records, for those who may not manage users). */
  excludeTypes?: string[];
  limit: number;
};

export async function listAuditEntries(db: Db, { municipalityId, filters }: { municipalityId: number; filters: AuditFilters }): Promise<s.AuditEntry[]> {
  const where: (SQL | undefined)[] = [
    eq(s.auditEntries.municipalityId, municipalityId),
    filters.entityType ? eq(s.auditEntries.entityType, filters.entityType) : undefined,
    filters.entityId ? eq(s.auditEntries.entityId, filters.entityId) : undefined,
    filters.actor ? eq(s.auditEntries.actor, filters.actor) : undefined,
    filters.from ? gte(s.auditEntries.at, filters.from) : undefined,
    filters.to ? lt(s.auditEntries.at, filters.to) : undefined,
    filters.excludeTypes?.length ? notInArray(s.auditEntries.entityType, filters.excludeTypes) : undefined,
  ];
  return db
    .select()
    .from(s.auditEntries)
    .where(and(...where))
    .orderBy(desc(s.auditEntries.at), desc(s.auditEntries.id))
    .limit(filters.limit);
}

export type ReferenceName = { id: number; nameKo: string; nameEn: string | null };
export type AuditReferenceNames = Record<ReferenceKind, ReferenceName[]> & { user: { id: string; email: string }[] };

/**
 * The names of the records a municipality's entries refer to: its own zones and programs, any
 * partner, any 시군구 (the directory is public), and the users asked for by their email. A zone or
 * program of another municipality is not named (its id stays as stored); one deleted since is not found.
 */
export async function listAuditReferenceNames(db: Db, { municipalityId, ids }: { municipalityId: number; ids: ReferenceIds }): Promise<AuditReferenceNames> {
  const none = Promise.resolve([] as ReferenceName[]);
  const [site, partner, program, municipality, user] = await Promise.all([
    ids.site.length
      ? db
          .select({ id: s.sites.id, nameKo: s.sites.name, nameEn: sql<string | null>`null` })
          .from(s.sites)
          .where(and(eq(s.sites.municipalityId, municipalityId), inArray(s.sites.id, ids.site)))
      : none,
    ids.partner.length
      ? db.select({ id: s.partners.id, nameKo: s.partners.nameKo, nameEn: s.partners.nameEn }).from(s.partners).where(inArray(s.partners.id, ids.partner))
      : none,
    ids.program.length
      ? db
          .select({ id: s.programs.id, nameKo: s.programs.nameKo, nameEn: s.programs.nameEn })
          .from(s.programs)
          .where(and(eq(s.programs.municipalityId, municipalityId), inArray(s.programs.id, ids.program)))
      : none,
    ids.municipality.length
      ? db
          .select({ id: s.municipalities.id, nameKo: s.municipalities.nameKo, nameEn: s.municipalities.nameEn })
          .from(s.municipalities)
          .where(inArray(s.municipalities.id, ids.municipality))
      : none,
    // Users by their email: the caller asks only for those whose entries its reader may see.
    ids.user.length ? db.select({ id: s.users.id, email: s.users.email }).from(s.users).where(inArray(s.users.id, ids.user)) : Promise.resolve([]),
  ]);
  return { site, partner, program, municipality, user };
}
