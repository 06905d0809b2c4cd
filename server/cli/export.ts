// `npm run export -- <summary|access-points|sites|candidates|standard> --format <fmt> --out <file>
//   [--municipality <code>] [--locale ko|en] [--year <y>] [--status <s>] [--category <c>] [--source program|other]
//   [--include-estimates]` (the standard file leaves estimated records out unless asked, and marks them when in).
// It speaks Korean unless `--locale en`, which also sets the language of the file.
// Exit codes: 0 written, 2 bad arguments, 3 the embedded database is in use, 1 other.
import fs from "node:fs";
import { SITE_CATEGORIES, SITE_SOURCES, type SiteCategory, type SiteSource } from "../../lib/domain";
import { withCliDb } from "../../db/script";
import { readCliArgs } from "./args";
import { buildExport, EXPORT_FORMATS, OPERATOR_GRANTS, type ExportFormat, type ExportWhat } from "../exports";
import { seed } from "../../db/seed";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const args = readCliArgs(
  {
    format: { type: "string" },
    out: { type: "string" },
    municipality: { type: "string" },
    year: { type: "string" },
    status: { type: "string" },
    category: { type: "string" },
    source: { type: "string" },
    "include-estimates": { type: "boolean", default: false },
  },
  { positionals: true },
);
const values = args.values as {
  format?: string;
  out?: string;
  municipality?: string;
  year?: string;
  status?: string;
  category?: string;
  source?: string;
  "include-estimates"?: boolean;
};
const { t } = args;
if (args.wrong === "locale") fail(t("cli.badLocale", { value: args.locale }));
const what = args.positionals[0] as ExportWhat | undefined;
const kinds = Object.entries(EXPORT_FORMATS)
  .map(([w, fs]) => `${w} (${fs.join(", ")})`)
  .join("; ");
if (args.wrong === "usage" || !what || !(what in EXPORT_FORMATS)) fail(t("cli.export.usage", { kinds }));
const formats = EXPORT_FORMATS[what] as readonly string[];
if (!values.format || !formats.includes(values.format)) fail(t("cli.export.badFormat", { what, formats: formats.join(", "), value: values.format ?? "" }));
if (!values.out) fail(t("cli.export.noOut"));
if (values.municipality !== undefined && !/^\d{5}$/.test(values.municipality)) fail(t("cli.badMunicipality", { value: values.municipality }));
if (values.year !== undefined && !/^\d{4}$/.test(values.year)) fail(t("cli.export.badYear", { value: values.year }));
if (values.category !== undefined && !(SITE_CATEGORIES as readonly string[]).includes(values.category))
  fail(t("cli.export.badCategory", { categories: SITE_CATEGORIES.join(", ") }));
if (values.source !== undefined && !(SITE_SOURCES as readonly string[]).includes(values.source))
  fail(t("cli.export.badSource", { sources: SITE_SOURCES.join(", ") }));

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
    locale: args.locale as "ko" | "en",
    grants: OPERATOR_GRANTS,
    filters: {
      year: values.year ? Number(values.year) : undefined,
      status: values.status,
      category: values.category as SiteCategory | undefined,
      source: values.source as SiteSource | undefined,
      estimates: values["include-estimates"] ? "include" : undefined,
    },
  });
  fs.writeFileSync(values.out!, out.bytes);
  const { kind, ...rest } = out.note;
  const words: Record<string, string | number> = { file: values.out!, count: out.count, ...rest };
  if ("variant" in rest) words.variant = t(`import.${rest.variant}`);
  console.log(t(`cli.export.${kind}`, words));
}, t);
