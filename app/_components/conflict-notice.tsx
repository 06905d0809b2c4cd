"use client";
// What a user sees when their save lost to someone else's: the newer values, and what to do.
import { useTranslations } from "next-intl";
import { FetchError } from "@/lib/fetcher";

/** The record the server sent back with a 409, if this error is one. */
export function conflictOf(err: unknown): Record<string, unknown> | null {
  if (!(err instanceof FetchError) || err.status !== 409) return null;
  return (err.params?.current as Record<string, unknown> | undefined) ?? null;
}

export function ConflictNotice({
  current,
  fields,
}: {
  current: Record<string, unknown>;
  fields: { key: string; label: string; show?: (v: unknown) => string }[];
}) {
  const t = useTranslations("conflict");
  const values = fields.map((f) => `${f.label} ${f.show ? f.show(current[f.key]) : String(current[f.key] ?? "—")}`).join(", ");
  return (
    <div className="notice notice-error" role="alert" data-testid="conflict">
      <p>{t("message", { version: String(current.version ?? "?") })}</p>
      <p>{t("current", { values })}</p>
    </div>
  );
}
