// Project names are global and compared without regard to case everywhere (trusted projects, a job's
// target project, lookups), so they are unique without regard to case too. And the answers about a name or an
// email tell a caller no more than global naming already does: a name is taken or not, never whose it is;
// another account's RAM user is answered as an email no one has.
import { describe, expect, it } from "vitest";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { addMemberEndpoint } from "@/lib/services/members/add-member";
import { createProjectEndpoint } from "@/lib/services/projects/create-project";
import { addTrustedProjectEndpoint } from "@/lib/services/settings/add-trusted-project";
import { removeTrustedProjectEndpoint } from "@/lib/services/settings/remove-trusted-project";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const secretGarden = await prisma.tenant.findUniqueOrThrow({ where: { name: "secretgarden" } });
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
const SAM = "sam@secretgarden.example";

async function call(endpoint: unknown, email: string, input: Record<string, unknown>) {
  const { actor } = await contextFor(email);
  return runEndpoint(endpoint as EndpointDefinition<never, unknown>, actor, requestMeta(), input);
}

/** What a caller is told, with the name or email they typed replaced, so two answers can be compared. */
async function answer(endpoint: unknown, email: string, input: Record<string, unknown>, typed: string) {
  const result = await call(endpoint, email, input);
  const blank = (text: string) => text.replaceAll(typed, "<typed>");
  if (result.ok) return { ok: true };
  const fields = Object.fromEntries(
    Object.entries(result.error.fieldErrors ?? {}).map(([field, texts]) => [field, texts?.map(blank)]),
  );
  return { ok: false, code: result.error.code, message: blank(result.error.message), fields };
}

describe("project names are unique without regard to case", () => {
  it("sam cannot create wonderland_dev beside alice's WonderLand_dev: CONFLICT naming the field, nothing created", async () => {
    const result = await call(createProjectEndpoint, SAM, { name: "wonderland_dev" });
    expect(result).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    if (!result.ok) expect(result.error.fieldErrors?.name?.[0]).toBeTruthy();
    expect(await prisma.project.count({ where: { name: { equals: "wonderland_dev", mode: "insensitive" } } })).toBe(1);
  });

  it("the database refuses a second name differing only in case, whoever writes it", async () => {
    const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
    await expect(
      prisma.project.create({
        data: { name: "WONDERLAND", tenantId: wonderland.tenantId, ownerId: wonderland.ownerId },
      }),
    ).rejects.toThrow();
  });

  it("a project has at most one project policy (role null); roles keep one each", async () => {
    const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
    const row = {
      projectId: wonderland.id,
      roleId: null,
      document: { Version: "1", Statement: [] },
      updatedById: wonderland.ownerId,
    };
    if ((await prisma.policy.count({ where: { projectId: wonderland.id, roleId: null } })) === 0)
      await prisma.policy.create({ data: row });
    await expect(prisma.policy.create({ data: row })).rejects.toThrow();
    expect(await prisma.policy.count({ where: { projectId: wonderland.id, roleId: null } })).toBe(1);
  });
});

describe("answers do not tell another tenant's project or account from none", () => {
  const CASES = [
    {
      description: "creating a project: a name taken by another tenant is answered as one taken in one's own",
      endpoint: createProjectEndpoint,
      pairs: [
        {
          caller: SAM,
          others: { name: "WonderLand_dev" },
          own: { name: "SecretGarden" },
          typed: [["WonderLand_dev"], ["SecretGarden"]],
        },
        {
          caller: ALICE,
          others: { name: "secretgarden" },
          own: { name: "wonderland" },
          typed: [["secretgarden"], ["wonderland"]],
        },
      ],
    },
    {
      description: "adding a member: another account's RAM user is answered as an email no one has",
      endpoint: addMemberEndpoint,
      pairs: [
        {
          caller: ALICE,
          others: { project: "WonderLand", email: "gardener@secretgarden.example" },
          own: { project: "WonderLand", email: "nobody@nowhere.example" },
          typed: [["gardener@secretgarden.example"], ["nobody@nowhere.example"]],
        },
        {
          caller: SAM,
          others: { project: "SecretGarden", email: "bob@wonderland.example" },
          own: { project: "SecretGarden", email: "nobody@nowhere.example" },
          typed: [["bob@wonderland.example"], ["nobody@nowhere.example"]],
        },
      ],
    },
    {
      description: "removing a trusted project: another tenant's project not trusted is answered as an unknown name",
      endpoint: removeTrustedProjectEndpoint,
      pairs: [
        {
          caller: ALICE,
          others: { project: "WonderLand", trustedProject: "SecretGarden" },
          own: { project: "WonderLand", trustedProject: "Atlantis" },
          typed: [["SecretGarden"], ["Atlantis"]],
        },
        {
          caller: SAM,
          others: { project: "SecretGarden", trustedProject: "WonderLand_dev" },
          own: { project: "SecretGarden", trustedProject: "Atlantis" },
          typed: [["WonderLand_dev"], ["Atlantis"]],
        },
      ],
    },
  ];
  for (const testCase of CASES) {
    for (const pair of testCase.pairs) {
      it(`${testCase.description} (as ${pair.caller.split("@")[0]})`, async () => {
        const [[othersTyped], [ownTyped]] = pair.typed as [[string], [string]];
        const others = await answer(testCase.endpoint, pair.caller, pair.others, othersTyped);
        const own = await answer(testCase.endpoint, pair.caller, pair.own, ownTyped);
        expect(others).toMatchObject({ ok: false });
        expect(others).toEqual(own);
      });
    }
  }
});

describe("trusted projects are resolved to a project id, in any tenant", () => {
  it("alice trusts secretgarden (another tenant's, typed in another case): stored by id; an unknown name is refused", async () => {
    const garden = await prisma.project.findUniqueOrThrow({ where: { name: "SecretGarden" } });
    const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
    expect(
      await call(addTrustedProjectEndpoint, ALICE, { project: "WonderLand", trustedProject: "secretgarden" }),
    ).toMatchObject({ ok: true, data: { trustedProject: "SecretGarden" } });
    expect(
      await prisma.trustedProject.findMany({ where: { projectId: wonderland.id, trustedProjectId: garden.id } }),
    ).toHaveLength(1);
    const unknown = await call(addTrustedProjectEndpoint, SAM, { project: "SecretGarden", trustedProject: "Atlantis" });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND", fieldErrors: { trustedProject: ["There is no project named Atlantis."] } },
    });
    expect(
      (await call(removeTrustedProjectEndpoint, ALICE, { project: "WonderLand", trustedProject: "SECRETGARDEN" })).ok,
    ).toBe(true);
  });
});
