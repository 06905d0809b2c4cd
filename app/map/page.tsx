import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { pageContext } from "@/server/page-context";
import { listPartners } from "@/server/partners";
import { listPlannableYears } from "@/server/planning";
import { listPlanYears } from "@/server/summary";
import { tenantMap } from "@/server/tenant";
import { unplacedOf } from "@/server/map";
import { localName } from "@/lib/format";
import { roleCan } from "@/lib/authz";
import { MapScreen } from "./_components/map-screen";
import { tileUrl } from "@/lib/security-headers";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("map");
  return { title: t("title") };
}

export default async function MapPage({ searchParams }: PageProps<"/map">) {
  const t = await getTranslations("map");
  const { municipality: code } = await searchParams;
  const ctx = await pageContext(typeof code === "string" && /^\d{5}$/.test(code) ? code : undefined);
  // The map opens on the municipality and draws its outline: its own, else the national boundaries'.
  const { outline, dongsUrl, home } = tenantMap(ctx.municipality);
  const [partners, years, unplaced] = await Promise.all([listPartners(ctx), listPlanYears(ctx), unplacedOf(ctx)]);
  const planning = roleCan(ctx.role, "editPlan") ? { years: await listPlannableYears(ctx) } : null;
  // TILE_URL=off runs the map on the shipped base map alone (offline intranets, tests).
  const tiles = tileUrl(process.env);
  return (
    <Suspense fallback={<p>{t("loading")}</p>}>
      <MapScreen
        home={home}
        outline={outline}
        dongsUrl={dongsUrl}
        tiles={tiles ? { url: tiles, attribution: t("tilesAttribution") } : null}
        partners={partners.map((p) => ({ id: p.id, nameKo: p.nameKo, nameEn: p.nameEn }))}
        years={years ?? []}
        planning={planning}
        unplaced={unplaced}
        municipalityName={localName(await getLocale(), ctx.municipality)}
      />
    </Suspense>
  );
}
