import { describe, expect, it } from "vitest";
import { issuesOf } from "./validation";
import { distanceM } from "./geo";
import {
  allowedNext,
  candidateInput,
  coveredPois,
  DEFAULT_PLANNING_SETTINGS,
  isLegalTransition,
  isOverdue,
  plannableYears,
  dueDateFor,
  plannedWorkFor,
  scoreCandidate,
  type Poi,
} from "./planning";

// 중앙시장 area, Jinju: one degree of latitude is 111.195 km on the mean-radius sphere.
const at = { lat: 35.1925, lng: 128.0845 };
const north = (m: number) => ({ lat: at.lat + m / 111_195, lng: at.lng });

describe("site lifecycle", () => {
  it("allows the forward path and rejection, nothing else", () => {
    expect(isLegalTransition("candidate", "surveyed")).toBe(true);
    expect(isLegalTransition("surveyed", "approved")).toBe(true);
    expect(isLegalTransition("approved", "installing")).toBe(true);
    expect(isLegalTransition("installing", "active")).toBe(true);
    expect(isLegalTransition("candidate", "rejected")).toBe(true);
    expect(isLegalTransition("candidate", "approved")).toBe(false);
    expect(isLegalTransition("candidate", "active")).toBe(false);
    expect(isLegalTransition("active", "candidate")).toBe(false);
    expect(allowedNext("installing")).toEqual(["active"]);
    expect(allowedNext("decommissioned")).toEqual([]);
  });
});

describe("candidate score", () => {
  const settings = DEFAULT_PLANNING_SETTINGS;
  const market: Poi = { id: 1, kind: "traditional_market", name: "중앙시장", ...north(20) };
  const park: Poi = { id: 2, kind: "park", name: "공원", ...north(40) };
  const farPark: Poi = { id: 3, kind: "park", name: "먼 공원", ...north(300) };

  it("adds the distance part, the uncovered places by kind, and the year's priority (hand-checked)", () => {
    const s = scoreCandidate({
      at,
      category: "traditional_market",
      activeAps: [north(500)],
      pois: [market, park, farPark],
      coveredPoiIds: new Set(),
      priorityCategories: ["traditional_market"],
      settings,
    });
    // 500 m of a 1000 m cap → half of 30 points; a market (10) and a park (3) within 50 m; priority 20.
    expect(s.nearestActiveM).toBe(500);
    expect(s.distancePoints).toBe(15);
    expect(s.uncovered).toEqual([
      { kind: "traditional_market", count: 1, points: 10 },
      { kind: "park", count: 1, points: 3 },
    ]);
    expect(s.priority).toBe(true);
    expect(s.total).toBe(48);
  });

  it("gives the whole distance part when no AP is near, and nothing for places already covered", () => {
    const s = scoreCandidate({
      at,
      category: "park",
      activeAps: [],
      pois: [market, park],
      coveredPoiIds: new Set([1]),
      priorityCategories: ["traditional_market"],
      settings,
    });
    expect(s.nearestActiveM).toBeNull();
    expect(s.distancePoints).toBe(30);
    expect(s.uncovered).toEqual([{ kind: "park", count: 1, points: 3 }]);
    expect(s.priorityPoints).toBe(0);
    expect(s.total).toBe(33);
  });

  it("adds the residents of its 읍면동, shared by the APs there, counted once", () => {
    const square = (d: number) => ({
      type: "Polygon" as const,
      coordinates: [
        [
          [at.lng - d, at.lat - d],
          [at.lng + d, at.lat - d],
          [at.lng + d, at.lat + d],
          [at.lng - d, at.lat + d],
          [at.lng - d, at.lat - d],
        ],
      ],
    });
    const score = (activeAps: number, voters: number) =>
      scoreCandidate({
        at,
        category: "park",
        activeAps: [],
        pois: [],
        coveredPoiIds: new Set(),
        priorityCategories: [],
        demand: [{ name: "가좌동", area: square(0.01), voters, activeAps }],
        settings,
      });
    // 6,000 voters and one AP already there: the new zone would serve half, 3,000 of the 5,000 for full points (15).
    expect(score(1, 6000).residents).toEqual({ dong: "가좌동", voters: 6000, activeAps: 1, share: 3000 });
    expect(score(1, 6000).residentsPoints).toBe(9);
    // A 읍면동 no AP serves yet gives the candidate all its voters: full points, never more.
    expect(score(0, 20_000).residentsPoints).toBe(15);
    expect(score(0, 20_000).total).toBe(30 + 15);
    // Outside every 읍면동 the app knows, no residents part.
    const outside = scoreCandidate({ at, category: "park", activeAps: [], pois: [], coveredPoiIds: new Set(), priorityCategories: [], settings });
    expect([outside.residents, outside.residentsPoints]).toEqual([null, 0]);
  });

  it("finds the places a coverage point reaches, at any latitude", () => {
    const covered = coveredPois([market, park, farPark], [north(0)], 50);
    expect([...covered].sort()).toEqual([1, 2]);
    // Far north, a longitude degree is much shorter: still found.
    const seoulPoi: Poi = { id: 9, kind: "park", name: "x", lat: 37.57, lng: 126.98 };
    const east = { lat: 37.57, lng: 126.98 + 45 / (111_000 * Math.cos((37.57 * Math.PI) / 180)) };
    expect(distanceM(seoulPoi, east)).toBeLessThan(50);
    expect(coveredPois([seoulPoi], [east], 50).has(9)).toBe(true);
  });
});

