import { projectInScope, type ScopedProject } from "@/lib/authorize/project-scope";
import { forbidden } from "@/lib/authorize/refusal";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { approvalRulesOf, defaultDaysOf, type ApprovalRules } from "./approval-rules";
import type { RequestInput } from "./request-fields";
import { requireNewTarget, type RequestTarget } from "./request-target";
import { requestedPayload } from "./requested-payload";

export interface PreparedRequest {
  project: ScopedProject;
  rules: ApprovalRules;
  target: RequestTarget;
  days: number;
  extendsGrantId: string | null;
}

/**
 * What creating and previewing a request share: the project (in the actor's scope), the requester a member of
 * it, the payload checked against the catalog (errors name the form's fields), the duration within the
 * project's maximum (its default for the kind when none is given; none for a role).
 */
export async function prepareRequest(ctx: ServiceContext, input: RequestInput): Promise<PreparedRequest> {
  const project = await projectInScope(ctx, input.project);
  const member =
    project.index.users[project.index.project.ownerInt]?.id === ctx.actor.userId ||
    (await prisma.projectMember.count({
      where: { projectId: project.id, userId: ctx.actor.userId, removedAt: null },
    })) > 0;
  if (!member) throw forbidden(`Only members of ${project.name} may ask for access in it.`);
  const rules = await approvalRulesOf(project.id);
  const { payload, extendsGrantId } = await requestedPayload(ctx, project, input);
  // A role has no expiry: its request records 0 days (request-fields refuses days given with one).
  const days = payload.kind === "ROLE" ? 0 : (input.days ?? defaultDaysOf(rules, payload.kind));
  if (days > rules.maxDays) throw invalidInput({ days: [`${project.name} grants at most ${rules.maxDays} days.`] });
  return { project, rules, target: requireNewTarget(project, payload), days, extendsGrantId };
}
