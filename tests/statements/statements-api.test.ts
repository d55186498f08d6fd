import { describe, expect, it } from "vitest";
import { POST as statementsRoute } from "@/app/api/v1/projects/[project]/statements/route";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { CLIENT_IP_HEADER, CLIENT_IP_SECRET_HEADER } from "@/lib/http/request-meta";
import { createAccessKey } from "@/lib/services/access-keys/create-access-key";
import { checkAccessEndpoint } from "@/lib/services/access/check-access";
import { runStatementsEndpoint } from "@/lib/services/statements/run-statements";
import type { StatementFailure, StatementsAnswer } from "@/lib/statements/result";
import { signRequest } from "../helpers/acs3-test-signer";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();

const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";
const ALLEN_PRINCIPAL = "RAM$wonderland:allen";

process.env.SC_CLIENT_IP_SECRET = "statements-test-client-ip-secret";

/** Each persona's AccessKey, so the statements go over HTTP as a signed SDK call would. */
const keys = Object.fromEntries(
  await Promise.all(
    [ALICE, BOB, SAM].map(async (email) => [
      email,
      await createAccessKey(await contextFor(email), { description: "statements test" }),
    ]),
  ),
) as Record<string, { id: string; secret: string }>;

interface HttpAnswer {
  status: number;
  body: {
    data?: StatementsAnswer;
    code?: string;
    error?: { code: string; message: string; details: StatementFailure };
  };
}

/** POST /api/v1/projects/{project}/statements, signed with the persona's key, from inside the whitelist. */
async function post(email: string, statement: string, project = "WonderLand"): Promise<HttpAnswer> {
  const path = `/api/v1/projects/${project}/statements`;
  const url = `http://security-center.test${path}`;
  const body = JSON.stringify({ statement });
  const key = keys[email]!;
  const headers = signRequest({ method: "POST", url, body, accessKeyId: key.id, secret: key.secret });
  const request = new Request(url, {
    method: "POST",
    headers: {
      ...headers,
      [CLIENT_IP_HEADER]: "127.0.0.1",
      [CLIENT_IP_SECRET_HEADER]: process.env.SC_CLIENT_IP_SECRET!,
    },
    body,
  });
  const response = await statementsRoute(request, { params: Promise.resolve({ project }) });
  return { status: response.status, body: (await response.json()) as HttpAnswer["body"] };
}

/** Runs statements as the owner and expects every one to succeed. */
async function run(statement: string, email = ALICE): Promise<StatementsAnswer> {
  const answer = await post(email, statement);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.data!;
}

