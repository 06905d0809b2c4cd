import { describe, expect, it } from "vitest";
import { hrefWith, pageCount, sortHref } from "./url";

describe("hrefWith", () => {
  it("keeps the other filters and drops cleared ones", () => {
    expect(hrefWith("/sites", { year: "2020", status: "active", page: "3" }, { page: undefined, category: "park" })).toBe(
      "/sites?year=2020&status=active&category=park",
    );
  });
  it("gives the bare path when nothing is left", () => {
    expect(hrefWith("/sites", { page: "2" }, { page: undefined })).toBe("/sites");
  });
});

describe("sortHref", () => {
  it("flips the direction of the active column and resets the page", () => {
    expect(sortHref("/buses", { sort: "operator", dir: "asc", page: "4" }, "operator", { sort: "operator", dir: "asc" })).toBe("/buses?sort=operator&dir=desc");
  });
  it("sorts a new column ascending", () => {
    expect(sortHref("/buses", { sort: "operator", dir: "desc" }, "planYear", { sort: "operator", dir: "desc" })).toBe("/buses?sort=planYear&dir=asc");
  });
});

describe("pageCount", () => {
  it("has at least one page and rounds up", () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(247, 50)).toBe(5);
  });
});
