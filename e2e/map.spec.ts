// A planner works on the map: base map without tiles, layers, filters, selection, URL round trip.
import type { Page } from "@playwright/test";
import { expect, FAILING_TILE_HOST, screenshot, test } from "./fixtures";

async function openMap(page: Page, query = "") {
  await page.goto(`/map${query}`);
  await expect(page.getByTestId("map-ready")).toBeAttached({ timeout: 15_000 });
}

const apCount = (page: Page) => page.getByTestId("ap-count");
/** The AP count line, whatever split of sources follows it. */
const aps = (n: number) => new RegExp(`^지도 범위의 AP ${n}대( ·|$)`);

test("the map shows Jinju's boundaries, zones and APs while the tile server fails", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "지도" }).click();
  await expect(page.getByTestId("map-ready")).toBeAttached({ timeout: 15_000 });
  // The base map is drawn from shipped outlines: the city and its 읍면동.
  await expect(page.locator(".leaflet-pane.leaflet-base-pane path").first()).toBeVisible();
  // Its 30 읍면동 (dashed) follow once the first data is drawn.
  await expect(page.locator('.leaflet-base-pane path[stroke-dasharray="4 3"]')).toHaveCount(30);
  // Six program zones of 2020 and 54 sites of the 2016 standard data have a position.
  await expect(page.locator(".zone-marker")).toHaveCount(60);
  // With the whole city in view, zones are small squares, so the AP clusters' counts stay readable.
  await expect(page.locator(".zone-marker.zone-compact")).toHaveCount(60);
  await expect(page.locator(".zone-marker.zone-compact").first()).toHaveText("");
  // Every count says what it counts: the program's, and the rest of the inventory.
  await expect(apCount(page)).toHaveText("지도 범위의 AP 112대 · 사업 58 · 사업 외 54");
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
  await expect(apCount(page)).toHaveText(aps(9));
  await expect(page.locator(".zone-marker")).toHaveCount(1);
  await expect(page).toHaveURL(/category=park/);

  await page.getByLabel("계획 연도").selectOption("2019");
  await expect(apCount(page)).toHaveText(aps(0));
  await expect(page.getByText("이 범위에는 조건에 맞는 AP가 없습니다.")).toBeVisible();
  await page.getByLabel("계획 연도").selectOption("2020");
  await page.getByLabel("출처 구분").selectOption("estimate");
  await expect(apCount(page)).toHaveText(aps(9));
  await page.getByLabel("출처 구분").selectOption("field_survey");
  await expect(apCount(page)).toHaveText(aps(0));
  await page.getByLabel("출처 구분").selectOption("");
  await page.getByLabel("AP 상태").selectOption("faulty");
  await expect(apCount(page)).toHaveText(aps(0));
  await page.getByLabel("AP 상태").selectOption("active");
  await expect(apCount(page)).toHaveText(aps(9));
  await page.getByLabel("설치 협력사").selectOption({ label: "서경방송" });
  await expect(apCount(page)).toHaveText(aps(0));
  await page.getByLabel("설치 협력사").selectOption({ label: "KT" });
  await expect(apCount(page)).toHaveText(aps(9));

  await page.reload();
  await expect(page.getByTestId("map-ready")).toBeAttached();
  await expect(page.getByLabel("분류")).toHaveValue("park");
  await expect(page.getByLabel("계획 연도")).toHaveValue("2020");
  await expect(page.getByLabel("AP 상태")).toHaveValue("active");
  await expect(apCount(page)).toHaveText(aps(9));

  await page.getByRole("searchbox", { name: "검색" }).fill("혁신도시");
  await page.getByRole("button", { name: "찾기" }).click();
  await expect(apCount(page)).toHaveText(aps(0));
  await page.getByRole("button", { name: "필터 초기화" }).click();
  await expect(apCount(page)).toHaveText(aps(112));
  await page.getByRole("searchbox", { name: "검색" }).fill("혁신도시");
  await page.getByRole("button", { name: "찾기" }).click();
  await expect(apCount(page)).toHaveText(aps(10));
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
  // On a phone the language switch sits in the header's menu.
  await page.getByRole("button", { name: "메뉴" }).click();
  await page.getByTestId("language-switch").click();
  await expect(page.getByTestId("map-ready")).toBeAttached();
  await expect(apCount(page)).toHaveText("112 APs in view · program 58 · other 54");
  await expect(page.locator(".atlas-map")).toBeInViewport();
  await page.getByRole("region", { name: "Zones in view" }).getByRole("button", { name: "남강둔치 상평동~하대동" }).click();
  await expect(page.getByTestId("map-detail")).toContainText("Riverside");
  await screenshot(page, "map-phone-en");
});

test("the counts name the program and the rest, and what has no position on the map is listed", async ({ page }) => {
  await openMap(page);
  await expect(page.getByTestId("zone-count")).toHaveText("지도 범위의 구역 60개 · 사업 6 · 사업 외 54");
  // The program's 13 zones and 113 APs reconcile with the overview: 6 zones and 58 APs drawn, and 7 zones
  // (55 APs) whose position was never published; the buses' APs are on the bus layer.
  const unplaced = page.getByTestId("map-unplaced");
  await expect(unplaced).toContainText("진주시에서 지도에 점으로 없는 것:");
  await expect(unplaced.getByRole("link", { name: "위치가 공개되지 않은 사업 구역 7곳 (AP 55대)" })).toHaveAttribute("href", "/sites?source=program");
  await expect(unplaced.getByRole("link", { name: /^위치가 없는 사업 외 구역 1곳/ })).toHaveAttribute("href", "/sites?source=other");
  await expect(unplaced.getByRole("link", { name: "버스에 단 AP 247대 (버스 레이어의 차고지·노선)" })).toBeVisible();

  // One source at a time: the program's zones (squares) and their APs.
  await page.getByLabel("사업 구분").selectOption("program");
  await expect(page).toHaveURL(/source=program/);
  await expect(page.getByTestId("zone-count")).toHaveText("지도 범위의 구역 6개 · 사업 구역");
  await expect(apCount(page)).toHaveText("지도 범위의 AP 58대 · 사업 구역");
  await expect(page.locator(".zone-marker.zone-program")).toHaveCount(6);
  await expect(page.locator(".zone-marker.zone-other")).toHaveCount(0);
  await page.getByLabel("사업 구분").selectOption("other");
  await expect(page.getByTestId("zone-count")).toHaveText("지도 범위의 구역 54개 · 사업 외 (표준데이터 등)");
  await expect(page.locator(".zone-marker.zone-other")).toHaveCount(54);
});

