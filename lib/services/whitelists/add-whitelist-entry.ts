import { z } from "zod";
import { projectInScope } from "@/lib/authorize/project-scope";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { confirmLockoutField, refuseUnconfirmedLockout } from "@/lib/shared/whitelist-lockout";
import { WHITELIST_LIMIT, whitelistDescriptionField, whitelistValueField } from "./support/whitelist-fields";
import { projectField } from "@/lib/services/project-field";

export const addWhitelistEntryInput = z.object({
  project: projectField,
  value: whitelistValueField,
  description: whitelistDescriptionField,
  confirmLockout: confirmLockoutField,
});

/** Adds an address, CIDR block or range to the project's whitelist (an empty list restricts nobody). */
export async function addWhitelistEntry(ctx: ServiceContext, input: z.output<typeof addWhitelistEntryInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "EditWhitelist" });

  return auditedTransaction(
    ctx,
    async (tx) => {
      // First, so concurrent whitelist changes of the project queue on its row and see each other's result.
      await bumpSecurityVersion(tx, project.id);
      const entries = await tx.whitelistEntry.findMany({
        where: { scope: "PROJECT", projectId: project.id },
        select: { value: true },
      });
      if (entries.some((entry) => entry.value === input.value)) {
        throw new AppError("CONFLICT", "That entry is already in the whitelist.", {
          value: [`${input.value} is already in the list.`],
        });
      }
      if (entries.length >= WHITELIST_LIMIT) {
        throw new AppError("INVALID_INPUT", "The whitelist is full.", {
          value: [
            `A project whitelist holds at most ${WHITELIST_LIMIT} entries; merge some into CIDR blocks or ranges.`,
          ],
        });
      }
      refuseUnconfirmedLockout(
        [...entries.map((entry) => entry.value), input.value],
        ctx.request.sourceIp,
        input.confirmLockout,
      );
      return tx.whitelistEntry.create({
        data: {
          scope: "PROJECT",
          projectId: project.id,
          value: input.value,
          description: input.description,
          createdById: ctx.actor.userId,
        },
        select: { id: true, value: true, description: true },
      });
    },
    (entry) => ({
      action: "whitelist.add",
      projectId: project.id,
      target: { type: "WHITELIST_ENTRY", id: entry.id, name: entry.value },
      after: entry,
    }),
  );
}

export const addWhitelistEntryEndpoint = defineEndpoint({
  name: "whitelist.add",
  input: addWhitelistEntryInput,
  permission: "console.admin",
  run: addWhitelistEntry,
});
