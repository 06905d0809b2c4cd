"use client";
// Why a request failed, in the screen's language: the server's error code picks the sentence from
// the catalogue; a refused field is worded from its issue code (`issue.*`), never from the server's English.
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { Issue } from "@/lib/errors";
import { FetchError } from "@/lib/fetcher";

const BY_CODE = {
  unauthorized: "unauthorized",
  forbidden: "forbidden",
  not_found: "notFound",
  conflict: "conflict",
  payload_too_large: "tooLarge",
  too_many_requests: "tooMany",
  database_busy: "busy",
  database_unavailable: "unavailable",
  internal: "generic",
} as const;

export function useErrorText(): (err: unknown) => string {
  const t = useTranslations("errors");
  const issueText = useIssueText();
  return useCallback(
    (err: unknown) => {
      if (!(err instanceof FetchError)) return t("generic");
      if (err.status === 0) return t("unreachable");
      const key = BY_CODE[err.code as keyof typeof BY_CODE];
      if (key) return t(key);
      if (err.code === "bad_request" || err.code === "unprocessable")
        return t("rejected", { reason: err.issues.length ? issueText(err.issues[0]!) : err.message });
      return t("generic");
    },
    [t, issueText],
  );
}

/** What is wrong with a field, in the screen's language: the issue's code picks the sentence. */
export function useIssueText(): (issue: Issue) => string {
  const t = useTranslations("issue");
  return useCallback(
    (issue: Issue) => {
      const params = Object.fromEntries(Object.entries(issue.params ?? {}).filter(([, v]) => typeof v === "number" || typeof v === "string")) as Record<
        string,
        string | number
      >;
      return t.has(issue.code as "invalid") ? t(issue.code as "invalid", params) : t("invalid");
    },
    [t],
  );
}
