import { describe, expect, it } from "vitest";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { checkAccessEndpoint } from "@/lib/services/access/check-access";
import { createObjectEndpoint } from "@/lib/services/catalog/create-object";
import { getObjectEndpoint } from "@/lib/services/catalog/get-object";
import { grantPrivilegesEndpoint } from "@/lib/services/grants/grant-privileges";
import { revokeGrantEndpoint } from "@/lib/services/grants/revoke-grant";
import { updateSecuritySettingsEndpoint } from "@/lib/services/settings/update-security-settings";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();

type AnyEndpoint = EndpointDefinition<never, unknown>;
const as = (endpoint: unknown) => endpoint as AnyEndpoint;

const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";

async function call(endpoint: AnyEndpoint, email: string, input: Record<string, unknown>) {
  const { actor } = await contextFor(email);
  return runEndpoint(endpoint, actor, requestMeta(), { project: "WonderLand", ...input });
}

const createTable = (name: string) =>
  call(as(createObjectEndpoint), ALLEN, {
    type: "Table",
    name,
    columns: [
      { name: "id", type: "BIGINT" },
      { name: "note", type: "STRING" },
    ],
  });
const selectTo = (table: string, grantee: string) =>
  call(as(grantPrivilegesEndpoint), ALLEN, {
    objectType: "Table",
    objectName: table,
    privileges: ["Select"],
    granteeType: "User",
    grantee,
  });
const setSetting = (setting: string, value: boolean) =>
  call(as(updateSecuritySettingsEndpoint), ALICE, { [setting]: value });

/**
 * ObjectCreatorHasAccessPermission and ObjectCreatorHasGrantPermission reach an ordinary member: allen, an
 * analyst without any console administration, creates a table once granted CreateTable, uses it, and grants on it.
 */
describe("an ordinary member who may create tables uses the creator's rights", () => {
  it("without CreateTable allen may not create a table (the engine refuses, not the console)", async () => {
    const result = await createTable("allen_early");
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    if (!result.ok) expect(result.error.message).not.toMatch(/administer projects/);
  });

  it("bob (Admin) grants allen CreateTable; allen creates a table", async () => {
    const granted = await call(as(grantPrivilegesEndpoint), BOB, {
      objectType: "Project",
      privileges: ["CreateTable"],
      granteeType: "User",
      grantee: ALLEN,
    });
    expect(granted.ok).toBe(true);
    const created = await createTable("allen_scratch");
    expect(created).toMatchObject({ ok: true, data: { name: "allen_scratch" } });
    const row = await prisma.catalogObject.findFirstOrThrow({
      where: { name: "allen_scratch" },
      include: { creator: true },
    });
    expect(row.creator?.email).toBe(ALLEN);
  });

  it("allen reads his table: check access answers Allow by the creator rule, and he may describe it", async () => {
    const checked = await call(as(checkAccessEndpoint), ALLEN, {
      principal: ALLEN,
      action: "Select",
      objectType: "Table",
      objectName: "allen_scratch",
    });
    expect(checked).toMatchObject({ ok: true, data: { decision: { effect: "Allow", decidedBy: "ACL" } } });
    if (checked.ok) {
      const decision = (checked.data as { decision: { columns: { ruleId: string | null }[] } }).decision;
      expect(decision.columns.every((column) => column.ruleId?.startsWith("creator:"))).toBe(true);
    }
    expect((await call(as(getObjectEndpoint), ALLEN, { type: "Table", name: "allen_scratch" })).ok).toBe(true);
  });

  it("allen grants Select on his table to bob (ObjectCreatorHasGrantPermission on), and revokes it", async () => {
    const granted = await selectTo("allen_scratch", BOB);
    expect(granted, JSON.stringify(granted)).toMatchObject({ ok: true });
    const grant = await prisma.aclGrant.findFirstOrThrow({
      where: { object: { name: "allen_scratch" }, privilege: "Select" },
    });
    const allen = await prisma.user.findUniqueOrThrow({ where: { email: ALLEN } });
    expect(grant.grantedById).toBe(allen.id);
    expect((await call(as(revokeGrantEndpoint), ALLEN, { grantId: grant.id })).ok).toBe(true);
  });

  it("allen may not grant on a table he did not create", async () => {
    expect(await selectTo("sales_orders", BOB)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("with ObjectCreatorHasGrantPermission off, allen's grant on his own table is refused", async () => {
    expect((await setSetting("ObjectCreatorHasGrantPermission", false)).ok).toBe(true);
    const refused = await selectTo("allen_scratch", BOB);
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    if (!refused.ok) expect(refused.error.message).toMatch(/ObjectCreatorHasGrantPermission is off/);
    const left = await prisma.aclGrant.findMany({ where: { object: { name: "allen_scratch" } } });
    expect(left, JSON.stringify(left)).toHaveLength(0);
    expect((await setSetting("ObjectCreatorHasGrantPermission", true)).ok).toBe(true);
  });

  it("with ObjectCreatorHasAccessPermission off, allen no longer reads his table by the creator rule", async () => {
    expect((await setSetting("ObjectCreatorHasAccessPermission", false)).ok).toBe(true);
    const checked = await call(as(checkAccessEndpoint), ALLEN, {
      principal: ALLEN,
      action: "Select",
      objectType: "Table",
      objectName: "allen_scratch",
    });
    expect(checked).toMatchObject({ ok: true, data: { decision: { effect: "Deny" } } });
    expect((await setSetting("ObjectCreatorHasAccessPermission", true)).ok).toBe(true);
  });
});
