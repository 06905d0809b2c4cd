// `/import`: upload national standard data, preview it row by row, then commit (admins).
import { getLocale, getTranslations } from "next-intl/server";
import { pageContext } from "@/server/page-context";
import { localName } from "@/lib/format";
import { EXPECTED_COLUMNS, STANDARD_COLUMN_NAMES, importMaxBytes } from "@/lib/standard-data";
import { guardPage } from "../_components/require-role";
import { ImportFlow } from "./_components/import-flow";
import { SUCCESSOR_WITHIN_M } from "@/lib/import-plan";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("import"))("title") };
}

export default async function ImportPage() {
  const guard = await guardPage("/import", ["admin"]);
  if (!guard.ok) return guard.notice;
  const [t, locale, { municipality }] = await Promise.all([getTranslations("import"), getLocale(), pageContext()]);
  const limit = `${Math.round(importMaxBytes() / 1024 / 1024)} MB`;
  return (
    <article>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro", { municipality: localName(locale, municipality) })}</p>
      <ImportFlow limitLabel={limit} expectedColumns={EXPECTED_COLUMNS} standardColumns={STANDARD_COLUMN_NAMES} successorWithinM={SUCCESSOR_WITHIN_M} />
    </article>
  );
}
