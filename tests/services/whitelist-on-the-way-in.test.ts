import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { bumpAllSecurityVersions } from "@/lib/decision-index/security-version";
import { checkAccessEndpoint } from "@/lib/services/access/check-access";
import { effectivePermissionsEndpoint } from "@/lib/services/access/effective-permissions";
import { whoCanAccessEndpoint } from "@/lib/services/access/who-can-access";
import { listAuditEventsEndpoint } from "@/lib/services/audit/list-audit-events";
import { getObjectEndpoint } from "@/lib/services/catalog/get-object";
import { listObjectsEndpoint } from "@/lib/services/catalog/list-objects";
import { listGrantsEndpoint } from "@/lib/services/grants/list-grants";
import { suggestNamesEndpoint } from "@/lib/services/grants/suggest-names";
import { whoAmIEndpoint } from "@/lib/services/me/who-am-i";
import { addMemberEndpoint } from "@/lib/services/members/add-member";
import { listMembersEndpoint } from "@/lib/services/members/list-members";
import { getPolicyEndpoint } from "@/lib/services/policies/get-policy";
import { createProjectEndpoint } from "@/lib/services/projects/create-project";
import { listProjectsEndpoint } from "@/lib/services/projects/list-projects";
import { getRoleEndpoint } from "@/lib/services/roles/get-role";
import { listRolesEndpoint } from "@/lib/services/roles/list-roles";
import { getSecuritySettingsEndpoint } from "@/lib/services/settings/get-security-settings";
import { createSubAccountEndpoint } from "@/lib/services/tenants/create-sub-account";
import { setTenantRoleEndpoint } from "@/lib/services/tenants/set-tenant-role";
import { listWhitelistEndpoint } from "@/lib/services/whitelists/list-whitelist";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const allen = await prisma.user.findUniqueOrThrow({ where: { email: "allen@wonderland.example" } });

type AnyEndpoint = EndpointDefinition<never, unknown>;
const as = (endpoint: unknown) => endpoint as AnyEndpoint;

const ALICE = "alice@wonderland.example";
/** WonderLand's whitelist: 10.0.0.0/8, a VPN range, 127.0.0.1, ::1 and 2001:db8::/32. */
const INSIDE = "127.0.0.1";
const OUTSIDE = "203.0.113.9";

async function call(endpoint: AnyEndpoint, email: string, input: Record<string, unknown>, sourceIp: string) {
  const { actor } = await contextFor(email);
  return runEndpoint(endpoint, actor, requestMeta(sourceIp), input);
}

async function lastAudit() {
  return prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
}

/** Every administrative read of WonderLand (the owner may make each of them from inside its whitelist). */
const PROJECT_READS: { name: string; endpoint: AnyEndpoint; input: Record<string, unknown> }[] = [
  { name: "members", endpoint: as(listMembersEndpoint), input: { project: "WonderLand" } },
  { name: "roles", endpoint: as(listRolesEndpoint), input: { project: "WonderLand" } },
  { name: "one role", endpoint: as(getRoleEndpoint), input: { project: "WonderLand", role: "analyst" } },
  { name: "the policy and its history", endpoint: as(getPolicyEndpoint), input: { project: "WonderLand" } },
  { name: "the whitelist itself", endpoint: as(listWhitelistEndpoint), input: { project: "WonderLand" } },
  { name: "security settings", endpoint: as(getSecuritySettingsEndpoint), input: { project: "WonderLand" } },
  { name: "grants", endpoint: as(listGrantsEndpoint), input: { project: "WonderLand" } },
  { name: "suggestions", endpoint: as(suggestNamesEndpoint), input: { project: "WonderLand", kind: "member", q: "a" } },
  {
    name: "who can access",
    endpoint: as(whoCanAccessEndpoint),
    input: { project: "WonderLand", objectName: "user_profile" },
  },
  { name: "effective permissions", endpoint: as(effectivePermissionsEndpoint), input: { project: "WonderLand" } },
  {
    name: "check access",
    endpoint: as(checkAccessEndpoint),
    input: { project: "WonderLand", principal: ALICE, action: "Select", objectType: "Table", objectName: "dim_region" },
  },
  { name: "the catalog", endpoint: as(listObjectsEndpoint), input: { project: "WonderLand" } },
  {
    name: "one object",
    endpoint: as(getObjectEndpoint),
    input: { project: "WonderLand", type: "Table", name: "dim_region" },
  },
];

