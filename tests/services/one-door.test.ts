import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { createProjectEndpoint } from "@/lib/services/projects/create-project";
import { setUserDisabledEndpoint } from "@/lib/services/tenants/set-user-disabled";
import { listAuditEventsEndpoint } from "@/lib/services/audit/list-audit-events";
import { itRefuses, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const bob = await prisma.user.findUniqueOrThrow({ where: { email: "bob@wonderland.example" } });
const sam = await prisma.user.findUniqueOrThrow({ where: { email: "sam@secretgarden.example" } });

/** Who calls, with what, and what the one door must answer. */
const CASES: RefusalCase[] = [
  {
    description: "no session",
    who: null,
    endpoint: createProjectEndpoint,
    input: { name: "Sneaky_p" },
    code: "UNAUTHENTICATED",
  },
  {
    description: "a sub-account (only the account owner creates projects)",
    who: "bob@wonderland.example",
    endpoint: createProjectEndpoint,
    input: { name: "Sneaky_p" },
    code: "FORBIDDEN",
  },
  {
    description: "a bad project name",
    who: "alice@wonderland.example",
    endpoint: createProjectEndpoint,
    input: { name: "1 bad name" },
    code: "INVALID_INPUT",
    field: "name",
  },
  {
    description: "a taken project name",
    who: "alice@wonderland.example",
    endpoint: createProjectEndpoint,
    input: { name: "SecretGarden" },
    code: "CONFLICT",
    field: "name",
  },
  {
    description: "no session disabling a user",
    who: null,
    endpoint: setUserDisabledEndpoint,
    input: { userId: bob.id, disabled: "true" },
    code: "UNAUTHENTICATED",
  },
  {
    description: "the other tenant's owner disabling a WonderLand user",
    who: "sam@secretgarden.example",
    endpoint: setUserDisabledEndpoint,
    input: { userId: bob.id, disabled: "true" },
    code: "NOT_FOUND",
  },
  {
    description: "a project admin without tenant rights",
    who: "bob@wonderland.example",
    endpoint: setUserDisabledEndpoint,
    input: { userId: bob.id, disabled: "true" },
    code: "FORBIDDEN",
  },
  {
    description: "an ordinary member",
    who: "allen@wonderland.example",
    endpoint: setUserDisabledEndpoint,
    input: { userId: bob.id, disabled: "true" },
    code: "FORBIDDEN",
  },
  {
    description: "an owner disabling another account's owner",
    who: "alice@wonderland.example",
    endpoint: setUserDisabledEndpoint,
    input: { userId: sam.id, disabled: "true" },
    code: "NOT_FOUND",
  },
  {
    description: "a non-auditor reading the audit log",
    who: "allen@wonderland.example",
    endpoint: listAuditEventsEndpoint,
    input: {},
    code: "FORBIDDEN",
  },
  {
    description: "no session reading the audit log",
    who: null,
    endpoint: listAuditEventsEndpoint,
    input: {},
    code: "UNAUTHENTICATED",
  },
];

async function stateDigest() {
  const [projects, disabledUsers, roles] = await Promise.all([
    prisma.project.count(),
    prisma.user.count({ where: { disabled: true } }),
    prisma.projectRole.count(),
  ]);
  return { projects, disabledUsers, roles };
}

describe("the one door refuses, audits the refusal and changes nothing", () => {
  itRefuses(CASES, stateDigest);

  it("audits a refusal with the request's source address", async () => {
    const alice = (await contextFor("alice@wonderland.example")).actor;
    const result = await runEndpoint(listAuditEventsEndpoint, alice, requestMeta("10.9.9.9"), { result: "nonsense" });
    expect(result.ok).toBe(false);
    expect(await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      action: "audit.list",
      sourceIp: "10.9.9.9",
    });
  });

  it("counts a refusal without a session under its source address, unchained", async () => {
    const last = await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    const result = await runEndpoint(listAuditEventsEndpoint, null, requestMeta("10.9.9.10"), {});
    expect(result.ok).toBe(false);
    expect(await prisma.auditEvent.count({ where: { id: { gt: last?.id ?? 0n } } })).toBe(0);
    expect(await prisma.anonymousRefusal.findFirst({ where: { sourceIp: "10.9.9.10" } })).toMatchObject({
      action: "audit.list",
      code: "UNAUTHENTICATED",
      count: 1,
    });
  });

  it("ignores fields a caller may not set (no mass assignment)", async () => {
    const alice = (await contextFor("alice@wonderland.example")).actor;
    const sgTenant = await prisma.tenant.findUniqueOrThrow({ where: { name: "secretgarden" } });
    const result = await runEndpoint(createProjectEndpoint, alice, requestMeta(), {
      name: "Mass_assign",
      tenantId: sgTenant.id,
      ownerId: sam.id,
      securityVersion: 99,
    });
    expect(result.ok).toBe(true);
    const project = await prisma.project.findUniqueOrThrow({ where: { name: "Mass_assign" } });
    expect(project.tenantId).toBe(alice.tenantId);
    expect(project.ownerId).toBe(alice.userId);
    expect(project.securityVersion).toBe(1);
  });
});
