import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { pageContext } from "@/server/context";
import { listPartners } from "@/server/partners";
import { listPlannableYears } from "@/server/planning";
import { listPlanYears } from "@/server/summary";
import { roleCan } from "@/lib/authz";
import { bboxOf, type Area } from "@/lib/geo";
import { MapScreen } from "./_components/map-screen";
import { tileUrl } from "@/lib/security-headers";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("map");
  return { title: t("title") };
}

/** Korea, for a municipality without a known outline. */
const KOREA: [number, number, number, number] = [124.6, 33.1, 131.9, 38.6];

export default async function MapPage() {
  const t = await getTranslations("map");
  const ctx = await pageContext();
  const { municipality } = ctx;
  const [partners, years] = await Promise.all([listPartners(ctx), listPlanYears(ctx)]);
  const planning = roleCan(ctx.role, "editPlan") ? { years: await listPlannableYears(ctx) } : null;
  // TILE_URL=off runs the map on the shipped base map alone (offline intranets, tests).
  const tiles = tileUrl(process.env);
  return (
    <Suspense fallback={<p>{t("loading")}</p>}>
      <MapScreen
        home={municipality.boundary ? bboxOf(municipality.boundary as Area) : KOREA}
        tiles={tiles ? { url: tiles, attribution: t("tilesAttribution") } : null}
        partners={partners.map((p) => ({ id: p.id, nameKo: p.nameKo, nameEn: p.nameEn }))}
        years={years ?? []}
        planning={planning}
      />
    </Suspense>
  );
}
