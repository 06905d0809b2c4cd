"use client";
// Why a request failed, in the screen's language: the server's error code picks the sentence from
// the catalogue. Only a refusal the screen cannot word itself (a 400 or 422 whose details it does
// not map) keeps the server's specific reason, after a sentence in the screen's language.
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { FetchError } from "@/lib/fetcher";

const BY_CODE = {
  unauthorized: "unauthorized",
  forbidden: "forbidden",
  not_found: "notFound",
  conflict: "conflict",
  payload_too_large: "tooLarge",
  database_busy: "busy",
  database_unavailable: "unavailable",
  internal: "generic",
} as const;

export function useErrorText(): (err: unknown) => string {
  const t = useTranslations("errors");
  return useCallback(
    (err: unknown) => {
      if (!(err instanceof FetchError)) return t("generic");
      if (err.status === 0) return t("unreachable");
      const key = BY_CODE[err.code as keyof typeof BY_CODE];
      if (key) return t(key);
      if (err.code === "bad_request" || err.code === "unprocessable") return t("rejected", { reason: err.message });
      return t("generic");
    },
    [t],
  );
}
