// `/audit`: the municipality's audit trail with filters and a CSV download (planners and admins).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { auditReferenceNames, listAuditEntries } from "@/server/audit";
import { pageContext } from "@/server/page-context";
import { auditQuery } from "@/lib/inputs";
import { tryParseParams } from "@/lib/query-params";
import { hrefWith } from "@/lib/url";
import { AuditTable } from "../_components/audit-table";
import { BadFilter } from "../_components/list-chrome";
import { guardPage } from "../_components/require-role";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  const guard = await guardPage("/audit", ["planner", "admin"]);
  if (!guard.ok) return guard.notice;
  const t = await getTranslations();
  const raw = await searchParams;
  const parsed = tryParseParams(auditQuery, raw);
  if (!parsed.ok) return <BadFilter param={parsed.param} value={parsed.value} resetHref="/audit" />;
  const q = parsed.data;
  const ctx = await pageContext(q.municipality);
  const [entityType, entityId] = q.object?.split(":") ?? [];
  const entries = await listAuditEntries(ctx, { entityType, entityId, actor: q.actor, from: q.from, to: q.to, limit: q.limit });
  const names = await auditReferenceNames(ctx, entries);
  const kept = Object.fromEntries(["object", "actor", "from", "to"].map((k) => [k, typeof raw[k] === "string" ? (raw[k] as string) : undefined]));
  return (
    <article>
      <h1>{t("audit.title")}</h1>
      <p className="muted">{t("audit.intro")}</p>
      <form method="get" action="/audit" className="filters" aria-label={t("filters.label")}>
        <label>
          <span>{t("audit.objectFilter")}</span>
          <input name="object" defaultValue={kept.object} placeholder="site:12" />
        </label>
        <label>
          <span>{t("audit.actorFilter")}</span>
          <input name="actor" defaultValue={kept.actor} />
        </label>
        <label>
          <span>{t("audit.from")}</span>
          <input name="from" type="date" defaultValue={kept.from} />
        </label>
        <label>
          <span>{t("audit.to")}</span>
          <input name="to" type="date" defaultValue={kept.to} />
        </label>
        <button type="submit">{t("filters.apply")}</button>
        <Link href="/audit" className="button-secondary">
          {t("filters.reset")}
        </Link>
        <a href={hrefWith("/api/audit", kept, { format: "csv", limit: 5000 })} download data-testid="audit-csv">
          {t("audit.download")}
        </a>
      </form>
      <p className="muted">{t("audit.shown", { count: entries.length })}</p>
      {entries.length === 0 ? <Notice>{t("audit.empty")}</Notice> : <AuditTable entries={entries} names={names} />}
    </article>
  );
}
