// One rule per number: every figure a planner signs — counts per year, budgets, who does the work and
// who pays — reads the same on the overview, /plan, the matrix, /api/summary, /api/plan and in the
// summary's CSV, XLSX and PDF; each share column adds up to 100 %. Read as the data stands (the seed,
// plus what earlier flows approved), then again after a fully costed year is planned.
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, screenshot, test } from "./fixtures";

type Money = { known: number; unknown: number };
/** A count as read: a number, null where not set, or a total of targets lacking some years as "247 + 1". */
type Count = number | string | null;
type Counts = Record<string, Count[]>;
/** A share table as partner → per column (each year, then all years) [amount, share]. */
type Shares = Record<string, [string | null, number | null][]>;

/** One canonical form for an amount, however a surface writes it: "4900000", "?" (unknown), "4900000+?3" (partly). */
function moneyOf(v: unknown): string | null {
  if (v === null || v === undefined || v === "" || v === "—") return null;
  if (typeof v === "number") return String(v);
  if (typeof v === "object") {
    const m = v as Money;
    return m.unknown === 0 ? String(m.known) : m.known === 0 ? "?" : `${m.known}+?${m.unknown}`;
  }
  const s = String(v).trim();
  if (s === "미공개") return "?";
  const partial = s.match(/^₩([\d,]+) \+ 미공개 (\d+)건$/);
  if (partial) return `${partial[1]!.replace(/,/g, "")}+?${partial[2]}`;
  if (/^₩?[\d,]+$/.test(s)) return s.replace(/[₩,]/g, "");
  throw new Error(`not an amount: ${s}`);
}

/** A share in percent with one decimal, however written: "73.3%", 0.733 (a spreadsheet's fraction), 73.3. */
function shareOf(v: unknown, fraction = false): number | null {
  if (v === null || v === undefined || v === "" || v === "—") return null;
  if (typeof v === "number") return Math.round((fraction ? v * 100 : v) * 10) / 10;
  const m = String(v).match(/^([\d.]+)%$/);
  if (!m) throw new Error(`not a share: ${String(v)}`);
  return Number(m[1]);
}

/** "247 + 미정 1개 연도": the targets set add up to 247, and one year has none. */
const PARTIAL_TARGET = /^([\d,]+) \+ 미정 (\d+)개 연도$/;
const countOf = (v: unknown): Count => {
  if (v === null || v === undefined || v === "" || v === "미정" || v === "—") return null;
  // The API gives a total of targets as what the set ones add up to and how many years have none.
  if (typeof v === "object" && "known" in v && "unknown" in v) {
    const { known, unknown } = v as Money;
    return unknown === 0 ? known : known === 0 ? null : `${known} + ${unknown}`;
  }
  const partial = PARTIAL_TARGET.exec(String(v));
  if (partial) return `${partial[1]!.replace(/,/g, "")} + ${partial[2]}`;
  return Number(String(v).replace(/,/g, ""));
};
/** A count as the Korean PDF writes it. */
const pdfCount = (v: Count) =>
  v === null
    ? "—"
    : typeof v === "number"
      ? v.toLocaleString("ko-KR")
      : v.replace(/^(\d+) \+ (\d+)$/, (_, a: string, n: string) => `${Number(a).toLocaleString("ko-KR")} + 미정 ${n}개 연도`);

async function signIn(page: Page) {
  await page.goto("/login?next=/");
  await page.getByLabel("이메일").fill("planner@jinju.example");
  await page.getByLabel("비밀번호").fill("planner-pass-2026");
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

async function json(request: APIRequestContext, url: string): Promise<Record<string, unknown>> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

type ApiYear = { year: number; targets: Record<string, number | Money | null>; actuals: Record<string, number | null> };
const FIGURES = ["buses", "zones", "accessPoints"] as const;
/** Per year and in total: target and actual buses, zones, APs (the overview's columns). */
function countsOfApi(body: Record<string, unknown>): Counts {
  const years = body.years as ApiYear[];
  const totals = body.totals as Omit<ApiYear, "year">;
  const row = (y: Omit<ApiYear, "year">) => FIGURES.flatMap((f) => [countOf(y.targets[f]), countOf(y.actuals[f])]);
  return { ...Object.fromEntries(years.map((y) => [String(y.year), row(y)])), total: row(totals) };
}

type ApiCell = { planned: Money; share: number | null };
type ApiTable = { rows: { partner: { nameKo: string }; years: ApiCell[]; all: ApiCell }[]; total: { years: ApiCell[]; all: ApiCell } };
function sharesOfApi(table: ApiTable): Shares {
  const cells = (r: { years: ApiCell[]; all: ApiCell }) => [...r.years, r.all].map((c): [string | null, number | null] => [moneyOf(c.planned), c.share]);
  return { ...Object.fromEntries(table.rows.map((r) => [r.partner.nameKo, cells(r)])), 합계: cells(table.total) };
}

/** A share table on screen: a row per partner, each cell its amount and (when known) its share. */
async function sharesOnScreen(table: Locator): Promise<Shares> {
  const rows = await table.locator("tbody tr, tfoot tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      name: tr.querySelector("th")!.textContent!.trim(),
      cells: [...tr.querySelectorAll("td")].map((td) => ({
        amount: td.firstChild?.textContent?.trim() ?? "",
        share: td.querySelector("[data-share]")?.textContent?.trim() ?? null,
      })),
    })),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.cells.map((c): [string | null, number | null] => [moneyOf(c.amount), shareOf(c.share)])]));
}

