// A planner works on the map: base map without tiles, layers, filters, selection, URL round trip.
import type { Page } from "@playwright/test";
import { expect, FAILING_TILE_HOST, screenshot, test } from "./fixtures";

async function openMap(page: Page, query = "") {
  await page.goto(`/map${query}`);
  await expect(page.getByTestId("map-ready")).toBeAttached({ timeout: 15_000 });
}

const apCount = (page: Page) => page.getByTestId("ap-count");

test("the map shows Jinju's boundaries, zones and APs while the tile server fails", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "지도" }).click();
  await expect(page.getByTestId("map-ready")).toBeAttached({ timeout: 15_000 });
  // The base map is drawn from shipped outlines: the city and its 읍면동.
  await expect(page.locator(".leaflet-pane.leaflet-base-pane path").first()).toBeVisible();
  expect(await page.locator(".leaflet-base-pane path").count()).toBeGreaterThan(20);
  // Six program zones of 2020 and 54 sites of the 2016 standard data have a position.
  await expect(page.locator(".zone-marker")).toHaveCount(60);
  // With the whole city in view, zones are small squares, so the AP clusters' counts stay readable.
  await expect(page.locator(".zone-marker.zone-compact")).toHaveCount(60);
  await expect(page.locator(".zone-marker.zone-compact").first()).toHaveText("");
  await expect(apCount(page)).toHaveText("지도 범위의 AP 112대");
  // Tiles were asked for and failed; the map is still all there.
  expect(await page.locator(`img.leaflet-tile[src*="${FAILING_TILE_HOST}"]`).count()).toBeGreaterThan(0);
  await expect(page.locator(".leaflet-control-attribution")).toContainText("통계청 SGIS");
  await screenshot(page, "map-jinju");

  // Switching the tiles off removes them.
  await page.getByRole("checkbox", { name: "배경 지도 타일" }).uncheck();
  await expect(page.locator("img.leaflet-tile")).toHaveCount(0);
  await expect(page).toHaveURL(/l=aps%2Czones%2Ccandidates%2Cbuses(&|$)/);
});

test("filters change what is shown and the counts, and survive a reload", async ({ page }) => {
  await openMap(page);
  await page.getByLabel("분류").selectOption("park");
  await expect(apCount(page)).toHaveText("지도 범위의 AP 9대");
  await expect(page.locator(".zone-marker")).toHaveCount(1);
  await expect(page).toHaveURL(/category=park/);

  await page.getByLabel("계획 연도").selectOption("2019");
  await expect(apCount(page)).toHaveText("지도 범위의 AP 0대");
  await expect(page.getByText("이 범위에는 조건에 맞는 AP가 없습니다.")).toBeVisible();
  await page.getByLabel("계획 연도").selectOption("2020");
  await page.getByLabel("출처 구분").selectOption("estimate");
  await expect(apCount(page)).toHaveText("지도 범위의 AP 9대");
  await page.getByLabel("출처 구분").selectOption("field_survey");
  await expect(apCount(page)).toHaveText("지도 범위의 AP 0대");
  await page.getByLabel("출처 구분").selectOption("");
  await page.getByLabel("AP 상태").selectOption("faulty");
  await expect(apCount(page)).toHaveText("지도 범위의 AP 0대");
  await page.getByLabel("AP 상태").selectOption("active");
  await expect(apCount(page)).toHaveText("지도 범위의 AP 9대");
  await page.getByLabel("설치 협력사").selectOption({ label: "서경방송" });
  await expect(apCount(page)).toHaveText("지도 범위의 AP 0대");
  await page.getByLabel("설치 협력사").selectOption({ label: "KT" });
  await expect(apCount(page)).toHaveText("지도 범위의 AP 9대");

  await page.reload();
  await expect(page.getByTestId("map-ready")).toBeAttached();
  await expect(page.getByLabel("분류")).toHaveValue("park");
  await expect(page.getByLabel("계획 연도")).toHaveValue("2020");
  await expect(page.getByLabel("AP 상태")).toHaveValue("active");
  await expect(apCount(page)).toHaveText("지도 범위의 AP 9대");

  await page.getByRole("searchbox", { name: "검색" }).fill("혁신도시");
  await page.getByRole("button", { name: "찾기" }).click();
  await expect(apCount(page)).toHaveText("지도 범위의 AP 0대");
  await page.getByRole("button", { name: "필터 초기화" }).click();
  await expect(apCount(page)).toHaveText("지도 범위의 AP 112대");
  await page.getByRole("searchbox", { name: "검색" }).fill("혁신도시");
  await page.getByRole("button", { name: "찾기" }).click();
  await expect(apCount(page)).toHaveText("지도 범위의 AP 10대");
});

