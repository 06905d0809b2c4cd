// Locale-aware text for values the UI shows often: install year-month and localized names.

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
