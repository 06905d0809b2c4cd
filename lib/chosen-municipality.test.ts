import { describe, expect, it } from "vitest";
import { chosenInCookie, isMunicipalityCode } from "./chosen-municipality";

describe("the chosen municipality", () => {
  it("is read from the cookie only when it is a well-formed code", () => {
    expect(chosenInCookie("a=1; municipality=48250; b=2")).toBe("48250");
    expect(chosenInCookie("municipality=48250")).toBe("48250");
    expect(chosenInCookie("municipality=4825")).toBeUndefined();
    expect(chosenInCookie("xmunicipality=48250")).toBeUndefined();
    expect(chosenInCookie(null)).toBeUndefined();
  });
  it("accepts five digits and nothing else", () => {
    expect([isMunicipalityCode("48170"), isMunicipalityCode("4817"), isMunicipalityCode("48170 "), isMunicipalityCode(null)]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
