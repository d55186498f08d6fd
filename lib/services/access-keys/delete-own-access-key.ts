import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { accessKeyIdField } from "./support/access-key-id-field";
import { ACCESS_KEY_VIEW } from "./support/access-key-records";

export const deleteOwnAccessKeyInput = z.object({ id: accessKeyIdField });

/** Deletes one of the caller's keys for good (its seen nonces go with it); a signed call with it then fails. */
export async function deleteOwnAccessKey(ctx: ServiceContext, input: z.output<typeof deleteOwnAccessKeyInput>) {
  return auditedTransaction(
    ctx,
    async (tx) => {
      const key = await tx.accessKey.findFirst({
        where: { id: input.id, userId: ctx.actor.userId },
        select: ACCESS_KEY_VIEW,
      });
      if (!key) throw new AppError("NOT_FOUND", "That AccessKey was not found.");
      await tx.accessKey.delete({ where: { id: key.id } });
      return key;
    },
    (key) => ({
      action: "access-key.delete",
      target: { type: "ACCESS_KEY", id: key.id, name: ctx.actor.principal },
      before: { status: key.status, description: key.description },
    }),
  ).then((key) => ({ id: key.id, deleted: true }));
}

export const deleteOwnAccessKeyEndpoint = defineEndpoint({
  name: "access-key.delete",
  input: deleteOwnAccessKeyInput,
  permission: "signed-in",
  run: deleteOwnAccessKey,
});
