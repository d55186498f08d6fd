import { z } from "zod";
import { bumpAllSecurityVersions } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { confirmLockoutField, refuseUnconfirmedLockout } from "@/lib/shared/whitelist-lockout";
import {
  WHITELIST_LIMIT,
  whitelistDescriptionField,
  whitelistValueField,
} from "@/lib/services/whitelists/support/whitelist-fields";
import { authorizeOperator } from "@/lib/authorize/authorize-operator";

export const addSystemWhitelistEntryInput = z.object({
  value: whitelistValueField,
  description: whitelistDescriptionField,
  confirmLockout: confirmLockoutField,
});

/** Adds an address, CIDR block or range to the system whitelist; the first entry starts restricting everyone. */
export async function addSystemWhitelistEntry(
  ctx: ServiceContext,
  input: z.output<typeof addSystemWhitelistEntryInput>,
) {
  await authorizeOperator(ctx);
  return auditedTransaction(
    ctx,
    async (tx) => {
      // First: every project's decisions change, and concurrent system whitelist changes queue on those rows.
      await bumpAllSecurityVersions(tx);
      const entries = await tx.whitelistEntry.findMany({ where: { scope: "SYSTEM" }, select: { value: true } });
      if (entries.some((entry) => entry.value === input.value)) {
        throw new AppError("CONFLICT", "That entry is already in the whitelist.", {
          value: [`${input.value} is already in the list.`],
        });
      }
      if (entries.length >= WHITELIST_LIMIT) {
        throw new AppError("INVALID_INPUT", "The whitelist is full.", {
          value: [
            `The system whitelist holds at most ${WHITELIST_LIMIT} entries; merge some into CIDR blocks or ranges.`,
          ],
        });
      }
      const after = [...entries.map((entry) => entry.value), input.value];
      refuseUnconfirmedLockout(after, ctx.request.sourceIp, input.confirmLockout, "platform");
      return tx.whitelistEntry.create({
        data: { scope: "SYSTEM", value: input.value, description: input.description, createdById: ctx.actor.userId },
        select: { id: true, value: true, description: true },
      });
    },
    (entry) => ({
      action: "operator.system-whitelist.add",
      target: { type: "WHITELIST_ENTRY", id: entry.id, name: entry.value },
      after: entry,
    }),
  );
}

export const addSystemWhitelistEntryEndpoint = defineEndpoint({
  name: "operator.system-whitelist.add",
  input: addSystemWhitelistEntryInput,
  permission: "platform.operate",
  run: addSystemWhitelistEntry,
});
