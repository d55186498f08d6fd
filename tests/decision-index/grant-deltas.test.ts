import { describe, expect, it } from "vitest";
import { compile, decide, securitySnapshotSchema, type AccessRequest, type SecurityIndex } from "@/lib/authz";
import { transactionWithAfterCommit } from "@/lib/db/after-commit";
import { loadSnapshot } from "@/lib/db/load-snapshot";
import { snapshotGrantOf } from "@/lib/db/snapshot-grant";
import { bumpForGrantChanges } from "@/lib/decision-index/grant-changes";
import { cachedIndexVersion, projectIndex } from "@/lib/decision-index/project-index";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { grantPrivilegesEndpoint } from "@/lib/services/grants/grant-privileges";
import { revokeGrantEndpoint } from "@/lib/services/grants/revoke-grant";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
const users = Object.fromEntries(
  await Promise.all(
    ["alice", "bob", "allen", "audrey"].map(
      async (name) =>
        [name, await prisma.user.findUniqueOrThrow({ where: { email: `${name}@wonderland.example` } })] as const,
    ),
  ),
);
const BOB = "bob@wonderland.example";

/** Who asks what: members with and without roles, an administrator, a non-member; tables, columns, the project. */
function requests(): AccessRequest[] {
  const asked: [string, AccessRequest["action"], AccessRequest["object"]][] = [
    ["allen", "Select", { type: "Table", name: "sales_orders", columns: ["order_id"] }],
    ["allen", "Select", { type: "Table", name: "ods_click_log" }],
    ["allen", "Describe", { type: "Table", name: "t_app_users" }],
    ["allen", "Update", { type: "Table", name: "t_app_users" }],
    ["allen", "Alter", { type: "Table", name: "dim_region" }],
    ["allen", "Select", { type: "Table", name: "user_profile", columns: ["id", "mobile"] }],
    ["allen", "CreateTable", { type: "Project", name: "WonderLand" }],
    ["audrey", "Describe", { type: "Table", name: "t_app_users" }],
    ["bob", "Drop", { type: "Table", name: "t_app_users" }],
    ["alice", "Select", { type: "Table", name: "user_profile", columns: ["id_card"] }],
  ];
  return asked.map(([name, action, object]) => {
    const user = users[name]!;
    return {
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
    } as AccessRequest;
  });
}

async function freshlyCompiled(): Promise<SecurityIndex> {
  return compile(securitySnapshotSchema.parse(await loadSnapshot(wonderland.id)));
}

/** The cached index decides every request exactly as one compiled from the database now. */
async function expectSameDecisions(cached: SecurityIndex) {
  const fresh = await freshlyCompiled();
  for (const request of requests())
    expect(decide(cached, request), `${request.action} ${request.object.name}`).toEqual(decide(fresh, request));
}

async function grantAs(email: string, input: Record<string, unknown>) {
  const { actor } = await contextFor(email);
  return runEndpoint(grantPrivilegesEndpoint, actor, requestMeta(), { project: "WonderLand", ...input });
}

