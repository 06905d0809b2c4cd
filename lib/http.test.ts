import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { toAppError } from "./http";

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
