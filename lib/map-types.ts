// The shapes the map endpoints answer with, shared by the server queries and the map layers.
import type { FeatureCollection, Point } from "geojson";
import type { ApStatus, PoiKind, Provenance, SiteCategory, SiteSource, SiteStatus } from "./domain";

export type ClusterProps = { kind: "cluster"; count: number; bounds: [number, number, number, number] };
export type ApPointProps = {
  kind: "ap";
  id: number;
  status: ApStatus;
  provenance: Provenance;
  ssid: string | null;
  siteId: number | null;
  siteName: string | null;
  category: SiteCategory | null;
  /** The program's (its zone's or a bus's), or the rest of the inventory. */
  source: SiteSource;
  municipalityId: number;
  /** Set when the point lies outside its municipality's outline. */
  outside?: boolean;
};
export type MapFeatures = FeatureCollection<Point, ClusterProps | ApPointProps> & {
  mode: "clusters" | "points";
  level: number;
  /** APs the features stand for: the sum of cluster counts, or the number of points. */
  total: number;
};

export type ZoneMarker = {
  id: number;
  name: string;
  category: SiteCategory;
  status: SiteStatus;
  planYear: number | null;
  provenance: Provenance;
  lat: number;
  lng: number;
  apCount: number;
  extent: unknown;
  source: SiteSource;
  municipalityId: number;
  /** Set when the zone's point lies outside its municipality's outline. */
  outside?: boolean;
};

export type PoiMarker = {
  id: number;
  kind: PoiKind;
  name: string;
  address: string | null;
  lat: number;
  lng: number;
  source: string;
  municipalityId: number;
  /** Set when the place lies outside its municipality's outline. */
  outside?: boolean;
};

/** A 읍면동 of the residents layer: registered voters (선거인수 2022), active APs and voters per AP. */
export type DongDemand = {
  code: string;
  nameKo: string;
  registeredVoters2022: number | null;
  activeAps: number | null;
  votersPerActiveAp: number | null;
  geometry: unknown;
};

export type OperatorSummary = {
  id: number;
  name: string;
  depotLat: number | null;
  depotLng: number | null;
  provenance: Provenance;
  buses: number;
  accessPoints: number;
};

export type RouteLine = { id: number; routeNumber: string; geometry: unknown; provenance: Provenance; buses: number };
