// Importing standard data from the app: upload, preview with a row report, commit, then find the zones on the map.
import fs from "node:fs";
import Papa from "papaparse";
import type { Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures";

const HEADER =
  "번호,설치장소명,설치장소상세,설치시도명,설치시군구명,설치시설구분,서비스제공사명,와이파이SSID,설치연월,소재지도로명주소,소재지지번주소,관리기관명,관리기관전화번호,WGS84위도,WGS84경도,데이터기준일자";
const FILE = [
  HEADER,
  "E2E-1,가좌 시험 도서관,1층,경상남도,진주시,교육시설,KT,E2E-WIFI,2024-05,경상남도 진주시 진주대로 501,,진주시청,055-000-0000,35.1540,128.0990,2026-11-01",
  "E2E-2,가좌 시험 체육관,로비,경상남도,진주시,체육시설,LG U+,E2E-WIFI,2024.6,경상남도 진주시 진주대로 520,,진주시청,055-000-0000,35.1550,128.1000,2026-11-01",
  "E2E-3,가좌 시험 공원,입구,경상남도,진주시,공원,SKT,E2E-WIFI,2024-07,경상남도 진주시 진주대로 540,,진주시청,055-000-0000,128.1010,35.1560,2026-11-01",
].join("\n");

test("an admin previews a file row by row, commits it, and finds the new zones on the map", async ({ page }) => {
  await page.goto("/login?next=%2Fimport");
  await page.getByLabel("이메일").fill("admin@jinju.example");
  await page.getByLabel("비밀번호").fill("admin-pass-2026");
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("표준데이터 가져오기");

  // A file that is not standard data is refused with its name and the columns expected.
  await page.getByTestId("import-file").setInputFiles({ name: "other.csv", mimeType: "text/csv", buffer: Buffer.from("이름,주소\n가,나\n") });
  await page.getByRole("button", { name: "미리보기" }).click();
  const refusal = page.locator(".notice-error[role=alert]");
  await expect(refusal).toContainText("가져오지 못했습니다: other.csv: 전국무료와이파이표준데이터 형식이 아닙니다. 필요한 열은 번호, 설치장소명,");

  // The file as it came, with its install date column renamed: refused, naming the column, until the
  // admin says which column of the standard it is.
  const renamed = FILE.replace("설치연월", "설치일");
  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "gajwa.csv", mimeType: "text/csv", buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(renamed)]) });
  await page.getByRole("button", { name: "미리보기" }).click();
  await expect(refusal).toContainText('gajwa.csv: "설치일" 열은 표준데이터의 열이 아닙니다.');
  const mapping = page.getByTestId("import-map-column");
  await mapping.getByLabel('파일의 "설치일" 열은 표준데이터의 어느 열입니까?').selectOption("설치연월");
  await screenshot(page, "import-map-column");
  await mapping.getByRole("button", { name: "이 열 지정으로 다시 미리보기" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("3행 · UTF-8-BOM · 신형 형식");
  await expect(page.getByTestId("import-mapped")).toHaveText("열 지정: 설치일 → 설치연월");
  await expect(page.getByTestId("import-rows-add-up")).toHaveText("읽은 3행 = 새 3 + 바뀜 0 + 그대로 0 + 중복 0 + 가져오지 않음 0");
  await expect(page.getByTestId("import-sites")).toContainText("구역(장소): 새로 3곳");
  await expect(page.getByTestId("import-count-new").locator("dd")).toHaveText("3");
  await expect(page.getByTestId("import-count-invalid").locator("dd")).toHaveText("0");
  const issues = page.getByTestId("import-issues").locator("tbody tr");
  await expect(issues.filter({ hasText: "위도와 경도가 뒤바뀐 것 같습니다" })).toHaveCount(1);
  await expect(issues.filter({ hasText: "위도와 경도가 뒤바뀐 것 같습니다" }).locator("td").first()).toHaveText("4");
  await screenshot(page, "import-preview");

  const download = page.waitForEvent("download");
  await page.getByTestId("import-report").click();
  const report = Papa.parse<Record<string, string>>(fs.readFileSync(await (await download).path(), "utf8").replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(report).toContainEqual(expect.objectContaining({ 행: "4", 열: "WGS84위도", 구분: "위치 없음" }));

  await page.getByTestId("import-commit").click();
  await expect(page.getByTestId("import-done")).toContainText("가져왔습니다: 새 AP 3개, 바뀐 AP 0개.");
  await screenshot(page, "import-done");

  await page.getByTestId("import-done").getByRole("link", { name: "지도에서 보기" }).click();
  await expect(page.getByTestId("map-ready")).toBeAttached({ timeout: 15_000 });
  await page.getByRole("searchbox", { name: "검색" }).fill("가좌 시험");
  await page.getByRole("button", { name: "찾기" }).click();
  // Two of the three have a position; the swapped one waits for a fix.
  // Imported zones are the rest of the inventory, not the program's, and the counts say so.
  await expect(page.getByTestId("ap-count")).toHaveText("지도 범위의 AP 2대 · 사업 0 · 사업 외 2");
  await expect(page.getByTestId("zone-count")).toHaveText("지도 범위의 구역 2개 · 사업 0 · 사업 외 2");
  await screenshot(page, "import-on-map");
});

test("a file of 2,100 access points shows on the map as clusters that add up to the total, and its zones once zoomed in", async ({ page, browser }) => {
  test.setTimeout(90_000);
  // A dense block in the north-west of the city, kilometres from any market, park or program zone.
  const rows = Array.from({ length: 2100 }, (_, i) => {
    const lat = (35.262 + (i % 42) * 0.0004).toFixed(6);
    const lng = (128.012 + Math.floor(i / 42) * 0.0003).toFixed(6);
    return `E2E-C-${i},북서 시험 구역 ${i},,경상남도,진주시,기타,KT,E2E-DENSE,2025-03,경상남도 진주시 시험로 ${i},,진주시청,055-000-0000,${lat},${lng},2026-11-01`;
  });
  await page.goto("/login?next=%2Fimport");
  await page.getByLabel("이메일").fill("admin@jinju.example");
  await page.getByLabel("비밀번호").fill("admin-pass-2026");
  await page.getByRole("button", { name: "로그인" }).click();
  await page.getByTestId("import-file").setInputFiles({ name: "dense.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...rows].join("\n")) });
  await page.getByRole("button", { name: "미리보기" }).click();
  await expect(page.getByTestId("import-count-new").locator("dd")).toHaveText("2,100", { timeout: 30_000 });
  await page.getByTestId("import-commit").click();
  await expect(page.getByTestId("import-done")).toContainText("새 AP 2,100개", { timeout: 30_000 });

  await page.goto("/map?c=35.27,128.02&z=13&l=aps");
  const ready = page.getByTestId("map-ready");
  await expect(ready).toBeAttached({ timeout: 15_000 });
  // The clusters are drawn on a canvas and listed, one button each, for the keyboard and screen readers.
  const clusters = page.getByTestId("ap-cluster-list").getByRole("button");
  const countsOf = async () => await clusters.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))));
  const sum = async () => (await countsOf()).reduce((n, c) => n + c, 0);
  await expect(clusters.first()).toHaveAccessibleName(/^AP [\d,]+대 — 눌러서 확대$/);
  const total = Number(await page.getByTestId("ap-count").getAttribute("data-total"));
  expect(total).toBeGreaterThanOrEqual(2100);
  expect(await sum()).toBe(total);
  await screenshot(page, "map-clusters");
  // Drawn, not only listed: a disc on the canvas for each of the view's clusters that lies wholly in view.
  expect(await drawnClusters(page)).toBe(await clustersWhollyInView(page));

  // Zooming in and back out: each level's clusters still add up to what the count says.
  await page.locator(".leaflet-control-zoom-in").click();
  await expect(page).toHaveURL(/z=14/);
  await expect(ready).toHaveAttribute("data-features", /zoom=14/);
  await expect.poll(async () => (await sum()) === Number(await page.getByTestId("ap-count").getAttribute("data-total"))).toBe(true);
  await page.locator(".leaflet-control-zoom-out").click();
  await expect(ready).toHaveAttribute("data-features", /zoom=13/);
  await expect.poll(sum).toBe(total);

  // With the zones layer on (it is by default), 2,100 zones in view are too many to draw: the panel
  // says so; close up they are drawn and listed.
  await page.goto("/map?c=35.27,128.02&z=13");
  await expect(ready).toBeAttached({ timeout: 15_000 });
  await expect(page.getByTestId("zone-count")).toHaveText("지도 범위의 구역 300개 초과");
  await expect(page.getByText("구역이 300개를 넘어 지도와 목록에 표시하지 않습니다. 확대하면 나타납니다.")).toBeVisible();
  await expect(page.locator(".zone-marker")).toHaveCount(0);
  await screenshot(page, "map-too-many-zones");

  // Zones in planning are few: a candidate next to the block still shows among too many built zones.
  await page.goto("/candidates");
  const form = page.getByTestId("candidate-form");
  await form.getByLabel("이름").fill("북서 시험 후보");
  await form.getByLabel("위도").fill("35.2750");
  await form.getByLabel("경도").fill("128.0300");
  await form.getByLabel("계획 AP 수").fill("2");
  await form.getByRole("button", { name: "후보 추가" }).click();
  await expect(page.getByRole("status").filter({ hasText: "북서 시험 후보 후보를 추가했습니다." })).toBeVisible();
  await page.goto("/map?c=35.27,128.02&z=13");
  await expect(ready).toBeAttached({ timeout: 15_000 });
  await expect(page.getByTestId("zone-count")).toHaveText("지도 범위의 구역 300개 초과");
  await expect(page.locator(".zone-marker")).toHaveCount(1);
  await expect(page.locator(".zone-marker.zone-planning")).toHaveCount(1);
  await page.goto("/map?c=35.27,128.02&z=18");
  await expect(ready).toBeAttached({ timeout: 15_000 });
  // Close up the zones are drawn: wait for their count, which is not 0 (an empty view would read 0 at first).
  await expect(page.getByTestId("zone-count")).toHaveText(/^지도 범위의 구역 [1-9]\d*개 · 사업 \d+ · 사업 외 \d+$/);
  const zonesShown = Number((await page.getByTestId("zone-count").innerText()).match(/\d+/)![0]);
  expect(zonesShown).toBeGreaterThan(0);
  await expect(page.locator(".zone-marker")).toHaveCount(zonesShown);
  await screenshot(page, "map-zones-close-up");

  // A cluster opens by zooming into its cells: the map comes closer and shows fewer APs at once.
  // With the mouse: a click on a disc drawn on the canvas.
  await page.goto("/map?c=35.27,128.02&z=13&l=aps");
  await expect(ready).toBeAttached({ timeout: 15_000 });
  const disc = await clusterDiscCentre(page);
  await page.mouse.click(disc.x, disc.y);
  await expect(page).not.toHaveURL(/z=13(&|$)/);
  await expect.poll(async () => Number(await page.getByTestId("ap-count").getAttribute("data-total"))).toBeLessThan(total);

  // With the keyboard: the largest cluster's button, focused (and ringed on the map), then Enter.
  await page.goto("/map?c=35.27,128.02&z=13&l=aps");
  await expect(ready).toBeAttached({ timeout: 15_000 });
  const counts = await countsOf();
  const largest = clusters.nth(counts.indexOf(Math.max(...counts)));
  await largest.focus();
  await screenshot(page, "map-cluster-focused");
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/z=13(&|$)/);
  // The opened cluster's button is gone; the focus is on the map, not lost to the page.
  await expect(page.locator(".atlas-map")).toBeFocused();
  await expect.poll(async () => Number(await page.getByTestId("ap-count").getAttribute("data-total"))).toBeLessThan(total);

  // By touch, where no hover comes before a tap: a candidate placed right under a cluster's disc does
  // not take the tap from the cluster.
  await page.goto("/map?c=35.27,128.02&z=13&l=aps");
  await expect(ready).toBeAttached({ timeout: 15_000 });
  const view = (await ready.getAttribute("data-features"))!;
  const { features } = (await (await page.request.get(view)).json()) as { features: { geometry: { coordinates: [number, number] } }[] };
  const [lng, lat] = features
    .map((f) => f.geometry.coordinates)
    .sort((a, b) => Math.hypot(a[0] - 128.02, a[1] - 35.27) - Math.hypot(b[0] - 128.02, b[1] - 35.27))[0]!;
  await page.goto("/candidates");
  await form.getByLabel("이름").fill("군집 아래 시험 후보");
  await form.getByLabel("위도").fill(lat.toFixed(6));
  await form.getByLabel("경도").fill(lng.toFixed(6));
  await form.getByLabel("계획 AP 수").fill("1");
  await form.getByRole("button", { name: "후보 추가" }).click();
  await expect(page.getByRole("status").filter({ hasText: "군집 아래 시험 후보 후보를 추가했습니다." })).toBeVisible();
  const touch = await browser.newContext({ hasTouch: true, viewport: page.viewportSize(), storageState: await page.context().storageState() });
  const phone = await touch.newPage();
  await phone.goto(`${new URL(page.url()).origin}/map?c=35.27,128.02&z=13`);
  await expect(phone.getByTestId("map-ready")).toBeAttached({ timeout: 15_000 });
  await expect(phone.locator(".zone-marker.zone-planning")).toHaveCount(2);
  const discs = await clusterDiscs(phone);
  const canvas = (await phone.locator(".ap-cluster-canvas").boundingBox())!;
  const markers = await Promise.all((await phone.locator(".zone-marker.zone-planning").all()).map(async (m) => (await m.boundingBox())!));
  // A zone's marker stands on its spot, so its lower edge lies over the cluster's disc there.
  const under = markers
    .map((b) => ({ x: b.x + b.width / 2, y: b.y + b.height - 3 }))
    .find((m) => discs.some((d) => Math.hypot(canvas.x + d.x - m.x, canvas.y + d.y - m.y) < 12));
  await screenshot(phone, "map-cluster-over-candidate");
  expect(under, "a candidate's marker under a cluster's disc").toBeDefined();
  await phone.touchscreen.tap(under!.x, under!.y);
  await expect(phone).not.toHaveURL(/z=13(&|$)/);
  await expect(phone.getByTestId("map-detail")).toHaveCount(0);
  await touch.close();
});

