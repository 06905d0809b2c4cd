// How money is written on a server-rendered page: the one rule of lib/money in the page's language.
import { getFormatter, getTranslations } from "next-intl/server";
import type { MoneyWords } from "@/lib/money";

export async function moneyWords(): Promise<MoneyWords> {
  const [t, format] = await Promise.all([getTranslations("money"), getFormatter()]);
  return {
    amount: (krw: number) => format.number(krw, { style: "currency", currency: "KRW" }),
    unknown: t("unknown"),
    partial: (amount: string, count: number) => t("partial", { amount, count }),
  };
}