/** A share table in a file: partner, then per column an amount and a share. */
function sharesOfRows(rows: unknown[][], fraction: boolean): Shares {
  return Object.fromEntries(
    rows.map((r) => {
      const cells: [string | null, number | null][] = [];
      for (let i = 1; i < r.length; i += 2) cells.push([moneyOf(r[i]), shareOf(r[i + 1], fraction)]);
      return [String(r[0]), cells];
    }),
  );
}

async function readEverySurface(page: Page) {
  const request = page.request;
  const summary = await json(request, "/api/summary");
  const plan = await json(request, "/api/plan");
  const shares = plan.shares as { years: number[]; work: ApiTable; pay: ApiTable };

  // The overview's table.
  await page.goto("/");
  const overview: Counts = {};
  for (const tr of await page.locator("tr[data-testid^=year-]").all()) {
    const key = (await tr.getAttribute("data-testid"))!.replace("year-", "");
    overview[key] = (await tr.locator("td.num").allInnerTexts()).map(countOf);
  }

  // /plan and the matrix draw the share tables.
  await page.goto("/plan");
  const planScreen = { work: await sharesOnScreen(page.getByTestId("shares-work")), pay: await sharesOnScreen(page.getByTestId("shares-pay")) };
  // A year without a target says so on the chart, rather than drawing a target of zero.
  await expect(page.getByTestId("chart-zones")).toContainText("목표 미정");
  await screenshot(page, "reconcile-plan");
  await page.goto("/work-items");
  const matrixScreen = { work: await sharesOnScreen(page.getByTestId("shares-work")), pay: await sharesOnScreen(page.getByTestId("shares-pay")) };

  // The summary's files, as a person downloads them.
  const csvText = (await (await request.get("/api/exports/summary?format=csv&locale=ko")).text()).replace(/^\uFEFF/, "");
  const sections = Object.fromEntries(
    csvText.split("\r\n\r\n").map((part) => {
      const [title, ...lines] = part.split("\r\n");
      return [title!, Papa.parse<string[]>(lines.join("\n"), { skipEmptyLines: true }).data.slice(1)];
    }),
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await (await request.get("/api/exports/summary?format=xlsx&locale=ko")).body()) as unknown as ArrayBuffer);
  const sheetRows = (name: string) => {
    const sheet = book.getWorksheet(name)!;
    const value = (v: ExcelJS.CellValue) => (v && typeof v === "object" && "result" in v ? v.result : v);
    // Row values are sparse where a cell is blank: fill the holes so every column keeps its place.
    return Array.from({ length: sheet.rowCount - 2 }, (_, i) => {
      const row = sheet.getRow(i + 3);
      return Array.from({ length: sheet.columnCount }, (_, c) => value(row.getCell(c + 1).value));
    });
  };
  const pdfBytes = new Uint8Array(await (await request.get("/api/exports/summary?format=pdf&locale=ko")).body());
  const { text: pdfText } = await extractText(await getDocumentProxy(pdfBytes), { mergePages: true });

  const countsOfRows = (rows: unknown[][]) => Object.fromEntries(rows.map((r) => [r[0] === "합계" ? "total" : String(r[0]), r.slice(1, 7).map(countOf)]));
  return {
    summary,
    plan,
    shares,
    counts: {
      overview,
      apiSummary: countsOfApi(summary),
      apiPlan: countsOfApi(plan),
      csv: countsOfRows(sections["연도별"]!),
      xlsx: countsOfRows(sheetRows("연도별")),
    },
    budgets: {
      apiPlan: (plan.years as { actuals: { budgetKrw: number | null } }[]).map((y) => moneyOf(y.actuals.budgetKrw === null ? "미공개" : y.actuals.budgetKrw)),
      csv: sections["연도별"]!.filter((r) => r[0] !== "합계").map((r) => moneyOf(r[8])),
      xlsx: sheetRows("연도별")
        .filter((r) => r[0] !== "합계")
        .map((r) => moneyOf(r[8])),
    },
    work: {
      api: sharesOfApi(shares.work),
      plan: planScreen.work,
      matrix: matrixScreen.work,
      csv: sharesOfRows(sections["작업 분담: 작업하는 협력사별 계획 비용"]!, false),
      xlsx: sharesOfRows(sheetRows("작업 분담"), true),
    },
    pay: {
      api: sharesOfApi(shares.pay),
      plan: planScreen.pay,
      matrix: matrixScreen.pay,
      csv: sharesOfRows(sections["비용 부담: 비용을 내는 협력사별 계획 비용"]!, false),
      xlsx: sharesOfRows(sheetRows("비용 부담"), true),
    },
    pdfText,
  };
}

