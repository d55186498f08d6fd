import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { compile, decide, securitySnapshotSchema } from "@/lib/authz";
import { loadSnapshot } from "@/lib/db/load-snapshot";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { createObjectEndpoint } from "@/lib/services/catalog/create-object";
import { dropObjectEndpoint } from "@/lib/services/catalog/drop-object";
import { getObjectEndpoint } from "@/lib/services/catalog/get-object";
import { listObjectsEndpoint } from "@/lib/services/catalog/list-objects";
import { updateObjectEndpoint } from "@/lib/services/catalog/update-object";
import { itRefuses, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";

async function call<Output>(
  endpoint: EndpointDefinition<z.ZodType, Output>,
  email: string,
  input: Record<string, unknown>,
) {
  const { actor } = await contextFor(email);
  return runEndpoint(endpoint, actor, requestMeta(), input);
}

/** What a refused call must leave untouched. */
async function catalogDigest() {
  const [objects, columns, grants, project] = await Promise.all([
    prisma.catalogObject.findMany({
      where: { projectId: wonderland.id },
      select: { name: true, description: true, definition: true },
      orderBy: { name: "asc" },
    }),
    prisma.column.findMany({
      where: { object: { projectId: wonderland.id } },
      select: { name: true, dataType: true, comment: true, position: true },
      orderBy: [{ objectId: "asc" }, { position: "asc" }],
    }),
    prisma.aclGrant.count({ where: { projectId: wonderland.id } }),
    prisma.project.findUniqueOrThrow({ where: { id: wonderland.id }, select: { securityVersion: true } }),
  ]);
  return { objects, columns, grants, securityVersion: project.securityVersion };
}

const lastAudit = () => prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
const securityVersion = async () =>
  (await prisma.project.findUniqueOrThrow({ where: { id: wonderland.id } })).securityVersion;

const REFUSALS: RefusalCase[] = [
  {
    description: "allen (a member without CreateTable) creating a table",
    who: ALLEN,
    endpoint: createObjectEndpoint,
    input: { project: "WonderLand", type: "Table", name: "allen_t", columns: [{ name: "a", type: "STRING" }] },
    code: "FORBIDDEN",
  },
  {
    description: "sam (another tenant) creating in WonderLand",
    who: SAM,
    endpoint: createObjectEndpoint,
    input: { project: "WonderLand", type: "Table", name: "sam_t", columns: [{ name: "a", type: "STRING" }] },
    code: "NOT_FOUND",
  },
  {
    description: "a bad table name",
    who: ALICE,
    endpoint: createObjectEndpoint,
    input: { project: "WonderLand", type: "Table", name: "9lives", columns: [{ name: "a", type: "STRING" }] },
    code: "INVALID_INPUT",
    field: "name",
  },
  {
    description: "a table without columns",
    who: ALICE,
    endpoint: createObjectEndpoint,
    input: { project: "WonderLand", type: "Table", name: "empty_t" },
    code: "INVALID_INPUT",
    field: "columns",
    message: /at least one column/,
  },
  {
    description: "a column with an unknown type, named by position",
    who: ALICE,
    endpoint: createObjectEndpoint,
    input: {
      project: "WonderLand",
      type: "Table",
      name: "typo_t",
      columns: JSON.stringify([
        { name: "a", type: "STRING" },
        { name: "b", type: "INTEGR" },
      ]),
    },
    code: "INVALID_INPUT",
    field: "columns",
    message: /^Column 2 \(b\), type: INTEGR is not a MaxCompute type/,
  },
  {
    description: "the same column twice",
    who: ALICE,
    endpoint: createObjectEndpoint,
    input: {
      project: "WonderLand",
      type: "Table",
      name: "dup_t",
      columns: [
        { name: "a", type: "STRING" },
        { name: "A", type: "INT" },
      ],
    },
    code: "INVALID_INPUT",
    field: "columns",
    message: /appears twice/,
  },
  {
    description: "a view without its SELECT",
    who: ALICE,
    endpoint: createObjectEndpoint,
    input: { project: "WonderLand", type: "View", name: "v_empty", columns: [{ name: "a", type: "STRING" }] },
    code: "INVALID_INPUT",
    field: "definition",
  },
  {
    description: "a name taken by a table",
    who: ALICE,
    endpoint: createObjectEndpoint,
    input: { project: "WonderLand", type: "Table", name: "Sales_Orders", columns: [{ name: "a", type: "STRING" }] },
    code: "CONFLICT",
    field: "name",
  },
  {
    description: "a view named like an existing table (one namespace)",
    who: BOB,
    endpoint: createObjectEndpoint,
    input: {
      project: "WonderLand",
      type: "View",
      name: "dim_region",
      definition: "SELECT 1",
      columns: [{ name: "a", type: "STRING" }],
    },
    code: "CONFLICT",
    field: "name",
  },
  {
    description: "a function with columns",
    who: ALICE,
    endpoint: createObjectEndpoint,
    input: {
      project: "WonderLand",
      type: "Function",
      name: "udf_x",
      definition: "com.x.X",
      columns: [{ name: "a", type: "STRING" }],
    },
    code: "INVALID_INPUT",
    field: "columns",
  },
  {
    description: "allen altering a table",
    who: ALLEN,
    endpoint: updateObjectEndpoint,
    input: { project: "WonderLand", type: "Table", name: "sales_orders", description: "mine now" },
    code: "FORBIDDEN",
  },
  {
    description: "sam altering a WonderLand table",
    who: SAM,
    endpoint: updateObjectEndpoint,
    input: { project: "WonderLand", type: "Table", name: "sales_orders", description: "mine now" },
    code: "NOT_FOUND",
  },
  {
    description: "altering a table that does not exist",
    who: ALICE,
    endpoint: updateObjectEndpoint,
    input: { project: "WonderLand", type: "Table", name: "no_such_table", description: "x" },
    code: "NOT_FOUND",
  },
  {
    description: "dropping a column (not supported here)",
    who: ALICE,
    endpoint: updateObjectEndpoint,
    input: {
      project: "WonderLand",
      type: "Table",
      name: "dim_region",
      columns: [{ name: "region_id", type: "BIGINT", originalName: "region_id" }],
    },
    code: "INVALID_INPUT",
    field: "columns",
    message: /Column region_name is missing/,
  },
  {
    description: "changing a column that does not exist",
    who: ALICE,
    endpoint: updateObjectEndpoint,
    input: {
      project: "WonderLand",
      type: "Table",
      name: "t_app_users",
      columns: [{ name: "x", type: "STRING", originalName: "nope" }],
    },
    code: "INVALID_INPUT",
    field: "columns",
    message: /no column nope/,
  },
  {
    description: "a view's definition emptied",
    who: ALICE,
    endpoint: updateObjectEndpoint,
    input: { project: "WonderLand", type: "View", name: "v_user_summary", definition: "" },
    code: "INVALID_INPUT",
    field: "definition",
  },
  {
    description: "dropping without typing the name",
    who: ALICE,
    endpoint: dropObjectEndpoint,
    input: { project: "WonderLand", type: "Table", name: "dim_region", confirmation: "dim_regio" },
    code: "INVALID_INPUT",
    field: "confirmation",
  },
  {
    description: "allen dropping a table",
    who: ALLEN,
    endpoint: dropObjectEndpoint,
    input: { project: "WonderLand", type: "Table", name: "dim_region", confirmation: "dim_region" },
    code: "FORBIDDEN",
  },
  {
    description: "sam dropping a WonderLand table",
    who: SAM,
    endpoint: dropObjectEndpoint,
    input: { project: "WonderLand", type: "Table", name: "dim_region", confirmation: "dim_region" },
    code: "NOT_FOUND",
  },
  {
    description: "sam listing WonderLand's objects",
    who: SAM,
    endpoint: listObjectsEndpoint,
    input: { project: "WonderLand" },
    code: "NOT_FOUND",
  },
  {
    description: "bob listing WonderLand_dev, where he is a member without List",
    who: BOB,
    endpoint: listObjectsEndpoint,
    input: { project: "WonderLand_dev" },
    code: "FORBIDDEN",
    message: /default deny/,
  },
  {
    description: "allen describing a table he holds no grant on",
    who: ALLEN,
    endpoint: getObjectEndpoint,
    input: { project: "WonderLand", type: "Table", name: "ods_click_log" },
    code: "FORBIDDEN",
    message: /default deny/,
  },
];

describe("catalog: refusals change nothing and are audited", () => {
  itRefuses(REFUSALS, catalogDigest);
});

describe("catalog: changes", () => {
  it("alice creates a table; she is its creator, the change is audited and the security version moves", async () => {
    const version = await securityVersion();
    const result = await call(createObjectEndpoint, ALICE, {
      project: "wonderland",
      type: "Table",
      name: "Refunds",
      description: "Refunds issued",
      columns: JSON.stringify([
        { name: "refund_id", type: "bigint", comment: "key" },
        { name: "amount", type: "decimal(12, 2)" },
      ]),
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const object = await prisma.catalogObject.findFirstOrThrow({
      where: { projectId: wonderland.id, name: "refunds" },
      include: { columns: { orderBy: { position: "asc" } }, creator: true },
    });
    expect(object.creator.email).toBe(ALICE);
    expect(object.columns.map((column) => [column.name, column.dataType, column.comment])).toEqual([
      ["refund_id", "BIGINT", "key"],
      ["amount", "DECIMAL(12,2)", ""],
    ]);
    expect(await securityVersion()).toBe(version + 1);
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: "catalog.create",
      result: "SUCCESS",
      projectId: wonderland.id,
      targetType: "TABLE",
      targetName: "refunds",
    });
    expect(audit.after).toMatchObject({ columns: ["refund_id BIGINT -- key", "amount DECIMAL(12,2)"] });
  });

  it("bob (Admin) creates a view, a function and a resource", async () => {
    for (const input of [
      {
        type: "View",
        name: "v_refunds",
        definition: "SELECT refund_id FROM refunds",
        columns: [{ name: "refund_id", type: "BIGINT" }],
      },
      { type: "Function", name: "udf_round", definition: "com.wonderland.udf.Round" },
      { type: "Resource", name: "Round.JAR" },
    ]) {
      const result = await call(createObjectEndpoint, BOB, { project: "WonderLand", ...input });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    const resource = await prisma.catalogObject.findFirstOrThrow({
      where: { projectId: wonderland.id, type: "RESOURCE", name: "round.jar" },
      include: { creator: true },
    });
    expect(resource.definition).toBe("round.jar");
    expect(resource.creator.email).toBe(BOB);
  });

  it("renaming a column carries its column grants and label grants along", async () => {
    const profile = await prisma.catalogObject.findFirstOrThrow({
      where: { projectId: wonderland.id, name: "user_profile" },
      include: { columns: { orderBy: { position: "asc" } } },
    });
    const columns = profile.columns.map((column) => ({
      originalName: column.name,
      name: column.name === "mobile" ? "mobile_phone" : column.name,
      type: column.dataType,
      comment: column.comment,
    }));
    const result = await call(updateObjectEndpoint, ALICE, {
      project: "WonderLand",
      type: "Table",
      name: "user_profile",
      columns: [...columns, { name: "nickname_2", type: "STRING", comment: "new" }],
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const grant = await prisma.aclGrant.findFirstOrThrow({
      where: { objectId: profile.id, privilege: "Select", NOT: { columns: { isEmpty: true } } },
    });
    expect(grant.columns).toContain("mobile_phone");
    expect(grant.columns).not.toContain("mobile");
    const labelGrants = await prisma.labelGrant.findMany({ where: { objectId: profile.id } });
    expect(labelGrants.flatMap((labelGrant) => labelGrant.columns)).toContain("mobile_phone");
    const renamed = await prisma.column.findFirstOrThrow({ where: { objectId: profile.id, name: "mobile_phone" } });
    expect(renamed.label).toBe(2);
    // The engine agrees: allen still reads the renamed column, through his grant and his label grant.
    const index = compile(securitySnapshotSchema.parse(await loadSnapshot(wonderland.id)));
    const allen = await prisma.user.findUniqueOrThrow({ where: { email: ALLEN } });
    const decision = decide(index, {
      principal: { userId: allen.id, accountId: allen.tenantId, kind: "sub", disabled: false },
      project: "WonderLand",
      action: "Select",
      object: { type: "Table", name: "user_profile", columns: ["id", "mobile_phone"] },
      context: { sourceIp: "127.0.0.1", time: Date.now() },
    });
    expect(decision.effect, JSON.stringify(decision.steps)).toBe("Allow");
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "catalog.update", result: "SUCCESS", targetName: "user_profile" });
    expect(audit.after).toMatchObject({ renamedColumns: { mobile: "mobile_phone" } });
  });

  it("swapping two column names and retyping one", async () => {
    const result = await call(updateObjectEndpoint, ALICE, {
      project: "WonderLand",
      type: "Table",
      name: "t_app_users",
      description: "Daily active app users, swapped",
      columns: [
        { originalName: "user_id", name: "user_id", type: "STRING", comment: "now a string" },
        { originalName: "first_seen", name: "last_seen", type: "DATETIME" },
        { originalName: "last_seen", name: "first_seen", type: "DATETIME" },
        { originalName: "dt", name: "dt", type: "STRING" },
      ],
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const object = await prisma.catalogObject.findFirstOrThrow({
      where: { projectId: wonderland.id, name: "t_app_users" },
      include: { columns: { orderBy: { position: "asc" } } },
    });
    expect(object.description).toBe("Daily active app users, swapped");
    expect(object.columns.map((column) => `${column.name}:${column.dataType}`)).toEqual([
      "user_id:STRING",
      "last_seen:DATETIME",
      "first_seen:DATETIME",
      "dt:STRING",
    ]);
  });

  it("dropping a table removes its grants, and the audit row lists them", async () => {
    const object = await prisma.catalogObject.findFirstOrThrow({
      where: { projectId: wonderland.id, name: "ods_click_log" },
    });
    const grants = await prisma.aclGrant.count({ where: { objectId: object.id } });
    expect(grants).toBeGreaterThan(0);
    const version = await securityVersion();
    const result = await call(dropObjectEndpoint, ALICE, {
      project: "WonderLand",
      type: "Table",
      name: "ods_click_log",
      confirmation: "ods_click_log",
    });
    expect(result).toEqual({ ok: true, data: { name: "ods_click_log", removedGrants: grants } });
    expect(await prisma.catalogObject.count({ where: { id: object.id } })).toBe(0);
    expect(await prisma.aclGrant.count({ where: { objectId: object.id } })).toBe(0);
    expect(await securityVersion()).toBe(version + 1);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "catalog.drop", result: "SUCCESS", targetName: "ods_click_log" });
    expect((audit.before as { grants: unknown[] }).grants).toHaveLength(grants);
  });
});

describe("catalog: reads", () => {
  it("lists with a type filter, a search and paging, in the database", async () => {
    const tables = await call(listObjectsEndpoint, ALICE, {
      project: "WonderLand",
      type: "Table",
      q: "app",
      sort: "name",
      dir: "desc",
      pageSize: "1",
      page: "2",
    });
    expect(tables.ok && tables.data).toMatchObject({ total: 2, items: [{ name: "t_app_events", type: "Table" }] });
    const views = await call(listObjectsEndpoint, ALICE, { project: "WonderLand", type: "View" });
    expect(views.ok && views.data.items.map((item) => item.name)).toEqual(["v_refunds", "v_user_summary"]);
  });

  it("allen lists objects through the List privilege of his analyst role, and describes a table he may read", async () => {
    const list = await call(listObjectsEndpoint, ALLEN, { project: "WonderLand" });
    expect(list.ok && list.data.total).toBeGreaterThan(5);
    const table = await call(getObjectEndpoint, ALLEN, { project: "WonderLand", type: "Table", name: "sales_orders" });
    expect(table.ok && table.data.columns.map((column) => column.name)).toContain("amount");
  });
});