/** The engine's per-column verdicts for a principal's Select, asked as the owner (check access). */
async function columnVerdicts(
  principal: string,
  objectName: string,
  columns: string[],
  extra: Record<string, string> = {},
  project = "WonderLand",
  asked = ALICE,
) {
  const { actor } = await contextFor(asked);
  const result = await runEndpoint(checkAccessEndpoint, actor, requestMeta(), {
    project,
    principal,
    action: "Select",
    objectType: "Table",
    objectName,
    columns,
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const { decision } = result.data;
  return Object.fromEntries(decision.columns.map((column) => [column.column, column.effect]));
}

async function decision(principal: string, objectName: string, extra: Record<string, string> = {}) {
  const { actor } = await contextFor(ALICE);
  const result = await runEndpoint(checkAccessEndpoint, actor, requestMeta(), {
    project: "WonderLand",
    principal,
    action: "Select",
    objectType: "Table",
    objectName,
    ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data.decision.effect;
}

const SENSITIVE = ["id_card", "credit_card", "mobile", "user_addr", "birthday"];

describe("the LabelSecurity manual's user_profile scenario, statement by statement over the API", () => {
  it("starts where the manual does: LabelSecurity off, no labels, every member granted Select", async () => {
    await run(
      `SET LabelSecurity=false;
       SET LABEL 0 TO TABLE user_profile(${SENSITIVE.join(", ")});
       REVOKE LABEL ON TABLE user_profile FROM USER ${ALLEN_PRINCIPAL};
       GRANT Select ON TABLE user_profile TO USER ${ALLEN_PRINCIPAL}`,
    );
    expect(await columnVerdicts(ALLEN_PRINCIPAL, "user_profile", ["city", "mobile", "id_card"])).toEqual({
      city: "Allow",
      mobile: "Allow",
      id_card: "Allow",
    });
  });

  it("set LabelSecurity=true; labels 2 and 3 on the five columns: a member (clearance 1) loses them", async () => {
    const answer = await run(
      `set LabelSecurity=true;  -- the owner's switch
       set label 2 to table user_profile(mobile, user_addr, birthday);
       set label 3 to table user_profile(id_card, credit_card);`,
    );
    expect(answer.results.map((entry) => entry.result)).toEqual([
      { message: "OK", href: "/settings?project=WonderLand" },
      { message: "OK", href: "/labels/object?project=WonderLand&objectType=Table&objectName=user_profile" },
      { message: "OK", href: "/labels/object?project=WonderLand&objectType=Table&objectName=user_profile" },
    ]);
    expect(answer.results[1]!.position).toEqual({ offset: 54, line: 2, column: 8 });
    expect(await columnVerdicts(ALLEN_PRINCIPAL, "user_profile", ["city", ...SENSITIVE])).toEqual({
      city: "Allow",
      id_card: "Deny",
      credit_card: "Deny",
      mobile: "Deny",
      user_addr: "Deny",
      birthday: "Deny",
    });
    const described = await run("DESCRIBE user_profile");
    expect(described.result).toMatchObject({ columns: ["column", "label", "source"] });
    const rows = "rows" in described.result ? described.result.rows : [];
    expect(rows.filter((row) => SENSITIVE.includes(row[0] as string))).toEqual([
      ["id_card", 3, "column"],
      ["credit_card", 3, "column"],
      ["mobile", 2, "column"],
      ["user_addr", 2, "column"],
      ["birthday", 2, "column"],
    ]);
  });

  it("GRANT LABEL 2 ... WITH EXP 7: the member reads the three level-2 columns (the manual's slight over-grant), not level 3", async () => {
    await run(`GRANT LABEL 2 ON TABLE user_profile TO USER ${ALLEN_PRINCIPAL} WITH EXP 7`);
    expect(await columnVerdicts(ALLEN_PRINCIPAL, "user_profile", SENSITIVE)).toEqual({
      id_card: "Deny",
      credit_card: "Deny",
      mobile: "Allow",
      user_addr: "Allow",
      birthday: "Allow",
    });
    const shown = await run(`SHOW LABEL 2 GRANTS FOR USER ${ALLEN_PRINCIPAL}`);
    expect(shown.result).toMatchObject({ columns: ["object", "columns", "level", "grantee", "expires", "active"] });
    const rows = "rows" in shown.result ? shown.result.rows : [];
    const expires = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(rows).toContainEqual(["user_profile", "", 2, expect.any(String), expires, true]);
  });

  it("the copy scenario: creators may use, not grant, what they create", async () => {
    await run("SET ObjectCreatorHasAccessPermission=true; SET ObjectCreatorHasGrantPermission=false");
    const shown = await run("SHOW SecurityConfiguration");
    const rows = "rows" in shown.result ? shown.result.rows : [];
    expect(rows).toContainEqual(["ObjectCreatorHasAccessPermission", "true"]);
    expect(rows).toContainEqual(["ObjectCreatorHasGrantPermission", "false"]);
    expect(rows).toContainEqual(["LabelSecurity", "true"]);
  });

  it("REVOKE LABEL takes the grant back: the columns are denied again", async () => {
    await run(`REVOKE LABEL ON TABLE user_profile FROM USER ${ALLEN_PRINCIPAL}`);
    expect(await columnVerdicts(ALLEN_PRINCIPAL, "user_profile", ["mobile"])).toEqual({ mobile: "Deny" });
  });
});

describe("the manual's ordering example: a column's own label wins over the table's, whatever the order", () => {
  it("SET LABEL 1 TO TABLE; SET LABEL 2 TO TABLE(cols); SET LABEL 3 TO TABLE", async () => {
    await run(
      "SET LABEL 1 TO TABLE sales_orders; SET LABEL 2 TO TABLE sales_orders(amount, currency); SET LABEL 2 TO USER RAM$wonderland:allen",
    );
    // Clearance 2: the table (1) and the columns (2) are readable.
    expect(await columnVerdicts(ALLEN_PRINCIPAL, "sales_orders", ["order_id", "amount"])).toEqual({
      order_id: "Allow",
      amount: "Allow",
    });
    await run("SET LABEL 3 TO TABLE sales_orders");
    const described = await run("DESCRIBE TABLE sales_orders");
    const rows = "rows" in described.result ? described.result.rows : [];
    expect(rows.filter((row) => ["order_id", "amount", "currency"].includes(row[0] as string))).toEqual([
      ["order_id", 3, "table"],
      ["amount", 2, "column"],
      ["currency", 2, "column"],
    ]);
    expect(await columnVerdicts(ALLEN_PRINCIPAL, "sales_orders", ["order_id", "amount", "currency"])).toEqual({
      order_id: "Deny",
      amount: "Allow",
      currency: "Allow",
    });
  });
});

describe("a package shared with a label", () => {
  it("the provider shares user_profile at label 2; the installer's owner reads level-2 columns, not level 3", async () => {
    await run(
      `CREATE PACKAGE profile_share;
       ADD TABLE user_profile TO PACKAGE profile_share WITH PRIVILEGES Describe, Select;
       ALLOW PROJECT SecretGarden TO INSTALL PACKAGE profile_share USING LABEL 2`,
    );
    const described = await run("DESCRIBE PACKAGE profile_share");
    const rows = "rows" in described.result ? described.result.rows : [];
    expect(rows).toEqual([
      ["object", "table user_profile", "Describe, Select"],
      ["allowed project", "SecretGarden", "label 2"],
    ]);
    const installed = await post(SAM, "INSTALL PACKAGE WonderLand.profile_share", "SecretGarden");
    expect(installed.status, JSON.stringify(installed.body)).toBe(200);
    expect(installed.body.data!.result).toEqual({
      message: "OK",
      href: "/packages/WonderLand.profile_share?project=SecretGarden",
    });
    const verdicts = await columnVerdicts(
      "ALIYUN$sam@secretgarden.example",
      "user_profile",
      ["city", "mobile", "id_card"],
      { objectProject: "WonderLand" },
      "SecretGarden",
      SAM,
    );
    expect(verdicts).toEqual({ city: "Allow", mobile: "Allow", id_card: "Deny" });
  });
});

describe("ProjectProtection with an exception", () => {
  const exception = {
    Version: "1",
    Statement: [
      {
        Effect: "Allow",
        Principal: [ALLEN_PRINCIPAL],
        Action: ["odps:Select"],
        Resource: ["acs:odps:*:projects/WonderLand/tables/dim_region"],
      },
    ],
  };

  it("protection keeps data in; WITH EXCEPTION lets the named flow out", async () => {
    const out = { targetProject: "SecretGarden" };
    await run("SET ProjectProtection=true");
    expect(await decision(ALLEN_PRINCIPAL, "dim_region", out)).toBe("Deny");
    expect(await decision(ALLEN_PRINCIPAL, "dim_region")).toBe("Allow");
    await run(`SET ProjectProtection=true WITH EXCEPTION ${JSON.stringify(exception, null, 2)}`);
    expect(await decision(ALLEN_PRINCIPAL, "dim_region", out)).toBe("Allow");
    const shown = await run("SHOW SECURITYCONFIGURATION");
    const rows = "rows" in shown.result ? shown.result.rows : [];
    expect(rows).toContainEqual(["ProjectProtection", "true"]);
    expect(rows.find((row) => row[0] === "ExceptionPolicy")?.[1]).toContain(ALLEN_PRINCIPAL);
  });
});

describe("errors over the API: 400 with a position, 404 naming the unknown, 403 with the engine's steps", () => {
  it("a statement that does not parse runs nothing: 400 INVALID_STATEMENT at the offending token", async () => {
    const answer = await post(ALICE, "CREATE ROLE never_made;\nSET LABEL 12 TO USER x");
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("INVALID_STATEMENT");
    expect(answer.body.error!.details).toMatchObject({
      code: "InvalidStatement",
      position: { offset: 34, line: 2, column: 11 },
    });
    expect(await prisma.projectRole.count({ where: { name: "never_made" } })).toBe(0);
  });

  it("an unknown privilege for the type is invalid, at its token", async () => {
    const answer = await post(ALICE, "GRANT Execute ON TABLE sales_orders TO USER x");
    expect(answer.status).toBe(400);
    expect(answer.body.error!.message).toMatch(/no Execute privilege/);
    expect(answer.body.error!.details.position).toEqual({ offset: 6, line: 1, column: 7 });
  });

  it("an unknown object: 404 naming it", async () => {
    const answer = await post(ALICE, "DESCRIBE no_such_table");
    expect(answer.status).toBe(404);
    expect(answer.body.error!.details).toMatchObject({ code: "NotFound", name: "no_such_table" });
    expect(answer.body.error!.message).toMatch(/no_such_table/);
  });

  it("an unknown principal: 404 naming it", async () => {
    const answer = await post(ALICE, "GRANT analyst TO RAM$wonderland:nobody");
    expect(answer.status).toBe(404);
    expect(answer.body.error!.details).toMatchObject({ code: "NotFound", name: "RAM$wonderland:nobody" });
  });

  it("a refusal: 403 AccessDenied with the engine's steps; what ran before it stays, what follows does not run", async () => {
    const answer = await post(BOB, "CREATE ROLE made_by_bob; SET LabelSecurity=false; CREATE ROLE never_by_bob");
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe("FORBIDDEN");
    const details = answer.body.error!.details;
    expect(details).toMatchObject({
      code: "AccessDenied",
      index: 1,
      statement: "SET LabelSecurity=false",
      position: { offset: 25, line: 1, column: 26 },
      notRun: 1,
    });
    expect(details.completed).toEqual([
      {
        statement: "CREATE ROLE made_by_bob",
        position: { offset: 0, line: 1, column: 1 },
        result: { message: "OK", href: "/roles/made_by_bob?project=WonderLand" },
      },
    ]);
    expect(Array.isArray(details.explanation) && details.explanation.length).toBeGreaterThan(0);
    expect(answer.body.error!.message).toMatch(/the 1 after it did not run/);
    expect(await prisma.projectRole.count({ where: { name: { in: ["made_by_bob", "never_by_bob"] } } })).toBe(1);
  });
});

/** One statement as one persona through the console's door (the server action runs the same definition). */
async function asConsole(email: string, statement: string, project = "WonderLand") {
  const { actor } = await contextFor(email);
  const before = await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const result = await runEndpoint(runStatementsEndpoint, actor, requestMeta(), { project, statement });
  // The rows of the actor's own chain (a probe of another tenant's project is also written in that tenant's).
  const audit = await prisma.auditEvent.findMany({
    where: { id: { gt: before?.id ?? 0n }, chainId: actor.tenantId },
    select: { action: true, result: true },
    orderBy: { id: "asc" },
  });
  return { result, audit };
}

interface Case {
  who: string;
  statement: string;
  /** The door's code, or "OK". */
  outcome: "OK" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_STATEMENT" | "CONFLICT";
  /** The audit rows the run writes: each statement's as its form's operation (a query that succeeds writes none). */
  audit: { action: string; result: "SUCCESS" | "DENIED" | "FAILED" }[];
}

const CASES: Case[] = [
  // The owner may do everything.
  { who: ALICE, statement: "CREATE ROLE table_role", outcome: "OK", audit: [{ action: "role.create", result: "SUCCESS" }] },
  { who: ALICE, statement: `GRANT table_role TO ${ALLEN_PRINCIPAL}`, outcome: "OK", audit: [{ action: "role.assign", result: "SUCCESS" }] },
  { who: ALICE, statement: `REVOKE table_role FROM USER ${ALLEN_PRINCIPAL}`, outcome: "OK", audit: [{ action: "role.revoke", result: "SUCCESS" }] },
  { who: ALICE, statement: "GRANT Describe, Select ON TABLE dim_region TO ROLE table_role", outcome: "OK", audit: [{ action: "grant.create", result: "SUCCESS" }] },
  { who: ALICE, statement: "REVOKE Describe, Select ON TABLE dim_region FROM ROLE table_role", outcome: "OK", audit: [{ action: "grant.revoke", result: "SUCCESS" }, { action: "grant.revoke", result: "SUCCESS" }] },
  { who: ALICE, statement: "DROP ROLE table_role", outcome: "OK", audit: [{ action: "role.drop", result: "SUCCESS" }] },
  { who: ALICE, statement: "ADD TRUSTEDPROJECT SecretGarden", outcome: "OK", audit: [{ action: "settings.trusted-project.add", result: "SUCCESS" }] },
  { who: ALICE, statement: "REMOVE TRUSTEDPROJECT SecretGarden", outcome: "OK", audit: [{ action: "settings.trusted-project.remove", result: "SUCCESS" }] },
  { who: ALICE, statement: "LIST USERS; LIST ROLES; LIST TRUSTEDPROJECTS; SHOW GRANTS; SHOW ACL FOR TABLE dim_region; SHOW PACKAGES; GET POLICY; WHOAMI", outcome: "OK", audit: [] },
  { who: ALICE, statement: "CLEAR EXPIRED GRANTS", outcome: "OK", audit: [{ action: "label.clear-expired", result: "SUCCESS" }] },
  { who: ALICE, statement: "ADD USER ALIYUN$sam@secretgarden.example; REMOVE USER ALIYUN$sam@secretgarden.example", outcome: "OK", audit: [{ action: "member.add", result: "SUCCESS" }, { action: "member.remove", result: "SUCCESS" }] },
  // An Admin may do what the manual leaves to Admin, not what only the owner may.
  { who: BOB, statement: `SET LABEL 1 TO USER ${ALLEN_PRINCIPAL}`, outcome: "OK", audit: [{ action: "label.set-clearance", result: "SUCCESS" }] },
  { who: BOB, statement: "SET LabelSecurity=false", outcome: "FORBIDDEN", audit: [{ action: "settings.update", result: "DENIED" }] },
  { who: BOB, statement: "SET NoWriteDown=true", outcome: "FORBIDDEN", audit: [{ action: "settings.update", result: "DENIED" }] },
  { who: ALICE, statement: "SET NoWriteDown=true; SET NoWriteDown=false", outcome: "OK", audit: [{ action: "settings.update", result: "SUCCESS" }, { action: "settings.update", result: "SUCCESS" }] },
  { who: BOB, statement: "SET ProjectProtection=false", outcome: "FORBIDDEN", audit: [{ action: "settings.update", result: "DENIED" }] },
  { who: BOB, statement: "ADD TRUSTEDPROJECT SecretGarden", outcome: "FORBIDDEN", audit: [{ action: "settings.trusted-project.add", result: "DENIED" }] },
  { who: BOB, statement: "GRANT Super_Administrator TO RAM$wonderland:allen", outcome: "FORBIDDEN", audit: [{ action: "role.assign", result: "DENIED" }] },
  // The form decides before the name is looked up: a refused caller learns nothing of who is a member.
  { who: BOB, statement: "GRANT Super_Administrator TO RAM$wonderland:nobody", outcome: "FORBIDDEN", audit: [{ action: "role.assign", result: "DENIED" }] },
  // An ordinary member is refused at the console's door (administration), audited as the statement run.
  { who: ALLEN, statement: "CREATE ROLE by_allen", outcome: "FORBIDDEN", audit: [{ action: "statement.run", result: "DENIED" }] },
  { who: ALLEN, statement: "WHOAMI", outcome: "FORBIDDEN", audit: [{ action: "statement.run", result: "DENIED" }] },
  // The other tenant does not see the project: each operation answers as its form would.
  { who: SAM, statement: "LIST USERS", outcome: "NOT_FOUND", audit: [{ action: "member.list", result: "DENIED" }] },
  { who: SAM, statement: "ADD USER ALIYUN$sam@secretgarden.example", outcome: "NOT_FOUND", audit: [{ action: "member.add", result: "DENIED" }] },
  { who: SAM, statement: "SET LABEL 9 TO USER ALIYUN$sam@secretgarden.example", outcome: "NOT_FOUND", audit: [{ action: "label.set-clearance", result: "DENIED" }] },
  { who: SAM, statement: `REMOVE USER ${ALLEN_PRINCIPAL}`, outcome: "NOT_FOUND", audit: [{ action: "member.remove", result: "DENIED" }] },
  // Unknowns and invalid statements.
  { who: ALICE, statement: "REMOVE USER RAM$wonderland:nobody", outcome: "NOT_FOUND", audit: [{ action: "member.remove", result: "DENIED" }] },
  { who: ALICE, statement: "CREATE ROLE analyst", outcome: "CONFLICT", audit: [{ action: "role.create", result: "FAILED" }] },
  { who: ALICE, statement: "SET LABEL 10 TO USER x", outcome: "INVALID_STATEMENT", audit: [{ action: "statement.run", result: "FAILED" }] },
]; // prettier-ignore

describe("each statement allowed and refused, with its audit rows (console door)", () => {
  for (const testCase of CASES) {
    it(`${testCase.who.split("@")[0]}: ${testCase.statement} → ${testCase.outcome}`, async () => {
      const { result, audit } = await asConsole(testCase.who, testCase.statement);
      expect(result.ok ? "OK" : result.error.code, JSON.stringify(result)).toBe(testCase.outcome);
      expect(audit).toEqual(testCase.audit);
    });
  }
});
