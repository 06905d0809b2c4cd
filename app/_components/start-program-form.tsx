"use client";
// Starts a program in a municipality that has none: name, years, MOU date, and the partners with
// their roles (prefilled with the municipality funding the work and a telecom doing it).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PARTNER_KINDS, WORK_KINDS, type PartnerKind, type WorkKind } from "@/lib/domain";
import { sendJson } from "@/lib/fetcher";
import { SaveError } from "./conflict-notice";

type PartnerRow = { key: number; nameKo: string; kind: PartnerKind; roles: WorkKind[] };

export function StartProgramForm({ municipalityName, year }: { municipalityName: string; year: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [partners, setPartners] = useState<PartnerRow[]>([
    { key: 1, nameKo: municipalityName, kind: "city", roles: ["funding"] },
    { key: 2, nameKo: "", kind: "telecom", roles: ["equipment_purchase", "installation"] },
  ]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const change = (key: number, patch: Partial<PartnerRow>) => setPartners((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? "").trim();
    setError(null);
    setBusy(true);
    try {
      await sendJson("/api/programs", "POST", {
        nameKo: text("nameKo"),
        ...(text("nameEn") ? { nameEn: text("nameEn") } : {}),
        startYear: Number(text("startYear")),
        endYear: Number(text("endYear")),
        ...(text("mouDate") ? { mouDate: text("mouDate") } : {}),
        partners: partners.map(({ nameKo, kind, roles }) => ({ nameKo: nameKo.trim(), kind, roles })),
      });
      router.refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="start-program" onSubmit={submit} data-testid="start-program">
      <h2>{t("startProgram.title")}</h2>
      <p className="muted small">{t("startProgram.intro")}</p>
      <SaveError error={error} fields={[]} />
      <label>
        <span>{t("startProgram.name")}</span>
        <input name="nameKo" required maxLength={200} defaultValue={t("startProgram.defaultName", { municipality: municipalityName })} />
      </label>
      <label>
        <span>{t("startProgram.nameEn")}</span>
        <input name="nameEn" maxLength={200} />
      </label>
      <div className="start-program-years">
        <label>
          <span>{t("startProgram.startYear")}</span>
          <input name="startYear" type="number" required min={2000} max={2100} defaultValue={year} />
        </label>
        <label>
          <span>{t("startProgram.endYear")}</span>
          <input name="endYear" type="number" required min={2000} max={2100} defaultValue={year + 2} />
        </label>
        <label>
          <span>{t("startProgram.mouDate")}</span>
          <input name="mouDate" type="date" />
        </label>
      </div>
      <fieldset>
        <legend>{t("startProgram.partners")}</legend>
        {partners.map((p, i) => (
          <div key={p.key} className="start-program-partner" data-testid={`partner-row-${i}`}>
            <label>
              <span>{t("startProgram.partnerName")}</span>
              <input value={p.nameKo} required maxLength={100} onChange={(e) => change(p.key, { nameKo: e.target.value })} />
            </label>
            <label>
              <span>{t("startProgram.partnerKind")}</span>
              <select value={p.kind} onChange={(e) => change(p.key, { kind: e.target.value as PartnerKind })}>
                {PARTNER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`partnerKind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="roles">
              <legend>{t("startProgram.roles")}</legend>
              {WORK_KINDS.map((k) => (
                <label key={k} className="inline">
                  <input
                    type="checkbox"
                    checked={p.roles.includes(k)}
                    onChange={(e) => change(p.key, { roles: e.target.checked ? [...p.roles, k] : p.roles.filter((r) => r !== k) })}
                  />{" "}
                  {t(`workKind.${k}`)}
                </label>
              ))}
            </fieldset>
            {partners.length > 1 ? (
              <button type="button" className="button-secondary" onClick={() => setPartners((list) => list.filter((x) => x.key !== p.key))}>
                {t("startProgram.removePartner")}
              </button>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          className="button-secondary"
          onClick={() => setPartners((list) => [...list, { key: Math.max(...list.map((x) => x.key)) + 1, nameKo: "", kind: "cable_operator", roles: [] }])}
        >
          {t("startProgram.addPartner")}
        </button>
      </fieldset>
      <button type="submit" disabled={busy}>
        {busy ? t("startProgram.saving") : t("startProgram.submit")}
      </button>
    </form>
  );
}
