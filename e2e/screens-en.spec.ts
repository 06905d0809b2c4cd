// The planning and admin screens in English, signed in as a planner and as an admin: headings and key labels.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

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
  await page.goto("/plan");
  await expect(page.getByTestId("plan-2019")).toContainText("232 / 232");
  await expect(page.getByTestId("export-summary")).toContainText("PDF report");
});

test("an admin's screens read in English", async ({ page }) => {
  await signIn(page, "admin@jinju.example", "admin-pass-2026");
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users and roles");
  await page.goto("/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import standard data");
});
