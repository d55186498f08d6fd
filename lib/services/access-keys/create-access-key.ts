import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { ensureRoomForActiveKey, issueAccessKey, lockKeyOwner } from "./support/access-key-records";

export const createAccessKeyInput = z.object({
  description: z.string().trim().max(200, "At most 200 characters.").default(""),
});

/**
 * A new AccessKey for the caller. The answer is the only one that ever holds the secret; the audit row names
 * the key's id, never its secret.
 */
export async function createAccessKey(ctx: ServiceContext, input: z.output<typeof createAccessKeyInput>) {
  const userId = ctx.actor.userId;
  return auditedTransaction(
    ctx,
    async (tx) => {
      await lockKeyOwner(tx, userId);
      await ensureRoomForActiveKey(tx, userId, { newKey: true });
      return issueAccessKey(tx, userId, input.description);
    },
    (key) => ({
      action: "access-key.create",
      target: { type: "ACCESS_KEY", id: key.id, name: ctx.actor.principal },
      after: { status: "ACTIVE", description: input.description },
    }),
  );
}

export const createAccessKeyEndpoint = defineEndpoint({
  name: "access-key.create",
  input: createAccessKeyInput,
  permission: "signed-in",
  sessionOnly: "a stolen key must not be able to mint itself successors",
  run: createAccessKey,
});
