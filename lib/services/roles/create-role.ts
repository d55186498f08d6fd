import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { newRoleName } from "./support/role-names";
import { projectField } from "@/lib/services/project-field";

export const createRoleInput = z.object({
  project: projectField,
  name: newRoleName,
  description: z.string().trim().max(500).default(""),
});

/** CREATE ROLE: a custom role, unique in the project whatever its case (the engine matches names case-insensitively). */
export async function createRole(ctx: ServiceContext, input: z.output<typeof createRoleInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "CreateRole", roleName: input.name });
  const taken = () =>
    new AppError("CONFLICT", `Role ${input.name} already exists in ${project.name}.`, {
      name: ["A role with this name already exists in this project."],
    });
  const existing = await prisma.projectRole.findFirst({
    where: { projectId: project.id, name: { equals: input.name, mode: "insensitive" } },
    select: { id: true },
  });
  if (existing) throw taken();

  try {
    return await auditedTransaction(
      ctx,
      async (tx) => {
        const role = await tx.projectRole.create({
          data: { projectId: project.id, name: input.name, description: input.description, kind: "CUSTOM" },
          select: { id: true, name: true, description: true },
        });
        await bumpSecurityVersion(tx, project.id);
        return role;
      },
      (role) => ({
        action: "role.create",
        projectId: project.id,
        target: { type: "ROLE", id: role.id, name: role.name },
        after: role,
      }),
    );
  } catch (error) {
    throw isUniqueViolation(error) ? taken() : error;
  }
}

export const createRoleEndpoint = defineEndpoint({
  name: "role.create",
  input: createRoleInput,
  permission: "console.admin",
  run: createRole,
});
