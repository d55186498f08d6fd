import { describe, expect, it } from "vitest";
import { decide } from "@/lib/authz";
import { projectIndex } from "@/lib/decision-index/project-index";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { grantPrivilegesEndpoint } from "@/lib/services/grants/grant-privileges";
import { revokeGrantEndpoint } from "@/lib/services/grants/revoke-grant";
import { itRefuses, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
const allen = await prisma.user.findUniqueOrThrow({ where: { email: "allen@wonderland.example" } });
const salesOrders = await prisma.catalogObject.findFirstOrThrow({
  where: { projectId: wonderland.id, name: "sales_orders" },
});
const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";

// A third account whose owner is a member of WonderLand (allowed: another account's primary account), and one
// of its RAM users listed as a member too (which the console never allows: the engine must still refuse it).
const glass = await prisma.tenant.create({ data: { name: "lookingglass", displayName: "Looking Glass" } });
const lewis = await prisma.user.create({
  data: {
    tenantId: glass.id,
    kind: "PRIMARY",
    name: "lewis@lookingglass.example",
    email: "lewis@lookingglass.example",
    displayName: "Lewis",
    passwordHash: "x",
  },
});
const tweedle = await prisma.user.create({
  data: {
    tenantId: glass.id,
    kind: "SUB",
    name: "tweedle",
    email: "tweedle@lookingglass.example",
    displayName: "Tweedle",
    passwordHash: "x",
  },
});
await prisma.projectMember.createMany({
  data: [
    { projectId: wonderland.id, userId: lewis.id },
    { projectId: wonderland.id, userId: tweedle.id },
  ],
});
await prisma.project.update({ where: { id: wonderland.id }, data: { securityVersion: { increment: 1 } } });

const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

async function grantAs(email: string, input: Record<string, unknown>) {
  const { actor } = await contextFor(email);
  return runEndpoint(grantPrivilegesEndpoint, actor, requestMeta(), { project: "WonderLand", ...input });
}

async function state() {
  const [grants, project] = await Promise.all([
    prisma.aclGrant.findMany({
      where: { projectId: wonderland.id },
      select: { id: true, expiresAt: true, columns: true },
      orderBy: { id: "asc" },
    }),
    prisma.project.findUniqueOrThrow({ where: { id: wonderland.id }, select: { securityVersion: true } }),
  ]);
  return { grants, securityVersion: project.securityVersion };
}

const lastAudit = () => prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

async function allenReads(columns: string[]) {
  const index = (await projectIndex(wonderland.id))!;
  return decide(index, {
    principal: { userId: allen.id, accountId: allen.tenantId, kind: "sub", disabled: false },
    project: "WonderLand",
    action: "Select",
    object: { type: "Table", name: "sales_orders", columns },
    context: { sourceIp: "127.0.0.1", time: Date.now() },
  });
}

const SELECT_ORDERS = { objectType: "Table", objectName: "sales_orders", privileges: "Select" };

const REFUSALS: (Omit<RefusalCase, "endpoint" | "input"> & { input: Record<string, unknown> })[] = [
  {
    description: "allen (an ordinary member) granting",
    who: "allen@wonderland.example",
    input: { ...SELECT_ORDERS, granteeType: "User", grantee: "allen@wonderland.example" },
    code: "FORBIDDEN",
    message: /may not grant privileges on Table sales_orders: only the owner/,
  },
  {
    description: "sam (another tenant) granting in WonderLand",
    who: "sam@secretgarden.example",
    input: { ...SELECT_ORDERS, granteeType: "User", grantee: "allen@wonderland.example" },
    code: "NOT_FOUND",
    message: /Project WonderLand was not found/,
  },
  {
    description: "bob (Admin) granting to the built-in Admin role",
    who: BOB,
    input: { ...SELECT_ORDERS, granteeType: "Role", grantee: "Admin" },
    code: "FORBIDDEN",
    message: /^Only the owner or Super_Administrator may change the privileges of the built-in role Admin$/,
  },
  {
    description: "bob (a RAM user) granting to another account's owner",
    who: BOB,
    input: { ...SELECT_ORDERS, granteeType: "User", grantee: "lewis@lookingglass.example" },
    code: "FORBIDDEN",
    message: /RAM user and may only authorize RAM users of its own account/,
  },
  {
    description: "alice granting to another account's RAM user",
    who: ALICE,
    input: { ...SELECT_ORDERS, granteeType: "User", grantee: "RAM$lookingglass:tweedle" },
    code: "FORBIDDEN",
    message: /RAM user of another account and can never be authorized/,
  },
  {
    description: "a table that does not exist",
    who: ALICE,
    input: { ...SELECT_ORDERS, objectName: "no_such_table", granteeType: "User", grantee: "allen@wonderland.example" },
    code: "INVALID_INPUT",
    field: "objectName",
    message: /Table no_such_table does not exist in WonderLand/,
  },
  {
    description: "a privilege tables do not have (Execute)",
    who: ALICE,
    input: { ...SELECT_ORDERS, privileges: ["Select", "Execute"], granteeType: "Role", grantee: "analyst" },
    code: "INVALID_INPUT",
    field: "privileges",
    message: /^Execute is not a privilege of Table objects/,
  },
  {
    description: "no privilege at all",
    who: ALICE,
    input: { ...SELECT_ORDERS, privileges: [], granteeType: "Role", grantee: "analyst" },
    code: "INVALID_INPUT",
    field: "privileges",
    message: /Pick at least one privilege/,
  },
  {
    description: "columns with a privilege other than Select/Download",
    who: ALICE,
    input: { ...SELECT_ORDERS, privileges: ["Describe"], columns: "amount", granteeType: "Role", grantee: "analyst" },
    code: "INVALID_INPUT",
    field: "columns",
    message: /Select and Download only/,
  },
  {
    description: "a column the table does not have",
    who: ALICE,
    input: { ...SELECT_ORDERS, columns: "amount, amont", granteeType: "Role", grantee: "analyst" },
    code: "INVALID_INPUT",
    field: "columns",
    message: /sales_orders has no column amont/,
  },
  {
    description: "columns on a function",
    who: ALICE,
    input: {
      objectType: "Function",
      objectName: "udf_mask_mobile",
      privileges: "Execute",
      columns: "x",
      granteeType: "Role",
      grantee: "analyst",
    },
    code: "INVALID_INPUT",
    field: "columns",
    message: /tables and views only/,
  },
  {
    description: "a user who is not a member (audrey)",
    who: ALICE,
    input: { ...SELECT_ORDERS, granteeType: "User", grantee: "audrey@wonderland.example" },
    code: "INVALID_INPUT",
    field: "grantee",
    message: /not a member of WonderLand/,
  },
  {
    description: "a user of another tenant, by email (nothing revealed)",
    who: ALICE,
    input: { ...SELECT_ORDERS, granteeType: "User", grantee: "sam@secretgarden.example" },
    code: "INVALID_INPUT",
    field: "grantee",
    message: /not a member of WonderLand/,
  },
  {
    description: "a role that does not exist",
    who: ALICE,
    input: { ...SELECT_ORDERS, granteeType: "Role", grantee: "ghosts" },
    code: "INVALID_INPUT",
    field: "grantee",
    message: /has no role ghosts/,
  },
  {
    description: "an expiry in the past",
    who: ALICE,
    input: { ...SELECT_ORDERS, granteeType: "Role", grantee: "analyst", expiresOn: "2020-01-01" },
    code: "INVALID_INPUT",
    field: "expiresOn",
    message: /today or a later date/,
  },
  {
    description: "an expiry that is not a date",
    who: ALICE,
    input: { ...SELECT_ORDERS, granteeType: "Role", grantee: "analyst", expiresOn: "next week" },
    code: "INVALID_INPUT",
    field: "expiresOn",
    message: /2030-12-31/,
  },
];

describe("grant: refusals change nothing and are audited", () => {
  itRefuses(
    REFUSALS.map((refusal) => ({
      ...refusal,
      endpoint: grantPrivilegesEndpoint,
      input: { project: "WonderLand", ...refusal.input },
    })),
    state,
  );
});

describe("grant", () => {
  it("alice grants Select on sales_orders(order_id, amount) to allen until a date: he then reads those columns and no others", async () => {
    // Take away what allen reads through his analyst role first, so only the new grant can let him in.
    const roleGrant = await prisma.aclGrant.findFirstOrThrow({
      where: { objectId: salesOrders.id, privilege: "Select", granteeRole: { name: "analyst" } },
    });
    const revoked = await runEndpoint(revokeGrantEndpoint, (await contextFor(BOB)).actor, requestMeta(), {
      project: "WonderLand",
      grantId: roleGrant.id,
    });
    expect(revoked.ok, JSON.stringify(revoked)).toBe(true);
    expect((await allenReads(["order_id"])).effect).toBe("Deny");

    const before = await state();
    const result = await grantAs(ALICE, {
      ...SELECT_ORDERS,
      columns: "Amount,order_id",
      granteeType: "User",
      grantee: "RAM$wonderland:allen",
      expiresOn: inAWeek,
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.data.grants).toHaveLength(1);
    const grant = await prisma.aclGrant.findUniqueOrThrow({ where: { id: result.data.created[0]! } });
    expect(grant).toMatchObject({
      privilege: "Select",
      columns: ["order_id", "amount"],
      granteeUserId: allen.id,
      objectType: "TABLE",
      objectId: salesOrders.id,
    });
    expect(grant.expiresAt?.toISOString()).toBe(
      `${new Date(Date.parse(`${inAWeek}T00:00:00Z`) + 86_400_000).toISOString()}`,
    );
    expect((await state()).securityVersion).toBe(before.securityVersion + 1);

    const allowed = await allenReads(["order_id", "amount"]);
    expect(allowed.effect, JSON.stringify(allowed.steps)).toBe("Allow");
    expect(allowed.columns.map((column) => column.ruleId)).toEqual([grant.id, grant.id]);
    expect((await allenReads(["order_id", "user_id"])).effect).toBe("Deny");

    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: "grant.create",
      result: "SUCCESS",
      projectId: wonderland.id,
      targetType: "TABLE",
      targetName: "sales_orders",
    });
    expect(audit.after).toMatchObject({
      grants: [{ privilege: "Select", columns: ["order_id", "amount"], grantee: "user allen@wonderland.example" }],
      renewed: [],
    });
  });

  it("granting the same again renews the expiry instead of adding a copy", async () => {
    const count = await prisma.aclGrant.count({ where: { objectId: salesOrders.id, granteeUserId: allen.id } });
    const result = await grantAs(ALICE, {
      ...SELECT_ORDERS,
      columns: ["order_id", "amount"],
      granteeType: "User",
      grantee: "allen@wonderland.example",
    });
    expect(result.ok && result.data.renewed).toHaveLength(1);
    expect(await prisma.aclGrant.count({ where: { objectId: salesOrders.id, granteeUserId: allen.id } })).toBe(count);
    const grant = await prisma.aclGrant.findFirstOrThrow({
      where: { objectId: salesOrders.id, granteeUserId: allen.id, privilege: "Select" },
    });
    expect(grant.expiresAt).toBeNull();
  });

  it("bob (Admin) grants to the custom role analyst: one row per privilege", async () => {
    const result = await grantAs(BOB, {
      objectType: "Table",
      objectName: "t_app_events",
      privileges: ["Describe", "Select", "Download"],
      granteeType: "Role",
      grantee: "analyst",
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const rows = await prisma.aclGrant.findMany({
      where: { object: { name: "t_app_events" }, granteeRole: { name: "analyst" } },
      orderBy: { privilege: "asc" },
    });
    expect(rows.map((row) => row.privilege)).toEqual(["Describe", "Download", "Select"]);
    expect(new Set(rows.map((row) => row.grantedById))).toEqual(new Set([(await contextFor(BOB)).actor.userId]));
  });

  it("alice grants project privileges and may name the built-in Admin role", async () => {
    const result = await grantAs(ALICE, {
      objectType: "Project",
      privileges: ["CreateTable"],
      granteeType: "Role",
      grantee: "Admin",
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(
      await prisma.aclGrant.count({
        where: {
          projectId: wonderland.id,
          objectType: "PROJECT",
          privilege: "CreateTable",
          granteeRole: { name: "Admin" },
        },
      }),
    ).toBe(1);
  });

  it("alice grants to another account's owner, who is a member", async () => {
    const result = await grantAs(ALICE, {
      objectType: "View",
      objectName: "v_user_summary",
      privileges: "Select",
      granteeType: "User",
      grantee: "ALIYUN$lewis@lookingglass.example",
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });
});
