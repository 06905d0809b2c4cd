import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { progressStream, toAppError } from "./http";

describe("toAppError", () => {
  it("turns a lost database connection into 503, also when the query layer wraps it", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(toAppError(refused)).toMatchObject({ code: "database_unavailable", status: 503 });
    expect(toAppError(new Error("Failed query: select 1", { cause: refused }))).toMatchObject({ code: "database_unavailable", status: 503 });
    expect(toAppError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })).status).toBe(503);
  });
  it("keeps app errors and hides anything else behind a 500", () => {
    expect(toAppError(new AppError("forbidden", "no"))).toMatchObject({ code: "forbidden", status: 403 });
    expect(toAppError(new Error("secret detail"))).toMatchObject({ code: "internal", message: "Something went wrong on the server." });
  });
});

describe("progressStream", () => {
  it("sends at most a few progress lines of a fast job, but always the end of each step, then the outcome", async () => {
    const res = progressStream(async (report: (p: { step: string; done: number; total: number }) => void) => {
      for (const step of ["read", "match"]) for (let done = 1; done <= 1000; done++) report({ step, done, total: 1000 });
      return { result: { ok: true }, status: 201 };
    });
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { progress?: { step: string; done: number }; status?: number });
    const progress = lines.flatMap((l) => (l.progress ? [l.progress] : []));
    expect(progress.length).toBeLessThan(10);
    expect(progress.filter((p) => p.step === "read").at(-1)).toMatchObject({ done: 1000 });
    expect(progress.filter((p) => p.step === "match").at(-1)).toMatchObject({ done: 1000 });
    expect(lines.at(-1)).toEqual({ result: { ok: true }, status: 201 });
  });
});
