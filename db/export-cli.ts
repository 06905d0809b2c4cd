// `npm run export -- <what> --format <csv|geojson> --out <file> [--municipality <code>] [--locale ko|en]`
// Exit codes: 0 written, 2 bad arguments, 3 the embedded database is in use, 1 other.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { toCsv, toGeoJson } from "../lib/export-formats";
import { yearMonth } from "../lib/format";
import { withCliDb } from "./cli";
import type { Db } from "./client";
import { listAccessPointsForExport, listSitesForExport } from "./queries/export";
import { seed } from "./seed";

type Messages = { export: Record<string, string>; apStatus: Record<string, string>; siteStatus: Record<string, string>; category: Record<string, string>; provenance: Record<string, string> };

const EXPORTS = {
  "access-points": async (db: Db, code: string | undefined, m: Messages) => {
    const rows = await listAccessPointsForExport(db, { municipalityCode: code });
    const columns = ["id", "ssid", "status", "provenance", "installed", "site", "category", "bus", "provider", "address", "lat", "lng"];
    const table = rows.map((r) => ({
      lat: r.lat,
      lng: r.lng,
      values: [r.id, r.ssid, m.apStatus[r.status], m.provenance[r.provenance], yearMonth(r.installYear, r.installMonth), r.site,
        r.category ? m.category[r.category] : null, r.bus, r.provider, r.address, r.lat, r.lng],
    }));
    return { columns, table };
  },
  sites: async (db: Db, code: string | undefined, m: Messages) => {
    const rows = await listSitesForExport(db, { municipalityCode: code });
    const columns = ["id", "name", "category", "status", "planYear", "dong", "address", "apCount", "provenance", "lat", "lng"];
    const table = rows.map((r) => ({
      lat: r.lat,
      lng: r.lng,
      values: [r.id, r.name, m.category[r.category], m.siteStatus[r.status], r.planYear, r.dong, r.address, r.apCount, m.provenance[r.provenance], r.lat, r.lng],
    }));
    return { columns, table };
  },
} as const;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { format: { type: "string" }, out: { type: "string" }, municipality: { type: "string" }, locale: { type: "string", default: "ko" } },
});
const what = positionals[0] as keyof typeof EXPORTS | undefined;
if (!what || !(what in EXPORTS)) fail(`usage: npm run export -- <${Object.keys(EXPORTS).join("|")}> --format <csv|geojson> --out <file>`);
if (values.format !== "csv" && values.format !== "geojson") fail(`--format: expected csv or geojson, got "${values.format ?? ""}"`);
if (!values.out) fail("--out: the file to write is missing");
if (values.locale !== "ko" && values.locale !== "en") fail(`--locale: expected ko or en, got "${values.locale}"`);
const messages = JSON.parse(fs.readFileSync(`messages/${values.locale}.json`, "utf8")) as Messages;

await withCliDb(async (handle) => {
  if (handle.engine === "pglite") {
    await handle.migrate();
    await seed(handle.db);
  }
  const { columns, table } = await EXPORTS[what](handle.db, values.municipality, messages);
  const header = columns.map((c) => messages.export[c] ?? c);
  if (values.format === "csv") {
    fs.writeFileSync(values.out!, toCsv(header, table.map((r) => r.values)));
    console.log(`${values.out}: ${table.length} rows`);
  } else {
    // GeoJSON keys stay the stable codes; the position is the geometry.
    const { collection, withoutPosition } = toGeoJson(table, (r) =>
      Object.fromEntries(columns.flatMap((c, i) => (c === "lat" || c === "lng" ? [] : [[c, r.values[i]]]))),
    );
    fs.writeFileSync(values.out!, JSON.stringify(collection));
    console.log(`${values.out}: ${collection.features.length} features (${withoutPosition} without a position left out)`);
  }
});
