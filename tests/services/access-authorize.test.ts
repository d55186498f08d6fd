import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { authorizeEndpoint } from "@/lib/services/access/authorize";
import type { DecisionAnswer } from "@/lib/services/access/support/answer-decision-request";
import { projectInScope } from "@/lib/authorize/project-scope";
import { principalName } from "@/lib/identity/principal-name";
import { parsePrincipalReference } from "@/lib/services/access/support/principal-reference";
import { resolvePrincipal } from "@/lib/services/access/support/resolve-principal";
import { setTenantRoleEndpoint } from "@/lib/services/tenants/set-tenant-role";
import { setUserDisabledEndpoint } from "@/lib/services/tenants/set-user-disabled";
import { itRefuses, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";
const DAY = 86_400_000;

async function authorize(caller: string, input: Record<string, unknown>, sourceIp = "127.0.0.1") {
  const ctx = await contextFor(caller);
  const result = await runEndpoint(authorizeEndpoint, ctx.actor, requestMeta(sourceIp), input);
  return result;
}

async function answer(caller: string, input: Record<string, unknown>, sourceIp?: string): Promise<DecisionAnswer> {
  const result = await authorize(caller, input, sourceIp);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

const ask = (principal: string, action: string, object: string, extra: Record<string, unknown> = {}) => ({
  principal,
  project: "WonderLand",
  action,
  object,
  ...extra,
});

/** Decisions on the demo as a query engine asks for them (the engine's verdicts themselves are tested in lib/authz). */
const DECISIONS: {
  description: string;
  caller: string;
  input: Record<string, unknown>;
  sourceIp?: string;
  effect: "Allow" | "Deny";
  decidedBy: string;
  columns?: Record<string, { effect: "Allow" | "Deny"; decidedBy: string }>;
}[] = [
  {
    description: "allen reads sales_orders through the analyst role (asked by the owner)",
    caller: ALICE,
    input: ask("RAM$wonderland:allen", "odps:Select", "tables/sales_orders"),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "allen asks about himself, with lower-case prefixes and action",
    caller: ALLEN,
    input: ask("ram$WonderLand:Allen", "ODPS:select", "TABLES/Sales_Orders"),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "a label-denied column: birthday's label grant expired, mobile's holds",
    caller: ALICE,
    input: ask("RAM$wonderland:allen", "odps:Select", "tables/user_profile", { columns: ["mobile", "birthday"] }),
    effect: "Deny",
    decidedBy: "LabelSecurity",
    columns: {
      mobile: { effect: "Allow", decidedBy: "ACL" },
      birthday: { effect: "Deny", decidedBy: "LabelSecurity" },
    },
  },
  {
    description: "an expired grant: allen's Select on ods_click_log",
    caller: BOB,
    input: ask("RAM$wonderland:allen", "odps:Select", "tables/ods_click_log"),
    effect: "Deny",
    decidedBy: "Default",
  },
  {
    description: "the same grant, asked about a time before it expired (context.time)",
    caller: BOB,
    input: ask("RAM$wonderland:allen", "odps:Select", "tables/ods_click_log", {
      context: { time: new Date(Date.now() - 8 * DAY).toISOString() },
    }),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "a deny policy: Drop on any table is denied to everyone",
    caller: ALICE,
    input: ask("RAM$wonderland:allen", "odps:Drop", "tables/t_app_events"),
    effect: "Deny",
    decidedBy: "Policy",
  },
  {
    description: "a whitelist miss on the client address given in the context",
    caller: ALICE,
    input: ask("RAM$wonderland:allen", "odps:Select", "tables/sales_orders", { context: { sourceIp: "203.0.113.9" } }),
    effect: "Deny",
    decidedBy: "Whitelist",
  },
  {
    description: "data leaving for an untrusted project (context.targetProject)",
    caller: ALICE,
    input: ask("RAM$wonderland:allen", "odps:Select", "tables/sales_orders", {
      context: { targetProject: "SecretGarden" },
    }),
    effect: "Deny",
    decidedBy: "ProjectProtection",
  },
  {
    description: "a project-level privilege on projects/<name>",
    caller: ALLEN,
    input: ask("RAM$wonderland:allen", "odps:List", "projects/WonderLand"),
    effect: "Allow",
    decidedBy: "ACL",
  },
  {
    description: "an object of another project reached through the installed package",
    caller: ALICE,
    input: {
      ...ask("ALIYUN$alice@wonderland.example", "odps:Select", "projects/WonderLand/tables/dim_region"),
      project: "WonderLand_dev",
    },
    effect: "Allow",
    decidedBy: "Package",
  },
];

describe("whom a question is about", () => {
  it("every user the project's decision index lists resolves from it exactly as from the user table, in any case", async () => {
    const ctx = await contextFor(ALICE);
    const project = await projectInScope(ctx, "WonderLand");
    expect(project.index.users.length).toBeGreaterThanOrEqual(3);
    for (const indexed of project.index.users) {
      const user = await prisma.user.findUniqueOrThrow({ where: { id: indexed.id }, include: { tenant: true } });
      const principal = principalName({ ...user, tenantName: user.tenant.name });
      for (const text of [principal, principal.toUpperCase(), principal.toLowerCase()]) {
        const resolved = await resolvePrincipal(ctx, project, { text, reference: parsePrincipalReference(text)! });
        expect(resolved).toMatchObject({
          summary: { principal, known: true, userId: user.id, email: user.email, displayName: user.displayName },
          request: {
            userId: user.id,
            accountId: user.tenantId,
            kind: user.kind === "PRIMARY" ? "primary" : "sub",
            disabled: user.disabled,
          },
        });
      }
    }
  });

  it("a user the index does not list (another tenant's, outside the project) is looked up, and stays unknown", async () => {
    const ctx = await contextFor(ALICE);
    const project = await projectInScope(ctx, "WonderLand");
    const text = "ALIYUN$sam@secretgarden.example";
    expect(project.index.userByPrincipalName.has(text.toLowerCase())).toBe(false);
    const resolved = await resolvePrincipal(ctx, project, { text, reference: parsePrincipalReference(text)! });
    expect(resolved.summary).toMatchObject({ principal: text, known: false, userId: null });
  });

  it("an account administrator outside the project, once disabled, is asked about as disabled at once", async () => {
    const alice = await contextFor(ALICE);
    const audrey = await prisma.user.findUniqueOrThrow({ where: { email: "audrey@wonderland.example" } });
    const run = async (endpoint: unknown, input: Record<string, unknown>) => {
      const result = await runEndpoint(endpoint as typeof authorizeEndpoint, alice.actor, requestMeta(), input);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    };
    const question = ask("RAM$wonderland:audrey", "odps:Describe", "tables/sales_orders");
    await run(setTenantRoleEndpoint, { userId: audrey.id, role: "ADMIN", assigned: true });
    try {
      expect(await answer(ALICE, question)).toMatchObject({ effect: "Allow" });
      await run(setUserDisabledEndpoint, { userId: audrey.id, disabled: true });
      expect(await answer(ALICE, question)).toMatchObject({ effect: "Deny", decidedBy: "Identity" });
    } finally {
      await run(setUserDisabledEndpoint, { userId: audrey.id, disabled: false });
      await run(setTenantRoleEndpoint, { userId: audrey.id, role: "ADMIN", assigned: false });
    }
  });
});

describe("POST /api/v1/authorize: decisions on the demo", () => {
  for (const testCase of DECISIONS) {
    it(testCase.description, async () => {
      const decision = await answer(testCase.caller, testCase.input, testCase.sourceIp);
      expect(decision).toMatchObject({ effect: testCase.effect, decidedBy: testCase.decidedBy });
      expect(decision.steps.length).toBeGreaterThan(0);
      for (const step of decision.steps) expect(Object.keys(step).sort()).toEqual(["layer", "reason", "verdict"]);
      if (testCase.columns) {
        const columns = Object.fromEntries(
          decision.columns!.map((column) => [column.name, { effect: column.effect, decidedBy: column.decidedBy }]),
        );
        expect(columns).toEqual(testCase.columns);
        for (const column of decision.columns!) expect(column.reason).not.toBe("");
      }
    });
  }

  it("a whole-table Select lists every column of the table", async () => {
    const decision = await answer(ALICE, ask("RAM$wonderland:allen", "odps:Select", "tables/user_profile"));
    const table = await prisma.catalogObject.findFirstOrThrow({
      where: { name: "user_profile", project: { name: "WonderLand" } },
      include: { columns: true },
    });
    expect(decision.columns!.map((column) => column.name).sort()).toEqual(
      table.columns.map((column) => column.name.toLowerCase()).sort(),
    );
  });

  it("no columns key when none were asked and the action reads no data", async () => {
    const decision = await answer(ALICE, ask("RAM$wonderland:allen", "odps:Drop", "tables/t_app_events"));
    expect(decision.columns).toBeUndefined();
  });

  it("statement text is stripped for a non-administrator asking about itself; the owner reads it", async () => {
    const input = ask("RAM$wonderland:allen", "odps:Drop", "tables/t_app_events");
    const STATEMENT_TEXT = /acs:odps|CurrentTime|statement \d+:/;
    const asAllen = await answer(ALLEN, input);
    const asAlice = await answer(ALICE, input);
    expect(JSON.stringify(asAllen)).not.toMatch(STATEMENT_TEXT);
    expect(JSON.stringify(asAlice)).toMatch(STATEMENT_TEXT);
  });
});

const noState = async () => null;
const REFUSALS: RefusalCase[] = [
  {
    description: "a member asking about someone else",
    who: ALLEN,
    endpoint: authorizeEndpoint,
    input: ask("RAM$wonderland:bob", "odps:Select", "tables/sales_orders"),
    code: "FORBIDDEN",
  },
  {
    description: "the other tenant asking about a WonderLand project",
    who: SAM,
    endpoint: authorizeEndpoint,
    input: ask("RAM$wonderland:allen", "odps:Select", "tables/sales_orders"),
    code: "NOT_FOUND",
    message: /Project WonderLand was not found/,
  },
  {
    description: "the other tenant asking about itself in WonderLand",
    who: SAM,
    endpoint: authorizeEndpoint,
    input: ask("ALIYUN$sam@secretgarden.example", "odps:Select", "tables/sales_orders"),
    code: "NOT_FOUND",
  },
  {
    description: "the owner asking about the other tenant's principal (outside the project's directory)",
    who: ALICE,
    endpoint: authorizeEndpoint,
    input: ask("ALIYUN$sam@secretgarden.example", "odps:Select", "tables/sales_orders"),
    code: "NOT_FOUND",
    message: /Principal ALIYUN\$sam@secretgarden\.example was not found/,
  },
  {
    description: "an unknown principal",
    who: ALICE,
    endpoint: authorizeEndpoint,
    input: ask("RAM$wonderland:nobody", "odps:Select", "tables/sales_orders"),
    code: "NOT_FOUND",
    message: /Principal RAM\$wonderland:nobody was not found/,
  },
  {
    description: "an unknown object",
    who: ALICE,
    endpoint: authorizeEndpoint,
    input: ask("RAM$wonderland:allen", "odps:Select", "tables/no_such_table"),
    code: "NOT_FOUND",
    message: /WonderLand has no table named no_such_table/,
  },
  {
    description: "an unknown column",
    who: ALICE,
    endpoint: authorizeEndpoint,
    input: ask("RAM$wonderland:allen", "odps:Select", "tables/user_profile", { columns: ["salary"] }),
    code: "INVALID_INPUT",
    field: "columns",
    message: /no column salary/,
  },
  {
    description: "an action without the odps: prefix",
    who: ALICE,
    endpoint: authorizeEndpoint,
    input: ask("RAM$wonderland:allen", "Select", "tables/sales_orders"),
    code: "INVALID_INPUT",
    field: "action",
  },
  {
    description: "an action that is not a privilege of the object",
    who: ALICE,
    endpoint: authorizeEndpoint,
    input: ask("RAM$wonderland:allen", "odps:Execute", "tables/sales_orders"),
    code: "INVALID_INPUT",
    field: "action",
  },
  {
    description: "an object of an unknown kind",
    who: ALICE,
    endpoint: authorizeEndpoint,
    input: ask("RAM$wonderland:allen", "odps:Select", "schemas/sales_orders"),
    code: "INVALID_INPUT",
    field: "object",
  },
  {
    description: "a principal that is neither ALIYUN$ nor RAM$ nor an email",
    who: ALICE,
    endpoint: authorizeEndpoint,
    input: ask("allen", "odps:Select", "tables/sales_orders"),
    code: "INVALID_INPUT",
    field: "principal",
  },
  {
    description: "columns on an action that reads no data",
    who: ALICE,
    endpoint: authorizeEndpoint,
    input: ask("RAM$wonderland:allen", "odps:Drop", "tables/sales_orders", { columns: ["id"] }),
    code: "INVALID_INPUT",
    field: "columns",
  },
  {
    description: "a context key the engine does not know",
    who: ALICE,
    endpoint: authorizeEndpoint,
    input: ask("RAM$wonderland:allen", "odps:Select", "tables/sales_orders", { context: { clientIp: "10.0.0.1" } }),
    code: "INVALID_INPUT",
    field: "context",
  },
  {
    description: "a context address that is not an address",
    who: ALICE,
    endpoint: authorizeEndpoint,
    input: ask("RAM$wonderland:allen", "odps:Select", "tables/sales_orders", { context: { sourceIp: "localhost" } }),
    code: "INVALID_INPUT",
    field: "context",
  },
  {
    description: "a caller without a session",
    who: null,
    endpoint: authorizeEndpoint,
    input: ask("RAM$wonderland:allen", "odps:Select", "tables/sales_orders"),
    code: "UNAUTHENTICATED",
  },
];

describe("POST /api/v1/authorize: refusals", () => {
  itRefuses(REFUSALS, noState);
});
