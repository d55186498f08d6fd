import fc from "fast-check";
import { compile } from "../compile/compile";
import { decide } from "../pipeline";
import { referenceDecide } from "../reference/reference-decide";
import { requestArb, snapshotArb } from "./arbitraries";

export const REQUESTS_PER_STATE = 20;

/** The engine and the reference evaluator agree on effect, decider and every column verdict. */
export function differentialProperty() {
  return fc.property(
    snapshotArb(),
    fc.array(requestArb(), { minLength: REQUESTS_PER_STATE, maxLength: REQUESTS_PER_STATE }),
    (snapshot, requests) => {
      const index = compile(snapshot);
      for (const request of requests) {
        const fast = decide(index, request);
        const slow = referenceDecide(snapshot, request);
        const fastView = {
          effect: fast.effect,
          decidedBy: fast.decidedBy,
          columns: fast.columns.map(({ column, effect, decidedBy }) => ({ column, effect, decidedBy })),
        };
        if (JSON.stringify(fastView) !== JSON.stringify(slow)) {
          throw new Error(
            `engine ${JSON.stringify(fastView)} != reference ${JSON.stringify(slow)} for ${JSON.stringify(request)}`,
          );
        }
      }
    },
  );
}
