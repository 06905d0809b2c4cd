import { describe, expect, it } from "vitest";
import { changedFields, showValue } from "./audit-diff";

describe("changedFields", () => {
  it("lists only the fields that changed", () => {
    expect(changedFields({ role: "viewer", partnerId: null, name: "a" }, { role: "planner", partnerId: null, name: "a" })).toEqual([
      { field: "role", before: "viewer", after: "planner" },
    ]);
  });
  it("lists every field of a create or a delete", () => {
    expect(changedFields(null, { a: 1, b: "x" })).toEqual([
      { field: "a", before: null, after: 1 },
      { field: "b", before: null, after: "x" },
    ]);
    expect(changedFields({ a: 1 }, null)).toEqual([{ field: "a", before: 1, after: null }]);
  });
  it("compares nested values by content", () => {
    expect(changedFields({ counts: { new: 1 } }, { counts: { new: 1 } })).toEqual([]);
  });
  it("shows missing values as a dash", () => {
    expect(showValue(null)).toBe("—");
    expect(showValue({ n: 1 })).toBe('{"n":1}');
  });
});
