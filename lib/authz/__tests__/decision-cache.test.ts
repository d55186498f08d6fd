import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyDelta, type SecurityDelta } from "../compile/apply-delta";
import { compile } from "../compile/compile";
import { DECISION_CACHE_CAPACITY } from "../compile/decision-cache";
import { decide, decideUncached } from "../pipeline";
import type { AccessRequest } from "../request";
import type { SnapshotGrant } from "../snapshot";
import { requestArb, snapshotArb } from "./arbitraries";
import { DAY, NOW, baseSnapshot, policy, request, resource, table } from "./fixtures";

const CACHE_RUNS = 1_500;
const HOUR = 3_600_000;

/** A variation of a request: another context, or another principal standing, or the request as it was. */
const variationArb = fc.record({
  pick: fc.nat(),
  time: fc.oneof(fc.constant(0), fc.integer({ min: -48, max: 48 })).map((hours) => hours * HOUR),
  sourceIp: fc.constantFrom<string | undefined | null>(null, null, "10.9.9.9", "192.168.1.5", "8.8.8.8", undefined),
  userAgent: fc.constantFrom<string | undefined | null>(null, null, "odpscmd/1", "curl/8", undefined),
  taskType: fc.constantFrom<string | undefined | null>(null, null, "SQL", "MR"),
  targetProject: fc.constantFrom<string | undefined | null>(null, null, "garden", "wonderland", undefined),
  targetProjectId: fc.constantFrom<string | undefined | null>(null, null, "p-garden", "p", undefined),
  standing: fc.constantFrom("same", "same", "same", "disabled", "other-account"),
  delta: fc.option(fc.record({ grant: fc.nat(), revoke: fc.boolean() }), { freq: 8 }),
});

type Variation = typeof variationArb extends fc.Arbitrary<infer T> ? T : never;

function vary(base: AccessRequest, v: Variation): AccessRequest {
  const context = { ...base.context, time: base.context.time + v.time };
  for (const key of ["sourceIp", "userAgent", "taskType", "targetProject", "targetProjectId"] as const) {
    const value = v[key];
    if (value === undefined) delete context[key];
    else if (value !== null) context[key] = value;
  }
  const principal =
    v.standing === "disabled"
      ? { ...base.principal, disabled: true }
      : v.standing === "other-account"
        ? { ...base.principal, accountId: "acc-other" }
        : base.principal;
  return { ...base, principal, context };
}

