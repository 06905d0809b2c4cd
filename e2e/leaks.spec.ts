// Leak test for pages: every page under app/ (found on disk, so a new page is covered the day it is
// added), fetched as a visitor, as each role and as another municipality's admin, the way a browser gets it (HTML with the data handed to
// its client components), must carry nothing that role may not see: a zone's internal notes, a
// rejection reason, a work item's cost and notes, other users' email addresses.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { pagePatterns } from "./pages";

const USERS = {
  /** An admin of another municipality: no role in Jinju, so a visitor there. */
  outsider: { email: "outsider@gimhae.example", password: "outsider-pass-2026" },
  viewer: { email: "viewer@jinju.example", password: "viewer-pass-2026" },
  partner: { email: "kt@jinju.example", password: "partner-pass-2026" },
  planner: { email: "planner@jinju.example", password: "planner-pass-2026" },
  admin: { email: "admin@jinju.example", password: "admin-pass-2026" },
};
type Caller = "anonymous" | keyof typeof USERS;

const NOTE = "PAGE-LEAK-NOTE-ZONE";
const REASON = "PAGE-LEAK-REASON";
const WORK_NOTE = "PAGE-LEAK-NOTE-WORK";
const COST = 7_654_321;
/** The cost as any screen could write it. */
const COST_SHOWN = new RegExp(`${COST}|7,654,321|765만`);

async function signedIn(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string, who: Caller) {
  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  if (who !== "anonymous") {
    const res = await ctx.post("/api/auth/sign-in/email", { data: USERS[who] });
    expect(res.status(), `sign-in as ${who}`).toBe(200);
  }
  return ctx;
}

test("no page shows a visitor or a role what it may not see", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const planner = await signedIn(playwright, baseURL!, "planner");
  // Sentinels, written the way a planner would: a candidate with notes, a rejected one with its
  // reason, and a finished 2019 work item's actual cost and notes.
  const years = (await (await planner.get("/api/plan")).json()) as { years: { year: number }[] };
  const planYear = years.years.at(-1)!.year;
  const make = async (name: string, notes?: string) =>
    (await (
      await planner.post("/api/candidates", { data: { name, category: "park", planYear, plannedApCount: 1, lat: 35.18, lng: 128.1, notes } })
    ).json()) as { id: number; version: number };
  const noted = await make("누출 점검 후보", NOTE);
  const rejected = await make("누출 점검 반려");
  expect((await planner.patch(`/api/sites/${rejected.id}`, { data: { version: rejected.version, status: "rejected", statusReason: REASON } })).status()).toBe(
    200,
  );
  const work = (await (await planner.get("/api/work-items?year=2019")).json()) as {
    items: { id: number; version: number; partnerId: number; siteId: number | null }[];
  };
  const item = work.items.find((w) => w.siteId !== null)!;
  expect((await planner.patch(`/api/work-items/${item.id}`, { data: { version: item.version, actualCostKrw: COST, notes: WORK_NOTE } })).status()).toBe(200);
  const bus = ((await (await planner.get("/api/buses?pageSize=1")).json()) as { items: { id: number }[] }).items[0]!;

  const ids: Record<string, string[]> = {
    "/sites/[id]": [String(noted.id), String(rejected.id), String(item.siteId)],
    "/buses/[id]": [String(bus.id)],
    "/partners/[id]": [String(item.partnerId)],
    "/municipalities/[code]": ["48170"],
  };
  const urls = pagePatterns().flatMap((p) => {
    if (!p.includes("[")) return [p];
    expect(ids[p], `add an example id for ${p} to leaks.spec.ts`).toBeDefined();
    return ids[p]!.map((id) => p.replace(/\[[^\]]+\]/, id));
  });
  expect(urls).toContain("/sites/" + noted.id);

  const seen: Record<Caller, string> = { anonymous: "", outsider: "", viewer: "", partner: "", planner: "", admin: "" };
  for (const who of Object.keys(seen) as Caller[]) {
    const ctx = who === "planner" ? planner : await signedIn(playwright, baseURL!, who);
    for (const url of urls) {
      const res = await ctx.get(url);
      expect(res.status(), `${who} ${url}`).toBeLessThan(500);
      const html = await res.text();
      seen[who] += html;
      const member = who !== "anonymous" && who !== "outsider";
      if (!member) {
        expect(html, `${who} ${url}: zone notes`).not.toContain(NOTE);
        expect(html, `${who} ${url}: rejection reason`).not.toContain(REASON);
        expect(html, `${who} ${url}: work notes`).not.toContain(WORK_NOTE);
        expect(html, `${who} ${url}: a cost`).not.toMatch(COST_SHOWN);
      }
      const others = Object.entries(USERS)
        .filter(([role]) => role !== who)
        .map(([, u]) => u.email);
      if (who !== "admin" && who !== "planner") for (const email of others) expect(html, `${who} ${url}: ${email}`).not.toContain(email);
    }
    if (who !== "planner") await ctx.dispose();
  }
  // The sentinels are on the pages for members, so the checks above could have failed.
  expect(seen.viewer).toContain(NOTE);
  expect(seen.viewer).toContain(REASON);
  expect(seen.viewer).toMatch(COST_SHOWN);
  await planner.dispose();
});
