import { z } from "zod";
import { projectInScope } from "@/lib/authorize/project-scope";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { whitelistDescriptionField } from "./support/whitelist-fields";
import { projectField } from "@/lib/services/project-field";

export const updateWhitelistEntryInput = z.object({
  project: projectField,
  entryId: z.string().uuid(),
  description: whitelistDescriptionField,
});

/** Changes what an entry is said to be for; its address stays (remove it and add another to change that). */
export async function updateWhitelistEntry(ctx: ServiceContext, input: z.output<typeof updateWhitelistEntryInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "EditWhitelist" });

  return auditedTransaction(
    ctx,
    async (tx) => {
      await bumpSecurityVersion(tx, project.id);
      const entry = await tx.whitelistEntry.findFirst({
        where: { id: input.entryId, scope: "PROJECT", projectId: project.id },
      });
      if (!entry) throw new AppError("NOT_FOUND", "That whitelist entry was not found.");
      const updated = await tx.whitelistEntry.update({
        where: { id: entry.id },
        data: { description: input.description },
        select: { id: true, value: true, description: true },
      });
      return { updated, before: entry.description };
    },
    ({ updated, before }) => ({
      action: "whitelist.update",
      projectId: project.id,
      target: { type: "WHITELIST_ENTRY", id: updated.id, name: updated.value },
      before: { description: before },
      after: { description: updated.description },
    }),
  ).then(({ updated }) => updated);
}

export const updateWhitelistEntryEndpoint = defineEndpoint({
  name: "whitelist.update",
  input: updateWhitelistEntryInput,
  permission: "console.admin",
  run: updateWhitelistEntry,
});
