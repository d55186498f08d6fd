import { describe, expect, it } from "vitest";
import { decide } from "@/lib/authz";
import { projectIndex } from "@/lib/decision-index/project-index";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { assignRoleEndpoint } from "@/lib/services/roles/assign-role";
import { createRoleEndpoint } from "@/lib/services/roles/create-role";
import { dropRoleEndpoint } from "@/lib/services/roles/drop-role";
import { getRoleEndpoint, type RoleDetail } from "@/lib/services/roles/get-role";
import { listRolesEndpoint, type RoleSummary } from "@/lib/services/roles/list-roles";
import { revokeRoleEndpoint } from "@/lib/services/roles/revoke-role";
import { itRefuses } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();

const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const AUDREY = "audrey@wonderland.example";
const SAM = "sam@secretgarden.example";
const idOf = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
const actorOf = async (email: string) => (await contextFor(email)).actor;
const projectOf = (name: string) => prisma.project.findUniqueOrThrow({ where: { name } });

/** Everything roles touch, so a refusal can be shown to have changed nothing. */
async function roleState() {
  const [roles, assignments, grants, policies, versions] = await Promise.all([
    prisma.projectRole.findMany({ orderBy: { id: "asc" } }),
    prisma.roleAssignment.findMany({ orderBy: [{ roleId: "asc" }, { userId: "asc" }] }),
    prisma.aclGrant.count(),
    prisma.policy.count(),
    prisma.project.findMany({ orderBy: { id: "asc" }, select: { securityVersion: true } }),
  ]);
  return { roles, assignments, grants, policies, versions };
}

type Endpoint =
  typeof createRoleEndpoint | typeof dropRoleEndpoint | typeof assignRoleEndpoint | typeof revokeRoleEndpoint;
type Case = {
  description: string;
  caller: string;
  endpoint: Endpoint;
  input: () => Promise<Record<string, unknown>>;
  code?: "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID_INPUT";
  field?: string;
  message?: RegExp;
};

