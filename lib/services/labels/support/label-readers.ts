import { inspects } from "@/lib/authz";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import type { ScopedProject } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { forbidden } from "@/lib/authorize/refusal";

/**
 * Label views a member may read about themselves (their clearance and label grants), and administrators
 * and the account's auditors about anyone. `userId` null = the caller. Refuses (FORBIDDEN) a member asking about someone else, and
 * anyone not in the project.
 */
export function authorizeLabelReader(ctx: ServiceContext, project: ScopedProject, userId: string | null): void {
  if (inspects(project.index, ctx.actor)) return;
  if (userId !== null && userId !== ctx.actor.userId)
    authorizeInspection(ctx, project, "see the label grants of other users");
  const me = project.index.users[project.index.userById.get(ctx.actor.userId) ?? -1];
  if (!me?.isMember) throw forbidden(`Only members of ${project.name} may see its label grants.`);
}
