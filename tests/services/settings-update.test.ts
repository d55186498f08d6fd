import { describe, expect, it } from "vitest";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { addTrustedProjectEndpoint } from "@/lib/services/settings/add-trusted-project";
import { getSecuritySettings } from "@/lib/services/settings/get-security-settings";
import { removeTrustedProjectEndpoint } from "@/lib/services/settings/remove-trusted-project";
import { updateSecuritySettingsEndpoint } from "@/lib/services/settings/update-security-settings";
import { itRefuses, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });

const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";

async function call(
  endpoint: EndpointDefinition<never, unknown>,
  email: string | null,
  input: Record<string, unknown>,
) {
  const actor = email ? (await contextFor(email)).actor : null;
  return runEndpoint(endpoint, actor, requestMeta(), input);
}
const update = updateSecuritySettingsEndpoint as unknown as EndpointDefinition<never, unknown>;
const trust = addTrustedProjectEndpoint as unknown as EndpointDefinition<never, unknown>;
const distrust = removeTrustedProjectEndpoint as unknown as EndpointDefinition<never, unknown>;

async function settingsState() {
  const [project, trusted] = await Promise.all([
    prisma.project.findUniqueOrThrow({ where: { id: wonderland.id } }),
    prisma.trustedProject.findMany({ where: { projectId: wonderland.id }, select: { trustedProjectId: true } }),
  ]);
  const { updatedAt: _updatedAt, ...row } = project;
  return { row, trusted };
}

const exception = (statement: object) => JSON.stringify({ Version: "1", Statement: [statement] });

const REFUSALS: RefusalCase[] = [
  {
    description: "no session",
    endpoint: update,
    who: null,
    input: { project: "WonderLand", LabelSecurity: "false" },
    code: "UNAUTHENTICATED",
  },
  {
    description: "sam, of another tenant",
    endpoint: update,
    who: "sam@secretgarden.example",
    input: { project: "WonderLand", LabelSecurity: "false" },
    code: "NOT_FOUND",
  },
  {
    description: "allen, an ordinary member",
    endpoint: update,
    who: "allen@wonderland.example",
    input: { project: "WonderLand", LabelSecurity: "false" },
    code: "FORBIDDEN",
  },
  {
    description: "bob (Admin) switching LabelSecurity",
    endpoint: update,
    who: BOB,
    input: { project: "WonderLand", LabelSecurity: "false" },
    code: "FORBIDDEN",
    message: /^Only Owner may change LabelSecurity$/,
  },
  {
    description: "bob (Admin) switching CheckPermissionUsingACL",
    endpoint: update,
    who: BOB,
    input: { project: "WonderLand", CheckPermissionUsingACL: false },
    code: "FORBIDDEN",
    message: /^Only Owner or Super_Administrator may change CheckPermissionUsingACL$/,
  },
  {
    description: "bob replacing the exception policy",
    endpoint: update,
    who: BOB,
    input: { project: "WonderLand", ExceptionPolicy: "" },
    code: "FORBIDDEN",
    message: /ExceptionPolicy/,
  },
  {
    description: "nothing named to change",
    endpoint: update,
    who: ALICE,
    input: { project: "WonderLand" },
    code: "INVALID_INPUT",
    message: /Name at least one setting/,
  },
  {
    description: "a switch that is not a boolean",
    endpoint: update,
    who: ALICE,
    input: { project: "WonderLand", LabelSecurity: "maybe" },
    code: "INVALID_INPUT",
    field: "LabelSecurity",
  },
  {
    description: "an exception policy with a bad statement",
    endpoint: update,
    who: ALICE,
    input: {
      project: "WonderLand",
      ExceptionPolicy: exception({ Effect: "Allow", Principal: "*", Action: "odps:Select", Resource: "tables/x" }),
    },
    code: "INVALID_INPUT",
    field: "ExceptionPolicy",
    message: /^Statement 1 → Resource\[0\]: "tables\/x" is not a resource/,
  },
  {
    description: "an exception policy sent as JSON over 64 KB",
    endpoint: update,
    who: ALICE,
    input: {
      project: "WonderLand",
      ExceptionPolicy: {
        Version: "1",
        Statement: [
          {
            Effect: "Allow",
            Principal: "*",
            Action: "odps:Select",
            Resource: `acs:odps:*:projects/wonderland/tables/${"x".repeat(70_000)}`,
          },
        ],
      },
    },
    code: "INVALID_INPUT",
    field: "ExceptionPolicy",
    message: /at most 64 KB/,
  },
  {
    description: "an exception policy of 101 statements",
    endpoint: update,
    who: ALICE,
    input: {
      project: "WonderLand",
      ExceptionPolicy: {
        Version: "1",
        Statement: Array.from({ length: 101 }, (_, i) => ({
          Effect: "Allow",
          Principal: "*",
          Action: "odps:Select",
          Resource: `acs:odps:*:projects/wonderland/tables/t${i}`,
        })),
      },
    },
    code: "INVALID_INPUT",
    field: "ExceptionPolicy",
    message: /^Statement: A policy may hold at most 100 statements/,
  },
  {
    description: "bob trusting a project",
    endpoint: trust,
    who: BOB,
    input: { project: "WonderLand", trustedProject: "SecretGarden" },
    code: "FORBIDDEN",
    message: /Only Owner may change TrustedProjects/,
  },
  {
    description: "trusting a project that does not exist",
    endpoint: trust,
    who: ALICE,
    input: { project: "WonderLand", trustedProject: "Atlantis" },
    code: "NOT_FOUND",
    field: "trustedProject",
  },
  {
    description: "a project trusting itself",
    endpoint: trust,
    who: ALICE,
    input: { project: "WonderLand", trustedProject: "wonderland" },
    code: "INVALID_INPUT",
    field: "trustedProject",
  },
  {
    description: "trusting a project twice",
    endpoint: trust,
    who: ALICE,
    input: { project: "WonderLand", trustedProject: "WonderLand_dev" },
    code: "CONFLICT",
    field: "trustedProject",
  },
  {
    description: "sam removing WonderLand's trust",
    endpoint: distrust,
    who: "sam@secretgarden.example",
    input: { project: "WonderLand", trustedProject: "WonderLand_dev" },
    code: "NOT_FOUND",
  },
  {
    description: "removing a project that is not trusted",
    endpoint: distrust,
    who: ALICE,
    input: { project: "WonderLand", trustedProject: "SecretGarden" },
    code: "NOT_FOUND",
  },
];