describe("decision cache", () => {
  it("is transparent: every decision equals the one computed without the cache, through context changes and grant deltas", () => {
    fc.assert(
      fc.property(
        snapshotArb(),
        fc.array(requestArb(), { minLength: 6, maxLength: 6 }),
        fc.array(variationArb, { minLength: 30, maxLength: 30 }),
        (snapshot, bases, variations) => {
          const index = compile(snapshot);
          let version = snapshot.securityVersion;
          for (const variation of variations) {
            if (variation.delta && snapshot.grants.length > 0) {
              const grant = snapshot.grants[variation.delta.grant % snapshot.grants.length]!;
              const delta: SecurityDelta = variation.delta.revoke
                ? { kind: "GrantRevoked", grant, securityVersion: ++version }
                : { kind: "GrantAdded", grant: { ...grant, id: `again-${version}` }, securityVersion: ++version };
              applyDelta(index, delta);
            }
            const request = vary(bases[variation.pick % bases.length]!, variation);
            expect(decide(index, request)).toEqual(decideUncached(index, request));
          }
        },
      ),
      { numRuns: CACHE_RUNS },
    );
  });

  it("reuses a decision only within the time window its expiry comparisons hold in", () => {
    // Grants and label grants to bob (or his role) expiring around NOW, read at times around NOW: the window
    // of each cached decision is crossed often.
    const expiring = fc.record({
      target: fc.constantFrom("o-t1", "o-up"),
      privileges: fc.constantFrom<SnapshotGrant["privileges"]>(["Select"], ["Select", "Describe"], ["Describe"]),
      columns: fc.option(fc.subarray(["col1", "col2", "id", "mobile"], { minLength: 1 }), { nil: null }),
      toRole: fc.boolean(),
      expiresIn: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
    });
    const labelGrant = fc.record({
      target: fc.constantFrom("o-t1", "o-up"),
      level: fc.integer({ min: 0, max: 3 }),
      expiresIn: fc.integer({ min: -3, max: 3 }),
    });
    const reads = fc.array(
      fc.record({
        table: fc.constantFrom("t1", "user_profile"),
        action: fc.constantFrom<AccessRequest["action"]>("Select", "Describe"),
        columns: fc.option(fc.subarray(["col1", "col2", "id", "mobile"], { minLength: 1 }), { nil: undefined }),
        at: fc.integer({ min: -4, max: 4 }),
      }),
      { minLength: 20, maxLength: 20 },
    );
    fc.assert(
      fc.property(
        fc.array(expiring, { maxLength: 6 }),
        fc.array(labelGrant, { maxLength: 3 }),
        reads,
        (grants, labelGrants, list) => {
          const snapshot = baseSnapshot();
          snapshot.config.labelSecurity = true;
          snapshot.labels.objects.push(
            { objectId: "o-t1", column: "col2", level: 2 },
            { objectId: "o-up", column: null, level: 1 },
          );
          snapshot.roleAssignments.push({ roleId: "r-worker", userId: "u-bob" });
          grants.forEach((g, i) =>
            snapshot.grants.push({
              id: `g${i}`,
              objectId: g.target,
              privileges: g.privileges,
              columns: g.columns,
              condition: null,
              grantee: g.toRole ? { type: "Role", roleId: "r-worker" } : { type: "User", userId: "u-bob" },
              expiresAt: g.expiresIn === null ? null : NOW + g.expiresIn * HOUR,
            }),
          );
          labelGrants.forEach((g, i) =>
            snapshot.labelGrants.push({
              id: `lg${i}`,
              objectId: g.target,
              columns: null,
              userId: "u-bob",
              level: g.level,
              expiresAt: NOW + g.expiresIn * HOUR,
            }),
          );
          const index = compile(snapshot);
          for (const read of list) {
            const columns = read.action === "Select" ? read.columns : undefined;
            const asked = request("bob", read.action, table(read.table), {
              ...(columns ? { columns } : {}),
              context: { time: NOW + read.at * HOUR },
            });
            expect(decide(index, asked)).toEqual(decideUncached(index, asked));
          }
        },
      ),
      { numRuns: CACHE_RUNS },
    );
  });

  const bobReads = (context: Partial<AccessRequest["context"]> = {}) =>
    request("bob", "Select", table("t1"), { columns: ["col1"], context });
  const grantToBob = (extra: Partial<SnapshotGrant> = {}): SnapshotGrant => ({
    id: "g-bob",
    objectId: "o-t1",
    privileges: ["Select"],
    columns: null,
    grantee: { type: "User", userId: "u-bob" },
    expiresAt: null,
    condition: null,
    ...extra,
  });

  it("serves a repeated request from the cache, frozen", () => {
    const snapshot = baseSnapshot();
    snapshot.grants.push(grantToBob());
    const index = compile(snapshot);
    const first = decide(index, bobReads());
    const again = decide(index, bobReads());
    expect(again).toBe(first);
    expect(index.decisions.hits).toBe(1);
    expect(Object.isFrozen(again) && Object.isFrozen(again.steps) && Object.isFrozen(again.columns)).toBe(true);
  });

  it("forgets the decisions on an object whose grants change", () => {
    const snapshot = baseSnapshot();
    const grant = grantToBob();
    snapshot.grants.push(grant);
    const index = compile(snapshot);
    expect(decide(index, bobReads()).effect).toBe("Allow");
    applyDelta(index, { kind: "GrantRevoked", grant, securityVersion: 2 });
    const after = decide(index, bobReads());
    expect(after).toMatchObject({ effect: "Deny", securityVersion: 2 });
    applyDelta(index, { kind: "GrantAdded", grant, securityVersion: 3 });
    expect(decide(index, bobReads())).toMatchObject({ effect: "Allow", securityVersion: 3 });
  });

  it("serves a decision again after a change elsewhere with the new securityVersion", () => {
    const snapshot = baseSnapshot();
    snapshot.grants.push(grantToBob(), { ...grantToBob(), id: "g-other", objectId: "o-up" });
    const index = compile(snapshot);
    decide(index, bobReads());
    applyDelta(index, { kind: "GrantRevoked", grant: { id: "g-other", objectId: "o-up" }, securityVersion: 7 });
    expect(decide(index, bobReads())).toMatchObject({ effect: "Allow", securityVersion: 7 });
    expect(index.decisions.hits).toBe(1);
  });

  it("holds a decision only while the grant it rests on is unexpired", () => {
    const snapshot = baseSnapshot();
    snapshot.grants.push(grantToBob({ expiresAt: NOW + DAY }));
    const index = compile(snapshot);
    expect(decide(index, bobReads()).effect).toBe("Allow");
    expect(decide(index, bobReads({ time: NOW + DAY - 1 })).effect).toBe("Allow");
    expect(decide(index, bobReads({ time: NOW + DAY })).effect).toBe("Deny");
    expect(decide(index, bobReads({ time: NOW + 2 * DAY })).effect).toBe("Deny");
    expect(decide(index, bobReads()).effect).toBe("Allow");
  });

  it("re-evaluates a condition on the current time for every other time", () => {
    const snapshot = baseSnapshot();
    snapshot.config.checkPermissionUsingPolicy = true;
    snapshot.policies.push({
      id: "p",
      name: "until noon",
      roleId: null,
      document: policy([
        {
          Effect: "Allow",
          Principal: ["*"],
          Action: ["odps:Select"],
          Resource: [resource("tables/t1")],
          Condition: { DateLessThan: { "acs:CurrentTime": new Date(NOW + HOUR).toISOString() } },
        },
      ]),
    });
    const index = compile(snapshot);
    expect(decide(index, bobReads()).effect).toBe("Allow");
    expect(decide(index, bobReads({ time: NOW + 2 * HOUR })).effect).toBe("Deny");
    expect(decide(index, bobReads()).effect).toBe("Allow");
  });

  it("checks the whitelist and the principal on every call", () => {
    const snapshot = baseSnapshot();
    snapshot.grants.push(grantToBob());
    snapshot.whitelist.project = ["10.0.0.0/8"];
    const index = compile(snapshot);
    expect(decide(index, bobReads()).effect).toBe("Allow");
    expect(decide(index, bobReads({ sourceIp: "10.200.0.1" })).effect).toBe("Allow");
    expect(decide(index, bobReads({ sourceIp: "192.168.0.1" }))).toMatchObject({
      effect: "Deny",
      decidedBy: "Whitelist",
    });
    expect(decide(index, { ...bobReads(), principal: { ...bobReads().principal, disabled: true } })).toMatchObject({
      effect: "Deny",
      decidedBy: "Identity",
    });
  });

  it("stays within its capacity, and within a chain length per user and object", () => {
    const snapshot = baseSnapshot();
    snapshot.grants.push(grantToBob());
    const index = compile(snapshot);
    // More distinct requests than it holds (on tables the catalog does not have): it empties and refills.
    let largest = 0;
    for (let i = 0; i < DECISION_CACHE_CAPACITY + 1_000; i++) {
      decide(index, request("bob", "Describe", table(`t_${i}`)));
      largest = Math.max(largest, index.decisions.size);
    }
    expect(largest).toBe(DECISION_CACHE_CAPACITY);
    expect(index.decisions.size).toBeLessThan(2_000);
    const before = index.decisions.size;
    // 20 column lists on one table share one chain, cut at 16.
    const names = ["col1", "col2", "mobile", "addr"];
    const lists = names.flatMap((a) => [[a], ...names.map((b) => [a, b])]);
    const read = (columns: string[]) => request("bob", "Select", table("t1"), { columns });
    for (const columns of lists) decide(index, read(columns));
    expect(index.decisions.size).toBe(before + 16);
    for (const columns of lists) expect(decide(index, read(columns))).toEqual(decideUncached(index, read(columns)));
  });

  it("holds a smaller capacity when compiled with one (rounded up to a power of 2), and stays transparent", () => {
    const snapshot = baseSnapshot();
    snapshot.grants.push(grantToBob());
    const index = compile(snapshot, { decisionCacheCapacity: 100 });
    expect(index.decisions.capacity).toBe(128);
    let largest = 0;
    for (let i = 0; i < 1_000; i++) {
      const asked = request("bob", "Describe", table(`t_${i % 300}`));
      expect(decide(index, asked)).toEqual(decideUncached(index, asked));
      largest = Math.max(largest, index.decisions.size);
    }
    expect(largest).toBe(128);
  });

  it("keeps its own copy of the columns requested", () => {
    const snapshot = baseSnapshot();
    snapshot.grants.push(grantToBob({ columns: ["col1"] }));
    const index = compile(snapshot);
    const read = bobReads();
    expect(decide(index, read).effect).toBe("Allow");
    read.object.columns!.push("col2");
    expect(decide(index, read)).toEqual(decideUncached(index, read));
    expect(decide(index, read).effect).toBe("Deny");
  });
});
