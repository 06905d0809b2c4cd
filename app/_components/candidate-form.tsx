"use client";
// The new-candidate form: checked in the browser with the server's own schema, then again by the server.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SITE_CATEGORIES } from "@/lib/domain";
import { FetchError, sendJson } from "@/lib/fetcher";
import { candidateInput } from "@/lib/planning";
import type { Issue } from "@/lib/errors";
import { issuesOf } from "@/lib/validation";
import { useErrorText, useIssueText } from "./use-error-text";

export type CandidatePrefill = { name?: string; category?: string; lat?: number; lng?: number; planYear?: number };
type Errors = Partial<Record<"name" | "category" | "planYear" | "plannedApCount" | "lat" | "lng" | "notes" | "form", string>>;

export function CandidateForm({
  years,
  prefill,
  onCreated,
  compact = false,
}: {
  years: number[];
  prefill?: CandidatePrefill;
  onCreated: (site: { id: number; name: string }) => void;
  compact?: boolean;
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const issueText = useIssueText();
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  // One sentence per field: the first thing found wrong with it, checked here and by the server alike.
  const byField = (issues: Issue[]): Errors => {
    const next: Errors = {};
    for (const issue of issues) next[(issue.path?.split(".")[0] ?? "form") as keyof Errors] ??= issueText(issue);
    return next;
  };

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const num = (k: string) => (form.get(k) === "" || form.get(k) === null ? NaN : Number(form.get(k)));
    const raw = {
      name: String(form.get("name") ?? ""),
      category: String(form.get("category") ?? ""),
      planYear: num("planYear"),
      plannedApCount: num("plannedApCount"),
      lat: num("lat"),
      lng: num("lng"),
      notes: String(form.get("notes") ?? "") || undefined,
    };
    const parsed = candidateInput.safeParse(raw);
    if (!parsed.success) return setErrors(byField(issuesOf(parsed.error, raw)));
    setBusy(true);
    setErrors({});
    try {
      const site = await sendJson<{ id: number; name: string }>("/api/candidates", "POST", parsed.data);
      (e.target as HTMLFormElement).reset();
      onCreated(site);
    } catch (err) {
      const issues = err instanceof FetchError ? err.issues.filter((i) => i.path) : [];
      setErrors(issues.length ? byField(issues) : { form: errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof Errors, label: string, input: React.ReactNode) => (
    <label>
      <span>{label}</span>
      {input}
      {errors[name] ? (
        <span className="field-error" data-testid={`error-${name}`}>
          {errors[name]}
        </span>
      ) : null}
    </label>
  );
  const key = JSON.stringify(prefill ?? {});
  return (
    <form key={key} className={`stack-form candidate-form${compact ? " compact" : ""}`} onSubmit={submit} noValidate data-testid="candidate-form">
      {field("name", t("candidates.name"), <input name="name" defaultValue={prefill?.name} />)}
      {field(
        "category",
        t("candidates.category"),
        <select name="category" defaultValue={prefill?.category ?? "traditional_market"}>
          {SITE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>,
      )}
      {field(
        "planYear",
        t("candidates.planYear"),
        <select name="planYear" defaultValue={String(prefill?.planYear ?? years[0] ?? "")}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>,
      )}
      {field("plannedApCount", t("candidates.apCount"), <input name="plannedApCount" type="number" min={1} max={200} defaultValue={2} />)}
      {field("lat", t("candidates.lat"), <input name="lat" inputMode="decimal" defaultValue={prefill?.lat?.toFixed(6)} />)}
      {field("lng", t("candidates.lng"), <input name="lng" inputMode="decimal" defaultValue={prefill?.lng?.toFixed(6)} />)}
      {field("notes", t("candidates.notes"), <textarea name="notes" rows={2} />)}
      {errors.form ? (
        <p className="notice notice-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {t("candidates.add")}
      </button>
    </form>
  );
}
