import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { importTablesEndpoint } from "@/lib/services/catalog/import-tables";
import { itRefuses, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });

async function importAs(email: string, input: Record<string, unknown>) {
  const { actor } = await contextFor(email);
  return runEndpoint(importTablesEndpoint, actor, requestMeta(), { project: "WonderLand", ...input });
}

const tableNames = async () =>
  (
    await prisma.catalogObject.findMany({
      where: { projectId: wonderland.id },
      select: { name: true },
      orderBy: { name: "asc" },
    })
  ).map((row) => row.name);
const columnCount = () => prisma.column.count({ where: { object: { projectId: wonderland.id } } });
const lastAudit = () => prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

const JSON_EXPORT = JSON.stringify([
  {
    table: "imp_orders",
    description: "Imported orders",
    columns: [
      { name: "order_id", type: "BIGINT", comment: "key" },
      { name: "total", type: "DECIMAL(12,2)", comment: "" },
    ],
  },
  {
    table: "imp_customers",
    columns: [
      { name: "customer_id", type: "BIGINT" },
      { name: "tags", type: "ARRAY<STRING>", comment: "labels" },
    ],
  },
]);
const CSV_EXPORT =
  'table,column,type,comment\r\nimp_events,event_id,STRING,"id, unique"\r\nimp_events,at,DATETIME,\r\nimp_pages,url,STRING,\r\n';

describe("import tables: refused or invalid exports change nothing", () => {
  const CASES: {
    description: string;
    who: string;
    input: Record<string, unknown>;
    code: RefusalCase["code"];
    messages?: RegExp[];
  }[] = [
    {
      description: "allen (no console.admin)",
      who: "allen@wonderland.example",
      input: { text: JSON_EXPORT },
      code: "FORBIDDEN",
    },
    {
      description: "sam (another tenant)",
      who: "sam@secretgarden.example",
      input: { text: JSON_EXPORT },
      code: "NOT_FOUND",
    },
    {
      description: "an empty export",
      who: "alice@wonderland.example",
      input: { text: "  " },
      code: "INVALID_INPUT",
      messages: [/Paste a schema export/],
    },
    {
      description: "JSON with bad rows: every problem named by row and field",
      who: "alice@wonderland.example",
      input: {
        format: "json",
        text: JSON.stringify([
          { table: "imp_ok", columns: [{ name: "a", type: "STRING" }] },
          {
            table: "imp_bad",
            columns: [
              { name: "a", type: "INTEGR" },
              { name: "", type: "INT" },
            ],
          },
        ]),
      },
      code: "INVALID_INPUT",
      messages: [/^Row 2 column 1, type: INTEGR is not/, /^Row 2 column 2, name: Missing/],
    },
    {
      description: "CSV with bad lines: every problem named by line and field",
      who: "bob@wonderland.example",
      input: { format: "csv", text: "table,column,type,comment\nimp_x,a,STRING,\nimp_x,b,BOOL,\nimp_y,c\n" },
      code: "INVALID_INPUT",
      messages: [/^Line 3, type: BOOL is not/, /^Line 4, row: Expected 4 fields/],
    },
    {
      description: "an export naming an existing table: all or nothing",
      who: "alice@wonderland.example",
      input: { format: "csv", text: "table,column,type,comment\nimp_new,a,STRING,\nsales_orders,a,STRING,\n" },
      code: "CONFLICT",
      messages: [/^Line 3, table: Table sales_orders already exists/],
    },
  ];
  itRefuses(
    CASES.map((testCase) => ({
      ...testCase,
      endpoint: importTablesEndpoint,
      input: { project: "WonderLand", ...testCase.input },
    })),
    async () => ({ names: await tableNames(), columns: await columnCount() }),
  );

  it("names every problem of a bad export, by row or line and field", async () => {
    for (const testCase of CASES.filter((candidate) => candidate.messages)) {
      const result = await importAs(testCase.who, testCase.input);
      const messages = result.ok ? [] : (result.error.fieldErrors?.text ?? []);
      expect(messages, testCase.description).toHaveLength(testCase.messages!.length);
      testCase.messages!.forEach((pattern, index) => expect(messages[index]).toMatch(pattern));
    }
  });
});

describe("import tables", () => {
  it("imports a JSON export in one transaction; the importer is the creator", async () => {
    const version = (await prisma.project.findUniqueOrThrow({ where: { id: wonderland.id } })).securityVersion;
    const result = await importAs("alice@wonderland.example", { text: JSON_EXPORT });
    expect(result).toEqual({ ok: true, data: { created: ["imp_orders", "imp_customers"], skipped: [] } });
    const orders = await prisma.catalogObject.findFirstOrThrow({
      where: { projectId: wonderland.id, name: "imp_orders" },
      include: { columns: { orderBy: { position: "asc" } }, creator: true },
    });
    expect(orders).toMatchObject({
      type: "TABLE",
      description: "Imported orders",
      creator: { email: "alice@wonderland.example" },
    });
    expect(orders.columns.map((column) => [column.name, column.dataType, column.comment])).toEqual([
      ["order_id", "BIGINT", "key"],
      ["total", "DECIMAL(12,2)", ""],
    ]);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: wonderland.id } })).securityVersion).toBe(
      version + 1,
    );
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "catalog.import", result: "SUCCESS", projectId: wonderland.id });
    expect(audit.after).toEqual({ format: "auto", created: ["imp_orders", "imp_customers"], skipped: [], columns: 4 });
  });

  it("imports a CSV export (bob, Admin), quoted comments included", async () => {
    const result = await importAs("bob@wonderland.example", { format: "csv", text: CSV_EXPORT });
    expect(result).toEqual({ ok: true, data: { created: ["imp_events", "imp_pages"], skipped: [] } });
    const column = await prisma.column.findFirstOrThrow({
      where: { name: "event_id", object: { projectId: wonderland.id, name: "imp_events" } },
    });
    expect(column.comment).toBe("id, unique");
  });

  it("skips existing tables when asked, and imports the rest", async () => {
    const text = "table,column,type,comment\nimp_events,x,STRING,\nimp_sessions,session_id,STRING,\n";
    const result = await importAs("alice@wonderland.example", { format: "csv", text, skipExisting: "on" });
    expect(result).toEqual({ ok: true, data: { created: ["imp_sessions"], skipped: ["imp_events"] } });
    const events = await prisma.catalogObject.findFirstOrThrow({
      where: { projectId: wonderland.id, name: "imp_events" },
      include: { columns: true },
    });
    expect(events.columns.map((column) => column.name).sort()).toEqual(["at", "event_id"]);
  });
});
