import { z } from "zod";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { projectField } from "@/lib/services/project-field";

export const listInstalledPackagesInput = z.object({
  project: projectField,
  q: z.string().trim().max(128).optional(),
  /** installed: installed here; offered: allowed here but not installed. Omitted = both. */
  status: z.enum(["installed", "offered"]).optional(),
  ...paginationFields(),
});

export interface InstallerPackage {
  /** `owner_project.package`, as INSTALL PACKAGE names it. */
  name: string;
  ownerProject: string;
  installed: boolean;
  installedAt: string | null;
  /** Whether the owner still allows this project; an installation that is not allowed gives nothing. */
  allowed: boolean;
  /** The `USING LABEL` clearance its users read with (null when no longer allowed). */
  label: number | null;
  objects: number;
  /** Local grants of Read on the package. */
  readGrants: number;
}

/**
 * SHOW PACKAGES, the installer's side: other projects' packages installed here or offered here (allowed but
 * not installed), for the project's administrators. Only packages offered to this project appear, so nothing
 * is learnt about others.
 */
export async function listInstalledPackages(ctx: ServiceContext, input: z.output<typeof listInstalledPackagesInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "see its installed packages");
  const installed: Prisma.PackageWhereInput = { installations: { some: { projectId: project.id } } };
  const offered: Prisma.PackageWhereInput = {
    allowed: { some: { projectId: project.id } },
    installations: { none: { projectId: project.id } },
    project: { tenant: { disabled: false } },
  };
  const where: Prisma.PackageWhereInput = {
    AND: [
      input.status === "installed" ? installed : input.status === "offered" ? offered : { OR: [installed, offered] },
      input.q
        ? {
            OR: [
              { name: { contains: input.q, mode: "insensitive" } },
              { project: { name: { contains: input.q, mode: "insensitive" } } },
            ],
          }
        : {},
    ],
  };
  const [total, rows] = await Promise.all([
    prisma.package.count({ where }),
    prisma.package.findMany({
      where,
      orderBy: [{ project: { name: "asc" } }, { name: "asc" }],
      ...pageWindow(input),
      include: {
        project: { select: { name: true } },
        installations: { where: { projectId: project.id }, select: { installedAt: true } },
        allowed: { where: { projectId: project.id }, select: { label: true } },
        _count: { select: { objects: true, aclGrants: { where: { projectId: project.id } } } },
      },
    }),
  ]);
  const items = rows.map((row): InstallerPackage => {
    const installation = row.installations[0];
    const allowance = row.allowed[0];
    return {
      name: `${row.project.name}.${row.name}`,
      ownerProject: row.project.name,
      installed: installation !== undefined,
      installedAt: installation?.installedAt.toISOString() ?? null,
      allowed: allowance !== undefined,
      label: allowance ? (allowance.label ?? 0) : null,
      objects: row._count.objects,
      readGrants: row._count.aclGrants,
    };
  });
  return { project: project.name, items, total, page: input.page, pageSize: input.pageSize };
}

export const listInstalledPackagesEndpoint = defineEndpoint({
  name: "package.list-installed",
  input: listInstalledPackagesInput,
  permission: "project.inspect",
  run: listInstalledPackages,
});
