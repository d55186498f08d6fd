import { describe, expect, it } from "vitest";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { checkAccessEndpoint, type CheckAccessResult } from "@/lib/services/access/check-access";
import { grantPrivilegesEndpoint } from "@/lib/services/grants/grant-privileges";
import { addPackageObjectEndpoint } from "@/lib/services/packages/add-package-object";
import { allowPackageProjectEndpoint } from "@/lib/services/packages/allow-package-project";
import { createPackageEndpoint } from "@/lib/services/packages/create-package";
import { describePackageEndpoint, type PackageDescription } from "@/lib/services/packages/describe-package";
import { disallowPackageProjectEndpoint } from "@/lib/services/packages/disallow-package-project";
import { dropPackageEndpoint } from "@/lib/services/packages/drop-package";
import { installPackageEndpoint } from "@/lib/services/packages/install-package";
import { listInstalledPackagesEndpoint } from "@/lib/services/packages/list-installed-packages";
import { listPackagesEndpoint } from "@/lib/services/packages/list-packages";
import { packageReadersEndpoint, type PackageReaders } from "@/lib/services/packages/package-readers";
import { removePackageObjectEndpoint } from "@/lib/services/packages/remove-package-object";
import { uninstallPackageEndpoint } from "@/lib/services/packages/uninstall-package";
import { itRefuses, type AnyEndpoint, type RefusalCase } from "../helpers/refusal-table";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();

const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const SAM = "sam@secretgarden.example";
const MARY = "mary@secretgarden.example";
const MARY_PRINCIPAL = "RAM$secretgarden:mary";
const LEVEL_3 = ["id_card", "credit_card"];
const LEVEL_2 = ["mobile", "user_addr", "birthday"];

async function call<Output>(who: string, endpoint: EndpointDefinition<never, Output>, input: Record<string, unknown>) {
  const { actor } = await contextFor(who);
  const result = await runEndpoint(endpoint as unknown as AnyEndpoint, actor, requestMeta(), input);
  if (!result.ok)
    throw new Error(`${endpoint.name}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error)}`);
  return result.data as Output;
}

/** The newest audit row, which the call just made must have written. */
const lastAudit = () => prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

/** mary (SecretGarden) reading WonderLand.user_profile's given columns through a package, as sam asks the engine. */
async function maryReads(columns: string[]) {
  return call<CheckAccessResult>(SAM, checkAccessEndpoint as never, {
    project: "SecretGarden",
    principal: MARY_PRINCIPAL,
    action: "Select",
    objectType: "Table",
    objectName: "user_profile",
    objectProject: "WonderLand",
    columns,
  });
}
const allowedColumns = (result: CheckAccessResult) =>
  result.decision.columns.filter((column) => column.effect === "Allow").map((column) => column.column);

/** alice copying user_profile from protected WonderLand into SecretGarden (CREATE TABLE AS SELECT there). */
async function flowToSecretGarden() {
  return call<CheckAccessResult>(ALICE, checkAccessEndpoint as never, {
    project: "WonderLand",
    principal: "ALIYUN$alice@wonderland.example",
    action: "Select",
    objectType: "Table",
    objectName: "user_profile",
    columns: ["id", "gender"],
    targetProject: "SecretGarden",
  });
}
const protectionStep = (result: CheckAccessResult) =>
  result.decision.steps.find((step) => step.layer === "ProjectProtection");

