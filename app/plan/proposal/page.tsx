// `/plan/proposal`: next year's rollout proposed for a budget — the best set of candidate zones within
// it and the installers' capacity, each choice explained, the coverage-against-budget curve — and
// accepted in one step. Planners and admins.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { pageContext } from "@/server/page-context";
import { listPlannableYears } from "@/server/planning";
import { listInstallers } from "@/server/proposals";
import { roleCan } from "@/lib/authz";
import { localName } from "@/lib/format";
import { AppError } from "@/lib/errors";
import { ProposalBoard } from "./_components/proposal-board";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("proposal"))("title") };
}

export default async function ProposalPage() {
  const t = await getTranslations();
  const locale = await getLocale();
  const ctx = await pageContext();
  if (!roleCan(ctx.role, "editPlan")) return <Notice>{t("proposal.plannersOnly")}</Notice>;
  let years: number[];
  let installers: { id: number; name: string }[];
  try {
    [years, installers] = await Promise.all([
      listPlannableYears(ctx),
      listInstallers(ctx).then((list) => list.map((p) => ({ id: p.id, name: localName(locale, p) }))),
    ]);
  } catch (err) {
    if (err instanceof AppError && err.code === "unprocessable") return <Notice>{t("overview.noProgram")}</Notice>;
    throw err;
  }
  return (
    <article className="wide">
      <p>
        <Link href="/plan">← {t("proposal.back")}</Link>
      </p>
      <h1>{t("proposal.title")}</h1>
      <p className="muted">{t("proposal.intro")}</p>
      {years.length === 0 ? <Notice>{t("proposal.noOpenYear")}</Notice> : <ProposalBoard years={years} installers={installers} />}
    </article>
  );
}
