"use client";
// Ask for a proposal (year, budget, installers' capacity), read why each zone is in or out, pin zones
// in or out and ask again, compare with the proposal before, and accept.
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { sendJson } from "@/lib/fetcher";
import { ONE_DECIMAL } from "@/lib/format";
import type { Json } from "@/lib/contract";
import type { ProposalView } from "@/server/proposals";
import { useErrorText } from "../../../_components/use-error-text";
import { ProposalMapLoader } from "./proposal-map-loader";

type Proposal = Json<ProposalView>;

export function ProposalBoard({ years, installers }: { years: number[]; installers: { id: number; name: string }[] }) {
  const t = useTranslations("proposal");
  const tc = useTranslations();
  const format = useFormatter();
  const locale = useLocale();
  const errorText = useErrorText();
  const [year, setYear] = useState(years[0]!);
  const [budget, setBudget] = useState("20000000");
  const [capacity, setCapacity] = useState<Record<number, string>>({});
  const [pins, setPins] = useState<{ in: number[]; out: number[] }>({ in: [], out: [] });
  const [withPlaces, setWithPlaces] = useState(false);
  const [minShare, setMinShare] = useState("");
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [previous, setPrevious] = useState<Proposal | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<number[] | null>(null);
  // What the proposal on screen was asked with, for its download links.
  const [asked, setAsked] = useState<Record<string, string>>({});
  const krw = (n: number) => format.number(n, { style: "currency", currency: "KRW" });

  async function run(nextPins = pins) {
    setBusy(true);
    setError(null);
    setAccepted(null);
    try {
      const partnerCapacity = Object.fromEntries(
        Object.entries(capacity)
          .filter(([, v]) => v.trim() !== "")
          .map(([k, v]) => [k, Number(v)]),
      );
      const next = await sendJson<Proposal>("/api/plan/proposals", "POST", {
        planYear: year,
        budgetKrw: Number(budget),
        ...(Object.keys(partnerCapacity).length ? { partnerCapacity } : {}),
        ...(nextPins.in.length ? { pinnedIn: nextPins.in } : {}),
        ...(nextPins.out.length ? { pinnedOut: nextPins.out } : {}),
        ...(withPlaces ? { includePlaces: true } : {}),
        ...(minShare.trim() !== "" ? { minTargetShare: Number(minShare) / 100 } : {}),
      });
      setPrevious(proposal);
      setProposal(next);
      setAsked({
        planYear: String(year),
        budgetKrw: String(Number(budget)),
        ...(nextPins.in.length ? { pinnedIn: nextPins.in.join(",") } : {}),
        ...(nextPins.out.length ? { pinnedOut: nextPins.out.join(",") } : {}),
        ...(Object.keys(partnerCapacity).length
          ? {
              capacity: Object.entries(partnerCapacity)
                .map(([k, v]) => `${k}:${v}`)
                .join(","),
            }
          : {}),
      });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  function pin(siteId: number, where: "in" | "out" | "none") {
    const next = { in: pins.in.filter((id) => id !== siteId), out: pins.out.filter((id) => id !== siteId) };
    if (where !== "none") next[where].push(siteId);
    setPins(next);
    void run(next);
  }

  async function accept() {
    if (!proposal) return;
    setBusy(true);
    setError(null);
    try {
      const res = await sendJson<{ approved: number[] }>("/api/plan/proposals/accept", "POST", {
        planYear: proposal.planYear,
        siteIds: proposal.chosen.map((c) => c.siteId),
      });
      setAccepted(res.approved);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const places = (ps: { kind: string; count: number }[]) => ps.map((p) => `${tc(`poiKind.${p.kind}`)} ${p.count}`).join(", ") || "—";
  return (
    <>
      <form
        className="filters"
        data-testid="proposal-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          <span>{t("year")}</span>
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("budget")}</span>
          <input type="number" min={0} step={100000} value={budget} onChange={(e) => setBudget(e.target.value)} required />
        </label>
        {installers.map((p) => (
          <label key={p.id}>
            <span>{t("capacity", { partner: p.name })}</span>
            <input
              type="number"
              min={0}
              placeholder={t("noLimit")}
              value={capacity[p.id] ?? ""}
              onChange={(e) => setCapacity({ ...capacity, [p.id]: e.target.value })}
            />
          </label>
        ))}
        <label>
          <span>{t("minShare")}</span>
          <input type="number" min={0} max={100} placeholder={t("noMinimum")} value={minShare} onChange={(e) => setMinShare(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={withPlaces} onChange={(e) => setWithPlaces(e.target.checked)} />
          <span>{t("withPlaces")}</span>
        </label>
        <button type="submit" disabled={busy}>
          {t("run")}
        </button>
      </form>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {busy ? <p role="status">{t("working")}</p> : null}
      {proposal ? (
        <section data-testid="proposal" aria-labelledby="proposal-h">
          <h2 id="proposal-h">{t("result", { year: proposal.planYear, budget: krw(proposal.budgetKrw) })}</h2>
          <dl className="stat-cards" data-testid="proposal-totals">
            <div>
              <dt>{t("zones")}</dt>
              <dd>{format.number(proposal.chosen.length)}</dd>
            </div>
            <div>
              <dt>{t("cost")}</dt>
              <dd>{krw(proposal.totals.costKrw)}</dd>
            </div>
            <div>
              <dt>{t("residents")}</dt>
              <dd>{format.number(proposal.totals.residentsCovered)}</dd>
            </div>
            <div>
              <dt>{t("placesCovered")}</dt>
              <dd>{format.number(proposal.totals.places.reduce((n, p) => n + p.count, 0))}</dd>
            </div>
            <div>
              <dt>{t("gain")}</dt>
              <dd>{format.number(proposal.totals.gain, ONE_DECIMAL)}</dd>
            </div>
            <div>
              <dt>{t("inTargets")}</dt>
              <dd>
                {format.number(proposal.totals.inTargets)} ({format.number(proposal.targetShare.share, { style: "percent", maximumFractionDigits: 0 })})
              </dd>
            </div>
          </dl>
          <p className="muted small">
            {t(`rule.${proposal.rule}`)} {t("guarantee", { bound: format.number(proposal.guarantee, { style: "percent", maximumFractionDigits: 1 }) })}{" "}
            {t("assumptions", {
              equipment: krw(proposal.unitCosts.equipmentPerAp),
              installation: krw(proposal.unitCosts.installationPerAp),
              provision: krw(proposal.unitCosts.lineProvisionPerSite),
              construction: krw(proposal.unitCosts.lineConstructionPerSite),
            })}
          </p>
          <p className="small" data-testid="proposal-year-targets">
            {t("reachZones", {
              planned: proposal.yearTargets.zones.planned,
              proposed: proposal.yearTargets.zones.proposed,
              total: proposal.yearTargets.zones.planned + proposal.yearTargets.zones.proposed,
              target: proposal.yearTargets.zones.target === null ? t("noTarget") : format.number(proposal.yearTargets.zones.target),
            })}{" "}
            {t("reachAps", {
              planned: proposal.yearTargets.accessPoints.planned,
              proposed: proposal.yearTargets.accessPoints.proposed,
              total: proposal.yearTargets.accessPoints.planned + proposal.yearTargets.accessPoints.proposed,
              target: proposal.yearTargets.accessPoints.target === null ? t("noTarget") : format.number(proposal.yearTargets.accessPoints.target),
            })}
          </p>
          {proposal.targetShare.min !== null ? (
            <p className={proposal.targetShare.met ? "small" : "notice notice-error"} data-testid="proposal-target-share">
              {proposal.targetShare.met
                ? t("shareMet", {
                    min: format.number(proposal.targetShare.min, { style: "percent", maximumFractionDigits: 0 }),
                    swapped: proposal.targetShare.swapped,
                  })
                : t("shareUnmet", { min: format.number(proposal.targetShare.min, { style: "percent", maximumFractionDigits: 0 }) })}
            </p>
          ) : null}
          <ul className="small" data-testid="proposal-partners">
            {proposal.totals.costByPayer.map((p) => (
              <li key={`pay-${p.partnerId}`}>{t("pays", { partner: p.partner?.nameKo ?? "—", amount: krw(p.costKrw) })}</li>
            ))}
            {proposal.totals.apsByInstaller.map((p) => (
              <li key={`inst-${p.partnerId}`}>
                {p.capacity === null
                  ? t("installs", { partner: p.partner?.nameKo ?? "—", aps: p.aps })
                  : t("installsOf", { partner: p.partner?.nameKo ?? "—", aps: p.aps, capacity: p.capacity })}
              </li>
            ))}
          </ul>
          <ProposalMapLoader
            attribution={tc("map.boundaryAttribution")}
            markers={[
              ...proposal.chosen.map((c) => ({ siteId: c.siteId, name: c.name, lat: c.lat, lng: c.lng, order: c.order, label: `${c.order}. ${c.name}` })),
              ...proposal.left.map((l) => ({
                siteId: l.siteId,
                name: l.name,
                lat: l.lat,
                lng: l.lng,
                order: null,
                label: `${l.name} · ${t(`left.${l.why}`)}`,
              })),
            ]}
          />
          <CurveChart curve={proposal.curve} budget={proposal.budgetKrw} gain={proposal.totals.gain} title={t("curve")} krw={krw} />
          <h3>{t("chosenTitle", { count: proposal.chosen.length })}</h3>
          {proposal.chosen.length === 0 ? (
            <p className="notice">{t("noneChosen")}</p>
          ) : (
            <div className="table-wrap">
              <table className="data" data-testid="proposal-chosen">
                <thead>
                  <tr>
                    <th className="num">{t("order")}</th>
                    <th>{t("zone")}</th>
                    <th>{t("dong")}</th>
                    <th>{t("places")}</th>
                    <th className="num">{t("zoneCost")}</th>
                    <th className="num">{t("zoneGain")}</th>
                    <th>{t("pin")}</th>
                  </tr>
                </thead>
                <tbody>
                  {proposal.chosen.map((c) => (
                    <tr key={c.siteId}>
                      <td className="num">{c.order}</td>
                      <td>
                        <ZoneName id={c.siteId} name={c.name} /> {c.pinned ? <span className="badge">{t("pinned")}</span> : null}
                        {c.why.fromPlace ? <span className="badge badge-estimate">{t("newPlace", { aps: proposal.placeAps })}</span> : null}
                        {c.why.target ? <span className="badge badge-active">{t("target")}</span> : null}
                      </td>
                      <td>{c.why.dong ? t("dongVoters", { dong: c.why.dong, voters: c.why.voters ?? 0 }) : "—"}</td>
                      <td>{places(c.why.places)}</td>
                      <td className="num">{krw(c.costKrw)}</td>
                      <td className="num">{format.number(c.gain, ONE_DECIMAL)}</td>
                      <td>
                        <button type="button" className="button-secondary" disabled={busy} onClick={() => pin(c.siteId, c.pinned ? "none" : "out")}>
                          {c.pinned ? t("unpin") : t("pinOut")}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>{t("leftTitle", { count: proposal.left.length })}</h3>
          {proposal.left.length === 0 ? null : (
            <div className="table-wrap">
              <table className="data" data-testid="proposal-left">
                <thead>
                  <tr>
                    <th>{t("zone")}</th>
                    <th>{t("why")}</th>
                    <th className="num">{t("zoneCost")}</th>
                    <th className="num">{t("zoneGain")}</th>
                    <th>{t("pin")}</th>
                  </tr>
                </thead>
                <tbody>
                  {proposal.left.map((l) => (
                    <tr key={l.siteId}>
                      <td>
                        <ZoneName id={l.siteId} name={l.name} />
                      </td>
                      <td>{t(`left.${l.why}`)}</td>
                      <td className="num">{krw(l.costKrw)}</td>
                      <td className="num">{format.number(l.gain, ONE_DECIMAL)}</td>
                      <td>
                        <button
                          type="button"
                          className="button-secondary"
                          disabled={busy}
                          onClick={() => pin(l.siteId, l.why === "pinned_out" ? "none" : "in")}
                        >
                          {l.why === "pinned_out" ? t("unpin") : t("pinIn")}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {previous ? <Compare before={previous} after={proposal} krw={krw} /> : null}
          <p className="export-links small" data-testid="proposal-downloads">
            {t("download")}:{" "}
            {(["pdf", "xlsx"] as const).map((format, i) => (
              <span key={format}>
                {i > 0 ? " · " : ""}
                <a href={`/api/plan/proposals/export?${new URLSearchParams({ format, locale, ...asked })}`} download>
                  {tc(`downloads.${format}`)}
                </a>
              </span>
            ))}
          </p>
          <p>
            <button
              type="button"
              onClick={() => void accept()}
              disabled={busy || proposal.chosen.length === 0 || accepted !== null}
              data-testid="proposal-accept"
            >
              {t("accept", { count: proposal.chosen.length, year: proposal.planYear })}
            </button>
          </p>
          {accepted ? (
            <p className="notice" role="status" data-testid="proposal-accepted">
              {t("accepted", { count: accepted.length, year: proposal.planYear })} <Link href={`/work-items?year=${proposal.planYear}`}>{t("toMatrix")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** A zone's name, linked to its page; a place proposed as a new zone has none yet. */
function ZoneName({ id, name }: { id: number; name: string }) {
  return id > 0 ? <Link href={`/sites/${id}`}>{name}</Link> : <span>{name}</span>;
}

/** This proposal beside the one before it: totals, and which zones came in and went out. */
function Compare({ before, after, krw }: { before: Proposal; after: Proposal; krw: (n: number) => string }) {
  const t = useTranslations("proposal");
  const format = useFormatter();
  const ids = (p: Proposal) => new Set(p.chosen.map((c) => c.siteId));
  const [b, a] = [ids(before), ids(after)];
  const came = after.chosen.filter((c) => !b.has(c.siteId)).map((c) => c.name);
  const went = before.chosen.filter((c) => !a.has(c.siteId)).map((c) => c.name);
  const row = (label: string, x: string, y: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{x}</td>
      <td className="num">{y}</td>
    </tr>
  );
  return (
    <div className="table-wrap">
      <table className="data" data-testid="proposal-compare">
        <caption>{t("compare")}</caption>
        <thead>
          <tr>
            <th />
            <th className="num">{t("before")}</th>
            <th className="num">{t("now")}</th>
          </tr>
        </thead>
        <tbody>
          {row(t("zones"), format.number(before.chosen.length), format.number(after.chosen.length))}
          {row(t("cost"), krw(before.totals.costKrw), krw(after.totals.costKrw))}
          {row(t("residents"), format.number(before.totals.residentsCovered), format.number(after.totals.residentsCovered))}
          {row(t("gain"), format.number(before.totals.gain, ONE_DECIMAL), format.number(after.totals.gain, ONE_DECIMAL))}
        </tbody>
      </table>
      <p className="small">
        {t("cameIn")}: {came.join(", ") || "—"} · {t("wentOut")}: {went.join(", ") || "—"}
      </p>
    </div>
  );
}

/** Coverage gained against the budget, ₩0 to twice the budget, with the chosen budget marked (SVG, no script). */
function CurveChart({
  curve,
  budget,
  gain,
  title,
  krw,
}: {
  curve: { budgetKrw: number; gain: number }[];
  budget: number;
  gain: number;
  title: string;
  krw: (n: number) => string;
}) {
  const w = 480;
  const h = 180;
  const pad = { l: 44, r: 12, t: 12, b: 28 };
  const maxX = Math.max(1, curve.at(-1)?.budgetKrw ?? 1);
  const maxY = Math.max(1, gain, ...curve.map((c) => c.gain));
  const x = (v: number) => pad.l + (v / maxX) * (w - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - v / maxY) * (h - pad.t - pad.b);
  const path = curve.map((c, i) => `${i ? "L" : "M"}${x(c.budgetKrw).toFixed(1)},${y(c.gain).toFixed(1)}`).join(" ");
  return (
    <figure className="plan-chart" data-testid="proposal-curve">
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} style={{ maxWidth: "100%", height: "auto" }} role="img" aria-label={title}>
        <title>{title}</title>
        <line x1={pad.l} y1={h - pad.b} x2={w - pad.r} y2={h - pad.b} stroke="#94a3b8" />
        <line x1={pad.l} y1={pad.t} x2={pad.l} y2={h - pad.b} stroke="#94a3b8" />
        <path d={path} fill="none" stroke="#0f766e" strokeWidth={2} />
        <line x1={x(budget)} y1={pad.t} x2={x(budget)} y2={h - pad.b} stroke="#b45309" strokeDasharray="4 3" />
        <circle cx={x(budget)} cy={y(gain)} r={4} fill="#b45309" />
        <text x={pad.l} y={h - 8} className="small">
          {krw(0)}
        </text>
        <text x={w - pad.r} y={h - 8} textAnchor="end" className="small">
          {krw(maxX)}
        </text>
        <text x={x(budget)} y={h - 8} textAnchor="middle" className="small">
          {krw(budget)}
        </text>
        <text x={pad.l - 4} y={pad.t + 8} textAnchor="end" className="small">
          {Math.round(maxY)}
        </text>
      </svg>
      <figcaption className="small muted">{title}</figcaption>
    </figure>
  );
}
