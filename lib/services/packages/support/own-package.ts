import type { ScopedProject } from "@/lib/authorize/project-scope";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** A package the project created, by name (any case), or NOT_FOUND naming the field. */
export async function ownPackage(project: ScopedProject, name: string, field = "packageName") {
  const found = await prisma.package.findFirst({
    where: { projectId: project.id, name: { equals: name, mode: "insensitive" } },
  });
  if (!found)
    throw new AppError("NOT_FOUND", `Project ${project.name} has no package ${name}.`, {
      [field]: [`${project.name} has no package named ${name}.`],
    });
  return found;
}
