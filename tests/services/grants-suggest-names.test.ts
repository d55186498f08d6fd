import { describe, expect, it } from "vitest";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { AppError } from "@/lib/errors";
import {
  SUGGESTION_LIMIT,
  suggestNames,
  suggestNamesEndpoint,
  suggestNamesInput,
} from "@/lib/services/grants/suggest-names";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";

const range = (count: number, name: (n: string) => string) =>
  Array.from({ length: count }, (_, index) => name(String(index + 1).padStart(2, "0")));
const PICK_TABLES = range(25, (n) => `pick_t_${n}`);
const PICKERS = range(25, (n) => `picker_${n}`);

// WonderLand grown past the limit: 25 tables and 25 members whose names share a stem, names that contain
// the stem elsewhere, a view, and people who must not be suggested (not a member, a removed member).
const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" }, include: { owner: true } });
await prisma.$transaction(async (tx) => {
  const objects: [type: "TABLE" | "VIEW", name: string][] = [...PICK_TABLES, "a_pick_t_0_copy", "apick_t_0"].map(
    (name) => ["TABLE", name],
  );
  objects.push(["VIEW", "pick_view"]);
  await tx.catalogObject.createMany({
    data: objects.map(([type, name]) => ({ projectId: wonderland.id, type, name, creatorId: wonderland.ownerId })),
  });
  const user = (name: string) => ({
    tenantId: wonderland.tenantId,
    kind: "SUB" as const,
    name,
    email: `${name}@wonderland.example`,
    displayName: name,
    passwordHash: wonderland.owner.passwordHash,
  });
  await tx.user.createMany({ data: [...PICKERS, "picker_outsider", "picker_removed"].map(user) });
  const members = await tx.user.findMany({
    where: { name: { startsWith: "picker_" }, NOT: { name: "picker_outsider" } },
    select: { id: true, name: true },
  });
  await tx.projectMember.createMany({
    data: members.map((member) => ({
      projectId: wonderland.id,
      userId: member.id,
      removedAt: member.name === "picker_removed" ? new Date() : null,
    })),
  });
  await bumpSecurityVersion(tx, wonderland.id);
});

const ram = (name: string) => `RAM$wonderland:${name}`;

