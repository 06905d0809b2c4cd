import { describe, expect, it } from "vitest";
import { testEngine } from "@/db/testing/engines";
import { GET as listMunicipalities } from "./municipalities/route";

type Listing = {
  code: string;
  provinceKo: string;
  nameKo: string;
  accessPoints: number;
  sites: number;
  registeredVoters2022: number | null;
  areaKm2: number | null;
  apsPer10kVoters: number | null;
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
    const jinju = all.items.find((m) => m.code === "48170")!;
    // The seed's inventory: 113 program APs on zones, 247 on buses, 55 more of the 2016 standard data.
    expect(jinju).toMatchObject({ provinceKo: "경상남도", nameKo: "진주시", registeredVoters2022: 292842, sites: 68 });
    expect(jinju.accessPoints).toBeGreaterThan(300);
    expect(jinju.areaKm2).toBeGreaterThan(700);
    expect(jinju.areaKm2).toBeLessThan(720);
    expect(jinju.apsPer10kVoters).toBe(Math.round((jinju.accessPoints / 292842) * 10_000 * 100) / 100);
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
});
