import { z } from "zod";
import { projectInScope } from "@/lib/authorize/project-scope";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { canonicalJson } from "@/lib/audit/canonical-json";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { findPolicy, policyTarget, policyTargetFields } from "./support/policy-target";
import { policyDocumentField, requireValidPolicy } from "./support/policy-validation";

export const savePolicyInput = z.object({
  ...policyTargetFields,
  document: policyDocumentField,
  /** The version the editor started from (0 for a policy never saved): saving over a newer one is a CONFLICT. */
  version: z.coerce.number().int().min(0),
});

export interface SavedPolicy {
  id: string;
  label: string;
  version: number;
}

/**
 * Saves a project or role policy as a new version: validated again here, written with a PolicyVersion row,
 * the project's security version bumped and the change audited with the document before and after.
 */
export async function savePolicy(ctx: ServiceContext, input: z.output<typeof savePolicyInput>): Promise<SavedPolicy> {
  const project = await projectInScope(ctx, input.project);
  const target = await policyTarget(project, input.role);
  authorizeAdmin(ctx, project, { kind: "EditPolicy", roleName: target.roleName });
  requireValidPolicy(input.document, target.scope, "document");
  // Stored as written (the engine parses it again); only the display reorders keys.
  const document = JSON.parse(input.document) as Prisma.InputJsonValue;

  return auditedTransaction(
    ctx,
    async (tx) => {
      // Bumping first takes the project row's lock: concurrent saves of this project's security state queue
      // here, and each then reads the policy as the previous one committed it.
      await bumpSecurityVersion(tx, project.id);
      const current = await findPolicy(tx, target);
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== input.version) {
        throw new AppError(
          "CONFLICT",
          `The ${target.label} was saved by someone else (now version ${currentVersion}) after you opened version ${input.version}. Reload to see their change; your text was not saved.`,
        );
      }
      if (current && canonicalJson(current.document) === canonicalJson(document)) {
        throw new AppError("INVALID_INPUT", "Nothing to save.", {
          document: ["The document is the same as the saved version."],
        });
      }
      const version = currentVersion + 1;
      const saved = current
        ? await tx.policy.update({
            where: { id: current.id },
            data: { document, version, updatedById: ctx.actor.userId },
          })
        : await tx.policy.create({
            data: { projectId: project.id, roleId: target.roleId, document, version, updatedById: ctx.actor.userId },
          });
      await tx.policyVersion.create({ data: { policyId: saved.id, version, document, createdById: ctx.actor.userId } });
      return {
        saved: { id: saved.id, label: target.label, version },
        before: current ? { version: current.version, document: current.document } : null,
      };
    },
    ({ saved, before }) => ({
      action: "policy.save",
      projectId: project.id,
      target: { type: "POLICY", id: saved.id, name: target.label },
      before,
      after: { version: saved.version, document },
    }),
  ).then(({ saved }) => saved);
}

export const savePolicyEndpoint = defineEndpoint({
  name: "policy.save",
  input: savePolicyInput,
  permission: "console.admin",
  run: savePolicy,
});
