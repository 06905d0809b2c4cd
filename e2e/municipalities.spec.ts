// Every municipality a first-class citizen: the header's switcher searches all 250 시군구 grouped by
// 시도, the choice travels in the URL and is remembered on the pages that follow.
import { expect, screenshot, test } from "./fixtures";

test("a visitor switches to another municipality from the header, and the pages follow the choice", async ({ page }) => {
  await page.goto("/");
  const switcher = page.getByRole("button", { name: /^진주시 ▾/ });
  await expect(switcher).toBeVisible();
  await switcher.click();
  const panel = page.getByRole("dialog", { name: "시군구 고르기" });
  await panel.getByRole("searchbox", { name: "시군구 검색" }).fill("수원");
  // Grouped by 시도: the four 구 of 수원시 under 경기도.
  await expect(panel.getByRole("region", { name: "경기도" }).getByRole("button")).toHaveText(["수원시권선구", "수원시영통구", "수원시장안구", "수원시팔달구"]);
  await screenshot(page, "switcher-search");
  // Escape closes it and gives the focus back to the switcher, which opens it again.
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(switcher).toBeFocused();
  await switcher.click();
  await panel.getByRole("searchbox", { name: "시군구 검색" }).fill("김해");
  await panel.getByRole("button", { name: "김해시" }).click();

  await expect(page).toHaveURL(/\/\?municipality=48250$/);
  await expect(page.getByRole("button", { name: /^김해시 ▾/ })).toBeVisible();
  await expect(page.getByText("이 지자체에는 아직 사업이 없습니다.")).toBeVisible();
  // The next page, reached by a plain link, shows the same municipality.
  await page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "구역" }).click();
  await expect(page).toHaveURL(/\/sites$/);
  await expect(page.getByRole("button", { name: /^김해시 ▾/ })).toBeVisible();
  await expect(page.getByTestId("sites-by-source")).toContainText("전체 0곳");
  await screenshot(page, "switcher-gimhae-sites");

  // A shared link names the municipality: Jinju again, with its 68 zones.
  await page.goto("/sites?municipality=48170");
  await expect(page.getByRole("button", { name: /^진주시 ▾/ })).toBeVisible();
  await expect(page.getByTestId("sites-by-source")).toContainText("전체 68곳");
  await page.goto("/sites");
  await expect(page.getByTestId("sites-by-source")).toContainText("전체 68곳");
});

test("a code no municipality has is a 404 in the URL", async ({ page, expectFailures }) => {
  expectFailures.push(/municipality=99999/);
  const res = await page.goto("/sites?municipality=99999");
  expect(res!.status()).toBe(404);
});

