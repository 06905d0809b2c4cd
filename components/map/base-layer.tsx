"use client";
// The offline base map: province and municipality outlines when zoomed out, the municipality's
// outline always, and its 읍면동 with names when zoomed in. Shipped with the app; no tile server needed.
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useEffect, useMemo } from "react";
import { GeoJSON, Pane, Tooltip } from "react-leaflet";
import useSWRImmutable from "swr/immutable";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { fetchJson } from "@/lib/fetcher";
import { OUTLINE_URL } from "@/lib/map-style";

type Named = { name: string; name_eng?: string };

function useTopo(url: string | null, object: string): FeatureCollection<Geometry, Named> | undefined {
  const { data } = useSWRImmutable<Topology>(url, fetchJson);
  return useMemo(() => {
    if (!data) return undefined;
    const fc = feature(data, data.objects[object]!) as FeatureCollection<Geometry, Named> | Feature<Geometry, Named>;
    return fc.type === "FeatureCollection" ? fc : { type: "FeatureCollection", features: [fc] };
  }, [data, object]);
}

export function BaseLayer({
  zoom,
  locale,
  attribution,
  detail,
  onLoaded,
}: {
  zoom: number;
  locale: string;
  attribution: string;
  /** False until the first data is drawn: the heavy outlines wait so they do not delay it. */
  detail: boolean;
  onLoaded: () => void;
}) {
  const { data: outline } = useSWRImmutable<FeatureCollection<Geometry, Named>>(OUTLINE_URL, fetchJson);
  const { data: dongs } = useSWRImmutable<FeatureCollection<Geometry, Named>>(zoom >= 10 ? "/geo/jinju-emd.geojson" : null, fetchJson);
  const provinces = useTopo(detail && zoom <= 9 ? "/geo/provinces-topo.json" : null, "skorea_provinces_2018_geo");
  // The 250 시군구 outlines are heavy to unpack: only once zoomed in past the national view.
  const municipalities = useTopo(detail && zoom >= 9 && zoom <= 11 ? "/geo/municipalities-topo.json" : null, "skorea_municipalities_2018_geo");

  useEffect(() => {
    if (outline) onLoaded();
  }, [outline, onLoaded]);

  const name = (p: Named) => (locale === "en" && p.name_eng ? p.name_eng : p.name);
  return (
    <Pane name="base" style={{ zIndex: 250 }}>
      {provinces ? (
        <GeoJSON key="provinces" data={provinces} interactive={false} style={{ color: "#94a3b8", weight: 1.5, fill: false }} />
      ) : null}
      {municipalities ? (
        <GeoJSON key="municipalities" data={municipalities} interactive={false} style={{ color: "#cbd5e1", weight: 0.8, fill: false }} />
      ) : null}
      {outline ? (
        <GeoJSON
          key="outline"
          data={outline}
          interactive={false}
          attribution={attribution}
          style={{ color: "#334155", weight: 2, fillColor: "#ffffff", fillOpacity: 0.6 }}
        />
      ) : null}
      {dongs
        ? dongs.features.map((f, i) => (
            <GeoJSON
              key={`dong-${i}-${zoom >= 12}`}
              data={f}
              interactive={false}
              style={{ color: "#94a3b8", weight: 1, dashArray: "4 3", fill: false }}
            >
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
