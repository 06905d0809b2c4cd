"use client";
// Target editing for a plan year still being planned, and adding the next plan year (planners).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SITE_CATEGORIES, type SiteCategory } from "@/lib/domain";
import { sendJson } from "@/lib/fetcher";
import { conflictOf, SaveError } from "../../_components/conflict-notice";
import { useErrorText } from "../../_components/use-error-text";

type Targets = {
  year: number;
  version: number;
  buses: number | null;
  zones: number | null;
  accessPoints: number | null;
  budgetKrw: number | null;
  categories: SiteCategory[];
};

export function YearEditor({ target }: { target: Targets }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const n = (k: string) => (form.get(k) === "" ? null : Number(form.get(k)));
    setError(null);
    try {
      await sendJson(`/api/plan/years/${target.year}`, "PATCH", {
        version: target.version,
        targetBuses: n("buses"),
        targetZones: n("zones"),
        targetAccessPoints: n("accessPoints"),
        targetBudgetKrw: n("budgetKrw"),
        targetCategories: form.getAll("categories"),
      });
      setMessage(t("plan.saved", { year: target.year }));
      setOpen(false);
      router.refresh();
    } catch (err) {
      setError(err);
      if (conflictOf(err)) router.refresh();
    }
  }

  if (!open) {
    return (
      <>
        {message ? <span role="status">{message} </span> : null}
        <button type="button" className="button-secondary" onClick={() => setOpen(true)} data-testid={`edit-${target.year}`}>
          {t("plan.edit")}
        </button>
      </>
    );
  }
  return (
    <form className="stack-form year-editor" onSubmit={save} data-testid={`year-form-${target.year}`}>
      <SaveError
        error={error}
        fields={[
          { key: "targetZones", label: t("overview.zones") },
          { key: "targetAccessPoints", label: t("overview.accessPoints") },
        ]}
      />
      <label>
        <span>{t("overview.buses")}</span>
        <input name="buses" type="number" min={0} defaultValue={target.buses ?? ""} />
      </label>
      <label>
        <span>{t("overview.zones")}</span>
        <input name="zones" type="number" min={0} defaultValue={target.zones ?? ""} />
      </label>
      <label>
        <span>{t("overview.accessPoints")}</span>
        <input name="accessPoints" type="number" min={0} defaultValue={target.accessPoints ?? ""} />
      </label>
      <label>
        <span>{t("plan.targetBudget")}</span>
        <input name="budgetKrw" type="number" min={0} step={1000} defaultValue={target.budgetKrw ?? ""} />
      </label>
      <fieldset>
        <legend>{t("plan.categories")}</legend>
        {SITE_CATEGORIES.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" name="categories" value={c} defaultChecked={target.categories.includes(c)} /> {t(`category.${c}`)}
          </label>
        ))}
      </fieldset>
      <span>
        <button type="submit">{t("plan.save")}</button>{" "}
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          {t("candidates.cancel")}
        </button>
      </span>
    </form>
  );
}

export function AddYearButton({ next }: { next: number }) {
  const t = useTranslations("plan");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        data-testid="add-year"
        onClick={async () => {
          try {
            await sendJson("/api/plan/years", "POST", {});
            router.refresh();
          } catch (err) {
            setError(errorText(err));
          }
        }}
      >
        {t("addYear", { year: next })}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
