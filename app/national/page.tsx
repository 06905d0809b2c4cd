// `/national`: every municipality side by side — 시도, then one 시도's 시군구 — as a choropleth and as a
// sortable table of one chosen figure: access points, APs per 10,000 registered voters (선거인수 2022,
// a population proxy), APs per km², zones. Each row opens that municipality.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { pageContext } from "@/server/page-context";
import { listMunicipalities, provincesOf, type MunicipalityListing, type ProvinceListing } from "@/server/municipalities";
import { classBreaks, classOf, classRanges, colourOf } from "@/lib/choropleth";
import { localName } from "@/lib/format";
import { compareNullsLast } from "@/lib/sort";
import { tryParseParams } from "@/lib/query-params";
import { BadFilter } from "../_components/list-chrome";
import { NationalMap } from "./_components/national-map";

export const dynamic = "force-dynamic";

/** The figures the table shows as columns; the map can colour by these and by the three after. */
const TABLE_METRICS = ["accessPoints", "apsPer10kVoters", "apsPerKm2", "sites", "registeredVoters2022"] as const;
const METRICS = [...TABLE_METRICS, "topProviderShare", "latestInstallYear", "qualityFindings"] as const;
type Metric = (typeof METRICS)[number];
const COLUMNS = ["name", ...METRICS, "areaKm2"] as const;
type Column = (typeof COLUMNS)[number];
/** Decimals per figure, the same in every row so a column's figures line up (the profile shows area with one too). */
const DECIMALS: Partial<Record<Column, number>> = { apsPer10kVoters: 2, apsPerKm2: 2, areaKm2: 1 };