/** The cluster discs drawn on the map's canvas, counted by their teal fill's connected areas. */
async function drawnClusters(page: Page): Promise<number> {
  return (await clusterDiscs(page)).length;
}

/** The view's clusters (asked of the API for the view drawn) whose discs fit inside the map. */
async function clustersWhollyInView(page: Page): Promise<number> {
  const url = (await page.getByTestId("map-ready").getAttribute("data-features"))!;
  const { features } = (await (await page.request.get(url)).json()) as { features: { geometry: { coordinates: [number, number] } }[] };
  const [minLng, minLat, maxLng, maxLat] = new URLSearchParams(url.slice(url.indexOf("?"))).get("bbox")!.split(",").map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const box = (await page.locator(".ap-cluster-canvas").boundingBox())!;
  const mercator = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const radius = 26;
  return features.filter(
    ({
      geometry: {
        coordinates: [lng, lat],
      },
    }) => {
      const x = ((lng - minLng) / (maxLng - minLng)) * box.width;
      const y = ((mercator(maxLat) - mercator(lat)) / (mercator(maxLat) - mercator(minLat))) * box.height;
      return x >= radius && x <= box.width - radius && y >= radius && y <= box.height - radius;
    },
  ).length;
}

/** The page position of the disc nearest the map's centre. */
async function clusterDiscCentre(page: Page): Promise<{ x: number; y: number }> {
  const discs = await clusterDiscs(page);
  expect(discs.length).toBeGreaterThan(0);
  const box = (await page.locator(".ap-cluster-canvas").boundingBox())!;
  const mid = { x: box.width / 2, y: box.height / 2 };
  const [nearest] = discs.sort((a, b) => Math.hypot(a.x - mid.x, a.y - mid.y) - Math.hypot(b.x - mid.x, b.y - mid.y));
  return { x: box.x + nearest!.x, y: box.y + nearest!.y };
}