describe("security settings changes that are refused change nothing and are audited", () => {
  itRefuses(REFUSALS, settingsState);
});

describe("changing security settings", () => {
  it("bob reads the settings and sees which he may not change, with the engine's reason", async () => {
    const view = await getSecuritySettings(await contextFor(BOB), { project: "WonderLand" });
    const labelSecurity = view.switches.find((item) => item.setting === "LabelSecurity");
    expect(labelSecurity).toMatchObject({
      value: true,
      change: { allowed: false, reason: "Only Owner may change LabelSecurity" },
    });
    expect(view.switches.every((item) => !item.change.allowed)).toBe(true);
    expect(view.trustedProjects.names).toEqual(["WonderLand_dev"]);
    expect(JSON.parse(view.exceptionPolicy.document)).toMatchObject({ Version: "1" });
  });

  it("alice switches LabelSecurity off: allowed, audited before/after, security version bumped", async () => {
    const before = await settingsState();
    const result = await call(update, ALICE, { project: "WonderLand", LabelSecurity: "false" });
    expect(result).toMatchObject({ ok: true, data: { changed: { LabelSecurity: false } } });
    const after = await settingsState();
    expect(after.row.labelSecurity).toBe(false);
    expect(after.row.securityVersion).toBe(before.row.securityVersion + 1);
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      action: "settings.update",
      result: "SUCCESS",
      projectId: wonderland.id,
      before: { LabelSecurity: true },
      after: { LabelSecurity: false },
    });
    expect((await call(update, ALICE, { project: "WonderLand", LabelSecurity: true })).ok).toBe(true);
  });

  it("alice replaces, then removes, the exception policy", async () => {
    const document = exception({
      Effect: "Allow",
      Principal: ["RAM$wonderland:bob"],
      Action: ["odps:Select"],
      Resource: ["acs:odps:*:projects/WonderLand/tables/sales_orders"],
    });
    expect((await call(update, ALICE, { project: "WonderLand", ExceptionPolicy: document })).ok).toBe(true);
    expect((await settingsState()).row.protectionExceptionPolicy).toEqual(JSON.parse(document));
    expect((await call(update, ALICE, { project: "WonderLand", ExceptionPolicy: "" })).ok).toBe(true);
    expect((await settingsState()).row.protectionExceptionPolicy).toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      action: "settings.update",
      before: { ExceptionPolicy: JSON.parse(document) },
      after: {},
    });
  });

  it("alice trusts SecretGarden, then removes it again: both audited", async () => {
    expect(await call(trust, ALICE, { project: "WonderLand", trustedProject: "secretgarden" })).toMatchObject({
      ok: true,
      data: { trustedProject: "SecretGarden" },
    });
    expect(
      (await getSecuritySettings(await contextFor(ALICE), { project: "WonderLand" })).trustedProjects.names,
    ).toEqual(["WonderLand_dev", "SecretGarden"]);
    expect((await call(distrust, ALICE, { project: "WonderLand", trustedProject: "SecretGarden" })).ok).toBe(true);
    const audits = await prisma.auditEvent.findMany({ orderBy: { id: "desc" }, take: 2 });
    expect(audits.map((audit) => [audit.action, audit.targetName])).toEqual([
      ["settings.trusted-project.remove", "SecretGarden"],
      ["settings.trusted-project.add", "SecretGarden"],
    ]);
  });
});
