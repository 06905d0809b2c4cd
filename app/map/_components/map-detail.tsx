"use client";
// The map's detail panel: the selected AP (and the others at the same spot), zone, or bus operator's
// buses, with links to their pages.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { memo } from "react";
import useSWR from "swr";
import type { Json } from "@/lib/contract";
import { fetchJson } from "@/lib/fetcher";
import type { AccessPointView } from "@/server/access-points";
import type { BusListView } from "@/server/buses";
import type { SiteApiView } from "@/server/sites";
import { yearMonth } from "@/lib/format";
import type { Selection } from "@/lib/map-state";
import { useErrorText } from "../../_components/use-error-text";

type ApDetail = Json<AccessPointView>;
type ZoneDetail = Json<SiteApiView>;
type BusPage = Json<BusListView>;

// Memoised: panning the map re-renders the screen, and this panel has nothing new to show then.
export const MapDetail = memo(function MapDetail({
  selected,
  apGroup,
  onSelectAp,
  onClose,
}: {
  selected: Selection | null;
  apGroup: number[];
  onSelectAp: (id: number) => void;
  onClose: () => void;
}) {
  const t = useTranslations("map.panel");
  const tk = useTranslations();
  const errorText = useErrorText();
  const key = (type: Selection["type"], path: (id: number) => string) => (selected?.type === type ? path(selected.id) : null);
  const ap = useSWR<ApDetail>(
    key("ap", (id) => `/api/access-points/${id}`),
    fetchJson,
  );
  const zone = useSWR<ZoneDetail>(
    key("zone", (id) => `/api/sites/${id}`),
    fetchJson,
  );
  const buses = useSWR<BusPage>(
    key("operator", (id) => `/api/buses?operator=${id}&pageSize=500&sort=vehicleNumber`),
    fetchJson,
  );

  if (!selected) {
    return (
      <aside className="map-detail map-detail-empty" aria-label={t("site")}>
        <p className="muted">{t("noneSelected")}</p>
      </aside>
    );
  }
  const current = selected.type === "ap" ? ap : selected.type === "zone" ? zone : buses;
  return (
    <aside className="map-detail" aria-labelledby="detail-h" data-testid="map-detail">
      <button type="button" className="close" onClick={onClose} aria-label={t("close")}>
        ×
      </button>
      {current.error ? <p className="notice notice-error">{errorText(current.error)}</p> : null}
      {!current.data && !current.error ? <p className="muted">{t("loading")}</p> : null}

      {selected.type === "ap" && ap.data ? (
        <>
          <h2 id="detail-h">{ap.data.ssid ?? t("ap", { id: ap.data.id })}</h2>
          <dl className="facts">
            <dt>{t("status")}</dt>
            <dd>{tk(`apStatus.${ap.data.status}`)}</dd>
            <dt>{t("provenance")}</dt>
            <dd>
              {tk(`provenance.${ap.data.provenance}`)}
              {ap.data.sourceNote ? <span className="muted small"> — {ap.data.sourceNote}</span> : null}
            </dd>
            <dt>{t("installed")}</dt>
            <dd>{yearMonth(ap.data.installYear, ap.data.installMonth) ?? "—"}</dd>
            <dt>{t("partner")}</dt>
            <dd>{ap.data.installingPartnerId ? <Link href={`/partners/${ap.data.installingPartnerId}`}>{ap.data.installingPartner}</Link> : "—"}</dd>
            <dt>{t("position")}</dt>
            <dd className="mono">{ap.data.lat !== null && ap.data.lng !== null ? `${ap.data.lat.toFixed(5)}, ${ap.data.lng.toFixed(5)}` : "—"}</dd>
            {ap.data.siteId ? (
              <>
                <dt>{t("site")}</dt>
                <dd>
                  <Link href={`/sites/${ap.data.siteId}`}>{ap.data.siteName}</Link>
                  {ap.data.category ? <span className="muted small"> · {tk(`category.${ap.data.category}`)}</span> : null}
                </dd>
              </>
            ) : null}
          </dl>
          {ap.data.siteId ? (
            <p>
              <Link href={`/sites/${ap.data.siteId}#work-h`}>{t("workItems")}</Link>
            </p>
          ) : null}
        </>
      ) : null}
      {selected.type === "ap" && apGroup.length > 1 ? (
        <section aria-labelledby="here-h">
          <h3 id="here-h">{t("hereList", { count: apGroup.length })}</h3>
          <ul className="map-list" data-testid="ap-group">
            {apGroup.map((id) => (
              <li key={id}>
                <button type="button" className="link-button" aria-current={id === selected.id ? "true" : undefined} onClick={() => onSelectAp(id)}>
                  {t("ap", { id })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {selected.type === "zone" && zone.data ? (
        <>
          <h2 id="detail-h">{zone.data.name}</h2>
          <dl className="facts">
            <dt>{t("category")}</dt>
            <dd>{tk(`category.${zone.data.category}`)}</dd>
            <dt>{t("status")}</dt>
            <dd>{tk(`siteStatus.${zone.data.status}`)}</dd>
            <dt>{t("planYear")}</dt>
            <dd>{zone.data.planYear ?? "—"}</dd>
            <dt>{t("apCount")}</dt>
            <dd>{zone.data.accessPoints.length}</dd>
            <dt>{t("provenance")}</dt>
            <dd>
              {tk(`provenance.${zone.data.provenance}`)}
              {zone.data.sourceNote ? <span className="muted small"> — {zone.data.sourceNote}</span> : null}
            </dd>
          </dl>
          <p>
            <Link href={`/sites/${zone.data.id}`}>{t("openSite")}</Link> · <Link href={`/sites/${zone.data.id}#work-h`}>{t("workItems")}</Link>
          </p>
        </>
      ) : null}

      {selected.type === "operator" && buses.data ? (
        <>
          <h2 id="detail-h">{t("busesOf", { name: buses.data.items[0]?.operatorName ?? "" })}</h2>
          <ul className="map-list bus-list" data-testid="operator-buses">
            {buses.data.items.map((b) => (
              <li key={b.id}>
                <Link href={`/buses/${b.id}`}>{b.vehicleNumber}</Link>
                <span className="muted small">
                  {" "}
                  · {b.routes.join(", ") || tk("buses.unknownRoute")} · {t("apsOnBus")} {b.apCount}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
});
