import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { listMembers, listMembersInput } from "@/lib/services/members/list-members";
import { projectField } from "@/lib/services/project-field";
import { listRoles, listRolesInput } from "./list-roles";

/** At most this many choices in a select; a larger project is searched on the Members page. */
const CHOICES = 100;

export interface Choice {
  value: string;
  label: string;
}

export const roleAssignmentChoicesInput = z.object({ project: projectField });

/**
 * What the role assignment form offers: the project's assignable roles (not the Owner pseudo-role) and its
 * active user members. Both lists authorize as listing roles and members do (project administrators).
 */
export async function roleAssignmentChoices(ctx: ServiceContext, input: z.output<typeof roleAssignmentChoicesInput>) {
  const [roles, members] = await Promise.all([
    listRoles(ctx, listRolesInput.parse({ project: input.project, pageSize: CHOICES })),
    listMembers(ctx, listMembersInput.parse({ project: input.project, status: "active", pageSize: CHOICES })),
  ]);
  return {
    roles: roles.items.flatMap((role): Choice[] =>
      role.id ? [{ value: role.name, label: role.kind === "Custom" ? role.name : `${role.name} (built-in)` }] : [],
    ),
    members: members.items.flatMap((member): Choice[] =>
      member.userId ? [{ value: member.userId, label: `${member.displayName} (${member.principal})` }] : [],
    ),
  };
}

export const roleAssignmentChoicesEndpoint = defineEndpoint({
  name: "role.assignment-choices",
  input: roleAssignmentChoicesInput,
  permission: "console.admin",
  run: roleAssignmentChoices,
});