const nationalQuery = z.strictObject({
  sido: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  metric: z.enum(METRICS).default("apsPer10kVoters"),
  sort: z.enum(COLUMNS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
});

export async function generateMetadata() {
  return { title: (await getTranslations("national"))("title") };
}

type Row = (MunicipalityListing | ProvinceListing) & { key: string; label: string; href: string };

export default async function NationalPage({ searchParams }: PageProps<"/national">) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const parsed = tryParseParams(nationalQuery, await searchParams);
  if (!parsed.ok) return <BadFilter param={parsed.param} value={parsed.value} resetHref="/national" />;
  const { sido, metric } = parsed.data;
  const sort: Column = parsed.data.sort ?? metric;
  const dir = parsed.data.dir ?? (sort === "name" ? "asc" : "desc");
  const ctx = await pageContext();
  const { items } = await listMunicipalities(ctx, { sido, sort: "code", dir: "asc" });
  const province = sido ? items[0] : undefined;

  const rows: Row[] = sido
    ? items.map((m) => ({ ...m, key: m.code, label: localName(locale, m), href: `/?municipality=${m.code}` }))
    : provincesOf(items).map((p) => ({
        ...p,
        key: p.sidoCode!,
        label: localName(locale, { nameKo: p.provinceKo, nameEn: p.provinceEn }),
        href: `/national?sido=${p.sidoCode}&metric=${metric}`,
      }));
  const value = (r: Row, c: Column) => (c === "name" ? r.label : r[c]);
  // The rows come in code order, which breaks ties.
  rows.sort((a, b) => compareNullsLast(value(a, sort), value(b, sort), dir, locale));

  const breaks = classBreaks(rows.map((r) => r[metric]));
  const ranges = classRanges(
    rows.map((r) => r[metric]),
    breaks,
  );
  const figure = (v: number | null, c: Column) =>
    v === null
      ? t("national.unknown")
      : c === "latestInstallYear"
        ? String(v)
        : c === "topProviderShare"
          ? format.number(v / 100, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 })
          : format.number(v, { minimumFractionDigits: DECIMALS[c] ?? 0, maximumFractionDigits: DECIMALS[c] ?? 0 });
  /** The figure with what stands behind it: the provider, the install years, the two findings. */
  const detail = (r: Row, m: Metric) => {
    if (m === "topProviderShare" && r.topProvider) return `${r.topProvider.name} ${figure(r[m], m)}`;
    if (m === "latestInstallYear" && r.installYears) return `${r.installYears.first}–${r.installYears.last}`;
    if (m === "qualityFindings" && "findings" in r && r.findings)
      return t("national.findings", { outside: r.findings.outsideBoundary, blank: r.findings.blankInstallDates, rows: r.findings.rows });
    return figure(r[m], m);
  };
  /** For a 시도 not every 시군구 of which has data: how many have (its figures count only those). */
  const coverage = (r: Row) =>
    "recordedMunicipalities" in r && r.recordedMunicipalities < r.municipalities
      ? t("national.coverage", { n: r.recordedMunicipalities, of: r.municipalities })
      : null;
  const areas = Object.fromEntries(
    rows.flatMap((r) => {
      const text = `${r.label} · ${t(`national.metric.${metric}`)} ${detail(r, metric)}${coverage(r) ? ` (${coverage(r)})` : ""}`;
      return r.boundaryCode ? [[r.boundaryCode, { value: r[metric], text, href: r.href }]] : [];
    }),
  );
  const href = (change: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    const next = { sido, metric, sort: parsed.data.sort, dir: parsed.data.dir, ...change };
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    return `/national${p.size ? `?${p}` : ""}`;
  };

  return (
    <article className="wide">
      <h1>{t("national.title")}</h1>
      <p className="muted">{t("national.intro")}</p>
      <nav className="breadcrumbs" aria-label={t("national.level")}>
        {sido ? (
          <>
            <Link href={href({ sido: undefined, sort: undefined, dir: undefined })}>{t("national.korea")}</Link> ›{" "}
            <span aria-current="page">{localName(locale, { nameKo: province?.provinceKo ?? "", nameEn: province?.provinceEn ?? null })}</span>
          </>
        ) : (
          <span aria-current="page">{t("national.korea")}</span>
        )}
      </nav>
      <form method="get" action="/national" className="filters">
        {sido ? <input type="hidden" name="sido" value={sido} /> : null}
        <label>
          <span>{t("national.metricLabel")}</span>
          <select name="metric" defaultValue={metric}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`national.metric.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t("filters.apply")}</button>
      </form>
      <div className="national-layout">
        <NationalMap
          level={sido ? "sigungu" : "sido"}
          within={sido ? (rows[0]?.boundaryCode?.slice(0, 2) ?? "") : undefined}
          areas={areas}
          breaks={breaks}
          attribution={t("map.boundaryAttribution")}
        />
        <div className="national-legend" data-testid="national-legend">
          <strong>{t(`national.metric.${metric}`)}</strong>
          <ul>
            {ranges.map(([from, to], i) => (
              <li key={i}>
                <span className="swatch swatch-square" style={{ background: colourOf(i, breaks.length), borderColor: "#475569" }} />{" "}
                {from === to ? figure(to, metric) : `${figure(from, metric)} – ${figure(to, metric)}`}
              </li>
            ))}
            <li>
              <span className="swatch swatch-square" style={{ background: colourOf(null, breaks.length), borderColor: "#475569" }} /> {t("national.unknown")}
            </li>
          </ul>
          {metric === "apsPer10kVoters" || metric === "registeredVoters2022" ? <p className="muted small">{t("national.votersNote")}</p> : null}
          {metric === "qualityFindings" ? <p className="muted small">{t("national.findingsNote")}</p> : null}
          {sido ? null : <p className="muted small">{t("national.coverageNote")}</p>}
        </div>
      </div>
      <div className="table-wrap">
        <table className="data national-table" data-testid="national-table">
          <thead>
            <tr>
              {COLUMNS.filter((c) => c !== "topProviderShare" && c !== "latestInstallYear").map((c) => (
                <th
                  key={c}
                  scope="col"
                  className={c === "name" ? undefined : "num"}
                  aria-sort={sort === c ? (dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  <Link href={href({ sort: c, dir: sort === c && dir === "desc" ? "asc" : sort === c ? "desc" : c === "name" ? "asc" : "desc" })}>
                    {c === "name" ? (sido ? t("national.sigungu") : t("national.sido")) : t(`national.metric.${c}`)}
                    {sort === c ? (dir === "asc" ? " ▲" : " ▼") : ""}
                  </Link>
                </th>
              ))}
              <th scope="col" aria-sort={sort === "latestInstallYear" ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                <Link href={href({ sort: "latestInstallYear", dir: sort === "latestInstallYear" && dir === "desc" ? "asc" : "desc" })}>
                  {t("national.installYears")}
                  {sort === "latestInstallYear" ? (dir === "asc" ? " ▲" : " ▼") : ""}
                </Link>
              </th>
              <th scope="col" aria-sort={sort === "topProviderShare" ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                <Link href={href({ sort: "topProviderShare", dir: sort === "topProviderShare" && dir === "desc" ? "asc" : "desc" })}>
                  {t("national.topProvider")}
                  {sort === "topProviderShare" ? (dir === "asc" ? " ▲" : " ▼") : ""}
                </Link>
              </th>
              <th scope="col">{t("national.class")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  {/* Not prefetched: opening a municipality is a choice the app remembers. */}
                  <Link className="place-name" href={r.href} prefetch={false}>
                    {r.label}
                  </Link>
                  {coverage(r) ? (
                    <span className="muted small block" data-testid="coverage">
                      {coverage(r)}
                    </span>
                  ) : null}
                  {"code" in r ? (
                    <>
                      {" "}
                      <Link className="small" href={`/municipalities/${r.code}`} prefetch={false}>
                        {t("profile.profileLink")}
                      </Link>
                    </>
                  ) : null}
                </th>
                {TABLE_METRICS.map((m) => (
                  <td key={m} className="num">
                    {figure(r[m], m)}
                  </td>
                ))}
                <td className="num" data-testid="findings-cell" title={detail(r, "qualityFindings")}>
                  {figure(r.qualityFindings, "qualityFindings")}
                </td>
                <td className="num">{figure(r.areaKm2, "areaKm2")}</td>
                <td className="num">
                  {r.installYears
                    ? r.installYears.first === r.installYears.last
                      ? r.installYears.first
                      : `${r.installYears.first}–${r.installYears.last}`
                    : "—"}
                </td>
                <td>
                  {r.topProvider
                    ? t("national.providerShare", {
                        name: r.topProvider.name,
                        share: format.number(r.topProvider.share / 100, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                      })
                    : "—"}
                </td>
                <td>
                  <span className="swatch swatch-square" style={{ background: colourOf(classOf(r[metric], breaks), breaks.length), borderColor: "#475569" }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
