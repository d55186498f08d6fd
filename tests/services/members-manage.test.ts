import { describe, expect, it } from "vitest";
import { decide, type AccessRequest } from "@/lib/authz";
import { projectIndex } from "@/lib/decision-index/project-index";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { addMemberEndpoint } from "@/lib/services/members/add-member";
import { listMembersEndpoint, type MemberSummary } from "@/lib/services/members/list-members";
import { removeMemberEndpoint, type RemovedMember } from "@/lib/services/members/remove-member";
import type { AddedMember } from "@/lib/services/members/add-member";
import { itRefuses } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const secretGarden = await prisma.tenant.findUniqueOrThrow({ where: { name: "secretgarden" } });
// A RAM user of the other account: MaxCompute never lets one into a project of another account.
await prisma.user.create({
  data: {
    tenantId: secretGarden.id,
    kind: "SUB",
    name: "gardener",
    email: "gardener@secretgarden.example",
    displayName: "Gardener",
    passwordHash: "unused",
  },
});

const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";
const idOf = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
const actorOf = async (email: string) => (await contextFor(email)).actor;
const projectOf = (name: string) => prisma.project.findUniqueOrThrow({ where: { name } });

/** Everything membership touches, so a refusal can be shown to have changed nothing. */
async function membershipState() {
  const [members, grants, labelGrants, roles, versions] = await Promise.all([
    prisma.projectMember.findMany({ orderBy: { id: "asc" } }),
    prisma.aclGrant.count(),
    prisma.labelGrant.count(),
    prisma.roleAssignment.count(),
    prisma.project.findMany({ orderBy: { id: "asc" }, select: { securityVersion: true } }),
  ]);
  return { members, grants, labelGrants, roles, versions };
}

type Case = {
  description: string;
  caller: string;
  endpoint: typeof addMemberEndpoint | typeof removeMemberEndpoint;
  input: () => Promise<Record<string, unknown>>;
  code?: "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID_INPUT";
  field?: string;
  message?: RegExp;
};

const CASES: Case[] = [
  {
    description: "alice adds sam, another account's primary account, to WonderLand_dev",
    caller: ALICE,
    endpoint: addMemberEndpoint,
    input: async () => ({ project: "WonderLand_dev", email: SAM }),
  },
  {
    description: "bob (Admin) adds audrey, a RAM user of wonderland",
    caller: BOB,
    endpoint: addMemberEndpoint,
    input: async () => ({ project: "WonderLand", email: "Audrey@WonderLand.example" }),
  },
  {
    description:
      "nobody adds a RAM user of secretgarden, answered as an email no one has (it is not alice's to know of)",
    caller: ALICE,
    endpoint: addMemberEndpoint,
    input: async () => ({ project: "WonderLand", email: "gardener@secretgarden.example" }),
    code: "INVALID_INPUT",
    field: "email",
    message: /^No account has this email\.$/,
  },
  {
    description: "allen, an ordinary member, may not add members",
    caller: ALLEN,
    endpoint: addMemberEndpoint,
    input: async () => ({ project: "WonderLand", email: SAM }),
    code: "FORBIDDEN",
  },
  {
    description: "bob is Admin of WonderLand only: in WonderLand_dev he is a member and may not add",
    caller: BOB,
    endpoint: addMemberEndpoint,
    input: async () => ({ project: "WonderLand_dev", email: "audrey@wonderland.example" }),
    code: "FORBIDDEN",
    message: /Only Owner or Super_Administrator or Admin may add members/,
  },
  {
    description: "sam touching WonderLand finds nothing",
    caller: SAM,
    endpoint: addMemberEndpoint,
    input: async () => ({ project: "WonderLand", email: SAM }),
    code: "NOT_FOUND",
  },
  {
    description: "an unknown email is a field error",
    caller: ALICE,
    endpoint: addMemberEndpoint,
    input: async () => ({ project: "WonderLand", email: "nobody@nowhere.example" }),
    code: "INVALID_INPUT",
    field: "email",
  },
  {
    description: "an unknown email tells a non-administrator nothing",
    caller: ALLEN,
    endpoint: addMemberEndpoint,
    input: async () => ({ project: "WonderLand", email: "nobody@nowhere.example" }),
    code: "FORBIDDEN",
  },
  {
    description: "something that is not an email is a field error",
    caller: ALICE,
    endpoint: addMemberEndpoint,
    input: async () => ({ project: "WonderLand", email: "bob" }),
    code: "INVALID_INPUT",
    field: "email",
  },
  {
    description: "an active member cannot be added twice",
    caller: ALICE,
    endpoint: addMemberEndpoint,
    input: async () => ({ project: "WonderLand", email: ALLEN }),
    code: "CONFLICT",
    field: "email",
    message: /already a member/,
  },
  {
    description: "nobody removes the owner",
    caller: BOB,
    endpoint: removeMemberEndpoint,
    input: async () => ({ project: "WonderLand", userId: await idOf(ALICE) }),
    code: "FORBIDDEN",
    message: /The project owner cannot be removed/,
  },
  {
    description: "not even the owner herself",
    caller: ALICE,
    endpoint: removeMemberEndpoint,
    input: async () => ({ project: "WonderLand", userId: await idOf(ALICE) }),
    code: "FORBIDDEN",
    message: /The project owner cannot be removed/,
  },
  {
    description: "Admin may not remove an Admin",
    caller: BOB,
    endpoint: removeMemberEndpoint,
    input: async () => ({ project: "WonderLand", userId: await idOf(BOB) }),
    code: "FORBIDDEN",
    message: /The Admin role may not remove RAM\$wonderland:bob, who holds Admin/,
  },
  {
    description: "allen may not remove members",
    caller: ALLEN,
    endpoint: removeMemberEndpoint,
    input: async () => ({ project: "WonderLand", userId: await idOf(BOB) }),
    code: "FORBIDDEN",
  },
  {
    description: "sam may not remove WonderLand's members: it does not exist for him",
    caller: SAM,
    endpoint: removeMemberEndpoint,
    input: async () => ({ project: "WonderLand", userId: await idOf(ALLEN) }),
    code: "NOT_FOUND",
  },
  {
    description: "removing someone who is not a member",
    caller: ALICE,
    endpoint: removeMemberEndpoint,
    input: async () => ({ project: "WonderLand_dev", userId: await idOf("audrey@wonderland.example") }),
    code: "NOT_FOUND",
  },
  {
    description: "a user id that is not a UUID",
    caller: ALICE,
    endpoint: removeMemberEndpoint,
    input: async () => ({ project: "WonderLand", userId: "bob" }),
    code: "INVALID_INPUT",
    field: "userId",
  },
];

