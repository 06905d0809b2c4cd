// `/candidates`: candidate zones ranked by their coverage score, with their lifecycle actions and a form for new ones.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterForm } from "@/components/ui/filter-form";
import { pageContext } from "@/server/page-context";
import { getScoring, listPlannableYears } from "@/server/planning";
import { roleCan } from "@/lib/authz";
import { SITE_CATEGORIES } from "@/lib/domain";
import { candidatesQuery } from "@/lib/inputs";
import { tryParseParams } from "@/lib/query-params";
import { hrefWith } from "@/lib/url";
import { BadFilter, filterLabels, sortHeaders } from "../_components/list-chrome";
import { ExportLinks } from "../_components/export-links";
import { CandidatesBoard } from "./_components/candidates-board";

export const dynamic = "force-dynamic";
const PATH = "/candidates";

export async function generateMetadata() {
  return { title: (await getTranslations("candidates"))("title") };
}

export default async function CandidatesPage({ searchParams }: PageProps<"/candidates">) {
  const params = await searchParams;
  const t = await getTranslations();
  const { name, category, lat, lng, ...filterParams } = params;
  const parsed = tryParseParams(candidatesQuery, filterParams);
  if (!parsed.ok) return <BadFilter param={parsed.param} value={parsed.value} resetHref={PATH} />;
  const ctx = await pageContext();
  const [years, scoring] = await Promise.all([listPlannableYears(ctx), getScoring(ctx)]);
  const query = hrefWith("", filterParams, {}).replace(/^\?/, "");
  const header = await sortHeaders(PATH, filterParams, { sort: parsed.data.sort, dir: parsed.data.dir ?? (parsed.data.sort === "score" ? "desc" : "asc") });
  const headers = {
    name: header("name", t("candidates.name")),
    status: header("status", t("candidates.status")),
    planYear: header("planYear", t("candidates.planYear"), { num: true }),
    score: header("score", t("candidates.score"), { num: true }),
  };
  const num = (v: unknown) => (typeof v === "string" && v !== "" && Number.isFinite(Number(v)) ? Number(v) : undefined);
  const prefill = typeof name === "string" ? { name, category: typeof category === "string" ? category : undefined, lat: num(lat), lng: num(lng) } : undefined;
  return (
    <article>
      <h1>{t("candidates.title")}</h1>
      <p className="muted">{t("candidates.intro", { radius: scoring.coverageRadiusM })}</p>
      <p>
        <Link href="/gaps">{t("candidates.openGaps")}</Link>
      </p>
      <FilterForm
        pathname={PATH}
        labels={await filterLabels()}
        keep={{ sort: parsed.data.sort, dir: parsed.data.dir }}
        fields={[
          {
            name: "status",
            label: t("candidates.filterStatus"),
            value: parsed.data.status,
            options: (["candidate", "surveyed", "approved", "rejected"] as const).map((v) => ({ value: v, label: t(`siteStatus.${v}`) })),
          },
          { name: "year", label: t("filters.year"), value: parsed.data.year?.toString(), options: years.map((y) => ({ value: String(y), label: String(y) })) },
          {
            name: "category",
            label: t("filters.category"),
            value: parsed.data.category,
            options: SITE_CATEGORIES.map((v) => ({ value: v, label: t(`category.${v}`) })),
          },
        ]}
      />
      <ExportLinks
        what="candidates"
        formats={["csv", "geojson"]}
        filters={{ year: parsed.data.year, status: parsed.data.status, category: parsed.data.category }}
      />
      <CandidatesBoard headers={headers} query={query} canEdit={roleCan(ctx.role, "editPlan")} years={years} prefill={prefill} />
    </article>
  );
}
