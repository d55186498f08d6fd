import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { ensureRoomForActiveKey, issueAccessKey, lockKeyOwner } from "./support/access-key-records";

export const createAccessKeyInput = z.object({
  description: z.string().trim().max(200, "At most 200 characters.").default(""),
});

/** Refused to a signed caller: a stolen key must not be able to mint itself successors. */
export function requireConsoleSession(ctx: ServiceContext, what: string): void {
  if (ctx.actor.via !== "session") {
    throw new AppError("FORBIDDEN", `${what} needs a console session: an AccessKey cannot do it.`);
  }
}

/**
 * A new AccessKey for the caller. The answer is the only one that ever holds the secret; the audit row names
 * the key's id, never its secret.
 */
export async function createAccessKey(ctx: ServiceContext, input: z.output<typeof createAccessKeyInput>) {
  requireConsoleSession(ctx, "Creating an AccessKey");
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
  run: createAccessKey,
});