describe("the package journey at the service level, each step audited and seen by the engine at once", () => {
  it("before anything, mary reads nothing of WonderLand and WonderLand's data may not flow to SecretGarden", async () => {
    expect((await maryReads(["id", "gender"])).decision.effect).toBe("Deny");
    const flow = await flowToSecretGarden();
    expect(flow.decision).toMatchObject({ effect: "Deny", decidedBy: "ProjectProtection" });
  });

  it("alice creates a package; names are unique whatever their case", async () => {
    const created = await call<{ name: string }>(ALICE, createPackageEndpoint as never, {
      project: "WonderLand",
      name: "garden_share",
      description: "Profiles shared with Secret Garden.",
    });
    expect(created.name).toBe("garden_share");
    expect(await lastAudit()).toMatchObject({
      action: "package.create",
      result: "SUCCESS",
      targetName: "garden_share",
    });
  });

  it("bob (Admin) adds user_profile with the default privileges, and dim_region with named ones", async () => {
    const added = await call<{ privileges: string[] }>(BOB, addPackageObjectEndpoint as never, {
      project: "WonderLand",
      packageName: "GARDEN_SHARE",
      objectType: "Table",
      objectName: "User_Profile",
    });
    expect(added.privileges).toEqual(["Describe", "Select"]);
    expect(await lastAudit()).toMatchObject({ action: "package.object.add", result: "SUCCESS" });
    const named = await call<{ privileges: string[] }>(BOB, addPackageObjectEndpoint as never, {
      project: "WonderLand",
      packageName: "garden_share",
      objectType: "Table",
      objectName: "dim_region",
      privileges: "select, DOWNLOAD",
    });
    expect(named.privileges).toEqual(["Select", "Download"]);
  });

  it("alice allows SecretGarden (another tenant) to install it using label 2", async () => {
    const allowed = await call<{ label: number; allowedProject: string }>(ALICE, allowPackageProjectEndpoint as never, {
      project: "WonderLand",
      packageName: "garden_share",
      allowedProject: "secretgarden",
      label: "2",
    });
    expect(allowed).toMatchObject({ allowedProject: "SecretGarden", label: 2 });
    expect(await lastAudit()).toMatchObject({ action: "package.allow", result: "SUCCESS" });
    // Allowed but not installed: the data still may not flow there.
    expect((await flowToSecretGarden()).decision.effect).toBe("Deny");
  });

  it("sam sees it offered, installs it; WonderLand, though protected, now shares with SecretGarden", async () => {
    const offered = await call<{ items: { name: string; installed: boolean; label: number }[] }>(
      SAM,
      listInstalledPackagesEndpoint as never,
      { project: "SecretGarden" },
    );
    expect(offered.items).toEqual([
      expect.objectContaining({ name: "WonderLand.garden_share", installed: false, label: 2 }),
    ]);
    const versions = await prisma.project.findMany({ where: { name: { in: ["WonderLand", "SecretGarden"] } } });
    await call(SAM, installPackageEndpoint as never, { project: "SecretGarden", package: "wonderland.GARDEN_SHARE" });
    expect(await lastAudit()).toMatchObject({ action: "package.install", result: "SUCCESS" });
    // Both sides' decisions change, so both sides' cached indexes are retired.
    for (const before of versions) {
      const after = await prisma.project.findUniqueOrThrow({ where: { id: before.id } });
      expect(after.securityVersion).toBeGreaterThan(before.securityVersion);
    }
    const flow = await flowToSecretGarden();
    expect(flow.decision.effect).toBe("Allow");
    expect(protectionStep(flow)).toMatchObject({ verdict: "Pass", ruleId: "package:wonderland.garden_share" });
  });

  it("installed but not granted: mary, an ordinary member, reads nothing through it", async () => {
    const result = await maryReads(["id", "gender"]);
    expect(result.decision.effect).toBe("Deny");
    expect(result.decision.steps.find((step) => step.layer === "Package")?.text).toMatch(/no Read privilege/);
  });

  it("sam grants Read on the installed package to the local role garden_analyst (the grants service)", async () => {
    await call(SAM, grantPrivilegesEndpoint as never, {
      project: "SecretGarden",
      objectType: "Package",
      objectName: "WonderLand.garden_share",
      privileges: "Read",
      granteeType: "Role",
      grantee: "garden_analyst",
    });
    expect(await lastAudit()).toMatchObject({ action: "grant.create", result: "SUCCESS" });
  });

  it("mary, through her role, reads every column up to label 2 and not the two level-3 columns", async () => {
    const result = await maryReads(["id", "gender", ...LEVEL_2, ...LEVEL_3]);
    expect(allowedColumns(result).sort()).toEqual(["id", "gender", ...LEVEL_2].sort());
    for (const column of LEVEL_3)
      expect(result.decision.columns.find((verdict) => verdict.column === column)).toMatchObject({
        effect: "Deny",
        decidedBy: "LabelSecurity",
      });
  });

  it("the installer's 'may read' view says the same, from the engine", async () => {
    const readers = await call<PackageReaders>(SAM, packageReadersEndpoint as never, {
      project: "SecretGarden",
      package: "WonderLand.garden_share",
      q: "mary",
    });
    const profile = readers.items[0]!.objects.find((object) => object.object === "WonderLand.user_profile")!;
    expect(profile.denied.map((denied) => denied.column).sort()).toEqual([...LEVEL_3].sort());
    expect(profile.readable).toHaveLength(98);
  });

  it("both sides describe the package", async () => {
    const provider = await call<PackageDescription>(ALICE, describePackageEndpoint as never, {
      project: "WonderLand",
      packageName: "garden_share",
    });
    expect(provider).toMatchObject({
      side: "provider",
      objects: [
        { type: "Table", name: "dim_region", privileges: ["Select", "Download"] },
        { type: "Table", name: "user_profile", privileges: ["Describe", "Select"] },
      ],
      allowedProjects: [{ project: "SecretGarden", label: 2, installedAt: expect.any(String) }],
    });
    const installer = await call<PackageDescription>(SAM, describePackageEndpoint as never, {
      project: "SecretGarden",
      packageName: "WonderLand.garden_share",
    });
    expect(installer).toMatchObject({
      side: "installer",
      allowed: true,
      label: 2,
      grants: [{ privilege: "Read", granteeType: "Role", grantee: "garden_analyst" }],
    });
    const listed = await call<{ items: { name: string; installations: number }[] }>(
      ALICE,
      listPackagesEndpoint as never,
      {
        project: "WonderLand",
        q: "garden",
      },
    );
    expect(listed.items).toEqual([expect.objectContaining({ name: "garden_share", installations: 1 })]);
  });

  it("REMOVE user_profile FROM PACKAGE: gone for mary at once; adding it back restores it", async () => {
    await call(ALICE, removePackageObjectEndpoint as never, {
      project: "WonderLand",
      packageName: "garden_share",
      objectType: "Table",
      objectName: "user_profile",
    });
    expect(await lastAudit()).toMatchObject({ action: "package.object.remove", result: "SUCCESS" });
    expect((await maryReads(["id"])).decision.effect).toBe("Deny");
    await call(ALICE, addPackageObjectEndpoint as never, {
      project: "WonderLand",
      packageName: "garden_share",
      objectType: "Table",
      objectName: "user_profile",
    });
    expect((await maryReads(["id"])).decision.effect).toBe("Allow");
  });

  it("DISALLOW after install: mary's access and the protected flow are gone on the next request", async () => {
    await call(ALICE, disallowPackageProjectEndpoint as never, {
      project: "WonderLand",
      packageName: "garden_share",
      allowedProject: "SECRETGARDEN",
    });
    expect(await lastAudit()).toMatchObject({ action: "package.disallow", result: "SUCCESS" });
    expect((await maryReads(["id", "gender"])).decision.effect).toBe("Deny");
    expect((await flowToSecretGarden()).decision).toMatchObject({ effect: "Deny", decidedBy: "ProjectProtection" });
    const installer = await call<PackageDescription>(SAM, describePackageEndpoint as never, {
      project: "SecretGarden",
      packageName: "WonderLand.garden_share",
    });
    expect(installer).toMatchObject({ allowed: false, label: null });
  });

  it("allowed again (label 0 by default), mary reads only the unlabelled columns; UNINSTALL takes it and its grants", async () => {
    await call(ALICE, allowPackageProjectEndpoint as never, {
      project: "WonderLand",
      packageName: "garden_share",
      allowedProject: "SecretGarden",
    });
    // user_profile carries table label 1, so at label 0 only columns labelled 0 could open: there are none.
    expect((await maryReads(["id", "gender"])).decision.effect).toBe("Deny");
    await call(ALICE, allowPackageProjectEndpoint as never, {
      project: "WonderLand",
      packageName: "garden_share",
      allowedProject: "SecretGarden",
      label: 1,
    });
    expect(allowedColumns(await maryReads(["id", "mobile"]))).toEqual(["id"]);

    const uninstalled = await call<{ grantsRemoved: number }>(SAM, uninstallPackageEndpoint as never, {
      project: "SecretGarden",
      package: "WonderLand.garden_share",
    });
    expect(uninstalled.grantsRemoved).toBe(1);
    expect(await lastAudit()).toMatchObject({ action: "package.uninstall", result: "SUCCESS" });
    expect((await maryReads(["id"])).decision.effect).toBe("Deny");
    expect((await flowToSecretGarden()).decision.effect).toBe("Deny");
  });

  it("DROP PACKAGE takes its objects and allowances with it", async () => {
    await call(ALICE, dropPackageEndpoint as never, { project: "WonderLand", packageName: "garden_share" });
    expect(await lastAudit()).toMatchObject({ action: "package.drop", result: "SUCCESS" });
    expect(await prisma.package.count({ where: { name: "garden_share" } })).toBe(0);
    expect(await prisma.packageAllowedProject.count()).toBe(1); // the demo's wonderland_share → WonderLand_dev
  });
});

