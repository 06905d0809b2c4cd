// Imports of national standard data asked for through the app: admins only, into their municipality.
import { importStandardData, type ImportSummary } from "../db/queries/import";
import { authorize } from "../lib/authz";
import { AppError } from "../lib/errors";
import type { ImportProgress } from "../lib/standard-data";
import type { FileSource } from "../lib/standard-stream";
import type { RequestContext } from "./context";

/** What an upload answers: the import's report, with the name of the file it read. */
export type ImportResult = ImportSummary & { fileName: string };

/**
 * Only an admin of the municipality may import, and only into it (rows naming another municipality
 * are rejected). The audit entries carry the admin and the request.
 */
export async function importFile(
  ctx: RequestContext,
  {
    source,
    dryRun,
    columnMap,
    retire,
    onProgress,
  }: {
    source: FileSource;
    dryRun: boolean;
    columnMap?: Record<string, string>;
    retire?: "all" | number[];
    onProgress?: (progress: ImportProgress) => void;
  },
): Promise<ImportSummary> {
  authorize(ctx.viewer, ctx.municipality.id, "importData");
  const code = ctx.municipality.code;
  if (!code) throw new AppError("unprocessable", "This municipality has no code to import into.");
  return importStandardData(ctx.db, {
    source,
    columnMap,
    retire,
    municipalityCode: code,
    dryRun,
    actor: ctx.actor.label,
    requestId: ctx.requestId,
    onProgress,
  });
}
