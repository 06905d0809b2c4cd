import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchAllPages } from "./fetcher";

afterEach(() => vi.unstubAllGlobals());

describe("fetchAllPages", () => {
  it("gathers every page of a list, in order, 500 to a request", async () => {
    const all = Array.from({ length: 1_234 }, (_, i) => ({ id: i }));
    const asked: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      asked.push(url);
      const u = new URL(url, "http://x");
      const [page, size] = [Number(u.searchParams.get("page")), Number(u.searchParams.get("pageSize"))];
      return Response.json({ items: all.slice((page - 1) * size, page * size), total: all.length, page, pageSize: size });
    });
    const got = await fetchAllPages<{ id: number }>("/api/gaps?kind=park");
    expect(got.items).toEqual(all);
    expect(got.total).toBe(1_234);
    expect(asked).toEqual(["/api/gaps?kind=park&pageSize=500&page=1", "/api/gaps?kind=park&pageSize=500&page=2", "/api/gaps?kind=park&pageSize=500&page=3"]);
  });
});
