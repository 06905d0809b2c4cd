// Locale-aware text for values the UI shows often: install year-month, localized names, report cells.
import type { Column } from "./report-files";

/** "2019-05", "2019", or null when the year is unknown. */
export function yearMonth(year: number | null | undefined, month: number | null | undefined): string | null {
  if (!year) return null;
  return month ? `${year}-${String(month).padStart(2, "0")}` : String(year);
}

/** The English name when the UI is English and one exists; the Korean name otherwise. */
export function localName(locale: string, item: { nameKo: string; nameEn?: string | null }): string {
  return locale === "en" && item.nameEn ? item.nameEn : item.nameKo;
}

/** A day as YYYY-MM-DD in Korea (the program's time zone), today unless given. */
export function todayInSeoul(at: Date = new Date()): string {
  return at.toLocaleDateString("en-CA", { timeZone: "Asia/Seoul" });
}

/** A figure shown with one decimal wherever it appears ("45.0" beside "43.7"): a coverage gain. */
export const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const satisfies Intl.NumberFormatOptions;

/** The Intl locale of the app's language. */
export const intlLocale = (locale: string) => (locale === "ko" ? "ko-KR" : "en-US");

/** Number formats by column kind, beyond the plain grouped number. */
const CELL_FORMATS: Partial<Record<Column["kind"], Intl.NumberFormatOptions>> = {
  krw: { style: "currency", currency: "KRW" },
  decimal: ONE_DECIMAL,
  percent: { style: "percent", ...ONE_DECIMAL },
};
const numberFormats = new Map<string, Intl.NumberFormat>();
const numberFormat = (locale: string, kind: Column["kind"]) => {
  const key = `${locale}|${kind}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(intlLocale(locale), CELL_FORMATS[kind])));
  return f;
};

/**
 * A cell as a PDF writes it, in the forms the XLSX's number formats give the same value: KRW, whole
 * numbers grouped, `decimal` with one decimal, coordinates with six, years plain, shares with one
 * decimal. Text (an amount already worded, "미공개") is written as it is; an empty cell as `empty`.
 */
export function cellText(c: Column, v: string | number | null, locale: string, empty: string): string {
  if (v === null) return empty;
  if (typeof v === "string") return v;
  if (c.kind === "coordinate") return v.toFixed(6);
  if (c.kind === "year" || c.kind === "text") return String(v);
  return numberFormat(locale, c.kind).format(v);
}
