import { describe, expect, it } from "vitest";
import { SEED_STEPS } from "./index";
import { SEED_STEP_NAMES } from "./steps";

describe("seed steps", () => {
  it("are named by the list a starting server reads to decide whether the seed must run", () => {
    expect(SEED_STEPS.map((s) => s.name)).toEqual([...SEED_STEP_NAMES]);
  });
});
