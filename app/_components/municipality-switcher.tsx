"use client";
// The header's municipality switcher: the current one's name; opened, a search over all 250 시군구
// grouped by 시도. Choosing one reloads the page with `?municipality=<code>`, which the app then
// remembers for the pages that follow.
import { usePathname } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import useSWR from "swr";
import { fetchJson } from "@/lib/fetcher";
import { localName } from "@/lib/format";

type Entry = { code: string; provinceKo: string; provinceEn: string | null; nameKo: string; nameEn: string | null; accessPoints: number | null };

export function MunicipalitySwitcher({ current }: { current: { code: string | null; name: string } }) {
  const t = useTranslations("switcher");
  const locale = useLocale();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { data, error } = useSWR<{ items: Entry[] }>(open ? "/api/municipalities?sort=name" : null, fetchJson);
  const groups = useMemo(() => {
    const needle = q.replace(/\s+/g, "");
    const shown = (data?.items ?? []).filter(
      (m) => !needle || `${m.provinceKo}${m.provinceEn ?? ""}${m.nameKo}${m.nameEn ?? ""}`.replace(/\s+/g, "").toLowerCase().includes(needle.toLowerCase()),
    );
    // Grouped by 시도, each named in the page's language where it has a name in it, and both the 시도 and
    // their 시군구 in the order of that language's names ("Gwonseon-gu" before "Jangan-gu").
    const collator = new Intl.Collator(locale);
    const bySido = new Map<string, Entry[]>();
    for (const m of shown) {
      const sido = localName(locale, { nameKo: m.provinceKo, nameEn: m.provinceEn });
      bySido.set(sido, [...(bySido.get(sido) ?? []), m]);
    }
    return [...bySido.entries()]
      .sort(([a], [b]) => collator.compare(a, b))
      .map(([sido, list]) => [sido, list.sort((a, b) => collator.compare(localName(locale, a), localName(locale, b)))] as const);
  }, [data, q, locale]);
  return (
    <div className="switcher">
      <button
        ref={buttonRef}
        type="button"
        className="button-secondary switcher-button"
        aria-expanded={open}
        aria-controls="switcher-panel"
        onClick={() => setOpen(!open)}
      >
        {current.name} ▾<span className="visually-hidden"> {t("change")}</span>
      </button>
      {open ? (
        <div
          id="switcher-panel"
          className="switcher-panel"
          role="dialog"
          aria-label={t("title")}
          // Escape closes the panel and gives the focus back to the button that opened it.
          onKeyDown={(e) => {
            if (e.key !== "Escape") return;
            setOpen(false);
            buttonRef.current?.focus();
          }}
        >
          <label>
            <span>{t("search")}</span>
            <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("placeholder")} autoFocus />
          </label>
          {error ? <p className="field-error">{t("error")}</p> : !data ? <p className="muted">{t("loading")}</p> : null}
          {data && groups.length === 0 ? <p className="muted">{t("none")}</p> : null}
          <div className="switcher-list">
            {groups.map(([sido, list]) => (
              <section key={sido} aria-label={sido}>
                <h3>{sido}</h3>
                <ul>
                  {list.map((m) => (
                    <li key={m.code}>
                      <button
                        type="button"
                        className="link-button"
                        aria-current={m.code === current.code ? "true" : undefined}
                        onClick={() => window.location.assign(`${pathname}?municipality=${m.code}`)}
                      >
                        {localName(locale, m)}
                      </button>
                      {m.accessPoints ? <span className="muted small"> · {t("aps", { count: m.accessPoints })}</span> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
