// Money that may be unknown: one rule for every screen and file. An amount nobody published is
// unknown ("미공개"), never 0, and a total over partly unknown amounts says how many it lacks.

/** A total of amounts: the sum of those known, and how many were unknown. */
export type MoneySum = { known: number; unknown: number };

export function sumMoney(values: readonly (number | null | undefined)[]): MoneySum {
  const sum: MoneySum = { known: 0, unknown: 0 };
  for (const v of values) {
    if (v == null) sum.unknown++;
    else sum.known += v;
  }
  return sum;
}

/** How money is written in a language: the amount, the word for unknown, and a partial total. */
export type MoneyWords = { amount: (krw: number) => string; unknown: string; partial: (amount: string, unknownCount: number) => string };

/** One amount: formatted, or the word for unknown. */
export function moneyText(v: number | null | undefined, w: MoneyWords): string {
  return v == null ? w.unknown : w.amount(v);
}

/** A total: the amount; unknown when nothing was known; the amount and how many are unknown otherwise. */
export function moneySumText(s: MoneySum, w: MoneyWords): string {
  if (s.unknown === 0) return w.amount(s.known);
  if (s.known === 0) return w.unknown;
  return w.partial(w.amount(s.known), s.unknown);
}

/** A share of a total as a percentage with one decimal, or null when the total is not fully known. */
export function shareOf(part: MoneySum, total: MoneySum): number | null {
  if (part.unknown > 0 || total.unknown > 0 || total.known === 0) return null;
  return Math.round((part.known / total.known) * 1000) / 10;
}
