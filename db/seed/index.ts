// Seeds the Jinju program in named steps; each step runs once, in one transaction, and is recorded.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { FeatureCollection } from "geojson";
import type { WorkKind } from "../../lib/domain";
import { centroidOf, featureNameAt, midpoint, scatterAround, seededRandom, type Area, type LatLng } from "../../lib/geo";
import { parsePoiCsv, POI_SOURCES } from "../../lib/poi";
import type { Db } from "../client";
import { dongLocator, dongsUrlOf, SHIPPED_DONG_CODES } from "../dong-outlines";
import { recordChanges, type Change } from "../queries/audit";
import { importStandardData } from "../queries/import";
import * as s from "../schema";
import type { SeedStepName } from "./steps";
import { seedUsers } from "./users";
import { BUS_FACTS, JINJU, PARTNERS, PROGRAM, splitEvenly, YEAR_2021, YEARS, ZONES_2020, type PartnerKey, type ZoneFact } from "./jinju-facts";

export const SEED_DATA_DIR = path.resolve(process.cwd(), "db/seed/data");

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Step = { name: SeedStepName; run: (tx: Tx) => Promise<void> };

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(SEED_DATA_DIR, file), "utf8")) as T;
}

type DongProps = { name: string };
/** Jinju's 읍면동 outlines: the file the map draws and the server locates 읍면동 in, one copy for all. */
const DONGS_FILE = path.join(process.cwd(), "public", dongsUrlOf(JINJU.code)!);
const dongs = () => JSON.parse(fs.readFileSync(DONGS_FILE, "utf8")) as FeatureCollection<Area, DongProps>;

async function ensureMunicipality(tx: Tx): Promise<number> {
  const outline = readJson<FeatureCollection<Area>>("jinju_sgg_2018.geojson").features[0]?.geometry ?? null;
  // The directory (migration 0013) already holds Jinju by its code: the seed adds its English names
  // and its own outline where they are still missing, and never overwrites what is there.
  await tx
    .insert(s.municipalities)
    .values({ ...JINJU, boundary: outline })
    .onConflictDoUpdate({
      target: s.municipalities.code,
      set: {
        nameEn: sql`coalesce(${s.municipalities.nameEn}, excluded.name_en)`,
        provinceEn: sql`coalesce(${s.municipalities.provinceEn}, excluded.province_en)`,
        boundary: sql`coalesce(${s.municipalities.boundary}, excluded.boundary)`,
      },
    });
  const [row] = await tx.select({ id: s.municipalities.id }).from(s.municipalities).where(eq(s.municipalities.code, JINJU.code));
  return row!.id;
}

function placeOfZone(zone: ZoneFact, areas: FeatureCollection<Area, DongProps>): LatLng[] {
  return zone.places.map((place) => {
    if (place.how !== "dong-centroids") return { lat: place.lat, lng: place.lng };
    const points = place.dongs.map((name) => {
      const f = areas.features.find((x) => x.properties.name === name);
      if (!f) throw new Error(`seed: 동 ${name} is not in ${DONGS_FILE}`);
      return centroidOf(f.geometry);
    });
    return points.reduce((a, b) => midpoint(a, b));
  });
}

const AP_SCATTER_M = 150;