test("clicking an AP opens its details, and a pasted link shows the same view", async ({ page }) => {
  await openMap(page, "?c=35.20888,128.12505&z=17&l=aps");
  const points = page.locator("path.ap-point");
  await expect(points).toHaveCount(5);
  await expect(page.locator("path.ap-estimated")).toHaveCount(5);
  await points.first().click({ force: true });
  const detail = page.getByTestId("map-detail");
  await expect(detail.getByRole("heading", { level: 2 })).toHaveText("Jinju_PublicWiFi");
  await expect(detail).toContainText("추정");
  await expect(detail.getByRole("link", { name: "공원구역 (초전공원, 강주연못 등)" })).toBeVisible();
  await expect(page).toHaveURL(/sel=ap%3A\d+/);
  const link = page.url();
  await screenshot(page, "map-ap-detail");

  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByTestId("map-ready")).toBeAttached({ timeout: 15_000 });
  await expect(other.getByTestId("map-detail").getByRole("heading", { level: 2 })).toHaveText("Jinju_PublicWiFi");
  await expect(other.locator("path.ap-selected")).toHaveCount(1);
  await other.close();

  await detail.getByRole("link", { name: "공원구역 (초전공원, 강주연못 등)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("공원구역 (초전공원, 강주연못 등)");
});

test("APs drawn on nearly the same spot are all reachable from a list", async ({ page }) => {
  // At zoom 13 the five APs scattered within 150 m of 초전공원 overlap on screen.
  await openMap(page, "?c=35.20888,128.12505&z=13&l=aps");
  await page.locator("path.ap-point").first().click({ force: true });
  const group = page.getByTestId("ap-group").getByRole("button");
  expect(await group.count()).toBeGreaterThan(1);
  const second = group.nth(1);
  const label = await second.textContent();
  await second.click();
  await expect(second).toHaveAttribute("aria-current", "true");
  await expect(page).toHaveURL(new RegExp(`sel=ap%3A${label!.replace(/\D/g, "")}`));
});

test("a zone opens from its marker or, by keyboard, from the list", async ({ page }) => {
  await openMap(page, "?c=35.18202,128.11504&z=15&l=zones");
  // Close up, a zone shows its AP count.
  await expect(page.locator(".zone-marker.zone-compact")).toHaveCount(0);
  await expect(page.locator('.zone-marker[title^="남강둔치 상평동~하대동"]')).toHaveText("10");
  await page.locator('.zone-marker[title^="남강둔치 상평동~하대동"]').click();
  await expect(page.getByTestId("map-detail").getByRole("heading", { level: 2 })).toHaveText("남강둔치 상평동~하대동");
  await expect(page).toHaveURL(/sel=zone%3A\d+/);

  await openMap(page);
  const zoneButton = page.getByRole("region", { name: "지도 범위의 구역" }).getByRole("button", { name: "경상대학교 (가좌천 문화거리)" });
  await zoneButton.focus();
  await page.keyboard.press("Enter");
  const detail = page.getByTestId("map-detail");
  await expect(detail.getByRole("heading", { level: 2 })).toHaveText("경상대학교 (가좌천 문화거리)");
  await expect(detail).toContainText("대학교");
  await detail.getByRole("button", { name: "닫기" }).click();
  await expect(page.getByTestId("map-detail")).toHaveCount(0);
});

test("the bus layer lists each operator's buses and their APs", async ({ page }) => {
  await openMap(page);
  const operators = page.getByRole("region", { name: "버스 운수사" });
  await expect(operators.getByRole("listitem")).toHaveCount(3);
  await expect(operators).toContainText("차고지 위치 미상");
  const res = await page.request.get("/api/buses?operator=1&pageSize=1");
  const { total } = (await res.json()) as { total: number };
  const first = operators.getByRole("button").first();
  await first.click();
  await expect(page.getByTestId("operator-buses").getByRole("listitem")).toHaveCount(await countFor(page, await first.textContent()));
  expect(total).toBeGreaterThan(0);
  await screenshot(page, "map-operator");
  await page.getByTestId("operator-buses").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 2, name: /이 버스의 AP/ })).toBeVisible();
});

async function countFor(page: Page, name: string | null): Promise<number> {
  const res = await page.request.get("/api/map/operators");
  const { items } = (await res.json()) as { items: { name: string; buses: number }[] };
  return items.find((o) => o.name === name)!.buses;
}

test("the coverage layer draws a circle around each active AP in view and goes away again", async ({ page }) => {
  await openMap(page, "?c=35.17427,128.14323&z=16&l=aps");
  await expect(page.locator("path.ap-point")).toHaveCount(10);
  await expect(page.locator("path.coverage-circle")).toHaveCount(0);
  await page.getByRole("checkbox", { name: "커버리지" }).check();
  await expect(page.locator("path.coverage-circle")).toHaveCount(10);
  await page.getByLabel("커버리지 반경 (m)").fill("120");
  await expect(page).toHaveURL(/r=120/);
  await screenshot(page, "map-coverage");
  await page.getByRole("checkbox", { name: "커버리지" }).uncheck();
  await expect(page.locator("path.coverage-circle")).toHaveCount(0);
});

test("reference places show as their own layer", async ({ page }) => {
  await openMap(page, "?c=35.19,128.08&z=14&l=pois");
  await expect(page.locator(".poi-marker").first()).toBeVisible();
  await expect(page.locator(".poi-traditional_market").first()).toBeVisible();
  await expect(page.locator('.leaflet-marker-icon[title="진주성 · 관광지"]')).toHaveCount(1);
});

test("the map works in English and on a phone-sized screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openMap(page);
  await page.getByTestId("language-switch").click();
  await expect(page.getByTestId("map-ready")).toBeAttached();
  await expect(apCount(page)).toHaveText("112 APs in view");
  await expect(page.locator(".atlas-map")).toBeInViewport();
  await page.getByRole("region", { name: "Zones in view" }).getByRole("button", { name: "남강둔치 상평동~하대동" }).click();
  await expect(page.getByTestId("map-detail")).toContainText("Riverside");
  await screenshot(page, "map-phone-en");
});
