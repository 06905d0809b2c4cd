import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { importStandardData } from "@/db/queries/import";
import { testEngine } from "@/db/testing/engines";
import { getDb } from "@/server/database";
import { request } from "./_testing/http";
import { GET as exportWhat } from "./exports/[what]/route";
import { GET as mapZones } from "./map/zones/route";
import { GET as listMunicipalities } from "./municipalities/route";
import { GET as listSites } from "./sites/route";

const HEADER =
  "번호,설치장소명,설치장소상세,설치시도명,설치시군구명,설치시설구분,서비스제공사명,와이파이SSID,설치연월,소재지도로명주소,소재지지번주소,관리기관명,관리기관전화번호,WGS84위도,WGS84경도,데이터기준일자";

type Listing = {
  code: string;
  provinceKo: string;
  nameKo: string;
  recorded: boolean;
  provinceEn: string | null;
  nameEn: string | null;
  accessPoints: number | null;
  sites: number | null;
  registeredVoters2022: number | null;
  areaKm2: number | null;
  apsPer10kVoters: number | null;
  installYears: { first: number; last: number } | null;
  topProvider: { name: string; share: number } | null;
};

async function list(params = ""): Promise<{ status: number; items: Listing[]; total: number }> {
  const res = await listMunicipalities(new Request(`http://localhost/api/municipalities${params}`));
  const body = (await res.json()) as { items: Listing[]; total: number };
  return { status: res.status, ...body };
}

