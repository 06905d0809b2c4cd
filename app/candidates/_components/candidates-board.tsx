"use client";
// The ranked candidate list with each score's parts, the lifecycle actions, and the new-candidate form.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import type { SiteStatus } from "@/lib/domain";
import { fetchJson, sendJson } from "@/lib/fetcher";
import { allowedNext } from "@/lib/planning";
import type { CandidateList } from "@/server/planning";
import { ConflictNotice, conflictOf } from "../../_components/conflict-notice";
import { CandidateForm, type CandidatePrefill } from "../../_components/candidate-form";
import { SettingsForm } from "./settings-form";
import { useErrorText } from "../../_components/use-error-text";

type Row = CandidateList["items"][number];
type Pending = { id: number; to: "approved" | "rejected" } | null;

const ACTION_LABEL: Partial<Record<SiteStatus, "survey" | "approve" | "reject" | "reopen" | "startInstall" | "activate">> = {
  surveyed: "survey",
  approved: "approve",
  rejected: "reject",
  candidate: "reopen",
  installing: "startInstall",
  active: "activate",
};

export function CandidatesBoard({
  headers,
  query,
  canEdit,
  years,
  prefill,
}: {
  /** Sortable column headers, rendered by the page with the list's URL state. */
  headers: Record<"name" | "status" | "planYear" | "score", React.ReactNode>;
  query: string;
  canEdit: boolean;
  years: number[];
  prefill?: CandidatePrefill;
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const format = useFormatter();
  const key = `/api/candidates${query ? `?${query}` : ""}`;
  const { data, error, mutate } = useSWR<CandidateList>(key, fetchJson);
  const [status, setStatus] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Record<string, unknown> | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function move(row: Row, to: SiteStatus, extra: Record<string, unknown> = {}) {
    setStatus(null);
    setConflict(null);
    setFailure(null);
    try {
      await sendJson(`/api/sites/${row.id}`, "PATCH", { version: row.version, status: to, ...extra });
      setPending(null);
      setStatus(t("candidates.saved", { name: row.name, status: t(`siteStatus.${to}`) }));
    } catch (err) {
      const current = conflictOf(err);
      if (current) setConflict(current);
      else setFailure(errorText(err));
    }
    await mutate();
  }

  const points = (n: number) => t("candidates.points", { points: n });
  const w = data?.scoring.weights;
  return (
    <>
      {w ? (
        <p className="muted small" data-testid="score-weights">
          {t("candidates.weights", {
            distance: w.distance,
            cap: w.distanceCapM,
            market: w.poi.traditional_market,
            stop: w.poi.bus_stop,
            tourist: w.poi.tourist_spot,
            park: w.poi.park,
            parking: w.poi.parking,
            priority: w.priority,
            residents: w.residents,
            residentsCap: w.residentsCap,
          })}
        </p>
      ) : null}
      {canEdit ? <SettingsForm onSaved={() => void mutate()} /> : null}
      {status ? (
        <p className="notice" role="status">
          {status}
        </p>
      ) : null}
      {conflict ? (
        <ConflictNotice
          current={conflict}
          fields={[
            { key: "name", label: t("candidates.name") },
            { key: "status", label: t("candidates.status"), show: (v) => t(`siteStatus.${v as SiteStatus}`) },
            { key: "planYear", label: t("candidates.planYear") },
          ]}
        />
      ) : null}
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="data" data-testid="candidates-table">
          <thead>
            <tr>
              <th className="num">{t("candidates.rank")}</th>
              {headers.name}
              {headers.status}
              {headers.planYear}
              {headers.score}
              <th>{t("candidates.distance")}</th>
              <th>{t("candidates.uncovered")}</th>
              <th>{t("candidates.priority")}</th>
              <th>{t("candidates.residents")}</th>
              {canEdit ? <th>{t("candidates.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {data?.items.map((row, i) => (
              <tr key={row.id} data-testid={`candidate-${row.id}`}>
                <td className="num">{i + 1}</td>
                <td>
                  <Link href={`/sites/${row.id}`}>{row.name}</Link>
                  <div className="muted small">
                    {t(`category.${row.category}`)} · AP {row.plannedApCount}
                  </div>
                </td>
                <td>
                  {t(`siteStatus.${row.status}`)}
                  {row.status === "approved" ? (
                    <div className="small">
                      <Link href={`/sites/${row.id}#work-h`} data-testid={`work-of-${row.id}`}>
                        {t("candidates.workItems")}
                      </Link>
                    </div>
                  ) : null}
                </td>
                <td className="num">{row.planYear ?? "—"}</td>
                <td className="num score-total">{row.score ? format.number(row.score.total) : "—"}</td>
                <td className="small">
                  {row.score ? (
                    <>
                      {row.score.nearestActiveM === null ? t("candidates.noAp") : t("candidates.nearest", { meters: row.score.nearestActiveM })} →{" "}
                      {points(row.score.distancePoints)}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="small" data-testid="score-uncovered">
                  {row.score && row.score.uncovered.length
                    ? row.score.uncovered.map((u) => `${t(`poiKind.${u.kind}`)} ${u.count} → ${points(u.points)}`).join(", ")
                    : t("candidates.none")}
                </td>
                <td className="small" data-testid="score-priority">
                  {row.score?.priority ? points(row.score.priorityPoints) : t("candidates.none")}
                </td>
                <td className="small" data-testid="score-residents">
                  {row.score?.residents
                    ? `${t("candidates.residentsPart", {
                        dong: row.score.residents.dong,
                        voters: row.score.residents.voters,
                        aps: row.score.residents.activeAps + 1,
                        share: format.number(row.score.residents.share),
                      })} → ${points(row.score.residentsPoints)}`
                    : t("candidates.residentsUnknown")}
                </td>
                {canEdit ? (
                  <td className="actions">
                    {pending?.id === row.id ? (
                      <PendingMove
                        row={row}
                        pending={pending}
                        years={years}
                        onConfirm={(extra) => move(row, pending.to, extra)}
                        onCancel={() => setPending(null)}
                      />
                    ) : (
                      allowedNext(row.status).map((to) => (
                        <button
                          key={to}
                          type="button"
                          className={to === "rejected" ? "button-secondary" : undefined}
                          onClick={() => (to === "approved" || to === "rejected" ? setPending({ id: row.id, to }) : move(row, to))}
                        >
                          {t(`candidates.${ACTION_LABEL[to]!}`)}
                        </button>
                      ))
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && data.items.length === 0 ? (
        // Only those who may add a candidate are pointed to the form.
        <p className="notice" data-testid="candidates-empty">
          {t(canEdit ? "candidates.empty" : "candidates.emptyReadOnly")}
        </p>
      ) : null}
      {canEdit ? (
        <section aria-labelledby="new-candidate-h">
          <h2 id="new-candidate-h">{t("candidates.newTitle")}</h2>
          <p>
            <Link href="/map?add=1">{t("candidates.pickOnMap")}</Link>
          </p>
          <CandidateForm
            years={years}
            prefill={prefill}
            onCreated={async (site) => {
              setStatus(t("candidates.added", { name: site.name }));
              await mutate();
            }}
          />
        </section>
      ) : null}
    </>
  );
}

function PendingMove({
  row,
  pending,
  years,
  onConfirm,
  onCancel,
}: {
  row: Row;
  pending: NonNullable<Pending>;
  years: number[];
  onConfirm: (extra: Record<string, unknown>) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("candidates");
  // The candidate's own year when it is still open, else the first open one.
  const [year, setYear] = useState(String(row.planYear !== null && years.includes(row.planYear) ? row.planYear : (years[0] ?? "")));
  const [due, setDue] = useState("");
  const [reason, setReason] = useState("");
  return (
    <span className="pending-move">
      {pending.to === "approved" ? (
        <>
          <label>
            <span>{t("approveYear")}</span>
            <select value={year} onChange={(e) => setYear(e.target.value)}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t("approveDue")}</span>
            <input type="date" value={due} onChange={(e) => setDue(e.target.value)} aria-describedby={`due-hint-${row.id}`} />
            <span className="muted small" id={`due-hint-${row.id}`}>
              {t("approveDueHint")}
            </span>
          </label>
        </>
      ) : (
        <label>
          <span>{t("rejectReason")}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} required />
        </label>
      )}
      <button
        type="button"
        onClick={() => onConfirm(pending.to === "approved" ? { planYear: Number(year), ...(due ? { dueDate: due } : {}) } : { statusReason: reason })}
        disabled={pending.to === "rejected" && !reason.trim()}
      >
        {t("confirm")}
      </button>
      <button type="button" className="button-secondary" onClick={onCancel}>
        {t("cancel")}
      </button>
    </span>
  );
}
