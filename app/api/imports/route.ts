// Upload of national standard data (admins): `dryRun=1` previews what the import would do, without it the import commits.
import { route } from "@/server/context";
import { importFile } from "@/server/import";
import { AppError } from "@/lib/errors";
import { progressStream } from "@/lib/http";
import { importMaxBytes, parseColumnMap, StandardDataError, type ImportProgress } from "@/lib/standard-data";
import { parseRetire } from "@/lib/import-plan";

export const dynamic = "force-dynamic";

export const POST = route({ write: true, form: { maxBytes: importMaxBytes } }, async (ctx, { form, req }) => {
  const { file } = form;
  if (!file) throw new AppError("bad_request", "Choose a file to import.", { issues: [{ code: "missing", path: "file" }] });
  const dryRun = form.fields.get("dryRun") === "1";
  // `columns`: what columns the standard does not know stand for, one "given=standard" pair per line.
  const pairs = (form.fields.get("columns") ?? "").split("\n").filter((l) => l.trim() !== "");
  const parsed = parseColumnMap(pairs);
  if ("wrong" in parsed) {
    throw new AppError("bad_request", `columns: "${parsed.wrong}" does not name a column of the standard.`, {
      issues: [{ code: "invalid", path: "columns", params: { value: parsed.wrong } }],
    });
  }
  const columnMap = parsed.map;
  // `retire`: zones of the previous edition the file no longer lists to retire, "all" or their ids.
  const retire = parseRetire(form.fields.get("retire") ?? "");
  if (retire === null) {
    throw new AppError("bad_request", 'retire: say "all" or the zone ids, separated by commas.', {
      issues: [{ code: "invalid", path: "retire", params: { value: form.fields.get("retire") ?? "" } }],
    });
  }
  const run = async (onProgress?: (p: ImportProgress) => void) => {
    try {
      const summary = await importFile(ctx, { source: file.source, dryRun, columnMap, retire, onProgress });
      return { result: { fileName: file.name, ...summary }, status: dryRun ? 200 : 201 };
    } catch (err) {
      if (err instanceof StandardDataError) {
        throw new AppError("unprocessable", `${file.name}: ${err.message}`, {
          issues: [
            {
              code: err.code,
              path: "file",
              ...(err.line || err.column ? { params: { ...(err.line ? { line: err.line } : {}), ...(err.column ? { column: err.column } : {}) } } : {}),
            },
          ],
        });
      }
      throw err;
    } finally {
      // The upload is read as a stream from its temporary file until here (an NDJSON answer runs after this handler returns).
      file.dispose();
    }
  };
  // Asked for NDJSON (the app's upload screen does), the answer reports progress as it goes.
  if (req.headers.get("accept")?.includes("application/x-ndjson")) return progressStream(run);
  const { result, status } = await run();
  return Response.json(result, { status });
});
