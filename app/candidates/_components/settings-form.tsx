"use client";
// The planning settings a planner may change: coverage radius, score weights and the unit costs an approval uses.
import { useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import { POI_KINDS } from "@/lib/domain";
import { fetchJson, sendJson } from "@/lib/fetcher";
import { planningSettings, type PlanningSettings } from "@/lib/planning";
import { SaveError } from "../../_components/conflict-notice";
import { issuesOf } from "@/lib/validation";
import { useIssueText } from "../../_components/use-error-text";
import { useMoneyWords } from "../../_components/use-money";

const UNIT_COSTS = ["equipmentPerAp", "installationPerAp", "lineProvisionPerSite", "lineConstructionPerSite"] as const;

export function SettingsForm({ onSaved }: { onSaved: () => void }) {
  const t = useTranslations();
  const { data, mutate } = useSWR<PlanningSettings & { version: number }>("/api/settings/planning", fetchJson);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const issueText = useIssueText();
  /** The label of the field a path names, as the form shows it. */
  const labelOf = (path: string) => {
    const [group, key, kind] = path.split(".");
    if (group === "coverageRadiusM") return t("settings.radius");
    if (group === "unitCosts" && key) return t(`settings.${key as (typeof UNIT_COSTS)[number]}`);
    if (key === "poi" && kind) return t("settings.poi", { kind: t(`poiKind.${kind as "park"}`) });
    if (key === "distanceCapM") return t("settings.distanceCap");
    if (key === "residentsCap") return t("settings.residentsCap");
    if (key === "residents") return t("settings.residents");
    return t(`settings.${(key ?? "distance") as "distance" | "priority"}`);
  };
  const [saved, setSaved] = useState(false);
  if (!data) return null;

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const n = (k: string) => Number(f.get(k));
    const candidate = {
      coverageRadiusM: n("coverageRadiusM"),
      weights: {
        distance: n("distance"),
        distanceCapM: n("distanceCapM"),
        poi: Object.fromEntries(POI_KINDS.map((k) => [k, n(`poi-${k}`)])),
        priority: n("priority"),
        residents: n("residents"),
        residentsCap: n("residentsCap"),
      },
      unitCosts: Object.fromEntries(UNIT_COSTS.map((k) => [k, n(k)])),
    };
    const parsed = planningSettings.safeParse(candidate);
    setSaved(false);
    if (!parsed.success) {
      const issue = issuesOf(parsed.error, candidate)[0]!;
      return setInvalid(`${labelOf(issue.path ?? "")}: ${issueText(issue)}`);
    }
    setInvalid(null);
    setError(null);
    try {
      await sendJson("/api/settings/planning", "PUT", { version: data!.version, settings: parsed.data });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
    await mutate();
  }

  const num = (name: string, label: string, value: number, step = 1) => (
    <label key={name}>
      <span>{label}</span>
      <input name={name} type="number" min={0} step={step} defaultValue={value} />
    </label>
  );
  return (
    <details className="settings-box" data-testid="planning-settings">
      <summary>{t("settings.title")}</summary>
      <form key={data.version} className="settings-form" onSubmit={save}>
        {num("coverageRadiusM", t("settings.radius"), data.coverageRadiusM)}
        {num("distance", t("settings.distance"), data.weights.distance)}
        {num("distanceCapM", t("settings.distanceCap"), data.weights.distanceCapM)}
        {POI_KINDS.map((k) => num(`poi-${k}`, t("settings.poi", { kind: t(`poiKind.${k}`) }), data.weights.poi[k]))}
        {num("priority", t("settings.priority"), data.weights.priority)}
        {num("residents", t("settings.residents"), data.weights.residents)}
        {num("residentsCap", t("settings.residentsCap"), data.weights.residentsCap)}
        <p className="settings-note" data-testid="unit-cost-note">
          {t("settings.unitCostNote")}
        </p>
        {UNIT_COSTS.map((k) => (
          <UnitCostField key={k} name={k} label={t(`settings.${k}`)} value={data.unitCosts[k]} />
        ))}
        <div className="settings-actions">
          <button type="submit">{t("settings.save")}</button>
          {saved ? <span role="status">{t("settings.saved")}</span> : null}
        </div>
        <SaveError error={error} fields={[{ key: "coverageRadiusM", label: t("settings.radius") }]} />
        {invalid ? (
          <p className="notice notice-error" role="alert">
            {invalid}
          </p>
        ) : null}
      </form>
    </details>
  );
}

/** A unit cost in won: a number input cannot group digits, so the amount is repeated beneath it as money. */
function UnitCostField({ name, label, value }: { name: string; label: string; value: number }) {
  const money = useMoneyWords();
  const [typed, setTyped] = useState(String(value));
  const amount = typed.trim() === "" ? NaN : Number(typed);
  return (
    <label>
      <span>{label}</span>
      <input name={name} type="number" min={0} step={1000} defaultValue={value} onChange={(e) => setTyped(e.currentTarget.value)} />
      <output data-testid={`amount-${name}`}>{Number.isFinite(amount) ? money.amount(amount) : ""}</output>
    </label>
  );
}
