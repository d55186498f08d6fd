import fc from "fast-check";
import { describe, it } from "vitest";
import { REQUESTS_PER_STATE, differentialProperty } from "./differential";

const DIFFERENTIAL_STATES = 5_000; // × 20 requests = 100,000 compared decisions

describe("engine vs reference evaluator", () => {
  it(`agrees on ${DIFFERENTIAL_STATES * REQUESTS_PER_STATE} random decisions`, () => {
    fc.assert(differentialProperty(), { numRuns: DIFFERENTIAL_STATES });
  });
});
