// Lists sort, filter and page through the URL, and a reload shows the same view.
import { expect, screenshot, test } from "./fixtures";

test("the zone list sorts by a column and keeps the order on reload", async ({ page }) => {
  await page.goto("/sites");
  await page.getByTestId("sort-apCount").click();
  await expect(page).toHaveURL(/sort=apCount&dir=asc/);
  // The count, without the "추정" mark a zone whose AP split is an estimate carries beside it.
  const counts = async () =>
    (await page.locator("[data-testid=sites-table] tbody tr td:nth-child(6)").allTextContents()).map((t) => Number(t.replace(/\D/g, "")));
  const asc = await counts();
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
  await page.getByTestId("sort-apCount").click();
  await expect(page).toHaveURL(/dir=desc/);
  const desc = await counts();
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  expect(desc[0]!).toBeGreaterThan(asc[0]!);
  await page.reload();
  expect(await counts()).toEqual(desc);
});

test("the zone list marks what is an estimate: the 2019 zones themselves, the 2020 zones' AP split and place", async ({ page }) => {
  await page.goto("/sites?source=program&sort=planYear");
  const rows = page.getByTestId("sites-table").locator("tbody tr");
  await expect(rows.filter({ hasText: "2019년 구역 1" })).toContainText("추정");
  const zone2020 = rows.filter({ hasText: "공원구역" });
  await expect(zone2020.locator("td").nth(6)).toHaveText("보도자료");
  await expect(zone2020.locator("td").nth(5)).toContainText("추정");
  // Its place is the seed's too (the first of its parks): the 읍면동 says so; a zone of the city's own file does not.
  await expect(zone2020.getByTestId("site-dong")).toContainText("추정");
  await screenshot(page, "sites-estimates");
  await page.goto("/sites?source=other&q=문산읍사무소");
  // A zone of the city's own file: in the 읍면동 holding its published position, not an estimate.
  await expect(rows.filter({ hasText: "문산읍사무소" }).getByTestId("site-dong")).toHaveText("문산읍");
});

test("the bus list pages through 247 buses and filters by year and operator", async ({ page }) => {
  await page.goto("/buses");
  await expect(page.getByTestId("result-count")).toHaveText("247건 중 1–50");
  await page.getByRole("link", { name: "다음" }).click();
  await expect(page.getByTestId("result-count")).toHaveText("247건 중 51–100");
  await expect(page.getByTestId("buses-table").locator("tbody tr")).toHaveCount(50);

  await page.getByLabel("연도").selectOption("2020");
  await page.getByRole("button", { name: "적용" }).click();
  await expect(page.getByTestId("result-count")).toHaveText("15건 중 1–15");
  // The city published how many buses, not which: every bus row says it is an estimate.
  await expect(page.getByTestId("buses-table").locator("tbody tr").filter({ hasText: "추정" })).toHaveCount(15);
  // The count line counts every bus on record by status, whatever the filters, and opens each status.
  const byStatus = page.getByTestId("buses-by-status");
  await expect(byStatus).toHaveText("전체 247대: 계획 0대 · 운행 247대 · 퇴역 0대");
  await screenshot(page, "buses-2020");

  await byStatus.getByRole("link", { name: "운행 247대" }).click();
  await expect(page.getByTestId("result-count")).toHaveText("247건 중 1–50");
  await page.goBack();
  await page.getByRole("link", { name: "임시-2020-001" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("임시-2020-001");
  await expect(page.getByTestId("access-points-table").locator("tbody tr")).toHaveCount(1);
  await page.getByRole("link", { name: "2020년 시내버스 15대" }).click();
  await expect(page.getByTestId("result-count")).toHaveText("15건 중 1–15");
});

test("a partner's page lists what it still owes for a year", async ({ page }) => {
  await page.goto("/partners");
  await page.getByRole("link", { name: "서경방송" }).click();
  await page.getByLabel("연도").selectOption("2021");
  await page.getByRole("button", { name: "적용" }).click();
  const rows = page.getByTestId("work-items-table").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("회선 제공");
  await expect(rows.nth(0)).toContainText("2021년 전체");
  await expect(rows.nth(0)).toContainText("미착수");
  // The work items' split and due dates are estimates from the agreement's roles, and say so.
  await expect(rows.nth(0)).toContainText("추정");
  await screenshot(page, "partner-2021");
});

test("a malformed filter in a pasted link says which one and offers a reset", async ({ page }) => {
  await page.goto("/sites?category=cafe");
  // Next.js keeps its own (empty) route announcer with role alert: pick ours by its text.
  await expect(page.getByRole("alert").filter({ hasText: "잘못된 조건" })).toHaveText(/잘못된 조건입니다: category = “cafe”./);
  await page.getByRole("link", { name: "필터 초기화" }).click();
  await expect(page.getByTestId("sites-table")).toBeVisible();
});

test("the zone list says how many zones are the program's and filters by where they belong", async ({ page }) => {
  await page.goto("/sites");
  // The overview's 13 zones are the program's; the list also holds the imported standard data.
  await expect(page.getByTestId("sites-by-source")).toHaveText("전체 68곳: 사업 구역 13곳 · 사업 외 55곳 (표준데이터 등 가져온 자료)");
  await expect(page.getByTestId("result-count")).toHaveText("68건 중 1–50");

  await page.getByLabel("구분").selectOption("program");
  await page.getByRole("button", { name: "적용" }).click();
  await expect(page).toHaveURL(/source=program/);
  await expect(page.getByTestId("result-count")).toHaveText("13건 중 1–13");
  await expect(page.getByTestId("sites-table").getByText("가져온 자료")).toHaveCount(0);
  // The export carries the filter on screen.
  await expect(page.getByTestId("export-sites").getByRole("link", { name: "CSV" })).toHaveAttribute("href", /source=program/);

  await page.getByRole("link", { name: /사업 외 55곳/ }).click();
  await expect(page.getByTestId("result-count")).toHaveText("55건 중 1–50");
  await expect(page.getByLabel("구분")).toHaveValue("other");
  await expect(page.getByTestId("sites-table").locator("tbody tr").first()).toContainText("가져온 자료");
  await screenshot(page, "sites-other-inventory");
  await page.getByRole("link", { name: "초기화" }).click();
  await expect(page.getByTestId("result-count")).toHaveText("68건 중 1–50");
  await expect(page.getByLabel("구분")).toHaveValue("");
});
