import { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { createUniquelyNamed } from "@/lib/services/create-uniquely-named";
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
  return createUniquelyNamed({
    noun: "Role",
    name: input.name,
    projectName: project.name,
    create: () =>
      auditedTransaction(
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
      ),
  });
}

export const createRoleEndpoint = defineEndpoint({
  name: "role.create",
  input: createRoleInput,
  permission: "console.admin",
  run: createRole,
});
