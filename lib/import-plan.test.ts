import { describe, expect, it } from "vitest";
import type { Area } from "./geo";
import { apFieldsOf, parseRetire, planImport, siteFieldsOf, vanishedOf, type ExistingAp, type ExistingSite } from "./import-plan";
import { readStandardData, type StandardRecord } from "./standard-data";

const HEADER =
  "번호,설치장소명,설치장소상세,설치시도명,설치시군구명,설치시설구분,서비스제공사명,와이파이SSID,설치연월,소재지도로명주소,소재지지번주소,관리기관명,관리기관전화번호,WGS84위도,WGS84경도,데이터기준일자";
const row = (n: number, name: string, ssid = "Jinju_Free", lat = "35.19", lng = "128.08") =>
  `${n},${name},1층,경상남도,진주시,관공서,KT,${ssid},2020-01,진주대로 ${n},,진주시,055-000-0000,${lat},${lng},2020-01-01`;
const records = (...rows: string[]) => readStandardData(new TextEncoder().encode(`${HEADER}\n${rows.join("\n")}\n`)).records;

/** A zone and its AP as the database would hold them after importing `r` (with id `id`). */
function stored(r: StandardRecord, id: number): { site: ExistingSite; ap: ExistingAp & { sourceRef: string } } {
  return {
    site: { ...siteFieldsOf(r), id, municipalityId: 1, version: 1, sourceKey: r.siteKey },
    ap: { ...apFieldsOf(r), id: 100 + id, siteId: id, version: 1, sourceRef: r.key },
  };
}

type Held = { site: ExistingSite; aps?: (ExistingAp & { sourceRef: string })[]; own?: boolean };

function plan(file: StandardRecord[], existing: Held[] = [], outlines = new Map<number, Area>()) {
  const byKey = new Map(existing.map((e) => [e.site.sourceKey ?? `WA-${e.site.id}`, e]));
  return planImport({
    records: file,
    municipalityIdOf: () => 1,
    siteOf: (r) => {
      const e = byKey.get(r.ref ?? "") ?? byKey.get(r.siteKey);
      return e ? { site: e.site, own: e.own ?? false } : undefined;
    },
    apOf: (siteId, key) => existing.find((e) => e.site.id === siteId)?.aps?.find((a) => a.sourceRef === key),
    outlines,
    fileCounts: { duplicate: 0, invalid: 0 },
  });
}
const held = (r: StandardRecord, id: number): Held => ({ site: stored(r, id).site, aps: [stored(r, id).ap] });