/** Everything package operations touch, so a refusal can be shown to have changed nothing. */
async function packageState() {
  const [packages, objects, allowed, installations, grants, versions] = await Promise.all([
    prisma.package.findMany({ orderBy: { id: "asc" } }),
    prisma.packageObject.findMany({ orderBy: [{ packageId: "asc" }, { objectId: "asc" }] }),
    prisma.packageAllowedProject.findMany({ orderBy: [{ packageId: "asc" }, { projectId: "asc" }] }),
    prisma.packageInstallation.findMany({ orderBy: [{ packageId: "asc" }, { projectId: "asc" }] }),
    prisma.aclGrant.count(),
    prisma.project.findMany({ orderBy: { id: "asc" }, select: { securityVersion: true } }),
  ]);
  return { packages, objects, allowed, installations, grants, versions };
}

const WL_SHARE = { project: "WonderLand", packageName: "wonderland_share" };
const OFFERED_TO_DEV = { project: "WonderLand_dev", package: "WonderLand.wonderland_share" };
const refusals: RefusalCase[] = [
  // Provider side: the owner, Super_Administrator and Admin only (no package operation is the owner's alone).
  {
    description: "no session",
    who: null,
    endpoint: createPackageEndpoint as AnyEndpoint,
    input: { project: "WonderLand", name: "p1" },
    code: "UNAUTHENTICATED",
  },
  {
    description: "allen, an ordinary member",
    who: ALLEN,
    endpoint: createPackageEndpoint as AnyEndpoint,
    input: { project: "WonderLand", name: "p1" },
    code: "FORBIDDEN",
  },
  {
    description: "sam, of the other tenant",
    who: SAM,
    endpoint: createPackageEndpoint as AnyEndpoint,
    input: { project: "WonderLand", name: "p1" },
    code: "NOT_FOUND",
  },
  {
    description: "a name taken in another case",
    who: ALICE,
    endpoint: createPackageEndpoint as AnyEndpoint,
    input: { project: "WonderLand", name: "WonderLand_Share" },
    code: "CONFLICT",
    field: "name",
  },
  {
    description: "a name with a dot",
    who: ALICE,
    endpoint: createPackageEndpoint as AnyEndpoint,
    input: { project: "WonderLand", name: "a.b" },
    code: "INVALID_INPUT",
    field: "name",
  },
  {
    description: "allen",
    who: ALLEN,
    endpoint: dropPackageEndpoint as AnyEndpoint,
    input: WL_SHARE,
    code: "FORBIDDEN",
  },
  { description: "sam", who: SAM, endpoint: dropPackageEndpoint as AnyEndpoint, input: WL_SHARE, code: "NOT_FOUND" },
  {
    description: "a package that does not exist",
    who: ALICE,
    endpoint: dropPackageEndpoint as AnyEndpoint,
    input: { project: "WonderLand", packageName: "nope" },
    code: "NOT_FOUND",
    field: "packageName",
  },
  {
    description: "allen",
    who: ALLEN,
    endpoint: addPackageObjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, objectType: "Table", objectName: "sales_orders" },
    code: "FORBIDDEN",
  },
  {
    description: "sam",
    who: SAM,
    endpoint: addPackageObjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, objectType: "Table", objectName: "sales_orders" },
    code: "NOT_FOUND",
  },
  {
    description: "a privilege tables do not have",
    who: ALICE,
    endpoint: addPackageObjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, objectType: "Table", objectName: "dim_region", privileges: ["Select", "Execute"] },
    code: "INVALID_INPUT",
    field: "privileges",
    message: /Execute/,
  },
  {
    description: "All is never shared wholesale",
    who: ALICE,
    endpoint: addPackageObjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, objectType: "Table", objectName: "dim_region", privileges: "All" },
    code: "INVALID_INPUT",
    field: "privileges",
  },
  {
    description: "an object the project does not have",
    who: ALICE,
    endpoint: addPackageObjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, objectType: "Table", objectName: "garden_plants" },
    code: "INVALID_INPUT",
    field: "objectName",
  },
  {
    description: "a project as the object type",
    who: ALICE,
    endpoint: addPackageObjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, objectType: "Project", objectName: "WonderLand" },
    code: "INVALID_INPUT",
    field: "objectType",
  },
  {
    description: "allen",
    who: ALLEN,
    endpoint: removePackageObjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, objectType: "Table", objectName: "dim_region" },
    code: "FORBIDDEN",
  },
  {
    description: "an object not in the package",
    who: ALICE,
    endpoint: removePackageObjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, objectType: "Table", objectName: "sales_orders" },
    code: "NOT_FOUND",
    field: "objectName",
  },
  {
    description: "allen",
    who: ALLEN,
    endpoint: allowPackageProjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, allowedProject: "SecretGarden" },
    code: "FORBIDDEN",
  },
  {
    description: "sam allows himself",
    who: SAM,
    endpoint: allowPackageProjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, allowedProject: "SecretGarden" },
    code: "NOT_FOUND",
  },
  {
    description: "a project no one has",
    who: ALICE,
    endpoint: allowPackageProjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, allowedProject: "Atlantis" },
    code: "NOT_FOUND",
    field: "allowedProject",
  },
  {
    description: "the project itself",
    who: ALICE,
    endpoint: allowPackageProjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, allowedProject: "wonderland" },
    code: "INVALID_INPUT",
    field: "allowedProject",
  },
  {
    description: "a label over 9",
    who: ALICE,
    endpoint: allowPackageProjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, allowedProject: "SecretGarden", label: "10" },
    code: "INVALID_INPUT",
    field: "label",
  },
  {
    description: "allen",
    who: ALLEN,
    endpoint: disallowPackageProjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, allowedProject: "WonderLand_dev" },
    code: "FORBIDDEN",
  },
  {
    description: "a project that was never allowed",
    who: ALICE,
    endpoint: disallowPackageProjectEndpoint as AnyEndpoint,
    input: { ...WL_SHARE, allowedProject: "SecretGarden" },
    code: "NOT_FOUND",
    field: "allowedProject",
  },
  // Installer side: the consuming project's owner and administrators.
  {
    description: "mary, an ordinary member of SecretGarden",
    who: MARY,
    endpoint: installPackageEndpoint as AnyEndpoint,
    input: { project: "SecretGarden", package: "WonderLand.wonderland_share" },
    code: "FORBIDDEN",
  },
  {
    description: "a package not offered to SecretGarden answers as one that does not exist",
    who: SAM,
    endpoint: installPackageEndpoint as AnyEndpoint,
    input: { project: "SecretGarden", package: "WonderLand.wonderland_share" },
    code: "NOT_FOUND",
    field: "package",
    message: /must first allow SecretGarden/,
  },
  {
    description: "a package no one has, alike",
    who: SAM,
    endpoint: installPackageEndpoint as AnyEndpoint,
    input: { project: "SecretGarden", package: "WonderLand.nothing" },
    code: "NOT_FOUND",
    field: "package",
    message: /must first allow SecretGarden/,
  },
  {
    description: "a name without its project",
    who: SAM,
    endpoint: installPackageEndpoint as AnyEndpoint,
    input: { project: "SecretGarden", package: "wonderland_share" },
    code: "INVALID_INPUT",
    field: "package",
  },
  {
    description: "allen, into WonderLand_dev",
    who: ALLEN,
    endpoint: installPackageEndpoint as AnyEndpoint,
    input: OFFERED_TO_DEV,
    code: "FORBIDDEN",
  },
  {
    description: "sam, into a project of the other tenant",
    who: SAM,
    endpoint: installPackageEndpoint as AnyEndpoint,
    input: OFFERED_TO_DEV,
    code: "NOT_FOUND",
  },
  {
    description: "already installed",
    who: ALICE,
    endpoint: installPackageEndpoint as AnyEndpoint,
    input: OFFERED_TO_DEV,
    code: "CONFLICT",
    field: "package",
  },
  {
    description: "allen",
    who: ALLEN,
    endpoint: uninstallPackageEndpoint as AnyEndpoint,
    input: OFFERED_TO_DEV,
    code: "FORBIDDEN",
  },
  {
    description: "sam",
    who: SAM,
    endpoint: uninstallPackageEndpoint as AnyEndpoint,
    input: OFFERED_TO_DEV,
    code: "NOT_FOUND",
  },
  {
    description: "a package not installed",
    who: SAM,
    endpoint: uninstallPackageEndpoint as AnyEndpoint,
    input: { project: "SecretGarden", package: "WonderLand.wonderland_share" },
    code: "NOT_FOUND",
    field: "package",
  },
  // Reads: the project's administrators only.
  {
    description: "allen",
    who: ALLEN,
    endpoint: listPackagesEndpoint as AnyEndpoint,
    input: { project: "WonderLand" },
    code: "FORBIDDEN",
  },
  {
    description: "sam",
    who: SAM,
    endpoint: listPackagesEndpoint as AnyEndpoint,
    input: { project: "WonderLand" },
    code: "NOT_FOUND",
  },
  {
    description: "mary",
    who: MARY,
    endpoint: listInstalledPackagesEndpoint as AnyEndpoint,
    input: { project: "SecretGarden" },
    code: "FORBIDDEN",
  },
  {
    description: "sam describes WonderLand's package",
    who: SAM,
    endpoint: describePackageEndpoint as AnyEndpoint,
    input: WL_SHARE,
    code: "NOT_FOUND",
  },
  {
    description: "sam describes it from his project, where it is not installed",
    who: SAM,
    endpoint: describePackageEndpoint as AnyEndpoint,
    input: { project: "SecretGarden", packageName: "WonderLand.wonderland_share" },
    code: "NOT_FOUND",
  },
  {
    description: "allen",
    who: ALLEN,
    endpoint: packageReadersEndpoint as AnyEndpoint,
    input: OFFERED_TO_DEV,
    code: "FORBIDDEN",
  },
];

describe("refusals: each answered with its code, audited, and changing nothing", () => {
  itRefuses(refusals, packageState);
});
