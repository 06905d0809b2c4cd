// `npm run import -- <file> [--municipality <code>] [--map <given>=<standard>]… [--dry-run] [--json] [--locale ko|en]`:
// imports national standard data; `--map` says what a column the standard does not know stands for;
// `--retire all|<id,…>` retires the zones of the previous edition the file no longer lists. It speaks Korean unless `--locale en`; the JSON report keeps the codes.
// Exit codes: 0 imported (or previewed), 2 the file was refused, 3 the embedded database is in use, 1 other.
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../lib/errors";
import { groupIssues, issueReason, progressValues, refusalText, shortList } from "../../lib/import-text";
import { fileSource } from "../../lib/standard-stream";
import { EXPECTED_COLUMNS, importMaxBytes, parseColumnMap, StandardDataError, type ImportProgress } from "../../lib/standard-data";
import { withCliDb } from "../../db/script";
import { readCliArgs } from "./args";
import { importStandardData, type ImportSummary } from "../../db/queries/import";
import { parseRetire } from "../../lib/import-plan";
import { seed } from "../../db/seed";

const MAX_BYTES = importMaxBytes();

const args = readCliArgs(
  {
    municipality: { type: "string" },
    map: { type: "string", multiple: true },
    retire: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
  { positionals: true },
);
const values = args.values as { municipality?: string; map?: string[]; retire?: string; "dry-run"?: boolean; json?: boolean };
const { positionals, t } = args;
const json = values.json === true || process.argv.includes("--json");

function refuse(message: string, code: string): never {
  if (json) console.log(JSON.stringify({ refused: true, code, error: message }));
  else console.error(message);
  process.exit(2);
}

function print(file: string, summary: ImportSummary) {
  if (json) {
    console.log(JSON.stringify({ path: file, ...summary }));
    return;
  }
  const c = summary.counts;
  const variant = t(`import.${summary.file.variant}`);
  console.log(`${file}: ${t("import.rows", { rows: summary.file.rows, encoding: summary.file.encoding.toUpperCase(), variant })}`);
  if (summary.file.blankInstallDates) console.log(`  ${t("import.blankInstallDates", { count: summary.file.blankInstallDates })}`);
  console.log(`  ${t("import.rowsAddUp", { rows: summary.file.rows, ...c })}`);
  console.log(`  ${t("import.sites", summary.sites)}`);
  if (summary.perMunicipality.length > 1) {
    for (const m of summary.perMunicipality) console.log(`    ${m.municipality}: ${t("import.rowsAddUp", m)}`);
  }
  const { edition } = summary;
  if (edition.vanishedCount) {
    const successors = edition.vanished.filter((v) => v.successors.length > 0).length;
    console.log(`  ${t("cli.import.vanished", { count: edition.vanishedCount, successors, retired: edition.retired, kept: edition.kept })}`);
    for (const v of edition.vanished.slice(0, 5)) {
      const next = v.successors[0];
      console.log(
        `    #${v.id} ${v.name}${next ? ` → ${next.name}${next.distanceM !== null ? ` (${t("cli.import.metres", { m: next.distanceM })})` : ""}` : ""}`,
      );
    }
    if (edition.vanishedCount > 5) console.log(`    ${t("cli.import.groupMore", { more: edition.vanishedCount - 5 })}`);
  }
  const { unmatched } = summary.municipalities;
  if (unmatched.length) console.log(`  ${t("cli.import.unmatched", { count: unmatched.length, names: shortList(t, unmatched) })}`);
  // Findings by kind, each with its count and first rows; --json gives every row.
  for (const g of groupIssues(summary.issues, 3)) {
    console.log(`  ${t("cli.import.group", { severity: t(`issueSeverity.${g.severity}`), reason: t(`issueGroup.${g.code}`), count: g.count })}`);
    for (const i of g.first) {
      console.log(
        `    ${t("cli.import.issue", { line: i.line, column: i.column, value: i.value, reason: issueReason(t, i), severity: t(`issueSeverity.${i.severity}`) })}`,
      );
    }
    if (g.count > g.first.length) console.log(`    ${t("cli.import.groupMore", { more: g.count - g.first.length })}`);
  }
  console.log(`  ${t(summary.committed ? "cli.import.committed" : "cli.import.dryRun")}`);
}

if (args.wrong === "locale") refuse(t("cli.badLocale", { value: args.locale }), "locale");
const file = positionals[0];
if (args.wrong === "usage" || !file || positionals.length > 1) refuse(t("cli.import.usage"), "usage");
const municipality = values.municipality;
if (municipality !== undefined && !/^\d{5}$/.test(municipality)) refuse(t("cli.badMunicipality", { value: municipality }), "municipality");
const columns = parseColumnMap(values.map ?? []);
if ("wrong" in columns) refuse(t("cli.import.badMap", { value: columns.wrong }), "usage");
const retire = parseRetire(values.retire ?? "");
if (retire === null) refuse(t("cli.import.badRetire", { value: values.retire ?? "" }), "usage");
let stat: fs.Stats;
try {
  stat = fs.statSync(file);
} catch {
  refuse(t("cli.import.noFile", { file }), "no_file");
}
if (stat.size > MAX_BYTES) refuse(t("cli.import.tooLarge", { file, size: stat.size, limit: MAX_BYTES }), "too_large");

await withCliDb(async (handle) => {
  if (handle.engine === "pglite") {
    // Like the app: a new embedded database is migrated and seeded first.
    await handle.migrate();
    await seed(handle.db);
  }
  // On a terminal, a line on stderr says how far a long import has got (stdout keeps the report).
  let shown = 0;
  const onProgress = process.stderr.isTTY
    ? (p: ImportProgress) => {
        if (Date.now() - shown < 200) return;
        shown = Date.now();
        process.stderr.write(`\r${t(`import.step.${p.step}`, progressValues(p))}   `);
      }
    : undefined;
  try {
    const summary = await importStandardData(handle.db, {
      source: fileSource(file),
      columnMap: columns.map,
      retire,
      municipalityCode: municipality,
      dryRun: values["dry-run"] === true,
      actor: `cli:${process.env.USER ?? "unknown"}`,
      onProgress,
    });
    if (onProgress) process.stderr.write("\n");
    print(path.basename(file), summary);
  } catch (err) {
    if (err instanceof StandardDataError)
      refuse(refusalText(t, { file: path.basename(file), code: err.code, line: err.line, column: err.column, columns: EXPECTED_COLUMNS }), err.code);
    if (err instanceof AppError && err.code === "not_found") refuse(t("cli.noMunicipality", { code: municipality ?? "" }), "municipality");
    throw err;
  }
}, t);