test("the national view compares 시도, then one 시도's 시군구, on a choropleth and a sortable table", async ({ page }) => {
  await page.goto("/national");
  const table = page.getByTestId("national-table");
  await expect(table.locator("tbody tr")).toHaveCount(17);
  // Sorted by the chosen figure, APs per 10,000 registered voters: only 경상남도 holds any yet.
  await expect(table.locator("tbody tr").first().locator("th a")).toHaveText("경상남도");
  await expect(table.locator("tbody tr").first().getByTestId("coverage")).toHaveText("시군구 22곳 중 1곳 자료");
  // A 시도 the app holds nothing for is unknown in every count, not 0 APs.
  const seoul = table.locator("tbody tr").filter({ has: page.getByRole("link", { name: "서울특별시", exact: true }) });
  await expect(seoul.locator("td").nth(0)).toHaveText("자료 없음");
  await expect(seoul.locator("td").nth(1)).toHaveText("자료 없음");
  await expect(seoul.locator("td").nth(4)).not.toHaveText("자료 없음");
  await expect(seoul.getByTestId("coverage")).toHaveText("시군구 25곳 중 0곳 자료");
  await expect(table.locator("thead")).toContainText("선거인 1만 명당 AP ▼");
  // The map fills each 시도 and the legend gives the classes, with "자료 없음" for what has none.
  await expect(page.locator(".national-map path.leaflet-interactive")).toHaveCount(17);
  await expect(page.getByTestId("national-legend")).toContainText("자료 없음");
  await expect(page.getByTestId("national-legend")).toContainText("선거인수 2022는");
  // Hovering 경상남도, the one area in the top class, names it and its figure — the table's.
  const top = page.locator(`.national-map path[fill="${"#0f5e54"}"]`);
  await expect(top).toHaveCount(1);
  await top.hover();
  const figure = (await table.locator("tbody tr").first().locator("td").nth(1).innerText()).trim();
  await expect(page.locator(".leaflet-tooltip")).toHaveText(`경상남도 · 선거인 1만 명당 AP ${figure} (시군구 22곳 중 1곳 자료)`);
  await screenshot(page, "national-korea");

  await table.getByRole("link", { name: "경상남도" }).click();
  await expect(page).toHaveURL(/sido=48/);
  await expect(table.locator("tbody tr")).toHaveCount(22);
  await expect(page.locator(".national-map path.leaflet-interactive")).toHaveCount(22);
  await expect(table.locator("tbody tr").first().locator("th a").first()).toHaveText("진주시");
  // Its APs' install years and its main provider, from the inventory.
  await expect(table.locator("thead")).toContainText("설치 연도");
  await expect(table.locator("tbody tr").first()).toContainText(/20\d\d–20\d\d/);
  await expect(table.locator("tbody tr").first()).toContainText("%");
  // Sorting by a column header; the figure the map colours is chosen apart.
  await table.getByRole("link", { name: "선거인수 2022" }).click();
  await expect(table.locator("tbody tr").first().locator("th a").first()).toHaveText("김해시");
  await page.getByLabel("지표").selectOption("accessPoints");
  await page.getByRole("button", { name: "적용" }).click();
  await expect(page).toHaveURL(/metric=accessPoints/);
  // Links seen on the page (and prefetched) did not change the municipality the header names.
  await expect(page.getByRole("button", { name: /^진주시 ▾/ })).toBeVisible();
  await expect(page.getByTestId("national-legend")).toContainText("415");
  await screenshot(page, "national-gyeongnam");
  // Years are years, not amounts: no "2,021" in the legend.
  await page.getByLabel("지표").selectOption("latestInstallYear");
  await page.getByRole("button", { name: "적용" }).click();
  await expect(page.getByTestId("national-legend")).toContainText(/20\d\d/);
  await expect(page.getByTestId("national-legend")).not.toContainText(/\d,\d{3}/);
  // What the latest import found in each 시군구: unknown where nothing was imported.
  await page.getByLabel("지표").selectOption("qualityFindings");
  await page.getByRole("button", { name: "적용" }).click();
  await expect(page.getByTestId("national-legend")).toContainText("최근 표준데이터 가져오기에서 찾은 것");
  const jinjuRow = table.locator("tbody tr").filter({ has: page.getByRole("link", { name: "진주시", exact: true }) });
  await expect(jinjuRow.getByTestId("findings-cell")).toHaveAttribute("title", /경계 밖 \d+ · 설치연월 없음 \d+ \(최근 가져오기 [\d,]+건 중\)/);
  const gimhae = table.locator("tbody tr").filter({ has: page.getByRole("link", { name: "김해시", exact: true }) });
  await expect(gimhae.getByTestId("findings-cell")).toHaveText("자료 없음");
  await screenshot(page, "national-findings");

  // One click into a municipality.
  await table.getByRole("link", { name: "진주시" }).click();
  await expect(page).toHaveURL(/\/\?municipality=48170$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("진주시 공공와이파이");
});

test("a municipality's profile: inventory by source, 읍면동 with voters per AP, and its ranks", async ({ page, expectFailures }) => {
  expectFailures.push(/municipalities\/99999/);
  await page.goto("/");
  await page.getByRole("link", { name: "지역 현황" }).click();
  await expect(page).toHaveURL(/\/municipalities\/48170$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("진주시");
  await expect(page.getByTestId("profile-facts")).toContainText("292,842");
  // Ranked among the 시군구 with AP data: Jinju is the only one in 경상남도 yet.
  await expect(page.getByTestId("profile-ranks")).toContainText("경상남도에서 AP 자료가 있는 시군구 1곳 중 1위");
  // Jinju's 30 읍면동 from the directory, with its APs placed by the shipped outlines.
  const dongs = page.getByTestId("profile-dongs").locator("tbody tr");
  await expect(dongs).toHaveCount(30);
  const cells = await dongs.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())));
  const aps = cells.map((c) => Number(c[1]!.replace(/,/g, "")));
  expect(aps.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  // Voters per AP is the voters over the APs of that 읍면동, where it has any.
  for (const c of cells.filter((c) => Number(c[1]) > 0)) {
    expect(Number(c[2]!.replace(/,/g, ""))).toBe(Math.round(Number(c[0]!.replace(/,/g, "")) / Number(c[1])));
  }
  await expect(page.getByTestId("profile-inventory")).toContainText("관공서");
  await screenshot(page, "profile-jinju");
  // Another municipality, with nothing yet: said so, and no 읍면동 outlines to split APs by.
  await page.goto("/municipalities/48250");
  await expect(page.getByText("이 지역에는 아직 구역이 없습니다.")).toBeVisible();
  // Its APs and ranks are unknown, not 0 and last.
  await expect(page.getByText("공공와이파이 자료가 아직 없습니다(0이 아니라 모름)")).toBeVisible();
  await expect(page.getByTestId("profile-facts")).toContainText(/AP 수\s*자료 없음/);
  await expect(page.getByTestId("profile-ranks").locator("li")).toHaveText([
    "경상남도 안 순위: 자료 없음",
    "선거인수가 비슷한(±25%) 시군구 중 순위: 자료 없음",
  ]);
  await screenshot(page, "profile-no-data");
  await expect(page.getByText("읍면동 경계를 갖고 있지 않아")).toBeVisible();
  expect((await page.goto("/municipalities/99999"))!.status()).toBe(404);
});
