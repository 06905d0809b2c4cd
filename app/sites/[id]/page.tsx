import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, EstimateMark } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { zoneEstimates } from "@/lib/domain";
import { auditReferenceNames } from "@/server/audit";
import { pageContext } from "@/server/page-context";
import { getSite } from "@/server/sites";
import { AccessPointTable } from "../../_components/access-point-table";
import { AuditTable } from "../../_components/audit-table";
import { loadOr404 } from "../../_components/load-or-404";
import { WorkItemTable } from "../../_components/work-item-table";

export const dynamic = "force-dynamic";

const load = async (id: string) => {
  const ctx = await pageContext();
  return loadOr404(id, (n) => getSite(ctx, { id: n, withHistory: true }));
};

export async function generateMetadata({ params }: PageProps<"/sites/[id]">) {
  const site = await load((await params).id);
  return { title: site.name };
}

export default async function SitePage({ params }: PageProps<"/sites/[id]">) {
  const site = await load((await params).id);
  const t = await getTranslations();
  const format = await getFormatter();
  const { history } = site;
  // A zone of another municipality shows that municipality's trail, its records named from there.
  const names = history ? await auditReferenceNames(await pageContext(), history, site.municipalityId) : null;
  const estimates = zoneEstimates(site);
  return (
    <article>
      <p>
        <Link href="/sites">← {t("sites.back")}</Link>
      </p>
      <h1>{site.name}</h1>
      <dl className="facts">
        <dt>{t("sites.category")}</dt>
        <dd>
          {site.categoryGiven ? t("sites.categoryGiven", { label: t(`category.${site.category}`), given: site.categoryGiven }) : t(`category.${site.category}`)}
        </dd>
        <dt>{t("sites.status")}</dt>
        <dd>
          <Badge tone={site.status}>{t(`siteStatus.${site.status}`)}</Badge>
        </dd>
        <dt>{t("sites.planYear")}</dt>
        <dd>{site.planYear ? <Link href={`/sites?year=${site.planYear}`}>{site.planYear}</Link> : "—"}</dd>
        <dt>{t("sites.dong")}</dt>
        <dd data-testid="site-dong">
          {site.dong ?? "—"}
          <EstimateMark on={estimates.dong} label={t("provenance.estimate")} />
        </dd>
        <dt>{t("sites.position")}</dt>
        <dd>
          <span className="mono">{site.lat != null && site.lng != null ? `${site.lat.toFixed(5)}, ${site.lng.toFixed(5)}` : t("sites.unknownPosition")}</span>
          <EstimateMark on={estimates.position} label={t("provenance.estimate")} />
        </dd>
        <dt>{t("sites.plannedApCount")}</dt>
        <dd>{format.number(site.plannedApCount)}</dd>
        <dt>{t("sites.provenance")}</dt>
        <dd>
          <Badge tone={site.provenance}>{t(`provenance.${site.provenance}`)}</Badge>
        </dd>
        {site.sourceNote ? (
          <>
            <dt>{t("sites.sourceNote")}</dt>
            <dd>{site.sourceNote}</dd>
          </>
        ) : null}
        {site.statusReason ? (
          <>
            <dt>{t("sites.statusReason")}</dt>
            <dd data-testid="status-reason">{site.statusReason}</dd>
          </>
        ) : null}
        {site.notes ? (
          <>
            <dt>{t("sites.notes")}</dt>
            <dd>{site.notes}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="aps-h">
        <h2 id="aps-h">
          {t("sites.accessPoints")} ({format.number(site.accessPoints.length)})
        </h2>
        {site.accessPoints.length === 0 ? <Notice>{t("sites.noAccessPoints")}</Notice> : <AccessPointTable items={site.accessPoints} withPosition />}
      </section>

      <section aria-labelledby="work-h">
        <h2 id="work-h">{t("sites.workItems")}</h2>
        {site.workItems.length === 0 ? (
          <Notice>{t("sites.noWorkItems")}</Notice>
        ) : (
          <WorkItemTable
            show="partner"
            items={site.workItems.map((w) => ({ ...w, partner: { id: w.partnerId, nameKo: w.partnerNameKo, nameEn: w.partnerNameEn } }))}
          />
        )}
      </section>
      {history && names ? (
        <section aria-labelledby="history-h">
          <h2 id="history-h">{t("audit.history")}</h2>
          {history.length === 0 ? <Notice>{t("audit.noHistory")}</Notice> : <AuditTable entries={history} names={names} showObject={false} />}
        </section>
      ) : null}
    </article>
  );
}
