import { describe, expect, it } from "vitest";
import { authorize, can, decide, grantsOf, mayEditWorkItem, roleCan, type Viewer } from "./authz";

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

describe("grants and authorize", () => {
  it("gives nobody without a role there any permission", () => {
    expect([...grantsOf(null, 1)]).toEqual([]);
    expect([...grantsOf(viewer("admin"), 2)]).toEqual([]);
  });
  it("gives each role the permissions of the matrix", () => {
    expect([...grantsOf(viewer("viewer"), 1)].sort()).toEqual(["read", "readCosts"]);
    expect([...grantsOf(viewer("partner", 7), 1)].sort()).toEqual(["editOwnWorkItems", "read", "readCosts"]);
    expect([...grantsOf(viewer("planner"), 1)].sort()).toEqual(["editOwnWorkItems", "editPlan", "read", "readAudit", "readCosts"]);
    expect(grantsOf(viewer("admin"), 1).has("manageUsers")).toBe(true);
  });
  it("throws 401, 404 or 403 with the shared error codes", () => {
    expect(() => authorize(null, 1, "read")).toThrow(expect.objectContaining({ code: "unauthorized" }));
    expect(() => authorize(viewer("admin"), 2, "read")).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(() => authorize(viewer("viewer"), 1, "editPlan")).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(authorize(viewer("planner"), 1, "editPlan").userId).toBe("u");
  });
  it("answers the screens' questions from the same matrix", () => {
    expect(roleCan("planner", "editPlan")).toBe(true);
    expect(roleCan("partner", "editPlan")).toBe(false);
    expect(roleCan(null, "read")).toBe(false);
  });
});