type Read = Awaited<ReturnType<typeof readEverySurface>>;

/** Fails when any two surfaces disagree, or a share column does not add up to 100 %. */
function expectAgreement(read: Read) {
  for (const [name, counts] of Object.entries(read.counts)) expect(counts, `counts on ${name}`).toEqual(read.counts.apiSummary);
  for (const [name, budgets] of Object.entries(read.budgets)) expect(budgets, `budgets in ${name}`).toEqual(read.budgets.apiPlan);
  for (const view of ["work", "pay"] as const) {
    for (const [name, table] of Object.entries(read[view])) expect(table, `${view} shares on ${name}`).toEqual(read[view].api);
    const table = read[view].api;
    const columns = table["합계"]!.length;
    for (let c = 0; c < columns; c++) {
      const partners = Object.entries(table).filter(([k]) => k !== "합계");
      const shares = partners.map(([, cells]) => cells[c]![1]);
      if (shares.every((s) => s !== null)) expect(Math.round(shares.reduce((a, b) => a! + b!, 0)! * 10) / 10, `${view} column ${c} adds up`).toBe(100);
    }
  }
  // Who does and who pays divide the same total in every column.
  expect(read.pay.api["합계"]).toEqual(read.work.api["합계"]);
  // The PDF carries the same figures: every year's counts row, and every known share.
  // A cell's text wrapped onto two lines reads as two words ("1 개 연도" for "1개 연도").
  const pdf = read.pdfText.replace(/\s+/g, " ").replace(/(\d) 개/g, "$1개");
  for (const [year, row] of Object.entries(read.counts.apiSummary)) {
    const cells = row.map(pdfCount);
    expect(pdf, `PDF row ${year}`).toContain(`${year === "total" ? "합계" : year} ${cells.join(" ")}`);
  }
  for (const view of ["work", "pay"] as const)
    for (const cells of Object.values(read[view].api)) for (const [, share] of cells) if (share !== null) expect(pdf).toContain(`${share.toFixed(1)}%`);
}

test("every surface shows the same counts, budgets and shares, before and after a fully costed year", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  const before = await readEverySurface(page);
  expectAgreement(before);
  // Nothing was added up as 0: 2021's targets were never set, so every surface's total of targets
  // says how many years it lacks,
  expect(before.counts.overview.total).toEqual(["247 + 1", 247, "13 + 1", 13, "113 + 1", 113]);
  // and the seeded work's costs were never published.
  expect(before.work.api["합계"]!.at(-1)![0]).toMatch(/\?/);

  // The planner opens 2022 and approves a zone for it: its work is costed from the unit costs,
  // so 2022 is the first year whose cost is fully known.
  const write = { headers: { Origin: new URL(page.url()).origin } };
  expect((await page.request.post("/api/plan/years", write)).status()).toBe(201);
  const created = await page.request.post("/api/candidates", {
    ...write,
    data: { name: "대조 시험 시장", category: "traditional_market", planYear: 2022, plannedApCount: 4, lat: 35.171, lng: 128.062 },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  expect((await page.request.patch(`/api/sites/${id}`, { ...write, data: { version: 1, status: "surveyed" } })).status()).toBe(200);
  expect((await page.request.patch(`/api/sites/${id}`, { ...write, data: { version: 2, status: "approved" } })).status()).toBe(200);
  // The cable operator pays for its own lines on this zone; the city pays for the rest.
  const items = (await json(page.request, "/api/work-items?year=2022")).items as {
    id: number;
    kind: string;
    version: number;
    partnerId: number;
    siteId: number;
  }[];
  for (const w of items.filter((i) => i.siteId === id && i.kind.startsWith("line_")))
    expect((await page.request.patch(`/api/work-items/${w.id}`, { ...write, data: { version: w.version, paidByPartnerId: null } })).status()).toBe(200);

  const after = await readEverySurface(page);
  expectAgreement(after);
  const col2022 = after.shares.years.indexOf(2022);
  // 4 APs at the default unit costs: KT ₩4,400,000 of equipment and installation, 서경방송 ₩1,600,000 of lines.
  expect(after.work.api["KT"]![col2022]).toEqual(["4400000", 73.3]);
  expect(after.work.api["서경방송"]![col2022]).toEqual(["1600000", 26.7]);
  expect(after.work.api["진주시"]![col2022]).toEqual(["0", 0]);
  // Who pays: the city its share, the cable operator its own lines — not 50 %, and not twice the cost.
  expect(after.pay.api["진주시"]![col2022]).toEqual(["4400000", 73.3]);
  expect(after.pay.api["서경방송"]![col2022]).toEqual(["1600000", 26.7]);
  expect(after.pay.api["합계"]![col2022]).toEqual(["6000000", 100]);
  await page.goto("/plan");
  await expect(page.getByTestId("shares-pay").locator("tbody tr").filter({ hasText: "진주시" })).toContainText("73.3%");
  await screenshot(page, "reconcile-plan-2022");
});
