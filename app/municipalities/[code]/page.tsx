// `/municipalities/:code`: a municipality's profile — what the inventory holds there by source and
// category, its 읍면동 with registered voters (선거인수 2022, a population proxy) and, where the app
// ships their outlines, active APs and voters per AP, and how it ranks among its 시도 and among
// municipalities of similar size.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { Notice } from "@/components/ui/notice";
import { pageContext } from "@/server/page-context";
import { getProfile } from "@/server/municipalities";
import { AppError } from "@/lib/errors";
import { isMunicipalityCode } from "@/lib/chosen-municipality";
import { localName } from "@/lib/format";

export const dynamic = "force-dynamic";

const load = cache(async (code: string) => {
  if (!isMunicipalityCode(code)) notFound();
  try {
    return await getProfile(await pageContext(), { code });
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
});

export async function generateMetadata({ params }: PageProps<"/municipalities/[code]">) {
  const p = await load((await params).code);
  return { title: `${p.municipality.provinceKo} ${p.municipality.nameKo}` };
}

export default async function MunicipalityPage({ params }: PageProps<"/municipalities/[code]">) {
  const { code } = await params;
  const p = await load(code);
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const m = p.municipality;
  const n = (v: number | null, digits = 0) =>
    v === null ? t("national.unknown") : format.number(v, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const sido = localName(locale, { nameKo: m.provinceKo, nameEn: m.provinceEn });
  return (
    <article>
      <p className="eyebrow">{sido}</p>
      <h1>{localName(locale, m)}</h1>
      <p>
        <a href={`/?municipality=${m.code}`}>{t("profile.open")}</a> · <Link href={`/national?sido=${m.sidoCode}`}>{t("profile.compare", { sido })}</Link>
      </p>
      <dl className="facts" data-testid="profile-facts">
        <dt>{t("national.metric.registeredVoters2022")}</dt>
        <dd>{n(m.registeredVoters2022)}</dd>
        <dt>{t("national.metric.areaKm2")}</dt>
        <dd>{n(m.areaKm2, 1)}</dd>
        <dt>{t("profile.dongs")}</dt>
        <dd>{n(p.emdCount)}</dd>
        <dt>{t("national.metric.accessPoints")}</dt>
        <dd>
          {m.accessPoints === null
            ? t("national.unknown")
            : t("profile.bySource", {
                total: format.number(m.accessPoints),
                program: format.number(p.inventory.aps.program),
                other: format.number(p.inventory.aps.other),
              })}
        </dd>
        <dt>{t("national.metric.apsPer10kVoters")}</dt>
        <dd>{n(m.apsPer10kVoters, 2)}</dd>
      </dl>
      <p className="muted small">{t("national.votersNote")}</p>
      {m.recorded ? null : <Notice>{t("profile.noData")}</Notice>}

      <h2>{t("profile.ranks")}</h2>
      <ul data-testid="profile-ranks">
        <li>{p.ranks.sido ? t("profile.rankSido", { sido, rank: p.ranks.sido.rank, of: p.ranks.sido.of }) : t("profile.rankSidoUnknown", { sido })}</li>
        <li>
          {p.ranks.similarSize ? t("profile.rankSimilar", { rank: p.ranks.similarSize.rank, of: p.ranks.similarSize.of }) : t("profile.rankSimilarUnknown")}
        </li>
      </ul>

      <h2>{t("profile.inventory")}</h2>
      {p.inventory.zones.length === 0 ? (
        <Notice>{t("profile.noZones")}</Notice>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="profile-inventory">
            <thead>
              <tr>
                <th scope="col">{t("sites.category")}</th>
                <th scope="col" className="num">
                  {t("siteSource.program")}
                </th>
                <th scope="col" className="num">
                  {t("siteSource.other")}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.inventory.zones.map((z) => (
                <tr key={z.category}>
                  <th scope="row">{t(`category.${z.category}`)}</th>
                  <td className="num">{format.number(z.program)}</td>
                  <td className="num">{format.number(z.other)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("profile.dongTable")}</h2>
      {p.dongApsKnown ? null : <p className="muted small">{t("profile.noDongOutlines")}</p>}
      <div className="table-wrap">
        <table className="data" data-testid="profile-dongs">
          <thead>
            <tr>
              <th scope="col">{t("profile.dong")}</th>
              <th scope="col" className="num">
                {t("national.metric.registeredVoters2022")}
              </th>
              <th scope="col" className="num">
                {t("profile.activeAps")}
              </th>
              <th scope="col" className="num">
                {t("profile.votersPerAp")}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.dongs.map((d) => (
              <tr key={d.code}>
                <th scope="row">{d.nameKo}</th>
                <td className="num">{n(d.registeredVoters2022)}</td>
                <td className="num">{d.activeAps === null ? "—" : format.number(d.activeAps)}</td>
                <td className="num">{d.votersPerActiveAp === null ? (d.activeAps === 0 ? t("profile.noAp") : "—") : format.number(d.votersPerActiveAp)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