describe("adding and removing members: who may, and what the audit log says", () => {
  for (const testCase of CASES) {
    it(`${testCase.description}${testCase.code ? ` → ${testCase.code}` : ""}`, async () => {
      const input = await testCase.input();
      const before = await membershipState();
      const versionBefore = (await prisma.project.findUnique({ where: { name: String(input.project) } }))
        ?.securityVersion;
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
        expect(audit.result).toBe("SUCCESS");
        const project = await projectOf(String(input.project));
        expect(audit.projectId).toBe(project.id);
        expect(project.securityVersion).toBe(versionBefore! + 1);
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
      expect(await membershipState()).toEqual(before);
    });
  }
});

describe("Alice and Bob: a removed member's permissions stay dormant and revive on re-add, unless cleared", () => {
  async function allowed(email: string, action: AccessRequest["action"], object: AccessRequest["object"]) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const index = await projectIndex((await projectOf("WonderLand")).id);
    const decision = decide(index!, {
      principal: {
        userId: user.id,
        accountId: user.tenantId,
        kind: user.kind === "PRIMARY" ? "primary" : "sub",
        disabled: false,
      },
      project: "WonderLand",
      action,
      object,
      context: { sourceIp: "127.0.0.1", time: Date.now() },
    });
    return decision.effect === "Allow";
  }
  /** allen reads sales_orders through his analyst role and v_user_summary through a grant of his own. */
  const allenAccess = async () => ({
    throughRole: await allowed(ALLEN, "Select", { type: "Table", name: "sales_orders" }),
    ownGrant: await allowed(ALLEN, "Describe", { type: "View", name: "v_user_summary" }),
  });
  const remove = async (clearPermissions?: "on") => {
    const result = await runEndpoint(removeMemberEndpoint, await actorOf(ALICE), requestMeta(), {
      project: "WonderLand",
      userId: await idOf(ALLEN),
      clearPermissions,
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    return (result as { data: RemovedMember }).data;
  };
  const addAgain = async () => {
    const result = await runEndpoint(addMemberEndpoint, await actorOf(ALICE), requestMeta(), {
      project: "WonderLand",
      email: ALLEN,
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    return (result as { data: AddedMember }).data;
  };

  it("removal takes effect on the next decision, and the grants stay", async () => {
    expect(await allenAccess()).toEqual({ throughRole: true, ownGrant: true });
    const versionBefore = (await projectOf("WonderLand")).securityVersion;
    const removed = await remove();
    expect(removed.cleared).toBeNull();
    expect(removed.dormant).toEqual({ grants: 4, labelGrants: 2, roles: 1 });
    expect((await projectOf("WonderLand")).securityVersion).toBe(versionBefore + 1);
    expect(await allenAccess()).toEqual({ throughRole: false, ownGrant: false });
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "member.remove", result: "SUCCESS", targetName: "RAM$wonderland:allen" });
    expect(audit.after).toMatchObject({ member: false, dormant: { grants: 4, labelGrants: 2, roles: 1 } });
  });

  it("a removed member is listed as removed, with the dormant role", async () => {
    const result = await runEndpoint(listMembersEndpoint, await actorOf(BOB), requestMeta(), {
      project: "WonderLand",
      status: "removed",
    });
    expect(result.ok).toBe(true);
    const items = (result as { data: { items: MemberSummary[] } }).data.items;
    expect(items.map((member) => [member.principal, member.roles, member.removedAt !== null])).toEqual([
      ["RAM$wonderland:allen", ["analyst"], true],
    ]);
  });

  it("adding the member again revives the grant and the role", async () => {
    const added = await addAgain();
    expect(added).toMatchObject({ revived: true, restored: { grants: 4, labelGrants: 2, roles: 1 } });
    expect(await allenAccess()).toEqual({ throughRole: true, ownGrant: true });
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "member.add", result: "SUCCESS" });
    expect(audit.after).toMatchObject({ member: true, revived: true });
  });

  it("remove and clear deletes the grants, label grants, roles and clearance: a re-add starts from nothing", async () => {
    const removed = await remove("on");
    expect(removed.cleared).toEqual({ grants: 4, labelGrants: 2, roles: 1 });
    const project = await projectOf("WonderLand");
    expect(await prisma.aclGrant.count({ where: { projectId: project.id, granteeUserId: await idOf(ALLEN) } })).toBe(0);
    const added = await addAgain();
    expect(added).toMatchObject({ revived: true, restored: { grants: 0, labelGrants: 0, roles: 0 } });
    expect(await allenAccess()).toEqual({ throughRole: false, ownGrant: false });
    const member = await prisma.projectMember.findFirstOrThrow({
      where: { projectId: project.id, userId: await idOf(ALLEN) },
    });
    expect(member).toMatchObject({ removedAt: null, clearance: 0 });
  });
});

