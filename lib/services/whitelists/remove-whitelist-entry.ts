import { z } from "zod";
import { projectInScope } from "@/lib/authorize/project-scope";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { confirmLockoutField, refuseUnconfirmedLockout } from "@/lib/shared/whitelist-lockout";
import { projectField } from "@/lib/services/project-field";

export const removeWhitelistEntryInput = z.object({
  project: projectField,
  entryId: z.string().uuid(),
  confirmLockout: confirmLockoutField,
});

/** Removes an entry. Removing the last one lifts the restriction; removing the admin's own needs confirming. */
export async function removeWhitelistEntry(ctx: ServiceContext, input: z.output<typeof removeWhitelistEntryInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "EditWhitelist" });

  return auditedTransaction(
    ctx,
    async (tx) => {
      await bumpSecurityVersion(tx, project.id);
      const entries = await tx.whitelistEntry.findMany({
        where: { scope: "PROJECT", projectId: project.id },
        select: { id: true, value: true, description: true },
      });
      const entry = entries.find((candidate) => candidate.id === input.entryId);
      if (!entry) throw new AppError("NOT_FOUND", "That whitelist entry was not found.");
      refuseUnconfirmedLockout(
        entries.filter((other) => other.id !== entry.id).map((other) => other.value),
        ctx.request.sourceIp,
        input.confirmLockout,
      );
      await tx.whitelistEntry.delete({ where: { id: entry.id } });
      return entry;
    },
    (entry) => ({
      action: "whitelist.remove",
      projectId: project.id,
      target: { type: "WHITELIST_ENTRY", id: entry.id, name: entry.value },
      before: entry,
    }),
  );
}

export const removeWhitelistEntryEndpoint = defineEndpoint({
  name: "whitelist.remove",
  input: removeWhitelistEntryInput,
  permission: "console.admin",
  run: removeWhitelistEntry,
});
