// The 읍면동 outlines the app ships (통계청 SGIS 2018, the files the map draws), by municipality: which
// 읍면동 holds a point. Zones an import, a proposal or a move places get their 읍면동 here, one rule for
// all. Server and command line only (reads each file once per process).
import fs from "node:fs";
import path from "node:path";
import { inArray } from "drizzle-orm";
import type { Conn } from "./client";
import * as s from "./schema";
import { asArea, type Area, type LatLng } from "../lib/geo";
import { areaIndex } from "../lib/spatial";

/** 읍면동 outlines shipped with the app, by municipality (MOIS code): the map draws them close up. */
const SHIPPED_DONGS: Record<string, string> = { "48170": "/geo/jinju-emd.geojson" };

/** The municipalities (MOIS codes) whose 읍면동 outlines the app ships. */
export const SHIPPED_DONG_CODES: readonly string[] = Object.keys(SHIPPED_DONGS);

/** The URL of the 읍면동 outlines the app ships for a municipality, or null. */
export function dongsUrlOf(code: string | null): string | null {
  return (code && SHIPPED_DONGS[code]) ?? null;
}

export type DongOutline = { code: string; area: Area };

/** Shipped outlines by municipality code, read once per process (candidates ask for them on every list). */
const read = new Map<string, DongOutline[] | null>();

/** The 읍면동 outlines the app ships for a municipality, by MOIS 읍면동 code; null when none are shipped. */
export function shippedDongs(code: string | null): DongOutline[] | null {
  if (!code) return null;
  if (!read.has(code)) read.set(code, readOutlines(code));
  return read.get(code)!;
}

function readOutlines(code: string): DongOutline[] | null {
  const url = dongsUrlOf(code);
  if (!url) return null;
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(process.cwd(), "public", url), "utf8"));
  const features = raw && typeof raw === "object" && "features" in raw && Array.isArray(raw.features) ? (raw.features as unknown[]) : [];
  return features.flatMap((f) => {
    if (!f || typeof f !== "object" || !("geometry" in f) || !("properties" in f)) return [];
    const area = asArea(f.geometry);
    const props = f.properties;
    const dong = props && typeof props === "object" && "adm_cd2" in props && typeof props.adm_cd2 === "string" ? props.adm_cd2 : null;
    return area && dong ? [{ code: dong, area }] : [];
  });
}

/** The name of the 읍면동 holding a point: null when none holds it. */
export type DongLocator = (p: LatLng) => string | null;

/**
 * A municipality's 읍면동 locator: the shipped outline holding the point, named as the 2022 directory
 * names it. Undefined when no outlines are shipped for it (the 읍면동 cannot be told).
 */
export async function dongLocator(conn: Conn, code: string | null): Promise<DongLocator | undefined> {
  const outlines = shippedDongs(code);
  if (!outlines) return undefined;
  const names = new Map(
    (
      await conn
        .select({ code: s.dongs.code, nameKo: s.dongs.nameKo })
        .from(s.dongs)
        .where(
          inArray(
            s.dongs.code,
            outlines.map((o) => o.code),
          ),
        )
    ).map((d) => [d.code, d.nameKo]),
  );
  const at = areaIndex(outlines);
  return (p) => {
    const hit = at(p);
    return hit ? (names.get(hit.code) ?? null) : null;
  };
}
