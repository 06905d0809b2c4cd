// How an audit entry is worded on a server-rendered page: lib/audit-diff's words in the page's language.
import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditWords } from "@/lib/audit-diff";
import { moneyWords } from "./money-words";

/** How the trail writes a time: its own column and the records' times inside a change alike. */
export const AUDIT_TIME = { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" } as const;

export async function auditWords(): Promise<AuditWords> {
  const [t, money, format] = await Promise.all([getTranslations(), moneyWords(), getFormatter()]);
  // Keys made from stored names: worded where the catalogue has them, else shown as stored.
  const has = (key: string) => t.has(key as never);
  const say = (key: string) => t(key as never);
  return {
    field: (name) => (has(`auditField.${name}`) ? say(`auditField.${name}`) : name),
    coded: (list, value) => (has(`${list}.${value}`) ? say(`${list}.${value}`) : null),
    yes: t("audit.yes"),
    no: t("audit.no"),
    money,
    time: (at) => format.dateTime(at, AUDIT_TIME),
  };
}
