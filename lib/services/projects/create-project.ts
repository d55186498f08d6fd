import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { BUILT_IN_ROLES } from "@/lib/db/built-in-roles";
import { isUniqueViolation } from "@/lib/db/unique-violation";

export const createProjectInput = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_]{2,27}$/, "Use 3–28 letters, digits or underscores, starting with a letter."),
  description: z.string().trim().max(500).default(""),
});

/**
 * Names are global (as in MaxCompute) and unique without regard to case (a unique index on lower(name)):
 * the answer says the name is taken, never whose it is, so a name of another tenant reads as one's own.
 */
const nameTaken = () =>
  new AppError("CONFLICT", "That name is taken.", { name: ["A project with this name already exists."] });

/** The account owner creates a project and becomes its owner; the built-in roles come with it. */
export async function createProject(ctx: ServiceContext, input: z.output<typeof createProjectInput>) {
  await authorizePermission(ctx.actor, "project.create");
  const taken = await prisma.project.findFirst({
    where: { name: { equals: input.name, mode: "insensitive" } },
    select: { id: true },
  });
  if (taken) throw nameTaken();

  // The check above races with a concurrent create of the same name: the unique constraint settles it.
  return auditedTransaction(
    ctx,
    (tx) =>
      tx.project.create({
        data: {
          name: input.name,
          description: input.description,
          tenantId: ctx.actor.tenantId,
          ownerId: ctx.actor.userId,
          members: { create: { userId: ctx.actor.userId } },
          roles: { create: BUILT_IN_ROLES.map((role) => ({ ...role })) },
        },
        select: { id: true, name: true, description: true },
      }),
    (project) => ({
      action: "project.create",
      projectId: project.id,
      target: { type: "PROJECT", id: project.id, name: project.name },
      after: project,
    }),
  ).catch((error: unknown) => {
    // Someone took the name between the look-up and the insert.
    throw isUniqueViolation(error) ? nameTaken() : error;
  });
}

export const createProjectEndpoint = defineEndpoint({
  name: "project.create",
  input: createProjectInput,
  permission: "project.create",
  run: createProject,
});