const programStep: Step = {
  name: "jinju-program-v1",
  async run(tx) {
    const municipalityId = await ensureMunicipality(tx);
    const [program] = await tx
      .insert(s.programs)
      .values({ municipalityId, ...PROGRAM, provenance: "press_release" })
      .returning({ id: s.programs.id });
    const programId = program!.id;

    const partnerIds = {} as Record<PartnerKey, number>;
    for (const p of PARTNERS) {
      await tx.insert(s.partners).values({ nameKo: p.nameKo, nameEn: p.nameEn, kind: p.kind }).onConflictDoNothing();
      const [row] = await tx.select({ id: s.partners.id }).from(s.partners).where(eq(s.partners.nameKo, p.nameKo));
      partnerIds[p.key] = row!.id;
      await tx.insert(s.programPartnerRoles).values(p.roles.map((role) => ({ programId, partnerId: row!.id, role, provenance: "press_release" as const })));
    }

    for (const y of YEARS) {
      await tx.insert(s.planYears).values({
        programId,
        year: y.year,
        targetBuses: y.buses,
        targetZones: y.zones,
        targetAccessPoints: y.accessPoints,
        provenance: "press_release",
        sourceNote: y.sourceNote,
      });
    }
    await tx.insert(s.planYears).values({
      programId,
      year: YEAR_2021.year,
      targetCategories: YEAR_2021.targetCategories,
      provenance: "press_release",
      sourceNote: YEAR_2021.sourceNote,
    });

    const areas = dongs();
    const rand = seededRandom(48170);
    const kt = partnerIds.kt;

    // Zones and their APs.
    const zoneIds: { id: number; year: number }[] = [];
    for (const y of YEARS) {
      const zones: (ZoneFact & { estimatedName?: boolean })[] =
        y.year === 2020
          ? [...ZONES_2020]
          : Array.from({ length: y.zones }, (_, i) => ({
              name: `${y.year}년 구역 ${i + 1}`,
              category: "other" as const,
              planYear: y.year,
              places: [],
              estimatedName: true,
            }));
      const split = splitEvenly(y.accessPoints, zones.length);
      for (const [i, zone] of zones.entries()) {
        const places = placeOfZone(zone, areas);
        const centre = places[0] ?? null;
        const apCount = split[i]!;
        const [site] = await tx
          .insert(s.sites)
          .values({
            municipalityId,
            programId,
            name: zone.name,
            category: zone.category,
            dong: centre ? featureNameAt(areas, centre) : null,
            lat: centre?.lat ?? null,
            lng: centre?.lng ?? null,
            status: "active",
            planYear: zone.planYear,
            plannedApCount: apCount,
            provenance: zone.estimatedName ? "estimate" : "press_release",
            sourceNote: zone.estimatedName
              ? `${y.year}년 ${y.zones}개 구역·AP ${y.accessPoints}대는 보도자료의 합계이며 구역명·위치는 공개되지 않음. AP 수 배분은 추정.`
              : `구역명은 보도자료(2020-09-07). 위치(${zone.places.map((p) => p.label).join(", ")})와 AP 수 배분은 추정.`,
          })
          .returning({ id: s.sites.id });
        zoneIds.push({ id: site!.id, year: y.year });
        await tx.insert(s.accessPoints).values(
          Array.from({ length: apCount }, (_, k) => {
            const at = places.length > 0 ? scatterAround(places[k % places.length]!, AP_SCATTER_M, rand) : null;
            return {
              municipalityId,
              siteId: site!.id,
              ssid: BUS_FACTS.siteSsid,
              lat: at?.lat ?? null,
              lng: at?.lng ?? null,
              installYear: y.year,
              status: "active" as const,
              installingPartnerId: kt,
              provenance: "estimate" as const,
              sourceNote: at ? "위치는 구역 중심 주변 추정" : "위치 미상",
              sourceRef: `seed:${y.year}:${zone.name}:${k + 1}`,
            };
          }),
        );
      }
    }

    // Bus operators, bus batches, buses and their APs.
    const operatorIds: number[] = [];
    for (const name of BUS_FACTS.operators) {
      const [row] = await tx.insert(s.busOperators).values({ municipalityId, name, provenance: "press_release" }).returning({ id: s.busOperators.id });
      operatorIds.push(row!.id);
    }
    const batchIds: { id: number; year: number }[] = [];
    let busSerial = 0;
    for (const y of YEARS) {
      const [batch] = await tx
        .insert(s.busBatches)
        .values({
          programId,
          planYear: y.year,
          label: `${y.year}년 시내버스 ${y.buses}대`,
          busCount: y.buses,
          provenance: "press_release",
          sourceNote: y.year === BUS_FACTS.firstBatch.year ? BUS_FACTS.firstBatch.note : y.sourceNote,
        })
        .returning({ id: s.busBatches.id });
      batchIds.push({ id: batch!.id, year: y.year });
      // A year's buses in one statement and their APs in another: one bus and its AP per row.
      const rows = Array.from({ length: y.buses }, (_, i) => {
        busSerial++;
        const first = y.year === BUS_FACTS.firstBatch.year && i < BUS_FACTS.firstBatch.count;
        const route = first ? BUS_FACTS.firstBatch.routes[i % BUS_FACTS.firstBatch.routes.length]! : null;
        return { i, first, route, vehicleNumber: `임시-${y.year}-${String(i + 1).padStart(3, "0")}`, operatorId: operatorIds[busSerial % operatorIds.length]! };
      });
      if (!rows.length) continue;
      const buses = await tx
        .insert(s.buses)
        .values(
          rows.map(({ first, route, vehicleNumber, operatorId }) => ({
            municipalityId,
            batchId: batch!.id,
            vehicleNumber,
            operatorId,
            routes: route ? [route] : [],
            status: "active" as const,
            installYear: y.year,
            installMonth: first ? BUS_FACTS.firstBatch.month : null,
            provenance: "estimate" as const,
            sourceNote: first ? "첫 32대 중 하나(보도). 차량번호·운수사·노선 배정은 추정" : "대수는 보도자료. 차량번호·운수사는 추정, 노선 미상",
          })),
        )
        .returning({ id: s.buses.id, vehicleNumber: s.buses.vehicleNumber });
      const busIdOf = new Map(buses.map((b) => [b.vehicleNumber, b.id]));
      await tx.insert(s.accessPoints).values(
        rows.map(({ i, first, route, vehicleNumber }) => ({
          municipalityId,
          busId: busIdOf.get(vehicleNumber)!,
          ssid: route ? BUS_FACTS.busSsid(route) : null,
          installYear: y.year,
          installMonth: first ? BUS_FACTS.firstBatch.month : null,
          status: "active" as const,
          installingPartnerId: kt,
          provenance: "estimate" as const,
          sourceNote: "버스 1대당 AP 1대로 추정",
          sourceRef: `seed:bus:${y.year}:${i + 1}`,
        })),
      );
    }

    // Work items: done for 2019 and 2020 (per zone and per bus batch), open for 2021 (whole year).
    const roleOf = (kind: WorkKind): PartnerKey => PARTNERS.find((p) => (p.roles as readonly WorkKind[]).includes(kind))!.key;
    const siteKinds: WorkKind[] = ["equipment_purchase", "installation", "line_provision", "line_construction", "funding"];
    const busKinds: WorkKind[] = ["equipment_purchase", "installation", "funding"];
    const done = (year: number) => ({
      programId,
      planYear: year,
      status: "done" as const,
      dueDate: `${year}-12-31`,
      provenance: "estimate" as const,
      notes: "역할 분담은 업무협약(보도자료), 항목 단위와 기한은 추정. 비용 미공개.",
    });
    // The city funds the project (공동 부담): it pays for the partners' work; its funding item carries no cost of its own.
    const work = (kind: WorkKind) => ({
      partnerId: partnerIds[roleOf(kind)],
      kind,
      paidByPartnerId: kind === "funding" ? null : partnerIds[roleOf("funding")],
    });
    for (const z of zoneIds) {
      await tx.insert(s.workItems).values(siteKinds.map((kind) => ({ ...done(z.year), ...work(kind), siteId: z.id })));
    }
    for (const b of batchIds) {
      await tx.insert(s.workItems).values(busKinds.map((kind) => ({ ...done(b.year), ...work(kind), busBatchId: b.id })));
    }
    await tx.insert(s.workItems).values(
      siteKinds.map((kind) => ({
        programId,
        planYear: YEAR_2021.year,
        ...work(kind),
        status: "not_started" as const,
        dueDate: "2021-12-31",
        provenance: "estimate" as const,
        notes: "3차년도(문화·관광시설, 주요 정류장, 전통시장) 전체 — 구역 확정 전",
      })),
    );
  },
};

