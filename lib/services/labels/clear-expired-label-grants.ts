import { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { projectField } from "@/lib/services/project-field";

export const clearExpiredLabelGrantsInput = z.object({ project: projectField });

/**
 * CLEAR EXPIRED GRANTS: deletes the project's label grants whose expiry has passed. Housekeeping only: an
 * expired grant already counts for nothing from its expiry instant on, cleared or not.
 */
export async function clearExpiredLabelGrants(
  ctx: ServiceContext,
  input: z.output<typeof clearExpiredLabelGrantsInput>,
) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "ClearExpiredLabelGrants" });
  const now = new Date();
  return auditedTransaction(
    ctx,
    async (tx) => {
      const { count } = await tx.labelGrant.deleteMany({ where: { projectId: project.id, expiresAt: { lte: now } } });
      if (count > 0) await bumpSecurityVersion(tx, project.id);
      return { cleared: count, asOf: now.toISOString() };
    },
    (result) => ({
      action: "label.clear-expired",
      projectId: project.id,
      target: { type: "PROJECT", id: project.id, name: project.name },
      after: result,
    }),
  );
}

export const clearExpiredLabelGrantsEndpoint = defineEndpoint({
  name: "label.clear-expired",
  input: clearExpiredLabelGrantsInput,
  permission: "console.admin",
  run: clearExpiredLabelGrants,
});