test("the legend explains every colour the map draws, and zones leave the APs at their spot in sight", async ({ page }) => {
  await openMap(page, "?l=aps,zones,candidates,buses,pois");
  await expect(page.locator(".poi-marker").first()).toBeAttached();
  const legend = page.getByTestId("map-legend");
  const legendColours = new Set(
    (await legend.locator("[data-colour]").evaluateAll((els) => els.map((e) => e.getAttribute("data-colour")!))).map((hex) => {
      const n = parseInt(hex.slice(1), 16);
      return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
    }),
  );
  // The colours drawn: zone borders (category), AP dots (status), reference places (kind).
  const drawn = await page.evaluate(() => {
    const out = new Set<string>();
    for (const el of document.querySelectorAll(".zone-marker span")) out.add(getComputedStyle(el).borderTopColor);
    for (const el of document.querySelectorAll("path.ap-point")) out.add(getComputedStyle(el).stroke);
    for (const el of document.querySelectorAll(".poi-marker span")) out.add(getComputedStyle(el).backgroundColor);
    return [...out];
  });
  expect(drawn.length).toBeGreaterThan(5);
  expect(drawn.filter((c) => !legendColours.has(c))).toEqual([]);
  // The blue squares are 관공서 zones of the 2016 standard data, and the legend says so.
  await expect(legend.getByTestId("legend-categories")).toContainText("관공서");
  await expect(legend).toContainText("사업 외 구역 (동그라미, 표준데이터 등)");
  await screenshot(page, "map-legend");

  // Close up on a zone whose AP is at the very same spot (이반성면사무소, 2016 standard data): the zone's
  // symbol stands above its spot, and the AP there is not covered by it.
  await openMap(page, "?c=35.16918,128.32633&z=17&l=aps,zones");
  await expect(page.locator(".zone-marker")).toHaveCount(1);
  await expect(page.locator("path.ap-point")).toHaveCount(1);
  const covered = await page.evaluate(
    () =>
      [...document.querySelectorAll("path.ap-point")].filter((el) => {
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return top?.closest(".zone-marker") !== null && top?.closest(".zone-marker") !== undefined;
      }).length,
  );
  expect(covered).toBe(0);
  await screenshot(page, "map-zone-over-aps");
});

test("the residents layer shades each 읍면동 by voters per active AP, and the legend gives the classes", async ({ page }) => {
  await openMap(page, "?l=aps,residents");
  const dongs = page.locator(".leaflet-residents-pane path");
  await expect(dongs).toHaveCount(30);
  // The zone layers are off: the panel says so instead of counting 0 zones.
  await expect(page.getByTestId("zone-count")).toHaveText("구역 레이어가 꺼져 있어 구역을 세지 않습니다.");
  const legend = page.getByTestId("legend-residents");
  await expect(legend).toContainText("AP 없는 읍면동");
  // Every fill drawn is a colour the legend explains.
  const fills = new Set(await dongs.evaluateAll((ps) => ps.map((p) => p.getAttribute("fill")!)));
  const explained = new Set(await legend.locator("[data-colour]").evaluateAll((els) => els.map((e) => e.getAttribute("data-colour")!)));
  expect([...fills].filter((f) => !explained.has(f))).toEqual([]);
  await dongs.first().hover({ force: true });
  await expect(page.locator(".leaflet-tooltip")).toContainText("선거인");
  await screenshot(page, "map-residents");
});

test("the map keeps still for someone who asked their system for less motion", async ({ page }) => {
  const container = page.locator(".leaflet-container");
  // By default the map fades its tiles and animates its zooms.
  await openMap(page);
  await expect(container).toHaveClass(/leaflet-fade-anim/);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openMap(page, "?c=35.18,128.1&z=12");
  await expect(container).not.toHaveClass(/leaflet-fade-anim/);
  // A zoom lands at once: no zoom animation ever starts, and the new level is drawn.
  const watchZoomAnimation = () =>
    container.evaluate((el) => {
      el.removeAttribute("data-animated");
      const pane = el.querySelector(".leaflet-map-pane")!;
      new MutationObserver(() => {
        if (pane.classList.contains("leaflet-zoom-anim")) el.setAttribute("data-animated", "yes");
      }).observe(pane, { attributes: true, attributeFilter: ["class"] });
    });
  await watchZoomAnimation();
  await page.locator(".leaflet-control-zoom-in").click();
  await expect(page.getByTestId("map-ready")).toHaveAttribute("data-features", /zoom=13/);
  await expect(container).not.toHaveAttribute("data-animated", "yes");
  await screenshot(page, "map-reduced-motion");
  // The same zoom with motion allowed animates, as the check above would have seen.
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await openMap(page, "?c=35.18,128.1&z=12");
  await watchZoomAnimation();
  await page.locator(".leaflet-control-zoom-in").click();
  await expect(container).toHaveAttribute("data-animated", "yes");
});
