"use client";
// How money is written on a client screen: the one rule of lib/money in the screen's language.
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { MoneyWords } from "@/lib/money";

export function useMoneyWords(): MoneyWords {
  const t = useTranslations("money");
  const format = useFormatter();
  return useMemo(
    () => ({
      amount: (krw: number) => format.number(krw, { style: "currency", currency: "KRW" }),
      unknown: t("unknown"),
      partial: (amount: string, count: number) => t("partial", { amount, count }),
    }),
    [t, format],
  );
}
