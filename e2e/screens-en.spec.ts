// The planning and admin screens in English, signed in as a planner and as an admin: headings and key labels.
import type { Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByTestId("language-switch").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

test("a planner's screens read in English", async ({ page }) => {
  await signIn(page, "planner@jinju.example", "planner-pass-2026");
  await expect(page.getByTestId("signed-in-as")).toHaveText("계획 담당 (Planner)");
  for (const [path, heading] of [
    ["/candidates", "Candidate zones"],
    ["/gaps", "Places without Wi-Fi"],
    ["/plan", "Plan by year"],
    ["/work-items", "Responsibility matrix"],
    ["/audit", "Audit trail"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
  // The switcher names places in English where they have an English name, and finds them by it.
  await page.getByRole("button", { name: /^Jinju-si ▾/ }).click();
  const panel = page.getByRole("dialog", { name: "Choose a municipality" });
  await panel.getByRole("searchbox", { name: "Search municipalities" }).fill("gyeongsangnam");
  const gyeongnam = panel.getByRole("region", { name: "Gyeongsangnam-do" });
  await expect(gyeongnam.getByRole("button", { name: "Jinju-si" })).toBeVisible();
  await expect(gyeongnam.getByRole("button", { name: "Gimhae-si" })).toBeVisible();
  await expect(panel.getByRole("region")).toHaveCount(1);
  // A city's 구 is named with its city, as the English directory writes it.
  await panel.getByRole("searchbox", { name: "Search municipalities" }).fill("suwon");
  await expect(panel.getByRole("region", { name: "Gyeonggi-do" }).getByRole("button")).toHaveText([
    "Suwon-si Gwonseon-gu",
    "Suwon-si Jangan-gu",
    "Suwon-si Paldal-gu",
    "Suwon-si Yeongtong-gu",
  ]);
  await page.keyboard.press("Escape");
  await page.goto("/plan");
  await expect(page.getByTestId("plan-2019")).toContainText("232 / 232");
  await expect(page.getByTestId("export-summary")).toContainText("PDF report");
  // The category chart names each category whole, and every name is drawn inside the chart.
  const chart = page.getByTestId("chart-categories");
  const labels = chart.locator("text.bar-label");
  expect(await labels.allTextContents()).toEqual(expect.arrayContaining(["University", "Innovation city", "Resident facility"]));
  const frame = (await chart.locator("svg").boundingBox())!;
  for (const label of await labels.all()) {
    const [b, name] = [(await label.boundingBox())!, (await label.textContent()) ?? ""];
    expect(b.x, name).toBeGreaterThanOrEqual(frame.x - 1);
    expect(b.y + b.height, name).toBeLessThanOrEqual(frame.y + frame.height + 1);
  }
  await screenshot(page, "plan-en");
  // The national table fits the page with all its columns, each province's name on one line.
  await page.goto("/national");
  const table = page.getByTestId("national-table");
  const colour = (await table.getByRole("columnheader", { name: "Colour" }).boundingBox())!;
  expect(colour.x + colour.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  const name = table.getByRole("link", { name: "Gyeongsangnam-do", exact: true });
  const lineHeight = await name.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await name.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
  // Every row's area with one decimal, as the profile gives it (Sejong: 465.0, not 465).
  await expect(table.locator("tbody tr", { hasText: "Sejong" }).locator("td").nth(6)).toHaveText("465.0");
  await screenshot(page, "national-en");
  // A count agrees with its number: one zone and one AP, seven zones and 55 APs.
  await page.goto("/map");
  await expect(page.getByRole("link", { name: "1 other zone without a position (1 AP)", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "7 program zones whose position was never published (55 APs)", exact: true })).toBeVisible();
});

test("an admin's screens read in English", async ({ page }) => {
  await signIn(page, "admin@jinju.example", "admin-pass-2026");
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users and roles");
  await page.goto("/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import standard data");
});
