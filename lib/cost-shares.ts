// Who does the work and who pays for it: two views of one total. Each work item's cost is counted
// once, under the partner doing it in one table and under the partner paying for it in the other,
// so both tables sum to the same amount per year and over all years, and their shares to 100 %.
import { shareOf, sumMoney, type MoneySum } from "./money";

/** The cost of work done by `partnerId` and paid by `payerId` in one plan year (funding items excluded). */
export type CostRow = { partnerId: number; payerId: number; year: number; planned: MoneySum; actual: MoneySum };
/** Planned and actual amounts, each as the known sum and the count of unknown ones; also what a funding item pays. */
export type Funded = { planned: MoneySum; actual: MoneySum };
export type PartnerName = { id: number; nameKo: string; nameEn: string | null };
/** An amount in a table: planned and actual, and the planned amount's share of its column's total (null unless fully known). */
export type ShareCell = { planned: MoneySum; actual: MoneySum; share: number | null };
export type ShareRow = { partner: PartnerName; years: ShareCell[]; all: ShareCell };
export type ShareTable = { rows: ShareRow[]; total: { years: ShareCell[]; all: ShareCell } };
export type CostShares = { years: number[]; work: ShareTable; pay: ShareTable };

export function addMoney(a: MoneySum, b: MoneySum): MoneySum {
  return { known: a.known + b.known, unknown: a.unknown + b.unknown };
}

/**
 * Shares of a total in percent with one decimal that add up to exactly 100.0: each part's exact share
 * rounded down to a tenth, the tenths left over given to the largest remainders (largest remainder
 * method). Null for every part unless the total and every part are fully known and the total is not 0.
 */
export function apportion(parts: readonly MoneySum[], total: MoneySum): (number | null)[] {
  if (parts.some((p) => shareOf(p, total) === null)) return parts.map(() => null);
  const exact = parts.map((p) => (p.known / total.known) * 1000);
  const floors = exact.map(Math.floor);
  let left = 1000 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rest: e - floors[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  return floors.map((f) => f / 10);
}

function table(rows: CostRow[], partners: PartnerName[], years: number[], whose: (r: CostRow) => number): ShareTable {
  const sumOf = (list: CostRow[]) => ({
    planned: list.reduce((t, r) => addMoney(t, r.planned), sumMoney([])),
    actual: list.reduce((t, r) => addMoney(t, r.actual), sumMoney([])),
  });
  const totalYears = years.map((y) => sumOf(rows.filter((r) => r.year === y)));
  const totalAll = sumOf(rows);
  const byPartner = partners.map((partner) => {
    const mine = rows.filter((r) => whose(r) === partner.id);
    return { partner, years: years.map((y) => sumOf(mine.filter((r) => r.year === y))), all: sumOf(mine) };
  });
  // Each column's shares add up to 100.0 (apportioned), of that column's total.
  const yearShares = years.map((_, i) =>
    apportion(
      byPartner.map((p) => p.years[i]!.planned),
      totalYears[i]!.planned,
    ),
  );
  const allShares = apportion(
    byPartner.map((p) => p.all.planned),
    totalAll.planned,
  );
  const whole = (t: { planned: MoneySum }) => shareOf(t.planned, t.planned);
  return {
    rows: byPartner.map((p, r) => ({
      partner: p.partner,
      years: p.years.map((c, i) => ({ ...c, share: yearShares[i]![r]! })),
      all: { ...p.all, share: allShares[r]! },
    })),
    total: { years: totalYears.map((t) => ({ ...t, share: whole(t) })), all: { ...totalAll, share: whole(totalAll) } },
  };
}

/**
 * The two share tables over the same rows: by the partner doing the work and by the partner paying.
 * Both list every partner that does or pays for something (a known ₩0 is a true 0 %), in `partners` order.
 */
export function costShares(rows: CostRow[], partners: PartnerName[]): CostShares {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const involved = partners.filter((p) => rows.some((r) => r.partnerId === p.id || r.payerId === p.id));
  return {
    years,
    work: table(rows, involved, years, (r) => r.partnerId),
    pay: table(rows, involved, years, (r) => r.payerId),
  };
}
