// A table of audit entries: when, who, what, and the fields that changed (before → after).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditEntryView, AuditReferenceNames } from "@/server/audit";
import { changedFields, changeLine, objectLabel } from "@/lib/audit-diff";
import { AUDIT_TIME, auditWords } from "./audit-words";

const OBJECT_PAGES: Record<string, string> = { site: "/sites/", bus: "/buses/", partner: "/partners/" };

/** `names`: the records the entries refer to by id (`auditReferenceNames`), named in the changes and the object column. */
export async function AuditTable({ entries, names, showObject = true }: { entries: AuditEntryView[]; names: AuditReferenceNames; showObject?: boolean }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const words = await auditWords(names);
  const actionLabel = (a: string) => (["create", "update", "delete", "import"].includes(a) ? t(`auditAction.${a as "create"}`) : a);
  return (
    <div className="table-wrap">
      <table className="data" data-testid="audit-table">
        <thead>
          <tr>
            <th>{t("audit.at")}</th>
            <th>{t("audit.actor")}</th>
            <th>{t("audit.action")}</th>
            {showObject ? <th>{t("audit.object")}</th> : null}
            <th>{t("audit.change")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const page = OBJECT_PAGES[e.entityType];
            // The stored key ("site:12") stays beside the name: it is what the object filter takes.
            const key = `${e.entityType}:${e.entityId}`;
            return (
              <tr key={e.id}>
                <td>{format.dateTime(e.at, AUDIT_TIME)}</td>
                <td>{e.actor}</td>
                <td>{actionLabel(e.action)}</td>
                {showObject ? (
                  <td>
                    {page ? <Link href={`${page}${e.entityId}`}>{objectLabel(e, words)}</Link> : objectLabel(e, words)}
                    <span className="mono muted audit-key">{key}</span>
                  </td>
                ) : null}
                <td className="audit-change">
                  {changedFields(e.before, e.after)
                    .map((c) => changeLine(e.entityType, c, words))
                    .join("\n")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
