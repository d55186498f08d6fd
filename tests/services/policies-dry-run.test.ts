import { describe, expect, it, vi } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { DRY_RUNS_PER_MINUTE, dryRunPolicyEndpoint } from "@/lib/services/policies/dry-run-policy";
import { TokenBucketLimiter } from "@/lib/services/token-bucket-limiter";
import { getPolicy } from "@/lib/services/policies/get-policy";
import { itRefuses } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const alice = await contextFor("alice@wonderland.example");
const current = await getPolicy(alice, { project: "WonderLand", role: null });
const currentDocument = JSON.parse(current.document) as { Version: string; Statement: object[] };
const withStatement = (statement: object) =>
  JSON.stringify({ ...currentDocument, Statement: [...currentDocument.Statement, statement] });

async function dryRun(email: string | null, input: Record<string, unknown>) {
  const actor = email ? (await contextFor(email)).actor : null;
  return runEndpoint(dryRunPolicyEndpoint, actor, requestMeta(), input);
}

const ALLEN = "RAM$wonderland:allen";
/** A dry run changes nothing, even when refused. */
const policyState = () =>
  prisma.policy.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, document: true } });

describe("the dry run of a policy change", () => {
  it("denying Select on sales_orders to allen: allen loses Select on sales_orders (every column), nobody gains", async () => {
    const result = await dryRun("alice@wonderland.example", {
      project: "WonderLand",
      document: withStatement({
        Effect: "Deny",
        Principal: [ALLEN],
        Action: ["odps:Select"],
        Resource: ["acs:odps:*:projects/WonderLand/tables/sales_orders"],
      }),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.losses).toEqual([
      { principal: ALLEN, objectType: "Table", objectName: "sales_orders", privilege: "Select", columns: null },
    ]);
    expect(result.data.gains).toEqual([]);
    expect(result.data).toMatchObject({ members: 3, truncated: false, context: { sourceIp: "127.0.0.1" } });
    expect(result.data.evaluated).toBe(result.data.total);
  });

  it("allowing Select on ods_click_log to allen (his grant expired): allen gains it, nobody loses", async () => {
    const result = await dryRun("alice@wonderland.example", {
      project: "WonderLand",
      document: withStatement({
        Effect: "Allow",
        Principal: [ALLEN],
        Action: ["odps:Select"],
        Resource: ["acs:odps:*:projects/WonderLand/tables/ods_click_log"],
      }),
    });
    expect(result.ok && result.data.gains).toEqual([
      { principal: ALLEN, objectType: "Table", objectName: "ods_click_log", privilege: "Select", columns: null },
    ]);
    expect(result.ok && result.data.losses).toEqual([]);
  });

  it("denying one column names only the columns lost", async () => {
    const result = await dryRun("alice@wonderland.example", {
      project: "WonderLand",
      document: withStatement({
        Effect: "Deny",
        Principal: [ALLEN],
        Action: ["odps:Select"],
        Resource: ["acs:odps:*:projects/WonderLand/tables/user_profile/columns/mobile"],
      }),
    });
    expect(result.ok && result.data.losses).toEqual([
      { principal: ALLEN, objectType: "Table", objectName: "user_profile", privilege: "Select", columns: ["mobile"] },
    ]);
  });

  it("the owner and administrators are not restricted by policies, so denying everyone changes only allen's access", async () => {
    const result = await dryRun("bob@wonderland.example", {
      project: "WonderLand",
      document: withStatement({
        Effect: "Deny",
        Principal: ["*"],
        Action: ["odps:*"],
        Resource: ["acs:odps:*:projects/WonderLand/*"],
      }),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(new Set(result.data.losses.map((change) => change.principal))).toEqual(new Set([ALLEN]));
    expect(result.data.losses.length).toBeGreaterThan(5);
  });

  it("the unchanged document changes nobody's access; a role policy is tried out too (t_app_* were already allowed)", async () => {
    const unchanged = await dryRun("alice@wonderland.example", { project: "WonderLand", document: current.document });
    expect(unchanged.ok && [unchanged.data.gains, unchanged.data.losses]).toEqual([[], []]);
    const role = await dryRun("alice@wonderland.example", {
      project: "WonderLand",
      role: "analyst",
      document: {
        Version: "1",
        Statement: [{ Effect: "Allow", Action: "odps:Describe", Resource: "acs:odps:*:projects/WonderLand/tables/*" }],
      },
    });
    expect(role.ok && role.data.losses).toEqual([]);
    expect(role.ok && role.data.gains.map((change) => `${change.objectName}:${change.privilege}`).sort()).toEqual([
      "ods_click_log:Describe",
      "user_profile:Describe",
    ]);
  });

  itRefuses(
    (
      [
        { who: null, code: "UNAUTHENTICATED" },
        { who: "sam@secretgarden.example", code: "NOT_FOUND" },
        { who: "allen@wonderland.example", code: "FORBIDDEN" },
      ] as const
    ).map((refusal) => ({
      ...refusal,
      description: refusal.who ?? "no session",
      endpoint: dryRunPolicyEndpoint,
      input: { project: "WonderLand", document: current.document },
    })),
    policyState,
  );

  it("an invalid document is refused with the statement and field at fault", async () => {
    const result = await dryRun("alice@wonderland.example", {
      project: "WonderLand",
      document: withStatement({
        Effect: "Maybe",
        Principal: ["*"],
        Action: ["odps:Select"],
        Resource: ["acs:odps:*:projects/WonderLand"],
      }),
    });
    expect(result.ok ? null : result.error.fieldErrors?.document?.[0]).toMatch(/^Statement 3 → Effect: /);
  });
});

describe("dry runs are rate-limited per actor", () => {
  it(`past ${DRY_RUNS_PER_MINUTE} in a minute, bob is refused with TOO_MANY_REQUESTS; alice is not`, async () => {
    const tiny = { project: "WonderLand", document: "{}" };
    const codes: string[] = [];
    // The clock stands still, so no token refills however slow the machine is.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      for (let i = 0; i < DRY_RUNS_PER_MINUTE + 5; i++) {
        const result = await dryRun("bob@wonderland.example", tiny);
        codes.push(result.ok ? "OK" : result.error.code);
      }
    } finally {
      vi.useRealTimers();
    }
    // bob made one dry run above: the first DRY_RUNS_PER_MINUTE - 1 here pass the limit (and fail validation).
    expect(codes.slice(0, DRY_RUNS_PER_MINUTE - 1).every((code) => code === "INVALID_INPUT")).toBe(true);
    expect(codes.slice(-3)).toEqual(["TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
    const alices = await dryRun("alice@wonderland.example", tiny);
    expect(alices.ok ? null : alices.error.code).toBe("INVALID_INPUT");
  });

  it("the bucket refills: a token every minute / limit, never more than the limit", () => {
    const limiter = new TokenBucketLimiter({ capacity: 3, perMs: 60_000 });
    const at = (ms: number) => limiter.take("u", ms);
    expect([at(0), at(0), at(0), at(0)]).toEqual([true, true, true, false]);
    expect(at(19_999)).toBe(false);
    expect([at(20_000), at(20_000)]).toEqual([true, false]);
    expect([at(10_000_000), at(10_000_000), at(10_000_000), at(10_000_000)]).toEqual([true, true, true, false]);
    expect(limiter.take("someone else", 0)).toBe(true);
  });
});
