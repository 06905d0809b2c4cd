import { describe, expect, it } from "vitest";
import { can, decide, mayEditWorkItem, visibleTo, type Viewer } from "./authz";

const viewer = (role: Viewer["memberships"][number]["role"], partnerId: number | null = null): Viewer => ({
  userId: "u",
  email: "u@example.kr",
  name: "u",
  memberships: [{ municipalityId: 1, role, partnerId }],
});

describe("role matrix", () => {
  it("answers 401 without a session, 404 in another municipality, 403 for a role that may not", () => {
    expect(decide(null, 1, "read")).toBe("unauthorized");
    expect(decide(viewer("admin"), 2, "read")).toBe("not_found");
    expect(decide(viewer("viewer"), 1, "manageUsers")).toBe("forbidden");
    expect(decide(viewer("planner"), 1, "manageUsers")).toBe("forbidden");
    expect(decide(viewer("admin"), 1, "manageUsers")).toBe("ok");
  });
  it("lets planners and admins read the audit trail and edit the plan, not viewers or partners", () => {
    for (const role of ["viewer", "partner"] as const) {
      expect(can(viewer(role, role === "partner" ? 7 : null), 1, "readAudit")).toBe(false);
      expect(can(viewer(role, role === "partner" ? 7 : null), 1, "editPlan")).toBe(false);
    }
    for (const role of ["planner", "admin"] as const) {
      expect(can(viewer(role), 1, "readAudit")).toBe(true);
      expect(can(viewer(role), 1, "editPlan")).toBe(true);
    }
  });
  it("lets a partner edit only its own company's work items", () => {
    expect(mayEditWorkItem(viewer("partner", 7), { municipalityId: 1, partnerId: 7 })).toBe(true);
    expect(mayEditWorkItem(viewer("partner", 7), { municipalityId: 1, partnerId: 8 })).toBe(false);
    expect(mayEditWorkItem(viewer("viewer"), { municipalityId: 1, partnerId: 7 })).toBe(false);
    expect(mayEditWorkItem(viewer("planner"), { municipalityId: 1, partnerId: 8 })).toBe(true);
    expect(mayEditWorkItem(viewer("planner"), { municipalityId: 2, partnerId: 8 })).toBe(false);
  });
});

describe("redaction for the public", () => {
  const data = { name: "zone", notes: "내부 메모", at: new Date(0), workItems: [{ kind: "funding", plannedCostKrw: 1000, actualCostKrw: 900 }], totals: { budgetKrw: 5 } };
  it("nulls costs and notes for anonymous visitors and other municipalities, keeps the rest", () => {
    const expected = { name: "zone", notes: null, at: new Date(0), workItems: [{ kind: "funding", plannedCostKrw: null, actualCostKrw: null }], totals: { budgetKrw: null } };
    expect(visibleTo(null, 1, data)).toEqual(expected);
    expect(visibleTo(viewer("admin"), 2, data)).toEqual(expected);
  });
  it("shows everything to a member", () => {
    expect(visibleTo(viewer("viewer"), 1, data)).toBe(data);
  });
});
