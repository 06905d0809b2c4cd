"use client";
// The offline base map: province and municipality outlines when zoomed out, the municipality's
// outline always, and its 읍면동 with names when zoomed in. Shipped with the app; no tile server needed.
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { PathOptions } from "leaflet";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { GeoJSON, Pane, Tooltip, useMap } from "react-leaflet";
import useSWRImmutable from "swr/immutable";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { fetchJson } from "@/lib/fetcher";
import type { Area } from "@/lib/geo";

type Named = { name: string; name_eng?: string };

// Styles as constants: react-leaflet restyles every outline of a layer whenever its style prop is a
// new object, which an inline object is on every render.
const PROVINCE_STYLE: PathOptions = { color: "#94a3b8", weight: 1.5, fill: false };
const MUNICIPALITY_STYLE: PathOptions = { color: "#cbd5e1", weight: 0.8, fill: false };
const OUTLINE_STYLE: PathOptions = { color: "#334155", weight: 2, fillColor: "#ffffff", fillOpacity: 0.6 };
const DONG_STYLE: PathOptions = { color: "#94a3b8", weight: 1, dashArray: "4 3", fill: false };

export function useTopo(url: string | null, object: string): FeatureCollection<Geometry, Named> | undefined {
  const { data } = useSWRImmutable<Topology>(url, fetchJson);
  return useMemo(() => {
    if (!data) return undefined;
    const fc = feature(data, data.objects[object]!) as FeatureCollection<Geometry, Named> | Feature<Geometry, Named>;
    return fc.type === "FeatureCollection" ? fc : { type: "FeatureCollection", features: [fc] };
  }, [data, object]);
}

/** True from the first render where `now` is true on. */
function useSticky(now: boolean): boolean {
  const [seen, setSeen] = useState(now);
  if (now && !seen) setSeen(true);
  return seen || now;
}

/** A pane inside the base pane that is hidden, not emptied, outside its zoom range. */
function ZoomPane({ name, visible, children }: { name: string; visible: boolean; children: ReactNode }) {
  const map = useMap();
  useEffect(() => {
    const pane = map.getPane(name);
    if (pane) pane.style.display = visible ? "" : "none";
  }, [map, name, visible]);
  return <Pane name={name}>{children}</Pane>;
}

export function BaseLayer({
  zoom,
  locale,
  outline,
  dongsUrl,
  attribution,
  detail,
  onLoaded,
}: {
  zoom: number;
  locale: string;
  /** The municipality's outline (null when unknown: the map then shows Korea's outlines alone). */
  outline: Area | null;
  /** Its 읍면동 with names, where the app ships them. */
  dongsUrl: string | null;
  attribution: string;
  /** False until the first data is drawn: the heavy outlines wait so they do not delay it. */
  detail: boolean;
  onLoaded: () => void;
}) {
  // The 읍면동 outlines wait for the first data too, then stay loaded.
  const dongsWanted = useSticky(detail && zoom >= 10);
  const { data: dongs } = useSWRImmutable<FeatureCollection<Geometry, Named>>(dongsWanted ? dongsUrl : null, fetchJson);
  // Province and 시군구 outlines are loaded the first time their zoom range is shown, then kept:
  // leaving the range hides their pane instead of dropping hundreds of drawn outlines, so zooming
  // back does not unpack and draw them again.
  const showProvinces = zoom <= 9;
  const showMunicipalities = zoom >= 9 && zoom <= 11;
  const provincesWanted = useSticky(detail && showProvinces);
  const municipalitiesWanted = useSticky(detail && showMunicipalities);
  const provinces = useTopo(provincesWanted ? "/geo/provinces-topo.json" : null, "skorea_provinces_2018_geo");
  // The 250 시군구 outlines are heavy to unpack: only once zoomed in past the national view.
  const municipalities = useTopo(municipalitiesWanted ? "/geo/municipalities-topo.json" : null, "skorea_municipalities_2018_geo");

  // The outline comes with the page: the base map is there as soon as Leaflet is.
  useEffect(() => {
    onLoaded();
  }, [onLoaded]);

  const name = (p: Named) => (locale === "en" && p.name_eng ? p.name_eng : p.name);
  return (
    <Pane name="base" style={{ zIndex: 250 }}>
      {provinces ? (
        <ZoomPane name="base-provinces" visible={showProvinces}>
          <GeoJSON key="provinces" data={provinces} interactive={false} style={PROVINCE_STYLE} />
        </ZoomPane>
      ) : null}
      {municipalities ? (
        <ZoomPane name="base-municipalities" visible={showMunicipalities}>
          <GeoJSON key="municipalities" data={municipalities} interactive={false} style={MUNICIPALITY_STYLE} />
        </ZoomPane>
      ) : null}
      {outline ? <GeoJSON key="outline" data={outline} interactive={false} attribution={attribution} style={OUTLINE_STYLE} /> : null}
      {dongs && zoom >= 10
        ? dongs.features.map((f, i) => (
            <GeoJSON key={`dong-${i}-${zoom >= 12}`} data={f} interactive={false} style={DONG_STYLE}>
              {zoom >= 12 ? (
                <Tooltip permanent direction="center" className="dong-label">
                  {name(f.properties)}
                </Tooltip>
              ) : null}
            </GeoJSON>
          ))
        : null}
    </Pane>
  );
}
