import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { grantPrivilegesEndpoint } from "@/lib/services/grants/grant-privileges";
import { listGrantsEndpoint } from "@/lib/services/grants/list-grants";
import { revokeGrantEndpoint } from "@/lib/services/grants/revoke-grant";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
const dev = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand_dev" } });
const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";

type Endpoint = Parameters<typeof runEndpoint>[0];
async function call(endpoint: Endpoint, email: string, input: Record<string, unknown>) {
  return runEndpoint(endpoint, (await contextFor(email)).actor, requestMeta(), { project: "WonderLand", ...input });
}
async function list(email: string, input: Record<string, unknown>) {
  const result = await runEndpoint(listGrantsEndpoint, (await contextFor(email)).actor, requestMeta(), {
    project: "WonderLand",
    ...input,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}
const lastAudit = () => prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
const grantCount = () => prisma.aclGrant.count();

describe("show grants and show acl", () => {
  it("show grants for allen: his own grants and his analyst role's", async () => {
    const data = await list(ALICE, { principal: "allen@wonderland.example", pageSize: "100" });
    expect(data.subject).toEqual({ kind: "user", label: "RAM$wonderland:allen", roles: ["analyst"] });
    const lines = data.items.map(
      (item) => `${item.grantee.type}:${item.grantee.name} ${item.privilege} ${item.objectType} ${item.objectName}`,
    );
    expect(lines).toContain("User:Allen Analyst Select Table user_profile");
    expect(lines).toContain("Role:analyst Select Table sales_orders");
    expect(lines).toContain("Role:analyst List Project WonderLand");
    expect(lines.some((line) => line.includes("etl_writer"))).toBe(false);
    expect(data.total).toBe(data.items.length);
  });

  it("show grants for a role, with a principal name; expired grants are flagged", async () => {
    const role = await list(BOB, { principal: "role:ANALYST" });
    expect(role.subject).toEqual({ kind: "role", label: "role analyst" });
    expect(role.items.every((item) => item.grantee.name === "analyst")).toBe(true);
    const expired = await list(ALICE, { principal: "RAM$wonderland:allen", status: "expired" });
    expect(expired.items.map((item) => [item.objectName, item.privilege, item.expired])).toEqual([
      ["ods_click_log", "Select", true],
    ]);
  });

  it("every grant of the project, filtered, sorted and paged in the database", async () => {
    const all = await list(ALICE, {});
    expect(all.subject).toEqual({ kind: "everyone" });
    const total = await prisma.aclGrant.count({ where: { projectId: wonderland.id } });
    expect(all.total).toBe(total);
    const page = await list(ALICE, { privilege: "Select", sort: "object", dir: "asc", pageSize: "2", page: "2" });
    expect(page.items).toHaveLength(2);
    const selects = await list(ALICE, { privilege: "Select", sort: "object", dir: "asc", pageSize: "100" });
    expect(page.items.map((item) => item.id)).toEqual(selects.items.slice(2, 4).map((item) => item.id));
    expect(selects.items.map((item) => item.objectName)).toEqual(
      [...selects.items.map((item) => item.objectName)].sort(),
    );
    const searched = await list(ALICE, { q: "etl_wr" });
    expect(searched.items.length).toBe(4);
    expect(searched.items[0]!.grantedBy).toBe("bob@wonderland.example");
  });

  it("show acl for an object: every grantee", async () => {
    const data = await list(BOB, {
      view: "object",
      objectType: "Table",
      objectName: "ods_click_log",
      sort: "grantee",
      dir: "asc",
    });
    expect(data.subject).toEqual({ kind: "object", type: "Table", name: "ods_click_log" });
    expect(data.items.map((item) => item.grantee.name)).toEqual([
      "etl_writer",
      "etl_writer",
      "etl_writer",
      "etl_writer",
      "Allen Analyst",
    ]);
  });

  const REFUSALS: { description: string; who: string; input: Record<string, unknown>; code: string; field?: string }[] =
    [
      { description: "sam listing WonderLand's grants", who: SAM, input: {}, code: "NOT_FOUND" },
      {
        description: "allen showing bob's grants",
        who: ALLEN,
        input: { principal: "bob@wonderland.example" },
        code: "FORBIDDEN",
      },
      {
        description: "allen showing a role's grants",
        who: ALLEN,
        input: { principal: "role:analyst" },
        code: "FORBIDDEN",
      },
      {
        description: "allen showing an object's ACL",
        who: ALLEN,
        input: { view: "object", objectType: "Table", objectName: "sales_orders" },
        code: "FORBIDDEN",
      },
      {
        description: "an unknown principal",
        who: ALICE,
        input: { principal: "nobody@nowhere.example" },
        code: "INVALID_INPUT",
        field: "principal",
      },
      {
        description: "the ACL of a missing object",
        who: ALICE,
        input: { view: "object", objectType: "Table", objectName: "nope" },
        code: "INVALID_INPUT",
        field: "objectName",
      },
    ];
  for (const testCase of REFUSALS) {
    it(`${testCase.description} → ${testCase.code}`, async () => {
      const result = await call(listGrantsEndpoint, testCase.who, testCase.input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(testCase.code);
      if (testCase.field) expect(result.error.fieldErrors?.[testCase.field]?.length).toBeGreaterThan(0);
    });
  }

  it("allen may show his own grants (no principal = himself)", async () => {
    const own = await list(ALLEN, {});
    expect(own.subject).toMatchObject({ kind: "user", label: "RAM$wonderland:allen" });
    expect(own.total).toBeGreaterThan(0);
  });
});

describe("revoke", () => {
  it("alice revokes a grant: the row goes, the version moves, the audit row keeps what it was", async () => {
    const grant = await prisma.aclGrant.findFirstOrThrow({
      where: { projectId: wonderland.id, privilege: "Select", object: { name: "user_profile" } },
    });
    const version = (await prisma.project.findUniqueOrThrow({ where: { id: wonderland.id } })).securityVersion;
    const result = await call(revokeGrantEndpoint, ALICE, { grantId: grant.id });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(await prisma.aclGrant.count({ where: { id: grant.id } })).toBe(0);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: wonderland.id } })).securityVersion).toBe(
      version + 1,
    );
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: "grant.revoke",
      result: "SUCCESS",
      targetId: grant.objectId,
      targetName: "user_profile",
    });
    expect(audit.before).toMatchObject({
      id: grant.id,
      privilege: "Select",
      grantee: "user allen@wonderland.example",
      columns: grant.columns,
    });
  });

  it("refusals change nothing and are audited", async () => {
    // A grant to the built-in Admin role, which only the owner or a Super_Administrator may change.
    const granted = await call(grantPrivilegesEndpoint, ALICE, {
      objectType: "Table",
      objectName: "dim_region",
      privileges: "Alter",
      granteeType: "Role",
      grantee: "Admin",
    });
    expect(granted.ok).toBe(true);
    const adminGrant = await prisma.aclGrant.findFirstOrThrow({
      where: { privilege: "Alter", granteeRole: { name: "Admin", projectId: wonderland.id } },
    });
    const devGrant = await prisma.aclGrant.create({
      data: {
        projectId: dev.id,
        objectType: "PROJECT",
        privilege: "List",
        granteeUserId: adminGrant.grantedById,
        grantedById: adminGrant.grantedById,
      },
    });
    const anyGrant = await prisma.aclGrant.findFirstOrThrow({
      where: { projectId: wonderland.id, granteeRole: { name: "analyst" } },
    });
    const CASES = [
      { who: BOB, grantId: adminGrant.id, code: "FORBIDDEN", message: /built-in role Admin/ },
      { who: ALLEN, grantId: anyGrant.id, code: "FORBIDDEN", message: /may not revoke privileges/ },
      { who: SAM, grantId: anyGrant.id, code: "NOT_FOUND", message: /Project WonderLand was not found/ },
      {
        who: ALICE,
        grantId: "00000000-0000-4000-8000-000000000000",
        code: "NOT_FOUND",
        message: /grant was not found/,
      },
      { who: ALICE, grantId: devGrant.id, code: "NOT_FOUND", message: /grant was not found/ },
      { who: ALICE, grantId: "not-a-uuid", code: "NOT_FOUND", message: /grant was not found/ },
    ];
    for (const testCase of CASES) {
      const before = await grantCount();
      const result = await call(revokeGrantEndpoint, testCase.who, { grantId: testCase.grantId });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, `${testCase.who} ${testCase.grantId}`).toBe(testCase.code);
      expect(result.error.message).toMatch(testCase.message);
      expect(await grantCount()).toBe(before);
      expect(await lastAudit()).toMatchObject({ action: "grant.revoke", result: "DENIED" });
    }
  });
});
