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

/** How a language words an audit entry: field names, coded values (null where it has no word), yes/no, money, times. */
export type AuditWords = {
  field: (name: string) => string;
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
  // A record's own times (createdAt, updatedAt) are stored as ISO strings: shown as the page shows times.
  if (TIME_FIELD.test(field) && typeof value === "string" && !Number.isNaN(Date.parse(value))) return w.time(new Date(value));
  const list = codedList(entityType, field);
  const word = (v: unknown) => (list && typeof v === "string" ? (w.coded(list, v) ?? v) : showValue(v));
  if (list && Array.isArray(value)) return value.map(word).join(", ");
  return word(value);
}

/** A change as one line: "field: before → after", in the reader's language. */
export function changeLine(entityType: string, c: FieldChange, w: AuditWords): string {
  return `${w.field(c.field)}: ${wordValue(entityType, c.field, c.before, w)} → ${wordValue(entityType, c.field, c.after, w)}`;
}