describe("grant changes reach this instance's cached index as deltas, not reloads", () => {
  it.each([
    [
      "a grant to a user",
      {
        objectType: "Table",
        objectName: "t_app_users",
        privileges: ["Describe", "Update"],
        granteeType: "User",
        grantee: "allen@wonderland.example",
      },
    ],
    [
      "a column-level grant",
      {
        objectType: "Table",
        objectName: "user_profile",
        privileges: ["Select"],
        columns: ["id", "mobile"],
        granteeType: "User",
        grantee: "allen@wonderland.example",
      },
    ],
    [
      "a grant to a role",
      { objectType: "Project", privileges: ["CreateTable"], granteeType: "Role", grantee: "analyst" },
    ],
    [
      "a grant with an expiry (renewing one that had expired)",
      {
        objectType: "Table",
        objectName: "ods_click_log",
        privileges: ["Select"],
        granteeType: "User",
        grantee: "allen@wonderland.example",
        expiresOn: "2099-01-01",
      },
    ],
  ])("%s: same index object, new version, the decisions of a fresh compile", async (_, input) => {
    const before = (await projectIndex(wonderland.id))!;
    const result = await grantAs(BOB, input);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const version = (await prisma.project.findUniqueOrThrow({ where: { id: wonderland.id } })).securityVersion;
    expect(cachedIndexVersion(wonderland.id)).toBe(version);
    const after = (await projectIndex(wonderland.id))!;
    expect(after).toBe(before);
    expect(after.securityVersion).toBe(version);
    await expectSameDecisions(after);
  });

  it("a renewal (granting again what is held) and a revoke, in place too", async () => {
    const before = (await projectIndex(wonderland.id))!;
    const renewed = await grantAs(BOB, {
      objectType: "Table",
      objectName: "t_app_users",
      privileges: ["Update"],
      granteeType: "User",
      grantee: "allen@wonderland.example",
      expiresOn: "2099-06-30",
    });
    expect(renewed.ok).toBe(true);
    await expectSameDecisions((await projectIndex(wonderland.id))!);
    const grant = await prisma.aclGrant.findFirstOrThrow({
      where: { projectId: wonderland.id, granteeUserId: users.allen!.id, privilege: "Update" },
    });
    const { actor } = await contextFor(BOB);
    const revoked = await runEndpoint(revokeGrantEndpoint, actor, requestMeta(), {
      project: "WonderLand",
      grantId: grant.id,
    });
    expect(revoked.ok, JSON.stringify(revoked)).toBe(true);
    const after = (await projectIndex(wonderland.id))!;
    expect(after).toBe(before);
    await expectSameDecisions(after);
  });

  it("a cache that missed a change in between is not advanced: the next lookup reloads", async () => {
    const before = (await projectIndex(wonderland.id))!;
    const cachedVersion = cachedIndexVersion(wonderland.id);
    // Another change lands without passing through this instance's cache (another instance, say)...
    await prisma.$transaction((tx) => bumpSecurityVersion(tx, wonderland.id));
    // ...then a grant whose delta starts from that newer version.
    const dimRegion = await prisma.catalogObject.findFirstOrThrow({
      where: { projectId: wonderland.id, name: "dim_region" },
    });
    await transactionWithAfterCommit(async (tx) => {
      const row = await tx.aclGrant.create({
        data: {
          projectId: wonderland.id,
          objectType: "TABLE",
          objectId: dimRegion.id,
          privilege: "Alter",
          granteeUserId: users.allen!.id,
          grantedById: users.bob!.id,
        },
      });
      await bumpForGrantChanges(tx, wonderland.id, [
        { kind: "GrantAdded", grant: snapshotGrantOf(row, wonderland.id) },
      ]);
    });
    // The stale index was left as it was (on PostgreSQL the change notification may meanwhile have had it
    // replaced by a fresh compile, which the delta may then advance: both are right).
    expect(before.securityVersion).toBe(cachedVersion);
    const after = (await projectIndex(wonderland.id))!;
    expect(after).not.toBe(before);
    await expectSameDecisions(after);
  });

  it("a rolled-back transaction leaves the cached index as it was", async () => {
    const before = (await projectIndex(wonderland.id))!;
    const version = cachedIndexVersion(wonderland.id);
    const grant = await prisma.aclGrant.findFirstOrThrow({ where: { projectId: wonderland.id, objectType: "TABLE" } });
    await expect(
      transactionWithAfterCommit(async (tx) => {
        await tx.aclGrant.delete({ where: { id: grant.id } });
        await bumpForGrantChanges(tx, wonderland.id, [
          { kind: "GrantRevoked", grant: { id: grant.id, objectId: grant.objectId! } },
        ]);
        throw new Error("the audit write failed");
      }),
    ).rejects.toThrow("the audit write failed");
    expect(cachedIndexVersion(wonderland.id)).toBe(version);
    expect(await prisma.aclGrant.count({ where: { id: grant.id } })).toBe(1);
    const after = (await projectIndex(wonderland.id))!;
    expect(after).toBe(before);
    await expectSameDecisions(after);
  });

  it("a delta the index cannot take (a grant it does not hold) drops the entry instead of keeping a wrong state", async () => {
    const before = (await projectIndex(wonderland.id))!;
    await transactionWithAfterCommit((tx) =>
      bumpForGrantChanges(tx, wonderland.id, [
        { kind: "GrantRevoked", grant: { id: "00000000-0000-4000-8000-000000000000", objectId: wonderland.id } },
      ]),
    );
    expect(cachedIndexVersion(wonderland.id)).toBeUndefined();
    const after = (await projectIndex(wonderland.id))!;
    expect(after).not.toBe(before);
    await expectSameDecisions(after);
  });
});
