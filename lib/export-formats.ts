// Writers for exported files: CSV that spreadsheet software opens safely and GeoJSON (RFC 7946).
import type { Feature, FeatureCollection, Point } from "geojson";
import Papa from "papaparse";

/** A text cell a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe. */
export function neutraliseCell(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** UTF-8 CSV with a BOM (so spreadsheet software shows Korean correctly) and neutralised text cells. */
export function toCsv(columns: string[], rows: unknown[][]): string {
  const body = Papa.unparse(
    { fields: columns, data: rows.map((r) => r.map((v) => (v === null || v === undefined ? "" : neutraliseCell(v)))) },
    { newline: "\r\n" },
  );
  return `\uFEFF${body}\r\n`;
}

/** Points as an RFC 7946 FeatureCollection; rows without a position are left out and counted. */
export function toGeoJson<T extends { lat: number | null; lng: number | null }>(
  rows: T[],
  properties: (row: T) => Record<string, unknown>,
): { collection: FeatureCollection<Point>; withoutPosition: number } {
  const features: Feature<Point>[] = [];
  let withoutPosition = 0;
  for (const row of rows) {
    if (row.lat === null || row.lng === null) {
      withoutPosition++;
      continue;
    }
    features.push({ type: "Feature", geometry: { type: "Point", coordinates: [row.lng, row.lat] }, properties: properties(row) });
  }
  return { collection: { type: "FeatureCollection", features }, withoutPosition };
}