describe("the project whitelist applies to every project-scoped call, reads included", () => {
  for (const read of PROJECT_READS) {
    it(`${read.endpoint.name} (${read.name}): from ${OUTSIDE}, outside WonderLand's whitelist → 403, audited`, async () => {
      const result = await call(read.endpoint, ALICE, read.input, OUTSIDE);
      expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      if (!result.ok)
        expect(result.error.message).toMatch(/203\.0\.113\.9 is not in the IP whitelist of project wonderland/);
      expect(await lastAudit()).toMatchObject({ action: read.endpoint.name, result: "DENIED", sourceIp: OUTSIDE });
    });

    it(`${read.endpoint.name} (${read.name}): from ${INSIDE}, inside it → allowed`, async () => {
      const result = await call(read.endpoint, ALICE, read.input, INSIDE);
      expect(result.ok).toBe(true);
    });
  }

  it("a write from outside is refused the same way, before anything else is looked at", async () => {
    const result = await call(
      as(addMemberEndpoint),
      ALICE,
      { project: "WonderLand", email: "nobody@example.com" },
      OUTSIDE,
    );
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("a project without a whitelist is not restricted", async () => {
    const result = await call(as(listMembersEndpoint), ALICE, { project: "WonderLand_dev" }, OUTSIDE);
    expect(result.ok).toBe(true);
  });

  it("check access's sourceIp is the inspected principal's hypothetical address, not the caller's", async () => {
    const result = await call(
      as(checkAccessEndpoint),
      ALICE,
      {
        project: "WonderLand",
        principal: ALICE,
        action: "Select",
        objectType: "Table",
        objectName: "dim_region",
        sourceIp: OUTSIDE,
      },
      INSIDE,
    );
    expect(result).toMatchObject({
      ok: true,
      data: { decision: { effect: "Deny", decidedBy: "Whitelist" }, request: { sourceIp: OUTSIDE } },
    });
  });
});

/** Calls that are not about one project: the system whitelist is checked for them at the door. */
const ACCOUNT_CALLS: { name: string; who: string; endpoint: AnyEndpoint; input: Record<string, unknown> }[] = [
  { name: "who am I (/api/v1/me)", who: "allen@wonderland.example", endpoint: as(whoAmIEndpoint), input: {} },
  { name: "projects", who: ALICE, endpoint: as(listProjectsEndpoint), input: {} },
  { name: "create a project", who: ALICE, endpoint: as(createProjectEndpoint), input: { name: "Blocked_p" } },
  { name: "the audit log", who: ALICE, endpoint: as(listAuditEventsEndpoint), input: {} },
  {
    name: "create a sub-account",
    who: ALICE,
    endpoint: as(createSubAccountEndpoint),
    input: {
      name: "blocked",
      email: "blocked@wonderland.example",
      displayName: "Blocked",
      password: "a-long-enough-password-42",
    },
  },
  {
    name: "set a tenant role",
    who: ALICE,
    endpoint: as(setTenantRoleEndpoint),
    input: { userId: allen.id, role: "AUDITOR", assigned: "true" },
  },
  ...PROJECT_READS.map((read) => ({ ...read, who: ALICE })),
];

describe("the system whitelist applies to every call", () => {
  beforeAll(async () => {
    await prisma.$transaction(async (tx) => {
      await tx.whitelistEntry.create({
        data: { scope: "SYSTEM", value: "10.0.0.0/8", description: "Corporate network only", createdById: allen.id },
      });
      await bumpAllSecurityVersions(tx);
    });
  });
  afterAll(async () => {
    await prisma.$transaction(async (tx) => {
      await tx.whitelistEntry.deleteMany({ where: { scope: "SYSTEM" } });
      await bumpAllSecurityVersions(tx);
    });
  });

  for (const accountCall of ACCOUNT_CALLS) {
    it(`${accountCall.endpoint.name} (${accountCall.name}): from ${INSIDE}, outside the system whitelist → 403, audited`, async () => {
      const result = await call(accountCall.endpoint, accountCall.who, accountCall.input, INSIDE);
      expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      if (!result.ok) expect(result.error.message).toMatch(/127\.0\.0\.1 is not in the system-level IP whitelist/);
      expect(await lastAudit()).toMatchObject({ action: accountCall.endpoint.name, result: "DENIED" });
    });
  }

  it("from inside both lists the same caller is let through", async () => {
    expect((await call(as(whoAmIEndpoint), "allen@wonderland.example", {}, "10.1.2.3")).ok).toBe(true);
    expect((await call(as(listMembersEndpoint), ALICE, { project: "WonderLand" }, "10.1.2.3")).ok).toBe(true);
  });
});
