import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/endpoint/context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { requirePermission } from "@/lib/endpoint/resolve-actor";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { BUILT_IN_ROLES } from "./support/built-in-roles";

export const createProjectInput = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_]{2,27}$/, "Use 3–28 letters, digits or underscores, starting with a letter."),
  description: z.string().trim().max(500).default(""),
});

/** The account owner creates a project and becomes its owner; the built-in roles come with it. */
export async function createProject(ctx: ServiceContext, input: z.output<typeof createProjectInput>) {
  await requirePermission(ctx.actor, "project.create");
  const taken = () => new AppError("CONFLICT", "That name is taken.", { name: ["A project with this name already exists."] });
  if (await prisma.project.findUnique({ where: { name: input.name }, select: { id: true } })) throw taken();

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
    (project) => ({ action: "project.create", projectId: project.id, target: { type: "PROJECT", id: project.id, name: project.name }, after: project }),
  ).catch((error: unknown) => {
    throw isUniqueViolation(error) ? taken() : error;
  });
}

export const createProjectEndpoint = defineEndpoint({
  name: "project.create",
  input: createProjectInput,
  permission: "project.create",
  run: createProject,
});