/** Connected areas of the clusters' fill colour on the canvas, with their centres in CSS pixels. */
async function clusterDiscs(page: Page): Promise<{ x: number; y: number }[]> {
  return page.locator(".ap-cluster-canvas").evaluate((canvas: HTMLCanvasElement) => {
    const { width, height } = canvas;
    const data = canvas.getContext("2d")!.getImageData(0, 0, width, height).data;
    // rgba(15, 118, 110, 0.88) as drawn on the transparent canvas.
    const fill = (i: number) => Math.abs(data[i]! - 15) < 8 && Math.abs(data[i + 1]! - 118) < 8 && Math.abs(data[i + 2]! - 110) < 8 && data[i + 3]! > 200;
    const seen = new Uint8Array(width * height);
    const discs: { x: number; y: number }[] = [];
    const scale = width / canvas.clientWidth;
    for (let p = 0; p < width * height; p++) {
      if (seen[p] || !fill(p * 4)) continue;
      let n = 0;
      let sx = 0;
      let sy = 0;
      const stack = [p];
      seen[p] = 1;
      while (stack.length) {
        const q = stack.pop()!;
        const x = q % width;
        const y = (q - x) / width;
        n++;
        sx += x;
        sy += y;
        for (const r of [q - 1, q + 1, q - width, q + width]) {
          if (r < 0 || r >= width * height || seen[r] || Math.abs((r % width) - x) > 1 || !fill(r * 4)) continue;
          seen[r] = 1;
          stack.push(r);
        }
      }
      // A disc, not a stray pixel where two edges meet.
      if (n > 50) discs.push({ x: sx / n / scale, y: sy / n / scale });
    }
    return discs;
  });
}