const poiStep: Step = {
  name: "jinju-poi-v1",
  async run(tx) {
    const municipalityId = await ensureMunicipality(tx);
    for (const file of Object.keys(POI_SOURCES)) {
      const records = parsePoiCsv(file, fs.readFileSync(path.join(SEED_DATA_DIR, file), "utf8"));
      await tx
        .insert(s.pointsOfInterest)
        .values(records.map((r) => ({ ...r, municipalityId })))
        .onConflictDoNothing();
    }
  },
};

/** Jinju's public Wi-Fi before the program: the 2016 national standard data, imported as published. */
const standard2016Step: Step = {
  name: "jinju-standard-2016-v1",
  async run(tx) {
    await ensureMunicipality(tx);
    const bytes = new Uint8Array(fs.readFileSync(path.join(SEED_DATA_DIR, "jinju_free_wifi_2016_cp949.csv")));
    // The step's transaction is the import's: a nested transaction becomes a savepoint.
    await importStandardData(tx as unknown as Db, { bytes, municipalityCode: JINJU.code, dryRun: false, actor: "seed" });
  },
};

/** The ids of Jinju's programs. */
async function jinjuPrograms(tx: Tx): Promise<number[]> {
  const municipalityId = await ensureMunicipality(tx);
  return (await tx.select({ id: s.programs.id }).from(s.programs).where(eq(s.programs.municipalityId, municipalityId))).map((p) => p.id);
}