async function suggest(email: string, input: Record<string, unknown>) {
  return runEndpoint(suggestNamesEndpoint, (await contextFor(email)).actor, requestMeta(), {
    project: "WonderLand",
    ...input,
  });
}
async function names(email: string, input: Record<string, unknown>) {
  const result = await suggest(email, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data.names;
}
const lastAudit = () => prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

describe("suggested names", () => {
  const CASES: { description: string; input: Record<string, unknown>; expected: string[] }[] = [
    { description: "a member, by part of their name", input: { kind: "member", q: "alle" }, expected: [ram("allen")] },
    { description: "a member, case-insensitive", input: { kind: "member", q: "ALLEN" }, expected: [ram("allen")] },
    {
      description: "the owner is suggested with the members",
      input: { kind: "member", q: "alice" },
      expected: ["ALIYUN$alice@wonderland.example"],
    },
    {
      description: "not a user of the account who is no member (audrey)",
      input: { kind: "member", q: "audrey" },
      expected: [],
    },
    { description: "not a user who never joined", input: { kind: "member", q: "picker_outsider" }, expected: [] },
    { description: "not a removed member", input: { kind: "member", q: "picker_removed" }, expected: [] },
    {
      description: "members: at most the limit, alphabetical",
      input: { kind: "member", q: "picker" },
      expected: PICKERS.slice(0, SUGGESTION_LIMIT).map(ram),
    },
    {
      description: "members: an empty text gives the first names",
      input: { kind: "member" },
      expected: ["ALIYUN$alice@wonderland.example", ram("allen"), ram("bob"), ...PICKERS.slice(0, 17).map(ram)],
    },
    {
      description: "roles: those starting with the text first, then those containing it",
      input: { kind: "role", q: "a" },
      expected: ["Admin", "analyst", "Super_Administrator"],
    },
    {
      description: "roles: an empty text gives all of them",
      input: { kind: "role", q: "" },
      expected: ["Admin", "analyst", "etl_writer", "Super_Administrator"],
    },
    {
      description: "objects: prefix first (even after names earlier in the alphabet), then a word start, then anywhere",
      input: { kind: "object", type: "Table", q: "PICK_T_0" },
      expected: [...PICK_TABLES.slice(0, 9), "a_pick_t_0_copy", "apick_t_0"],
    },
    {
      description: "objects: at most the limit",
      input: { kind: "object", type: "Table", q: "pick_t" },
      expected: PICK_TABLES.slice(0, SUGGESTION_LIMIT),
    },
    {
      description: "objects: of the type asked only",
      input: { kind: "object", type: "View", q: "pick" },
      expected: ["pick_view"],
    },
    {
      description: "objects: a view is not a table",
      input: { kind: "object", type: "Table", q: "pick_view" },
      expected: [],
    },
    {
      description: "objects: without a type, of every type",
      input: { kind: "object", q: "mask" },
      expected: ["mask_udf.jar", "udf_mask_mobile"],
    },
    {
      description: "objects: functions only",
      input: { kind: "object", type: "Function", q: "mask" },
      expected: ["udf_mask_mobile"],
    },
    {
      description: "objects: an empty text gives the first names",
      input: { kind: "object", type: "Table", q: "" },
      expected: ["a_pick_t_0_copy", "apick_t_0", "dim_region", "ods_click_log", ...PICK_TABLES.slice(0, 16)],
    },
    { description: "nothing matches", input: { kind: "object", q: "no_such_thing" }, expected: [] },
  ];
  for (const testCase of CASES) {
    it(testCase.description, async () => {
      expect(await names(BOB, testCase.input)).toEqual(testCase.expected);
    });
  }

  it("never more than the limit, whatever is asked", async () => {
    for (const kind of ["member", "role", "object"])
      expect((await names(ALICE, { kind })).length).toBeLessThanOrEqual(SUGGESTION_LIMIT);
  });
});

describe("who may ask", () => {
  const WHO: { who: string; description: string; code: "OK" | "FORBIDDEN" | "NOT_FOUND"; message?: RegExp }[] = [
    { who: ALICE, description: "alice (the owner)", code: "OK" },
    { who: BOB, description: "bob (Admin of WonderLand)", code: "OK" },
    {
      who: ALLEN,
      description: "allen (an ordinary member)",
      code: "FORBIDDEN",
      message: /not allowed to read projects/,
    },
    {
      who: SAM,
      description: "sam (the other account's owner)",
      code: "NOT_FOUND",
      message: /Project WonderLand was not found/,
    },
  ];
  for (const testCase of WHO) {
    it(`${testCase.description} → ${testCase.code}`, async () => {
      const result = await suggest(testCase.who, { kind: "member", q: "allen" });
      if (testCase.code === "OK") {
        expect(result).toEqual({ ok: true, data: { names: [ram("allen")] } });
        return;
      }
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(testCase.code);
      expect(result.error.message).toMatch(testCase.message!);
      expect(await lastAudit()).toMatchObject({ action: "grant.suggest-names", result: "DENIED" });
    });
  }

  it("the service itself refuses a member who does not administer the project, with the reason", async () => {
    const ctx = await contextFor(ALLEN);
    const refusal = await suggestNames(
      ctx,
      suggestNamesInput.parse({ project: "WonderLand", kind: "member", q: "" }),
    ).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      code: "FORBIDDEN",
      message:
        "Only the owner, a Super_Administrator or an Admin of WonderLand, or an auditor of its account, may see the names its grant pickers suggest.",
    });
  });

  it("the service answers NOT_FOUND for another account's project", async () => {
    const refusal = await suggestNames(
      await contextFor(SAM),
      suggestNamesInput.parse({ project: "WonderLand", kind: "role" }),
    ).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "NOT_FOUND" });
  });

  const INVALID: { description: string; input: Record<string, unknown>; field: string }[] = [
    { description: "an unknown kind", input: { kind: "everyone" }, field: "kind" },
    { description: "no kind", input: {}, field: "kind" },
    {
      description: "the project as an object type (it has no names to suggest)",
      input: { kind: "object", type: "Project" },
      field: "type",
    },
    { description: "a text too long", input: { kind: "member", q: "x".repeat(201) }, field: "q" },
  ];
  for (const testCase of INVALID) {
    it(`${testCase.description} → INVALID_INPUT on ${testCase.field}`, async () => {
      const result = await suggest(BOB, testCase.input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe("INVALID_INPUT");
      expect(result.error.fieldErrors?.[testCase.field]?.length).toBeGreaterThan(0);
    });
  }
});
