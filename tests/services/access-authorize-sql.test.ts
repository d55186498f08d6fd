import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { garbled, queryOver, type GeneratedTable } from "@/lib/sql-access/__tests__/sql-arbitraries";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { authorizeSqlEndpoint, type AuthorizeSqlAnswer } from "@/lib/services/access/authorize-sql";
import { grantPrivilegesEndpoint } from "@/lib/services/grants/grant-privileges";
import { createProjectEndpoint } from "@/lib/services/projects/create-project";
import { itRefuses, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const ALICE = "alice@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";
const ALLEN_PRINCIPAL = "RAM$wonderland:allen";
const ALICE_PRINCIPAL = "ALIYUN$alice@wonderland.example";

async function check(caller: string, input: Record<string, unknown>) {
  const meta = requestMeta();
  const result = await runEndpoint(authorizeSqlEndpoint, (await contextFor(caller)).actor, meta, {
    project: "WonderLand",
    ...input,
  });
  return { result, requestId: meta.requestId };
}

async function answer(caller: string, input: Record<string, unknown>): Promise<AuthorizeSqlAnswer> {
  const { result } = await check(caller, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

/** A verdict per table, and per column where the engine judged columns: `table` → effect, `table.column` → effect. */
function verdicts(answer: AuthorizeSqlAnswer): Record<string, string> {
  const found: Record<string, string> = {};
  for (const read of answer.reads) {
    found[`${read.project}.${read.table}`] = read.effect;
    for (const column of read.columns ?? []) found[`${read.project}.${read.table}.${column.name}`] = column.effect;
  }
  for (const write of answer.writes) found[`${write.statement} ${write.project}.${write.table}`] = write.effect;
  return found;
}

// The demo: allen (analyst) may Select sales_orders and dim_region through his role, id/gender/city/vip_level/
// mobile of user_profile by a column grant (mobile, label 2, by a label grant too), and the view v_user_summary.
// WonderLand is protected and trusts WonderLand_dev; alice owns both.
const CASES: {
  description: string;
  caller: string;
  principal: string;
  sql: string;
  effect: "Allow" | "Deny";
  /** Expected verdicts (a subset of what verdicts() gives). */
  expected: Record<string, string>;
  /** Exactly the columns read, per table. */
  columnsRead?: Record<string, string[]>;
  /** The decisiding layer of a table or column's verdict, `key` → layer. */
  decidedBy?: Record<string, string>;
  protection?: Record<string, string>;
}[] = [
  {
    description: "columns allen was granted, with WHERE and ORDER BY columns counted as read",
    caller: ALICE,
    principal: ALLEN_PRINCIPAL,
    sql: "SELECT id, gender FROM user_profile WHERE city = 'Hangzhou' ORDER BY vip_level",
    effect: "Allow",
    expected: { "WonderLand.user_profile": "Allow" },
    columnsRead: { "WonderLand.user_profile": ["city", "gender", "id", "vip_level"] },
  },
  {
    description: "a column without a grant is denied (no grant: the default), the others stay allowed",
    caller: ALICE,
    principal: ALLEN_PRINCIPAL,
    sql: "select u.id, u.nick_name from WonderLand.user_profile u",
    effect: "Deny",
    expected: {
      "WonderLand.user_profile": "Deny",
      "WonderLand.user_profile.id": "Allow",
      "WonderLand.user_profile.nick_name": "Deny",
    },
    decidedBy: { "WonderLand.user_profile.nick_name": "Default" },
  },
  {
    description: "a join through aliases, its ON and GROUP BY columns read; aggregate and window functions",
    caller: ALICE,
    principal: ALLEN_PRINCIPAL,
    sql: `SELECT r.region_name, count(*) AS orders, sum(o.amount) AS total,
            row_number() OVER (PARTITION BY r.country ORDER BY sum(o.amount) DESC) AS rank_in_country
          FROM sales_orders o JOIN dim_region r ON o.region_id = r.region_id
          WHERE o.dt = '20250101' GROUP BY r.region_name, r.country HAVING count(*) > 10 ORDER BY total DESC`,
    effect: "Allow",
    expected: { "WonderLand.sales_orders": "Allow", "WonderLand.dim_region": "Allow" },
    columnsRead: {
      "WonderLand.sales_orders": ["amount", "dt", "region_id"],
      "WonderLand.dim_region": ["country", "region_id", "region_name"],
    },
  },
  {
    description: "a CTE is no table: its columns are read from the table under it",
    caller: ALICE,
    principal: ALLEN_PRINCIPAL,
    sql: "WITH buyers AS (SELECT user_id, amount FROM sales_orders WHERE status = 'paid') SELECT b.user_id FROM buyers b",
    effect: "Allow",
    expected: { "WonderLand.sales_orders": "Allow" },
    columnsRead: { "WonderLand.sales_orders": ["amount", "status", "user_id"] },
  },
  {
    description: "a subquery in FROM and one in WHERE, correlated to the outer query",
    caller: ALICE,
    principal: ALLEN_PRINCIPAL,
    sql: `SELECT t.id FROM (SELECT id, gender FROM user_profile) t
          WHERE t.gender = 'F' AND EXISTS (SELECT 1 FROM sales_orders s WHERE s.user_id = t.id)`,
    effect: "Allow",
    expected: { "WonderLand.user_profile": "Allow", "WonderLand.sales_orders": "Allow" },
    columnsRead: { "WonderLand.user_profile": ["gender", "id"], "WonderLand.sales_orders": ["user_id"] },
  },
  {
    description: "an unqualified column two tables have is read from both (conservative)",
    caller: ALICE,
    principal: ALLEN_PRINCIPAL,
    sql: "SELECT order_id FROM sales_orders o, ods_click_log c WHERE o.user_id = c.user_id AND dt = '1'",
    effect: "Deny",
    expected: { "WonderLand.sales_orders": "Allow", "WonderLand.ods_click_log": "Deny" },
    columnsRead: {
      "WonderLand.sales_orders": ["dt", "order_id", "user_id"],
      "WonderLand.ods_click_log": ["dt", "user_id"],
    },
  },
  {
    description: "UNION ALL of two tables",
    caller: ALICE,
    principal: ALLEN_PRINCIPAL,
    sql: "SELECT user_id FROM sales_orders UNION ALL SELECT user_id FROM ods_click_log",
    effect: "Deny",
    expected: { "WonderLand.sales_orders": "Allow", "WonderLand.ods_click_log": "Deny" },
  },
  {
    description: "a join across two projects of the account: each table decided in its own project",
    caller: ALICE,
    principal: ALICE_PRINCIPAL,
    sql: "SELECT s.order_id, e.metric FROM sales_orders s JOIN WonderLand_dev.tmp_experiment e ON s.dt = e.dt",
    effect: "Allow",
    expected: { "WonderLand.sales_orders": "Allow", "WonderLand_dev.tmp_experiment": "Allow" },
    protection: { "WonderLand_dev.tmp_experiment": "not-protected" },
  },
  {
    description: "INSERT OVERWRITE ... PARTITION into the trusted project: Update on the target, the read trusted",
    caller: ALICE,
    principal: ALICE_PRINCIPAL,
    sql: `INSERT OVERWRITE TABLE WonderLand_dev.tmp_experiment PARTITION (dt = '20250101')
          SELECT gender, 'count', 1 FROM user_profile GROUP BY gender`,
    effect: "Allow",
    expected: { "WonderLand.user_profile": "Allow", "insert WonderLand_dev.tmp_experiment": "Allow" },
    columnsRead: { "WonderLand.user_profile": ["gender"] },
    protection: { "WonderLand.user_profile": "trusted-project" },
  },
  {
    description: "INSERT into a table allen may not Update",
    caller: ALICE,
    principal: ALLEN_PRINCIPAL,
    sql: "INSERT INTO TABLE dim_region SELECT region_id, region_name, province, country FROM dim_region",
    effect: "Deny",
    expected: { "WonderLand.dim_region": "Allow", "insert WonderLand.dim_region": "Deny" },
  },
];

describe("POST /api/v1/authorize/sql answers per table and column, by the engine", () => {
  for (const testCase of CASES) {
    it(testCase.description, async () => {
      const result = await answer(testCase.caller, { principal: testCase.principal, sql: testCase.sql });
      expect(result.effect, JSON.stringify(result, null, 1)).toBe(testCase.effect);
      expect(verdicts(result)).toMatchObject(testCase.expected);
      for (const [table, columns] of Object.entries(testCase.columnsRead ?? {}))
        expect(result.reads.find((read) => `${read.project}.${read.table}` === table)?.columnsRead).toEqual(columns);
      for (const [key, layer] of Object.entries(testCase.decidedBy ?? {})) {
        const [project, table, column] = key.split(".");
        const read = result.reads.find((candidate) => candidate.project === project && candidate.table === table)!;
        const verdict = column ? read.columns!.find((candidate) => candidate.name === column)! : read;
        expect(verdict.decidedBy).toBe(layer);
        expect(column ? (verdict as { reason: string }).reason : read.reason).toBeTruthy();
      }
      for (const [table, route] of Object.entries(testCase.protection ?? {}))
        expect(result.reads.find((read) => `${read.project}.${read.table}` === table)?.protection?.route).toBe(route);
    });
  }

  it("records one access decision per table read or written, under the endpoint's name", async () => {
    const { result, requestId } = await check(ALICE, {
      principal: ALLEN_PRINCIPAL,
      sql: "SELECT o.order_id, r.region_name FROM sales_orders o JOIN dim_region r ON o.region_id = r.region_id",
    });
    expect(result.ok).toBe(true);
    const rows = await prisma.accessDecision.findMany({ where: { requestId }, orderBy: { objectName: "asc" } });
    expect(rows.map((row) => [row.via, row.action, row.objectName, row.effect])).toEqual([
      ["access.authorize-sql", "Select", "dim_region", "Allow"],
      ["access.authorize-sql", "Select", "sales_orders", "Allow"],
    ]);
  });

  it("allen's own `SELECT *` on a table he may not Describe names none of its columns: the table is judged whole", async () => {
    const result = await answer(ALLEN, { principal: ALLEN_PRINCIPAL, sql: "SELECT * FROM user_profile" });
    expect(result.reads[0]).toMatchObject({ table: "user_profile", columnsRead: [], effect: "Deny" });
    expect(result.reads[0]!.columns ?? []).toEqual([]);
    expect(JSON.stringify(result)).not.toContain("credit_card");
    const named = await answer(ALLEN, { principal: ALLEN_PRINCIPAL, sql: "SELECT id, mobile FROM user_profile" });
    expect(named.reads[0]).toMatchObject({ columnsRead: ["id", "mobile"], effect: "Allow" });
  });

  it("allen asks about himself and may", async () => {
    const result = await answer(ALLEN, { principal: ALLEN_PRINCIPAL, sql: "SELECT amount FROM sales_orders" });
    expect(result).toMatchObject({ effect: "Allow", principal: ALLEN_PRINCIPAL });
  });
});

describe("LabelSecurity per column, `*` expanded from the catalog", () => {
  it("with Select on the whole table, `*` is denied only for the labelled columns allen is not cleared for", async () => {
    const grant = await runEndpoint(grantPrivilegesEndpoint, (await contextFor(ALICE)).actor, requestMeta(), {
      project: "WonderLand",
      objectType: "Table",
      objectName: "user_profile",
      privileges: ["Select"],
      granteeType: "User",
      grantee: ALLEN_PRINCIPAL,
    });
    expect(grant.ok, JSON.stringify(grant)).toBe(true);
    const result = await answer(ALICE, { principal: ALLEN_PRINCIPAL, sql: "SELECT * FROM user_profile" });
    const read = result.reads[0]!;
    expect(read.columnsRead).toHaveLength(100);
    const denied = read.columns!.filter((column) => column.effect === "Deny");
    expect(denied.map((column) => column.name).sort()).toEqual(["birthday", "credit_card", "id_card", "user_addr"]);
    expect(new Set(denied.map((column) => column.decidedBy))).toEqual(new Set(["LabelSecurity"]));
    expect(verdicts(result)).toMatchObject({
      "WonderLand.user_profile.mobile": "Allow",
      "WonderLand.user_profile": "Deny",
    });

    const labelled = await answer(ALICE, {
      principal: ALLEN_PRINCIPAL,
      sql: "SELECT u.id, u.user_addr FROM user_profile u",
    });
    expect(verdicts(labelled)).toMatchObject({
      "WonderLand.user_profile.id": "Allow",
      "WonderLand.user_profile.user_addr": "Deny",
    });
  });
});

describe("ProjectProtection where a query's data leaves the project", () => {
  it("CREATE TABLE AS SELECT into a project WonderLand does not trust: the read refused, even for the owner", async () => {
    const created = await runEndpoint(createProjectEndpoint, (await contextFor(ALICE)).actor, requestMeta(), {
      name: "WonderLand_sandbox",
    });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    const result = await answer(ALICE, {
      principal: ALICE_PRINCIPAL,
      sql: "CREATE TABLE IF NOT EXISTS WonderLand_sandbox.orders_copy LIFECYCLE 7 AS SELECT order_id, amount FROM sales_orders",
    });
    expect(result.effect).toBe("Deny");
    expect(result.statements).toEqual(["create-table-as-select"]);
    expect(verdicts(result)).toMatchObject({
      "WonderLand.sales_orders": "Deny",
      "create-table-as-select WonderLand_sandbox.orders_copy": "Allow",
    });
    expect(result.reads[0]).toMatchObject({
      decidedBy: "ProjectProtection",
      protection: { destination: "WonderLand_sandbox", route: "refused", verdict: "Deny" },
    });
    expect(result.writes[0]).toMatchObject({ action: "CreateTable", decidedBy: expect.any(String) });
  });
});

const UNREADABLE: { sql: string; message: RegExp; position?: { line: number; column: number } }[] = [
  {
    sql: "SELECT id FROM user_profile LATERAL VIEW explode(tags) t AS tag",
    message: /line 1, column 37.*"VIEW"/,
    position: { line: 1, column: 37 },
  },
  { sql: "DROP TABLE user_profile", message: /DROP statements cannot be checked/ },
  { sql: "SELECT nope FROM user_profile", message: /Column nope is in none of the tables/ },
  { sql: "SELECT x.id FROM user_profile u", message: /x names no table/ },
  {
    sql: "SELECT id FROM user_profile WHERE\n  id = = 1",
    message: /line 2, column 8/,
    position: { line: 2, column: 8 },
  },
  {
    sql: `SELECT ${"(".repeat(65)}1${")".repeat(65)}`,
    message: /nest more than 64 deep/,
    position: { line: 1, column: 72 },
  },
  { sql: "CREATE TABLE sales_orders AS SELECT 1", message: /exists already/ },
];

describe("SQL the check cannot read answers 400 INVALID_SQL naming what, and where", () => {
  for (const { sql, message, position } of UNREADABLE) {
    it(`${JSON.stringify(sql.slice(0, 60))} → 400 ${message}`, async () => {
      const { result } = await check(ALICE, { principal: ALLEN_PRINCIPAL, sql });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe("INVALID_SQL");
      expect(result.error.message).toMatch(message);
      expect(result.error.fieldErrors?.sql?.[0]).toMatch(message);
      if (position) expect(result.error.details).toMatchObject({ position });
    });
  }
});

const REFUSALS: RefusalCase[] = [
  {
    description: "a table WonderLand does not have: 404 naming it",
    who: ALICE,
    endpoint: authorizeSqlEndpoint,
    input: {
      project: "WonderLand",
      principal: ALLEN_PRINCIPAL,
      sql: "SELECT a FROM no_such_table JOIN WonderLand.nope",
    },
    code: "NOT_FOUND",
    message: /no_such_table, WonderLand\.nope/,
  },
  {
    description: "a table of another tenant's project reads as unknown",
    who: ALICE,
    endpoint: authorizeSqlEndpoint,
    input: { project: "WonderLand", principal: ALICE_PRINCIPAL, sql: "SELECT name FROM SecretGarden.visitor_log" },
    code: "NOT_FOUND",
    message: /SecretGarden\.visitor_log/,
  },
  {
    description: "the other tenant's owner asking in WonderLand",
    who: SAM,
    endpoint: authorizeSqlEndpoint,
    input: { project: "WonderLand", principal: "ALIYUN$sam@secretgarden.example", sql: "SELECT 1" },
    code: "NOT_FOUND",
  },
  {
    description: "allen asking about alice (not an administrator)",
    who: ALLEN,
    endpoint: authorizeSqlEndpoint,
    input: { project: "WonderLand", principal: ALICE_PRINCIPAL, sql: "SELECT id FROM user_profile" },
    code: "FORBIDDEN",
  },
  {
    description: "an unsupported statement",
    who: ALICE,
    endpoint: authorizeSqlEndpoint,
    input: { project: "WonderLand", principal: ALLEN_PRINCIPAL, sql: "DELETE FROM sales_orders WHERE 1 = 1" },
    code: "INVALID_SQL",
    field: "sql",
    message: /DELETE statements cannot be checked/,
  },
  {
    description: "SQL over 100 KiB",
    who: ALICE,
    endpoint: authorizeSqlEndpoint,
    input: { project: "WonderLand", principal: ALLEN_PRINCIPAL, sql: `SELECT '${"x".repeat(100 * 1024)}'` },
    code: "INVALID_INPUT",
    field: "sql",
    message: /at most 100 KiB/,
  },
  {
    description: "a destination in the context (the SQL says where data goes)",
    who: ALICE,
    endpoint: authorizeSqlEndpoint,
    input: { project: "WonderLand", principal: ALLEN_PRINCIPAL, sql: "SELECT 1", context: { targetProject: "X" } },
    code: "INVALID_INPUT",
    field: "context",
  },
  {
    description: "no session",
    who: null,
    endpoint: authorizeSqlEndpoint,
    input: { project: "WonderLand", principal: ALLEN_PRINCIPAL, sql: "SELECT 1" },
    code: "UNAUTHENTICATED",
  },
];

describe("refusals, each audited", () => {
  itRefuses(REFUSALS, () => prisma.accessDecision.count());
});

// The demo's tables (by their catalog columns) and names no project has, for generated queries.
const DEMO_TABLES: GeneratedTable[] = [
  { name: "sales_orders", columns: ["order_id", "user_id", "amount", "region_id", "dt"] },
  { name: "dim_region", columns: ["region_id", "region_name", "country"] },
  { name: "WonderLand.user_profile", columns: ["id", "gender", "mobile", "credit_card", "dt"] },
  { name: "WonderLand_dev.tmp_experiment", columns: ["ab_group", "metric", "dt"] },
  { name: "no_such_table", columns: null },
  { name: "SecretGarden.visitor_log", columns: null },
];

describe("generated and garbled queries through the endpoint", () => {
  it("answer, 400 INVALID_SQL with a message at the field, or 404; never an allow for an unresolved table", async () => {
    const known = new Set([
      "WonderLand.sales_orders",
      "WonderLand.dim_region",
      "WonderLand.user_profile",
      "WonderLand_dev.tmp_experiment",
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          queryOver(DEMO_TABLES, ["WonderLand_dev.tmp_experiment", "no_such_table"]).map((query) => query.sql),
          garbled(queryOver(DEMO_TABLES.slice(0, 4), ["dim_region"])),
        ),
        async (sql) => {
          const { result } = await check(ALICE, { principal: ALLEN_PRINCIPAL, sql });
          if (!result.ok) {
            expect(["INVALID_SQL", "NOT_FOUND"], sql).toContain(result.error.code);
            expect(result.error.message.length).toBeGreaterThan(0);
            expect(result.error.fieldErrors?.sql?.[0], sql).toBeTruthy();
            return;
          }
          expect(/no_such_table|SecretGarden/i.test(sql), sql).toBe(false);
          for (const read of result.data.reads) expect(known, sql).toContain(`${read.project}.${read.table}`);
          const verdicts = [...result.data.reads, ...result.data.writes].map((verdict) => verdict.effect);
          expect(result.data.effect).toBe(verdicts.every((effect) => effect === "Allow") ? "Allow" : "Deny");
        },
      ),
      { numRuns: 40 },
    );
  });
});