describe("listing members", () => {
  const list = async (caller: string, input: Record<string, unknown>) =>
    runEndpoint(listMembersEndpoint, await actorOf(caller), requestMeta(), input);

  it("shows principals, kinds, roles, the owner and other accounts, sorted and paged on the server", async () => {
    const result = await list(ALICE, { project: "WonderLand", sort: "member", dir: "asc", pageSize: 3 });
    expect(result.ok).toBe(true);
    const data = (result as { data: { items: MemberSummary[]; total: number } }).data;
    expect(data.total).toBe(5); // alice, bob, allen, the ETL RAM role, and audrey added above
    expect(data.items.map((member) => member.principal)).toEqual([
      "ALIYUN$alice@wonderland.example",
      "RAM$wonderland:allen",
      "RAM$wonderland:audrey",
    ]);
    expect(data.items[0]).toMatchObject({ isOwner: true, kind: "PRIMARY", otherAccount: false });
    const page2 = (await list(ALICE, { project: "WonderLand", sort: "member", dir: "asc", pageSize: 3, page: 2 })) as {
      ok: true;
      data: { items: MemberSummary[] };
    };
    expect(page2.data.items.map((member) => member.principal)).toEqual([
      "RAM$wonderland:bob",
      "RAM$wonderland:role/etl-scheduler",
    ]);
    expect(page2.data.items[0]!.roles).toEqual(["Admin", "etl_writer"]);
    expect(page2.data.items[1]).toMatchObject({ kind: "RAM_ROLE", userId: null });
  });

  it("marks another account's primary account", async () => {
    const result = (await list(ALICE, { project: "WonderLand_dev", q: "sam" })) as {
      ok: true;
      data: { items: MemberSummary[] };
    };
    expect(result.data.items).toMatchObject([
      { principal: "ALIYUN$sam@secretgarden.example", kind: "PRIMARY", otherAccount: true, isOwner: false },
    ]);
  });

  it("filters by text and status", async () => {
    const found = (await list(ALICE, { project: "WonderLand", q: "Builder" })) as {
      ok: true;
      data: { items: MemberSummary[] };
    };
    expect(found.data.items.map((member) => member.email)).toEqual([BOB]);
    const removed = (await list(ALICE, { project: "WonderLand", status: "removed" })) as {
      ok: true;
      data: { total: number };
    };
    expect(removed.data.total).toBe(0);
  });

  itRefuses(
    (
      [
        { description: "allen, an ordinary member", who: ALLEN, project: "WonderLand", code: "FORBIDDEN" },
        {
          description: "bob in WonderLand_dev, where he is not an administrator",
          who: BOB,
          project: "WonderLand_dev",
          code: "FORBIDDEN",
        },
        { description: "sam, of another account", who: SAM, project: "WonderLand", code: "NOT_FOUND" },
      ] as const
    ).map(({ project, ...refusal }) => ({ ...refusal, endpoint: listMembersEndpoint, input: { project } })),
    membershipState,
  );
});
