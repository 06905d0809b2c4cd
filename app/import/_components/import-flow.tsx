"use client";
// Upload → preview (what would change, row by row) → commit. The preview is a dry run of the same import.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { ImportProgress, Issue } from "@/lib/standard-data";
import { toCsv } from "@/lib/export-formats";
import { FetchError, uploadForm } from "@/lib/fetcher";
import { groupIssues, issueReason, progressValues, REFUSAL_CODES, refusalText } from "@/lib/import-text";
import type { Json } from "@/lib/contract";
import type { ImportResult } from "@/server/import";
import { useErrorText } from "../../_components/use-error-text";

type Summary = Json<ImportResult>;
type Phase = { kind: "idle" } | { kind: "uploading"; fraction: number; commit: boolean } | { kind: "processing"; commit: boolean; progress?: ImportProgress };

const COUNT_KEYS = ["new", "updated", "unchanged", "duplicate", "invalid"] as const;

export function ImportFlow({
  limitLabel,
  expectedColumns,
  standardColumns,
  successorWithinM,
}: {
  limitLabel: string;
  expectedColumns: { older: string; newer: string };
  standardColumns: readonly string[];
  successorWithinM: number;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const errorText = useErrorText();
  const fileRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [preview, setPreview] = useState<Summary | null>(null);
  const [result, setResult] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Columns the standard does not know, and what the user says each stands for ("" leaves it out).
  const [columnMap, setColumnMap] = useState<Record<string, string>>({});
  const [unknownColumn, setUnknownColumn] = useState<string | null>(null);
  // Zones of the previous edition the file no longer lists that the admin chooses to retire.
  const [retiring, setRetiring] = useState<ReadonlySet<number>>(new Set());

  async function send(commit: boolean, map: Record<string, string> = columnMap) {
    const file = fileRef.current?.files?.[0];
    if (!file) return setError(t("import.chooseFile"));
    setError(null);
    if (!commit) setPreview(null);
    setResult(null);
    setUnknownColumn(null);
    const form = new FormData();
    form.set("file", file);
    if (!commit) form.set("dryRun", "1");
    const pairs = Object.entries(map).map(([given, standard]) => `${given}=${standard}`);
    if (pairs.length) form.set("columns", pairs.join("\n"));
    if (commit && retiring.size) form.set("retire", [...retiring].join(","));
    setPhase({ kind: "uploading", fraction: 0, commit });
    try {
      const summary = await uploadForm<Summary, ImportProgress>(
        "/api/imports",
        form,
        (fraction) => setPhase(fraction >= 1 ? { kind: "processing", commit } : { kind: "uploading", fraction, commit }),
        (progress) => setPhase({ kind: "processing", commit, progress }),
      );
      if (commit) {
        setResult(summary);
      } else {
        setPreview(summary);
        setRetiring(new Set());
      }
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
    const column = typeof issue?.params?.column === "string" ? issue.params.column : undefined;
    if (code === "unknown_column" && column) setUnknownColumn(column);
    if (err.code === "unprocessable" && code) return refusalText(t, { file: fileName, code, line, column, columns: expectedColumns });
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
  const groups = shown ? groupIssues(shown.issues as Issue[]) : [];
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
            onChange={() => (setPreview(null), setResult(null), setError(null), setColumnMap({}), setUnknownColumn(null))}
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
              disabled={busy || preview.counts.new + preview.counts.updated + retiring.size === 0}
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
          {phase.progress ? <> {t(`import.step.${phase.progress.step}`, progressValues(phase.progress))}</> : null}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {unknownColumn ? (
        <form
          className="stack-form import-map-column"
          data-testid="import-map-column"
          onSubmit={(e) => {
            e.preventDefault();
            const value = new FormData(e.currentTarget).get("standard");
            const next = { ...columnMap, [unknownColumn]: typeof value === "string" ? value : "" };
            setColumnMap(next);
            void send(false, next);
          }}
        >
          <label>
            <span>{t("import.mapColumn", { column: unknownColumn })}</span>
            <select name="standard" defaultValue="">
              <option value="">{t("import.mapLeaveOut")}</option>
              {standardColumns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("import.mapRetry")}</button>
        </form>
      ) : null}
      {Object.keys(columnMap).length ? (
        <p className="muted" data-testid="import-mapped">
          {t("import.mapped", {
            pairs: Object.entries(columnMap)
              .map(([given, standard]) => `${given} → ${standard || t("import.mapLeaveOut")}`)
              .join(", "),
          })}
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
            {COUNT_KEYS.map((k) => (
              <div key={k} data-testid={`import-count-${k}`}>
                <dt>{t(`import.${k}`)}</dt>
                <dd>{format.number(shown.counts[k])}</dd>
              </div>
            ))}
          </dl>
          <p data-testid="import-rows-add-up">{t("import.rowsAddUp", { rows: shown.file.rows, ...shown.counts })}</p>
          <p className="muted" data-testid="import-sites">
            {t("import.sites", shown.sites)}
          </p>
          {shown.perMunicipality.length > 1 ? (
            <div className="table-wrap">
              <table className="data" data-testid="import-per-municipality">
                <caption>{t("import.perMunicipality")}</caption>
                <thead>
                  <tr>
                    <th>{t("import.municipality")}</th>
                    <th className="num">{t("import.rowsRead")}</th>
                    {COUNT_KEYS.map((k) => (
                      <th key={k} className="num">
                        {t(`import.${k}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {shown.perMunicipality.map((m) => (
                    <tr key={m.municipality}>
                      <td>{m.municipality}</td>
                      <td className="num">{format.number(m.rows)}</td>
                      {COUNT_KEYS.map((k) => (
                        <td key={k} className="num">
                          {format.number(m[k])}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {shown.edition.vanishedCount > 0 ? (
            <section aria-labelledby="import-edition-h" data-testid="import-edition">
              <h2 id="import-edition-h">{t("import.edition.title", { count: shown.edition.vanishedCount })}</h2>
              {result ? (
                <p data-testid="import-edition-done">{t("import.edition.done", { retired: result.edition.retired, kept: result.edition.kept })}</p>
              ) : (
                <>
                  <p className="muted">{t("import.edition.intro", { metres: successorWithinM })}</p>
                  <p className="import-actions">
                    <button type="button" className="button-secondary" onClick={() => setRetiring(new Set(shown.edition.vanished.map((v) => v.id)))}>
                      {t("import.edition.all")}
                    </button>
                    <button type="button" className="button-secondary" onClick={() => setRetiring(new Set())}>
                      {t("import.edition.noneSelected")}
                    </button>
                  </p>
                  <div className="table-wrap">
                    <table className="data" data-testid="import-vanished">
                      <thead>
                        <tr>
                          <th>{t("import.edition.retire")}</th>
                          <th>{t("import.edition.zone")}</th>
                          <th>{t("import.edition.successor")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {shown.edition.vanished.map((v) => (
                          <tr key={v.id}>
                            <td>
                              <input
                                type="checkbox"
                                aria-label={`${t("import.edition.retire")}: ${v.name}`}
                                checked={retiring.has(v.id)}
                                onChange={(e) =>
                                  setRetiring((ids) => {
                                    const next = new Set(ids);
                                    if (e.target.checked) next.add(v.id);
                                    else next.delete(v.id);
                                    return next;
                                  })
                                }
                              />
                            </td>
                            <td>
                              <Link href={`/sites/${v.id}`}>{v.name}</Link>
                              {v.address ? <span className="muted"> · {v.address}</span> : null}
                            </td>
                            <td>
                              {v.successors.length === 0
                                ? t("import.edition.none")
                                : v.successors
                                    .slice(0, 2)
                                    .map((n) =>
                                      [
                                        n.name,
                                        n.sameName ? t("import.edition.sameName") : null,
                                        n.distanceM !== null ? t("import.edition.distance", { m: n.distanceM }) : null,
                                        n.line !== null ? t("import.edition.line", { line: n.line }) : null,
                                      ]
                                        .filter(Boolean)
                                        .join(" · "),
                                    )
                                    .join("; ")}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  {shown.edition.vanishedCount > shown.edition.vanished.length ? (
                    <p className="muted">
                      {t("import.edition.more", { shown: shown.edition.vanished.length, more: shown.edition.vanishedCount - shown.edition.vanished.length })}
                    </p>
                  ) : null}
                  <p data-testid="import-edition-chosen">
                    {t("import.edition.chosen", { retired: retiring.size, kept: shown.edition.vanishedCount - retiring.size })}
                  </p>
                </>
              )}
            </section>
          ) : null}
          <h2>{t("import.groups", { count: shown.issues.length, groups: groups.length })}</h2>
          {shown.issues.length === 0 ? (
            <p className="notice">{t("import.noIssues")}</p>
          ) : (
            <>
              <p>
                <button type="button" className="button-secondary" onClick={() => downloadReport(shown)} data-testid="import-report">
                  {t("import.report")}
                </button>
              </p>
              <div data-testid="import-issues">
                {groups.map((g) => (
                  <section key={`${g.severity}-${g.code}`} className="issue-group" data-testid={`import-group-${g.code}`}>
                    <h3>
                      <span className={`badge badge-issue-${g.severity}`}>{t(`issueSeverity.${g.severity}`)}</span> {t(`issueGroup.${g.code}`)} ·{" "}
                      <span data-testid="import-group-count">{t("import.groupCount", { count: g.count })}</span>
                    </h3>
                    <div className="table-wrap">
                      <table className="data">
                        <thead>
                          <tr>
                            <th className="num">{t("import.line")}</th>
                            <th>{t("import.column")}</th>
                            <th>{t("import.value")}</th>
                            <th>{t("import.reason")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {g.first.map((i, k) => (
                            <tr key={k}>
                              <td className="num">{i.line}</td>
                              <td>{i.column}</td>
                              <td>{i.value}</td>
                              <td>{reason(i)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                    {g.count > g.first.length ? <p className="muted">{t("import.groupMore", { more: g.count - g.first.length })}</p> : null}
                  </section>
                ))}
              </div>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
