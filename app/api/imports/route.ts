// Upload of national standard data (admins): `dryRun=1` previews what the import would do, without it the import commits.
import { getDb } from "@/db";
import { writerOf } from "@/db/auth";
import { findMunicipalityByCode } from "@/db/queries/common";
import { importStandardDataAs } from "@/db/queries/import";
import { AppError } from "@/lib/errors";
import { handle, progressStream } from "@/lib/http";
import { importMaxBytes, StandardDataError, type ImportProgress } from "@/lib/standard-data";

export const dynamic = "force-dynamic";

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export const POST = handle(async (req: Request) => {
  const actor = await writerOf(req);
  const limit = importMaxBytes();
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > limit + 64 * 1024) {
    throw new AppError("payload_too_large", `The file is over the ${mb(limit)} limit.`, [{ field: "file", reason: `over ${mb(limit)}` }]);
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("bad_request", "Send the file as multipart/form-data in the field “file”.", [{ field: "file", reason: "missing" }]);
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("bad_request", "Choose a file to import.", [{ field: "file", reason: "missing" }]);
  if (file.size > limit) throw new AppError("payload_too_large", `${file.name} is over the ${mb(limit)} limit.`, [{ field: "file", reason: `over ${mb(limit)}` }]);
  const dryRun = form.get("dryRun") === "1";
  const [m, { db }] = await Promise.all([findMunicipalityByCode({ code: (form.get("municipality") as string | null) || undefined }), getDb()]);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const run = async (onProgress?: (p: ImportProgress) => void) => {
    try {
      const summary = await importStandardDataAs(db, { actor, municipalityId: m.id, bytes, dryRun, onProgress });
      return { result: { fileName: file.name, ...summary }, status: dryRun ? 200 : 201 };
    } catch (err) {
      if (err instanceof StandardDataError) {
        throw new AppError("unprocessable", `${file.name}: ${err.message}`, [{ field: "file", reason: err.code, ...(err.line ? { line: err.line } : {}) }]);
      }
      throw err;
    }
  };
  // Asked for NDJSON (the app's upload screen does), the answer reports progress as it goes.
  if (req.headers.get("accept")?.includes("application/x-ndjson")) return progressStream(run);
  const { result, status } = await run();
  return Response.json(result, { status });
});
