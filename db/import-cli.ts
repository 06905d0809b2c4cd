// `npm run import -- <file> [--municipality <code>] [--dry-run] [--json]`: imports national standard data.
// Exit codes: 0 imported (or previewed), 2 the file was refused, 3 the embedded database is in use, 1 other.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importMaxBytes, StandardDataError, type ImportProgress } from "../lib/standard-data";
import { withCliDb } from "./cli";
import { importStandardData, type ImportSummary } from "./queries/import";
import { seed } from "./seed";

const MAX_BYTES = importMaxBytes();

function refuse(message: string, json: boolean): never {
  if (json) console.log(JSON.stringify({ refused: true, error: message }));
  else console.error(message);
  process.exit(2);
}

function print(file: string, summary: ImportSummary, json: boolean) {
  if (json) {
    console.log(JSON.stringify({ path: file, ...summary }));
    return;
  }
  const c = summary.counts;
  console.log(`${file}: ${summary.file.rows} rows (${summary.file.encoding}, ${summary.file.variant} header)`);
  console.log(`  new ${c.new} · updated ${c.updated} · unchanged ${c.unchanged} · duplicate ${c.duplicate} · invalid ${c.invalid}`);
  if (summary.municipalities.created.length) console.log(`  municipalities created: ${summary.municipalities.created.join(", ")}`);
  for (const i of summary.issues) console.log(`  line ${i.line}, ${i.column} = "${i.value}": ${i.reason} [${i.severity}]`);
  console.log(summary.committed ? "  committed" : "  dry run: nothing was written");
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { municipality: { type: "string" }, "dry-run": { type: "boolean", default: false }, json: { type: "boolean", default: false } },
});
const json = values.json ?? false;
const file = positionals[0];
if (!file || positionals.length > 1) refuse("usage: npm run import -- <file> [--municipality <code>] [--dry-run] [--json]", json);
if (values.municipality !== undefined && !/^\d{5}$/.test(values.municipality)) refuse(`--municipality: expected a 5-digit code, got "${values.municipality}"`, json);
let stat: fs.Stats;
try {
  stat = fs.statSync(file);
} catch {
  refuse(`${file}: no such file`, json);
}
if (stat.size > MAX_BYTES) refuse(`${file}: ${stat.size.toLocaleString()} bytes is over the ${MAX_BYTES.toLocaleString()}-byte limit (IMPORT_MAX_BYTES)`, json);
const bytes = new Uint8Array(fs.readFileSync(file));

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
        process.stderr.write(`\r${p.step}: ${p.done.toLocaleString("en")} / ${p.total.toLocaleString("en")}   `);
      }
    : undefined;
  try {
    const summary = await importStandardData(handle.db, { bytes, municipalityCode: values.municipality, dryRun: values["dry-run"] ?? false, actor: `cli:${process.env.USER ?? "unknown"}`, onProgress });
    if (onProgress) process.stderr.write("\n");
    print(path.basename(file), summary, json);
  } catch (err) {
    if (err instanceof StandardDataError) refuse(`${path.basename(file)}: ${err.message}`, json);
    throw err;
  }
});
