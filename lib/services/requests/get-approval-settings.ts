import { z } from "zod";
import { projectInScope } from "@/lib/authorize/project-scope";
import { administers } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { projectField } from "@/lib/services/project-field";
import { approvalRulesOf, type ApprovalRules } from "./support/approval-rules";

export const getApprovalSettingsInput = z.object({ project: projectField });

export interface ApprovalSettingsView extends ApprovalRules {
  project: string;
  /** The project's role names, to pick approver roles from. */
  roles: string[];
  /** Whether the caller may change them (the project's administrators: owner, Super_Administrator, Admin). */
  mayChange: boolean;
}

/**
 * A project's approval rules. Members read them (the request form shows the default and maximum duration);
 * its administrators (owner, Super_Administrator, Admin) change them.
 */
export async function getApprovalSettings(
  ctx: ServiceContext,
  input: z.output<typeof getApprovalSettingsInput>,
): Promise<ApprovalSettingsView> {
  const project = await projectInScope(ctx, input.project);
  return {
    project: project.name,
    ...(await approvalRulesOf(project.id)),
    roles: project.index.roles.map((role) => role.name),
    mayChange: administers(project.index, ctx.actor.userId),
  };
}

export const getApprovalSettingsEndpoint = defineEndpoint({
  name: "requests.settings.get",
  input: getApprovalSettingsInput,
  permission: "signed-in",
  run: getApprovalSettings,
});
