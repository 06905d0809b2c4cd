// Exports from the screens, with the filters on screen: parse what was downloaded.
import fs from "node:fs";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, test } from "./fixtures";

async function download(page: Page, click: () => Promise<void>) {
  const pending = page.waitForEvent("download");
  await click();
  const d = await pending;
  return { name: d.suggestedFilename(), bytes: fs.readFileSync((await d.path())!) };
}
const csvRows = (bytes: Buffer) =>
  Papa.parse<Record<string, string>>(bytes.toString("utf8").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;

test("the zone list exports what its filters show, and the standard file for the data portal", async ({ page }) => {
  await page.goto("/sites?year=2020");
  const links = page.getByTestId("export-sites");
  const csv = await download(page, () => links.getByRole("link", { name: "CSV" }).click());
  // Named in the screen's language.
  expect(csv.name).toMatch(/^진주시_공공와이파이_구역목록_\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = csvRows(csv.bytes);
  expect(rows).toHaveLength(6);
  expect(rows.every((r) => r["계획 연도"] === "2020")).toBe(true);
  // The names are the press release's, their AP split and their places the seed's estimates: the file says which.
  expect(rows.map((r) => [r["출처 구분"], r["AP 수 근거"], r["위치 근거"]])).toEqual(Array(6).fill(["보도자료", "추정", "추정"]));
  // And so does the list, beside each zone's 읍면동.
  await expect(page.getByTestId("site-dong").first()).toContainText("추정");

  const geo = await download(page, () => links.getByRole("link", { name: "GeoJSON" }).click());
  const fc = JSON.parse(geo.bytes.toString("utf8")) as { type: string; features: unknown[] };
  expect(fc).toMatchObject({ type: "FeatureCollection" });
  expect(fc.features).toHaveLength(6);

  const standard = await download(page, () => page.getByTestId("export-standard").getByRole("link", { name: "CSV", exact: true }).click());
  const header = standard.bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n")[0];
  expect(header).toBe(
    "번호,설치장소명,설치장소상세,설치시도명,설치시군구명,설치시설구분,서비스제공사명,와이파이SSID,설치연월,소재지도로명주소,소재지지번주소,관리기관명,관리기관전화번호,WGS84위도,WGS84경도,데이터기준일자",
  );
  // What goes to the portal is what was published: the program's estimated zones only from the other link, marked.
  const published = Papa.parse<Record<string, string>>(standard.bytes.toString("utf8").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
  expect(published.filter((r) => r["설치장소명"] === "2019년 구역 1")).toEqual([]);
  const withEstimates = await download(page, () =>
    page.getByTestId("export-standard-whatStandardWithEstimates").getByRole("link", { name: "CSV", exact: true }).click(),
  );
  const all = Papa.parse<Record<string, string>>(withEstimates.bytes.toString("utf8").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
  expect(all.length - published.length).toBe(13);
  expect(all.find((r) => r["설치장소명"] === "2019년 구역 1")).toMatchObject({ 추정: "추정", 번호: expect.stringMatching(/^WA-\d+$/) });
  expect(all.filter((r) => r["추정"] === "추정")).toHaveLength(13);
});

test("the overview exports the rollout summary as XLSX and as a Korean PDF", async ({ page }) => {
  await page.goto("/");
  const links = page.getByTestId("export-summary");
  const xlsx = await download(page, () => links.getByRole("link", { name: "엑셀(XLSX)" }).click());
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(["연도별", "분야별", "협력사별"]);
  const years = book.getWorksheet("연도별")!;
  expect(years.getRow(1).getCell(1).value).toBe("연도별");
  expect(years.getRow(3).getCell(1).value).toBe(2019);
  expect(years.getRow(3).getCell(3).value).toBe(232);

  const pdf = await download(page, () => links.getByRole("link", { name: "PDF 보고서" }).click());
  expect(pdf.name).toMatch(/^진주시_공공와이파이_추진현황_\d{4}-\d{2}-\d{2}\.pdf$/);
  const doc = await getDocumentProxy(new Uint8Array(pdf.bytes));
  expect(doc.numPages).toBeGreaterThanOrEqual(1);
  const { text } = await extractText(doc, { mergePages: true });
  expect(text).toContain("진주시 공공와이파이 확대 구축 사업 추진 현황");
});

test("the map exports the APs of its filters", async ({ page }) => {
  await page.goto("/map?status=active&category=park");
  await expect(page.getByTestId("map-ready")).toBeAttached({ timeout: 15_000 });
  const csv = await download(page, () => page.getByTestId("export-access-points").getByRole("link", { name: "CSV" }).click());
  const rows = csvRows(csv.bytes);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r["상태"] === "운영" && r["분류"] === "공원")).toBe(true);
});
