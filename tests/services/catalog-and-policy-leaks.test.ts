import { describe, expect, it } from "vitest";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import { checkAccessEndpoint } from "@/lib/services/access/check-access";
import { effectivePermissionsEndpoint, type EffectivePermissions } from "@/lib/services/access/effective-permissions";
import type { CheckAccessResult } from "@/lib/services/access/check-access";
import { dropObjectEndpoint } from "@/lib/services/catalog/drop-object";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });

type AnyEndpoint = EndpointDefinition<never, unknown>;
const as = (endpoint: unknown) => endpoint as AnyEndpoint;

const ALLEN = "allen@wonderland.example";
const BOB = "bob@wonderland.example";

async function call<T>(endpoint: AnyEndpoint, email: string, input: Record<string, unknown>): Promise<T> {
  const { actor } = await contextFor(email);
  const result = await runEndpoint(endpoint, actor, requestMeta(), { project: "WonderLand", ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data as T;
}
const check = (caller: string, input: Record<string, unknown>) =>
  call<CheckAccessResult>(as(checkAccessEndpoint), caller, { principal: ALLEN, ...input });
const effective = (caller: string) =>
  call<EffectivePermissions>(as(effectivePermissionsEndpoint), caller, { principal: ALLEN, pageSize: 100 });

/** Text that quotes the demo's policy statements: their resources, principals, address ranges and conditions. */
const STATEMENT_TEXT = /acs:odps|RAM\$wonderland:\*|10\.0\.0\.0\/8|192\.168\.0\.0\/16|CurrentTime|statement \d+:/;

describe("policy statements reach only the project's administrators", () => {
  const CASES = [
    {
      description: "an Allow by a statement with address conditions",
      input: { action: "Select", objectType: "Table", objectName: "t_app_events" },
      effect: "Allow",
    },
    {
      description: "a Deny by a statement for every principal",
      input: { action: "Drop", objectType: "Table", objectName: "t_app_events" },
      effect: "Deny",
    },
  ];
  for (const testCase of CASES) {
    it(`${testCase.description}: allen (member) reads layer and rule id, not the statement; bob (Admin) reads it`, async () => {
      const asAllen = await check(ALLEN, testCase.input);
      const asBob = await check(BOB, testCase.input);
      expect(asAllen.decision).toMatchObject({ effect: testCase.effect, decidedBy: "Policy" });
      expect(asBob.decision).toMatchObject({ effect: testCase.effect, decidedBy: "Policy" });
      const policyStep = (result: CheckAccessResult) => result.decision.steps.find((step) => step.layer === "Policy")!;
      expect(policyStep(asAllen).ruleId).toBe(policyStep(asBob).ruleId);
      expect(policyStep(asBob).text).toMatch(STATEMENT_TEXT);
      expect(JSON.stringify(asAllen.decision)).not.toMatch(STATEMENT_TEXT);
    });
  }

  it("a refusal of allen's own action does not quote the statement either", async () => {
    const { actor } = await contextFor(ALLEN);
    const result = await runEndpoint(as(dropObjectEndpoint), actor, requestMeta(), {
      project: "WonderLand",
      type: "Table",
      name: "t_app_events",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(JSON.stringify(result)).not.toMatch(STATEMENT_TEXT);
  });
});

describe("columns reach only whoever may Describe the object", () => {
  it("check access on user_profile (allen may Select some columns, not Describe it): no column names for allen, all for bob", async () => {
    const input = { action: "Select", objectType: "Table", objectName: "user_profile" };
    expect((await check(ALLEN, input)).decision.columns).toEqual([]);
    expect((await check(BOB, input)).decision.columns.map((column) => column.column)).toContain("id_card");
  });

  it("columns allen names himself are answered", async () => {
    const result = await check(ALLEN, {
      action: "Select",
      objectType: "Table",
      objectName: "user_profile",
      columns: ["mobile"],
    });
    expect(result.decision.columns.map((column) => column.column)).toEqual(["mobile"]);
  });

  it("effective permissions: the names of labelled columns of user_profile go to bob, not to allen", async () => {
    const row = (result: EffectivePermissions) => result.items.find((item) => item.name === "user_profile")!;
    expect(row(await effective(BOB)).hiddenByLabel.length).toBeGreaterThan(0);
    expect(row(await effective(ALLEN)).hiddenByLabel).toEqual([]);
  });
});

describe("objects reach only whoever may List the project or Describe them", () => {
  it("without List, allen's effective permissions show only what he may Describe; bob still sees every object", async () => {
    const list = await prisma.aclGrant.findFirstOrThrow({
      where: { projectId: wonderland.id, objectType: "PROJECT", privilege: "List" },
    });
    await prisma.$transaction(async (tx) => {
      await tx.aclGrant.delete({ where: { id: list.id } });
      await bumpSecurityVersion(tx, wonderland.id);
    });
    const names = (result: EffectivePermissions) =>
      result.items
        .filter((item) => item.type !== "Project" && item.project === null)
        .map((item) => item.name)
        .sort();
    const allens = names(await effective(ALLEN));
    // Describe by the analyst role's grants, his own grant on the view, and the policy's t_app_* statement.
    expect(allens).toEqual(["dim_region", "sales_orders", "t_app_events", "t_app_users", "v_user_summary"]);
    const bobs = names(await effective(BOB));
    expect(bobs).toEqual(expect.arrayContaining(["user_profile", "ods_click_log", "t_app_events", ...allens]));
  });
});