describe("approval work items", () => {
  it("plans equipment and installation per AP, lines per site; the funding item carries no second cost", () => {
    const work = plannedWorkFor(4, DEFAULT_PLANNING_SETTINGS.unitCosts);
    expect(work).toEqual([
      { kind: "equipment_purchase", plannedCostKrw: 3_200_000 },
      { kind: "installation", plannedCostKrw: 1_200_000 },
      { kind: "line_provision", plannedCostKrw: 400_000 },
      { kind: "line_construction", plannedCostKrw: 1_200_000 },
      { kind: "funding", plannedCostKrw: null },
    ]);
    // The zone's cost is the work's, counted once.
    expect(work.reduce((n, w) => n + (w.plannedCostKrw ?? 0), 0)).toBe(6_000_000);
  });
});

describe("inputs", () => {
  it("names each bad field", () => {
    const input = { name: " ", category: "cafe", planYear: 2021, plannedApCount: 0, lat: 35.19, lng: 128.08 };
    const r = candidateInput.safeParse(input);
    expect(r.success).toBe(false);
    expect(issuesOf(r.error!, input)).toEqual([
      { code: "required", path: "name", params: { value: " " } },
      { code: "not_allowed", path: "category", params: expect.objectContaining({ value: "cafe" }) },
      { code: "too_small", path: "plannedApCount", params: { minimum: 1, value: 0 } },
    ]);
  });
  it("plans within the program's open years and the next", () => {
    expect(plannableYears({ startYear: 2019, endYear: 2021 }, [2019, 2020])).toEqual([2021, 2022]);
  });
  it("makes new work due at its year's end, or 90 days out when that end has passed: never overdue at birth", () => {
    expect(dueDateFor(2026, "2026-11-30")).toBe("2026-12-31");
    expect(dueDateFor(2021, "2026-11-30")).toBe("2027-02-28");
    expect(isOverdue({ dueDate: dueDateFor(2021, "2026-11-30"), status: "not_started" }, "2026-11-30")).toBe(false);
  });
  it("plans within the program's years and the next", () => {
    expect(plannableYears({ startYear: 2019, endYear: 2021 })).toEqual([2019, 2020, 2021, 2022]);
  });
  it("flags open items past their due date", () => {
    expect(isOverdue({ dueDate: "2021-12-31", status: "not_started" }, "2026-11-26")).toBe(true);
    expect(isOverdue({ dueDate: "2021-12-31", status: "done" }, "2026-11-26")).toBe(false);
    expect(isOverdue({ dueDate: null, status: "in_progress" }, "2026-11-26")).toBe(false);
  });
});
