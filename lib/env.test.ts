import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("readEnv", () => {
  it("defaults to the embedded database under .data/ and to Jinju", () => {
    expect(readEnv({})).toEqual({ databaseUrl: undefined, pgliteDir: path.resolve(".data/pglite"), defaultMunicipality: "48170" });
  });
  it("takes another default municipality by its 5-digit code, and refuses anything else", () => {
    expect(readEnv({ DEFAULT_MUNICIPALITY: "48250" }).defaultMunicipality).toBe("48250");
    expect(() => readEnv({ DEFAULT_MUNICIPALITY: "Jinju" })).toThrow("Invalid environment variable DEFAULT_MUNICIPALITY: must be a 5-digit MOIS code");
  });
  it("takes a Postgres URL and treats an empty one as unset", () => {
    expect(readEnv({ DATABASE_URL: "postgres://u@h/db" }).databaseUrl).toBe("postgres://u@h/db");
    expect(readEnv({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });
  it("names the variable that is wrong", () => {
    expect(() => readEnv({ DATABASE_URL: "mysql://h/db" })).toThrow("Invalid environment variable DATABASE_URL: must start with postgres://");
  });
});
