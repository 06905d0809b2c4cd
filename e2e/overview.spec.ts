// A planner opens the overview, reads the program's figures, switches language and opens a zone.
import { expect, screenshot, test } from "./fixtures";

test("the overview shows the program's figures and partner roles, in Korean and in English", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("진주시 공공와이파이 확대 구축 사업");
  await expect(page.getByTestId("total-buses")).toContainText("247대");
  await expect(page.getByTestId("total-zones")).toContainText("13개");
  await expect(page.getByTestId("total-aps")).toContainText("113대");
  // The figures say they are the program's, and where the rest of the inventory is.
  await expect(page.getByTestId("inventory-note")).toHaveText(
    "누적 실적은 사업 구역만 셉니다. 이 밖에 사업 외 구역 55곳(표준데이터 등 가져온 자료)이 있습니다. 사업 외 구역 보기",
  );

  const y2019 = page.getByTestId("year-2019");
  await expect(y2019.getByRole("cell")).toHaveText(["232", "232", "7", "7", "55", "55", "—"]);
  await expect(page.getByTestId("year-2020").getByRole("cell")).toHaveText(["15", "15", "6", "6", "58", "58", "—"]);
  await expect(page.getByTestId("year-2021")).toContainText("문화·관광시설, 버스정류장, 전통시장");
  await expect(page.getByTestId("year-2021")).toContainText("미정");

  const partners = page.getByRole("region", { name: "협력사와 역할" });
  await expect(partners.getByRole("listitem")).toHaveText([/KT.*장비 구매, 설치/, /서경방송.*회선 제공, 선로 공사/, /진주시.*사업비 부담/]);
  await screenshot(page, "overview-ko");

  await page.getByTestId("language-switch").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jinju Public Wi-Fi Expansion Project");
  await expect(page.getByTestId("total-buses")).toContainText("247 buses");
  await expect(page.getByTestId("total-zones")).toContainText("13 zones");
  await expect(page.getByTestId("total-aps")).toContainText("113 APs");
  await expect(page.getByRole("region", { name: "Partners and their roles" }).getByRole("listitem")).toHaveText([
    /KT.*Equipment purchase, Installation/,
    /Seokyung Broadcasting.*Line provision, Line construction/,
    /Jinju City.*Funding/,
  ]);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await screenshot(page, "overview-en");

  // The choice sticks across pages and reloads, and switches back.
  await page.reload();
  await expect(page.getByTestId("total-buses")).toContainText("247 buses");
  await page.getByTestId("language-switch").click();
  await expect(page.getByTestId("total-buses")).toContainText("247대");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
});

test("from the overview a planner opens a zone from the list and sees its APs and work items", async ({ page }) => {
  await page.goto("/");
  // The 13 zones of the overview are the 13 the list shows for the program.
  await page.getByTestId("total-zones").getByRole("link").click();
  await expect(page).toHaveURL(/\/sites\?source=program$/);
  await expect(page.getByTestId("result-count")).toHaveText("13건 중 1–13");
  await page.goto("/");
  await page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "구역" }).click();
  await expect(page).toHaveURL(/\/sites$/);
  // 13 program zones and the 55 sites of the 2016 standard data.
  await expect(page.getByTestId("result-count")).toHaveText("68건 중 1–50");

  await page.getByLabel("연도").selectOption("2020");
  await page.getByRole("button", { name: "적용" }).click();
  await expect(page).toHaveURL(/year=2020/);
  await expect(page.getByTestId("sites-table").locator("tbody tr")).toHaveCount(6);

  await page.getByRole("link", { name: "공원구역 (초전공원, 강주연못 등)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("공원구역 (초전공원, 강주연못 등)");
  await expect(page.getByRole("heading", { name: "이 구역의 AP (9)" })).toBeVisible();
  await expect(page.getByTestId("access-points-table").locator("tbody tr")).toHaveCount(9);
  await expect(page.getByTestId("work-items-table").locator("tbody tr")).toHaveCount(5);
  await expect(page.getByTestId("work-items-table")).toContainText("서경방송");
  await screenshot(page, "site-detail");

  // The work item links to its partner, whose page lists its work.
  await page.getByTestId("work-items-table").getByRole("link", { name: "서경방송" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("서경방송");
});
