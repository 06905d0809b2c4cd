// What an audit entry changed, field by field, for showing before → after side by side, in the
// reader's language: field names and coded values worded from the catalogue, money by its one rule.
import { moneyText, type MoneyWords } from "./money";

/** A field's value before and after; undefined where that side has no such field (a create's before). */
export type FieldChange = { field: string; before: unknown; after: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The fields whose values differ between before and after; a create or delete lists every field it
 * has. Field names are camelCase whichever way the entry spelled them (an import writes its created
 * records' entries in the database's snake_case).
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = camelKeys(before);
  const a = camelKeys(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null)).map((field) => ({ field, before: b[field], after: a[field] }));
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
function camelKeys(v: unknown): Record<string, unknown> {
  return isRecord(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), x])) : {};
}

export function showValue(v: unknown): string {
  if (v === null || v === undefined) return "—";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** The kinds of record an entry names by id and the trail names by their names. */
export type ReferenceKind = "site" | "partner" | "program" | "municipality";
/** The ids to name, by kind; `user`: the users whose role entries are shown (only to those who manage users). */
export type ReferenceIds = Record<ReferenceKind, number[]> & { user: string[] };

/** The fields that hold another record's id, and that record's kind. */
const REFERENCE_FIELDS: Record<string, ReferenceKind> = {
  siteId: "site",
  partnerId: "partner",
  installingPartnerId: "partner",
  paidByPartnerId: "partner",
  programId: "program",
  municipalityId: "municipality",
};
/** The kinds of entry whose own id is a record the trail names. */
const NAMED_ENTRIES: Partial<Record<string, ReferenceKind>> = { site: "site", program: "program" };

type EntryLike = { entityType: string; entityId: string; before: unknown; after: unknown };
const ownId = (e: EntryLike): number | null => (/^\d+$/.test(e.entityId) ? Number(e.entityId) : null);
const numberAt = (data: Record<string, unknown>, field: string): number | null => (typeof data[field] === "number" ? data[field] : null);

/** Every id of a named kind that these entries hold: in their fields and as their own ids. */
export function referenceIds(entries: EntryLike[]): ReferenceIds {
  const ids: Record<ReferenceKind, Set<number>> = { site: new Set(), partner: new Set(), program: new Set(), municipality: new Set() };
  const users = new Set<string>();
  for (const e of entries) {
    // A role entry's own id is its user's: named by the user's email.
    if (e.entityType === "membership") users.add(e.entityId);
    const own = NAMED_ENTRIES[e.entityType];
    const id = ownId(e);
    if (own && id !== null) ids[own].add(id);
    for (const side of [camelKeys(e.before), camelKeys(e.after)])
      for (const [field, kind] of Object.entries(REFERENCE_FIELDS)) {
        const ref = numberAt(side, field);
        if (ref !== null) ids[kind].add(ref);
      }
  }
  return { site: [...ids.site], partner: [...ids.partner], program: [...ids.program], municipality: [...ids.municipality], user: [...users] };
}

/** How a language words an audit entry: field names, coded values (null where it has no word), yes/no, money, times. */
export type AuditWords = {
  field: (name: string) => string;
  /** The name of a record an entry refers to, in the reader's language; null where it is not known to the trail. */
  ref: (kind: ReferenceKind, id: number) => string | null;
  /** A user's email by their id; null where the trail does not name them. */
  user: (id: string) => string | null;
  /** What kind of record an entry is about ("구역", "AP"). */
  entity: (entityType: string) => string;
  coded: (list: string, value: string) => string | null;
  yes: string;
  no: string;
  money: MoneyWords;
  time: (at: Date) => string;
};

const TIME_FIELD = /At$/;
const MONEY_FIELDS = new Set(["plannedCostKrw", "actualCostKrw", "targetBudgetKrw"]);
const STATUS_LIST: Record<string, string> = { site: "siteStatus", access_point: "apStatus", work_item: "workStatus", bus: "busStatus" };
/** The catalogue list a coded field's values are worded from (a status: by the kind of record). */
const CODED_LISTS: Record<string, string> = { category: "category", targetCategories: "category", role: "role", provenance: "provenance", kind: "workKind" };
const codedList = (entityType: string, field: string): string | null => (field === "status" ? STATUS_LIST[entityType] : CODED_LISTS[field]) ?? null;

/** One value as the reader sees it: "—" where that side has nothing; an unknown amount is unknown, not 0. */
export function wordValue(entityType: string, field: string, value: unknown, w: AuditWords): string {
  if (value === undefined) return "—";
  if (MONEY_FIELDS.has(field) && (value === null || typeof value === "number")) return moneyText(value, w.money);
  if (typeof value === "boolean") return value ? w.yes : w.no;
  // Another record by its id: named where the trail knows it, its id kept beside the name.
  const ref = REFERENCE_FIELDS[field];
  if (ref && typeof value === "number") {
    const name = w.ref(ref, value);
    return name ? `${name} (#${value})` : `#${value}`;
  }
  // A record's own times (createdAt, updatedAt) are stored as ISO strings: shown as the page shows times.
  if (TIME_FIELD.test(field) && typeof value === "string" && !Number.isNaN(Date.parse(value))) return w.time(new Date(value));
  const list = codedList(entityType, field);
  const word = (v: unknown) => (list && typeof v === "string" ? (w.coded(list, v) ?? v) : showValue(v));
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) return value.length ? value.map(word).join(", ") : "—";
  // A value made of named parts (an import's counts): each part worded as a field of its own.
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => `${w.field(k)} ${wordValue(entityType, k, v, w)}`)
      .join(" · ");
  return word(value);
}

/** A change as one line: "field: before → after", in the reader's language. */
export function changeLine(entityType: string, c: FieldChange, w: AuditWords): string {
  return `${w.field(c.field)}: ${wordValue(entityType, c.field, c.before, w)} → ${wordValue(entityType, c.field, c.after, w)}`;
}

/**
 * What an entry is about, as the reader names it: its kind, and its name where it has one — a zone or
 * program by its name today (or as the entry stored it, once deleted), an AP by its zone, a plan year
 * by its year, a user by the email the entry holds, a role by its user's email.
 */
export function objectLabel(e: EntryLike, w: AuditWords): string {
  const data = { ...camelKeys(e.before), ...camelKeys(e.after) };
  const text = (v: unknown) => (typeof v === "string" && v ? v : null);
  const own = NAMED_ENTRIES[e.entityType];
  const id = ownId(e);
  const siteId = numberAt(data, "siteId");
  const name =
    own && id !== null
      ? (w.ref(own, id) ?? text(data.name) ?? text(data.nameKo))
      : e.entityType === "access_point" && siteId !== null
        ? w.ref("site", siteId)
        : e.entityType === "plan_year"
          ? e.entityId
          : e.entityType === "user"
            ? text(data.email)
            : e.entityType === "membership"
              ? w.user(e.entityId)
              : null;
  return name ? `${w.entity(e.entityType)} · ${name}` : w.entity(e.entityType);
}