const CASES: Case[] = [
  // Creating roles
  {
    description: "alice creates the custom role reviewer",
    caller: ALICE,
    endpoint: createRoleEndpoint,
    input: async () => ({ project: "WonderLand", name: "reviewer", description: "Reviews reports." }),
  },
  {
    description: "bob (Admin) creates a custom role",
    caller: BOB,
    endpoint: createRoleEndpoint,
    input: async () => ({ project: "WonderLand", name: "bob_helpers" }),
  },
  {
    description: "role names are unique whatever their case",
    caller: ALICE,
    endpoint: createRoleEndpoint,
    input: async () => ({ project: "WonderLand", name: "Reviewer" }),
    code: "CONFLICT",
    field: "name",
  },
  {
    description: "a name with other characters",
    caller: ALICE,
    endpoint: createRoleEndpoint,
    input: async () => ({ project: "WonderLand", name: "data-readers" }),
    code: "INVALID_INPUT",
    field: "name",
  },
  {
    description: "a name starting with a digit",
    caller: ALICE,
    endpoint: createRoleEndpoint,
    input: async () => ({ project: "WonderLand", name: "1st_line" }),
    code: "INVALID_INPUT",
    field: "name",
  },
  {
    description: "Owner is not a role",
    caller: ALICE,
    endpoint: createRoleEndpoint,
    input: async () => ({ project: "WonderLand", name: "owner" }),
    code: "INVALID_INPUT",
    field: "name",
  },
  {
    description: "nobody creates a built-in role",
    caller: ALICE,
    endpoint: createRoleEndpoint,
    input: async () => ({ project: "WonderLand", name: "Admin" }),
    code: "FORBIDDEN",
    message: /Admin is a built-in role/,
  },
  {
    description: "allen, an ordinary member, may not create roles",
    caller: ALLEN,
    endpoint: createRoleEndpoint,
    input: async () => ({ project: "WonderLand", name: "sneaky" }),
    code: "FORBIDDEN",
  },
  {
    description: "sam creating a role in WonderLand finds nothing",
    caller: SAM,
    endpoint: createRoleEndpoint,
    input: async () => ({ project: "WonderLand", name: "sneaky" }),
    code: "NOT_FOUND",
  },

  // Assigning roles
  {
    description: "alice assigns reviewer to allen",
    caller: ALICE,
    endpoint: assignRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "reviewer", userId: await idOf(ALLEN) }),
  },
  {
    description: "bob (Admin) assigns a custom role",
    caller: BOB,
    endpoint: assignRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "BOB_HELPERS", userId: await idOf(ALLEN) }),
  },
  {
    description: "a role held already",
    caller: ALICE,
    endpoint: assignRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "reviewer", userId: await idOf(ALLEN) }),
    code: "CONFLICT",
    field: "userId",
  },
  {
    description: "bob (Admin) may not assign Admin",
    caller: BOB,
    endpoint: assignRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "Admin", userId: await idOf(ALLEN) }),
    code: "FORBIDDEN",
    message: /Only the owner or Super_Administrator may assign or revoke the Admin role/,
  },
  {
    description: "bob (Admin) may not assign Super_Administrator",
    caller: BOB,
    endpoint: assignRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "Super_Administrator", userId: await idOf(ALLEN) }),
    code: "FORBIDDEN",
    message: /Only the owner or Super_Administrator may assign or revoke the Super_Administrator role/,
  },
  {
    description: "a role goes only to members",
    caller: ALICE,
    endpoint: assignRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "reviewer", userId: await idOf(AUDREY) }),
    code: "FORBIDDEN",
    message: /is not a member of project wonderland/,
  },
  {
    description: "a role that does not exist",
    caller: ALICE,
    endpoint: assignRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "ghosts", userId: await idOf(ALLEN) }),
    code: "FORBIDDEN",
    message: /Role ghosts does not exist/,
  },
  {
    description: "allen may not assign roles",
    caller: ALLEN,
    endpoint: assignRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "reviewer", userId: await idOf(ALLEN) }),
    code: "FORBIDDEN",
  },
  {
    description: "sam assigning in WonderLand finds nothing",
    caller: SAM,
    endpoint: assignRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "reviewer", userId: await idOf(SAM) }),
    code: "NOT_FOUND",
  },
  {
    description: "the owner assigns Admin",
    caller: ALICE,
    endpoint: assignRoleEndpoint,
    input: async () => ({ project: "WonderLand_dev", role: "Admin", userId: await idOf(ALLEN) }),
  },

  // Revoking roles
  {
    description: "bob (Admin) may not revoke his own Admin role",
    caller: BOB,
    endpoint: revokeRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "Admin", userId: await idOf(BOB) }),
    code: "FORBIDDEN",
    message: /Only the owner or Super_Administrator may assign or revoke the Admin role/,
  },
  {
    description: "bob (Admin) revokes a custom role",
    caller: BOB,
    endpoint: revokeRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "bob_helpers", userId: await idOf(ALLEN) }),
  },
  {
    description: "revoking a role the user does not hold",
    caller: ALICE,
    endpoint: revokeRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "bob_helpers", userId: await idOf(ALLEN) }),
    code: "NOT_FOUND",
  },
  {
    description: "sam revoking in WonderLand finds nothing",
    caller: SAM,
    endpoint: revokeRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "Admin", userId: await idOf(BOB) }),
    code: "NOT_FOUND",
  },

  // Dropping roles
  {
    description: "built-in roles cannot be dropped",
    caller: ALICE,
    endpoint: dropRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "Super_Administrator" }),
    code: "FORBIDDEN",
    message: /Super_Administrator is a built-in role/,
  },
  {
    description: "a role still assigned cannot be dropped",
    caller: ALICE,
    endpoint: dropRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "analyst" }),
    code: "CONFLICT",
    message: /still assigned to 1 user/,
  },
  {
    description: "allen may not drop roles",
    caller: ALLEN,
    endpoint: dropRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "bob_helpers" }),
    code: "FORBIDDEN",
  },
  {
    description: "sam dropping in WonderLand finds nothing",
    caller: SAM,
    endpoint: dropRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "bob_helpers" }),
    code: "NOT_FOUND",
  },
  {
    description: "a role that does not exist",
    caller: ALICE,
    endpoint: dropRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "ghosts" }),
    code: "NOT_FOUND",
  },
  {
    description: "bob (Admin) drops an unassigned custom role",
    caller: BOB,
    endpoint: dropRoleEndpoint,
    input: async () => ({ project: "WonderLand", role: "bob_helpers" }),
  },
];

