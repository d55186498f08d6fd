import { describe, expect, it } from "vitest";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { effectivePermissionsEndpoint, type EffectivePermissions } from "@/lib/services/access/effective-permissions";
import { anonymousRefusalCount } from "../helpers/anonymous-refusals";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const ALICE = "alice@wonderland.example";
const ALLEN = "allen@wonderland.example";

async function permissions(caller: string | null, input: Record<string, unknown>) {
  const actor = caller ? (await contextFor(caller)).actor : null;
  return runEndpoint(effectivePermissionsEndpoint, actor, requestMeta(), {
    project: "WonderLand",
    pageSize: 100,
    ...input,
  });
}

async function allowed(caller: string, input: Record<string, unknown> = {}): Promise<EffectivePermissions> {
  const result = await permissions(caller, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

const held = (result: EffectivePermissions, name: string, privilege: string, project: string | null = null) =>
  result.items
    .find((item) => item.name === name && item.project === project)
    ?.privileges.find((entry) => entry.privilege === privilege);

// An object allen created: ObjectCreatorHasAccessPermission lets him in without a grant.
const project = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
const allenUser = await prisma.user.findUniqueOrThrow({ where: { email: ALLEN } });
await prisma.$transaction(async (tx) => {
  await tx.catalogObject.create({
    data: {
      projectId: project.id,
      type: "TABLE",
      name: "allen_scratch",
      creatorId: allenUser.id,
      columns: { create: [{ name: "x", dataType: "BIGINT", position: 0 }] },
    },
  });
  await bumpSecurityVersion(tx, project.id);
});

describe("effective permissions: where each privilege comes from", () => {
  it("allen, on his own: sales_orders Select from role analyst", async () => {
    const mine = await allowed(ALLEN);
    expect(mine.principal).toMatchObject({ principal: "RAM$wonderland:allen", self: true });
    expect(held(mine, "sales_orders", "Select")).toMatchObject({
      columns: null,
      sources: [{ kind: "role", label: "Role analyst", layer: "ACL" }],
    });
    expect(held(mine, "WonderLand", "List")?.sources[0]).toMatchObject({ kind: "role", label: "Role analyst" });
    expect(mine.standing).toMatchObject({ owner: false, adminRole: null, roles: ["analyst"], clearance: 1 });
  });

  it("allen's column grant on user_profile: five columns through a direct grant, four hidden by labels (named to alice only)", async () => {
    const mine = await allowed(ALLEN);
    const select = held(mine, "user_profile", "Select")!;
    expect(select.columns?.sort()).toEqual(["city", "gender", "id", "mobile", "vip_level"]);
    expect(select.sources).toEqual([expect.objectContaining({ kind: "grant", label: "Direct grant" })]);
    const profile = mine.items.find((item) => item.name === "user_profile")!;
    expect(profile.columnCount).toBe(100);
    // allen may not Describe user_profile: the names of the columns its labels hide are not his to learn.
    expect(profile.hiddenByLabel).toEqual([]);
    const asAlice = (await allowed(ALICE, { principal: ALLEN })).items.find((item) => item.name === "user_profile")!;
    expect(asAlice.hiddenByLabel.sort()).toEqual(["birthday", "credit_card", "id_card", "user_addr"]);
  });

  it("allen's label grants, the expired one marked", async () => {
    const mine = await allowed(ALLEN);
    expect(mine.labelSecurity).toBe(true);
    const byColumn = Object.fromEntries(mine.labelGrants.map((grant) => [grant.columns?.join(","), grant]));
    expect(byColumn.mobile).toMatchObject({ object: "user_profile", level: 2, expired: false });
    expect(byColumn.birthday).toMatchObject({ object: "user_profile", level: 2, expired: true });
  });

  it("allen's expired grant on ods_click_log gives nothing", async () => {
    expect(held(await allowed(ALLEN), "ods_click_log", "Select")).toBeUndefined();
  });

  it("a policy statement and the creator rule are named as sources", async () => {
    const mine = await allowed(ALLEN);
    // The statement's text is for the project's administrators; allen reads its rule id.
    expect(held(mine, "t_app_events", "Select")?.sources[0]).toMatchObject({
      kind: "policy",
      layer: "Policy",
      text: expect.stringMatching(/A statement of a policy of the project decides this \(rule /),
    });
    const asAlice = await allowed(ALICE, { principal: ALLEN });
    expect(held(asAlice, "t_app_events", "Select")?.sources[0]).toMatchObject({
      kind: "policy",
      text: expect.stringMatching(/project policy/),
    });
    expect(held(mine, "allen_scratch", "Alter")?.sources[0]).toMatchObject({ kind: "creator" });
    // The project policy denies Drop on every table until 2100: a Deny beats the creator rule.
    expect(held(mine, "allen_scratch", "Drop")).toBeUndefined();
  });

  it("alice, the owner, sees bob's: every privilege on user_profile through the built-in Admin role, nothing hidden", async () => {
    const bobs = await allowed(ALICE, { principal: "RAM$wonderland:bob" });
    expect(held(bobs, "user_profile", "Select")).toMatchObject({
      columns: null,
      sources: [{ kind: "admin-role", label: "Built-in role Admin" }],
    });
    expect(bobs.items.find((item) => item.name === "user_profile")!.hiddenByLabel).toEqual([]);
    expect(held(await allowed(ALICE, { principal: ALICE }), "dim_region", "Drop")?.sources[0]).toMatchObject({
      kind: "owner",
    });
  });

  it("a package installed in WonderLand_dev brings WonderLand's tables in", async () => {
    const dev = await allowed(ALICE, { project: "WonderLand_dev" });
    expect(held(dev, "dim_region", "Select", "wonderland")?.sources[0]).toMatchObject({
      kind: "package",
      label: "Package wonderland.wonderland_share",
    });
  });

  it("someone outside the project holds nothing, and the reason is said once", async () => {
    const sams = await allowed(ALICE, { principal: "sam@secretgarden.example" });
    expect(sams.principal.known).toBe(false);
    expect(sams.gate).toMatchObject({ layer: "Identity" });
    expect(sams.items.every((item) => item.privileges.length === 0)).toBe(true);
    expect(sams.standing).toBeNull();
    expect(sams.labelGrants).toEqual([]);
  });

  it("objects are paged and searched on the server", async () => {
    const all = await allowed(ALLEN);
    const first = await allowed(ALLEN, { page: 1, pageSize: 3 });
    const second = await allowed(ALLEN, { page: 2, pageSize: 3 });
    expect(first.total).toBe(all.total);
    expect(first.items.map((item) => item.name)).toEqual(all.items.slice(0, 3).map((item) => item.name));
    expect(second.items.map((item) => item.name)).toEqual(all.items.slice(3, 6).map((item) => item.name));
    expect(all.items[0]).toMatchObject({ type: "Project", name: "WonderLand" });
    const searched = await allowed(ALLEN, { q: "PROFILE" });
    expect(searched.items.map((item) => item.name)).toEqual(["user_profile"]);
  });
});

const REFUSALS = [
  { description: "no session", caller: null, input: {}, code: "UNAUTHENTICATED" },
  { description: "the other tenant's owner", caller: "sam@secretgarden.example", input: {}, code: "NOT_FOUND" },
  {
    description: "allen asks about bob",
    caller: ALLEN,
    input: { principal: "bob@wonderland.example" },
    code: "FORBIDDEN",
  },
  {
    description: "a page size over the limit",
    caller: ALLEN,
    input: { pageSize: 1000 },
    code: "INVALID_INPUT",
    field: "pageSize",
  },
] as const;

describe("effective permissions: who may ask", () => {
  for (const testCase of REFUSALS) {
    it(`${testCase.description} → ${testCase.code}`, async () => {
      // Recorded in the caller's tenant's chain; without a caller, counted, not chained.
      const chainId = testCase.caller ? (await contextFor(testCase.caller)).actor.tenantId : "none";
      const auditBefore = await prisma.auditEvent.count({ where: { chainId } });
      const anonymousBefore = await anonymousRefusalCount("access.effective-permissions");
      const result = await permissions(testCase.caller, testCase.input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(testCase.code);
      if ("field" in testCase) expect(result.error.fieldErrors?.[testCase.field]?.length).toBeGreaterThan(0);
      if (testCase.caller === null) {
        expect(await anonymousRefusalCount("access.effective-permissions")).toBe(anonymousBefore + 1);
        return;
      }
      const audit = await prisma.auditEvent.findFirstOrThrow({ where: { chainId }, orderBy: { id: "desc" } });
      expect(await prisma.auditEvent.count({ where: { chainId } })).toBe(auditBefore + 1);
      expect(audit.action).toBe("access.effective-permissions");
    });
  }
});
