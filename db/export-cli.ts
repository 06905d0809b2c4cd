// `npm run export -- <summary|access-points|sites|candidates|standard> --format <fmt> --out <file>
//   [--municipality <code>] [--locale ko|en] [--year <y>] [--status <s>] [--category <c>]`
// Exit codes: 0 written, 2 bad arguments, 3 the embedded database is in use, 1 other.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { SITE_CATEGORIES, type SiteCategory } from "../lib/domain";
import { withCliDb } from "./cli";
import { buildExport, EXPORT_FORMATS, type ExportFormat, type ExportWhat } from "./exports";
import { seed } from "./seed";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: "string" },
    out: { type: "string" },
    municipality: { type: "string" },
    locale: { type: "string", default: "ko" },
    year: { type: "string" },
    status: { type: "string" },
    category: { type: "string" },
  },
});
const what = positionals[0] as ExportWhat | undefined;
const usage = Object.entries(EXPORT_FORMATS).map(([w, fs]) => `${w} (${fs.join(", ")})`).join("; ");
if (!what || !(what in EXPORT_FORMATS)) fail(`usage: npm run export -- <what> --format <format> --out <file>; what and formats: ${usage}`);
const formats = EXPORT_FORMATS[what] as readonly string[];
if (!values.format || !formats.includes(values.format)) fail(`--format: a ${what} export comes as ${formats.join(" or ")}, got "${values.format ?? ""}"`);
if (!values.out) fail("--out: the file to write is missing");
if (values.locale !== "ko" && values.locale !== "en") fail(`--locale: expected ko or en, got "${values.locale}"`);
if (values.municipality !== undefined && !/^\d{5}$/.test(values.municipality)) fail(`--municipality: expected a 5-digit code, got "${values.municipality}"`);
if (values.year !== undefined && !/^\d{4}$/.test(values.year)) fail(`--year: expected a year, got "${values.year}"`);
if (values.category !== undefined && !(SITE_CATEGORIES as readonly string[]).includes(values.category)) fail(`--category: expected one of ${SITE_CATEGORIES.join(", ")}`);

await withCliDb(async (handle) => {
  if (handle.engine === "pglite") {
    // Like the app: a new embedded database is migrated and seeded first.
    await handle.migrate();
    await seed(handle.db);
  }
  const out = await buildExport(handle.db, {
    what,
    format: values.format as ExportFormat,
    municipalityCode: values.municipality,
    locale: values.locale as "ko" | "en",
    viewer: "operator",
    filters: { year: values.year ? Number(values.year) : undefined, status: values.status, category: values.category as SiteCategory | undefined },
  });
  fs.writeFileSync(values.out!, out.bytes);
  console.log(`${values.out}: ${out.note}`);
});
