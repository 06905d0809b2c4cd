import Link from "next/link";
import { Fragment } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { pageContext } from "@/server/page-context";
import { sitesBySource } from "@/server/sites";
import { getRolloutSummary, type CountedView } from "@/server/summary";
import { AppError } from "@/lib/errors";
import { moneySumText, type MoneyWords } from "@/lib/money";
import { localName, todayInSeoul } from "@/lib/format";
import { roleCan } from "@/lib/authz";
import { StartProgramForm } from "./_components/start-program-form";
import { ExportLinks } from "./_components/export-links";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const ctx = await pageContext();
  let summary;
  try {
    summary = await getRolloutSummary(ctx);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") {
      // A planner or admin here starts the program; everyone else is told there is none yet.
      if (!roleCan(ctx.role, "editPlan")) return <Notice>{t("overview.noProgram")}</Notice>;
      return (
        <article>
          <h1>{localName(locale, ctx.municipality)}</h1>
          <Notice>{t("overview.noProgramPlanner")}</Notice>
          <StartProgramForm municipalityName={ctx.municipality.nameKo} year={Number(todayInSeoul().slice(0, 4)) + 1} />
        </article>
      );
    }
    throw err;
  }
  const { program, municipality, years, totals, partners } = summary;
  const bySource = await sitesBySource(ctx);
  const n = (v: number | null | undefined) => (v == null ? t("overview.notSet") : format.number(v));
  // Targets over all years by the money rule: a year nobody set a target for is counted as not set, not as 0.
  const targetWords: MoneyWords = {
    amount: (v) => format.number(v),
    unknown: t("target.unknown"),
    partial: (amount, count) => t("target.partial", { amount, count }),
  };
  const FIGURES = ["buses", "zones", "accessPoints"] as const;
  const row = (
    label: React.ReactNode,
    targets: (f: (typeof FIGURES)[number]) => string,
    actuals: Pick<CountedView, (typeof FIGURES)[number]>,
    extra: React.ReactNode,
    key: string,
  ) => (
    <tr key={key} data-testid={`year-${key}`}>
      <th scope="row">{label}</th>
      {FIGURES.map((f) => (
        <Fragment key={f}>
          <td className="num">{targets(f)}</td>
          <td className="num">{n(actuals[f])}</td>
        </Fragment>
      ))}
      <td>{extra}</td>
    </tr>
  );

  return (
    <article className="overview">
      <p className="eyebrow">
        {t("overview.municipality", {
          province: localName(locale, { nameKo: municipality.provinceKo, nameEn: municipality.provinceEn }),
          municipality: localName(locale, municipality),
        })}
        {municipality.code ? (
          <>
            {" · "}
            <Link href={`/municipalities/${municipality.code}`}>{t("profile.profileLink")}</Link>
          </>
        ) : null}
      </p>
      <h1>{t("overview.heading", { program: localName(locale, program) })}</h1>
      <p className="muted">{t("overview.period", { start: program.startYear, end: program.endYear, mou: program.mouDate ?? "—" })}</p>
      <ExportLinks what="summary" formats={["csv", "xlsx", "pdf"]} />

      <section aria-labelledby="totals-h">
        <h2 id="totals-h">{t("overview.totals")}</h2>
        <dl className="stat-cards">
          <div data-testid="total-buses">
            <dt>{t("overview.buses")}</dt>
            <dd>{t("overview.busesValue", { count: totals.actuals.buses })}</dd>
          </div>
          <div data-testid="total-zones">
            <dt>{t("overview.zones")}</dt>
            <dd>
              <Link href="/sites?source=program">{t("overview.zonesValue", { count: totals.actuals.zones })}</Link>
            </dd>
          </div>
          <div data-testid="total-aps">
            <dt>{t("overview.accessPoints")}</dt>
            <dd>{t("overview.apValue", { count: totals.actuals.accessPoints })}</dd>
          </div>
        </dl>
        {/* The figures are the program's: say so, and where the rest of the inventory is. */}
        {bySource.other > 0 ? (
          <p className="muted" data-testid="inventory-note">
            {t("overview.inventoryNote", { count: bySource.other })} <Link href="/sites?source=other">{t("overview.inventoryLink")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="years-h">
        <h2 id="years-h">{t("overview.byYear")}</h2>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t("overview.year")}
                </th>
                <th scope="colgroup" colSpan={2}>
                  {t("overview.buses")}
                </th>
                <th scope="colgroup" colSpan={2}>
                  {t("overview.zones")}
                </th>
                <th scope="colgroup" colSpan={2}>
                  {t("overview.accessPoints")}
                </th>
                <th scope="col" rowSpan={2}>
                  {t("overview.targetCategories")}
                </th>
              </tr>
              <tr>
                {[0, 1, 2].flatMap((i) => [
                  <th scope="col" key={`t${i}`}>
                    {t("overview.target")}
                  </th>,
                  <th scope="col" key={`a${i}`}>
                    {t("overview.actual")}
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {years.map((y) =>
                row(
                  <Link href={`/sites?year=${y.year}`}>{t("overview.yearValue", { year: y.year })}</Link>,
                  (f) => n(y.targets[f]),
                  y.actuals,
                  y.targetCategories.map((c) => t(`category.${c}`)).join(", ") || "—",
                  String(y.year),
                ),
              )}
            </tbody>
            <tfoot>{row(t("overview.total"), (f) => moneySumText(totals.targets[f], targetWords), totals.actuals, "", "total")}</tfoot>
          </table>
        </div>
        {program.sourceNote ? (
          <p className="muted small">
            {t("overview.source")}: {program.sourceNote}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="partners-h">
        <h2 id="partners-h">{t("overview.partners")}</h2>
        <ul className="partner-roles">
          {partners.map((p) => (
            <li key={p.id} data-testid={`partner-${p.id}`}>
              <Link href={`/partners/${p.id}`} className="partner-name">
                {localName(locale, p)}
              </Link>
              <span className="muted"> · {t(`partnerKind.${p.kind}`)}</span>
              <span className="roles">{p.roles.map((r) => t(`workKind.${r}`)).join(", ")}</span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
