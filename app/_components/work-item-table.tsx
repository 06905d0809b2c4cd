// Work items as a table: year, work, partner or scope, status, due date and costs in KRW.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, EstimateMark } from "@/components/ui/badge";
import type { Provenance, WorkKind, WorkStatus } from "@/lib/domain";
import { localName } from "@/lib/format";
import { moneySumText, moneyText } from "@/lib/money";
import type { Funded } from "@/lib/cost-shares";
import { moneyWords } from "./money-words";

export type WorkItemView = {
  id: number;
  planYear: number;
  kind: WorkKind;
  status: WorkStatus;
  dueDate: string | null;
  /** Where the item comes from: an estimate is marked as one. */
  provenance?: Provenance;
  /** Absent for callers who may not read costs. */
  plannedCostKrw?: number | null;
  actualCostKrw?: number | null;
  /** A funding item's amount: the work in its scope it pays for. */
  funds?: Funded | null;
  partner?: { id: number; nameKo: string; nameEn: string | null };
  scope?: { href: string | null; label: string } | null;
};

export async function WorkItemTable({ items, show }: { items: WorkItemView[]; show: "partner" | "scope" }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const money = await moneyWords();
  const krw = (v: number | null | undefined) => moneyText(v, money);
  return (
    <div className="table-wrap">
      <table className="data" data-testid="work-items-table">
        <thead>
          <tr>
            <th scope="col">{t("workItems.year")}</th>
            <th scope="col">{t("workItems.kind")}</th>
            <th scope="col">{show === "partner" ? t("workItems.partner") : t("workItems.scope")}</th>
            <th scope="col">{t("workItems.status")}</th>
            <th scope="col">{t("workItems.due")}</th>
            <th scope="col">{t("workItems.plannedCost")}</th>
            <th scope="col">{t("workItems.actualCost")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((w) => (
            <tr key={w.id}>
              <td className="num">{w.planYear}</td>
              <td>
                {t(`workKind.${w.kind}`)}
                <EstimateMark on={w.provenance === "estimate"} label={t("provenance.estimate")} />
              </td>
              <td>
                {show === "partner" && w.partner ? (
                  <Link href={`/partners/${w.partner.id}`}>{localName(locale, w.partner)}</Link>
                ) : w.scope?.href ? (
                  <Link href={w.scope.href}>{w.scope.label}</Link>
                ) : (
                  (w.scope?.label ?? t("workItems.wholeYear", { year: w.planYear }))
                )}
              </td>
              <td>
                <Badge tone={w.status}>{t(`workStatus.${w.status}`)}</Badge>
              </td>
              <td>{w.dueDate ? format.dateTime(new Date(`${w.dueDate}T00:00:00+09:00`), { dateStyle: "medium" }) : "—"}</td>
              <td className="num">{w.funds ? moneySumText(w.funds.planned, money) : krw(w.plannedCostKrw)}</td>
              <td className="num">{w.funds ? moneySumText(w.funds.actual, money) : krw(w.actualCostKrw)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
