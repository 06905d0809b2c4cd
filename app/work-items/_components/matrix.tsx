"use client";
// The responsibility matrix: a row per zone, bus batch or whole year; a column per partner and kind of work.
// Cells show status and planned/actual cost, overdue ones in red; whoever may change a cell opens its editor.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { WORK_STATUSES, type WorkKind, type WorkStatus } from "@/lib/domain";
import { sendJson } from "@/lib/fetcher";
import { addMoney, type Funded } from "@/lib/cost-shares";
import { moneySumText, moneyText, sumMoney } from "@/lib/money";
import { isOverdue } from "@/lib/planning";
import { conflictOf, SaveError } from "../../_components/conflict-notice";
import type { WorkItemView } from "../../_components/work-item-table";
import { useMoneyWords } from "../../_components/use-money";

export type MatrixItem = Omit<WorkItemView, "partner" | "scope"> & {
  version: number;
  partnerId: number;
  partnerName: string;
  siteId: number | null;
  siteName: string | null;
  busBatchId: number | null;
  busBatchLabel: string | null;
  paidByPartnerId: number | null;
  funds?: Funded | null;
  editable: boolean;
};
export type MatrixColumn = { partnerId: number; partnerName: string; kind: WorkKind };

const scopeKey = (w: MatrixItem) => `${w.planYear}|${w.siteId ?? ""}|${w.busBatchId ?? ""}`;

type MatrixProps = {
  items: MatrixItem[];
  columns: MatrixColumn[];
  today: string;
  canPlan: boolean;
  /** Partner names by id, for "paid by". */
  partnerNames: Record<number, string>;
  /** The partners that may pay for others' work (the program's funders). */
  funders: number[];
};

