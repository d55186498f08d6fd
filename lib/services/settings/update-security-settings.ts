import { z } from "zod";
import { booleanField } from "@/lib/shared/boolean-field";
import { projectInScope } from "@/lib/authorize/project-scope";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { SECURITY_SWITCHES, type SecuritySwitchName } from "./support/security-switches";
import { policyDocumentField, requireValidPolicy } from "@/lib/services/policies/support/policy-validation";
import { projectField } from "@/lib/services/project-field";

const switchValue = booleanField.optional();

/**
 * The exception policy as text (a form) or JSON (the API), capped like every policy document (64 KB, in
 * either form); "" (or blanks) or null removes it.
 */
const exceptionPolicyValue = z
  .union([
    z.null(),
    z
      .string()
      .trim()
      .length(0)
      .transform(() => null),
    policyDocumentField,
  ])
  .optional();

/** Any subset of the settings, named as MaxCompute names them; fields not listed here are ignored. */
export const updateSecuritySettingsInput = z.object({
  project: projectField,
  CheckPermissionUsingACL: switchValue,
  CheckPermissionUsingPolicy: switchValue,
  ObjectCreatorHasAccessPermission: switchValue,
  ObjectCreatorHasGrantPermission: switchValue,
  LabelSecurity: switchValue,
  NoWriteDown: switchValue,
  ProjectProtection: switchValue,
  ExceptionPolicy: exceptionPolicyValue,
});

type SettingsChange = Partial<Record<SecuritySwitchName, boolean>> & { ExceptionPolicy?: string | null };

/**
 * Changes security settings. Each one named is authorized on its own by the engine (only the owner may
 * change LabelSecurity, ProjectProtection and its exception policy; Admin none), all or nothing, audited
 * with the values before and after.
 */
export async function updateSecuritySettings(ctx: ServiceContext, input: z.output<typeof updateSecuritySettingsInput>) {
  const project = await projectInScope(ctx, input.project);
  const change: SettingsChange = {};
  for (const { setting } of SECURITY_SWITCHES) if (input[setting] !== undefined) change[setting] = input[setting];
  if (input.ExceptionPolicy !== undefined) change.ExceptionPolicy = input.ExceptionPolicy;
  const settings = Object.keys(change) as (SecuritySwitchName | "ExceptionPolicy")[];
  if (settings.length === 0)
    throw new AppError(
      "INVALID_INPUT",
      `Name at least one setting to change: ${[...SECURITY_SWITCHES.map((item) => item.setting), "ExceptionPolicy"].join(", ")}.`,
    );
  for (const setting of settings) authorizeAdmin(ctx, project, { kind: "SetSecurityConfig", setting });
  if (typeof change.ExceptionPolicy === "string")
    requireValidPolicy(change.ExceptionPolicy, "project", "ExceptionPolicy");

  return auditedTransaction(
    ctx,
    async (tx) => {
      await bumpSecurityVersion(tx, project.id);
      const row = await tx.project.findUniqueOrThrow({ where: { id: project.id } });
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const data: Prisma.ProjectUpdateInput = {};
      for (const { setting, column } of SECURITY_SWITCHES) {
        const value = change[setting];
        if (value === undefined) continue;
        before[setting] = row[column];
        after[setting] = value;
        data[column] = value;
      }
      if (change.ExceptionPolicy !== undefined) {
        const document =
          change.ExceptionPolicy === null ? null : (JSON.parse(change.ExceptionPolicy) as Prisma.InputJsonValue);
        before.ExceptionPolicy = row.protectionExceptionPolicy;
        after.ExceptionPolicy = document;
        data.protectionExceptionPolicy = document ?? Prisma.DbNull;
      }
      await tx.project.update({ where: { id: project.id }, data });
      return { before, after };
    },
    ({ before, after }) => ({
      action: "settings.update",
      projectId: project.id,
      target: { type: "PROJECT", id: project.id, name: project.name },
      before,
      after,
    }),
  ).then(({ after }) => ({ project: project.name, changed: after }));
}

export const updateSecuritySettingsEndpoint = defineEndpoint({
  name: "settings.update",
  input: updateSecuritySettingsInput,
  permission: "console.admin",
  run: updateSecuritySettings,
});
