// The tenant's Auditor reads every project of her tenant: each read of a project's security state, by each
// persona. The owner (alice), the Admin (bob) and the auditor (audrey) read; a plain member (allen) is refused
// what he was refused before; another tenant's owner (sam) and another tenant's auditor (mary, made
// SecretGarden's auditor below) find no such project; nobody signed in is refused. Every refusal is audited.
// (That audrey changes nothing is tests/services/auditor-read-only.test.ts.)
import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { checkAccessEndpoint } from "@/lib/services/access/check-access";
import { effectivePermissionsEndpoint } from "@/lib/services/access/effective-permissions";
import { inspectionOptionsEndpoint } from "@/lib/services/access/inspection-options";
import { whoCanAccessEndpoint } from "@/lib/services/access/who-can-access";
import { grantFormOptionsEndpoint } from "@/lib/services/grants/grant-form-options";
import { listGrantsEndpoint } from "@/lib/services/grants/list-grants";
import { suggestNamesEndpoint } from "@/lib/services/grants/suggest-names";
import { columnMatrixEndpoint } from "@/lib/services/labels/column-matrix";
import { describeLabelsEndpoint } from "@/lib/services/labels/describe-labels";
import { listClearancesEndpoint } from "@/lib/services/labels/list-clearances";
import { showLabelGrantsEndpoint } from "@/lib/services/labels/show-label-grants";
import { listMembersEndpoint } from "@/lib/services/members/list-members";
import { describePackageEndpoint } from "@/lib/services/packages/describe-package";
import { listInstalledPackagesEndpoint } from "@/lib/services/packages/list-installed-packages";
import { listPackagesEndpoint } from "@/lib/services/packages/list-packages";
import { getPolicyEndpoint } from "@/lib/services/policies/get-policy";
import { getProjectStandingEndpoint } from "@/lib/services/projects/get-project-standing";
import { listProjectNamesEndpoint } from "@/lib/services/projects/list-project-names";
import { listProjectsEndpoint } from "@/lib/services/projects/list-projects";
import { getRequestEndpoint } from "@/lib/services/requests/get-request";
import { listRequestsEndpoint } from "@/lib/services/requests/list-requests";
import { getRoleEndpoint } from "@/lib/services/roles/get-role";
import { listRolesEndpoint } from "@/lib/services/roles/list-roles";
import { getSecuritySettingsEndpoint } from "@/lib/services/settings/get-security-settings";
import { setTenantRoleEndpoint } from "@/lib/services/tenants/set-tenant-role";
import { getWebhookEndpoint } from "@/lib/services/webhooks/get-webhook";
import { listWhitelistEndpoint } from "@/lib/services/whitelists/list-whitelist";
import { itRefuses, type AnyEndpoint, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();

const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const AUDREY = "audrey@wonderland.example";
const SAM = "sam@secretgarden.example";
const MARY = "mary@secretgarden.example";

const as = (endpoint: unknown) => endpoint as AnyEndpoint;
const call = async (endpoint: unknown, who: string, input: Record<string, unknown>) =>
  runEndpoint(as(endpoint), (await contextFor(who)).actor, requestMeta(), input);

// Another tenant's auditor: sam makes mary SecretGarden's Auditor, through the service, before the cases run.
const mary = await prisma.user.findUniqueOrThrow({ where: { email: MARY } });
const assigned = await call(setTenantRoleEndpoint, SAM, { userId: mary.id, role: "AUDITOR", assigned: "true" });
if (!assigned.ok) throw new Error(JSON.stringify(assigned.error));

const wonderland = await prisma.project.findFirstOrThrow({ where: { name: "WonderLand" } });
const allensRequest = await prisma.accessRequest.findFirstOrThrow({
  where: { projectId: wonderland.id, requester: { email: ALLEN }, status: "PENDING" },
});

const PROJECT = { project: "WonderLand" };
const USER_PROFILE = { ...PROJECT, objectType: "Table", objectName: "user_profile" };

interface ReadCase {
  what: string;
  endpoint: AnyEndpoint;
  input: Record<string, unknown>;
  /** What the plain member gets: what he got before auditors could read (ok: about himself). */
  allen: "ok" | "FORBIDDEN";
  /** What every reader must find in the answer. */
  holds: (data: unknown) => void;
}

const itemsOf = (data: unknown) => (data as { items: unknown[] }).items;
const nonEmpty = (data: unknown) => expect(itemsOf(data).length).toBeGreaterThan(0);

const READS: ReadCase[] = [
  { what: "members", endpoint: as(listMembersEndpoint), input: PROJECT, allen: "FORBIDDEN", holds: nonEmpty },
  { what: "roles", endpoint: as(listRolesEndpoint), input: PROJECT, allen: "FORBIDDEN", holds: nonEmpty },
  {
    what: "a role",
    endpoint: as(getRoleEndpoint),
    input: { ...PROJECT, role: "analyst" },
    allen: "FORBIDDEN",
    holds: (data) => expect(data).toMatchObject({ role: { name: "analyst" } }),
  },
  {
    what: "every grant",
    endpoint: as(listGrantsEndpoint),
    input: { ...PROJECT, principal: "RAM$wonderland:bob" },
    allen: "FORBIDDEN",
    holds: (data) => expect(data).toMatchObject({ subject: { kind: "user" } }),
  },
  {
    what: "an object's ACL",
    endpoint: as(listGrantsEndpoint),
    input: { ...PROJECT, view: "object", objectType: "Table", objectName: "sales_orders" },
    allen: "FORBIDDEN",
    holds: nonEmpty,
  },
  {
    what: "the grant pickers' roles",
    endpoint: as(grantFormOptionsEndpoint),
    input: PROJECT,
    allen: "FORBIDDEN",
    holds: (data) => expect((data as { roles: string[] }).roles).toContain("analyst"),
  },
  {
    what: "the grant pickers' member names",
    endpoint: as(suggestNamesEndpoint),
    input: { ...PROJECT, kind: "member", q: "allen" },
    allen: "FORBIDDEN",
    holds: (data) => expect((data as { names: string[] }).names).toContain("RAM$wonderland:allen"),
  },
  { what: "clearances", endpoint: as(listClearancesEndpoint), input: PROJECT, allen: "FORBIDDEN", holds: nonEmpty },
  {
    what: "the column matrix",
    endpoint: as(columnMatrixEndpoint),
    input: USER_PROFILE,
    allen: "FORBIDDEN",
    holds: (data) => expect((data as { columns: unknown[] }).columns.length).toBeGreaterThan(0),
  },
  {
    what: "who may read a table's labelled data",
    endpoint: as(showLabelGrantsEndpoint),
    input: { ...USER_PROFILE, view: "table" },
    allen: "FORBIDDEN",
    holds: nonEmpty,
  },
  {
    what: "another user's label grants",
    endpoint: as(showLabelGrantsEndpoint),
    input: { ...PROJECT, view: "user", principal: "RAM$wonderland:bob" },
    allen: "FORBIDDEN",
    holds: (data) => expect(itemsOf(data)).toBeInstanceOf(Array),
  },
  {
    what: "a table's labels (DESCRIBE)",
    endpoint: as(describeLabelsEndpoint),
    input: USER_PROFILE,
    allen: "FORBIDDEN",
    holds: (data) => expect((data as { columns: unknown[] }).columns.length).toBe(100),
  },
  {
    what: "the project policy",
    endpoint: as(getPolicyEndpoint),
    input: PROJECT,
    allen: "FORBIDDEN",
    holds: (data) => expect((data as { document: string }).document).toMatch(/Statement/),
  },
  {
    what: "the IP whitelist",
    endpoint: as(listWhitelistEndpoint),
    input: PROJECT,
    allen: "FORBIDDEN",
    holds: (data) => expect((data as { entries: unknown[] }).entries.length).toBeGreaterThan(0),
  },
  {
    what: "the security settings and trusted projects",
    endpoint: as(getSecuritySettingsEndpoint),
    input: PROJECT,
    allen: "FORBIDDEN",
    holds: (data) =>
      expect((data as { trustedProjects: { names: string[] } }).trustedProjects.names.length).toBeGreaterThan(0),
  },
  { what: "packages shared", endpoint: as(listPackagesEndpoint), input: PROJECT, allen: "FORBIDDEN", holds: nonEmpty },
  {
    what: "packages offered",
    endpoint: as(listInstalledPackagesEndpoint),
    input: PROJECT,
    allen: "FORBIDDEN",
    holds: (data) => expect(itemsOf(data)).toBeInstanceOf(Array),
  },
  {
    what: "a package",
    endpoint: as(describePackageEndpoint),
    input: { ...PROJECT, packageName: "wonderland_share" },
    allen: "FORBIDDEN",
    holds: (data) => expect(data).toMatchObject({ side: "provider", name: "wonderland_share" }),
  },
  {
    what: "the project's requests",
    endpoint: as(listRequestsEndpoint),
    input: { ...PROJECT, scope: "project" },
    allen: "FORBIDDEN",
    holds: (data) => expect(itemsOf(data).length).toBeGreaterThanOrEqual(2),
  },
  {
    what: "a member's request",
    endpoint: as(getRequestEndpoint),
    input: { id: allensRequest.id },
    allen: "ok",
    holds: (data) => expect(data).toMatchObject({ id: allensRequest.id, mayDecide: expect.any(Boolean) }),
  },
  {
    what: "someone else's effective permissions",
    endpoint: as(effectivePermissionsEndpoint),
    input: { ...PROJECT, principal: "RAM$wonderland:allen" },
    allen: "ok",
    holds: nonEmpty,
  },
  {
    what: "someone else's effective permissions (not the caller's)",
    endpoint: as(effectivePermissionsEndpoint),
    input: { ...PROJECT, principal: "RAM$wonderland:bob" },
    allen: "FORBIDDEN",
    holds: nonEmpty,
  },
  {
    what: "who can access a table",
    endpoint: as(whoCanAccessEndpoint),
    input: { project: "WonderLand", objectName: "user_profile" },
    allen: "FORBIDDEN",
    holds: (data) => expect((data as { allowedCount: number; items: unknown[] }).items.length).toBeGreaterThan(0),
  },
  {
    what: "the webhook (never its secret)",
    endpoint: as(getWebhookEndpoint),
    input: PROJECT,
    allen: "FORBIDDEN",
    holds: (data) => expect(JSON.stringify(data)).not.toMatch(/secret/i),
  },
];

describe("who reads a project's security state", () => {
  it("covers the reads", () => expect(READS.length).toBeGreaterThan(20));

  for (const read of READS) {
    const readers = [ALICE, BOB, AUDREY, ...(read.allen === "ok" ? [ALLEN] : [])];
    for (const who of readers) {
      it(`${read.endpoint.name} (${read.what}): ${who.split("@")[0]} reads it, and a read writes no audit row`, async () => {
        const { actor } = await contextFor(who);
        const rowsBefore = await prisma.auditEvent.count({ where: { chainId: actor.tenantId } });
        const result = await runEndpoint(read.endpoint, actor, requestMeta(), read.input);
        expect(result.ok, JSON.stringify(result).slice(0, 400)).toBe(true);
        if (!result.ok) return;
        read.holds(result.data);
        expect(await prisma.auditEvent.count({ where: { chainId: actor.tenantId } })).toBe(rowsBefore);
      });
    }
  }
});

/** What any of these reads could change, were one to write: nothing should. */
const state = async () => ({
  members: await prisma.projectMember.count(),
  grants: await prisma.aclGrant.count(),
  labelGrants: await prisma.labelGrant.count(),
  requests: await prisma.accessRequest.count(),
});

describe("who is refused, each refusal audited", () => {
  const refusals: RefusalCase[] = READS.flatMap((read): RefusalCase[] => [
    ...(read.allen === "FORBIDDEN"
      ? [
          {
            description: `${read.what}: allen, a plain member`,
            who: ALLEN,
            endpoint: read.endpoint,
            input: read.input,
            code: "FORBIDDEN" as const,
          },
        ]
      : []),
    {
      description: `${read.what}: sam, another tenant's owner`,
      who: SAM,
      endpoint: read.endpoint,
      input: read.input,
      code: "NOT_FOUND",
    },
    {
      description: `${read.what}: mary, another tenant's auditor`,
      who: MARY,
      endpoint: read.endpoint,
      input: read.input,
      code: "NOT_FOUND",
    },
    {
      description: `${read.what}: nobody signed in`,
      who: null,
      endpoint: read.endpoint,
      input: read.input,
      code: "UNAUTHENTICATED",
    },
  ]);
  itRefuses(refusals, state);
});

describe("the auditor's scope", () => {
  it("audrey's pickers and project list hold every project of her tenant, and no other tenant's", async () => {
    const names = await call(listProjectNamesEndpoint, AUDREY, {});
    expect(names).toMatchObject({ ok: true, data: ["WonderLand", "WonderLand_dev"] });
    const listed = await call(listProjectsEndpoint, AUDREY, {});
    expect(listed.ok && (listed.data as { items: { name: string }[] }).items.map((item) => item.name)).toEqual([
      "WonderLand",
      "WonderLand_dev",
    ]);
    const marys = await call(listProjectNamesEndpoint, MARY, {});
    expect(marys).toMatchObject({ ok: true, data: ["SecretGarden"] });
  });

  it("the pages' standing: audrey reads only, bob administers, allen neither", async () => {
    const standing = async (who: string) => {
      const result = await call(getProjectStandingEndpoint, who, PROJECT);
      return result.ok ? result.data : result.error.code;
    };
    expect(await standing(AUDREY)).toEqual({ project: "WonderLand", administers: false, readOnly: true });
    expect(await standing(BOB)).toEqual({ project: "WonderLand", administers: true, readOnly: false });
    expect(await standing(ALLEN)).toEqual({ project: "WonderLand", administers: false, readOnly: false });
    expect(await standing(MARY)).toBe("NOT_FOUND");
  });

  it("audrey inspects anyone's access in the check-access forms, and checks her own: Deny by Identity (no member)", async () => {
    const options = await call(inspectionOptionsEndpoint, AUDREY, PROJECT);
    expect(options).toMatchObject({ ok: true, data: { mayInspectOthers: true } });
    const own = await call(checkAccessEndpoint, AUDREY, {
      ...USER_PROFILE,
      principal: AUDREY,
      action: "Select",
    });
    expect(own).toMatchObject({ ok: true, data: { decision: { effect: "Deny", decidedBy: "Identity" } } });
  });

  it("an auditor who loses the role loses the reads at once", async () => {
    const lost = await call(setTenantRoleEndpoint, SAM, { userId: mary.id, role: "AUDITOR", assigned: "false" });
    expect(lost.ok).toBe(true);
    const audrey = await prisma.user.findUniqueOrThrow({ where: { email: AUDREY } });
    const revoked = await call(setTenantRoleEndpoint, ALICE, { userId: audrey.id, role: "AUDITOR", assigned: "false" });
    expect(revoked.ok).toBe(true);
    try {
      expect(await call(listMembersEndpoint, AUDREY, PROJECT)).toMatchObject({
        ok: false,
        error: { code: "FORBIDDEN" },
      });
      expect(await call(listProjectNamesEndpoint, AUDREY, {})).toMatchObject({ ok: true, data: [] });
    } finally {
      await call(setTenantRoleEndpoint, ALICE, { userId: audrey.id, role: "AUDITOR", assigned: "true" });
    }
    expect(await call(listMembersEndpoint, AUDREY, PROJECT)).toMatchObject({ ok: true });
  });
});
