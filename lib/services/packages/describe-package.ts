import { z } from "zod";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { projectInScope, type ScopedProject } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { OBJECT_TYPE_OF } from "@/lib/services/grants/support/grant-object";
import { principalOfUser } from "@/lib/services/members/support/user-principal";
import { projectField } from "@/lib/services/project-field";
import { installedPackage } from "./support/installable-package";
import { ownPackage } from "./support/own-package";
import { packageReference } from "./support/package-fields";

export const describePackageInput = z.object({
  project: projectField,
  /** A package of the project (`p`), or one installed here (`owner_project.p`). */
  packageName: packageReference.max(257),
});

/** Lists a package carries are bounded on screen; the counts say when there are more. */
const LIST_LIMIT = 500;

const objectsOf = (packageId: string) =>
  prisma.packageObject
    .findMany({
      where: { packageId },
      include: { object: { select: { type: true, name: true } } },
      orderBy: [{ object: { type: "asc" } }, { object: { name: "asc" } }],
      take: LIST_LIMIT,
    })
    .then((rows) =>
      rows.map((row) => ({ type: OBJECT_TYPE_OF[row.object.type], name: row.object.name, privileges: row.privileges })),
    );

/** The provider's view: what is shared, with which projects at which label, and who installed it. */
async function providerView(project: ScopedProject, name: string) {
  const pkg = await ownPackage(project, name);
  const [objects, allowed, installations, counts] = await Promise.all([
    objectsOf(pkg.id),
    prisma.packageAllowedProject.findMany({
      where: { packageId: pkg.id },
      include: { project: { select: { name: true } } },
      orderBy: { project: { name: "asc" } },
      take: LIST_LIMIT,
    }),
    prisma.packageInstallation.findMany({
      where: { packageId: pkg.id },
      // The installing project's name and date only: who installed it belongs to the installer's tenant.
      include: { project: { select: { name: true } } },
      orderBy: { project: { name: "asc" } },
      take: LIST_LIMIT,
    }),
    prisma.package.findUniqueOrThrow({
      where: { id: pkg.id },
      select: { _count: { select: { objects: true, allowed: true, installations: true } } },
    }),
  ]);
  const installedAt = new Map(installations.map((row) => [row.projectId, row.installedAt.toISOString()]));
  return {
    side: "provider" as const,
    project: project.name,
    name: pkg.name,
    description: pkg.description,
    objects,
    allowedProjects: allowed.map((row) => ({
      project: row.project.name,
      label: row.label ?? 0,
      installedAt: installedAt.get(row.projectId) ?? null,
    })),
    /** Installations whose project is no longer allowed: they give nothing until allowed again. */
    disallowedInstallations: installations
      .filter((row) => !allowed.some((allowance) => allowance.projectId === row.projectId))
      .map((row) => ({ project: row.project.name, installedAt: row.installedAt.toISOString() })),
    counts: counts._count,
  };
}

/** The installer's view: what the package shares, at which label, and which local users and roles hold Read on it. */
async function installerView(project: ScopedProject, reference: string) {
  const [ownerProject = "", packageName = ""] = reference.split(".");
  const pkg = await installedPackage(project, { ownerProject, packageName });
  const [objects, allowance, installation, grants] = await Promise.all([
    objectsOf(pkg.id),
    prisma.packageAllowedProject.findUnique({
      where: { packageId_projectId: { packageId: pkg.id, projectId: project.id } },
      select: { label: true },
    }),
    prisma.packageInstallation.findUniqueOrThrow({
      where: { packageId_projectId: { packageId: pkg.id, projectId: project.id } },
      select: { installedAt: true },
    }),
    prisma.aclGrant.findMany({
      where: { projectId: project.id, packageId: pkg.id },
      include: { granteeUser: { include: { tenant: { select: { name: true } } } }, granteeRole: true },
      orderBy: { createdAt: "asc" },
      take: LIST_LIMIT,
    }),
  ]);
  return {
    side: "installer" as const,
    project: project.name,
    name: pkg.qualifiedName,
    ownerProject: pkg.project.name,
    installedAt: installation.installedAt.toISOString(),
    allowed: allowance !== null,
    label: allowance ? (allowance.label ?? 0) : null,
    objects,
    grants: grants.map((grant) => ({
      id: grant.id,
      privilege: grant.privilege,
      granteeType: grant.granteeRole ? ("Role" as const) : ("User" as const),
      grantee: grant.granteeRole ? grant.granteeRole.name : principalOfUser(grant.granteeUser!),
      expiresAt: grant.expiresAt?.toISOString() ?? null,
    })),
  };
}

/** DESCRIBE PACKAGE for either side, for the project's administrators. */
export async function describePackage(ctx: ServiceContext, input: z.output<typeof describePackageInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "describe its packages");
  return input.packageName.includes(".")
    ? installerView(project, input.packageName)
    : providerView(project, input.packageName);
}

export type PackageDescription = Awaited<ReturnType<typeof describePackage>>;

export const describePackageEndpoint = defineEndpoint({
  name: "package.describe",
  input: describePackageInput,
  permission: "project.inspect",
  run: describePackage,
});
