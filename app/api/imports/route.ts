// Upload of national standard data (admins): `dryRun=1` previews what the import would do, without it the import commits.
import { route } from "@/server/context";
import { importFile } from "@/server/import";
import { AppError } from "@/lib/errors";
import { progressStream } from "@/lib/http";
import { importMaxBytes, StandardDataError, type ImportProgress } from "@/lib/standard-data";

export const dynamic = "force-dynamic";

export const POST = route({ write: true, form: { maxBytes: importMaxBytes } }, async (ctx, { form, req }) => {
  const { file } = form;
  if (!file) throw new AppError("bad_request", "Choose a file to import.", { issues: [{ code: "missing", path: "file" }] });
  const dryRun = form.fields.get("dryRun") === "1";
  const bytes = file.bytes;
  const run = async (onProgress?: (p: ImportProgress) => void) => {
    try {
      const summary = await importFile(ctx, { bytes, dryRun, onProgress });
      return { result: { fileName: file.name, ...summary }, status: dryRun ? 200 : 201 };
    } catch (err) {
      if (err instanceof StandardDataError) {
        throw new AppError("unprocessable", `${file.name}: ${err.message}`, {
          issues: [{ code: err.code, path: "file", ...(err.line ? { params: { line: err.line } } : {}) }],
        });
      }
      throw err;
    }
  };
  // Asked for NDJSON (the app's upload screen does), the answer reports progress as it goes.
  if (req.headers.get("accept")?.includes("application/x-ndjson")) return progressStream(run);
  const { result, status } = await run();
  return Response.json(result, { status });
});
