import { z } from "zod";
import { bumpAllSecurityVersions } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { confirmLockoutField, refuseUnconfirmedLockout } from "@/lib/shared/whitelist-lockout";
import { authorizeOperator } from "@/lib/authorize/authorize-operator";

export const removeSystemWhitelistEntryInput = z.object({
  entryId: z.string().uuid(),
  confirmLockout: confirmLockoutField,
});

/** Removes a system whitelist entry; removing the last one lifts the platform-wide restriction. */
export async function removeSystemWhitelistEntry(
  ctx: ServiceContext,
  input: z.output<typeof removeSystemWhitelistEntryInput>,
) {
  await authorizeOperator(ctx);
  return auditedTransaction(
    ctx,
    async (tx) => {
      await bumpAllSecurityVersions(tx);
      const entries = await tx.whitelistEntry.findMany({
        where: { scope: "SYSTEM" },
        select: { id: true, value: true, description: true },
      });
      const entry = entries.find((candidate) => candidate.id === input.entryId);
      if (!entry) throw new AppError("NOT_FOUND", "That whitelist entry was not found.");
      const after = entries.filter((other) => other.id !== entry.id).map((other) => other.value);
      refuseUnconfirmedLockout(after, ctx.request.sourceIp, input.confirmLockout, "platform");
      await tx.whitelistEntry.delete({ where: { id: entry.id } });
      return entry;
    },
    (entry) => ({
      action: "operator.system-whitelist.remove",
      target: { type: "WHITELIST_ENTRY", id: entry.id, name: entry.value },
      before: entry,
    }),
  );
}

export const removeSystemWhitelistEntryEndpoint = defineEndpoint({
  name: "operator.system-whitelist.remove",
  input: removeSystemWhitelistEntryInput,
  permission: "platform.operate",
  run: removeSystemWhitelistEntry,
});
