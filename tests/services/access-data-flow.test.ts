import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { dataFlowEndpoint, type DataFlowResult, type FlowRoute } from "@/lib/services/access/data-flow";
import { itRefuses, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";

async function flow(caller: string, input: Record<string, unknown>): Promise<DataFlowResult> {
  const result = await runEndpoint(dataFlowEndpoint, (await contextFor(caller)).actor, requestMeta(), {
    project: "WonderLand",
    objectType: "Table",
    ...input,
  });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error)}`);
  return result.data;
}

// WonderLand is protected, trusts WonderLand_dev, shares wonderland_share (dim_region, user_profile) with
// WonderLand_dev, and its exception policy lets bob Select dim_region in SQL and DT jobs.
const CASES: {
  description: string;
  caller: string;
  input: Record<string, unknown>;
  leaves: boolean;
  route: FlowRoute;
  effect: "Allow" | "Deny";
  reason?: RegExp;
}[] = [
  {
    description: "a read that stays in the project",
    caller: ALICE,
    input: {
      principal: "ALIYUN$alice@wonderland.example",
      operation: "read",
      objectName: "sales_orders",
      targetProject: "wonderland",
    },
    leaves: false,
    route: "stays",
    effect: "Allow",
  },
  {
    description: "the owner's read into a trusted project",
    caller: ALICE,
    input: {
      principal: "ALIYUN$alice@wonderland.example",
      operation: "read",
      objectName: "sales_orders",
      targetProject: "WonderLand_dev",
    },
    leaves: true,
    route: "trusted-project",
    effect: "Allow",
    reason: /trusted project/,
  },
  {
    description: "the owner's CREATE TABLE AS SELECT into another tenant's project: refused, even for the owner",
    caller: ALICE,
    input: {
      principal: "ALIYUN$alice@wonderland.example",
      operation: "create-table-as-select",
      objectName: "sales_orders",
      targetProject: "SecretGarden",
    },
    leaves: true,
    route: "refused",
    effect: "Deny",
    reason: /wonderland is protected/i,
  },
  {
    description: "a name that names no project is trusted by nothing",
    caller: ALICE,
    input: {
      principal: "ALIYUN$alice@wonderland.example",
      operation: "read",
      objectName: "sales_orders",
      targetProject: "Atlantis",
    },
    leaves: true,
    route: "refused",
    effect: "Deny",
  },
  {
    description: "the owner's download: never through a trusted project",
    caller: ALICE,
    input: { principal: "ALIYUN$alice@wonderland.example", operation: "download", objectName: "sales_orders" },
    leaves: true,
    route: "refused",
    effect: "Deny",
    reason: /may not be downloaded/,
  },
  {
    description: "bob's SQL read of dim_region into SecretGarden, by the exception policy",
    caller: BOB,
    input: {
      principal: "RAM$wonderland:bob",
      operation: "read",
      objectName: "dim_region",
      targetProject: "SecretGarden",
    },
    leaves: true,
    route: "exception-policy",
    effect: "Allow",
    reason: /Exception policy/,
  },
  {
    description: "bob's download of dim_region: the exception policy allows Select only, so it is refused",
    caller: BOB,
    input: { principal: "RAM$wonderland:bob", operation: "download", objectName: "dim_region" },
    leaves: true,
    route: "refused",
    effect: "Deny",
  },
  {
    description: "allen asks about himself: allowed to ask, refused to copy",
    caller: ALLEN,
    input: {
      principal: "RAM$wonderland:allen",
      operation: "create-table-as-select",
      objectName: "dim_region",
      targetProject: "SecretGarden",
    },
    leaves: true,
    route: "refused",
    effect: "Deny",
  },
];

describe("the data-flow check answers from ProjectProtection's step, with the whole decision", () => {
  for (const testCase of CASES) {
    it(testCase.description, async () => {
      const result = await flow(testCase.caller, testCase.input);
      expect({ leaves: result.leaves, route: result.route, effect: result.check.decision.effect }).toEqual({
        leaves: testCase.leaves,
        route: testCase.route,
        effect: testCase.effect,
      });
      if (testCase.reason) expect(result.protection?.text).toMatch(testCase.reason);
      expect(result.check.decision.steps.length).toBeGreaterThan(1);
    });
  }

  it("a package installed into the target opens the way out of the protected project", async () => {
    const result = await flow(ALICE, {
      principal: "ALIYUN$alice@wonderland.example",
      operation: "create-table-as-select",
      objectName: "user_profile",
      columns: "id,gender",
      targetProject: "WonderLand_dev",
    });
    // WonderLand_dev is trusted too; the trust is checked first, so remove it to see the package decide.
    expect(result.route).toBe("trusted-project");
    const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
    await prisma.trustedProject.deleteMany({ where: { projectId: wonderland.id } });
    await prisma.project.update({ where: { id: wonderland.id }, data: { securityVersion: { increment: 1 } } });
    const viaPackage = await flow(ALICE, {
      principal: "ALIYUN$alice@wonderland.example",
      operation: "create-table-as-select",
      objectName: "user_profile",
      columns: "id,gender",
      targetProject: "WonderLand_dev",
    });
    expect(viaPackage.route).toBe("package");
    expect(viaPackage.protection?.text).toMatch(/Package wonderland\.wonderland_share shares/);
    expect(viaPackage.check.decision.effect).toBe("Allow");
  });
});

const refusals: RefusalCase[] = [
  {
    description: "no session",
    who: null,
    endpoint: dataFlowEndpoint,
    input: { project: "WonderLand", principal: "RAM$wonderland:bob", operation: "download", objectName: "dim_region" },
    code: "UNAUTHENTICATED",
  },
  {
    description: "allen asks about bob",
    who: ALLEN,
    endpoint: dataFlowEndpoint,
    input: { project: "WonderLand", principal: "RAM$wonderland:bob", operation: "download", objectName: "dim_region" },
    code: "FORBIDDEN",
  },
  {
    description: "sam, of the other tenant",
    who: SAM,
    endpoint: dataFlowEndpoint,
    input: {
      project: "WonderLand",
      principal: "ALIYUN$sam@secretgarden.example",
      operation: "download",
      objectName: "dim_region",
    },
    code: "NOT_FOUND",
  },
  {
    description: "a read without its target",
    who: ALICE,
    endpoint: dataFlowEndpoint,
    input: { project: "WonderLand", principal: "RAM$wonderland:bob", operation: "read", objectName: "dim_region" },
    code: "INVALID_INPUT",
    field: "targetProject",
  },
  {
    description: "a download with a target",
    who: ALICE,
    endpoint: dataFlowEndpoint,
    input: {
      project: "WonderLand",
      principal: "RAM$wonderland:bob",
      operation: "download",
      objectName: "dim_region",
      targetProject: "SecretGarden",
    },
    code: "INVALID_INPUT",
    field: "targetProject",
  },
  {
    description: "an operation that moves no data",
    who: ALICE,
    endpoint: dataFlowEndpoint,
    input: { project: "WonderLand", principal: "RAM$wonderland:bob", operation: "drop", objectName: "dim_region" },
    code: "INVALID_INPUT",
    field: "operation",
  },
  {
    description: "a table that does not exist",
    who: ALICE,
    endpoint: dataFlowEndpoint,
    input: { project: "WonderLand", principal: "RAM$wonderland:bob", operation: "download", objectName: "nope" },
    code: "INVALID_INPUT",
    field: "objectName",
  },
];

describe("refusals", () => {
  itRefuses(refusals, async () =>
    prisma.project.findMany({ select: { securityVersion: true }, orderBy: { id: "asc" } }),
  );
});
