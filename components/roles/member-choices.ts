import type { SelectOption } from "@/components/ui/Select";
import type { ServiceContext } from "@/lib/context/service-context";
import { listMembers, listMembersInput } from "@/lib/services/members/list-members";
import { listRoles, listRolesInput } from "@/lib/services/roles/list-roles";

/** At most this many choices in a select; a larger project is searched on the Members page. */
const CHOICES = 100;

/** Active user members of a project, as choices for a role assignment. */
export async function memberChoices(ctx: ServiceContext, project: string): Promise<SelectOption[]> {
  const members = await listMembers(ctx, listMembersInput.parse({ project, status: "active", pageSize: CHOICES }));
  return members.items.flatMap((member) => (member.userId ? [{ value: member.userId, label: `${member.displayName} (${member.principal})` }] : []));
}

/** The project's assignable roles (not the Owner pseudo-role), as choices. */
export async function roleChoices(ctx: ServiceContext, project: string): Promise<SelectOption[]> {
  const roles = await listRoles(ctx, listRolesInput.parse({ project, pageSize: CHOICES }));
  return roles.items.flatMap((role) => (role.id ? [{ value: role.name, label: role.kind === "Custom" ? role.name : `${role.name} (built-in)` }] : []));
}