test("a file over 10 MB reaches the import whole: previewed, not cut short by a body buffer", async ({ page }) => {
  // Checking 50,000 rows takes its time on a busy machine: as long as the waits below allow.
  test.setTimeout(180_000);
  await page.goto("/login?next=%2Fimport");
  await page.getByLabel("이메일").fill("admin@jinju.example");
  await page.getByLabel("비밀번호").fill("admin-pass-2026");
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("표준데이터 가져오기");
  const rows = Array.from({ length: 50_000 }, (_, i) => {
    const lat = (35.15 + (i % 100) * 0.0004).toFixed(5);
    const lng = (128.07 + Math.floor(i / 100) * 0.0001).toFixed(5);
    return `BIG-${i},대용량 시험 장소 ${i} ${"가".repeat(60)},1층,경상남도,진주시,관공서,KT,BIG-WIFI,2024-05,경상남도 진주시 진주대로 ${i},,진주시청,055-000-0000,${lat},${lng},2026-11-01`;
  });
  const body = Buffer.from([HEADER, ...rows].join("\n"));
  expect(body.length).toBeGreaterThan(12 * 1024 * 1024);
  const res = await page.request.post("/api/imports", {
    multipart: { file: { name: "big.csv", mimeType: "text/csv", buffer: body }, dryRun: "1" },
    timeout: 120_000,
  });
  expect(res.status()).toBe(200);
  const preview = (await res.json()) as { committed: boolean; counts: { new: number }; file: { rows: number } };
  expect(preview).toMatchObject({ committed: false, counts: { new: 50_000 }, file: { rows: 50_000 } });

  // The same file from the screen: the server's progress shows, first the share of the file read
  // and checked, then the records matched of all of them, and the preview counts every row.
  await page.getByTestId("import-file").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: body });
  await page.getByRole("button", { name: "미리보기" }).click();
  const progress = page.getByTestId("import-progress");
  await expect(progress).toContainText(/파일을 읽고 검사하는 중: \d+%|기존 구역과 맞춰 보는 중: [\d,]+ \/ 50,000건/, { timeout: 60_000 });
  await expect(progress).toContainText(/기존 구역과 맞춰 보는 중: [\d,]+ \/ 50,000건/, { timeout: 60_000 });
  await screenshot(page, "import-progress");
  await expect(page.getByTestId("import-preview")).toContainText("읽은 50,000행 = 새 50,000", { timeout: 120_000 });
});

