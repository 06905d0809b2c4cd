import { and, eq, ne } from "drizzle-orm";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { readStandardData } from "../lib/standard-data";
import { buildExport, OPERATOR_GRANTS, type ExportRequest } from "./exports";
import { getDb } from "./database";
import { importStandardData } from "../db/queries/import";
import * as s from "../db/schema";
import { testEngine } from "../db/testing/engines";

const TODAY = new Date("2026-11-26T03:00:00Z");
const build = async (req: Partial<ExportRequest> & Pick<ExportRequest, "what" | "format">) =>
  buildExport((await getDb()).db, { locale: "ko", grants: OPERATOR_GRANTS, today: TODAY, ...req });
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe(`exports on ${testEngine()}`, () => {
  it("writes the rollout summary as CSV: UTF-8 with a BOM, a section per table", async () => {
    const out = await build({ what: "summary", format: "csv" });
    expect(out).toMatchObject({
      contentType: "text/csv; charset=utf-8",
      fileName: "진주시_공공와이파이_추진현황_2026-11-26.csv",
      asciiFileName: "summary-48170-2026-11-26.csv",
    });
    expect([...out.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sections = text(out.bytes)
      .replace(/^\uFEFF/, "")
      .split("\r\n\r\n");
    expect(sections.map((x) => x.split("\r\n")[0])).toEqual([
      "연도별",
      "분야별",
      "협력사별",
      "작업 분담: 작업하는 협력사별 계획 비용",
      "비용 부담: 비용을 내는 협력사별 계획 비용",
    ]);
    const years = Papa.parse<Record<string, string>>(sections[0]!.split("\r\n").slice(1).join("\n"), { header: true, skipEmptyLines: true }).data;
    expect(years.map((y) => [y["연도"], y["버스 목표"], y["버스 실적"], y["구역 목표"], y["구역 실적"], y["AP 목표"], y["AP 실적"], y["예산 실적"]])).toEqual([
      ["2019", "232", "232", "7", "7", "55", "55", "미공개"],
      ["2020", "15", "15", "6", "6", "58", "58", "미공개"],
      ["2021", "", "0", "", "0", "", "0", "미공개"],
      // The same totals as the overview: 2021's targets were never set, so the targets' total says so
      // rather than counting them as 0; budgets nobody published stay unknown.
      ["합계", "247 + 미정 1개 연도", "247", "13 + 미정 1개 연도", "13", "113 + 미정 1개 연도", "113", "미공개"],
    ]);
    // Shares are percentages with one decimal, never raw fractions.
    expect(sections[2]).not.toMatch(/0\.\d{5,}/);
  });

  it("exports the zones of one source: the program's, or the rest of the inventory", async () => {
    const rowsOf = async (source: "program" | "other") =>
      Papa.parse<Record<string, string>>(text((await build({ what: "sites", format: "csv", filters: { source } })).bytes).replace(/^\uFEFF/, ""), {
        header: true,
        skipEmptyLines: true,
      }).data;
    const [program, other] = [await rowsOf("program"), await rowsOf("other")];
    expect([program.length, other.length]).toEqual([13, 55]);
    expect(new Set(other.map((r) => r["출처 구분"]))).toEqual(new Set(["가져온 자료"]));
    expect(program.some((r) => r["출처 구분"] === "가져온 자료")).toBe(false);
    // Estimates the zone's own provenance does not show are named in their own columns; a city's file has none.
    const z2020 = program.filter((r) => r["계획 연도"] === "2020");
    expect(z2020.map((r) => [r["AP 수 근거"], r["위치 근거"]])).toEqual(Array(6).fill(["추정", "추정"]));
    // The 2019 zones have no place at all: nothing to call an estimate.
    expect(new Set(program.filter((r) => r["계획 연도"] === "2019").map((r) => r["위치 근거"]))).toEqual(new Set([""]));
    expect(new Set(other.flatMap((r) => [r["AP 수 근거"], r["위치 근거"]]))).toEqual(new Set([""]));
  });

  it("writes the summary as XLSX: a sheet per table, typed numbers, KRW format, frozen header", async () => {
    const { db } = await getDb();
    const [item] = await db.select().from(s.workItems).where(ne(s.workItems.kind, "funding")).limit(1);
    await db.update(s.workItems).set({ plannedCostKrw: 5_000_000, actualCostKrw: 4_200_000, notes: "=cmd|' /C calc'!A0" }).where(eq(s.workItems.id, item!.id));
    const out = await build({ what: "summary", format: "xlsx" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["연도별", "분야별", "협력사별", "작업 분담", "비용 부담"]);
    const years = book.getWorksheet("연도별")!;
    // A title row, then the frozen header; years are plain integers, counts have separators.
    expect(years.getRow(1).getCell(1).value).toBe("연도별");
    expect(years.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(years.getRow(3).getCell(2).value).toBe(232);
    expect(years.getRow(3).getCell(1).value).toBe(2019);
    expect(years.getColumn(1).numFmt).toBe("0");
    expect(years.getColumn(2).numFmt).toBe("#,##0");
    expect(years.getColumn(9).numFmt).toBe('"₩"#,##0');
    // The totals row sums each fully known count column with a formula, and says the overview's totals:
    // a target column with a year never set says how many years it lacks instead.
    const total = years.getRow(6);
    expect(total.getCell(1).value).toBe("합계");
    expect(total.getCell(2).value).toBe("247 + 미정 1개 연도");
    expect(total.getCell(3).value).toMatchObject({ formula: "SUM(C3:C5)", result: 247 });
    expect(total.getCell(7).value).toMatchObject({ formula: "SUM(G3:G5)", result: 113 });
    expect(book.getWorksheet("작업 분담")!.getColumn(3).numFmt).toBe("0.0%");
    const partners = book.getWorksheet("협력사별")!;
    // The item's group (partner, year, status) has other items whose cost nobody published: the
    // cell says so instead of adding them as 0; a fully known group stays a typed KRW number.
    const costs = Array.from({ length: partners.rowCount - 3 }, (_, i) => partners.getRow(i + 3).getCell(5).value).filter((v) => v !== null && v !== undefined);
    // The totals row: the same rule over the whole column.
    expect(partners.getRow(partners.rowCount).getCell(5).value).toMatch(/^₩5,000,000 \+ 미공개 \d+건$/);
    expect(costs.filter((v) => typeof v === "string" && /^₩5,000,000 \+ 미공개 \d+건$/.test(v)).length + costs.filter((v) => v === 5_000_000).length).toBe(1);
    expect(costs.filter((v) => typeof v === "string" && v.startsWith("₩0"))).toEqual([]);
  });

  it("writes who does the work and who pays as two tables of one total, each share column summing to 100 %", async () => {
    const { db } = await getDb();
    // Every piece of 2019 work gets a planned cost; the city pays for all of it, as the MOU says.
    const work2019 = await db
      .select({ id: s.workItems.id, partner: s.partners.nameKo })
      .from(s.workItems)
      .innerJoin(s.partners, eq(s.partners.id, s.workItems.partnerId))
      .where(and(eq(s.workItems.planYear, 2019), ne(s.workItems.kind, "funding")));
    for (const [i, w] of work2019.entries())
      await db
        .update(s.workItems)
        .set({ plannedCostKrw: 1_000_000 + i * 10_000 })
        .where(eq(s.workItems.id, w.id));
    const byPartner = (name: string) => work2019.reduce((n, w, i) => n + (w.partner === name ? 1_000_000 + i * 10_000 : 0), 0);
    const total2019 = byPartner("KT") + byPartner("서경방송");

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from((await build({ what: "summary", format: "xlsx" })).bytes) as unknown as ArrayBuffer);
    const read = (name: string) => {
      const sheet = book.getWorksheet(name)!;
      const header = (sheet.getRow(2).values as unknown[]).slice(1);
      const col = (h: string) => header.indexOf(h) + 1;
      const rows = Array.from({ length: sheet.rowCount - 2 }, (_, i) => sheet.getRow(i + 3));
      const value = (v: unknown) => (v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v);
      return Object.fromEntries(
        rows.map((r) => [String(r.getCell(1).value), { cost: value(r.getCell(col("2019 계획 비용")).value), share: value(r.getCell(col("2019 비중")).value) }]),
      ) as Record<string, { cost: unknown; share: unknown }>;
    };
    const work = read("작업 분담");
    const pay = read("비용 부담");
    // Who does the work: the telecom and the cable operator; the city does none of it.
    expect(work["KT"]!.cost).toBe(byPartner("KT"));
    expect(work["서경방송"]!.cost).toBe(byPartner("서경방송"));
    expect(work["진주시"]).toMatchObject({ cost: 0, share: 0 });
    // Who pays: the city, all of it. Not 50 %, and not twice the zone's cost.
    expect(pay["진주시"]).toMatchObject({ cost: total2019, share: 1 });
    expect(pay["KT"]).toMatchObject({ cost: 0, share: 0 });
    // Both tables total the same amount, and each share column adds up to 100 %.
    expect(work["합계"]!.cost).toBe(total2019);
    expect(pay["합계"]!.cost).toBe(total2019);
    for (const t of [work, pay]) {
      const shares = Object.entries(t)
        .filter(([k]) => k !== "합계")
        .map(([, v]) => Number(v.share));
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    expect(Number(work["KT"]!.share) * 1000).toBeCloseTo(Math.round((byPartner("KT") / total2019) * 1000), 6);
  });

  it("writes the summary as a Korean PDF with the font embedded", async () => {
    const out = await build({ what: "summary", format: "pdf" });
    expect(out.contentType).toBe("application/pdf");
    // The font program itself is in the file, not a reference to a system font.
    expect(Buffer.from(out.bytes).toString("latin1")).toMatch(/\/FontFile2/);
    const pdf = await getDocumentProxy(out.bytes.slice());
    expect(pdf.numPages).toBeGreaterThanOrEqual(1);
    const { text: content } = await extractText(pdf, { mergePages: true });
    expect(content).toContain("진주시 공공와이파이 확대 구축 사업 추진 현황");
    expect(content).toContain("연도별");
    expect(content).toContain("협력사별");
    // 2021 was planned with no target: the chart says so rather than drawing a target of zero.
    expect(content).toContain("목표 미정");
    // Every page has content besides its footer, and the footers count the pages there are.
    const { totalPages, text: pages } = await extractText(await getDocumentProxy(out.bytes.slice()), { mergePages: false });
    pages.forEach((page, i) => {
      expect(page).toContain(`${i + 1} / ${totalPages}`);
      expect(page.replace(/와이파이 아틀라스 · [\d-]+ · \d+ \/ \d+/, "").trim().length, `page ${i + 1}`).toBeGreaterThan(20);
    });
  });

  it("paginates a summary longer than a page: no blank page, every footer counts them all", async () => {
    const { db } = await getDb();
    const [program] = await db.select({ id: s.programs.id }).from(s.programs).limit(1);
    const [partner] = await db.select({ id: s.partners.id }).from(s.partners).limit(1);
    // Enough plan years of work to carry the partner table onto further pages.
    for (let year = 2030; year < 2090; year++) {
      await db
        .insert(s.workItems)
        .values({ programId: program!.id, planYear: year, partnerId: partner!.id, kind: "funding", status: "not_started", provenance: "manual" });
    }
    const out = await build({ what: "summary", format: "pdf" });
    const { totalPages, text: pages } = await extractText(await getDocumentProxy(out.bytes.slice()), { mergePages: false });
    expect(totalPages).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`${i + 1} / ${totalPages}`);
      expect(page.replace(/와이파이 아틀라스 · [\d-]+ · \d+ \/ \d+/, "").trim().length, `page ${i + 1}`).toBeGreaterThan(20);
    });
  });

  it("leaves the money columns out of a summary asked for by an anonymous visitor", async () => {
    const out = await build({ what: "summary", format: "csv", grants: new Set() });
    expect(text(out.bytes)).not.toContain("5000000");
    // Not blank budget columns that read as "nothing spent": no budget or cost column at all.
    const sections = text(out.bytes)
      .replace(/^\uFEFF/, "")
      .split("\r\n\r\n");
    expect(sections.map((x) => x.split("\r\n")[1])).toEqual([
      "연도,버스 목표,버스 실적,구역 목표,구역 실적,AP 목표,AP 실적",
      "분류,연도,운영 구역,계획 구역(승인·설치 중)",
      "협력사,연도,작업 상태,작업 수",
    ]);
    expect(sections[0]!.split("\r\n").at(-1)).toBe("합계,247 + 미정 1개 연도,247,13 + 미정 1개 연도,13,113 + 미정 1개 연도,113");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from((await build({ what: "summary", format: "xlsx", grants: new Set() })).bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => [w.name, w.getRow(2).cellCount])).toEqual([
      ["연도별", 7],
      ["분야별", 4],
      ["협력사별", 4],
    ]);
    const pdf = await getDocumentProxy((await build({ what: "summary", format: "pdf", grants: new Set() })).bytes);
    const { text: pages } = await extractText(pdf, { mergePages: true });
    expect(pages).toContain("AP 실적");
    expect(pages).not.toMatch(/예산|비용|미공개/);
    // In English, every name is the English one: the heading's place too, not 경상남도 진주시.
    const en = await extractText(await getDocumentProxy((await build({ what: "summary", format: "pdf", grants: new Set(), locale: "en" })).bytes), {
      mergePages: true,
    });
    expect(en.text).toContain("Gyeongsangnam-do Jinju-si · as of 2026-11-26");
    expect(en.text).not.toMatch(/[\uAC00-\uD7A3]/);
    // A total over years some of which have no target says so, as on screen and in the CSV.
    expect(en.text.replace(/\s+/g, " ")).toContain("Total 247 + 1 year not set 247 13 + 1 year not set 13 113 + 1 year not set 113");
    expect(en.text).not.toMatch(/Budget|cost/i);
  });

  it("writes candidates with their score, and their notes only for members", async () => {
    const { db } = await getDb();
    const [jinju] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, "48170"));
    await db.insert(s.sites).values({
      municipalityId: jinju!.id,
      name: "@후보 시장",
      category: "traditional_market",
      status: "candidate",
      planYear: 2021,
      plannedApCount: 2,
      lat: 35.19,
      lng: 128.085,
      notes: "내부 메모",
      provenance: "manual",
    });
    const csv = text((await build({ what: "candidates", format: "csv" })).bytes);
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    expect(rows).toEqual([expect.objectContaining({ 구역명: "'@후보 시장", 메모: "내부 메모", 상태: "후보" })]);
    expect(Number(rows[0]!["점수"])).toBeGreaterThan(0);
    const anon = await build({ what: "candidates", format: "geojson", grants: new Set() });
    const fc = JSON.parse(text(anon.bytes)) as { features: { properties: Record<string, unknown>; geometry: { coordinates: number[] } }[] };
    expect(fc.features[0]!.properties).toMatchObject({ name: "@후보 시장" });
    // Not a blank notes column: no notes column at all for those who may not read notes.
    expect(fc.features[0]!.properties).not.toHaveProperty("notes");
    expect(fc.features[0]!.geometry.coordinates).toEqual([128.085, 35.19]);
  });

  it("writes the national standard format without estimates, and importing it back changes nothing", async () => {
    const out = await build({ what: "standard", format: "csv" });
    const report = readStandardData(out.bytes);
    expect(report).toMatchObject({ encoding: "utf-8-bom", variant: "newer", invalid: 0 });
    // The 55 places of the 2016 file as published; the program's 13 zones, whose APs (and 2019 names) are
    // estimates, are not sent to the portal unless asked.
    expect(report.rows).toBe(55);
    expect(report.records.some((r) => r.ref?.startsWith("WA-"))).toBe(false);
    const { db } = await getDb();
    const again = await importStandardData(db, { bytes: out.bytes, municipalityCode: "48170", dryRun: false, actor: "test" });
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 55, duplicate: 0, invalid: 0 });

    const older = await build({ what: "standard", format: "csv-cp949" });
    expect(older.contentType).toBe("text/csv; charset=euc-kr");
    expect(iconv.decode(Buffer.from(older.bytes), "cp949").split("\r\n")[0]).toBe(
      "설치장소명,설치장소상세,설치시도명,설치시군구명,설치시설구분,서비스제공사명,와이파이SSID,설치년월,소재지도로명주소,소재지지번주소,관리기관명,관리기관전화번호,위도,경도,데이터기준일자,",
    );
    expect(readStandardData(older.bytes)).toMatchObject({ encoding: "cp949", variant: "older", rows: 55 });
  });

  it("writes the estimates when asked, marked in a 추정 column, and both releases come back unchanged, 번호 included", async () => {
    const { db } = await getDb();
    const zonesBefore = await db.select({ id: s.sites.id }).from(s.sites);
    for (const format of ["csv", "csv-cp949"] as const) {
      const out = await build({ what: "standard", format, filters: { estimates: "include" } });
      const written = format === "csv" ? text(out.bytes) : iconv.decode(Buffer.from(out.bytes), "cp949");
      const rows = Papa.parse<Record<string, string>>(written.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
      expect(rows).toHaveLength(68);
      // The program's 13 zones are marked, the 55 published places are not.
      expect(rows.filter((r) => r["추정"] === "추정").map((r) => r["설치장소명"])).toHaveLength(13);
      expect(rows.filter((r) => r["추정"] === "추정").every((r) => format === "csv-cp949" || r["번호"]!.startsWith("WA-"))).toBe(true);
      const back = await importStandardData(db, { bytes: out.bytes, municipalityCode: "48170", dryRun: false, actor: "test" });
      expect(back.counts).toEqual({ new: 0, updated: 0, unchanged: 68, duplicate: 0, invalid: 0 });
      // The older release has no 번호: the program's zones are found again by their place, not made twice.
      expect(await db.select({ id: s.sites.id }).from(s.sites)).toHaveLength(zonesBefore.length);
    }
  });

  it("refuses a format the export does not come in", async () => {
    await expect(build({ what: "standard", format: "pdf" })).rejects.toThrow("A standard export comes as csv or csv-cp949, not pdf.");
  });
});
