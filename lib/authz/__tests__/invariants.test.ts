import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../compile/compile";
import type { SecurityIndex } from "../compile/index-types";
import { decide } from "../pipeline";
import type { AccessRequest } from "../request";
import type { SecuritySnapshot } from "../snapshot";
import { NOW, USER_POOL, policyText, requestArb, snapshotArb, statementArb } from "./arbitraries";

const INVARIANT_RUNS = 1_500;
const requests = fc.array(requestArb(), { minLength: 10, maxLength: 10 });

/** Allowed units (columns, or the object) of a decision, to compare before and after a change. */
function allowed(index: SecurityIndex, request: AccessRequest): Set<string> {
  const decision = decide(index, request);
  if (decision.columns.length > 0)
    return new Set(decision.columns.filter((c) => c.effect === "Allow").map((c) => c.column));
  return new Set(decision.effect === "Allow" ? ["(object)"] : []);
}

/**
 * No-WriteDown denies a write into data labelled below the writer's clearance, so under it a higher label or a
 * lower clearance can open a write: by design, not a leak. Those writes are left out where a change raises
 * labels or drops role assignments (`writesExempt`); reads, and everything with No-WriteDown off, stay checked.
 */
const writeDownDecides = (snapshot: SecuritySnapshot, request: AccessRequest) =>
  snapshot.config.labelSecurity && snapshot.config.noWriteDown === true && request.action === "Update";

function neverGrantsMore(
  before: SecuritySnapshot,
  after: SecuritySnapshot,
  all: AccessRequest[],
  writesExempt = false,
): void {
  const [beforeIndex, afterIndex] = [compile(before), compile(after)];
  const list = writesExempt ? all.filter((request) => !writeDownDecides(before, request)) : all;
  for (const request of list) {
    const grantedAfter = allowed(afterIndex, request);
    const grantedBefore = allowed(beforeIndex, request);
    for (const unit of grantedAfter)
      expect(grantedBefore.has(unit), `${unit} newly allowed for ${JSON.stringify(request)}`).toBe(true);
  }
}

describe("invariants", () => {
  it("adding a Deny statement never grants", () => {
    fc.assert(
      fc.property(
        snapshotArb(),
        fc.array(statementArb({ timeConditions: true }, "Deny"), { minLength: 1, maxLength: 2 }),
        fc.constantFrom(null, "r2"),
        requests,
        (before, denies, roleId, list) => {
          const after = structuredClone(before);
          after.policies.push({ id: "deny", name: "added deny", roleId, document: policyText(denies) });
          neverGrantsMore(before, after, list);
        },
      ),
      { numRuns: INVARIANT_RUNS },
    );
  });

  it("removing a grant, an Allow statement or a policy-free role assignment never grants", () => {
    fc.assert(
      fc.property(
        snapshotArb(),
        fc.nat(),
        fc.constantFrom("grant", "statement", "assignment"),
        requests,
        (before, seed, what, list) => {
          const after = structuredClone(before);
          if (what === "grant" && after.grants.length > 0) after.grants.splice(seed % after.grants.length, 1);
          // Only assignments to roles without a role policy: dropping a role also drops its Deny statements.
          const removable = after.roleAssignments.filter((a) => !after.policies.some((p) => p.roleId === a.roleId));
          if (what === "assignment" && removable.length > 0)
            after.roleAssignments.splice(after.roleAssignments.indexOf(removable[seed % removable.length]!), 1);
          if (what === "statement") {
            for (const policy of after.policies) {
              try {
                const document = JSON.parse(policy.document) as { Statement: { Effect: string }[] };
                const allows = document.Statement.filter((s) => s.Effect === "Allow");
                if (allows.length === 0 || document.Statement.length === 1) continue;
                document.Statement.splice(document.Statement.indexOf(allows[seed % allows.length]!), 1);
                policy.document = JSON.stringify(document);
                break;
              } catch {
                continue;
              }
            }
          }
          neverGrantsMore(before, after, list, what === "assignment");
        },
      ),
      { numRuns: INVARIANT_RUNS },
    );
  });

  it("raising a column's label never grants", () => {
    fc.assert(
      fc.property(
        snapshotArb(),
        fc.constantFrom("o0", "o1", "o2", "o4"),
        fc.constantFrom(null, "c1", "c2", "c3"),
        fc.integer({ min: 1, max: 9 }),
        requests,
        (before, objectId, column, raise, list) => {
          const after = structuredClone(before);
          // Column names are case-insensitive: an existing "C1" label is c1's (else the "raise" could lower it).
          const current = after.labels.objects
            .filter((l) => l.objectId === objectId && (l.column?.toLowerCase() ?? null) === column)
            .at(-1);
          const tableLevel =
            after.labels.objects.filter((l) => l.objectId === objectId && l.column === null).at(-1)?.level ?? 0;
          const level = Math.min(9, (current?.level ?? (column === null ? 0 : tableLevel)) + raise);
          after.labels.objects.push({ objectId, column, level });
          // A table label raise must not lower columns that inherited it: pin them first.
          if (column === null) {
            for (const c of ["c1", "c2", "c3"]) {
              if (!before.labels.objects.some((l) => l.objectId === objectId && l.column?.toLowerCase() === c))
                after.labels.objects.push({ objectId, column: c, level: Math.max(tableLevel, level) });
            }
          }
          neverGrantsMore(before, after, list, true);
        },
      ),
      { numRuns: INVARIANT_RUNS },
    );
  });

  it("moving time forward never grants (without time-of-day conditions)", () => {
    fc.assert(
      fc.property(
        snapshotArb({ timeConditions: false }),
        requests,
        fc.integer({ min: 1, max: 100 }),
        (snapshot, list, hours) => {
          const index = compile(snapshot);
          for (const request of list) {
            const later = {
              ...request,
              context: { ...request.context, time: request.context.time + hours * 3_600_000 },
            };
            if (decide(index, later).effect === "Allow") expect(decide(index, request).effect).toBe("Allow");
          }
        },
      ),
      { numRuns: INVARIANT_RUNS },
    );
  });

  it("another tenant never gets in: outsiders and other accounts' RAM users are always denied", () => {
    const outsiders = [
      {
        id: "u-out",
        accountId: "acc-o",
        kind: "primary" as const,
        principalName: "ALIYUN$out@other.example",
        disabled: false,
      },
      USER_POOL.find((u) => u.principalName === "RAM$garden:dave")!,
    ];
    fc.assert(
      fc.property(
        snapshotArb(),
        fc.array(requestArb(outsiders), { minLength: 10, maxLength: 10 }),
        (snapshot, list) => {
          const index = compile(snapshot);
          for (const request of list) expect(decide(index, request).effect).toBe("Deny");
        },
      ),
      { numRuns: INVARIANT_RUNS },
    );
  });

  it("a decision is stable for the same state and request (no hidden state)", () => {
    fc.assert(
      fc.property(snapshotArb(), requestArb(), (snapshot, request) => {
        const index = compile(snapshot);
        expect(decide(index, request)).toEqual(decide(index, request));
        expect(request.context.time).toBeGreaterThan(NOW - 100 * 3_600_000);
      }),
      { numRuns: 300 },
    );
  });
});