test("a new edition of a file lists the zones it no longer has, and the admin retires one and keeps the other", async ({ page }) => {
  const row = (n: number, name: string, address: string, lat: string, lng: string) =>
    `${n},${name},로비,경상남도,진주시,관공서,KT,E2E-ED,2024-05,${address},,E2E 판 시험과,055-000-0000,${lat},${lng},2026-11-01`;
  const edition = (rows: string[]) => Buffer.from([HEADER, ...rows].join("\n"));
  await page.goto("/login?next=%2Fimport");
  await page.getByLabel("이메일").fill("admin@jinju.example");
  await page.getByLabel("비밀번호").fill("admin-pass-2026");
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("표준데이터 가져오기");

  const upload = async (name: string, rows: string[]) => {
    await page.getByTestId("import-file").setInputFiles({ name, mimeType: "text/csv", buffer: edition(rows) });
    await page.getByRole("button", { name: "미리보기" }).click();
    await expect(page.getByTestId("import-preview")).toContainText(name);
  };
  await upload("edition-1.csv", [
    row(1, "판 시험 회관", "경상남도 진주시 판길 1", "35.2300", "128.0200"),
    row(2, "판 시험 문고", "경상남도 진주시 판길 2", "35.2310", "128.0210"),
    row(3, "판 시험 쉼터", "경상남도 진주시 판길 3", "35.2320", "128.0220"),
  ]);
  await page.getByTestId("import-commit").click();
  await expect(page.getByTestId("import-done")).toContainText("새 AP 3개");

  // The second edition: the hall as it was, the library renamed on the same spot, the shelter gone.
  await upload("edition-2.csv", [
    row(1, "판 시험 회관", "경상남도 진주시 판길 1", "35.2300", "128.0200"),
    row(2, "판 시험 작은도서관", "경상남도 진주시 판길 2-1", "35.2310", "128.0211"),
  ]);
  const edition2 = page.getByTestId("import-edition");
  await expect(edition2.getByRole("heading")).toHaveText("이전 판에 있었으나 이 파일에 없는 구역 (2곳)");
  const vanished = page.getByTestId("import-vanished").locator("tbody tr");
  await expect(vanished.filter({ hasText: "판 시험 문고" })).toContainText("판 시험 작은도서관 · 9m · 3행");
  await expect(vanished.filter({ hasText: "판 시험 쉼터" })).toContainText("없음");
  await page.getByRole("checkbox", { name: "대체됨: 판 시험 문고" }).check();
  await expect(page.getByTestId("import-edition-chosen")).toHaveText("확정하면 1곳을 대체됨으로 바꾸고 1곳은 그대로 둡니다.");
  await screenshot(page, "import-edition");
  await page.getByTestId("import-commit").click();
  await expect(page.getByTestId("import-edition-done")).toHaveText("이전 판 구역: 대체됨 1곳 · 유지 1곳");

  // The zones list leaves the retired zone out, as every count does; the kept one is still in operation.
  await page.goto("/sites?q=%ED%8C%90%20%EC%8B%9C%ED%97%98");
  const list = page.locator("table.data tbody tr");
  await expect(list.filter({ hasText: "판 시험 쉼터" })).toContainText("운영");
  await expect(list.filter({ hasText: "판 시험 문고" })).toHaveCount(0);
  // Asked for by status, it is there, with its page and history, marked as superseded.
  await page.goto("/sites?q=%ED%8C%90%20%EC%8B%9C%ED%97%98&status=retired");
  await expect(list.filter({ hasText: "판 시험 문고" })).toContainText("대체됨");
});