describe(`the municipality directory on ${testEngine()}`, () => {
  it("lists all 250 시군구 from the first start, each with its code, 시도, voters and area", async () => {
    const all = await list();
    expect(all.status).toBe(200);
    expect(all.total).toBe(250);
    expect(all.items.every((m) => /^\d{5}$/.test(m.code) && m.registeredVoters2022! > 0)).toBe(true);
    // Every one has an outline to measure (인천 미추홀구 by its 2018 name, 남구).
    expect(all.items.filter((m) => m.areaKm2 === null).map((m) => m.nameKo)).toEqual([]);
    // Each 시도 has its English name, for the English screens and exports.
    expect(all.items.filter((m) => !m.provinceEn).map((m) => m.nameKo)).toEqual([]);
    expect(all.items.find((m) => m.code === "11110")).toMatchObject({ provinceKo: "서울특별시", provinceEn: "Seoul" });
    // And each 시군구 its own, written one way: a 구 of a city with its city, the suffix hyphenated.
    expect(all.items.filter((m) => !/^[A-Z][a-z]+-(si|gun|gu)( [A-Z][a-z]+-gu)?$/.test(m.nameEn ?? "")).map((m) => `${m.nameKo} ${m.nameEn}`)).toEqual([]);
    const en = (code: string) => all.items.find((m) => m.code === code)?.nameEn;
    expect([en("41111"), en("48121"), en("42780"), en("28177"), en("41610"), en("48170")]).toEqual([
      "Suwon-si Jangan-gu",
      "Changwon-si Uichang-gu",
      "Cheorwon-gun",
      "Michuhol-gu",
      "Gwangju-si",
      "Jinju-si",
    ]);
    const jinju = all.items.find((m) => m.code === "48170")!;
    // The seed's inventory: 113 program APs on zones, 247 on buses, 55 more of the 2016 standard data.
    expect(jinju).toMatchObject({ provinceKo: "경상남도", nameKo: "진주시", registeredVoters2022: 292842, sites: 68 });
    expect(jinju.recorded).toBe(true);
    expect(jinju.accessPoints).toBeGreaterThan(300);
    expect(jinju.areaKm2).toBeGreaterThan(700);
    expect(jinju.areaKm2).toBeLessThan(720);
    expect(jinju.apsPer10kVoters).toBe(Math.round((jinju.accessPoints! / 292842) * 10_000 * 100) / 100);
  });

  it("filters by 시도 and sorts by any figure, unknown last", async () => {
    const gyeongnam = await list("?sido=48&sort=voters&dir=desc");
    expect(gyeongnam.total).toBe(22);
    expect(new Set(gyeongnam.items.map((m) => m.provinceKo))).toEqual(new Set(["경상남도"]));
    const voters = gyeongnam.items.map((m) => m.registeredVoters2022!);
    expect(voters).toEqual([...voters].sort((a, b) => b - a));
    // 경남's biggest by voters is 김해시, then 진주시 after the five 창원 구 are counted apart.
    expect(gyeongnam.items[0]!.nameKo).toBe("김해시");
    const byAps = await list("?sort=accessPoints&dir=desc");
    expect(byAps.items[0]!.code).toBe("48170");
    expect((await list("?sido=4")).status).toBe(400);
    expect((await list("?sort=population")).status).toBe(400);
  });

  it("lands a multi-municipality file in its municipalities, whose lists, map and exports show exactly its counts", async () => {
    const rows = [
      "S1,순천만국가정원 동문,,전남,순천시,공원,KT,SC-1,2019-05,,,순천시청,,34.9291,127.4987,2023-01-01",
      "S2,순천역,,전라남도,순천시청,교통시설,KT,SC-2,2020-01,,,순천시청,,34.9453,127.5038,2023-01-01",
      "S3,순천시청,,전라남도,순천시,관공서,KT,SC-3,2020-02,,,순천시청,,34.9506,127.4872,2023-01-01",
      "G1,김해시청,,경남,김해시,관공서,LGU+,GH-1,2021-03,,,김해시청,,35.2285,128.8894,2023-01-01",
      "G2,수로왕릉,,경상남도,김해 시,관광지,LGU+,GH-2,2021-04,,,김해시청,,35.2339,128.8779,2023-01-01",
    ];
    // Before: nothing recorded for 순천 or 김해, so their counts are unknown, not 0.
    const before = (await list("?sido=48")).items.find((m) => m.code === "48250")!;
    expect(before).toMatchObject({ recorded: false, accessPoints: null, sites: null, apsPer10kVoters: null, apsPerKm2: null });
    expect(before.registeredVoters2022).toBeGreaterThan(0);
    const { db } = await getDb();
    const summary = await importStandardData(db, { bytes: new Uint8Array(Buffer.from(`${HEADER}\n${rows.join("\n")}\n`)), dryRun: false, actor: "test" });
    expect(summary.municipalities).toEqual({ attached: ["전라남도 순천시", "경상남도 김해시"], unmatched: [] });
    const directory = await list();
    const count = (code: string) => directory.items.find((m) => m.code === code)!;
    expect([count("46150").sites, count("46150").accessPoints, count("48250").sites, count("48250").accessPoints]).toEqual([3, 3, 2, 2]);
    // Install years and the main provider, from the file's rows.
    expect(count("46150")).toMatchObject({ installYears: { first: 2019, last: 2020 }, topProvider: { name: "KT", share: 100 } });
    expect(count("48250")).toMatchObject({ installYears: { first: 2021, last: 2021 }, topProvider: { share: 100 } });
    for (const [code, n] of [
      ["46150", 3],
      ["48250", 2],
    ] as const) {
      // The list, the map's zones in the whole country and the zone export of that municipality agree with the file.
      const sites = (await (await listSites(request(`/api/sites?municipality=${code}`))).json()) as { total: number };
      expect(sites.total, `sites of ${code}`).toBe(n);
      const zones = (await (await mapZones(request(`/api/map/zones?bbox=124.5,33,132,38.7&municipality=${code}`))).json()) as { items: unknown[] };
      expect(zones.items, `map zones of ${code}`).toHaveLength(n);
      const csv = await (
        await exportWhat(request(`/api/exports/sites?format=csv&municipality=${code}`), { params: Promise.resolve({ what: "sites" }) })
      ).text();
      expect(Papa.parse(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data, `export of ${code}`).toHaveLength(n);
    }
  });
});
