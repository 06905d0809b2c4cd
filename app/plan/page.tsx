// `/plan`: per plan year targets against actuals with progress bars and charts, target editing for
// years still being planned, active zones by category, and work and costs by partner.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { ProgressBar } from "@/components/ui/progress-bar";
import { pageContext } from "@/server/page-context";
import { isEditableYear } from "@/server/planning";
import { getCostShares, getPartnerWork, getRolloutSummary, getZonesByCategory } from "@/server/summary";
import { roleCan } from "@/lib/authz";
import { moneySumText, moneyText, sumMoney, type MoneySum } from "@/lib/money";
import { CostSharesTables } from "../_components/cost-shares";
import { moneyWords } from "../_components/money-words";
import { AppError } from "@/lib/errors";
import { localName } from "@/lib/format";
import { ExportLinks } from "../_components/export-links";
import { PlanChart } from "./_components/plan-chart";
import { AddYearButton, YearEditor } from "./_components/year-editor";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("plan"))("title") };
}

export default async function PlanPage() {
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const ctx = await pageContext();
  let summary;
  try {
    summary = await getRolloutSummary(ctx);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return <Notice>{t("overview.noProgram")}</Notice>;
    throw err;
  }
  const [work, byCategory, shares] = await Promise.all([getPartnerWork(ctx), getZonesByCategory(ctx), getCostShares(ctx)]);
  const canEdit = roleCan(ctx.role, "editPlan");
  const costs = ctx.grants.has("readCosts");
  const today = new Date();
  const money = await moneyWords();
  const krw = (v: number | null | undefined) => moneyText(v, money);
  const figure = (label: string, actual: number | null | undefined, target: number | null | undefined, money = false) => (
    <div className="plan-figure">
      <span className="muted small">{label}</span>
      <span>
        {target == null
          ? money
            ? t("plan.noTargetMoney", { actual: krw(actual) })
            : t("plan.noTarget", { actual: actual ?? 0 })
          : money
            ? `${krw(actual)} / ${krw(target)}`
            : t("plan.progress", { actual: actual ?? 0, target })}
      </span>
      <ProgressBar actual={actual ?? 0} target={target ?? null} label={`${label} ${actual ?? 0}/${target ?? "—"}`} />
    </div>
  );

  // Per partner: items by status and the cost of the work it does over all years; shares are in the tables below.
  // Unknown costs are counted, never added as 0 (lib/money). A partner that only funds has no work cost of its own.
  const partners = new Map<number, { name: string; byStatus: Record<string, number>; costItems: number; planned: MoneySum; actual: MoneySum }>();
  const add = (a: MoneySum, known: number | undefined, unknown: number | undefined): MoneySum => ({
    known: a.known + (known ?? 0),
    unknown: a.unknown + (unknown ?? 0),
  });
  for (const r of work) {
    const p = partners.get(r.partnerId) ?? {
      name: localName(locale, { nameKo: r.nameKo, nameEn: r.nameEn }),
      byStatus: {},
      costItems: 0,
      planned: sumMoney([]),
      actual: sumMoney([]),
    };
    p.byStatus[r.status] = (p.byStatus[r.status] ?? 0) + r.items;
    p.costItems += r.items - r.fundingItems;
    p.planned = add(p.planned, r.plannedCostKrw, r.plannedUnknown);
    p.actual = add(p.actual, r.actualCostKrw, r.actualUnknown);
    partners.set(r.partnerId, p);
  }
  // Over plan only when both are fully known; a share only of a fully known total.
  const over = (p: { planned: MoneySum; actual: MoneySum }) =>
    p.planned.unknown === 0 && p.actual.unknown === 0 && p.planned.known > 0 && p.actual.known > p.planned.known;
  return (
    <article className="plan">
      <h1>{t("plan.title")}</h1>
      <p className="muted">{t("plan.intro")}</p>
      {/* The matrix is for members: a visitor is not sent to a page that only asks them to sign in. */}
      {roleCan(ctx.role, "read") ? (
        <p>
          <Link href="/work-items">{t("plan.matrix")}</Link>
        </p>
      ) : null}
      <ExportLinks what="summary" formats={["csv", "xlsx", "pdf"]} />
      <div className="plan-years">
        {summary.years.map((y) => (
          <section key={y.year} className="plan-year" data-testid={`plan-${y.year}`} aria-labelledby={`plan-${y.year}-h`}>
            <h2 id={`plan-${y.year}-h`}>{t("overview.yearValue", { year: y.year })}</h2>
            {figure(t("overview.buses"), y.actuals.buses, y.targets.buses)}
            {figure(t("overview.zones"), y.actuals.zones, y.targets.zones)}
            {figure(t("overview.accessPoints"), y.actuals.accessPoints, y.targets.accessPoints)}
            {costs ? figure(t("plan.budget"), y.actuals.budgetKrw, y.targets.budgetKrw, true) : null}
            {y.targetCategories.length ? (
              <p className="small">
                {t("plan.categories")}: {y.targetCategories.map((c) => t(`category.${c}`)).join(", ")}
              </p>
            ) : null}
            {canEdit && isEditableYear(y, today) ? (
              <YearEditor
                target={{
                  year: y.year,
                  version: y.version,
                  buses: y.targets.buses,
                  zones: y.targets.zones,
                  accessPoints: y.targets.accessPoints,
                  budgetKrw: y.targets.budgetKrw ?? null,
                  categories: y.targetCategories,
                }}
              />
            ) : null}
          </section>
        ))}
      </div>
      {canEdit ? (
        <p className="import-actions">
          <AddYearButton next={summary.program.endYear + 1} />
          <Link href="/plan/proposal" data-testid="open-proposal">
            {t("proposal.open")}
          </Link>
        </p>
      ) : null}
      <div className="plan-charts">
        <PlanChart
          testId="chart-zones"
          title={t("plan.chart")}
          targetLabel={t("overview.target")}
          actualLabel={t("overview.actual")}
          noTargetLabel={t("plan.noTargetShort")}
          formatValue={(n) => format.number(n)}
          bars={summary.years.map((y) => ({ label: String(y.year), target: y.targets.zones, actual: y.actuals.zones }))}
        />
        <PlanChart
          testId="chart-aps"
          title={t("plan.chartAps")}
          targetLabel={t("overview.target")}
          actualLabel={t("overview.actual")}
          noTargetLabel={t("plan.noTargetShort")}
          formatValue={(n) => format.number(n)}
          bars={summary.years.map((y) => ({ label: String(y.year), target: y.targets.accessPoints, actual: y.actuals.accessPoints }))}
        />
        <PlanChart
          testId="chart-categories"
          title={t("plan.chartCategories")}
          targetLabel={t("plan.plannedZones")}
          actualLabel={t("overview.actual")}
          noTargetLabel={t("plan.noTargetShort")}
          formatValue={(n) => format.number(n)}
          bars={[...new Set(byCategory.map((r) => r.category))].map((c) => {
            const rows = byCategory.filter((r) => r.category === c);
            const active = rows.reduce((s, r) => s + r.active, 0);
            return { label: t(`category.${c}`), target: active + rows.reduce((s, r) => s + r.planned, 0), actual: active };
          })}
        />
      </div>

      <h2>{t("plan.byCategory")}</h2>
      <div className="table-wrap">
        <table className="data" data-testid="plan-categories">
          <thead>
            <tr>
              <th>{t("sites.category")}</th>
              {summary.years.map((y) => (
                <th key={y.year} className="num">
                  {y.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...new Set([...byCategory.map((r) => r.category), ...summary.years.flatMap((y) => y.targetCategories)])].map((c) => (
              <tr key={c}>
                <th scope="row">{t(`category.${c}`)}</th>
                {summary.years.map((y) => {
                  const r = byCategory.find((x) => x.category === c && x.year === y.year);
                  const target = y.targetCategories.includes(c);
                  return (
                    <td key={y.year} className={`num${target ? " target-category" : ""}`}>
                      {r ? `${r.active}${r.planned ? ` (+${r.planned})` : ""}` : target ? "0" : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {costs ? (
        <>
          <h2>{t("plan.partners")}</h2>
          <div className="table-wrap">
            <table className="data" data-testid="plan-partners">
              <thead>
                <tr>
                  <th>{t("workItems.partner")}</th>
                  <th>{t("plan.items")}</th>
                  <th className="num">{t("plan.plannedCost")}</th>
                  <th className="num">{t("plan.actualCost")}</th>
                </tr>
              </thead>
              <tbody>
                {[...partners.entries()].map(([id, p]) => (
                  <tr key={id}>
                    <th scope="row">
                      <Link href={`/work-items?partner=${id}`}>{p.name}</Link>
                    </th>
                    <td className="small">
                      {Object.entries(p.byStatus)
                        .map(([status, n]) => `${t(`workStatus.${status as "done"}`)} ${n}`)
                        .join(" · ")}
                    </td>
                    <td className="num">{p.costItems === 0 ? t("plan.fundsOnly") : moneySumText(p.planned, money)}</td>
                    <td className={`num${over(p) ? " over-budget" : ""}`}>
                      {p.costItems === 0 ? t("plan.fundsOnly") : moneySumText(p.actual, money)}
                      {over(p) ? ` (${t("plan.overBudget")})` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shares ? <CostSharesTables shares={shares} /> : null}
        </>
      ) : null}
    </article>
  );
}
