import { describe, expect, it } from "vitest";
import { provincesOf, type MunicipalityListing } from "./municipalities";

const town = (code: string, voters: number, aps: number | null): MunicipalityListing => ({
  code,
  boundaryCode: code,
  sidoCode: code.slice(0, 2),
  provinceKo: "경상남도",
  provinceEn: "Gyeongsangnam-do",
  nameKo: code,
  nameEn: null,
  recorded: aps !== null,
  accessPoints: aps,
  sites: aps === null ? null : Math.ceil(aps / 3),
  registeredVoters2022: voters,
  areaKm2: 100,
  apsPer10kVoters: null,
  apsPerKm2: null,
  installYears: null,
  topProvider: null,
  topProviderShare: null,
  latestInstallYear: null,
  providers: [],
  findings: null,
  qualityFindings: null,
});

describe("a 시도's figures", () => {
  it("count only the 시군구 with data, over their own voters and area, and say how many those are", () => {
    const [gyeongnam] = provincesOf([town("48170", 300_000, 415), town("48250", 450_000, null), town("48121", 250_000, 0)]);
    expect(gyeongnam).toMatchObject({
      municipalities: 3,
      recordedMunicipalities: 2,
      accessPoints: 415,
      sites: 139,
      // The 시도's voters and area are all of it; its ratios are over the two with data.
      registeredVoters2022: 1_000_000,
      apsPer10kVoters: 7.55,
      apsPerKm2: 2.08,
    });
  });

  it("are unknown, not zero, where no 시군구 has data", () => {
    const [seoul] = provincesOf([town("11110", 130_000, null), town("11140", 110_000, null)]);
    expect(seoul).toMatchObject({
      recordedMunicipalities: 0,
      accessPoints: null,
      sites: null,
      apsPer10kVoters: null,
      apsPerKm2: null,
      registeredVoters2022: 240_000,
    });
  });
});
