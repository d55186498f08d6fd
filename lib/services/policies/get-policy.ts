import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { principalName } from "@/lib/identity/principal-name";
import { adminVerdict, type AdminVerdict } from "@/lib/authorize/admin-verdict";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { findPolicy, policyTarget, policyTargetFields, policyText } from "./support/policy-target";

export const getPolicyInput = z.object(policyTargetFields);

/** How many past versions the editor lists. */
const HISTORY_LENGTH = 50;

export interface PolicyVersionEntry {
  version: number;
  createdAt: string;
  createdBy: string;
  document: string;
}

export interface PolicyView {
  project: string;
  role: string | null;
  scope: "project" | "role";
  label: string;
  /** 0 when the policy has never been saved; a save must name the version it edited. */
  version: number;
  document: string;
  updatedAt: string | null;
  updatedBy: string | null;
  history: PolicyVersionEntry[];
  /** Custom roles of the project, whose policies can be edited next. */
  roles: string[];
  edit: AdminVerdict;
}

/** A project or role policy with its version history, for the project's owner and administrators. */
export async function getPolicy(ctx: ServiceContext, input: z.output<typeof getPolicyInput>): Promise<PolicyView> {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "see policies");
  const target = await policyTarget(project, input.role);
  const [policy, roles] = await Promise.all([
    findPolicy(prisma, target),
    prisma.projectRole.findMany({
      where: { projectId: project.id, kind: "CUSTOM" },
      select: { name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const history = policy
    ? await prisma.policyVersion.findMany({
        where: { policyId: policy.id },
        orderBy: { version: "desc" },
        take: HISTORY_LENGTH,
      })
    : [];
  const names = await userNames([
    ...(policy ? [policy.updatedById] : []),
    ...history.map((entry) => entry.createdById),
  ]);
  return {
    project: project.name,
    role: target.roleName,
    scope: target.scope,
    label: target.label,
    version: policy?.version ?? 0,
    document: policy ? policyText(policy.document) : "",
    updatedAt: policy?.updatedAt.toISOString() ?? null,
    updatedBy: policy ? (names.get(policy.updatedById) ?? null) : null,
    history: history.map((entry) => ({
      version: entry.version,
      createdAt: entry.createdAt.toISOString(),
      createdBy: names.get(entry.createdById) ?? "a deleted user",
      document: policyText(entry.document),
    })),
    roles: roles.map((role) => role.name),
    edit: adminVerdict(ctx, project, { kind: "EditPolicy", roleName: target.roleName }),
  };
}

async function userNames(ids: string[]): Promise<Map<string, string>> {
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(ids)] } }, include: { tenant: true } });
  return new Map(
    users.map((user) => [
      user.id,
      principalName({ kind: user.kind, email: user.email, name: user.name, tenantName: user.tenant.name }),
    ]),
  );
}

export const getPolicyEndpoint = defineEndpoint({
  name: "policy.get",
  input: getPolicyInput,
  permission: "project.inspect",
  run: getPolicy,
});