describe("custom roles and role assignments: who may, and what the audit log says", () => {
  for (const testCase of CASES) {
    it(`${testCase.description}${testCase.code ? ` → ${testCase.code}` : ""}`, async () => {
      const input = await testCase.input();
      const before = await roleState();
      const versionBefore = (await projectOf(String(input.project))).securityVersion;
      const result = await runEndpoint(
        testCase.endpoint as never,
        await actorOf(testCase.caller),
        requestMeta(),
        input,
      );
      const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(audit.action).toBe(testCase.endpoint.name);
      if (!testCase.code) {
        expect(result.ok, JSON.stringify(result)).toBe(true);
        const project = await projectOf(String(input.project));
        expect(audit).toMatchObject({ result: "SUCCESS", projectId: project.id });
        expect(project.securityVersion).toBe(versionBefore + 1);
        return;
      }
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(testCase.code);
      if (testCase.field) expect(result.error.fieldErrors?.[testCase.field]?.[0]).toBeTruthy();
      if (testCase.message) expect(result.error.message).toMatch(testCase.message);
      expect(audit.result).toBe(
        testCase.code === "INVALID_INPUT" || testCase.code === "CONFLICT" ? "FAILED" : "DENIED",
      );
      expect(audit.reason).toContain(testCase.code);
      expect(await roleState()).toEqual(before);
    });
  }
});

describe("a role's privileges follow its assignment on the very next decision", () => {
  const allenReadsClickLog = async () => {
    const allen = await prisma.user.findUniqueOrThrow({ where: { email: ALLEN } });
    const index = await projectIndex((await projectOf("WonderLand")).id);
    return decide(index!, {
      principal: { userId: allen.id, accountId: allen.tenantId, kind: "sub", disabled: false },
      project: "WonderLand",
      action: "Select",
      object: { type: "Table", name: "ods_click_log" },
      context: { sourceIp: "127.0.0.1", time: Date.now() },
    }).effect;
  };
  const call = async (endpoint: typeof assignRoleEndpoint | typeof revokeRoleEndpoint) =>
    runEndpoint(endpoint, await actorOf(BOB), requestMeta(), {
      project: "WonderLand",
      role: "etl_writer",
      userId: await idOf(ALLEN),
    });

  it("etl_writer given to allen lets him read ods_click_log; revoked, it does not", async () => {
    expect(await allenReadsClickLog()).toBe("Deny");
    expect((await call(assignRoleEndpoint)).ok).toBe(true);
    expect(await allenReadsClickLog()).toBe("Allow");
    expect((await call(revokeRoleEndpoint)).ok).toBe(true);
    expect(await allenReadsClickLog()).toBe("Deny");
  });

  it("dropping a role takes its grants and policy with it", async () => {
    const alice = await actorOf(ALICE);
    const project = await projectOf("WonderLand");
    expect(
      (await runEndpoint(createRoleEndpoint, alice, requestMeta(), { project: "WonderLand", name: "short_lived" })).ok,
    ).toBe(true);
    const role = await prisma.projectRole.findFirstOrThrow({ where: { projectId: project.id, name: "short_lived" } });
    await prisma.aclGrant.create({
      data: {
        projectId: project.id,
        objectType: "PROJECT",
        privilege: "List",
        granteeRoleId: role.id,
        grantedById: alice.userId,
      },
    });
    const document = {
      Version: "1",
      Statement: [{ Effect: "Deny", Action: ["odps:Drop"], Resource: ["acs:odps:*:projects/WonderLand/tables/*"] }],
    };
    await prisma.policy.create({
      data: { projectId: project.id, roleId: role.id, document, updatedById: alice.userId },
    });
    const dropped = await runEndpoint(dropRoleEndpoint, alice, requestMeta(), {
      project: "WonderLand",
      role: "short_lived",
    });
    expect(dropped.ok, JSON.stringify(dropped)).toBe(true);
    expect(await prisma.aclGrant.count({ where: { granteeRoleId: role.id } })).toBe(0);
    expect(await prisma.policy.count({ where: { roleId: role.id } })).toBe(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "role.drop", result: "SUCCESS", targetName: "short_lived" });
    expect(audit.before).toMatchObject({ grants: 1, policyVersion: 1 });
  });
});

