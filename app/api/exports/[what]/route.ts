// Downloads: `GET /api/exports/<summary|access-points|sites|candidates|standard>?format=…` with the
// list's filters (year, status, category, source) and the language; costs and notes follow the caller's role.
import { z } from "zod";
import { route } from "@/server/context";
import { fileResponse } from "@/lib/http";
import { buildExport, EXPORT_FORMATS, type ExportWhat } from "@/server/exports";
import { SITE_CATEGORIES, SITE_SOURCES } from "@/lib/domain";

export const dynamic = "force-dynamic";

const whatParam = z.strictObject({ what: z.enum(Object.keys(EXPORT_FORMATS) as [ExportWhat, ...ExportWhat[]]) });
const query = z.strictObject({
  format: z.enum(["csv", "geojson", "xlsx", "pdf", "csv-cp949"]),
  locale: z.enum(["ko", "en"]).default("ko"),
  year: z.coerce.number({ error: "expected a year" }).int().min(1990).max(2100).optional(),
  status: z
    .string()
    .regex(/^[a-z_]+$/, "expected a status code")
    .optional(),
  category: z.enum(SITE_CATEGORIES).optional(),
  source: z.enum(SITE_SOURCES).optional(),
  /** The standard file: also the estimated records, marked in a 추정 column. */
  estimates: z.enum(["include"]).optional(),
  municipality: z
    .string()
    .regex(/^\d{5}$/, "expected a 5-digit municipality code")
    .optional(),
});

export const GET = route({ params: whatParam, query }, async (ctx, { params, query: q }) => {
  const out = await buildExport(ctx.db, {
    what: params.what,
    format: q.format,
    locale: q.locale,
    municipalityCode: ctx.municipality.code ?? undefined,
    grants: ctx.grants,
    filters: { year: q.year, status: q.status, category: q.category, source: q.source, estimates: q.estimates },
  });
  return fileResponse(out.bytes, out);
});
