import { z } from "zod";
import { projectInScope } from "@/lib/authorize/project-scope";
import { authorizeAdministrator } from "@/lib/authorize/authorize-administrator";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { invalidInput, type FieldErrors } from "@/lib/errors";
import type { RequestKind } from "@/lib/generated/prisma/enums";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { projectField } from "@/lib/services/project-field";
import {
  approvalRulesOf,
  MAX_GRANT_DAYS,
  MAX_PENDING_DAYS,
  MAX_REQUIRED_APPROVALS,
  APPROVALS_FIELD,
  REQUEST_KINDS,
  type ApprovalRules,
} from "./support/approval-rules";

const count = (max: number, what: string) =>
  z.coerce
    .number({ error: `Give a number of ${what}.` })
    .int(`Give a whole number of ${what}.`)
    .min(1, `Give at least 1.`)
    .max(max, `Give at most ${max}.`);

/** Role names as a list (JSON), repeated form fields or one comma-separated value. */
const roleNames = z.preprocess(
  (value) =>
    value === undefined
      ? undefined
      : (typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : [value]).map((name) =>
          String(name).trim(),
        ),
  z.array(z.string().max(128)).max(50).optional(),
);

/** Any subset of the rules; those not named keep their value. */
export const updateApprovalSettingsInput = z.object({
  project: projectField,
  approverRoles: roleNames,
  /** Distinct approvals needed, per request kind (one flat field each, as a form sends them). */
  ...(Object.fromEntries(
    REQUEST_KINDS.map((kind) => [APPROVALS_FIELD[kind], count(MAX_REQUIRED_APPROVALS, "approvals").optional()]),
  ) as Record<(typeof APPROVALS_FIELD)[RequestKind], z.ZodOptional<ReturnType<typeof count>>>),
  defaultDays: count(MAX_GRANT_DAYS, "days").optional(),
  labelDefaultDays: count(MAX_GRANT_DAYS, "days").optional(),
  maxDays: count(MAX_GRANT_DAYS, "days").optional(),
  pendingExpiryDays: count(MAX_PENDING_DAYS, "days").optional(),
});

/**
 * Changes a project's approval rules (its administrators: owner, Super_Administrator, Admin), audited with the
 * values before and after. Approver roles must be roles of the project; the defaults may not exceed the maximum.
 */
export async function updateApprovalSettings(ctx: ServiceContext, input: z.output<typeof updateApprovalSettingsInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdministrator(ctx, project, "change its approval rules");
  const before = await approvalRulesOf(project.id);
  const roleNames = new Map(project.index.roles.map((role) => [role.name.toLowerCase(), role.name]));
  const after: ApprovalRules = {
    approverRoles: input.approverRoles
      ? [...new Set(input.approverRoles.filter(Boolean).map((name) => roleNames.get(name.toLowerCase()) ?? name))]
      : before.approverRoles,
    requiredApprovals: Object.fromEntries(
      REQUEST_KINDS.map((kind) => [kind, input[APPROVALS_FIELD[kind]] ?? before.requiredApprovals[kind]]),
    ) as ApprovalRules["requiredApprovals"],
    defaultDays: input.defaultDays ?? before.defaultDays,
    labelDefaultDays: input.labelDefaultDays ?? before.labelDefaultDays,
    maxDays: input.maxDays ?? before.maxDays,
    pendingExpiryDays: input.pendingExpiryDays ?? before.pendingExpiryDays,
  };
  const errors: FieldErrors = {};
  const unknown = after.approverRoles.filter((name) => !roleNames.has(name.toLowerCase()));
  if (unknown.length > 0) errors.approverRoles = [`${project.name} has no role ${unknown.join(", ")}.`];
  if (after.defaultDays > after.maxDays) errors.defaultDays = [`Give at most the maximum, ${after.maxDays} days.`];
  if (after.labelDefaultDays > after.maxDays)
    errors.labelDefaultDays = [`Give at most the maximum, ${after.maxDays} days.`];
  if (Object.keys(errors).length > 0) throw invalidInput(errors);

  return auditedTransaction(
    ctx,
    async (tx) => {
      const data = { ...after, requiredApprovals: after.requiredApprovals };
      await tx.projectApprovalSettings.upsert({
        where: { projectId: project.id },
        create: { projectId: project.id, ...data },
        update: data,
      });
      return { project: project.name, ...after };
    },
    (result) => ({
      action: "requests.settings.update",
      projectId: project.id,
      target: { type: "PROJECT", id: project.id, name: project.name },
      before,
      after: result,
    }),
  );
}

export const updateApprovalSettingsEndpoint = defineEndpoint({
  name: "requests.settings.update",
  input: updateApprovalSettingsInput,
  permission: "signed-in",
  run: updateApprovalSettings,
});
