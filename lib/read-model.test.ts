import { describe, expect, it } from "vitest";
import type { Permission } from "./authz";
import { readModel } from "./read-model";

type Row = { id: number; name: string; costKrw: number | null; notes: string | null; email: string; secret: string };
const model = readModel<Row>()({ public: ["id", "name"], readCosts: ["costKrw", "notes"], manageUsers: ["email"] });
const row: Row = { id: 1, name: "중앙시장", costKrw: 1_200_000, notes: "내부 메모", email: "a@b.kr", secret: "x" };
const grants = (...p: Permission[]) => new Set<Permission>(p);

describe("read models", () => {
  it("gives a caller with no permission only the public fields: the others are absent, not null", () => {
    expect(model.one(row, grants())).toEqual({ id: 1, name: "중앙시장" });
    expect(Object.keys(model.one(row, grants()))).not.toContain("costKrw");
  });
  it("adds each permission's fields to the public ones", () => {
    expect(model.one(row, grants("read", "readCosts"))).toEqual({ id: 1, name: "중앙시장", costKrw: 1_200_000, notes: "내부 메모" });
    expect(model.one(row, grants("readCosts", "manageUsers"))).toEqual({ id: 1, name: "중앙시장", costKrw: 1_200_000, notes: "내부 메모", email: "a@b.kr" });
  });
  it("never copies a field no permission names, whoever asks", () => {
    const all = grants("read", "readCosts", "readAudit", "editPlan", "editOwnWorkItems", "manageUsers", "importData");
    expect(model.one(row, all)).not.toHaveProperty("secret");
    expect(model.many([row, { ...row, id: 2 }], all).map((r) => Object.keys(r).sort())).toEqual([
      ["costKrw", "email", "id", "name", "notes"],
      ["costKrw", "email", "id", "name", "notes"],
    ]);
  });
});