export function Matrix({ items, columns, today, canPlan, partnerNames, funders }: MatrixProps) {
  const t = useTranslations();
  const [editing, setEditing] = useState<number | null>(null);
  const money = useMoneyWords();
  const krw = (v: number | null | undefined) => moneyText(v, money);
  const rows = new Map<string, MatrixItem[]>();
  for (const w of items) rows.set(scopeKey(w), [...(rows.get(scopeKey(w)) ?? []), w]);
  const cell = (list: MatrixItem[], c: MatrixColumn) => list.find((w) => w.partnerId === c.partnerId && w.kind === c.kind);
  // A column's total says how many of its amounts are unknown: they are never added as 0.
  // A funding column totals what its partner pays for: the amounts of the work in the other columns.
  const sum = (c: MatrixColumn, key: "planned" | "actual") => {
    const list = items.filter((w) => w.partnerId === c.partnerId && w.kind === c.kind);
    if (c.kind === "funding")
      return moneySumText(
        list.reduce((t, w) => (w.funds ? addMoney(t, w.funds[key]) : t), sumMoney([])),
        money,
      );
    return moneySumText(sumMoney(list.map((w) => (key === "planned" ? w.plannedCostKrw : w.actualCostKrw))), money);
  };
  const editingItem = items.find((w) => w.id === editing);

  return (
    <div className="table-wrap">
      <table className="data matrix" data-testid="matrix">
        <thead>
          <tr>
            <th>{t("matrix.scope")}</th>
            {columns.map((c) => (
              <th key={`${c.partnerId}-${c.kind}`}>
                {c.partnerName}
                <div className="small muted">{t(`workKind.${c.kind}`)}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...rows.entries()].map(([key, list]) => {
            const first = list[0]!;
            return (
              <Fragment key={key}>
                <tr
                  data-testid={`matrix-row-${first.siteId ? `site-${first.siteId}` : first.busBatchId ? `batch-${first.busBatchId}` : `year-${first.planYear}`}`}
                >
                  <th scope="row">
                    <span className="muted small">{first.planYear}</span>{" "}
                    {first.siteId ? (
                      <Link href={`/sites/${first.siteId}`}>{first.siteName}</Link>
                    ) : (
                      (first.busBatchLabel ?? t("workItems.wholeYear", { year: first.planYear }))
                    )}
                  </th>
                  {columns.map((c) => {
                    const w = cell(list, c);
                    if (!w) return <td key={`${c.partnerId}-${c.kind}`} />;
                    const late = isOverdue(w, today);
                    const over = w.actualCostKrw != null && w.plannedCostKrw != null && w.actualCostKrw > w.plannedCostKrw;
                    return (
                      <td key={`${c.partnerId}-${c.kind}`} className={`matrix-cell status-${w.status}${late ? " overdue" : ""}`} data-testid={`cell-${w.id}`}>
                        <span className={`badge badge-${w.status}`}>{t(`workStatus.${w.status}`)}</span>
                        {late ? <span className="overdue-label"> {t("matrix.overdue")}</span> : null}
                        {w.funds ? (
                          <div className="small" data-testid={`funds-${w.id}`}>
                            {t("shares.paysFor")} {moneySumText(w.funds.planned, money)} / {moneySumText(w.funds.actual, money)}
                          </div>
                        ) : (
                          <div className="small">
                            {krw(w.plannedCostKrw)} / <span className={over ? "over-budget" : undefined}>{krw(w.actualCostKrw)}</span>
                            {over ? <span className="over-budget"> ({t("matrix.overBudget")})</span> : null}
                          </div>
                        )}
                        {w.paidByPartnerId !== null && w.paidByPartnerId !== w.partnerId ? (
                          <div className="small muted">
                            {t("shares.paidBy")}: {partnerNames[w.paidByPartnerId]}
                          </div>
                        ) : null}
                        {w.editable ? (
                          <button
                            type="button"
                            className="link-button small"
                            onClick={() => setEditing(editing === w.id ? null : w.id)}
                            aria-expanded={editing === w.id}
                          >
                            {t("matrix.edit")}
                          </button>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
                {editingItem && scopeKey(editingItem) === key ? (
                  <tr className="matrix-editor-row">
                    <td colSpan={columns.length + 1}>
                      <CellEditor
                        item={editingItem}
                        canPlan={canPlan}
                        payers={funders.filter((id) => id !== editingItem.partnerId).map((id) => ({ id, name: partnerNames[id] ?? String(id) }))}
                        onDone={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("matrix.total")}</th>
            {columns.map((c) => (
              <td key={`${c.partnerId}-${c.kind}`} className="small">
                {sum(c, "planned")} / {sum(c, "actual")}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

type CellEditorProps = { item: MatrixItem; canPlan: boolean; payers: { id: number; name: string }[]; onDone: () => void };

function CellEditor({ item, canPlan, payers, onDone }: CellEditorProps) {
  // A funding item has no amount of its own: it pays for the work whose payer it is.
  const costs = item.kind !== "funding";
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<unknown>(null);
  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const money = (k: string) => (form.get(k) === "" ? null : Number(form.get(k)));
    const body: Record<string, unknown> = { version: item.version, status: form.get("status") };
    if (costs) body.actualCostKrw = money("actual");
    if (costs && canPlan) {
      body.plannedCostKrw = money("planned");
      body.paidByPartnerId = form.get("paidBy") === "" ? null : Number(form.get("paidBy"));
    }
    setError(null);
    try {
      await sendJson(`/api/work-items/${item.id}`, "PATCH", body);
      onDone();
      router.refresh();
    } catch (err) {
      setError(err);
      if (conflictOf(err)) router.refresh();
    }
  }
  return (
    <form className="cell-editor" onSubmit={save} data-testid={`editor-${item.id}`}>
      <strong>
        {item.partnerName} · {t(`workKind.${item.kind}`)}
      </strong>
      <SaveError
        error={error}
        fields={[
          { key: "status", label: t("matrix.status"), show: (v) => t(`workStatus.${v as WorkStatus}`) },
          { key: "actualCostKrw", label: t("matrix.actualCost") },
        ]}
      />
      <label>
        <span>{t("matrix.status")}</span>
        <select name="status" defaultValue={item.status}>
          {WORK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`workStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {costs && canPlan ? (
        <label>
          <span>{t("matrix.plannedCost")}</span>
          <input name="planned" type="number" min={0} step={1000} defaultValue={item.plannedCostKrw ?? ""} />
        </label>
      ) : null}
      {costs ? (
        <label>
          <span>{t("matrix.actualCost")}</span>
          <input name="actual" type="number" min={0} step={1000} defaultValue={item.actualCostKrw ?? ""} />
        </label>
      ) : null}
      {costs && canPlan ? (
        <label>
          <span>{t("shares.paidBy")}</span>
          <select name="paidBy" defaultValue={item.paidByPartnerId === null || item.paidByPartnerId === item.partnerId ? "" : String(item.paidByPartnerId)}>
            <option value="">{t("shares.paidBySelf")}</option>
            {payers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit">{t("matrix.save")}</button>
      <button type="button" className="button-secondary" onClick={onDone}>
        {t("candidates.cancel")}
      </button>
    </form>
  );
}
