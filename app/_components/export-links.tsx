// Download links for an export in each of its formats, carrying the list's current filters and language.
import { getLocale, getTranslations } from "next-intl/server";
import type { ExportWhat } from "@/server/exports";
import { hrefWith } from "@/lib/url";

const WHAT_LABEL = {
  summary: "whatSummary",
  sites: "whatSites",
  candidates: "whatCandidates",
  standard: "whatStandard",
  "access-points": "whatAccessPoints",
} as const;

export async function ExportLinks({
  what,
  formats,
  filters = {},
  label,
}: {
  what: ExportWhat;
  formats: readonly ("csv" | "geojson" | "xlsx" | "pdf" | "csv-cp949")[];
  filters?: Record<string, string | number | undefined>;
  /** Another name for these links than the export's own (the standard file with its estimates). */
  label?: "whatStandardWithEstimates";
}) {
  const t = await getTranslations("downloads");
  const locale = await getLocale();
  return (
    <p className="export-links small" data-testid={label ? `export-${what}-${label}` : `export-${what}`}>
      {t("download")} · {t(label ?? WHAT_LABEL[what])}:{" "}
      {formats.map((format, i) => (
        <span key={format}>
          {i > 0 ? " · " : ""}
          <a href={hrefWith(`/api/exports/${what}`, {}, { format, locale, ...filters })} download>
            {t(format)}
          </a>
        </span>
      ))}
    </p>
  );
}
