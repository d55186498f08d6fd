import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyseStatement,
  parseSql,
  UnknownTables,
  UnreadableSql,
  type CatalogTable,
  type SqlCatalog,
} from "@/lib/sql-access";
import { garbled, queryOver, type GeneratedTable } from "./sql-arbitraries";

const CATALOG_TABLES: CatalogTable[] = [
  { project: "p", name: "orders", type: "Table", columns: ["id", "user_id", "amount", "dt"] },
  { project: "p", name: "users", type: "Table", columns: ["id", "name", "mobile", "dt"] },
  { project: "p", name: "v_users", type: "View", columns: ["id", "name"] },
  { project: "q", name: "events", type: "Table", columns: ["id", "user_id", "kind"] },
];
const catalog: SqlCatalog = {
  find: (project, name) =>
    CATALOG_TABLES.find(
      (table) => table.project === (project ?? "p").toLowerCase() && table.name === name.toLowerCase(),
    ) ?? null,
};
const GENERATED: GeneratedTable[] = [
  ...CATALOG_TABLES.map((table) => ({
    name: table.project === "p" ? table.name : `${table.project}.${table.name}`,
    columns: table.columns,
  })),
  { name: "missing", columns: null },
  { name: "q.orders", columns: null },
];
const KNOWN = GENERATED.filter((table) => table.columns !== null);

/** Every table a statement of `sql` reads, as `project.table`; or the error that stopped the check. */
function check(sql: string): { reads: Set<string>; writes: number } | UnreadableSql | UnknownTables {
  try {
    const accesses = parseSql(sql).map((statement) => analyseStatement(statement, catalog));
    return {
      reads: new Set(
        accesses.flatMap((access) => access.reads.map((read) => `${read.table.project}.${read.table.name}`)),
      ),
      writes: accesses.filter((access) => access.write !== null).length,
    };
  } catch (error) {
    if (error instanceof UnreadableSql || error instanceof UnknownTables) return error;
    throw error;
  }
}

const qualified = (name: string) => (name.includes(".") ? name : `p.${name}`);

describe("the SQL reader, on generated and garbled queries", () => {
  it("reads every table a generated query names, and refuses one the catalog lacks (never drops it)", () => {
    fc.assert(
      fc.property(queryOver(GENERATED, ["orders", "q.events", "missing"]), ({ sql, tables }) => {
        const outcome = check(sql);
        const unknown = tables.some((table) => table.columns === null) || sql.startsWith("INSERT INTO missing");
        if (unknown) {
          expect(outcome, sql).toBeInstanceOf(UnknownTables);
          return;
        }
        expect(outcome, sql).not.toBeInstanceOf(Error);
        const { reads, writes } = outcome as { reads: Set<string>; writes: number };
        expect(reads, sql).toEqual(new Set(tables.map((table) => qualified(table.name))));
        expect(writes).toBe(sql.startsWith("INSERT") ? 1 : 0);
      }),
      { numRuns: 400 },
    );
  });

  it("garbled SQL never crashes or hangs: it is read, or refused with a message (and a position inside the text)", () => {
    fc.assert(
      fc.property(fc.oneof(garbled(queryOver(KNOWN, ["orders"])), fc.string({ maxLength: 200 })), (sql) => {
        const started = performance.now();
        const outcome = check(sql);
        expect(performance.now() - started, sql).toBeLessThan(1000);
        if (outcome instanceof Error) {
          expect(outcome.message.length, sql).toBeGreaterThan(0);
          if (outcome instanceof UnreadableSql && outcome.position) {
            expect(outcome.position.offset).toBeGreaterThanOrEqual(0);
            expect(outcome.position.offset).toBeLessThanOrEqual(sql.length);
          }
        } else {
          for (const read of outcome.reads)
            expect(CATALOG_TABLES.map((table) => `${table.project}.${table.name}`)).toContain(read);
        }
      }),
      { numRuns: 600 },
    );
  });

  it.each([
    ["brackets nested deep", `SELECT ${"(".repeat(5000)}1${")".repeat(5000)} FROM orders`],
    [
      "a chain of 8,000 ANDs",
      `SELECT id FROM orders WHERE ${Array.from({ length: 8000 }, (_, i) => `id = ${i}`).join(" AND ")}`,
    ],
    ["100 KiB of one string", `SELECT '${"x".repeat(100 * 1024 - 20)}' FROM orders`],
    ["over 100 KiB", `SELECT '${"x".repeat(100 * 1024)}'`],
    ["unclosed brackets and quotes", `SELECT ${"('".repeat(3000)}`],
  ])("%s: answered or refused within 2 s, never a crash", (_, sql) => {
    const started = performance.now();
    const outcome = check(sql);
    expect(performance.now() - started).toBeLessThan(2000);
    if (outcome instanceof Error) expect(outcome.message).toBeTruthy();
  });
});
