import { describe, expect, it } from "vitest";
import { apportion, costShares, type CostRow } from "./cost-shares";

const KT = { id: 1, nameKo: "KT", nameEn: "KT" };
const SK = { id: 2, nameKo: "서경방송", nameEn: "Seokyung" };
const CITY = { id: 3, nameKo: "진주시", nameEn: "Jinju City" };
const known = (known: number) => ({ known, unknown: 0 });
const row = (partnerId: number, payerId: number, year: number, planned: number | null): CostRow => ({
  partnerId,
  payerId,
  year,
  planned: planned === null ? { known: 0, unknown: 1 } : known(planned),
  actual: { known: 0, unknown: 1 },
});

describe("cost shares", () => {
  it("counts a zone's cost once: the city pays for the partners' work, it does not add to it", () => {
    // An ₩8.2M zone: KT's equipment and installation, 서경방송's lines, all paid by the city.
    const shares = costShares([row(1, 3, 2022, 6_600_000), row(2, 3, 2022, 1_600_000)], [KT, SK, CITY]);
    expect(shares.work.total.all.planned).toEqual(known(8_200_000));
    expect(shares.pay.total.all.planned).toEqual(known(8_200_000));
    expect(shares.work.rows.map((r) => [r.partner.nameKo, r.all.share])).toEqual([
      ["KT", 80.5],
      ["서경방송", 19.5],
      ["진주시", 0],
    ]);
    expect(shares.pay.rows.map((r) => [r.partner.nameKo, r.all.share])).toEqual([
      ["KT", 0],
      ["서경방송", 0],
      ["진주시", 100],
    ]);
  });

  it("gives shares per year and over all years, each column summing to 100.0 of the same total in both tables", () => {
    const shares = costShares(
      [row(1, 3, 2021, 1_000_000), row(2, 2, 2021, 1_000_000), row(1, 1, 2021, 1_000_000), row(1, 3, 2022, 500_000), row(2, 3, 2022, 250_000)],
      [KT, SK, CITY],
    );
    expect(shares.years).toEqual([2021, 2022]);
    for (const table of [shares.work, shares.pay]) {
      for (const col of [0, 1]) expect(table.rows.reduce((n, r) => n + r.years[col]!.share!, 0)).toBeCloseTo(100, 9);
      expect(table.rows.reduce((n, r) => n + r.all.share!, 0)).toBeCloseTo(100, 9);
      expect(table.total.all.planned).toEqual(known(3_750_000));
    }
    // Thirds of 2021: rounded so the column still adds up to 100.0.
    expect(shares.pay.rows.map((r) => r.years[0]!.share)).toEqual([33.4, 33.3, 33.3]);
  });

  it("gives no share while an amount in the column is unknown, and says how many are unknown", () => {
    const shares = costShares([row(1, 3, 2021, 1_000_000), row(2, 3, 2021, null)], [KT, SK, CITY]);
    expect(shares.work.rows.map((r) => r.years[0]!.share)).toEqual([null, null, null]);
    expect(shares.work.total.years[0]!.planned).toEqual({ known: 1_000_000, unknown: 1 });
    expect(shares.work.total.years[0]!.share).toBeNull();
  });

  it("lists only partners that do or pay for something", () => {
    expect(costShares([row(1, 1, 2021, 10)], [KT, SK, CITY]).work.rows.map((r) => r.partner.id)).toEqual([1]);
    expect(costShares([], [KT]).work.rows).toEqual([]);
  });
});

describe("apportion", () => {
  it("rounds to tenths that add up to 100.0", () => {
    expect(apportion([known(1), known(1), known(1)], known(3))).toEqual([33.4, 33.3, 33.3]);
    expect(apportion([known(2), known(1)], known(3))).toEqual([66.7, 33.3]);
    expect(apportion([known(0), known(5)], known(5))).toEqual([0, 100]);
  });
  it("gives nothing of an unknown or zero total", () => {
    expect(apportion([known(1)], { known: 1, unknown: 1 })).toEqual([null]);
    expect(apportion([known(0)], known(0))).toEqual([null]);
  });
});
