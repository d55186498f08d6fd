import { z } from "zod";
import type { SECURITY_SETTINGS } from "@/lib/authz";
import { prisma } from "@/lib/db/client";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { policyText } from "@/lib/services/policies/support/policy-target";
import { adminVerdict, type AdminVerdict } from "@/lib/authorize/admin-verdict";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { SECURITY_SWITCHES, type SecuritySwitchName } from "./support/security-switches";
import { projectField } from "@/lib/services/project-field";

type SecuritySetting = (typeof SECURITY_SETTINGS)[number];

export const getSecuritySettingsInput = z.object({ project: projectField });

export interface SecuritySettingsView {
  project: string;
  switches: { setting: SecuritySwitchName; description: string; value: boolean; change: AdminVerdict }[];
  /** The ProjectProtection exception policy as JSON text, "" when there is none. */
  exceptionPolicy: { document: string; change: AdminVerdict };
  trustedProjects: { names: string[]; change: AdminVerdict };
}

/** The project's security configuration, and for each part whether the actor may change it and why not. */
export async function getSecuritySettings(
  ctx: ServiceContext,
  input: z.output<typeof getSecuritySettingsInput>,
): Promise<SecuritySettingsView> {
  const scoped = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, scoped, "see security settings");
  const project = await prisma.project.findUnique({
    where: { id: scoped.id },
    include: { trusted: { include: { trustedProject: { select: { name: true } } }, orderBy: { createdAt: "asc" } } },
  });
  if (!project) throw new AppError("NOT_FOUND", `Project ${input.project} was not found.`);
  const verdict = (setting: SecuritySetting) => adminVerdict(ctx, scoped, { kind: "SetSecurityConfig", setting });
  return {
    project: project.name,
    switches: SECURITY_SWITCHES.map(({ setting, column, description }) => ({
      setting,
      description,
      value: project[column],
      change: verdict(setting),
    })),
    exceptionPolicy: {
      document: project.protectionExceptionPolicy === null ? "" : policyText(project.protectionExceptionPolicy),
      change: verdict("ExceptionPolicy"),
    },
    trustedProjects: {
      names: project.trusted.map((trust) => trust.trustedProject.name),
      change: verdict("TrustedProjects"),
    },
  };
}

export const getSecuritySettingsEndpoint = defineEndpoint({
  name: "settings.get",
  input: getSecuritySettingsInput,
  permission: "project.inspect",
  run: getSecuritySettings,
});
