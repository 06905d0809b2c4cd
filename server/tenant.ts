// The tenant: which municipality a request is about, and what the map draws of it. The one place that knows the default.
import type { Db } from "../db/client";
import { findMunicipalityByCode } from "../db/queries/common";
import type { Municipality } from "../db/schema";
import { nationalOutline } from "../db/national-outlines";
import { dongsUrlOf } from "../db/dong-outlines";
import { readEnv } from "../lib/env";
import { asArea, bboxOf, type Area } from "../lib/geo";

/** The municipality a request names by MOIS code, else the configured default; 404 when unknown. */
export async function resolveMunicipality(db: Db, code: string | undefined): Promise<Municipality> {
  return findMunicipalityByCode(db, { code: code ?? readEnv().defaultMunicipality });
}

/** Korea, for a municipality whose outline is not known. */
const KOREA: [number, number, number, number] = [124.6, 33.1, 131.9, 38.6];

/**
 * What the map draws for the municipality: its outline (its own, else the one the national 시군구
 * boundaries give it), its 읍면동 where the app ships them, and the bounds the map opens on.
 */
export function tenantMap(m: Municipality): { outline: Area | null; dongsUrl: string | null; home: [number, number, number, number] } {
  const outline = asArea(m.boundary) ?? nationalOutline(m.provinceKo, m.nameKo);
  return { outline, dongsUrl: dongsUrlOf(m.code), home: outline ? bboxOf(outline) : KOREA };
}