/** The years whose results the city published (2019, 2020) are closed: nothing new is planned in them. */
const reportedYearsStep: Step = {
  name: "jinju-reported-years-closed-v1",
  async run(tx) {
    const programs = await jinjuPrograms(tx);
    await tx
      .update(s.planYears)
      .set({ closed: true })
      .where(
        and(
          inArray(s.planYears.programId, programs),
          inArray(
            s.planYears.year,
            YEARS.map((y) => y.year),
          ),
        ),
      );
  },
};

/**
 * The 2020 zones' positions are the seed's estimates (a 동's centre, a place set by hand, the first of
 * several parks), so their 읍면동 is too: marked, where the zone still stands where the seed put it.
 */
const zonePositionsStep: Step = {
  name: "jinju-zone-positions-estimated-v1",
  async run(tx) {
    const programs = await jinjuPrograms(tx);
    const areas = dongs();
    for (const zone of ZONES_2020) {
      const centre = placeOfZone(zone, areas)[0];
      if (!centre) continue;
      await tx
        .update(s.sites)
        .set({ positionEstimate: true })
        .where(
          and(
            inArray(s.sites.programId, programs),
            eq(s.sites.name, zone.name),
            sql`abs(${s.sites.lat} - ${centre.lat}) < 1e-9 and abs(${s.sites.lng} - ${centre.lng}) < 1e-9`,
          ),
        );
    }
  },
};

/**
 * Zones with a position but no 읍면동 (imported before imports placed them) take the 읍면동 holding
 * their position, where the app ships outlines; each change has its audit entry.
 */
const zoneDongsStep: Step = {
  name: "zone-dongs-from-positions-v1",
  async run(tx) {
    const author = { label: "seed", requestId: randomUUID() };
    for (const code of SHIPPED_DONG_CODES) {
      const at = await dongLocator(tx, code);
      const [m] = await tx.select({ id: s.municipalities.id }).from(s.municipalities).where(eq(s.municipalities.code, code));
      if (!at || !m) continue;
      const zones = await tx
        .select({ id: s.sites.id, lat: s.sites.lat, lng: s.sites.lng })
        .from(s.sites)
        .where(and(eq(s.sites.municipalityId, m.id), isNull(s.sites.dong), isNotNull(s.sites.lat), isNotNull(s.sites.lng)));
      const changes: Change[] = [];
      for (const z of zones) {
        const dong = at({ lat: z.lat!, lng: z.lng! });
        if (!dong) continue;
        await tx
          .update(s.sites)
          .set({ dong, version: sql`${s.sites.version} + 1`, updatedAt: new Date() })
          .where(eq(s.sites.id, z.id));
        changes.push({ action: "update", entityType: "site", entityId: z.id, municipalityId: m.id, before: { dong: null }, after: { dong } });
      }
      await recordChanges(tx, author, changes);
    }
  },
};

export const SEED_STEPS: readonly Step[] = [programStep, poiStep, standard2016Step, reportedYearsStep, zonePositionsStep, zoneDongsStep];

/** The steps that do not depend on the environment (the Jinju program and its data, no users) not yet applied; returns their names. */
export async function seedProgram(db: Db): Promise<string[]> {
  const applied: string[] = [];
  for (const step of SEED_STEPS) {
    const ran = await db.transaction(async (tx) => {
      const inserted = await tx.insert(s.seedSteps).values({ name: step.name }).onConflictDoNothing().returning({ name: s.seedSteps.name });
      if (inserted.length === 0) return false;
      await step.run(tx);
      return true;
    });
    if (ran) applied.push(step.name);
  }
  return applied;
}

/** Applies the steps not yet applied, then the users the environment asks for; returns their names. Safe to run any number of times. */
export async function seed(db: Db): Promise<string[]> {
  return [...(await seedProgram(db)), ...(await seedUsers(db))];
}
