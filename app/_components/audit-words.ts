// How an audit entry is worded on a server-rendered page: lib/audit-diff's words in the page's language.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { AuditWords } from "@/lib/audit-diff";
import { localName } from "@/lib/format";
import type { AuditReferenceNames } from "@/server/audit";
import { moneyWords } from "./money-words";

/** How the trail writes a time: its own column and the records' times inside a change alike. */
export const AUDIT_TIME = { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" } as const;

/** The words of the page's language; `names`, the records the entries refer to (none: their ids are shown). */
export async function auditWords(names?: AuditReferenceNames): Promise<AuditWords> {
  const [t, money, format, locale] = await Promise.all([getTranslations(), moneyWords(), getFormatter(), getLocale()]);
  const { user = [], ...records } = names ?? {};
  const named = Object.fromEntries(Object.entries(records).map(([kind, list]) => [kind, new Map(list.map((r) => [r.id, localName(locale, r)]))])) as Partial<
    Record<string, Map<number, string>>
  >;
  const emails = new Map(user.map((u) => [u.id, u.email]));
  // Keys made from stored names: worded where the catalogue has them, else shown as stored.
  const has = (key: string) => t.has(key as never);
  const say = (key: string) => t(key as never);
  return {
    ref: (kind, id) => named[kind]?.get(id) ?? null,
    user: (id) => emails.get(id) ?? null,
    entity: (type) => (has(`auditEntity.${type}`) ? say(`auditEntity.${type}`) : type),
    field: (name) => (has(`auditField.${name}`) ? say(`auditField.${name}`) : name),
    coded: (list, value) => (has(`${list}.${value}`) ? say(`${list}.${value}`) : null),
    yes: t("audit.yes"),
    no: t("audit.no"),
    money,
    time: (at) => format.dateTime(at, AUDIT_TIME),
  };
}