describe("the import plan", () => {
  it("plans every record of a first import as new, in key order, with nothing to update", () => {
    const file = records(row(2, "시청"), row(1, "도서관"));
    const p = plan(file);
    expect(p.counts).toEqual({ new: 2, updated: 0, unchanged: 0, duplicate: 0, invalid: 0 });
    expect(p.sites).toEqual({ new: 2, updated: 0 });
    expect(p.newSites.map((n) => n.fields.name)).toEqual(["도서관", "시청"]);
    expect([p.siteUpdates, p.apUpdates, p.changes]).toEqual([[], [], []]);
  });

  it("makes the rows of one place (a floor each) one zone with one AP per row", () => {
    const floors = [1, 2, 3].map((f) => `${f},시청,${f}층 민원실,경상남도,진주시,관공서,KT,Jinju_Free,2020-01,진주대로 1,,진주시,055,35.19,128.08,2020-01-01`);
    const p = plan(records(...floors, row(4, "도서관")));
    expect(p.counts.new).toBe(4);
    expect(p.sites.new).toBe(2);
    const cityHall = p.newSites.find((n) => n.fields.name === "시청")!;
    expect(cityHall.aps.map((a) => a.placeDetail)).toEqual(["1층 민원실", "2층 민원실", "3층 민원실"]);
  });

  it("plans a re-import of the same file as unchanged: nothing to write, no audit entry", () => {
    const file = records(row(1, "도서관"), row(2, "시청"));
    const p = plan(
      file,
      file.map((r, i) => held(r, i + 1)),
    );
    expect(p.counts).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    expect([p.newSites, p.siteUpdates, p.apUpdates, p.apInserts, p.changes]).toEqual([[], [], [], [], []]);
  });

  it("plans a changed position as a zone and AP update and a changed SSID as a new AP, each with its audit entry", () => {
    const before = records(row(1, "도서관"), row(2, "시청"));
    const existing = before.map((r, i) => held(r, i + 1));
    const p = plan(records(row(1, "도서관", "Jinju_Free", "35.2"), row(2, "시청", "Jinju_New")), existing);
    expect(p.counts).toMatchObject({ new: 1, updated: 1, unchanged: 0 });
    expect(p.siteUpdates).toEqual([expect.objectContaining({ id: 1, lat: 35.2, version: 2, imported: true })]);
    expect(p.apUpdates).toEqual([expect.objectContaining({ id: 101, lat: 35.2, version: 2 })]);
    // Another SSID at the same place is another access point of the same zone.
    expect(p.apInserts).toEqual([expect.objectContaining({ siteId: 2, ssid: "Jinju_New" })]);
    expect(p.changes.map((c) => [c.entityType, c.entityId])).toEqual([
      ["site", 1],
      ["access_point", 101],
    ]);
  });

  it("gives a zone that lost its imported AP a new one", () => {
    const [r] = records(row(1, "도서관"));
    const p = plan([r!], [{ site: stored(r!, 1).site }]);
    expect(p.apInserts).toEqual([expect.objectContaining({ siteId: 1, municipalityId: 1, ssid: "Jinju_Free", sourceRef: r!.key })]);
    expect(p.counts.new).toBe(1);
  });

  it("compares a zone this app made (번호 WA-<id>) by its own fields only", () => {
    const [r] = records(row(1, "도서관").replace(/^1,/, "WA-7,"));
    const own: Held = { site: { ...siteFieldsOf(r!), id: 7, municipalityId: 1, version: 3, sourceKey: null }, own: true };
    expect(plan([r!], [own]).counts).toMatchObject({ unchanged: 1, updated: 0 });
    const renamed = records(row(1, "새 도서관").replace(/^1,/, "WA-7,"));
    const p = plan(renamed, [own]);
    expect(p.siteUpdates).toEqual([expect.objectContaining({ id: 7, name: "새 도서관", version: 4, imported: false, sourceKey: null })]);
    expect([p.apUpdates, p.apInserts]).toEqual([[], []]);
  });

  it("flags a row outside its municipality's outline and still plans it", () => {
    const square: Area = {
      type: "Polygon",
      coordinates: [
        [
          [128, 35],
          [128.2, 35],
          [128.2, 35.3],
          [128, 35.3],
          [128, 35],
        ],
      ],
    };
    const p = plan(records(row(1, "안"), row(2, "밖", "x", "37.56", "126.97")), [], new Map([[1, square]]));
    expect(p.issues).toEqual([expect.objectContaining({ line: 3, code: "outside_boundary", severity: "warning" })]);
    expect(p.counts.new).toBe(2);
  });

  it("counts add up to the records planned plus what the file's reading set aside", () => {
    const file = records(row(1, "가"), row(2, "나"), row(3, "다"));
    const p = planImport({
      records: file,
      municipalityIdOf: () => 1,
      siteOf: (r) => (r.placeName === "가" ? { site: stored(r, 1).site, own: false } : undefined),
      apOf: () => undefined,
      outlines: new Map(),
      fileCounts: { duplicate: 4, invalid: 1 },
    });
    const { new: fresh, updated, unchanged, duplicate, invalid } = p.counts;
    // 가's zone is known but its AP is not: a new AP in a zone that exists.
    expect([fresh, updated, unchanged, duplicate, invalid]).toEqual([3, 0, 0, 4, 1]);
    expect(fresh + updated + unchanged).toBe(file.length);
    expect(p.perMunicipality.get(1)).toEqual({ new: 3, updated: 0, unchanged: 0 });
  });
});

describe("a new edition", () => {
  const zone = (id: number, name: string, lat: number | null, lng: number | null, municipalityId = 1) => ({
    id,
    municipalityId,
    name,
    address: null,
    lat,
    lng,
  });
  const row = (name: string, lat: number | null, lng: number | null, line: number, municipalityId = 1) => ({
    municipalityId,
    name,
    lat,
    lng,
    siteId: null,
    line,
  });

  it("finds each vanished zone's successors by name or within 30 m, closest first, and none for a zone that is simply gone", () => {
    const vanished = vanishedOf(
      [zone(1, "진주 도서관", 35.18, 128.1), zone(2, "체육관", 35.19, 128.11), zone(3, "경로당", 35.2, 128.12), zone(4, "시청", 35.21, 128.13, 2)],
      [
        row("진주도서관", 35.1801, 128.1, 2), // renamed spacing, about 11 m away
        row("종합체육관", 35.19, 128.1101, 3), // another name, about 9 m away
        row("먼 공원", 35.1905, 128.11, 4), // about 55 m: too far
        row("시청", 35.21, 128.13, 5, 1), // the same name in another municipality
      ],
    );
    expect(vanished.map((v) => [v.id, v.successors.map((s) => [s.name, s.sameName, s.distanceM, s.line])])).toEqual([
      [1, [["진주도서관", true, 11, 2]]],
      [2, [["종합체육관", false, 9, 3]]],
      [3, []],
      [4, []],
    ]);
  });

  it("reads the choice to retire: all, ids, or nothing; anything else is refused", () => {
    expect(parseRetire("")).toEqual([]);
    expect(parseRetire("all")).toBe("all");
    expect(parseRetire("3, 14")).toEqual([3, 14]);
    expect(parseRetire("3;x")).toBeNull();
  });
});
