"use client";
// What a user sees when their save lost to someone else's: the newer values, and what to do.
import { useTranslations } from "next-intl";
import { FetchError } from "@/lib/fetcher";
import { useErrorText } from "./use-error-text";

/** The record the server sent back with a 409, if this error is one. */
export function conflictOf(err: unknown): Record<string, unknown> | null {
  if (!(err instanceof FetchError) || err.status !== 409) return null;
  return (err.params?.current as Record<string, unknown> | undefined) ?? null;
}

export function ConflictNotice({ current, fields }: { current: Record<string, unknown>; fields: ConflictField[] }) {
  const t = useTranslations("conflict");
  const values = fields.map((f) => `${f.label} ${f.show ? f.show(current[f.key]) : String(current[f.key] ?? "—")}`).join(", ");
  return (
    <div className="notice notice-error" role="alert" data-testid="conflict">
      <p>{t("message", { version: String(current.version ?? "?") })}</p>
      <p>{t("current", { values })}</p>
    </div>
  );
}

type ConflictField = { key: string; label: string; show?: (v: unknown) => string };

/** Why a save failed: the newer values when someone else saved first, else the error in words. */
export function SaveError({ error, fields }: { error: unknown; fields: ConflictField[] }) {
  const errorText = useErrorText();
  if (!error) return null;
  const current = conflictOf(error);
  if (current) return <ConflictNotice current={current} fields={fields} />;
  return (
    <p className="notice notice-error" role="alert">
      {errorText(error)}
    </p>
  );
}
