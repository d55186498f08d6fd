import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { whoCanAccessEndpoint, type WhoCanAccess } from "@/lib/services/access/who-can-access";
import { itRefuses, type RefusalCase } from "../helpers/refusal-table";
import { setUserDisabledEndpoint } from "@/lib/services/tenants/set-user-disabled";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const ALICE = "alice@wonderland.example";

async function whoCan(caller: string | null, input: Record<string, unknown>) {
  const actor = caller ? (await contextFor(caller)).actor : null;
  return runEndpoint(whoCanAccessEndpoint, actor, requestMeta(), { project: "WonderLand", ...input });
}

async function allowed(caller: string, input: Record<string, unknown>): Promise<WhoCanAccess> {
  const result = await whoCan(caller, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** Both lists in full (every member fits one page of 200 in the demo), beside the first answer's counts. */
async function lists(caller: string, input: Record<string, unknown>) {
  const allowedPage = await allowed(caller, { ...input, effect: "Allow", pageSize: 200 });
  const deniedPage = await allowed(caller, { ...input, effect: "Deny", pageSize: 200 });
  return { ...allowedPage, allowed: allowedPage.items, denied: deniedPage.items };
}

const emails = (verdicts: WhoCanAccess["items"]) => verdicts.map((verdict) => verdict.user.email).sort();

describe("who can access", () => {
  it("user_profile.id_card: alice (owner) and bob (Admin) may read it, allen may not (label)", async () => {
    const result = await lists(ALICE, { objectName: "user_profile", column: "id_card" });
    expect(result.privilege).toBe("Select");
    expect(emails(result.allowed)).toEqual(["alice@wonderland.example", "bob@wonderland.example"]);
    expect(result.allowed.find((verdict) => verdict.user.email === "bob@wonderland.example")).toMatchObject({
      decidedBy: "Identity",
      sources: [{ kind: "admin-role" }],
    });
    expect(emails(result.denied)).toEqual(["allen@wonderland.example"]);
    expect(result.denied[0]).toMatchObject({ decidedBy: "LabelSecurity", reason: expect.stringMatching(/label 3/) });
  });

  it("user_profile.mobile: allen too, through his label grant and column grant", async () => {
    const result = await lists("bob@wonderland.example", { objectName: "user_profile", column: "mobile" });
    expect(emails(result.allowed)).toEqual([
      "alice@wonderland.example",
      "allen@wonderland.example",
      "bob@wonderland.example",
    ]);
    expect(
      result.allowed.find((verdict) => verdict.user.email === "allen@wonderland.example")!.sources[0],
    ).toMatchObject({ kind: "grant" });
  });

  it("the whole of user_profile: allen is denied but may still read five of its columns", async () => {
    const result = await lists(ALICE, { objectName: "user_profile" });
    expect(result.denied).toEqual([expect.objectContaining({ readableColumns: 5, decidedBy: "LabelSecurity" })]);
    expect(result.object).toMatchObject({ name: "user_profile", column: null, columnCount: 100 });
  });

  it("sales_orders Describe: allen through the analyst role", async () => {
    const result = await lists(ALICE, { objectName: "sales_orders", privilege: "Describe" });
    expect(
      result.allowed.find((verdict) => verdict.user.email === "allen@wonderland.example")!.sources[0],
    ).toMatchObject({ kind: "role", label: "Role analyst" });
  });

  it("disabling allen takes him off the allowed list at once (the projects' security versions move), enabling brings him back", async () => {
    const allen = await prisma.user.findUniqueOrThrow({ where: { email: "allen@wonderland.example" } });
    const setDisabled = async (disabled: boolean) => {
      const result = await runEndpoint(setUserDisabledEndpoint, (await contextFor(ALICE)).actor, requestMeta(), {
        userId: allen.id,
        disabled,
      });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    };
    const mobile = { objectName: "user_profile", column: "mobile" };
    expect(emails((await lists(ALICE, mobile)).allowed)).toContain(allen.email);
    const versions = async () =>
      Object.fromEntries((await prisma.project.findMany()).map((project) => [project.name, project.securityVersion]));
    const before = await versions();
    await setDisabled(true);
    const disabled = await lists(ALICE, mobile).finally(() => setDisabled(false));
    expect(emails(disabled.allowed)).not.toContain(allen.email);
    expect(disabled.denied.find((verdict) => verdict.user.email === allen.email)).toMatchObject({
      decidedBy: "Identity",
    });
    // allen is a member of WonderLand and WonderLand_dev, not of SecretGarden; enabling him moved them again.
    const after = await versions();
    expect({
      WonderLand: after.WonderLand! - before.WonderLand!,
      WonderLand_dev: after.WonderLand_dev! - before.WonderLand_dev!,
      SecretGarden: after.SecretGarden! - before.SecretGarden!,
    }).toEqual({ WonderLand: 2, WonderLand_dev: 2, SecretGarden: 0 });
    expect(emails((await lists(ALICE, mobile)).allowed)).toContain(allen.email);
  });

  it("counts every member and lists one page at a time, allowed or denied", async () => {
    const mobile = { objectName: "user_profile", column: "mobile" };
    const whole = await lists(ALICE, mobile);
    const second = await allowed(ALICE, { ...mobile, effect: "Allow", pageSize: 1, page: 2 });
    expect(second).toMatchObject({ effect: "Allow", total: whole.allowedCount, page: 2, pageSize: 1 });
    expect(second.items).toEqual([whole.allowed[1]]);
    expect(whole.allowedCount).toBe(whole.allowed.length);
    expect(whole.deniedCount).toBe(whole.denied.length);
    const byLayer = whole.byLayer.reduce((sum, row) => sum + row.allowed + row.denied, 0);
    expect(byLayer).toBe(whole.allowedCount + whole.deniedCount);
    const past = await allowed(ALICE, { ...mobile, effect: "Deny", page: 99 });
    expect(past).toMatchObject({ items: [], total: whole.deniedCount });
  });
});

const REFUSALS: {
  description: string;
  caller: string | null;
  input: Record<string, unknown>;
  code: RefusalCase["code"];
  field?: string;
}[] = [
  { description: "no session", caller: null, input: { objectName: "user_profile" }, code: "UNAUTHENTICATED" },
  {
    description: "the other tenant's owner",
    caller: "sam@secretgarden.example",
    input: { objectName: "user_profile" },
    code: "NOT_FOUND",
  },
  {
    description: "allen, an ordinary member (and no console.admin)",
    caller: "allen@wonderland.example",
    input: { objectName: "user_profile" },
    code: "FORBIDDEN",
  },
  {
    description: "bob in WonderLand_dev, where he is only a member",
    caller: "bob@wonderland.example",
    input: { project: "WonderLand_dev", objectName: "tmp_experiment" },
    code: "FORBIDDEN",
  },
  {
    description: "an unknown table",
    caller: ALICE,
    input: { objectName: "nope" },
    code: "INVALID_INPUT",
    field: "objectName",
  },
  {
    description: "an unknown column",
    caller: ALICE,
    input: { objectName: "user_profile", column: "shoe_size" },
    code: "INVALID_INPUT",
    field: "column",
  },
  {
    description: "a column with a privilege that is not a read",
    caller: ALICE,
    input: { objectName: "user_profile", column: "mobile", privilege: "Drop" },
    code: "INVALID_INPUT",
    field: "column",
  },
];

describe("who can access: who may ask", () => {
  itRefuses(
    REFUSALS.map(({ caller, ...testCase }) => ({
      ...testCase,
      who: caller,
      endpoint: whoCanAccessEndpoint,
      input: { project: "WonderLand", ...testCase.input },
    })),
    async () => ({ grants: await prisma.aclGrant.count(), labelGrants: await prisma.labelGrant.count() }),
  );
});
