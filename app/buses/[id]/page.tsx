import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { getBus } from "@/server/buses";
import { pageContext } from "@/server/page-context";
import { yearMonth } from "@/lib/format";
import { AccessPointTable } from "../../_components/access-point-table";
import { loadOr404 } from "../../_components/load-or-404";

export const dynamic = "force-dynamic";

const load = async (id: string) => loadOr404(id, async (n) => getBus(await pageContext(), { id: n }));

export async function generateMetadata({ params }: PageProps<"/buses/[id]">) {
  return { title: (await load((await params).id)).vehicleNumber };
}

export default async function BusPage({ params }: PageProps<"/buses/[id]">) {
  const bus = await load((await params).id);
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <article>
      <p>
        <Link href="/buses">← {t("buses.back")}</Link>
      </p>
      <h1>{bus.vehicleNumber}</h1>
      <dl className="facts">
        <dt>{t("buses.operator")}</dt>
        <dd>{bus.operatorId ? <Link href={`/buses?operator=${bus.operatorId}`}>{bus.operatorName}</Link> : "—"}</dd>
        <dt>{t("buses.routes")}</dt>
        <dd>{bus.routes.length ? bus.routes.join(", ") : t("buses.unknownRoute")}</dd>
        <dt>{t("buses.batch")}</dt>
        <dd>{bus.planYear ? <Link href={`/buses?year=${bus.planYear}`}>{bus.batchLabel}</Link> : "—"}</dd>
        <dt>{t("buses.installed")}</dt>
        <dd>{yearMonth(bus.installYear, bus.installMonth) ?? "—"}</dd>
        <dt>{t("buses.status")}</dt>
        <dd>
          <Badge tone={bus.status}>{t(`busStatus.${bus.status}`)}</Badge>
        </dd>
        <dt>{t("sites.provenance")}</dt>
        <dd>
          <Badge tone={bus.provenance}>{t(`provenance.${bus.provenance}`)}</Badge>
        </dd>
        {bus.sourceNote ? (
          <>
            <dt>{t("sites.sourceNote")}</dt>
            <dd>{bus.sourceNote}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="aps-h">
        <h2 id="aps-h">
          {t("buses.accessPoints")} ({format.number(bus.accessPoints.length)})
        </h2>
        {bus.accessPoints.length === 0 ? <Notice>{t("buses.noAccessPoints")}</Notice> : <AccessPointTable items={bus.accessPoints} withPosition={false} />}
      </section>
    </article>
  );
}