describe("reading roles", () => {
  it("lists the Owner pseudo-role first, then the built-in and custom roles, paged on the server", async () => {
    const result = await runEndpoint(listRolesEndpoint, await actorOf(BOB), requestMeta(), {
      project: "WonderLand",
      pageSize: 3,
    });
    expect(result.ok).toBe(true);
    const page1 = (result as { data: { items: RoleSummary[]; total: number } }).data;
    expect(page1.total).toBe(6); // Owner, Super_Administrator, Admin, analyst, etl_writer, reviewer
    expect(page1.items.map((role) => [role.name, role.kind])).toEqual([
      ["Owner", "Owner"],
      ["Super_Administrator", "Super_Administrator"],
      ["Admin", "Admin"],
    ]);
    expect(page1.items[0]).toMatchObject({ id: null, owner: "ALIYUN$alice@wonderland.example", members: 1 });
    expect(page1.items[2]).toMatchObject({ members: 1, dormantMembers: 0 });
    const page2 = (await runEndpoint(listRolesEndpoint, await actorOf(BOB), requestMeta(), {
      project: "WonderLand",
      pageSize: 3,
      page: 2,
    })) as { ok: true; data: { items: RoleSummary[] } };
    expect(page2.data.items.map((role) => role.name)).toEqual(["analyst", "etl_writer", "reviewer"]);
    expect(page2.data.items[0]).toMatchObject({ kind: "Custom", members: 1, grants: 7, hasPolicy: true });
  });

  it("filters custom roles and searches by name", async () => {
    const custom = (await runEndpoint(listRolesEndpoint, await actorOf(ALICE), requestMeta(), {
      project: "WonderLand",
      type: "custom",
      sort: "name",
      dir: "desc",
    })) as { ok: true; data: { items: RoleSummary[]; total: number } };
    expect(custom.data.items.map((role) => role.name)).toEqual(["reviewer", "etl_writer", "analyst"]);
    const search = (await runEndpoint(listRolesEndpoint, await actorOf(ALICE), requestMeta(), {
      project: "WonderLand",
      q: "own",
    })) as { ok: true; data: { items: RoleSummary[]; total: number } };
    expect(search.data).toMatchObject({ total: 1, items: [{ name: "Owner" }] });
  });

  it("shows a role's members, grants and policy", async () => {
    const result = await runEndpoint(getRoleEndpoint, await actorOf(ALICE), requestMeta(), {
      project: "WonderLand",
      role: "ANALYST",
    });
    expect(result.ok).toBe(true);
    const detail = (result as { data: RoleDetail }).data;
    expect(detail.role).toMatchObject({ name: "analyst", kind: "Custom" });
    expect(detail.members).toMatchObject([{ principal: "RAM$wonderland:allen", active: true }]);
    expect(detail.grants.total).toBe(7);
    expect(detail.grants.items.map((grant) => `${grant.objectType} ${grant.objectName} ${grant.privilege}`)).toContain(
      "TABLE sales_orders Select",
    );
    expect(JSON.parse(detail.policy!.document)).toMatchObject({
      Statement: [{ Effect: "Deny", Action: ["odps:Download"] }],
    });
  });

  itRefuses(
    [
      {
        description: "allen listing roles",
        who: ALLEN,
        endpoint: listRolesEndpoint,
        input: { project: "WonderLand" },
        code: "FORBIDDEN",
      },
      {
        description: "bob listing WonderLand_dev's roles, where he is only a member",
        who: BOB,
        endpoint: listRolesEndpoint,
        input: { project: "WonderLand_dev" },
        code: "FORBIDDEN",
      },
      {
        description: "sam listing WonderLand's roles",
        who: SAM,
        endpoint: listRolesEndpoint,
        input: { project: "WonderLand" },
        code: "NOT_FOUND",
      },
      {
        description: "sam reading a WonderLand role",
        who: SAM,
        endpoint: getRoleEndpoint,
        input: { project: "WonderLand", role: "analyst" },
        code: "NOT_FOUND",
      },
      {
        description: "a role that does not exist",
        who: ALICE,
        endpoint: getRoleEndpoint,
        input: { project: "WonderLand", role: "Owner" },
        code: "NOT_FOUND",
      },
    ],
    roleState,
  );
});
