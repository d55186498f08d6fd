import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { createProjectEndpoint } from "@/lib/services/projects/create-project";
import { setUserDisabledEndpoint } from "@/lib/services/tenants/set-user-disabled";
import { listAuditEventsEndpoint } from "@/lib/services/audit/list-audit-events";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const bob = await prisma.user.findUniqueOrThrow({ where: { email: "bob@wonderland.example" } });
const sam = await prisma.user.findUniqueOrThrow({ where: { email: "sam@secretgarden.example" } });

/** Who calls, with what, and what the one door must answer. */
const CASES = [
  { description: "no session", caller: null, endpoint: createProjectEndpoint, input: { name: "Sneaky_p" }, code: "UNAUTHENTICATED" },
  { description: "a sub-account (only the account owner creates projects)", caller: "bob@wonderland.example", endpoint: createProjectEndpoint, input: { name: "Sneaky_p" }, code: "FORBIDDEN" },
  { description: "a bad project name", caller: "alice@wonderland.example", endpoint: createProjectEndpoint, input: { name: "1 bad name" }, code: "INVALID_INPUT", field: "name" },
  { description: "a taken project name", caller: "alice@wonderland.example", endpoint: createProjectEndpoint, input: { name: "SecretGarden" }, code: "CONFLICT", field: "name" },
  { description: "no session disabling a user", caller: null, endpoint: setUserDisabledEndpoint, input: { userId: bob.id, disabled: "true" }, code: "UNAUTHENTICATED" },
  { description: "the other tenant's owner disabling a WonderLand user", caller: "sam@secretgarden.example", endpoint: setUserDisabledEndpoint, input: { userId: bob.id, disabled: "true" }, code: "NOT_FOUND" },
  { description: "a project admin without tenant rights", caller: "bob@wonderland.example", endpoint: setUserDisabledEndpoint, input: { userId: bob.id, disabled: "true" }, code: "FORBIDDEN" },
  { description: "an ordinary member", caller: "allen@wonderland.example", endpoint: setUserDisabledEndpoint, input: { userId: bob.id, disabled: "true" }, code: "FORBIDDEN" },
  { description: "an owner disabling another account's owner", caller: "alice@wonderland.example", endpoint: setUserDisabledEndpoint, input: { userId: sam.id, disabled: "true" }, code: "NOT_FOUND" },
  { description: "a non-auditor reading the audit log", caller: "allen@wonderland.example", endpoint: listAuditEventsEndpoint, input: {}, code: "FORBIDDEN" },
  { description: "no session reading the audit log", caller: null, endpoint: listAuditEventsEndpoint, input: {}, code: "UNAUTHENTICATED" },
] as const;

async function stateDigest() {
  const [projects, disabledUsers, roles] = await Promise.all([
    prisma.project.count(),
    prisma.user.count({ where: { disabled: true } }),
    prisma.projectRole.count(),
  ]);
  return { projects, disabledUsers, roles };
}

describe("the one door refuses, audits the refusal and changes nothing", () => {
  for (const testCase of CASES) {
    it(`${testCase.endpoint.name}: ${testCase.description} → ${testCase.code}`, async () => {
      const actor = testCase.caller ? (await contextFor(testCase.caller)).actor : null;
      const before = await stateDigest();
      const auditBefore = await prisma.auditEvent.count();
      const result = await runEndpoint(testCase.endpoint as never, actor, requestMeta("10.9.9.9"), testCase.input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(testCase.code);
      if ("field" in testCase) expect(result.error.fieldErrors?.[testCase.field]?.length).toBeGreaterThan(0);
      expect(await stateDigest()).toEqual(before);
      const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
      expect(await prisma.auditEvent.count()).toBe(auditBefore + 1);
      expect(audit.action).toBe(testCase.endpoint.name);
      expect(audit.result).toBe(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"].includes(testCase.code) ? "DENIED" : "FAILED");
      expect(audit.sourceIp).toBe("10.9.9.9");
    });
  }

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
