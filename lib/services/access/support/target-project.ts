import { prisma } from "@/lib/db/client";

/**
 * The id of the project a destination name names (names are global and unique without regard to case), or
 * undefined when it names none: ProjectProtection trusts projects by id, so the engine is given the id.
 * Whose project it is stays unsaid: the decision reads the same for a project of any tenant that is not
 * trusted and for a name that names no project.
 */
export async function targetProjectId(name: string | undefined): Promise<string | undefined> {
  if (name === undefined) return undefined;
  const project = await prisma.project.findFirst({
    where: { name: { equals: name, mode: "insensitive" } },
    select: { id: true },
  });
  return project?.id;
}
