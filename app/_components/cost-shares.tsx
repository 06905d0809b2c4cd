// Who does the work and who pays for it: two tables of one total (lib/cost-shares), each share of its
// column's planned cost, so each column sums to 100 % when its amounts are all known.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { CostShares, ShareCell, ShareTable } from "@/lib/cost-shares";
import { localName } from "@/lib/format";
import { moneySumText } from "@/lib/money";
import { Notice } from "@/components/ui/notice";
import { moneyWords } from "./money-words";

export async function CostSharesTables({ shares }: { shares: CostShares }) {
  const t = await getTranslations("shares");
  const format = await getFormatter();
  const locale = await getLocale();
  const money = await moneyWords();
  if (shares.work.rows.length === 0) return <Notice>{t("empty")}</Notice>;
  const cell = (c: ShareCell, key: string) => (
    <td key={key} className="num">
      {moneySumText(c.planned, money)}
      {c.share === null ? null : (
        <div className="small muted" data-share>
          {format.number(c.share / 100, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 })}
        </div>
      )}
    </td>
  );
  const render = (table: ShareTable, view: "work" | "pay") => (
    <div className="table-wrap">
      <table className="data" data-testid={`shares-${view}`}>
        <caption>{t(view)}</caption>
        <thead>
          <tr>
            <th scope="col">{t("partner")}</th>
            {shares.years.map((y) => (
              <th key={y} scope="col" className="num">
                {y}
              </th>
            ))}
            <th scope="col" className="num">
              {t("all")}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.partner.id}>
              <th scope="row">{localName(locale, r.partner)}</th>
              {r.years.map((c, i) => cell(c, String(shares.years[i])))}
              {cell(r.all, "all")}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="total-row">
            <th scope="row">{t("total")}</th>
            {table.total.years.map((c, i) => cell(c, String(shares.years[i])))}
            {cell(table.total.all, "all")}
          </tr>
        </tfoot>
      </table>
    </div>
  );
  return (
    <section className="cost-shares" aria-labelledby="shares-h">
      <h2 id="shares-h">{t("title")}</h2>
      <p className="muted small">{t("intro")}</p>
      <p className="muted small">{t("assumptions")}</p>
      {render(shares.work, "work")}
      {render(shares.pay, "pay")}
    </section>
  );
}
