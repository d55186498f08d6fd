import { describe, expect, it } from "vitest";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { clearExpiredLabelGrantsEndpoint } from "@/lib/services/labels/clear-expired-label-grants";
import { columnMatrixEndpoint } from "@/lib/services/labels/column-matrix";
import { describeLabelsEndpoint } from "@/lib/services/labels/describe-labels";
import { grantLabelEndpoint } from "@/lib/services/labels/grant-label";
import { listClearancesEndpoint } from "@/lib/services/labels/list-clearances";
import { revokeLabelEndpoint } from "@/lib/services/labels/revoke-label";
import { setClearanceEndpoint } from "@/lib/services/labels/set-clearance";
import { setObjectLabelEndpoint } from "@/lib/services/labels/set-object-label";
import { showLabelGrantsEndpoint } from "@/lib/services/labels/show-label-grants";
import { updateSecuritySettingsEndpoint } from "@/lib/services/settings/update-security-settings";
import { itRefuses, type AnyEndpoint, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
const allenUser = await prisma.user.findUniqueOrThrow({ where: { email: "allen@wonderland.example" } });
const profile = await prisma.catalogObject.findFirstOrThrow({
  where: { projectId: wonderland.id, type: "TABLE", name: "user_profile" },
});

const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";
const P = "WonderLand";

const as = <T>(endpoint: T) => endpoint as unknown as AnyEndpoint;
async function call<T>(endpoint: EndpointDefinition<never, T> | AnyEndpoint, email: string | null, input: object) {
  const actor = email ? (await contextFor(email)).actor : null;
  const result = await runEndpoint(endpoint as AnyEndpoint, actor, requestMeta(), input as Record<string, unknown>);
  return result as
    { ok: true; data: T } | { ok: false; error: { code: string; fieldErrors?: Record<string, string[]> } };
}
async function ok<T = Record<string, unknown>>(endpoint: AnyEndpoint, email: string, input: object): Promise<T> {
  const result = await call(endpoint, email, input);
  if (!result.ok) throw new Error(`${endpoint.name} as ${email}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}
const lastAudit = () => prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

const setClearance = as(setClearanceEndpoint);
const setObjectLabel = as(setObjectLabelEndpoint);
const grant = as(grantLabelEndpoint);
const revoke = as(revokeLabelEndpoint);
const clearExpired = as(clearExpiredLabelGrantsEndpoint);
const show = as(showLabelGrantsEndpoint);
const describeLabels = as(describeLabelsEndpoint);
const clearances = as(listClearancesEndpoint);
const matrix = as(columnMatrixEndpoint);
const settings = as(updateSecuritySettingsEndpoint);

type Description = { columns: { name: string; label: number; source: string }[]; tableLabel: number };
const labelsOf = async (objectName: string, columns: string[]) => {
  const described = await ok<Description>(describeLabels, ALICE, { project: P, objectName });
  return Object.fromEntries(
    described.columns.filter((c) => columns.includes(c.name)).map((c) => [c.name, `${c.label} ${c.source}`]),
  );
};

async function labelState() {
  const [members, roles, objects, columns, grants, project] = await Promise.all([
    prisma.projectMember.findMany({ where: { projectId: wonderland.id }, orderBy: { id: "asc" } }),
    prisma.projectRole.findMany({ where: { projectId: wonderland.id }, orderBy: { id: "asc" } }),
    prisma.catalogObject.findMany({ where: { projectId: wonderland.id }, select: { id: true, label: true } }),
    prisma.column.findMany({ where: { objectId: profile.id }, select: { name: true, label: true } }),
    prisma.labelGrant.findMany({ where: { projectId: wonderland.id }, orderBy: { id: "asc" } }),
    prisma.project.findUniqueOrThrow({
      where: { id: wonderland.id },
      select: { noWriteDown: true, securityVersion: true },
    }),
  ]);
  return { members, roles, objects, columns, grants, project };
}

const GRANT = {
  project: P,
  objectName: "user_profile",
  level: "2",
  principalType: "User",
  principal: "RAM$wonderland:allen",
  days: "7",
};
const REVOKE = { project: P, objectName: "user_profile", principalType: "User", principal: "RAM$wonderland:allen" };
const CLEARANCE = { project: P, principalType: "User", principal: "RAM$wonderland:allen", level: "2" };
const OBJECT_LABEL = { project: P, objectName: "user_profile", columns: "gender,city", level: "2" };

describe("label management: refused for an ordinary member, the other tenant, and with bad input", () => {
  const writes: [AnyEndpoint, object][] = [
    [setClearance, CLEARANCE],
    [setClearance, { ...CLEARANCE, principalType: "Role", principal: "analyst" }],
    [setObjectLabel, OBJECT_LABEL],
    [grant, GRANT],
    [grant, { ...GRANT, principalType: "Role", principal: "analyst" }],
    [revoke, REVOKE],
    [clearExpired, { project: P }],
  ];
  const cases: RefusalCase[] = [
    ...writes.flatMap(([endpoint, input]): RefusalCase[] => [
      { description: "no session", who: null, endpoint, input: { ...input }, code: "UNAUTHENTICATED" },
      { description: "allen, an ordinary member", who: ALLEN, endpoint, input: { ...input }, code: "FORBIDDEN" },
      { description: "sam, of another tenant", who: SAM, endpoint, input: { ...input }, code: "NOT_FOUND" },
    ]),
    ...[clearances, matrix].flatMap((endpoint): RefusalCase[] => [
      {
        description: "allen reads",
        who: ALLEN,
        endpoint,
        input: { project: P, objectName: "user_profile" },
        code: "FORBIDDEN",
      },
      {
        description: "sam reads",
        who: SAM,
        endpoint,
        input: { project: P, objectName: "user_profile" },
        code: "NOT_FOUND",
      },
    ]),
    {
      description: "allen asks for bob's label grants",
      who: ALLEN,
      endpoint: show,
      input: { project: P, principal: "RAM$wonderland:bob" },
      code: "FORBIDDEN",
    },
    {
      description: "allen asks who may read user_profile",
      who: ALLEN,
      endpoint: show,
      input: { project: P, view: "table", objectName: "user_profile" },
      code: "FORBIDDEN",
    },
    {
      description: "bob (Admin) switches No-WriteDown, which only the owner may",
      who: BOB,
      endpoint: settings,
      input: { project: P, NoWriteDown: "true" },
      code: "FORBIDDEN",
    },
    ...["10", "-1", "2.5", "high"].map((level): RefusalCase => ({
      description: `level ${level}`,
      who: ALICE,
      endpoint: setClearance,
      input: { ...CLEARANCE, level },
      code: "INVALID_INPUT",
      field: "level",
      message: /0 to 9/,
    })),
    {
      description: "a column the table lacks",
      who: ALICE,
      endpoint: setObjectLabel,
      input: { ...OBJECT_LABEL, columns: "mobile,no_such_column" },
      code: "INVALID_INPUT",
      field: "columns",
      message: /no column no_such_column/,
    },
    {
      description: "a table that does not exist",
      who: ALICE,
      endpoint: grant,
      input: { ...GRANT, objectName: "no_such_table" },
      code: "INVALID_INPUT",
      field: "objectName",
    },
    {
      description: "days and a date at once",
      who: ALICE,
      endpoint: grant,
      input: { ...GRANT, expiresOn: "2099-01-01" },
      code: "INVALID_INPUT",
      field: "days",
    },
    {
      description: "an expiry date in the past",
      who: ALICE,
      endpoint: grant,
      input: { ...GRANT, days: "", expiresOn: "2001-01-01" },
      code: "INVALID_INPUT",
      field: "expiresOn",
    },
    {
      description: "0 days",
      who: ALICE,
      endpoint: grant,
      input: { ...GRANT, days: "0" },
      code: "INVALID_INPUT",
      field: "days",
    },
    {
      description: "a grantee who is not a member",
      who: ALICE,
      endpoint: grant,
      input: { ...GRANT, principal: "sam@secretgarden.example" },
      code: "INVALID_INPUT",
      field: "principal",
    },
    {
      description: "the owner's clearance (not restricted by labels)",
      who: ALICE,
      endpoint: setClearance,
      input: { ...CLEARANCE, principal: "alice@wonderland.example" },
      code: "INVALID_INPUT",
      field: "principal",
    },
    {
      description: "revoking what the grantee does not hold",
      who: ALICE,
      endpoint: revoke,
      input: { ...REVOKE, objectName: "sales_orders" },
      code: "INVALID_INPUT",
      field: "principal",
    },
  ];
  itRefuses(cases, labelState);
});

describe("label management: allowed for the owner and Admin, audited in the same transaction", () => {
  it.each([
    { who: ALICE, principalType: "User", principal: "RAM$wonderland:allen", level: 2 },
    { who: BOB, principalType: "Role", principal: "analyst", level: 1 },
  ])("SET LABEL $level TO $principalType $principal as $who", async ({ who, principalType, principal, level }) => {
    const result = await ok<{ statement: string }>(setClearance, who, {
      project: P,
      principalType,
      principal,
      level: String(level),
    });
    expect(result.statement).toMatch(new RegExp(`^SET LABEL ${level} TO ${principalType.toUpperCase()}`));
    expect(await lastAudit()).toMatchObject({
      action: "label.set-clearance",
      result: "SUCCESS",
      after: { clearance: level },
    });
  });

  it("a member's clearance is the highest of their own and their roles'", async () => {
    await ok(setClearance, ALICE, { ...CLEARANCE, level: "0" });
    await ok(setClearance, ALICE, { project: P, principalType: "Role", principal: "analyst", level: "3" });
    type Rows = { items: { kind: string; name: string; own: number; effective: number }[] };
    const rows = await ok<Rows>(clearances, BOB, { project: P, q: "allen" });
    expect(rows.items).toEqual([expect.objectContaining({ kind: "User", own: 0, effective: 3 })]);
    const roles = await ok<Rows>(clearances, ALICE, { project: P, kind: "Role", q: "analyst" });
    expect(roles.items).toEqual([expect.objectContaining({ name: "analyst", own: 3 })]);
    await ok(setClearance, ALICE, { project: P, principalType: "Role", principal: "analyst", level: "0" });
  });

  it("SET LABEL to many columns is one statement and one audit row", async () => {
    const auditsBefore = await prisma.auditEvent.count();
    const columns = (await prisma.column.findMany({ where: { objectId: profile.id }, select: { name: true } }))
      .map((c) => c.name)
      .filter((name) => name.endsWith("_30d"));
    expect(columns.length).toBeGreaterThan(5);
    await ok(setObjectLabel, BOB, { project: P, objectName: "user_profile", columns, level: "4" });
    expect(await prisma.auditEvent.count()).toBe(auditsBefore + 1);
    expect(await lastAudit()).toMatchObject({ action: "label.set-object", after: { level: 4, columns } });
    const labels = await labelsOf("user_profile", columns);
    expect(Object.values(labels)).toEqual(columns.map(() => "4 column"));
  });

  it("the manual's ordering: table label 1, columns (amount, currency) 2, table label 3 → the two columns stay 2", async () => {
    await ok(setObjectLabel, ALICE, { project: P, objectName: "sales_orders", level: "1" });
    await ok(setObjectLabel, ALICE, {
      project: P,
      objectName: "sales_orders",
      columns: "amount, currency",
      level: "2",
    });
    await ok(setObjectLabel, ALICE, { project: P, objectName: "sales_orders", level: "3" });
    expect(await labelsOf("sales_orders", ["amount", "currency", "order_id", "status"])).toEqual({
      amount: "2 column",
      currency: "2 column",
      order_id: "3 table",
      status: "3 table",
    });
    expect(await lastAudit()).toMatchObject({
      action: "label.set-object",
      before: { labels: { sales_orders: 1 } },
      after: { statement: "SET LABEL 3 TO TABLE sales_orders" },
    });
    await ok(setObjectLabel, ALICE, { project: P, objectName: "sales_orders", level: "0" });
    await ok(setObjectLabel, ALICE, { project: P, objectName: "sales_orders", columns: "amount,currency", level: "0" });
  });

  it("a view's label is its own: labelling v_user_summary leaves user_profile as it was", async () => {
    const before = await labelsOf("user_profile", ["id", "gender"]);
    await ok(setObjectLabel, ALICE, { project: P, objectType: "View", objectName: "v_user_summary", level: "5" });
    const view = await ok<Description>(describeLabels, ALICE, {
      project: P,
      objectType: "View",
      objectName: "v_user_summary",
    });
    expect(view.tableLabel).toBe(5);
    expect(await labelsOf("user_profile", ["id", "gender"])).toEqual(before);
    await ok(setObjectLabel, ALICE, { project: P, objectType: "View", objectName: "v_user_summary", level: "0" });
  });

  it("GRANT LABEL … WITH EXP 7 (default 180), to a user and to a role; granting again renews", async () => {
    const started = Date.now();
    const first = await ok<{ expiresAt: string; renewed: boolean }>(grant, ALICE, GRANT);
    expect(Date.parse(first.expiresAt) - started).toBeGreaterThanOrEqual(7 * 86_400_000 - 1000);
    expect(Date.parse(first.expiresAt) - started).toBeLessThan(7 * 86_400_000 + 60_000);
    expect(await lastAudit()).toMatchObject({ action: "label.grant", result: "SUCCESS", after: { level: 2 } });
    const again = await ok<{ expiresAt: string; renewed: boolean }>(grant, BOB, { ...GRANT, days: "" });
    expect(again.renewed).toBe(true);
    expect(Date.parse(again.expiresAt) - started).toBeGreaterThanOrEqual(180 * 86_400_000 - 1000);
    const toRole = await ok<{ statement: string }>(grant, BOB, {
      ...GRANT,
      principalType: "Role",
      principal: "analyst",
      columns: "id_card",
      level: "3",
      days: "",
      expiresOn: "2099-12-31",
    });
    expect(toRole.statement).toMatch(/ON TABLE user_profile\(id_card\) TO ROLE analyst/);
    const row = await prisma.labelGrant.findFirstOrThrow({ where: { granteeRole: { name: "analyst" } } });
    expect(row.expiresAt.toISOString()).toBe("2100-01-01T00:00:00.000Z");
    await ok(revoke, ALICE, { ...REVOKE, principalType: "Role", principal: "analyst" });
  });

  it("REVOKE on columns narrows column grants; REVOKE on the table also revokes the user's column grants", async () => {
    await ok(grant, ALICE, { ...GRANT, columns: "mobile,birthday,user_addr" });
    await ok(revoke, ALICE, { ...REVOKE, columns: "mobile" });
    const narrowed = await prisma.labelGrant.findMany({
      where: { objectId: profile.id, granteeUserId: allenUser.id },
      select: { columns: true },
    });
    expect(narrowed.map((g) => g.columns.join(",")).sort()).toContain("user_addr,birthday");
    expect(narrowed.some((g) => g.columns.length === 0)).toBe(true);
    expect(await lastAudit()).toMatchObject({ action: "label.revoke", after: { narrowed: 1 } });

    const held = await prisma.labelGrant.count({ where: { objectId: profile.id, granteeUserId: allenUser.id } });
    expect(held).toBeGreaterThanOrEqual(3);
    const result = await ok<{ removed: number }>(revoke, BOB, REVOKE);
    expect(result.removed).toBe(held);
    expect(await prisma.labelGrant.count({ where: { objectId: profile.id, granteeUserId: allenUser.id } })).toBe(0);
    expect(await lastAudit()).toMatchObject({
      action: "label.revoke",
      after: { statement: "REVOKE LABEL ON TABLE user_profile FROM USER RAM$wonderland:allen", removed: held },
    });
  });

  it("CLEAR EXPIRED GRANTS removes only expired grants and audits the count", async () => {
    const past = new Date(Date.now() - 1000);
    await prisma.labelGrant.createMany({
      data: [1, 2].map((level) => ({
        projectId: wonderland.id,
        objectId: profile.id,
        columns: [],
        level,
        granteeUserId: allenUser.id,
        grantedById: allenUser.id,
        expiresAt: past,
      })),
    });
    const active = await prisma.labelGrant.count({
      where: { projectId: wonderland.id, expiresAt: { gt: new Date() } },
    });
    const result = await ok<{ cleared: number }>(clearExpired, BOB, { project: P });
    expect(result.cleared).toBe(2);
    expect(await lastAudit()).toMatchObject({
      action: "label.clear-expired",
      result: "SUCCESS",
      after: { cleared: 2 },
    });
    expect(await prisma.labelGrant.count({ where: { projectId: wonderland.id } })).toBe(active);
  });

  it("the three SHOW LABEL GRANTS views, with the level filter", async () => {
    await ok(grant, ALICE, GRANT);
    await ok(grant, ALICE, { ...GRANT, columns: "id_card", level: "3" });
    await ok(grant, ALICE, {
      ...GRANT,
      principalType: "Role",
      principal: "analyst",
      columns: "credit_card",
      level: "3",
    });
    type View = { statement: string; items: { columns: string[]; level: number; via: string | null }[] };
    const mine = await ok<View>(show, ALLEN, { project: P });
    expect(mine.statement).toBe("SHOW LABEL GRANTS");
    expect(mine.items.map((i) => `${i.level}:${i.columns.join(",")}:${i.via ?? ""}`).sort()).toEqual([
      "2::",
      "3:credit_card:analyst",
      "3:id_card:",
    ]);
    const level3 = await ok<View>(show, BOB, { project: P, principal: "RAM$wonderland:allen", level: "3" });
    expect(level3.statement).toBe("SHOW LABEL 3 GRANTS FOR USER RAM$wonderland:allen");
    expect(level3.items).toHaveLength(2);
    const onTable = await ok<View>(show, ALICE, { project: P, view: "table", objectName: "user_profile", level: "2" });
    expect(onTable.statement).toBe("SHOW LABEL 2 GRANTS ON TABLE user_profile");
    expect(onTable.items.every((i) => i.level === 2)).toBe(true);
    const columnsOnly = await ok<View>(show, ALICE, {
      project: P,
      view: "user-table",
      objectName: "user_profile",
      principal: "RAM$wonderland:allen",
    });
    expect(columnsOnly.items.every((i) => i.columns.length > 0)).toBe(true);
    expect(columnsOnly.items).toHaveLength(2);
    await ok(revoke, ALICE, REVOKE);
    await ok(revoke, ALICE, { ...REVOKE, principalType: "Role", principal: "analyst" });
  });

  it("No-WriteDown: only the owner switches it; it is off by default", async () => {
    expect((await prisma.project.findUniqueOrThrow({ where: { id: wonderland.id } })).noWriteDown).toBe(false);
    await ok(settings, ALICE, { project: P, NoWriteDown: "true" });
    expect(await lastAudit()).toMatchObject({
      action: "settings.update",
      before: { NoWriteDown: false },
      after: { NoWriteDown: true },
    });
    await ok(settings, ALICE, { project: P, NoWriteDown: "false" });
  });

  it("the column matrix: the engine's verdict per member and column, filtered to what a person cannot read", async () => {
    type Matrix = {
      columns: string[];
      items: {
        name: string;
        denied: number;
        cells: { column: string; effect: string; decidedBy: string; reason: string }[];
      }[];
    };
    const result = await ok<Matrix>(matrix, BOB, {
      project: P,
      objectName: "user_profile",
      q: "allen",
      deniedOnly: "true",
    });
    expect(result.items).toHaveLength(1);
    const allen = result.items[0]!;
    expect(result.columns).toHaveLength(allen.denied);
    expect(allen.cells.every((cell) => cell.effect === "Deny" && cell.reason.length > 0)).toBe(true);
    const full = await ok<Matrix>(matrix, BOB, { project: P, objectName: "user_profile", q: "allen" });
    expect(full.columns).toHaveLength(100);
  });
});
