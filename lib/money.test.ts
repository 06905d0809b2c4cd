import { describe, expect, it } from "vitest";
import { moneySumText, moneyText, shareOf, sumMoney, type MoneyWords } from "./money";

const ko: MoneyWords = { amount: (n) => `₩${n.toLocaleString("ko-KR")}`, unknown: "미공개", partial: (a, n) => `${a} + 미공개 ${n}건` };

describe("money that may be unknown", () => {
  it("writes an unknown amount as unknown, never ₩0", () => {
    expect(moneyText(null, ko)).toBe("미공개");
    expect(moneyText(0, ko)).toBe("₩0");
    expect(moneyText(8_200_000, ko)).toBe("₩8,200,000");
  });
  it("says how many amounts a total lacks, and is unknown when it knows none", () => {
    expect(moneySumText(sumMoney([8_200_000, null, null]), ko)).toBe("₩8,200,000 + 미공개 2건");
    expect(moneySumText(sumMoney([null, null]), ko)).toBe("미공개");
    expect(moneySumText(sumMoney([1, 2]), ko)).toBe("₩3");
    expect(moneySumText(sumMoney([]), ko)).toBe("₩0");
  });
  it("gives a share only of fully known amounts, with one decimal", () => {
    expect(shareOf(sumMoney([1]), sumMoney([1, 2]))).toBe(33.3);
    expect(shareOf(sumMoney([1]), sumMoney([1, null]))).toBeNull();
    expect(shareOf(sumMoney([]), sumMoney([]))).toBeNull();
  });
});
