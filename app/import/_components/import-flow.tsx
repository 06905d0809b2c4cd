"use client";
// Upload → preview (what would change, row by row) → commit. The preview is a dry run of the same import.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { ImportProgress, Issue } from "@/lib/standard-data";
import { toCsv } from "@/lib/export-formats";
import { FetchError, uploadForm } from "@/lib/fetcher";
import { issueReason, REFUSAL_CODES, refusalText } from "@/lib/import-text";
import type { Json } from "@/lib/contract";
import type { ImportResult } from "@/server/import";
import { useErrorText } from "../../_components/use-error-text";

type Summary = Json<ImportResult>;
type Phase = { kind: "idle" } | { kind: "uploading"; fraction: number; commit: boolean } | { kind: "processing"; commit: boolean; progress?: ImportProgress };

const SHOWN_ISSUES = 200;

export function ImportFlow({ limitLabel, expectedColumns }: { limitLabel: string; expectedColumns: { older: string; newer: string } }) {
  const t = useTranslations();
  const format = useFormatter();
  const errorText = useErrorText();
  const fileRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [preview, setPreview] = useState<Summary | null>(null);
  const [result, setResult] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function send(commit: boolean) {
    const file = fileRef.current?.files?.[0];
    if (!file) return setError(t("import.chooseFile"));
    setError(null);
    if (!commit) setPreview(null);
    setResult(null);
    const form = new FormData();
    form.set("file", file);
    if (!commit) form.set("dryRun", "1");
    setPhase({ kind: "uploading", fraction: 0, commit });
    try {
      const summary = await uploadForm<Summary, ImportProgress>(
        "/api/imports",
        form,
        (fraction) => setPhase(fraction >= 1 ? { kind: "processing", commit } : { kind: "uploading", fraction, commit }),
        (progress) => setPhase({ kind: "processing", commit, progress }),
      );
      if (commit) setResult(summary);
      else setPreview(summary);
    } catch (err) {
      setError(t("import.failed", { message: refusal(err, file.name) }));
    } finally {
      setPhase({ kind: "idle" });
    }
  }

  // Why the server refused the file, in the screen's language where the refusal has a code.
  function refusal(err: unknown, fileName: string): string {
    if (!(err instanceof FetchError)) return errorText(err);
    if (err.code === "payload_too_large") return t("import.refused.tooLarge", { file: fileName, limit: limitLabel });
    const issue = err.issues[0];
    const code = REFUSAL_CODES.find((r) => r === issue?.code);
    const line = typeof issue?.params?.line === "number" ? issue.params.line : undefined;
    if (err.code === "unprocessable" && code) return refusalText(t, { file: fileName, code, line, columns: expectedColumns });
    return errorText(err);
  }

  const reason = (i: Issue) => issueReason(t, i);
  function downloadReport(summary: Summary) {
    const csv = toCsv(
      [t("import.line"), t("import.column"), t("import.value"), t("import.severity"), t("import.reason")],
      summary.issues.map((i) => [i.line, i.column, i.value, t(`issueSeverity.${i.severity}`), reason(i)]),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${summary.fileName.replace(/\.[^.]+$/, "")}-report.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }

  const busy = phase.kind !== "idle";
  const shown = preview ?? result;
  return (
    <>
      <form className="stack-form import-form" onSubmit={(e) => (e.preventDefault(), void send(false))}>
        <label>
          <span>{t("import.file", { limit: limitLabel })}</span>
          <input
            ref={fileRef}
            type="file"
            name="file"
            accept=".csv,text/csv,.geojson,.json,application/geo+json"
            onChange={() => (setPreview(null), setResult(null), setError(null))}
            data-testid="import-file"
          />
        </label>
        <div className="import-actions">
          <button type="submit" disabled={busy}>
            {t("import.preview")}
          </button>
          {preview && !result ? (
            <button
              type="button"
              onClick={() => void send(true)}
              disabled={busy || preview.counts.new + preview.counts.updated === 0}
              data-testid="import-commit"
            >
              {t("import.commit")}
            </button>
          ) : null}
        </div>
      </form>
      {phase.kind === "uploading" ? (
        <p role="status">
          <progress max={1} value={phase.fraction} /> {t("import.uploading", { percent: Math.round(phase.fraction * 100) })}
        </p>
      ) : null}
      {phase.kind === "processing" ? (
        <p role="status" data-testid="import-progress">
          {phase.progress ? <progress max={phase.progress.total || 1} value={phase.progress.done} /> : <progress />}{" "}
          {phase.commit ? t("import.committing") : t("import.processing")}
          {phase.progress ? <> {t(`import.step.${phase.progress.step}`, { done: phase.progress.done, total: phase.progress.total })}</> : null}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <p className="notice" role="status" data-testid="import-done">
          {result.counts.new + result.counts.updated === 0
            ? t("import.nothingChanged")
            : t("import.done", { new: result.counts.new, updated: result.counts.updated })}{" "}
          <Link href="/map">{t("import.viewMap")}</Link> · <Link href="/sites">{t("import.viewSites")}</Link>
        </p>
      ) : null}
      {shown ? (
        <section aria-labelledby="import-counts-h" data-testid="import-preview">
          <h2 id="import-counts-h">{t("import.counts")}</h2>
          <p className="muted">
            {shown.fileName} ·{" "}
            {t("import.rows", { rows: shown.file.rows, encoding: shown.file.encoding.toUpperCase(), variant: t(`import.${shown.file.variant}`) })}
          </p>
          {shown.file.blankInstallDates ? (
            <p className="muted" data-testid="import-blank-dates">
              {t("import.blankInstallDates", { count: shown.file.blankInstallDates })}
            </p>
          ) : null}
          <dl className="stat-cards">
            {(["new", "updated", "unchanged", "duplicate", "invalid"] as const).map((k) => (
              <div key={k} data-testid={`import-count-${k}`}>
                <dt>{t(`import.${k}`)}</dt>
                <dd>{format.number(shown.counts[k])}</dd>
              </div>
            ))}
          </dl>
          <h2>{t("import.issues", { count: shown.issues.length })}</h2>
          {shown.issues.length === 0 ? (
            <p className="notice">{t("import.noIssues")}</p>
          ) : (
            <>
              <p>
                <button type="button" className="button-secondary" onClick={() => downloadReport(shown)} data-testid="import-report">
                  {t("import.report")}
                </button>
              </p>
              {shown.issues.length > SHOWN_ISSUES ? <p className="muted">{t("import.moreIssues", { shown: SHOWN_ISSUES })}</p> : null}
              <div className="table-wrap">
                <table className="data" data-testid="import-issues">
                  <thead>
                    <tr>
                      <th className="num">{t("import.line")}</th>
                      <th>{t("import.column")}</th>
                      <th>{t("import.value")}</th>
                      <th>{t("import.severity")}</th>
                      <th>{t("import.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.issues.slice(0, SHOWN_ISSUES).map((i, k) => (
                      <tr key={k}>
                        <td className="num">{i.line}</td>
                        <td>{i.column}</td>
                        <td>{i.value}</td>
                        <td>
                          <span className={`badge badge-issue-${i.severity}`}>{t(`issueSeverity.${i.severity}`)}</span>
                        </td>
                        <td>{reason(i)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
