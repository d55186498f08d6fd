import type { ScopedProject } from "@/lib/authorize/project-scope";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Another project's package that the installer may name: only one whose owner allowed this project (of a
 * tenant that is not disabled). Anything else — no such project, no such package, not allowed — answers
 * alike, so an installer learns nothing about packages not offered to it.
 */
export async function packageOfferedTo(
  installer: ScopedProject,
  reference: { ownerProject: string; packageName: string },
) {
  const found = await prisma.package.findFirst({
    where: {
      name: { equals: reference.packageName, mode: "insensitive" },
      project: { name: { equals: reference.ownerProject, mode: "insensitive" }, tenant: { disabled: false } },
      allowed: { some: { projectId: installer.id } },
    },
    select: { id: true, name: true, projectId: true, project: { select: { name: true } } },
  });
  if (!found) throw notOffered(installer, reference);
  return { ...found, qualifiedName: `${found.project.name}.${found.name}` };
}

/** An installed package of the project, by `owner.package` (any case), whether or not still allowed. */
export async function installedPackage(
  installer: ScopedProject,
  reference: { ownerProject: string; packageName: string },
) {
  const found = await prisma.packageInstallation.findFirst({
    where: {
      projectId: installer.id,
      package: {
        name: { equals: reference.packageName, mode: "insensitive" },
        project: { name: { equals: reference.ownerProject, mode: "insensitive" } },
      },
    },
    select: { package: { select: { id: true, name: true, projectId: true, project: { select: { name: true } } } } },
  });
  if (!found)
    throw new AppError("NOT_FOUND", `Package ${reference.ownerProject}.${reference.packageName} is not installed.`, {
      package: [`${installer.name} has not installed ${reference.ownerProject}.${reference.packageName}.`],
    });
  return { ...found.package, qualifiedName: `${found.package.project.name}.${found.package.name}` };
}

function notOffered(installer: ScopedProject, reference: { ownerProject: string; packageName: string }) {
  const name = `${reference.ownerProject}.${reference.packageName}`;
  return new AppError("NOT_FOUND", `No package ${name} is offered to ${installer.name}.`, {
    package: [`No package ${name} may be installed here: its owner must first allow ${installer.name} to install it.`],
  });
}
