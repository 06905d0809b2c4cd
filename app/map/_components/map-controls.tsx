"use client";
// The map's left panel: search, filters, layer switches with their legend, counts of what is in view,
// and keyboard-reachable lists of the zones and bus operators.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { memo } from "react";
import { AP_STATUSES, PROVENANCES, SITE_CATEGORIES, SITE_SOURCES, type SiteSource } from "@/lib/domain";
import { localName } from "@/lib/format";
import { LAYERS, type LayerId, type MapState } from "@/lib/map-state";
import type { ApPointProps, DongDemand, MapFeatures, OperatorSummary, ZoneMarker } from "@/lib/map-types";
import type { PartnerOption } from "./map-screen";
import { MapLegend } from "./map-legend";
import { hrefWith } from "@/lib/url";
import type { Unplaced } from "@/server/map";

const ZONE_LIST_MAX = 50;

// Memoised: panning the map re-renders the screen, and this panel has nothing new to show then.
export const MapControls = memo(function MapControls({
  state,
  update,
  partners,
  years,
  features,
  zoneCount,
  zonesTruncated,
  zones,
  operators,
  onSelectZone,
  onSelectOperator,
  hasTiles,
  adding,
  onToggleAdding,
  unplaced,
  municipalityName,
  residents,
}: {
  state: MapState;
  update: (change: Partial<MapState>) => void;
  partners: PartnerOption[];
  years: number[];
  features: MapFeatures | undefined;
  /** Null while the view's zones are loading. */
  zoneCount: number | null;
  zonesTruncated: boolean;
  zones: ZoneMarker[];
  operators: OperatorSummary[];
  onSelectZone: (id: number) => void;
  onSelectOperator: (id: number) => void;
  hasTiles: boolean;
  /** Whether "add candidate" mode is on; null when the user may not add candidates. */
  adding: boolean | null;
  onToggleAdding: () => void;
  /** What of the municipality the map cannot draw as points, and its name. */
  unplaced: Unplaced;
  municipalityName: string;
  residents: { dongs: DongDemand[]; breaks: number[] };
}) {
  const t = useTranslations("map");
  const tk = useTranslations();
  const locale = useLocale();

  const select = (
    name: string,
    label: string,
    value: string | undefined,
    options: { value: string; label: string }[],
    apply: (v: string | undefined) => Partial<MapState>,
  ) => (
    <label className="map-field">
      <span>{label}</span>
      <select name={name} value={value ?? ""} onChange={(e) => update({ ...apply(e.target.value || undefined), selected: undefined })}>
        <option value="">{t("all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  const toggle = (layer: LayerId) => update({ layers: state.layers.includes(layer) ? state.layers.filter((l) => l !== layer) : [...state.layers, layer] });

  const layers = LAYERS.filter((l) => l !== "tiles" || hasTiles);

  // Every count says what it counts: the program's and the rest of the inventory, or the one the filter keeps.
  const split = (items: { source: SiteSource }[]) => {
    if (state.source) return ` · ${tk(`siteSource.${state.source}`)}`;
    const program = items.filter((i) => i.source === "program").length;
    return ` · ${t("split", { program, other: items.length - program })}`;
  };
  const apPoints = features?.mode === "points" ? features.features.map((f) => f.properties as ApPointProps) : null;
  const placeless = unplaced.zones.program + unplaced.zones.other + unplaced.busAps > 0;

  return (
    <aside className="map-controls" aria-label={t("controls")}>
      <form
        role="search"
        className="map-search"
        onSubmit={(e) => {
          e.preventDefault();
          const q = String(new FormData(e.currentTarget).get("q") ?? "").trim();
          update({ q: q || undefined, selected: undefined });
        }}
      >
        <label className="map-field">
          <span>{t("search")}</span>
          <input key={state.q ?? ""} type="search" name="q" defaultValue={state.q ?? ""} placeholder={t("searchPlaceholder")} />
        </label>
        <button type="submit">{t("searchButton")}</button>
      </form>

      {adding !== null ? (
        <button type="button" className={adding ? undefined : "button-secondary"} aria-pressed={adding} onClick={onToggleAdding} data-testid="add-candidate">
          {adding ? t("addCandidateEnd") : t("addCandidate")}
        </button>
      ) : null}
      <p className="map-count" data-testid="ap-count" data-total={features?.total ?? ""} aria-live="polite">
        {features
          ? features.mode === "clusters"
            ? `${t("apCountClustered", { count: features.total })}${state.source ? split([]) : ` · ${t("allSources")}`}`
            : `${t("apCount", { count: features.total })}${split(apPoints ?? [])}`
          : "\u00a0"}
      </p>
      {features && features.total === 0 ? <p className="notice">{t("empty")}</p> : null}
      <p className="map-count" data-testid="zone-count">
        {/* With both zone layers off there is nothing counted: say so rather than "0". */}
        {!state.layers.includes("zones") && !state.layers.includes("candidates")
          ? t("zonesOff")
          : zoneCount === null
            ? "\u00a0"
            : zonesTruncated
              ? t("zoneCountOver", { count: zoneCount })
              : `${t("zoneCount", { count: zoneCount })}${split(zones)}`}
      </p>
      {zonesTruncated && zoneCount !== null ? <p className="notice">{t("tooMany", { count: zoneCount })}</p> : null}
      {placeless ? (
        <div className="map-unplaced small" data-testid="map-unplaced">
          <p className="muted">{t("unplacedTitle", { municipality: municipalityName })}</p>
          <ul>
            {unplaced.zones.program ? (
              <li>
                <Link href="/sites?source=program">{t("unplacedProgram", { zones: unplaced.zones.program, aps: unplaced.zoneAps.program })}</Link>
              </li>
            ) : null}
            {unplaced.zones.other ? (
              <li>
                <Link href="/sites?source=other">{t("unplacedOther", { zones: unplaced.zones.other, aps: unplaced.zoneAps.other })}</Link>
              </li>
            ) : null}
            {unplaced.busAps ? (
              <li>
                <Link href="/buses">{t("unplacedBuses", { count: unplaced.busAps })}</Link>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}

      <fieldset>
        <legend>{t("filters")}</legend>
        {select(
          "year",
          t("year"),
          state.year?.toString(),
          years.map((y) => ({ value: String(y), label: String(y) })),
          (v) => ({ year: v ? Number(v) : undefined }),
        )}
        {select(
          "status",
          t("status"),
          state.status,
          AP_STATUSES.map((s) => ({ value: s, label: tk(`apStatus.${s}`) })),
          (v) => ({ status: v as MapState["status"] }),
        )}
        {select(
          "category",
          t("category"),
          state.category,
          SITE_CATEGORIES.map((c) => ({ value: c, label: tk(`category.${c}`) })),
          (v) => ({ category: v as MapState["category"] }),
        )}
        {select(
          "partner",
          t("partner"),
          state.partner?.toString(),
          partners.map((p) => ({ value: String(p.id), label: localName(locale, p) })),
          (v) => ({ partner: v ? Number(v) : undefined }),
        )}
        {select(
          "source",
          t("source"),
          state.source,
          SITE_SOURCES.map((v) => ({ value: v, label: tk(`siteSource.${v}`) })),
          (v) => ({ source: v as MapState["source"] }),
        )}
        {select(
          "provenance",
          t("provenance"),
          state.provenance,
          PROVENANCES.map((p) => ({ value: p, label: tk(`provenance.${p}`) })),
          (v) => ({ provenance: v as MapState["provenance"] }),
        )}
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            update({
              year: undefined,
              status: undefined,
              category: undefined,
              partner: undefined,
              provenance: undefined,
              source: undefined,
              q: undefined,
              selected: undefined,
            })
          }
        >
          {t("reset")}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t("layers")}</legend>
        {layers.map((l) => (
          <label key={l} className="map-toggle">
            <input type="checkbox" checked={state.layers.includes(l)} onChange={() => toggle(l)} />
            <span>{t(`layer.${l}`)}</span>
          </label>
        ))}
        {state.layers.includes("coverage") ? (
          <label className="map-field">
            <span>{t("radius")}</span>
            <input
              type="number"
              min={10}
              max={1000}
              step={10}
              value={state.radius}
              onChange={(e) => {
                const r = Number(e.target.value);
                if (Number.isInteger(r) && r >= 10 && r <= 1000) update({ radius: r });
              }}
            />
          </label>
        ) : null}
        {state.layers.includes("coverage") && features?.mode === "clusters" ? <p className="muted small">{t("coverageHint")}</p> : null}
      </fieldset>

      <p className="export-links small" data-testid="export-access-points">
        {tk("downloads.download")} · {tk("downloads.whatAccessPoints")}:{" "}
        {(["csv", "geojson"] as const).map((format, i) => (
          <span key={format}>
            {i > 0 ? " · " : ""}
            <a
              href={hrefWith(
                "/api/exports/access-points",
                {},
                { format, locale, year: state.year, status: state.status, category: state.category, source: state.source },
              )}
              download
            >
              {tk(`downloads.${format}`)}
            </a>
          </span>
        ))}
      </p>

      <MapLegend state={state} zones={zones} residents={residents} />

      {operators.length ? (
        <section aria-labelledby="operators-h">
          <h2 id="operators-h">{t("operators")}</h2>
          <ul className="map-list">
            {operators.map((o) => (
              <li key={o.id}>
                <button type="button" className="link-button" onClick={() => onSelectOperator(o.id)}>
                  {o.name}
                </button>
                <span className="muted small">
                  {" "}
                  {t("operatorCounts", { buses: o.buses, aps: o.accessPoints })}
                  {o.depotLat === null ? ` · ${t("depotUnknown")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {zones.length ? (
        <section aria-labelledby="zones-h">
          <h2 id="zones-h">{t("zonesInView")}</h2>
          <ul className="map-list">
            {zones.slice(0, ZONE_LIST_MAX).map((z) => (
              <li key={z.id}>
                <button type="button" className="link-button" onClick={() => onSelectZone(z.id)}>
                  {z.name}
                </button>
                <span className="muted small"> · {tk(`category.${z.category}`)}</span>
              </li>
            ))}
            {zones.length > ZONE_LIST_MAX ? <li className="muted small">{t("moreZones", { count: zones.length - ZONE_LIST_MAX })}</li> : null}
          </ul>
        </section>
      ) : null}
    </aside>
  );
});
