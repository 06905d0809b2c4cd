// Every export, built the same way for the command line and the app: what (summary, access points,
// sites, candidates, standard) × format, in Korean or English, as the caller may see it.
import iconv from "iconv-lite";
import { ALL_PERMISSIONS, type Permission } from "../lib/authz";
import { zoneEstimates, type SiteCategory, type SiteSource, type WorkStatus } from "../lib/domain";
import { AppError } from "../lib/errors";
import { toCsv, toGeoJson } from "../lib/export-formats";
import { localName, todayInSeoul, yearMonth } from "../lib/format";
import { cellText, intlLocale } from "../lib/format";
import { rowsWithTotal, toPdf, toXlsx, withColumns, type Column, type Table } from "../lib/report-files";
import { standardTable } from "../lib/standard-data";
import type { Db } from "../db/client";
import { scoredCandidates } from "../db/queries/coverage";

const CANDIDATE_STATUSES = ["candidate", "surveyed", "approved", "rejected"] as const;
import { listAccessPointsForExport, listSitesForExport, listStandardRecords } from "../db/queries/export";
import { ownZoneRef } from "../lib/import-plan";
import { countZonesByCategory, getPartnerTotals, rolloutSummaryOf } from "../db/queries/rollout";
import type { ShareCell, ShareTable } from "../lib/cost-shares";
import { catalogue, translatorFor } from "../lib/catalogue";
import { moneySumText, type MoneySum, type MoneyWords } from "../lib/money";
import { candidateModel } from "./planning";
import { demandAreasOf } from "./municipalities";
import { costSharesOf, partnerTotalModel, shapeSummary } from "./summary";
import { resolveMunicipality } from "./tenant";

export const EXPORT_FORMATS = {
  summary: ["csv", "xlsx", "pdf"],
  "access-points": ["csv", "geojson"],
  sites: ["csv", "geojson"],
  candidates: ["csv", "geojson"],
  standard: ["csv", "csv-cp949"],
} as const;
export type ExportWhat = keyof typeof EXPORT_FORMATS;
export type ExportFormat = (typeof EXPORT_FORMATS)[ExportWhat][number];
/** `estimates: "include"`: the standard export also writes estimated records, marked (it leaves them out otherwise). */
export type ExportFilters = { year?: number; status?: string; category?: SiteCategory; source?: SiteSource; estimates?: "include" };

export type ExportRequest = {
  what: ExportWhat;
  format: ExportFormat;
  municipalityCode?: string;
  locale: "ko" | "en";
  /** What the caller may read there: costs and notes follow it. The command line passes `OPERATOR_GRANTS`. */
  grants: ReadonlySet<Permission>;
  filters?: ExportFilters;
  today?: Date;
};
/** What a file holds, for the command line to say in its language. */
export type ExportNote =
  | { kind: "rows" }
  | { kind: "features"; withoutPosition: number }
  | { kind: "sheets"; sheets: number }
  | { kind: "tables"; tables: number }
  | { kind: "standard"; variant: "older" | "newer"; encoding: "CP949" | "UTF-8 BOM" };
/** `fileName` in the caller's language (진주시_공공와이파이_추진현황_2026-11-30.pdf); `asciiFileName` for clients that cannot take it. */
export type ExportFile = { bytes: Uint8Array; contentType: string; fileName: string; asciiFileName: string; count: number; note: ExportNote };

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  "csv-cp949": "text/csv; charset=euc-kr",
  geojson: "application/geo+json",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};
const EXTENSIONS: Record<ExportFormat, string> = { csv: "csv", "csv-cp949": "csv", geojson: "geojson", xlsx: "xlsx", pdf: "pdf" };

/** Whoever runs the command line has the database, so its exports carry everything. */
export const OPERATOR_GRANTS: ReadonlySet<Permission> = new Set(ALL_PERMISSIONS);

