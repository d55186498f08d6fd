import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { getPolicy } from "@/lib/services/policies/get-policy";
import { savePolicyEndpoint } from "@/lib/services/policies/save-policy";
import { itRefuses, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });

const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";

async function call(email: string | null, input: Record<string, unknown>) {
  const actor = email ? (await contextFor(email)).actor : null;
  return runEndpoint(savePolicyEndpoint, actor, requestMeta(), input);
}

const statement = (extra: object = {}) => ({
  Effect: "Deny",
  Principal: ["RAM$wonderland:allen"],
  Action: ["odps:Drop"],
  Resource: ["acs:odps:*:projects/WonderLand/tables/sales_orders"],
  ...extra,
});
const documentText = (...statements: object[]) => JSON.stringify({ Version: "1", Statement: statements });

async function policyState() {
  const [policies, versions, project] = await Promise.all([
    prisma.policy.findMany({
      where: { projectId: wonderland.id },
      orderBy: { id: "asc" },
      select: { id: true, version: true, document: true },
    }),
    prisma.policyVersion.count(),
    prisma.project.findUniqueOrThrow({ where: { id: wonderland.id }, select: { securityVersion: true } }),
  ]);
  return { policies, versions, securityVersion: project.securityVersion };
}

/** Refusals: nothing changes, and the refusal itself is audited. */
const REFUSALS: Omit<RefusalCase, "endpoint">[] = [
  {
    description: "no session",
    who: null,
    input: { project: "WonderLand", document: documentText(statement()), version: 1 },
    code: "UNAUTHENTICATED",
  },
  {
    description: "sam, of another tenant",
    who: SAM,
    input: { project: "WonderLand", document: documentText(statement()), version: 1 },
    code: "NOT_FOUND",
  },
  {
    description: "allen, an ordinary member",
    who: ALLEN,
    input: { project: "WonderLand", document: documentText(statement()), version: 1 },
    code: "FORBIDDEN",
  },
  {
    description: "bob, an Admin (the engine: only Owner or Super_Administrator edit policies)",
    who: BOB,
    input: { project: "WonderLand", document: documentText(statement()), version: 1 },
    code: "FORBIDDEN",
    message: /Only Owner or Super_Administrator may edit the project policy/,
  },
  {
    description: "a role the project does not have",
    who: ALICE,
    input: { project: "WonderLand", role: "ghost", document: documentText(statement()), version: 0 },
    code: "NOT_FOUND",
  },
  {
    description: "text that is not JSON",
    who: ALICE,
    input: { project: "WonderLand", document: "{ Version: 1", version: 1 },
    code: "INVALID_INPUT",
    field: "document",
    message: /^\(document\): Not valid JSON/,
  },
  {
    description: "a bad IP address in statement 2's condition",
    who: ALICE,
    input: {
      project: "WonderLand",
      document: documentText(statement(), statement({ Condition: { IpAddress: { "acs:SourceIp": ["10.0.0"] } } })),
      version: 1,
    },
    code: "INVALID_INPUT",
    field: "document",
    message: /^Statement 2 → Condition\.IpAddress\.acs:SourceIp\[0\]: .*not an IP address/,
  },
  {
    description: "an unknown action in statement 1",
    who: ALICE,
    input: {
      project: "WonderLand",
      document: documentText(statement({ Action: ["odps:Select", "odps:Fly"] })),
      version: 1,
    },
    code: "INVALID_INPUT",
    field: "document",
    message: /^Statement 1 → Action\[1\]: "odps:Fly" matches no MaxCompute privilege/,
  },
  {
    description: "a policy of 101 statements",
    who: ALICE,
    input: {
      project: "WonderLand",
      document: documentText(...Array.from({ length: 101 }, () => statement())),
      version: 1,
    },
    code: "INVALID_INPUT",
    field: "document",
    message: /^Statement: A policy may hold at most 100 statements/,
  },
  {
    description: "a policy sent as JSON over 64 KB",
    who: ALICE,
    input: {
      project: "WonderLand",
      document: JSON.parse(
        documentText(statement({ Resource: `acs:odps:*:projects/WonderLand/tables/${"x".repeat(70_000)}` })),
      ),
      version: 1,
    },
    code: "INVALID_INPUT",
    field: "document",
    message: /at most 64 KB/,
  },
  {
    description: "a project policy statement without Principal",
    who: ALICE,
    input: {
      project: "WonderLand",
      document: documentText({
        Effect: "Allow",
        Action: "odps:Select",
        Resource: "acs:odps:*:projects/WonderLand/tables/*",
      }),
      version: 1,
    },
    code: "INVALID_INPUT",
    field: "document",
    message: /^Statement 1 → Principal: A project policy statement must name its Principal/,
  },
  {
    description: "the version the editor started from is no longer current",
    who: ALICE,
    input: { project: "WonderLand", document: documentText(statement()), version: 0 },
    code: "CONFLICT",
    message: /now version 1\) after you opened version 0/,
  },
];

