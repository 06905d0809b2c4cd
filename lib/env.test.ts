import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("readEnv", () => {
  it("defaults to the embedded database under .data/", () => {
    expect(readEnv({})).toEqual({ databaseUrl: undefined, pgliteDir: path.resolve(".data/pglite") });
  });
  it("takes a Postgres URL and treats an empty one as unset", () => {
    expect(readEnv({ DATABASE_URL: "postgres://u@h/db" }).databaseUrl).toBe("postgres://u@h/db");
    expect(readEnv({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });
  it("names the variable that is wrong", () => {
    expect(() => readEnv({ DATABASE_URL: "mysql://h/db" })).toThrow("Invalid environment variable DATABASE_URL: must start with postgres://");
  });
});