/** Rows with a position become features; the rest are counted. Each row's properties use the stable codes. */
function tabular(format: ExportFormat, header: string[], keys: string[], rows: { lat: number | null; lng: number | null; values: unknown[] }[]) {
  if (format === "geojson") {
    const { collection, withoutPosition } = toGeoJson(rows, (r) =>
      Object.fromEntries(keys.flatMap((k, i) => (k === "lat" || k === "lng" ? [] : [[k, r.values[i]]]))),
    );
    const note: ExportNote = { kind: "features", withoutPosition };
    return { bytes: new TextEncoder().encode(JSON.stringify(collection)), count: collection.features.length, note };
  }
  const note: ExportNote = { kind: "rows" };
  return {
    bytes: new TextEncoder().encode(
      toCsv(
        header,
        rows.map((r) => r.values),
      ),
    ),
    count: rows.length,
    note,
  };
}

export async function buildExport(db: Db, req: ExportRequest): Promise<ExportFile> {
  const allowed = EXPORT_FORMATS[req.what] as readonly string[];
  if (!allowed.includes(req.format))
    throw new AppError("bad_request", `A ${req.what} export comes as ${allowed.join(" or ")}, not ${req.format}.`, {
      issues: [{ code: "not_allowed", path: "format", params: { value: req.format, allowed } }],
    });
  const msg = catalogue(req.locale);
  const m = await resolveMunicipality(db, req.municipalityCode);
  const grants = req.grants;
  const today = req.today ?? new Date();
  const date = todayInSeoul(today);
  const ascii = `${req.what}-${m.code ?? m.id}-${date}`;
  const readable = fill(msg.exportFileName![req.what] ?? ascii, {
    municipality: req.locale === "en" && m.nameEn ? m.nameEn.replace(/\s+/g, "_") : m.nameKo,
    date,
  });
  const file = (bytes: Uint8Array, count: number, note: ExportNote): ExportFile => ({
    bytes,
    count,
    note,
    contentType: CONTENT_TYPES[req.format],
    fileName: `${readable}.${EXTENSIONS[req.format]}`,
    asciiFileName: `${ascii}.${EXTENSIONS[req.format]}`,
  });
  const f = req.filters ?? {};
  const label = (ns: string, code: string | null) => (code ? (msg[ns]?.[code] ?? code) : null);

  /** The list's filters, applied to rows of either positioned export (the year is the one the list filters by). */
  const kept = <R extends { status: string; category: string | null }>(rows: R[], yearOf: (r: R) => number | null) =>
    rows.filter((r) => (!f.status || r.status === f.status) && (!f.category || r.category === f.category) && (f.year === undefined || yearOf(r) === f.year));
  /** A positioned export: a header from the catalogue, one row (or feature) per record. */
  const positioned = <R extends { lat: number | null; lng: number | null }>(keys: string[], rows: R[], values: (r: R) => unknown[]) => {
    const t = tabular(
      req.format,
      keys.map((k) => msg.export![k] ?? k),
      keys,
      rows.map((r) => ({ lat: r.lat, lng: r.lng, values: values(r) })),
    );
    return file(t.bytes, t.count, t.note);
  };

  if (req.what === "access-points") {
    const rows = kept(await listAccessPointsForExport(db, { municipalityId: m.id, source: f.source }), (r) => r.installYear);
    return positioned(["id", "ssid", "status", "provenance", "installed", "site", "category", "bus", "provider", "address", "lat", "lng"], rows, (r) => [
      r.id,
      r.ssid,
      label("apStatus", r.status),
      label("provenance", r.provenance),
      yearMonth(r.installYear, r.installMonth),
      r.site,
      label("category", r.category),
      r.bus,
      r.provider,
      r.address,
      r.lat,
      r.lng,
    ]);
  }

  if (req.what === "sites") {
    const rows = kept(await listSitesForExport(db, { municipalityId: m.id, source: f.source }), (r) => r.planYear);
    return positioned(
      [
        "id",
        "name",
        "category",
        "categoryGiven",
        "status",
        "planYear",
        "dong",
        "address",
        "apCount",
        "provenance",
        "apCountNote",
        "positionNote",
        "lat",
        "lng",
      ],
      rows,
      (r) => {
        const estimates = zoneEstimates(r);
        return [
          r.id,
          r.name,
          label("category", r.category),
          r.categoryGiven,
          label("siteStatus", r.status),
          r.planYear,
          r.dong,
          r.address,
          r.apCount,
          label("provenance", r.provenance),
          estimates.apCount ? label("provenance", "estimate") : null,
          estimates.place ? label("provenance", "estimate") : null,
          r.lat,
          r.lng,
        ];
      },
    );
  }

  if (req.what === "candidates") {
    // Scored as the screen scores them, residents part included.
    const { items } = await scoredCandidates(db, {
      municipalityId: m.id,
      dongs: await demandAreasOf(db, m),
      status: CANDIDATE_STATUSES.find((s) => s === f.status),
      year: f.year,
      category: f.category,
    });
    // The notes column is there only for those who may read notes: the file's columns follow the read model.
    const withNotes = candidateModel.fields(grants).includes("notes");
    const keys = ["id", "name", "category", "status", "planYear", "apCount", "score", ...(withNotes ? ["notes"] : []), "lat", "lng"];
    return positioned(keys, candidateModel.many(items, grants), (c) => [
      c.id,
      c.name,
      label("category", c.category),
      label("siteStatus", c.status),
      c.planYear,
      c.plannedApCount,
      c.score?.total ?? null,
      ...(withNotes ? [c.notes ?? null] : []),
      c.lat,
      c.lng,
    ]);
  }

  if (req.what === "standard") {
    // What goes to the public data portal is what was published: estimated records only when asked, and marked.
    const estimates = f.estimates === "include";
    const rows = (await listStandardRecords(db, { municipalityId: m.id })).filter((r) => estimates || !r.estimate);
    // 번호 numbers the rows, as the portal's files do; a zone this app made keeps WA-<id>, which finds it again.
    const refOf = (r: (typeof rows)[number], i: number) => (r.sourceKey === null ? ownZoneRef(r.siteId) : String(i + 1));
    const variant = req.format === "csv" ? "newer" : "older";
    const table = standardTable(
      rows.map((r, i) => ({
        ref: refOf(r, i),
        placeName: r.name,
        placeDetail: r.placeDetail,
        provinceName: r.provinceKo,
        municipalityName: r.municipalityKo,
        category: r.category,
        categoryGiven: r.categoryGiven,
        provider: r.provider,
        ssid: r.ssid,
        installYear: r.installYear,
        installMonth: r.installMonth,
        roadAddress: r.sourceKey === null ? r.address : r.roadAddress,
        lotAddress: r.sourceKey === null ? null : r.lotAddress,
        managerName: r.managerName,
        managerPhone: r.managerPhone,
        lat: r.lat,
        lng: r.lng,
        dataDate: r.dataDate,
        estimate: r.estimate,
      })),
      variant,
      { estimates },
    );
    const csv = toCsv(table.header, table.rows);
    // The older release is CP949 without a BOM, as the portal published it.
    const bytes = variant === "newer" ? new TextEncoder().encode(csv) : new Uint8Array(iconv.encode(csv.replace(/^\uFEFF/, ""), "cp949"));
    return file(bytes, rows.length, { kind: "standard", variant, encoding: variant === "older" ? "CP949" : "UTF-8 BOM" });
  }

  // The rollout summary: per plan year, per category, per partner.
  const [rawSummary, rawWork, categories, shares] = await Promise.all([
    rolloutSummaryOf(db, { municipality: m }),
    getPartnerTotals(db, { municipalityId: m.id }),
    countZonesByCategory(db, { municipalityId: m.id }),
    costSharesOf(db, { municipalityId: m.id }, grants),
  ]);
  const summary = shapeSummary(rawSummary, grants);
  const work = { items: partnerTotalModel.many(rawWork.items, grants) };
  const e = msg.export!;
  const num = (header: string): Column => ({ header, kind: "number" });
  const year = (header: string): Column => ({ header, kind: "year" });
  const krw = (header: string): Column => ({ header, kind: "krw", width: 16 });
  // Money by the one rule (lib/money): an amount some of whose parts are unknown is written so, a share only of known totals.
  const money: MoneyWords = {
    amount: (won) => cellText(krw(""), won, req.locale, ""),
    unknown: msg.money!.unknown!,
    partial: (amount, count) => translatorFor(req.locale)("money.partial", { amount, count }),
  };
  const moneyCell = (known: number | undefined, unknown: number | undefined): number | string | null =>
    known === undefined ? null : unknown ? moneySumText({ known, unknown }, money) : known;
  /** A column of amounts totalled by the money rule: a number when every amount is known, else its words. */
  const moneySumCell = (parts: { known: number | undefined; unknown: number | undefined }[]): number | string | null => {
    if (parts.some((p) => p.known === undefined)) return null;
    const sum = parts.reduce<MoneySum>((t, p) => ({ known: t.known + (p.known ?? 0), unknown: t.unknown + (p.unknown ?? 0) }), { known: 0, unknown: 0 });
    return moneyCell(sum.known, sum.unknown);
  };
  /** One amount: a number, or the word for unknown; absent (not the caller's to see) stays blank. */
  const oneMoney = (v: number | null | undefined): number | string | null => (v === undefined ? null : v === null ? money.unknown : v);
  // Targets over all years by the same rule: a number when every year has one (the XLSX sums the
  // column), else what the set targets add up to and how many years have none.
  const targetWords: MoneyWords = {
    amount: (n) => cellText(num(""), n, req.locale, ""),
    unknown: msg.target!.unknown!,
    partial: (amount, count) => translatorFor(req.locale)("target.partial", { amount, count }),
  };
  const targetTotal = (sum: MoneySum): number | string => (sum.unknown === 0 ? sum.known : moneySumText(sum, targetWords));
  const partnerName = (p: { nameKo: string; nameEn: string | null }) => localName(req.locale, p);
  // A share of a total not fully known is not given: written as a dash, as on screen.
  const share = (v: number | null) => (v === null ? "—" : v / 100);
  /** A share table as the screen shows it: a partner per row; per year and over all years, the planned cost and its share. */
  const shareTable = (view: "work" | "pay", table: ShareTable, years: number[]): Table => {
    const cells = (c: ShareCell) => [moneySumCellOf(c.planned), share(c.share)];
    return {
      name: msg.shares![`${view}Sheet`]!,
      title: msg.shares![view]!,
      columns: [
        { header: e.partner!, kind: "text", width: 16 },
        ...[...years.map(String), msg.shares!.all!].flatMap((y): Column[] => [
          { header: fill(e.yearCost!, { year: y }), kind: "krw", width: 18 },
          { header: fill(e.yearShare!, { year: y }), kind: "percent", width: 12 },
        ]),
      ],
      rows: table.rows.map((r) => [partnerName(r.partner), ...r.years.flatMap(cells), ...cells(r.all)]),
      total: [e.total!, ...table.total.years.flatMap(cells), ...cells(table.total.all)],
    };
  };
  const moneySumCellOf = (v: MoneySum): number | string => (v.unknown ? moneySumText(v, money) : v.known);
  const allTables: Table[] = [
    {
      name: e.byYear!,
      title: e.byYear!,
      columns: [
        year(e.year!),
        num(e.targetBuses!),
        num(e.actualBuses!),
        num(e.targetZones!),
        num(e.actualZones!),
        num(e.targetAps!),
        num(e.actualAps!),
        krw(e.targetBudget!),
        krw(e.actualBudget!),
      ],
      rows: summary.years.map((y) => [
        y.year,
        y.targets.buses,
        y.actuals.buses,
        y.targets.zones,
        y.actuals.zones,
        y.targets.accessPoints,
        y.actuals.accessPoints,
        oneMoney(y.targets.budgetKrw),
        oneMoney(y.actuals.budgetKrw),
      ]),
      // The same totals the overview shows; budgets by the money rule.
      total: [
        e.total!,
        targetTotal(summary.totals.targets.buses),
        summary.totals.actuals.buses,
        targetTotal(summary.totals.targets.zones),
        summary.totals.actuals.zones,
        targetTotal(summary.totals.targets.accessPoints),
        summary.totals.actuals.accessPoints,
        moneyCell(summary.totals.targets.budgetKrw?.known, summary.totals.targets.budgetKrw?.unknown),
        moneyCell(summary.totals.actuals.budgetKrw?.known, summary.totals.actuals.budgetKrw?.unknown),
      ],
    },
    {
      name: e.byCategory!,
      title: e.byCategory!,
      columns: [{ header: e.category!, kind: "text", width: 18 }, year(e.year!), num(e.activeZones!), num(e.plannedZones!)],
      rows: categories.map((c) => [label("category", c.category), c.year, c.active, c.planned]),
      total: [e.total!, null, categories.reduce((n, c) => n + c.active, 0), categories.reduce((n, c) => n + c.planned, 0)],
    },
    {
      name: e.byPartner!,
      title: e.byPartner!,
      columns: [
        { header: e.partner!, kind: "text", width: 16 },
        year(e.year!),
        { header: e.workStatus!, kind: "text" },
        num(e.items!),
        krw(e.plannedCost!),
        krw(e.actualCost!),
      ],
      // The cost of the work each partner does; a partner that only funds has none of its own (see who pays).
      rows: work.items.map((w) => [
        partnerName(w),
        w.year,
        label("workStatus", w.status as WorkStatus),
        w.items,
        w.fundingItems === w.items && w.plannedCostKrw !== undefined ? msg.plan!.fundsOnly! : moneyCell(w.plannedCostKrw, w.plannedUnknown),
        w.fundingItems === w.items && w.actualCostKrw !== undefined ? msg.plan!.fundsOnly! : moneyCell(w.actualCostKrw, w.actualUnknown),
      ]),
      total: [
        e.total!,
        null,
        null,
        work.items.reduce((n, w) => n + w.items, 0),
        moneySumCell(work.items.map((w) => ({ known: w.plannedCostKrw, unknown: w.plannedUnknown }))),
        moneySumCell(work.items.map((w) => ({ known: w.actualCostKrw, unknown: w.actualUnknown }))),
      ],
    },
    // Who does the work and who pays for it: two tables of one total (members only).
    ...(shares && shares.work.rows.length ? [shareTable("work", shares.work, shares.years), shareTable("pay", shares.pay, shares.years)] : []),
  ];
  // Amounts are for those who may read costs: without that grant, no money column at all (not a blank one).
  const tables = grants.has("readCosts") ? allTables : allTables.map((t) => withColumns(t, (c) => c.kind !== "krw"));
  const count = tables.reduce((n, t) => n + t.rows.length, 0);
  if (req.format === "xlsx") return file(await toXlsx(tables), count, { kind: "sheets", sheets: tables.length });
  const programName = localName(req.locale, summary.program);
  if (req.format === "pdf") {
    const n = new Intl.NumberFormat(intlLocale(req.locale));
    const bytes = await toPdf({
      title: fill(e.summaryTitle!, { program: programName }),
      subtitle: fill(e.summarySubtitle!, {
        province: localName(req.locale, { nameKo: summary.municipality.provinceKo, nameEn: summary.municipality.provinceEn }),
        municipality: localName(req.locale, summary.municipality),
        date,
      }),
      chart: {
        title: e.chart!,
        targetLabel: e.target!,
        actualLabel: e.actual!,
        noTargetLabel: e.noTarget!,
        value: (v) => n.format(v),
        bars: summary.years.map((y) => ({ label: String(y.year), target: y.targets.zones, actual: y.actuals.zones })),
      },
      tables,
      format: (c, v) => cellText(c, v, req.locale, "—"),
      footer: `${e.footer} · ${date}`,
    });
    return file(bytes, count, { kind: "rows" });
  }
  // CSV: the three tables one after another, each with its title row, in one UTF-8 file with a BOM.
  // Shares as percentages with one decimal, as on screen; each table ends with its totals row.
  const csv = tables.map((t, i) => {
    const part = toCsv(
      t.columns.map((c) => c.header),
      rowsWithTotal(t).map((row) => row.map((v, j) => (t.columns[j]!.kind === "percent" && typeof v === "number" ? `${(v * 100).toFixed(1)}%` : v))),
    );
    return `${i === 0 ? "" : "\r\n"}${t.title}\r\n${part.replace(/^\uFEFF/, "")}`;
  });
  return file(new TextEncoder().encode(`\uFEFF${csv.join("")}`), count, { kind: "tables", tables: tables.length });
}
