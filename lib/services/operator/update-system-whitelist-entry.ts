import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { whitelistDescriptionField } from "@/lib/services/whitelists/support/whitelist-fields";
import { authorizeOperator } from "@/lib/authorize/authorize-operator";

export const updateSystemWhitelistEntryInput = z.object({
  entryId: z.string().uuid(),
  description: whitelistDescriptionField,
});

/** Changes what a system whitelist entry is said to be for; its address stays, so no decision changes. */
export async function updateSystemWhitelistEntry(
  ctx: ServiceContext,
  input: z.output<typeof updateSystemWhitelistEntryInput>,
) {
  await authorizeOperator(ctx);
  return auditedTransaction(
    ctx,
    async (tx) => {
      const entry = await tx.whitelistEntry.findFirst({ where: { id: input.entryId, scope: "SYSTEM" } });
      if (!entry) throw new AppError("NOT_FOUND", "That whitelist entry was not found.");
      const updated = await tx.whitelistEntry.update({
        where: { id: entry.id },
        data: { description: input.description },
        select: { id: true, value: true, description: true },
      });
      return { updated, before: entry.description };
    },
    ({ updated, before }) => ({
      action: "operator.system-whitelist.update",
      target: { type: "WHITELIST_ENTRY", id: updated.id, name: updated.value },
      before: { description: before },
      after: { description: updated.description },
    }),
  ).then(({ updated }) => updated);
}

export const updateSystemWhitelistEntryEndpoint = defineEndpoint({
  name: "operator.system-whitelist.update",
  input: updateSystemWhitelistEntryInput,
  permission: "platform.operate",
  run: updateSystemWhitelistEntry,
});
