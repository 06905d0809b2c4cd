import { describe, expect, it } from "vitest";
import { compareNullsLast } from "./sort";

describe("sorting with unknown values", () => {
  it("puts unknown last in either direction, numbers by value, text by locale", () => {
    const values = [3, null, 10, 1];
    expect([...values].sort((a, b) => compareNullsLast(a, b, "asc"))).toEqual([1, 3, 10, null]);
    expect([...values].sort((a, b) => compareNullsLast(a, b, "desc"))).toEqual([10, 3, 1, null]);
    expect(["진주시", "김해시", null].sort((a, b) => compareNullsLast(a, b, "asc"))).toEqual(["김해시", "진주시", null]);
  });
});
