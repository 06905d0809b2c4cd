import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { findMunicipalityByCode } from "@/db/queries/common";
import { listPartners } from "@/db/queries/partners";
import { listPlanYears } from "@/db/queries/summary";
import { AppError } from "@/lib/errors";
import { bboxOf, type Area } from "@/lib/geo";
import { MapScreen } from "./_components/map-screen";
import { tileUrl } from "@/lib/security-headers";
import { getDb } from "@/db";
import { pageRole } from "@/db/auth";
import { listPlannableYears } from "@/db/queries/planning";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("map");
  return { title: t("title") };
}

/** Korea, for a municipality without a known outline. */
const KOREA: [number, number, number, number] = [124.6, 33.1, 131.9, 38.6];

export default async function MapPage() {
  const t = await getTranslations("map");
  // The map is national: without the default municipality it opens on Korea.
  const orNull = <T,>(p: Promise<T>) => p.catch((err: unknown) => (err instanceof AppError && err.code === "not_found" ? null : Promise.reject(err)));
  const [municipality, partners, years, { role }] = await Promise.all([orNull(findMunicipalityByCode({})), listPartners(), orNull(listPlanYears({})), pageRole()]);
  const canPlan = municipality !== null && (role === "planner" || role === "admin");
  const planning = canPlan ? { years: await listPlannableYears((await getDb()).db, municipality.id) } : null;
  // TILE_URL=off runs the map on the shipped base map alone (offline intranets, tests).
  const tiles = tileUrl(process.env);
  return (
    <Suspense fallback={<p>{t("loading")}</p>}>
      <MapScreen
        home={municipality?.boundary ? bboxOf(municipality.boundary as Area) : KOREA}
        tiles={tiles ? { url: tiles, attribution: t("tilesAttribution") } : null}
        partners={partners.map((p) => ({ id: p.id, nameKo: p.nameKo, nameEn: p.nameEn }))}
        years={years ?? []}
        planning={planning}
      />
    </Suspense>
  );
}
