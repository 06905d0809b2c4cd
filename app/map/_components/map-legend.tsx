"use client";
// The map's legend: every colour and shape the layers draw (lib/map-style), each swatch carrying
// the colour it stands for (`data-colour`), so a test can check the map draws nothing unexplained.
// Zone colours are listed for the categories of the zones in view.
import { useFormatter, useTranslations } from "next-intl";
import { classRanges, colourOf, NO_AP_COLOUR } from "@/lib/choropleth";
import { AP_STATUSES, POI_KINDS, SITE_CATEGORIES } from "@/lib/domain";
import type { MapState } from "@/lib/map-state";
import { AP_STATUS_COLOURS, CATEGORY_COLOURS, CLUSTER_COLOUR, COVERAGE_COLOUR, GAP_COLOUR, OUTSIDE_COLOUR, POI_COLOURS, ROUTE_COLOUR } from "@/lib/map-style";
import type { DongDemand, ZoneMarker } from "@/lib/map-types";

type Props = { state: MapState; zones: ZoneMarker[]; residents: { dongs: DongDemand[]; breaks: number[] } };

export function MapLegend({ state, zones, residents }: Props) {
  const format = useFormatter();
  const ranges = classRanges(
    residents.dongs.map((d) => d.votersPerActiveAp),
    residents.breaks,
  );
  const t = useTranslations("map");
  const tk = useTranslations();
  const on = (l: MapState["layers"][number]) => state.layers.includes(l);
  const categories = SITE_CATEGORIES.filter((c) => zones.some((z) => z.category === c));
  return (
    <details className="map-legend" open data-testid="map-legend">
      <summary>{t("legend")}</summary>
      {on("aps") ? (
        <>
          <h3>{t("legendAps")}</h3>
          <ul>
            {AP_STATUSES.map((s) => (
              <li key={s}>
                <span className="swatch" data-colour={AP_STATUS_COLOURS[s]} style={{ background: AP_STATUS_COLOURS[s], borderColor: AP_STATUS_COLOURS[s] }} />{" "}
                {tk(`apStatus.${s}`)}
              </li>
            ))}
            <li>
              <span className="swatch swatch-estimated" /> {t("estimated")}
            </li>
            <li>
              <span className="swatch swatch-cluster" data-colour={CLUSTER_COLOUR}>
                12
              </span>{" "}
              {t("cluster", { count: 12 })}
            </li>
          </ul>
        </>
      ) : null}
      {on("zones") || on("candidates") ? (
        <>
          <h3>{t("legendZones")}</h3>
          <ul>
            <li>
              <span className="swatch swatch-zone">3</span> {t("programZone")}
            </li>
            <li>
              <span className="swatch swatch-zone swatch-other">1</span> {t("otherZone")}
            </li>
            {on("candidates") ? (
              <li>
                <span className="swatch swatch-zone swatch-planning">3</span> {t("planningZone")}
              </li>
            ) : null}
            <li className="muted small">{t("compactZones")}</li>
          </ul>
          {categories.length ? (
            <>
              <h3>{t("legendCategories")}</h3>
              <ul data-testid="legend-categories">
                {categories.map((c) => (
                  <li key={c}>
                    <span
                      className="swatch swatch-square"
                      data-colour={CATEGORY_COLOURS[c]}
                      style={{ background: CATEGORY_COLOURS[c], borderColor: CATEGORY_COLOURS[c] }}
                    />{" "}
                    {tk(`category.${c}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
      <ul>
        <li>
          <span className="swatch swatch-outside" data-colour={OUTSIDE_COLOUR} /> {t("outsideLegend")}
        </li>
        {on("buses") ? (
          <>
            <li>
              <span className="swatch swatch-depot">🚌 3</span> {t("depotLegend")}
            </li>
            <li>
              <span className="swatch swatch-line" data-colour={ROUTE_COLOUR} style={{ background: ROUTE_COLOUR }} /> {t("routeLegend")}
            </li>
          </>
        ) : null}
        {on("pois")
          ? POI_KINDS.map((k) => (
              <li key={k}>
                <span className="swatch swatch-poi" data-colour={POI_COLOURS[k]} style={{ background: POI_COLOURS[k] }}>
                  {tk(`poiLetter.${k}`)}
                </span>{" "}
                {tk(`poiKind.${k}`)}
              </li>
            ))
          : null}
        {on("gaps") ? (
          <li>
            <span className="swatch" data-colour={GAP_COLOUR} style={{ background: "#fff", borderColor: GAP_COLOUR }} /> {t("gapLegend")}
          </li>
        ) : null}
        {on("residents") ? (
          <li>
            <strong>{t("residentsLegend")}</strong>
            <ul data-testid="legend-residents">
              {ranges.map(([from, to], i) => (
                <li key={i}>
                  <span
                    className="swatch swatch-square"
                    data-colour={colourOf(i, residents.breaks.length)}
                    style={{ background: colourOf(i, residents.breaks.length) }}
                  />{" "}
                  {from === to ? format.number(to) : `${format.number(from)} – ${format.number(to)}`}
                </li>
              ))}
              <li>
                <span className="swatch swatch-square" data-colour={NO_AP_COLOUR} style={{ background: NO_AP_COLOUR }} /> {t("residentsNoAp")}
              </li>
            </ul>
            <span className="muted small">{t("residentsNote")}</span>
          </li>
        ) : null}
        {on("coverage") ? (
          <li>
            <span className="swatch" data-colour={COVERAGE_COLOUR} style={{ background: COVERAGE_COLOUR, opacity: 0.3 }} /> {t("layer.coverage")} (
            {state.radius} m)
          </li>
        ) : null}
      </ul>
      <p className="muted small">{t("boundaryAttribution")}</p>
    </details>
  );
}