describe("saving a policy refuses, audits the refusal and changes nothing", () => {
  itRefuses(
    REFUSALS.map((refusal) => ({ ...refusal, endpoint: savePolicyEndpoint })),
    policyState,
  );
});

describe("saving a policy", () => {
  it("alice saves the project policy: a new version, a PolicyVersion row, the security version bumped, audited before/after", async () => {
    const before = await policyState();
    const document = documentText(statement(), statement({ Effect: "Allow", Action: "odps:Describe" }));
    const result = await call(ALICE, { project: "WonderLand", document, version: 1 });
    expect(result).toMatchObject({ ok: true, data: { version: 2, label: "project policy of WonderLand" } });
    if (!result.ok) return;
    const saved = await prisma.policy.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(saved.version).toBe(2);
    expect(saved.document).toEqual(JSON.parse(document));
    const version = await prisma.policyVersion.findUniqueOrThrow({
      where: { policyId_version: { policyId: saved.id, version: 2 } },
    });
    expect(version.document).toEqual(JSON.parse(document));
    expect(version.createdById).toBe((await contextFor(ALICE)).actor.userId);
    expect((await policyState()).securityVersion).toBe(before.securityVersion + 1);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "policy.save" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({
      result: "SUCCESS",
      projectId: wonderland.id,
      targetId: saved.id,
      targetName: "project policy of WonderLand",
    });
    expect(audit.before).toMatchObject({ version: 1 });
    expect((audit.before as { document: { Statement: unknown[] } }).document.Statement).toHaveLength(2);
    expect(audit.after).toEqual({ version: 2, document: JSON.parse(document) });
  });

  it("the editor then shows version 2 with its history, newest first, and who saved each", async () => {
    const view = await getPolicy(await contextFor(ALICE), { project: "WonderLand", role: null });
    expect(view.version).toBe(2);
    expect(view.history.map((entry) => [entry.version, entry.createdBy])).toEqual([
      [2, "ALIYUN$alice@wonderland.example"],
      [1, "ALIYUN$alice@wonderland.example"],
    ]);
    expect(view.document.indexOf('"Effect"')).toBeLessThan(view.document.indexOf('"Action"'));
    expect(view.edit).toEqual({ allowed: true });
  });

  it("saving the same document again is refused as nothing to save", async () => {
    const document = documentText(statement(), statement({ Effect: "Allow", Action: "odps:Describe" }));
    const result = await call(ALICE, { project: "WonderLand", document, version: 2 });
    expect(result.ok ? null : result.error.fieldErrors?.document?.[0]).toMatch(/same as the saved version/);
  });

  it("a role policy needs no Principal; a role without a policy starts at version 0", async () => {
    const document = {
      Version: "1",
      Statement: [{ Effect: "Deny", Action: ["odps:Drop"], Resource: ["acs:odps:*:projects/WonderLand/tables/ods_*"] }],
    };
    const created = await call(ALICE, { project: "WonderLand", role: "ETL_WRITER", document, version: 0 });
    expect(created).toMatchObject({ ok: true, data: { version: 1, label: "policy of role etl_writer in WonderLand" } });
    const again = await call(ALICE, {
      project: "WonderLand",
      role: "etl_writer",
      document: { ...document, Statement: [{ ...document.Statement[0], Action: ["odps:Alter"] }] },
      version: 0,
    });
    expect(again.ok ? null : again.error.code).toBe("CONFLICT");
  });

  it("bob, an Admin, may read policies but sees why he may not edit them", async () => {
    const view = await getPolicy(await contextFor(BOB), { project: "WonderLand", role: "analyst" });
    expect(view.scope).toBe("role");
    expect(view.roles).toEqual(["analyst", "etl_writer"]);
    expect(view.edit).toEqual({ allowed: false, reason: "Only Owner or Super_Administrator may edit role policies" });
  });
});
